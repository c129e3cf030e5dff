// The structure tree made by the page builder: the role table of styled_doc.hpp, element
// order = reading order, attributes (/Alt, /Lang, /Scope, /ID), pruning, and the marks
// joining every run to exactly one element (ISO 14289-1 §7.1).
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <string>

#include "layout/struct_tree.hpp"
#include "test_pages_support.hpp"

using namespace pages_test;
using gijiroku::Diagnostics;
using gijiroku::layout::ArtifactKind;
using gijiroku::layout::dump_struct;
using gijiroku::layout::HeaderScope;
using gijiroku::layout::StructType;

namespace {

// The dump without element indices: the shape and the words, which is what the spec fixes.
std::string shape(const gijiroku::layout::LayoutResult& r) {
    return std::regex_replace(dump_struct(r.tree, &r.pages), std::regex(" #[0-9]+"), "");
}

int count_type(const gijiroku::layout::StructTree& t, StructType type) {
    int n = 0;
    for (const auto& e : t.elements) n += e.type == type;
    return n;
}

}  // namespace

TEST_CASE("the seed's shape gives H1, L/LI/Lbl/LBody particulars, Sect/H2/H3/H4, lists in reading order",
          "[layout][struct]") {
    Diagnostics diags;
    auto r = lay_out(seed_doc(1), diags);
    REQUIRE(r);
    CHECK(diags.empty());
    // Mapping (blocks.cpp): heading → Hn, its two title lines each a NonStruct; the
    // particulars (numbered １ ２ ３ in the original) → L, each item LI with the term as Lbl
    // (its marker １ is text of the Lbl) and the value as LBody; a container's leading
    // paragraph has no P of its own (its words are the LBody's); the run-on attendee names
    // are the LBody's words, the absentees a P; section → Sect; the item marker （１） is
    // text of the H3; list_item → LI with Lbl and LBody.
    const std::string expected =
        "Document\n"
        "  H1\n"
        "    NonStruct \"令和６年度 第３回 東京都医療的ケア児支援地域協議会\"\n"
        "    NonStruct \"議事要旨\"\n"
        "  L\n"
        "    LI\n"
        "      Lbl \"１日時\"\n"
        "      LBody \"令和７年３月25日（火曜日）午後６時30分から午後８時15分まで\"\n"
        "    LI\n"
        "      Lbl \"２会場\"\n"
        "      LBody \"オンライン開催\"\n"
        "    LI\n"
        "      Lbl \"３出席者\"\n"
        "      LBody \"前田委員（会長）、冨田委員（副会長）、川上委員、吉澤委員、井上（愛）委員、岩﨑委員、田沼委員、等々力委員、中嶽委員、早野委員、島添委員、井上（弘）委員、上坂委員、髙山委員\"\n"
        "        P \"（欠席）瀨委員、折井委員、安岡委員\"\n"
        "  Sect\n"
        "    H2 \"議事概要（委員からの主な御意見等）\"\n"
        "    Sect\n"
        "      H3 \"（１）令和６年度医療的ケア児支援関連事業の実施状況\"\n"
        "      P \"事務局から資料説明\"\n"
        "      Sect\n"
        "        H4 \"（主な意見等）\"\n"
        "        L\n"
        "          LI\n"
        "            Lbl \"・\"\n"
        "            LBody \"医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディネーターの仕事内容をよりわかりやすく伝えること、資格を取った方々が活躍できる場を増やしていくことが必要。\"\n"
        "          LI\n"
        "            Lbl \"・\"\n"
        "            LBody \"医療的ケア児を受け入れる放課後等デイサービスが増えている中、訪問の理学療法士に関して物足りなさを感じるという保護者の声がある。放課後等デイサービスが訪問看護ステーションの理学療法士を活用することで、医療的ケア児に対応する経験を積み、育成につなげることができるのでは。\"\n"
        "          LI\n"
        "            Lbl \"・\"\n"
        "            LBody \"医療型短期入所開設支援事業や日中預かり事業等について、今後受け入れの状況をわかるように示していただきたい。\"\n"
        "          LI\n"
        "            Lbl \"・\"\n"
        "            LBody \"研修の実施時期が年度後半に偏っているため、参加者の負担を考えても平均化した方がよいのでは。\"\n";
    CHECK(shape(*r) == expected);
}

