// style::resolve through the templates: era dates and fiscal years, digit styles, every
// supplement wording, attendee lists, heading levels, answers, speaker turns, Q&A, counters.
// Expected strings come from typesetting.md §4.2–§4.5 and the seed, not from our output.
#include <catch2/catch.hpp>

#include <functional>

#include "style_test_support.hpp"

using namespace gijiroku;
using namespace style_test;
using style::Node;
using style::Role;

namespace {

struct Resolved {
    Diagnostics diags;
    std::optional<style::StyledDoc> doc;
};

Resolved resolve_xml(const std::string& xml, const std::string& tmpl = "tokyo-gijiyoshi") {
    Resolved r;
    auto m = minutes_from(xml, "test.xml", r.diags);
    INFO(all_messages(r.diags));
    REQUIRE(m);
    auto t = style::load_template(tmpl.find('/') == std::string::npos ? tmpl : tmpl, templates_dir(), r.diags);
    INFO(all_messages(r.diags));
    REQUIRE(t);
    r.doc = style::resolve(*m, *t, r.diags);
    return r;
}

void walk(const Node& n, const std::function<void(const Node&)>& f) {
    f(n);
    for (const Node& c : n.children) walk(c, f);
}

std::vector<const Node*> find_all(const Node& root, const std::function<bool(const Node&)>& pred) {
    std::vector<const Node*> out;
    walk(root, [&](const Node& n) {
        if (pred(n)) out.push_back(&n);
    });
    return out;
}

std::vector<std::string> texts_of(const Node& root, Role role) {
    std::vector<std::string> out;
    for (const Node* n : find_all(root, [&](const Node& x) { return x.role == role; }))
        out.push_back(style::text_content(*n));
    return out;
}

// The definition of the first particular.
std::string first_value(const style::StyledDoc& doc) {
    auto defs = texts_of(doc.root, Role::definition);
    REQUIRE_FALSE(defs.empty());
    return defs.front();
}

std::string date_line(const std::string& attrs, const std::string& tmpl = "tokyo-gijiyoshi") {
    Resolved r = resolve_xml(minutes_xml("", "<datetime " + attrs + "/>", ""), tmpl);
    INFO(all_messages(r.diags));
    CHECK(r.diags.error_count() == 0);
    return first_value(*r.doc);
}

std::string title_of(const std::string& session, const std::string& tmpl = "tokyo-gijiyoshi") {
    Resolved r = resolve_xml(minutes_xml(session, "", ""), tmpl);
    auto lines = texts_of(r.doc->root, Role::line);
    REQUIRE_FALSE(lines.empty());
    return lines.front();
}

}  // namespace

TEST_CASE("era dates through the template: 元年 and the era boundaries (typesetting.md §4.4)") {
    CHECK(date_line("date=\"2025-03-25\" start=\"18:30\" end=\"20:15\"") ==
          "令和７年３月25日（火曜日）午後６時30分から午後８時15分まで");
    CHECK(date_line("date=\"2019-05-01\"") == "令和元年５月１日（水曜日）");
    CHECK(date_line("date=\"2019-04-30\"") == "平成31年４月30日（火曜日）");
    CHECK(date_line("date=\"1989-01-08\"") == "平成元年１月８日（日曜日）");
    CHECK(date_line("date=\"1989-01-07\"") == "昭和64年１月７日（土曜日）");
}

TEST_CASE("times: 午前/午後 with K, on the hour without minutes, midnight as an end time (§4.5)") {
    CHECK(date_line("date=\"2025-03-25\" start=\"14:00\"") == "令和７年３月25日（火曜日）午後２時から");
    CHECK(date_line("date=\"2025-03-25\" start=\"12:00\"") == "令和７年３月25日（火曜日）午後０時から");
    CHECK(date_line("date=\"2025-03-25\" start=\"09:05\" end=\"10:00\"") ==
          "令和７年３月25日（火曜日）午前９時５分から午前10時まで");
    Resolved r = resolve_xml(minutes_xml("", "<datetime date=\"2025-03-25\" start=\"22:00\" end=\"24:00\"/>", ""));
    auto times = find_all(r.doc->root, [](const Node& n) { return n.role == Role::time; });
    REQUIRE(times.size() == 2);
    CHECK(times[0]->datetime == "2025-03-25T22:00+09:00");
    CHECK(style::text_content(*times[1]) == "午後12時");
    CHECK(times[1]->datetime == "2025-03-26T00:00+09:00");  // HTML has no 24:00
}

