// The seed (examples/tokyo-2025-03-25.xml with tokyo-gijiyoshi): every character of the
// published summary, and the structure the XHTML and PDF outlines are built from.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/utf8.hpp"
#include "style_test_support.hpp"

using namespace gijiroku;
using namespace style_test;

namespace {

// Unicode White_Space (plus the BOM), removed from both sides before comparing.
std::string without_whitespace(const std::string& s) {
    std::string out;
    for (char32_t c : utf8::decode(s)) {
        const bool ws = (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
                        (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
                        c == 0x3000 || c == 0xFEFF;
        if (!ws) utf8::append(out, c);
    }
    return out;
}

style::StyledDoc seed_doc(Diagnostics& d) {
    auto m = minutes_file(source("examples/tokyo-2025-03-25.xml"), d);
    REQUIRE(m);
    auto t = style::load_template("tokyo-gijiyoshi", templates_dir(), d);
    REQUIRE(t);
    return style::resolve(*m, *t, d);
}

const style::Node& child(const style::Node& n, std::size_t i) {
    REQUIRE(i < n.children.size());
    return n.children[i];
}

}  // namespace

TEST_CASE("fidelity: the seed's StyledDoc says exactly what the published summary says") {
    Diagnostics d;
    style::StyledDoc doc = seed_doc(d);
    INFO(all_messages(d));
    CHECK(d.empty());

    std::string seed = read_file(std::string(GIJIROKU_SHARED_DIR) + "/seeds/000_5aba5523e865b097.txt");
    REQUIRE_FALSE(seed.empty());
    // The seed's one typo: 「2５日」 (the date is an attribute in the XML, so we print 25).
    const std::string typo = "2５";
    const std::size_t at = seed.find(typo);
    REQUIRE(at != std::string::npos);
    seed.replace(at, typo.size(), "25");

    const std::string expected = without_whitespace(seed);
    const std::string actual = without_whitespace(style::text_content(doc.root));
    if (actual != expected) {
        std::size_t i = 0;
        while (i < actual.size() && i < expected.size() && actual[i] == expected[i]) ++i;
        const std::size_t from = i > 60 ? i - 60 : 0;
        INFO("first difference at byte " << i << "\n  ours: …" << actual.substr(from, 150) << "\n  seed: …"
                                         << expected.substr(from, 150));
        CHECK(actual == expected);
    }
}

TEST_CASE("seed structure: title, particulars, proceedings") {
    Diagnostics d;
    style::StyledDoc doc = seed_doc(d);
    const style::Node& root = doc.root;
    CHECK(root.role == style::Role::document);
    CHECK(doc.title == "令和６年度 第３回 東京都医療的ケア児支援地域協議会 議事要旨");
    CHECK(doc.lang == "ja");
    CHECK(doc.template_name == "tokyo-gijiyoshi");

    // h1 with two lines; 議事要旨 is tracked by its style, never spaced in the text.
    const style::Node& h1 = child(root, 0);
    CHECK(h1.role == style::Role::heading);
    CHECK(h1.level == 1);
    REQUIRE(h1.children.size() == 2);
    CHECK(h1.children[0].role == style::Role::line);
    CHECK(style::text_content(h1.children[0]) == "令和６年度 第３回 東京都医療的ケア児支援地域協議会");
    CHECK(style::text_content(h1.children[1]) == "議事要旨");
    REQUIRE(doc.style_of(h1.children[1]));
    CHECK(doc.style_of(h1.children[1])->letter_spacing == 1);

    // 1 日時: number in the marker box, label spread over 3 zw, a time element.
    const style::Node& dl = child(root, 1);
    CHECK(dl.role == style::Role::definition_list);
    REQUIRE(dl.children.size() == 3);
    const style::Node& term = child(child(dl, 0), 0);
    CHECK(term.role == style::Role::term);
    CHECK(child(term, 0).marker);
    CHECK(style::text_content(child(term, 0)) == "１");
    CHECK(style::text_content(term) == "１日時");
    REQUIRE(doc.style_of(term));
    CHECK(doc.style_of(term)->jidori == 3);
    CHECK(doc.style_of(term)->marker_width == 2);
    const style::Node& when = child(child(dl, 0), 1);
    CHECK(when.role == style::Role::definition);
    CHECK(style::text_content(when) == "令和７年３月25日（火曜日）午後６時30分から午後８時15分まで");
    REQUIRE(when.children.size() == 4);
    CHECK(when.children[0].role == style::Role::time);
    CHECK(when.children[0].datetime == "2025-03-25T18:30+09:00");
    CHECK(style::text_content(when.children[0]) == "令和７年３月25日（火曜日）午後６時30分");
    CHECK(when.children[2].datetime == "2025-03-25T20:15+09:00");
    CHECK(style::text_content(child(child(dl, 1), 1)) == "オンライン開催");

    // 3 出席者: a run-on list of 14 names, 「、」 inside every item but the last, then the absentees.
    const style::Node& who = child(child(dl, 2), 1);
    REQUIRE(who.children.size() == 2);
    const style::Node& present = who.children[0];
    CHECK(present.role == style::Role::list);
    CHECK(present.inline_items);
    REQUIRE(present.children.size() == 14);
    CHECK(style::text_content(present.children[0]) == "前田委員（会長）、");
    CHECK(style::text_content(present.children[4]) == "井上（愛）委員、");
    CHECK(style::text_content(present.children[13]) == "髙山委員");
    const style::Node& absent = who.children[1];
    CHECK(absent.inline_items);
    REQUIRE(absent.children.size() == 4);
    CHECK(absent.children[0].role == style::Role::caption);
    CHECK(style::text_content(absent.children[0]) == "（欠席）");
    CHECK(style::text_content(absent.children[1]) == "瀨委員、");
    CHECK(style::text_content(absent.children[3]) == "安岡委員");

    // Proceedings: h2, items at h3 with （１）, （主な意見等） and supplements at h4.
    const style::Node& pr = child(root, 2);
    CHECK(pr.role == style::Role::section);
    CHECK(child(pr, 0).level == 2);
    CHECK(style::text_content(child(pr, 0)) == "議事概要（委員からの主な御意見等）");
    REQUIRE(pr.children.size() == 5);
    const style::Node& item3 = child(pr, 3);
    const style::Node& h3 = child(item3, 0);
    CHECK(h3.level == 3);
    CHECK(child(h3, 0).marker);
    CHECK(style::text_content(child(h3, 0)) == "（３）");
    CHECK(style::text_content(h3) == "（３）医療的ケア児支援センターの運営状況");
    CHECK(style::text_content(child(item3, 1)) == "事務局から資料説明");
    std::vector<std::string> h4;
    for (const style::Node& s : item3.children)
        if (s.role == style::Role::section) {
            CHECK(child(s, 0).level == 4);
            h4.push_back(style::text_content(child(s, 0)));
        }
    CHECK(h4 == std::vector<std::string>{"（主な意見等）", "（岩﨑委員から多摩について補足）",
                                         "（中嶽委員から区部についての補足）", "（冨田副会長からの補足）"});
    const style::Node& opinions = child(item3, 2);
    const style::Node& li = child(child(opinions, 1), 0);
    CHECK(li.role == style::Role::list_item);
    CHECK(child(li, 0).role == style::Role::label);
    CHECK(style::text_content(child(li, 0)) == "・");
    CHECK(child(li, 1).role == style::Role::list_body);
    CHECK(child(child(li, 1), 0).role == style::Role::paragraph);

    // The answer in item 4: a nested list in the question's body, → said as 回答.
    const style::Node& item4 = child(pr, 4);
    const style::Node& list4 = child(child(item4, 2), 1);
    REQUIRE(list4.children.size() == 4);
    const style::Node& q = child(list4.children[3], 1);
    REQUIRE(q.children.size() == 2);
    const style::Node& answers = q.children[1];
    CHECK(answers.role == style::Role::list);
    CHECK(answers.level == 2);
    const style::Node& answer = child(answers, 0);
    CHECK(child(answer, 0).role == style::Role::label);
    CHECK(style::text_content(child(answer, 0)) == "→");
    CHECK(child(answer, 0).alt == "回答");
    CHECK(style::text_content(child(item4, 3).children[0]) == "（前田会長から情報提供）");
}

TEST_CASE("golden: the seed's StyledDoc dump") {
    Diagnostics d;
    const std::string actual = style::dump(seed_doc(d));
    const std::string path = source("tests/golden/style/tokyo-2025-03-25.styled.txt");
    if (std::getenv("GIJIROKU_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("golden written: " << path << " — review it against the seed before committing");
    }
    const std::string expected = read_file(path);
    REQUIRE_FALSE(expected.empty());
    CHECK(actual == expected);
}
