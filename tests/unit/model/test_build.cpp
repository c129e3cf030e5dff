// model::build: ids in document order, positions, the whitespace rule (build.hpp), typed
// values, fiscal-year resolution, names kept byte for byte, and the E320/E330 diagnostics.
#include <catch2/catch.hpp>

#include <set>
#include <utility>

#include "core/utf8.hpp"
#include "model_test_support.hpp"

using namespace model_test;
using namespace gijiroku;
using namespace gijiroku::model;

namespace {

// A minimal valid document around `header_rest` (after body-name), `particulars` and
// `proceedings`.
std::string mini(const std::string& header_rest, const std::string& particulars = "",
                 const std::string& proceedings = "") {
    return "<minutes xmlns=\"urn:gijiroku:minutes:1\" version=\"1.0\" kind=\"summary\">\n"
           "<header><body-name>会議</body-name>" + header_rest + "</header>\n" +
           (particulars.empty() ? "" : "<particulars>" + particulars + "</particulars>\n") +
           (proceedings.empty() ? "" : "<proceedings>" + proceedings + "</proceedings>\n") + "</minutes>\n";
}

const Opinions& first_opinions(const Minutes& m) {
    const Item& item = std::get<Item>(m.proceedings->blocks.at(0).node);
    for (const Block& b : item.blocks)
        if (const auto* o = std::get_if<Opinions>(&b.node)) return *o;
    throw std::runtime_error("no opinions");
}

// Where every start tag of `src` is ('<' followed by a name character), skipping comments,
// the XML declaration and end tags: an independent list of element positions.
std::vector<std::pair<std::uint32_t, std::uint32_t>> start_tags(const std::string& src) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    std::uint32_t line = 1, col = 1;
    std::size_t pos = 0;
    while (pos < src.size()) {
        if (src.compare(pos, 4, "<!--") == 0) {
            const std::size_t end = src.find("-->", pos) + 3;
            while (pos < end) {
                if (src[pos] == '\n') ++line, col = 1, ++pos;
                else utf8::next(src, pos), ++col;
            }
            continue;
        }
        if (src[pos] == '<' && pos + 1 < src.size() && src[pos + 1] != '/' && src[pos + 1] != '?' &&
            src[pos + 1] != '!')
            out.emplace_back(line, col);
        if (src[pos] == '\n') {
            ++line, col = 1, ++pos;
        } else {
            utf8::next(src, pos);
            ++col;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("every element gets a NodeId in document order, located at its '<'") {
    for (const char* name : {"tokyo-2025-03-25.xml", "mext-council-2025-06-12.xml", "city-kaigiroku-2024-11-20.xml"}) {
        INFO(name);
        const std::string src = slurp(example_path(name));
        const Loaded r = load(src, name);
        REQUIRE(r.minutes);
        const Minutes& m = *r.minutes;
        REQUIRE(m.locations.size() == m.text_anchors.size());
        CHECK(m.locations[0] == SourceLoc{});
        // Pre-order: each node starts after the one before it.
        for (std::size_t i = 2; i < m.locations.size(); ++i) {
            INFO(i);
            CHECK(std::pair(m.locations[i - 1].line, m.locations[i - 1].column) <
                  std::pair(m.locations[i].line, m.locations[i].column));
        }
        std::set<std::pair<std::uint32_t, std::uint32_t>> located;
        for (const SourceLoc& l : m.locations) located.emplace(l.line, l.column);
        const auto tags = start_tags(src);
        CHECK(tags.size() > 50);
        for (const auto& t : tags) {
            INFO(t.first << ":" << t.second);
            CHECK(located.count(t) == 1);
        }
    }
}

TEST_CASE("the seed's ids and positions") {
    const Loaded r = load_file(example_path("tokyo-2025-03-25.xml"));
    REQUIRE(r.minutes);
    const Minutes& m = *r.minutes;
    CHECK(m.kind == DocumentKind::summary);
    CHECK(m.lang == "ja");
    CHECK(m.loc(m.id) == SourceLoc{9, 1});
    CHECK(m.header.body_name == "東京都医療的ケア児支援地域協議会");
    CHECK(m.loc(m.header.body_name_id) == SourceLoc{11, 5});
    REQUIRE(m.header.session);
    REQUIRE(m.header.session->fiscal_year);
    CHECK(m.header.session->fiscal_year->start_year == 2024);
    CHECK(m.header.session->fiscal_year->loc == SourceLoc{12, 14});
    CHECK(m.header.session->number == 3);

    const auto& dt = std::get<DateTime>(m.particulars.at(0));
    CHECK(dt.date.value == Date{2025, 3, 25});
    CHECK(dt.date.loc == SourceLoc{16, 15});
    REQUIRE(dt.weekday);
    CHECK(dt.weekday->value == "火曜日");
    CHECK(dt.weekday->loc == SourceLoc{16, 33});
    CHECK(dt.start->value == Time{18, 30});
    CHECK(dt.end->value == Time{20, 15});
    CHECK(!dt.opened);
    CHECK(std::get<Venue>(m.particulars.at(1)).mode == VenueMode::online);

    // 瀨 (U+7028) absent; 﨑 (U+FA11) and 髙 (U+9AD9) byte for byte.
    const Person* se = m.find_person("瀨");
    REQUIRE(se);
    CHECK(se->name == utf8::encode(U'\u7028'));
    CHECK(!se->present);
    CHECK(m.loc(se->id) == SourceLoc{34, 9});
    CHECK(m.find_person("岩﨑")->name == "岩" + utf8::encode(U'\uFA11'));
    CHECK(m.find_person("髙山")->name == utf8::encode(U'\u9AD9') + "山");
    CHECK(m.find_person("井上-愛")->qualifier == "愛");
    CHECK(m.find_person("事務局") == nullptr);
    REQUIRE(m.find_group("事務局"));
    CHECK(m.find_group("事務局")->kind == GroupKind::secretariat);
    CHECK(m.find_group("前田") == nullptr);
    // The seed's items carry no ids (the published text gives none).
    REQUIRE(m.proceedings);
    REQUIRE(m.proceedings->blocks.size() == 4);
    const Item& item3 = std::get<Item>(m.proceedings->blocks.at(2).node);
    CHECK(m.loc(item3.id) == SourceLoc{65, 5});
    CHECK(m.find_item("nothing") == nullptr);
    CHECK(m.find_handout("岩﨑") == nullptr);

    // The name attribute of 岩﨑 as a string field, at the value's first character.
    bool found = false;
    for (const StringField& f : m.strings)
        if (f.owner == m.find_person("岩﨑")->id && f.what == "name") {
            found = true;
            CHECK(f.loc == SourceLoc{25, 31});
            CHECK(m.loc_in_string(f, 3) == SourceLoc{25, 32});  // 﨑
        }
    CHECK(found);

    // item3: supplement by 岩﨑 about 多摩 with two opinions; the answer in item4.
    const auto& sup = std::get<Supplement>(item3.blocks.at(2).node);
    CHECK(sup.by.value == "岩﨑");
    CHECK(sup.by.loc == SourceLoc{71, 19});
    CHECK(sup.about == "多摩");
    CHECK(sup.entries.size() == 2);
    const auto& nominal = std::get<Supplement>(item3.blocks.at(3).node);
    CHECK(nominal.phrasing == Supplement::Phrasing::nominal);
    const Item& item4 = std::get<Item>(m.proceedings->blocks.at(3).node);
    const auto& ops = std::get<Opinions>(item4.blocks.at(1).node);
    REQUIRE(ops.entries.size() == 5);
    CHECK(ops.entries[4].kind == Utterance::Kind::answer);
    CHECK(!ops.entries[4].by);  // the published text does not say who answered
    const Inline& answer_text = ops.entries[4].content.at(0);
    CHECK(answer_text.kind == Inline::Kind::text);
    CHECK(m.loc(answer_text.id) == SourceLoc{96, 17});
    // 「 is the 3rd character of the answer (国の「…).
    CHECK(m.loc_in_text(answer_text.id, answer_text.text, 6) == SourceLoc{96, 19});
    CHECK(std::get<Supplement>(item4.blocks.at(2).node).kind == Supplement::Kind::information);
    CHECK(m.end_mark == false);
    CHECK(!m.contact);
}

TEST_CASE("whitespace rule: hard-wrapped lines, Latin words, kept spaces, exact positions") {
    const Loaded r = load_file(data_path("whitespace.xml"));
    REQUIRE(r.minutes);
    CHECK(r.read_diags.empty());
    const Minutes& m = *r.minutes;
    const Opinions& ops = first_opinions(m);
    REQUIRE(ops.entries.size() == 3);

    // Japanese on both sides of the line break: nothing between them; edges stripped.
    const InlineContent& a = ops.entries[0].content;
    REQUIRE(a.size() == 1);
    CHECK(a[0].text == "医療的ケア児等コーディネーターの名称が保護者に浸透しつつある。");
    CHECK(m.loc(a[0].id) == SourceLoc{26, 11});
    CHECK(m.loc_in_text(a[0].id, a[0].text, 0) == SourceLoc{26, 11});
    CHECK(m.loc_in_text(a[0].id, a[0].text, 54) == SourceLoc{26, 29});  // が, end of line 26
    CHECK(m.loc_in_text(a[0].id, a[0].text, 57) == SourceLoc{27, 11});  // 保, first on line 27
    CHECK(m.loc_in_text(a[0].id, a[0].text, 60) == SourceLoc{27, 12});

    // Latin on both sides: one space. Spaces without a line break are kept exactly.
    const InlineContent& b = ops.entries[1].content;
    REQUIRE(b.size() == 1);
    CHECK(b[0].text == "Education at a Glance と  二つの空白。");
    CHECK(m.loc_in_text(b[0].id, b[0].text, 13) == SourceLoc{29, 31});  // a
    CHECK(m.loc_in_text(b[0].id, b[0].text, 15) == SourceLoc{30, 11});  // G
    CHECK(m.loc_in_text(b[0].id, b[0].text, 22) == SourceLoc{30, 18});  // と

    // Across an inline element; U+3000 is content, never layout.
    const InlineContent& c = ops.entries[2].content;
    REQUIRE(c.size() == 3);
    CHECK(c[0].text == "語");
    CHECK(c[1].kind == Inline::Kind::emphasis);
    REQUIRE(c[1].children.size() == 1);
    CHECK(c[1].children[0].text == "強調");
    CHECK(c[2].text == "語\u3000全角空白は残る");
    CHECK(m.loc(c[2].id) == SourceLoc{32, 11});
}

TEST_CASE("whitespace rule at the edges of inline elements and references") {
    const std::string src = mini("", "",
        "<p>\n  前の文\n  <em>強調</em>\n  <person-ref ref=\"x\"/>\n  後の文\n</p>"
        "<p>word\n  <em>emphasis</em> \n  end</p>"
        "<p>  leading spaces  </p>");
    const Loaded r = load(src);
    REQUIRE(r.minutes);
    const auto& blocks = r.minutes->proceedings->blocks;
    const InlineContent& p1 = std::get<Paragraph>(blocks.at(0).node).content;
    REQUIRE(p1.size() == 4);
    CHECK(p1[0].text == "前の文");
    CHECK(p1[1].children.at(0).text == "強調");
    CHECK(p1[2].kind == Inline::Kind::person_ref);
    CHECK(p1[2].ref.value == "x");
    CHECK(p1[3].text == "後の文");
    const InlineContent& p2 = std::get<Paragraph>(blocks.at(1).node).content;
    REQUIRE(p2.size() == 3);
    CHECK(p2[0].text == "word ");
    CHECK(p2[1].children.at(0).text == "emphasis");
    CHECK(p2[2].text == " end");
    const InlineContent& p3 = std::get<Paragraph>(blocks.at(2).node).content;
    REQUIRE(p3.size() == 1);
    CHECK(p3[0].text == "leading spaces");
}

TEST_CASE("fiscal years: Gregorian, era names, one-letter eras, 元年, years that never were") {
    const auto fy = [](const std::string& written) {
        const Loaded r = load(mini("<session fiscal-year=\"" + written + "\"/>"));
        REQUIRE(r.minutes);
        REQUIRE(r.read_diags.empty());
        return *r.minutes->header.session->fiscal_year;
    };
    FiscalYear f = fy("2024");
    CHECK(f.written == "2024");
    CHECK(f.start_year == 2024);
    CHECK(f.era.empty());
    CHECK(f.loc == SourceLoc{2, 43});
    f = fy("令和6");
    CHECK((f.era == "令和" && f.era_year == 6 && f.start_year == 2024));
    f = fy("R6");
    CHECK((f.written == "R6" && f.era == "令和" && f.era_year == 6 && f.start_year == 2024));
    f = fy("令和元");
    CHECK((f.era == "令和" && f.era_year == 1 && f.start_year == 2019));
    f = fy("H31");
    CHECK((f.era == "平成" && f.era_year == 31 && f.start_year == 2019));
    f = fy("S63");
    CHECK((f.era == "昭和" && f.era_year == 63 && f.start_year == 1988));
    f = fy("平成元");
    CHECK(f.start_year == 1989);
    CHECK(fy("平成32").start_year == 0);
    CHECK(fy("令和0").start_year == 0);
    CHECK(fy("昭和64").start_year == 0);
}

TEST_CASE("typed values, languages, links, ruby and the contact block") {
    const std::string src = mini(
        "<session year=\"2025\" number=\"12\" extraordinary=\"true\" name=\"臨時会\"/>"
        "<issuer>事務局</issuer><published date=\"2025-04-01\"/>",
        "<datetime date=\"2025-03-25\" opened=\"09:05\" closed=\"24:00\"/>"
        "<attendance size=\"20\" honorifics-omitted=\"1\" order=\"gojuon\"><group kind=\"staff\" name=\"市\">"
        "<person id=\"p\" name=\"葛" + utf8::encode(U'\U000E0100') + "西\" present=\"false\" proxy=\"代理\" mode=\"online\"/>"
        "<group id=\"sub\" kind=\"guests\"/></group></attendance><observers count=\"0\"/>"
        "<particular label=\"傍聴\" xml:lang=\"ja\"><p>一</p><p>二</p></particular>",
        "<item kind=\"procedural\" procedure=\"minutes-approval\" ref=\"日程第1\" tag=\"案\">"
        "<p xml:lang=\"en\">See <link href=\"https://example.jp/\">the page</link> and "
        "<ruby reading=\"いわさき\">岩崎</ruby>.</p><list ordered=\"true\"><li>一</li></list>"
        "<closed-session reason=\"人事\"/><interjection kind=\"applause\"/></item>"
        "<end/>"
        "<contact><office>課</office><office>係</office><phone>03-0000-0000</phone>"
        "<url>https://example.jp/</url></contact>");
    // <end/> and <contact> belong after </proceedings>: move them.
    std::string fixed = src;
    const std::string tail = "<end/><contact><office>課</office><office>係</office><phone>03-0000-0000</phone>"
                             "<url>https://example.jp/</url></contact>";
    fixed.erase(fixed.find(tail), tail.size());
    fixed.insert(fixed.find("</minutes>"), tail + "\n");
    const Loaded r = load(fixed);
    INFO(messages(r.read_diags));
    REQUIRE(r.minutes);
    REQUIRE(r.read_diags.empty());
    const Minutes& m = *r.minutes;
    const Session& s = *m.header.session;
    CHECK(s.year->value == 2025);
    CHECK(s.number == 12);
    CHECK(s.extraordinary);
    CHECK(s.name == "臨時会");
    CHECK(m.header.issuer == "事務局");
    CHECK(m.header.published->value == Date{2025, 4, 1});
    const auto& dt = std::get<DateTime>(m.particulars.at(0));
    CHECK(dt.closed->value == Time{24, 0});
    CHECK(dt.closed->value.minutes_since_midnight() == 1440);
    const auto& att = std::get<Attendance>(m.particulars.at(1));
    CHECK(att.size == 20);
    CHECK(att.honorifics_omitted);
    CHECK(att.order == AttendanceOrder::gojuon);
    const Group& g = att.groups.at(0);
    CHECK(g.kind == GroupKind::staff);
    CHECK(g.xml_id.value.empty());
    CHECK(g.name == "市");
    const Person& p = g.people.at(0);
    // An ideographic variation sequence (葛 U+845B U+E0100) is kept as written.
    CHECK(p.name == "葛" + utf8::encode(U'\U000E0100') + "西");
    CHECK(!p.present);
    CHECK(p.proxy == "代理");
    CHECK(p.mode == AttendanceMode::online);
    CHECK(g.subgroups.at(0).kind == GroupKind::guests);
    CHECK(m.find_group("sub") == &g.subgroups.at(0));
    CHECK(std::get<Observers>(m.particulars.at(2)).count == 0);
    const auto& other = std::get<OtherParticular>(m.particulars.at(3));
    CHECK(other.label == "傍聴");
    CHECK(other.lang == "ja");
    CHECK(other.text.empty());
    CHECK(other.paragraphs.size() == 2);

    const Item& it = std::get<Item>(m.proceedings->blocks.at(0).node);
    CHECK(it.kind == ItemKind::procedural);
    CHECK(it.procedure == Procedure::minutes_approval);
    CHECK(it.ref == "日程第1");
    CHECK(it.tag == "案");
    CHECK(!it.title);
    const Paragraph& para = std::get<Paragraph>(it.blocks.at(0).node);
    CHECK(para.lang == "en");
    REQUIRE(para.content.size() == 5);
    CHECK(para.content[0].text == "See ");
    CHECK(para.content[1].kind == Inline::Kind::link);
    CHECK(para.content[1].href.value == "https://example.jp/");
    CHECK(para.content[1].children.at(0).text == "the page");
    CHECK(para.content[2].text == " and ");
    CHECK(para.content[3].kind == Inline::Kind::ruby);
    CHECK(para.content[3].text == "岩崎");
    CHECK(para.content[3].reading == "いわさき");
    CHECK(para.content[4].text == ".");
    CHECK(std::get<List>(it.blocks.at(1).node).ordered);
    CHECK(std::get<ClosedSession>(it.blocks.at(2).node).reason == "人事");
    const auto& inter = std::get<Interjection>(it.blocks.at(3).node);
    CHECK(inter.kind == Interjection::Kind::applause);
    CHECK(inter.text.empty());
    CHECK(m.end_mark);
    REQUIRE(m.contact);
    CHECK(m.contact->offices == std::vector<std::string>{"課", "係"});
    CHECK(m.contact->phone == "03-0000-0000");
    CHECK(m.contact->url == "https://example.jp/");
    // The one finding: an absentee with an attendance mode.
    CHECK(briefs(r.check_diags).rfind("W329@", 0) == 0);
    CHECK(r.check_diags.all().size() == 1);
}

TEST_CASE("E320: values the schema accepts but the model cannot hold") {
    const Loaded r = load(mini("<session number=\"99999999999\"/><published date=\"10000-01-01\"/>"));
    REQUIRE(r.minutes);
    CHECK(briefs(r.read_diags) == "E320@2:43 E320@2:76");
    CHECK(!r.minutes->header.session->number);
    CHECK(!r.minutes->header.published);
}

TEST_CASE("E330 and schema-invalid documents") {
    // Read without a schema: the root is not minutes.
    Diagnostics d;
    auto doc = xml::read("<foo/>", "t.xml", nullptr, {}, d);
    REQUIRE(doc);
    CHECK(!build(*doc, d));
    CHECK(briefs(d) == "E330@1:1");

    // Unvalidated, with an element the vocabulary does not allow: skipped, reported.
    Diagnostics d2;
    auto doc2 = xml::read(mini("<bogus/>"), "t.xml", nullptr, {}, d2);
    REQUIRE(doc2);
    auto m = build(*doc2, d2);
    REQUIRE(m);
    CHECK(briefs(d2) == "E330@2:34");

    // Schema-invalid: no model, and nothing beyond the schema errors.
    const Loaded r = load(mini("<bogus/>"));
    CHECK(!r.minutes);
    CHECK(r.read_diags.has_errors());
    for (const auto& x : r.read_diags.all()) CHECK(x.code.rfind("E2", 0) == 0);
}