TEST_CASE("fiscal years in the title: written era kept, Gregorian converted (年度 = April–March)") {
    CHECK(title_of("<session fiscal-year=\"2024\" number=\"3\"/>") == "令和６年度 第３回 テスト協議会");
    CHECK(title_of("<session fiscal-year=\"令和6\" number=\"3\"/>") == "令和６年度 第３回 テスト協議会");
    CHECK(title_of("<session fiscal-year=\"R6\" number=\"12\"/>") == "令和６年度 第12回 テスト協議会");
    // FY2019 began in 平成31 and is conventionally 令和元年度; a document may say either.
    CHECK(title_of("<session fiscal-year=\"2019\" number=\"1\"/>") == "令和元年度 第１回 テスト協議会");
    CHECK(title_of("<session fiscal-year=\"令和元\" number=\"1\"/>") == "令和元年度 第１回 テスト協議会");
    CHECK(title_of("<session fiscal-year=\"H31\" number=\"1\"/>") == "平成31年度 第１回 テスト協議会");
    CHECK(title_of("<session fiscal-year=\"1988\"/>") == "昭和63年度 テスト協議会");
    CHECK(title_of("<session number=\"2\" extraordinary=\"true\"/>") == "第２回 臨時 テスト協議会");
    CHECK(title_of("<session fiscal-year=\"2024\" number=\"3\"/>", data("child-gregorian.xml")) ==
          "2024年度 第３回 テスト協議会");
}

TEST_CASE("digit styles apply to generated numbers only, never to the clerk's text (§4.3)") {
    const std::string xml = minutes_xml("<session fiscal-year=\"2024\" number=\"3\"/>",
                                        "<datetime date=\"2025-03-25\" start=\"18:30\" end=\"20:15\"/>",
                                        "<item><title>2024年の１件</title><p>2024年度に１２件</p></item>");
    struct Case {
        std::string tmpl, title, date, item;
    };
    const Case cases[] = {
        {"tokyo-gijiyoshi", "令和６年度 第３回 テスト協議会", "令和７年３月25日（火曜日）午後６時30分から午後８時15分まで", "（１）"},
        {data("child-halfwidth.xml"), "令和6年度 第3回 テスト協議会", "令和7年3月25日（火曜日）午後6時30分から午後8時15分まで", "（1）"},
        {data("child-fullwidth.xml"), "令和６年度 第３回 テスト協議会", "令和７年３月２５日（火曜日）午後６時３０分から午後８時１５分まで", "（１）"},
        {data("child-preserve.xml"), "令和6年度 第3回 テスト協議会", "令和7年3月25日（火曜日）午後6時30分から午後8時15分まで", "（1）"},
    };
    for (const Case& c : cases) {
        INFO(c.tmpl);
        Resolved r = resolve_xml(xml, c.tmpl);
        CHECK(texts_of(r.doc->root, Role::line).front() == c.title);
        CHECK(first_value(*r.doc) == c.date);
        auto markers = find_all(r.doc->root, [](const Node& n) { return n.marker; });
        REQUIRE(markers.size() == 2);  // the particular's 「１」 and the item's 「（１）」
        CHECK(style::text_content(*markers[1]) == c.item);
        auto headings = texts_of(r.doc->root, Role::heading);
        CHECK(headings.back() == c.item + "2024年の１件");
        CHECK(texts_of(r.doc->root, Role::paragraph).back() == "2024年度に１２件");
    }
    // The template's extra CSS is passed on to the XHTML writer as written.
    Resolved css = resolve_xml(xml, data("child-fullwidth.xml"));
    CHECK(css.doc->css == ".absent { color: #555; }");
    CHECK(resolve_xml(xml).doc->css.empty());
}