TEST_CASE("an answer is a nested L inside the LBody it answers, its Lbl said as 回答", "[layout][struct]") {
    Diagnostics diags;
    auto r = lay_out(seed_doc(4), diags);
    REQUIRE(r);
    const auto& t = r->tree;
    int answer_lbl = -1;
    for (std::size_t i = 0; i < t.elements.size(); ++i)
        if (t.elements[i].type == StructType::Lbl && !t.elements[i].alt.empty()) answer_lbl = static_cast<int>(i);
    REQUIRE(answer_lbl > 0);
    CHECK(t.elements[static_cast<std::size_t>(answer_lbl)].alt == "回答");
    // Lbl → LI → L → LBody (of the opinion) → LI → L
    const auto up = [&](int e) { return t.elements[static_cast<std::size_t>(e)].parent; };
    const int li = up(answer_lbl);
    const int l = up(li);
    const int body = up(l);
    CHECK(t.elements[static_cast<std::size_t>(li)].type == StructType::LI);
    CHECK(t.elements[static_cast<std::size_t>(l)].type == StructType::L);
    CHECK(t.elements[static_cast<std::size_t>(body)].type == StructType::LBody);
    CHECK(t.elements[static_cast<std::size_t>(up(body))].type == StructType::LI);
    // Lbl only inside LI (check-pdfua warns about Lbl elsewhere), however many there are.
    for (const auto& e : t.elements)
        if (e.type == StructType::Lbl) CHECK(t.elements[static_cast<std::size_t>(e.parent)].type == StructType::LI);
    // Each heading level appears, none skipped.
    CHECK(count_type(t, StructType::H1) == 1);
    CHECK(count_type(t, StructType::H2) == 1);
    CHECK(count_type(t, StructType::H3) == 4);
    CHECK(count_type(t, StructType::H4) == 6);
}

TEST_CASE("every run has exactly one owner; artifacts are page furniture and rules only",
          "[layout][struct]") {
    Diagnostics diags;
    auto r = lay_out(seed_doc(4), diags);
    REQUIRE(r);
    CHECK(diags.empty());
    const auto& t = r->tree;
    int artifacts = 0;
    for (const auto& ref : all_runs(r->pages)) {
        const auto& run = *ref.run;
        if (run.mark.artifact) {
            ++artifacts;
            CHECK(run.mark.artifact_kind == ArtifactKind::page_number);
            CHECK(run.text == "- " + std::to_string(ref.page + 1) + " -");
            continue;
        }
        REQUIRE(run.mark.element > 0);
        REQUIRE(static_cast<std::size_t>(run.mark.element) < t.elements.size());
        // The owner is a leaf-level element, never a grouping one.
        const StructType type = t.elements[static_cast<std::size_t>(run.mark.element)].type;
        CHECK(type != StructType::Document);
        CHECK(type != StructType::Sect);
        CHECK(type != StructType::L);
        CHECK(type != StructType::LI);
        CHECK(type != StructType::Table);
        CHECK(type != StructType::TR);
    }
    CHECK(artifacts == static_cast<int>(r->pages.pages.size()));
    for (const auto& page : r->pages.pages)
        for (const auto& rule : page.rules) CHECK(rule.mark.artifact);
    // The invariants pdf::write relies on hold (and no element is empty).
    Diagnostics check;
    CHECK(gijiroku::layout::check_structure(t, r->pages, "seed.xml", check));
    CHECK(check.empty());
}