TEST_CASE("supplements: kind × about × phrasing, and the template's default phrasing") {
    const std::string group = "<attendance><group id=\"g\"><person id=\"iwasaki\" name=\"岩﨑\" title=\"委員\"/>"
                              "<person id=\"tomita\" name=\"冨田\" title=\"委員\" role=\"副会長\"/></group></attendance>";
    struct Case {
        std::string attrs, tokyo, nominal_default;
    };
    const Case cases[] = {
        {"by=\"iwasaki\" about=\"多摩\"", "（岩﨑委員から多摩について補足）", "（岩﨑委員から多摩についての補足）"},
        {"by=\"iwasaki\"", "（岩﨑委員から補足）", "（岩﨑委員からの補足）"},
        {"by=\"iwasaki\" about=\"区部\" phrasing=\"nominal\"", "（岩﨑委員から区部についての補足）", "（岩﨑委員から区部についての補足）"},
        {"by=\"tomita\" phrasing=\"nominal\"", "（冨田副会長からの補足）", "（冨田副会長からの補足）"},
        {"by=\"tomita\" phrasing=\"verbal\"", "（冨田副会長から補足）", "（冨田副会長から補足）"},
        {"by=\"tomita\" kind=\"information\"", "（冨田副会長から情報提供）", "（冨田副会長からの情報提供）"},
        {"by=\"tomita\" kind=\"information\" about=\"国の動向\"", "（冨田副会長から国の動向について情報提供）",
         "（冨田副会長から国の動向についての情報提供）"},
        {"by=\"tomita\" kind=\"information\" phrasing=\"nominal\"", "（冨田副会長からの情報提供）", "（冨田副会長からの情報提供）"},
        {"by=\"g\"", "（委員から補足）", "（委員からの補足）"},
    };
    for (const Case& c : cases) {
        INFO(c.attrs);
        const std::string xml =
            minutes_xml("", group, "<item><title>議題</title><supplement " + c.attrs + "><opinion>意見。</opinion></supplement></item>");
        Resolved t = resolve_xml(xml);
        CHECK(t.diags.error_count() == 0);
        CHECK(texts_of(t.doc->root, Role::heading).back() == c.tokyo);
        Resolved n = resolve_xml(xml, data("child-halfwidth.xml"));  // supplement-phrasing="nominal"
        CHECK(texts_of(n.doc->root, Role::heading).back() == c.nominal_default);
    }
}

TEST_CASE("attendee lists: qualifier, role, proxy, absentees, several groups, notes") {
    const std::string xml = minutes_xml(
        "",
        "<attendance size=\"20\" honorifics-omitted=\"true\" order=\"gojuon\">"
        "<group kind=\"members\">"
        "<person id=\"a\" name=\"前田\" title=\"委員\" role=\"会長\"/>"
        "<person id=\"b\" name=\"井上\" qualifier=\"愛\" title=\"委員\"/>"
        "<person id=\"c\" name=\"瀨\" title=\"委員\" present=\"false\"/>"
        "<person id=\"d\" name=\"岡部\" title=\"委員\" present=\"false\" proxy=\"中川\"/>"
        "<person id=\"e\" name=\"安岡\" title=\"委員\" present=\"false\"/>"
        "</group>"
        "<group kind=\"secretariat\"><person id=\"f\" name=\"小林\" title=\"部長\"/></group>"
        "<group kind=\"observers\"/>"
        "</attendance>",
        "");
    Resolved r = resolve_xml(xml);
    CHECK(r.diags.error_count() == 0);
    auto lists = find_all(r.doc->root, [](const Node& n) { return n.role == Role::list && n.inline_items; });
    REQUIRE(lists.size() == 3);  // members present, members absent, secretariat (the empty group prints nothing)
    auto items = [](const Node& l) {
        std::vector<std::string> out;
        for (const Node& c : l.children) out.push_back(style::text_content(c));
        return out;
    };
    CHECK(items(*lists[0]) ==
          std::vector<std::string>{"【委員】", "前田委員（会長）、", "井上（愛）委員、", "岡部委員（代理：中川）"});
    CHECK(lists[0]->children[0].role == Role::caption);
    CHECK(items(*lists[1]) == std::vector<std::string>{"（欠席）", "瀨委員、", "安岡委員"});
    CHECK(lists[1]->css_class == "absent");
    CHECK(items(*lists[2]) == std::vector<std::string>{"【事務局】", "小林部長"});
    auto notes = find_all(r.doc->root, [&](const Node& n) {
        return n.role == Role::paragraph && r.doc->style_of(n) && r.doc->style_of(n)->name == "attendance-notes";
    });
    REQUIRE(notes.size() == 1);
    CHECK(style::text_content(*notes[0]) == "（定数20名、敬称略、五十音順）");

    // One printed group: no caption.
    Resolved one = resolve_xml(minutes_xml(
        "", "<attendance><group><person id=\"a\" name=\"前田\" title=\"委員\"/></group><group kind=\"secretariat\"/></attendance>", ""));
    auto l1 = find_all(one.doc->root, [](const Node& n) { return n.role == Role::list && n.inline_items; });
    REQUIRE(l1.size() == 1);
    CHECK(style::text_content(*l1[0]) == "前田委員");
    CHECK(l1[0]->children[0].role == Role::list_item);
}

TEST_CASE("speaker names: name + title, name + role, per-kind patterns, groups") {
    const std::string people =
        "<attendance><group id=\"iin\"><person id=\"ikeda\" name=\"池田 正明\" role=\"会長\"/>"
        "<person id=\"ueno\" name=\"上野 和子\"/></group>"
        "<group id=\"jim\" kind=\"secretariat\"><person id=\"yama\" name=\"山口 智子\" title=\"介護保険課長\"/></group></attendance>";
    const std::string body = "<item><title>t</title><qa><question by=\"ueno\">問い。</question><answer by=\"yama\">答え。</answer>"
                             "<question by=\"ikeda\">再問。</question><answer by=\"jim\">回答。</answer></qa></item>";
    Resolved city = resolve_xml(minutes_xml("", people, body), "city-kaigiroku");
    CHECK(city.diags.error_count() == 0);
    auto items = find_all(city.doc->root, [](const Node& n) { return n.role == Role::list_item; });
    std::vector<std::string> qa;
    for (const Node* li : items)
        if (li->css_class == "question" || li->css_class == "answer") qa.push_back(style::text_content(*li));
    CHECK(qa == std::vector<std::string>{"質問（上野委員）問い。", "回答（介護保険課長）答え。", "質問（池田会長）再問。",
                                         "回答（事務局）回答。"});
}

TEST_CASE("speaker turns: ministry ○座長, municipal ○会長（氏名君）") {
    const std::string people = "<attendance><group><person id=\"t\" name=\"髙橋\" title=\"委員\" role=\"座長\"/>"
                               "<person id=\"a\" name=\"青木\" title=\"委員\"/></group></attendance>";
    const std::string body = "<item><title>t</title><speech by=\"t\"><p>一つ目。</p><p>二つ目。</p></speech>"
                             "<speech by=\"a\"><p>意見です。</p></speech><interjection>異議なし</interjection></item>";
    Resolved m = resolve_xml(minutes_xml("", people, body), "ministry-gijiroku");
    CHECK(m.diags.error_count() == 0);
    auto paras = texts_of(m.doc->root, Role::paragraph);
    REQUIRE(paras.size() >= 4);
    const std::vector<std::string> tail(paras.end() - 4, paras.end());
    CHECK(tail == std::vector<std::string>{"○髙橋座長　一つ目。", "二つ目。", "○青木委員　意見です。", "（「異議なし」の声あり）"});
    auto speakers = find_all(m.doc->root, [](const Node& n) { return n.css_class == "speaker"; });
    REQUIRE(speakers.size() == 2);
    CHECK(speakers[0]->role == Role::span);

    Resolved c = resolve_xml(minutes_xml("", people, body), "city-kaigiroku");
    auto cp = texts_of(c.doc->root, Role::paragraph);
    CHECK(std::find(cp.begin(), cp.end(), "○座長（髙橋君） 一つ目。") != cp.end());
    CHECK(std::find(cp.begin(), cp.end(), "（「異議なし」と呼ぶ者あり）") != cp.end());
}