TEST_CASE("span and emphasis get an element only for a language or actual text", "[layout][struct]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    Node en = node(Role::span, -1, {text("Tokyo")});
    en.lang = "en";
    Node em = node(Role::emphasis, -1, {text("重要")});
    Node same = node(Role::span, -1, {text("同じ")});
    same.lang = "ja";  // the document's language: no element
    Node ditto = node(Role::span, -1, {text("〃")});
    ditto.actual_text = "同上";  // read otherwise than printed: a Span with /ActualText
    Node plain = node(Role::span, -1, {text("議事要旨")});
    plain.actual_text = "議事要旨";  // reads right as printed: nothing to add
    doc.root.children.push_back(node(Role::paragraph, st_plain,
                                     {text("前"), std::move(en), std::move(em), std::move(same), std::move(ditto),
                                      std::move(plain)}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    CHECK(std::regex_replace(dump_struct(r->tree, &r->pages), std::regex(" #[0-9]+"), "") ==
          "Document\n"
          "  P \"前重要同じ議事要旨\"\n"
          "    Span lang=en \"Tokyo\"\n"
          "    Span actual=\"同上\" \"〃\"\n");
    // The run in English says so (for the PDF's marked content).
    bool found = false;
    for (const auto& ref : all_runs(r->pages))
        if (ref.run->text == "Tokyo") {
            found = true;
            CHECK(ref.run->lang == "en");
        }
    CHECK(found);
}

TEST_CASE("links, quotes, notes, ruby and block quotes map to their elements", "[layout][struct]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    Node link = node(Role::link, -1, {text("資料")});
    link.href = "https://example.jp/a.pdf";
    Node ruby = node(Role::ruby, -1, {text("﨑")});
    ruby.reading = "さき";
    doc.root.children.push_back(node(Role::paragraph, st_plain,
                                     {text("詳しくは"), std::move(link), text("を参照。"),
                                      node(Role::quote, -1, {text("引用")}), std::move(ruby)}));
    doc.root.children.push_back(node(Role::note, st_plain, {text("注一")}));
    doc.root.children.push_back(node(Role::note, st_plain, {text("注二")}));
    doc.root.children.push_back(node(Role::block_quote, -1, {node(Role::paragraph, st_plain, {text("段落")})}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    CHECK(std::regex_replace(dump_struct(r->tree, &r->pages), std::regex(" #[0-9]+"), "") ==
          "Document\n"
          "  P \"詳しくはを参照。\"\n"
          "    Link uri=https://example.jp/a.pdf \"資料\"\n"
          "    Quote \"引用\"\n"
          "    Ruby\n"
          "      RB \"﨑\"\n"
          "      RT \"さき\"\n"
          "  Note id=note-1 \"注一\"\n"
          "  Note id=note-2 \"注二\"\n"
          "  BlockQuote\n"
          "    P \"段落\"\n");
    // The link area belongs to the Link element (ISO 14289-1 §7.18.5: Link with an OBJR).
    REQUIRE(r->pages.pages.size() == 1);
    REQUIRE(r->pages.pages[0].links.size() == 1);
    const auto& area = r->pages.pages[0].links[0];
    CHECK(area.uri == "https://example.jp/a.pdf");
    REQUIRE(area.element > 0);
    CHECK(r->tree.elements[static_cast<std::size_t>(area.element)].type == StructType::Link);
}

TEST_CASE("a title line is a NonStruct, with /ActualText only when it differs from its words", "[layout][struct]") {
    gijiroku::style::StyledDoc doc = seed_doc(0);
    doc.root.children.resize(1);
    auto& kind = doc.root.children[0].children[1];  // line 「議事要旨」, tracked
    kind.actual_text = "議事要旨";
    Diagnostics d1;
    auto same = lay_out(doc, d1);
    REQUIRE(same);
    CHECK(std::regex_replace(dump_struct(same->tree), std::regex(" #[0-9]+"), "") ==
          "Document\n  H1\n    NonStruct\n    NonStruct\n");
    kind.actual_text = "ぎじようし";
    Diagnostics d2;
    auto differs = lay_out(doc, d2);
    REQUIRE(differs);
    CHECK(std::regex_replace(dump_struct(differs->tree, &differs->pages), std::regex(" #[0-9]+"), "") ==
          "Document\n"
          "  H1\n"
          "    NonStruct \"令和６年度 第３回 東京都医療的ケア児支援地域協議会\"\n"
          "    NonStruct actual=\"ぎじようし\" \"議事要旨\"\n");
}

TEST_CASE("a link area named after a Span inside the link is given to the Link", "[layout][struct]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    Node en = node(Role::span, -1, {text("PDF")});
    en.lang = "en";
    Node link = node(Role::link, -1, {std::move(en)});
    link.href = "https://example.jp/";
    doc.root.children.push_back(node(Role::paragraph, st_plain, {std::move(link)}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);  // the stand-in names the run's element (the Span) on the area
    REQUIRE(r);
    REQUIRE(r->pages.pages[0].links.size() == 1);
    const int e = r->pages.pages[0].links[0].element;
    CHECK(r->tree.elements[static_cast<std::size_t>(e)].type == StructType::Link);
}

TEST_CASE("table cells: a row of headers has column scope, a leading header row scope", "[layout][struct]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    doc.root.children.push_back(node(
        Role::table, -1,
        {node(Role::caption, st_plain, {text("資料一覧")}),
         node(Role::table_row, -1,
              {node(Role::header_cell, -1, {text("番号")}), node(Role::header_cell, -1, {text("資料名")})}),
         node(Role::table_row, -1,
              {node(Role::header_cell, -1, {text("１")}), node(Role::data_cell, -1, {text("実施状況")})})}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    CHECK(std::regex_replace(dump_struct(r->tree, &r->pages), std::regex(" #[0-9]+"), "") ==
          "Document\n"
          "  Table\n"
          "    Caption \"資料一覧\"\n"
          "    TR\n"
          "      TH scope=column \"番号\"\n"
          "      TH scope=column \"資料名\"\n"
          "    TR\n"
          "      TH scope=row \"１\"\n"
          "      TD \"実施状況\"\n");
}

TEST_CASE("elements that end up with no content are pruned", "[layout][struct]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    doc.root.children.push_back(node(Role::section, -1, {node(Role::paragraph, st_plain, {text("")})}));
    doc.root.children.push_back(node(Role::list, -1, {}));
    doc.root.children.push_back(node(Role::paragraph, st_plain, {text("本文")}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    CHECK(dump_struct(r->tree, &r->pages) == "Document\n  P #1 \"本文\"\n");
    // Marks and line records follow the renumbering.
    CHECK(r->lines.at(0).element == 1);
    CHECK(r->pages.pages.at(0).runs.at(0).mark.element == 1);
}

TEST_CASE("a heading that skips a level is reported as E560", "[layout][struct]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    doc.source_file = "skip.xml";
    doc.root.children.push_back(heading(1, st_plain, {text("題")}));
    doc.root.children.push_back(heading(3, st_plain, {text("三")}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    CHECK_FALSE(r);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E560");
    CHECK(diags.all()[0].file == "skip.xml");

    gijiroku::style::StyledDoc first = plain_doc({});
    first.root.children.push_back(heading(2, st_plain, {text("二")}));
    Diagnostics d2;
    CHECK_FALSE(lay_out(first, d2));
    REQUIRE(d2.all().size() == 1);
    CHECK(d2.all()[0].code == "E560");

    // Going back up any number of levels is fine.
    gijiroku::style::StyledDoc ok = plain_doc({});
    ok.root.children.push_back(heading(1, st_plain, {text("一")}));
    ok.root.children.push_back(heading(2, st_plain, {text("二")}));
    ok.root.children.push_back(heading(3, st_plain, {text("三")}));
    ok.root.children.push_back(heading(2, st_plain, {text("二")}));
    Diagnostics d3;
    CHECK(lay_out(ok, d3));
    CHECK(d3.empty());
}

TEST_CASE("check_structure catches a run without an owner and a doubly listed element", "[layout][struct]") {
    gijiroku::layout::StructTree t;
    t.add(StructType::Document, -1);
    const int p = t.add(StructType::P, 0);
    gijiroku::layout::PageSet pages;
    pages.pages.emplace_back();
    gijiroku::layout::GlyphRun run;
    run.text = "字";
    run.mark = gijiroku::layout::Mark::structure(p);
    pages.pages[0].runs.push_back(run);
    {
        Diagnostics d;
        CHECK(gijiroku::layout::check_structure(t, pages, "x", d));
        CHECK(d.empty());
    }
    pages.pages[0].runs[0].mark = gijiroku::layout::Mark::structure(-1);
    {
        Diagnostics d;
        CHECK_FALSE(gijiroku::layout::check_structure(t, pages, "x", d));
        REQUIRE_FALSE(d.empty());
        CHECK(d.all()[0].code == "E561");
    }
    pages.pages[0].runs[0].mark = gijiroku::layout::Mark::structure(p);
    t.elements[0].children.push_back(p);  // listed twice: two parents in the PDF's eyes
    {
        Diagnostics d;
        CHECK_FALSE(gijiroku::layout::check_structure(t, pages, "x", d));
        CHECK(d.all().at(0).code == "E561");
    }
}

TEST_CASE("tracked and spread words carry /ActualText on their runs; solid words none", "[layout][struct]") {
    // Extractors turn the positional gaps of 議 事 要 旨 and 日　時 into spaces (poppler and
    // pdf.js both do); typesetting.md §4.6/§5.2 ask for /ActualText there.
    Diagnostics diags;
    auto r = lay_out(seed_doc(1), diags);
    REQUIRE(r);
    std::map<std::string, std::string> actual;
    for (const auto& ref : all_runs(r->pages)) actual[ref.run->text] = ref.run->actual_text;
    CHECK(actual.at("議事要旨") == "議事要旨");  // title-kind: letter_spacing 1
    CHECK(actual.at("日時") == "日時");          // jidori 3 zw, two characters spread
    CHECK(actual.at("会場") == "会場");
    CHECK(actual.at("出席者").empty());           // fills its 3 zw solid
    CHECK(actual.at("１").empty());               // a single glyph has nothing to spread
    CHECK(actual.at("令和６年度 第３回 東京都医療的ケア児支援地域協議会").empty());
    CHECK(actual.at("オンライン開催").empty());
}