TEST_CASE("heading levels never skip, whatever the nesting; capped at 6") {
    const std::string deep =
        "<item><title>一</title><opinions><opinion>a</opinion></opinions>"
        "<item><title>二</title><item><title>三</title><item><title>四</title><item><title>五</title>"
        "<opinions><opinion>b</opinion></opinions></item></item></item></item></item>";
    auto check_levels = [](const style::StyledDoc& doc) {
        // Walking in reading order, each heading is at most one level deeper than the last.
        int last = 0;
        walk(doc.root, [&](const Node& n) {
            if (n.role != Role::heading) return;
            CHECK(n.level >= 1);
            CHECK(n.level <= 6);
            CHECK(n.level <= last + 1);
            last = n.level;
        });
    };
    Resolved r = resolve_xml(minutes_xml("", "", "<title>議事</title>" + deep));
    check_levels(*r.doc);
    std::vector<int> levels;
    for (const Node* h : find_all(r.doc->root, [](const Node& n) { return n.role == Role::heading; }))
        levels.push_back(h->level);
    CHECK(levels == std::vector<int>{1, 2, 3, 4, 4, 5, 6, 6, 6});
    auto markers = find_all(r.doc->root, [](const Node& n) { return n.marker; });
    std::vector<std::string> numbers;
    for (const Node* m : markers) numbers.push_back(style::text_content(*m));
    CHECK(numbers == std::vector<std::string>{"（１）", "ア", "（ア）", "a", "（a）"});

    // No proceedings heading at all (empty default, no title): items become h2.
    Resolved n = resolve_xml(minutes_xml("", "", deep), data("child-preserve.xml"));
    check_levels(*n.doc);
    // A procedural item without number or title has no heading: its content stays in place.
    Resolved p = resolve_xml(minutes_xml("", "", "<title>議事</title><item kind=\"procedural\"><opinions><opinion>x</opinion></opinions></item>"));
    check_levels(*p.doc);
}

TEST_CASE("answers nest under what they answer; marks and alt come from the template") {
    Resolved r = resolve_xml(minutes_xml("", "", "<item><title>t</title><opinions><question>問？</question>"
                                                 "<answer>答1。</answer><answer>答2。</answer><opinion>意見。</opinion></opinions></item>"));
    auto lists = find_all(r.doc->root, [](const Node& n) { return n.role == Role::list; });
    REQUIRE(lists.size() == 2);
    const Node& outer = *lists[0];
    REQUIRE(outer.children.size() == 2);  // the question (with its answers) and the opinion
    const Node& nested = *lists[1];
    CHECK(nested.level == 2);
    REQUIRE(nested.children.size() == 2);
    for (const Node& a : nested.children) {
        CHECK(a.children[0].role == Role::label);
        CHECK(a.children[0].alt == "回答");
        CHECK(style::text_content(a.children[0]) == "→");
    }
    CHECK(style::text_content(outer.children[0].children[0]) == "・");
}

TEST_CASE("counters: 公用文 sequences (typesetting.md §4.2)") {
    using style::Counter;
    const auto off = text::DigitStyle::office;
    CHECK(style::counter_text(Counter::katakana, 1, off) == "ア");
    CHECK(style::counter_text(Counter::katakana, 6, off) == "カ");
    CHECK(style::counter_text(Counter::katakana, 44, off) == "ワ");
    CHECK(style::counter_text(Counter::katakana, 45, off) == "45");
    CHECK(style::counter_text(Counter::iroha, 3, off) == "ハ");
    CHECK(style::counter_text(Counter::lower_latin, 2, off) == "b");
    CHECK(style::counter_text(Counter::upper_latin, 26, off) == "Z");
    CHECK(style::counter_text(Counter::kanji, 1, off) == "一");
    CHECK(style::counter_text(Counter::kanji, 10, off) == "十");
    CHECK(style::counter_text(Counter::kanji, 11, off) == "十一");
    CHECK(style::counter_text(Counter::kanji, 20, off) == "二十");
    CHECK(style::counter_text(Counter::kanji, 99, off) == "九十九");
    CHECK(style::counter_text(Counter::circled, 1, off) == "①");
    CHECK(style::counter_text(Counter::circled, 21, off) == "㉑");
    CHECK(style::counter_text(Counter::circled, 50, off) == "㊿");
    CHECK(style::counter_text(Counter::decimal, 3, off) == "３");
    CHECK(style::counter_text(Counter::decimal, 12, off) == "12");
    style::NumberFormat f{"（{n}）", Counter::katakana, {}};
    CHECK(style::number_label(f, 2, off) == "（イ）");
}

TEST_CASE("a template that cannot word the minutes: E420 naming the template and the minutes line") {
    Resolved r;
    auto m = minutes_from(minutes_xml("", "<venue mode=\"online\"/>", ""), "test.xml", r.diags);
    REQUIRE(m);
    auto t = style::load_template(data("no-wording.xml"), templates_dir(), r.diags);
    REQUIRE(t);
    style::resolve(*m, *t, r.diags);
    REQUIRE(r.diags.error_count() > 0);
    bool found = false;
    for (const Diagnostic& d : r.diags.all()) {
        CHECK(d.code == "E420");
        CHECK(d.file == data("no-wording.xml"));
        CHECK(d.loc == SourceLoc{2, 1});
        if (d.message == "template 'no-wording' cannot word 'venue.online' (no <pattern key=\"venue.online\">) "
                         "(needed by test.xml:4:14)")
            found = true;
    }
    INFO(all_messages(r.diags));
    CHECK(found);
}

TEST_CASE("the other examples resolve with every template without errors") {
    for (const char* ex : {"examples/tokyo-2025-03-25.xml", "examples/mext-council-2025-06-12.xml",
                           "examples/city-kaigiroku-2024-11-20.xml"}) {
        for (const char* tn : {"tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"}) {
            Diagnostics d;
            auto m = minutes_file(source(ex), d);
            REQUIRE(m);
            auto t = style::load_template(tn, templates_dir(), d);
            REQUIRE(t);
            style::StyledDoc doc = style::resolve(*m, *t, d);
            INFO(ex << " + " << tn << "\n" << all_messages(d));
            CHECK(d.error_count() == 0);
            CHECK_FALSE(doc.title.empty());
        }
    }
}

TEST_CASE("particular labels are spread to the longest label's width, and the value column follows") {
    const auto style_named = [](const style::StyledDoc& d, const std::string& name) -> const style::BlockStyle& {
        for (const auto& s : d.styles)
            if (s.name == name) return s;
        FAIL("no style " << name);
        return d.styles.front();
    };
    // The seed's labels (日時, 会場, 出席者): the tokyo template's 3 zw, value at 6 zw.
    Resolved three = resolve_xml(minutes_xml("", "<datetime date=\"2025-03-25\"/><venue mode=\"online\"/>", ""));
    CHECK(style_named(*three.doc, "particular-term").jidori == 3);
    CHECK(style_named(*three.doc, "particular").term_width == 6);
    CHECK(style_named(*three.doc, "particular-value").start_indent == 6);
    // 配付資料 is four characters: every label spreads to 4 zw and the values start at 7 zw.
    Resolved four = resolve_xml(minutes_xml(
        "", "<datetime date=\"2025-03-25\"/><handouts><handout id=\"h1\" number=\"資料1\">案</handout></handouts>", ""));
    INFO(all_messages(four.diags));
    CHECK(four.diags.error_count() == 0);
    CHECK(style_named(*four.doc, "particular-term").jidori == 4);
    CHECK(style_named(*four.doc, "particular").term_width == 7);
    CHECK(style_named(*four.doc, "particular-value").start_indent == 7);
    CHECK(style_named(*four.doc, "handout-text").start_indent == 7);
    CHECK(texts_of(four.doc->root, Role::term).at(1).find("配付資料") != std::string::npos);
}
