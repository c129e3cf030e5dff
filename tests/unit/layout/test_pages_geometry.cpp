// Block geometry on the page, with the font-free stand-in (test_pages_support.hpp): every
// expected position below is worked out from the Tokyo page setup (A4, 10.5 pt body, 40 zw
// measure centred: left margin (595.28 − 420) / 2 = 87.64 pt, top margin 35 mm = 99.21 pt,
// 36 lines at 18 pt) and the seed styles (value column at 6 zw, marker boxes of 1, 2, 3 zw).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/units.hpp"
#include "test_pages_support.hpp"

using namespace pages_test;
using Catch::Detail::Approx;
using gijiroku::Diagnostics;
using gijiroku::layout::ArtifactKind;
using gijiroku::layout::GlyphRun;
using gijiroku::layout::LayoutResult;
using gijiroku::layout::ParagraphSpec;

namespace {

const double L = (gijiroku::units::a4_width_pt - 420) / 2;  // the measure's start
const double T = gijiroku::units::mm_to_pt(35);              // the grid's top
const double zw = 10.5;
// A 10.5 pt line (ascent 0.88 em, descent 0.12 em) centred in an 18 pt slot.
const double body_baseline = (18 - 10.5) / 2 + 0.88 * 10.5;

const GlyphRun* find_run(const LayoutResult& r, const std::string& text, int page = -1) {
    for (const auto& ref : all_runs(r.pages))
        if (ref.run->text == text && (page < 0 || ref.page == page)) return ref.run;
    return nullptr;
}

// The x of the n-th glyph of a run on the page.
double glyph_x(const GlyphRun& run, std::size_t n) { return run.origin.x + run.glyphs.at(n).x; }

struct Recorder {
    std::vector<ParagraphSpec> specs;
    gijiroku::layout::SetParagraphFn fn() {
        return [this](const ParagraphSpec& s, Diagnostics& d) {
            specs.push_back(s);
            return stub_set(s, d);
        };
    }
    const ParagraphSpec* starting_with(const std::string& text) const {
        for (const auto& s : specs)
            if (!s.pieces.empty() && s.pieces[0].text == text) return &s;
        return nullptr;
    }
};

}  // namespace

TEST_CASE("particulars: number, 均等割り label over 3 zw, value column at 6 zw", "[layout][pages]") {
    Recorder rec;
    Diagnostics diags;
    auto r = gijiroku::layout::build_pages(seed_doc(1), rec.fn(), {}, diags);
    REQUIRE(r);

    // What the engine is asked: the term in [0, 6 zw) with a 2 zw marker box and jidori 3 zw;
    // the value from 6 zw to the measure's end (34 zw).
    const ParagraphSpec* term = rec.starting_with("１");
    REQUIRE(term);
    CHECK(term->measure_pt == Approx(6 * zw));
    CHECK(term->marker_width_pt == Approx(2 * zw));
    CHECK(term->jidori_pt == Approx(3 * zw));
    REQUIRE(term->pieces.size() == 2);
    CHECK(term->pieces[0].marker);
    CHECK(term->pieces[1].text == "日時");
    CHECK_FALSE(term->pieces[1].marker);
    const ParagraphSpec* value = rec.starting_with("令和７年３月25日（火曜日）午後６時30分から午後８時15分まで");
    REQUIRE(value);
    CHECK(value->measure_pt == Approx(34 * zw));

    // １ 日　時 令和７年…: 1 at 0, 日 at 2 zw, 時 at 4 zw, the value at 6 zw, one baseline.
    const GlyphRun* one = find_run(*r, "１");
    const GlyphRun* label = find_run(*r, "日時");
    const GlyphRun* date = find_run(*r, "令和７年３月25日（火曜日）午後６時30分から午後８時15分まで");
    REQUIRE(one);
    REQUIRE(label);
    REQUIRE(date);
    CHECK(glyph_x(*one, 0) == Approx(L));
    CHECK(glyph_x(*label, 0) == Approx(L + 2 * zw));
    CHECK(glyph_x(*label, 1) == Approx(L + 4 * zw));
    CHECK(glyph_x(*date, 0) == Approx(L + 6 * zw));
    CHECK(one->origin.y == Approx(label->origin.y));
    CHECK(date->origin.y == Approx(label->origin.y));
    // 出席者 fills its 3 zw solid.
    const GlyphRun* shusseki = find_run(*r, "出席者");
    REQUIRE(shusseki);
    CHECK(glyph_x(*shusseki, 1) == Approx(L + 3 * zw));
    CHECK(glyph_x(*shusseki, 2) == Approx(L + 4 * zw));

    // The attendee list wraps under itself at 6 zw; its first line shares 出席者's baseline.
    std::vector<const gijiroku::layout::LineRecord*> attendees;
    for (const auto& l : r->lines)
        if (l.style == "attendees") attendees.push_back(&l);
    REQUIRE(attendees.size() >= 3);
    for (const auto* l : attendees) CHECK(l->x_pt == Approx(L + 6 * zw));
    CHECK(attendees[0]->baseline_pt == Approx(shusseki->origin.y));
    CHECK(attendees[1]->baseline_pt == Approx(shusseki->origin.y + 18));
    // （欠席）… starts a line of its own under the present members.
    CHECK(attendees.back()->text.rfind("（欠席）", 0) == 0);
}

TEST_CASE("a long definition value wraps under itself, and a long term under itself", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = seed_doc(0);
    doc.root.children.resize(1);  // the title only
    doc.root.children.push_back(node(
        Role::definition_list, st_particulars,
        {node(Role::definition_item, st_particular,
              {node(Role::term, st_particular_term, {marker("４"), text("配布資料一覧")}),
               node(Role::definition, st_particular_value,
                    {text("資料１資料２資料３資料４資料５資料６資料７資料８資料９資料十資料十一資料十二")})})}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    std::vector<const gijiroku::layout::LineRecord*> value, term;
    for (const auto& l : r->lines) {
        if (l.style == "particular-value") value.push_back(&l);
        if (l.style == "particular-term") term.push_back(&l);
    }
    // 38 characters in 34 zw: two lines, both from 6 zw. The term, 6 characters after a 2 zw
    // marker box in a 6 zw column, takes two lines from 2 zw.
    REQUIRE(value.size() == 2);
    CHECK(value[0]->x_pt == Approx(L + 6 * zw));
    CHECK(value[1]->x_pt == Approx(L + 6 * zw));
    CHECK(value[1]->text == "資料十二");
    REQUIRE(term.size() == 2);
    CHECK(term[0]->baseline_pt == Approx(value[0]->baseline_pt));
    CHECK(term[1]->baseline_pt == Approx(value[1]->baseline_pt));
    const GlyphRun* second = find_run(*r, "一覧");
    REQUIRE(second);
    CHECK(glyph_x(*second, 0) == Approx(L + 2 * zw));
}

TEST_CASE("list items hang: marker box at the item's start, text and turns at the body's", "[layout][pages]") {
    Diagnostics diags;
    auto r = lay_out(seed_doc(4), diags);
    REQUIRE(r);
    // ・ in a 1 zw box at 0, the opinion from 1 zw on every line.
    const GlyphRun* first = find_run(*r, "医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディ");
    const GlyphRun* turn = find_run(*r, "ネーターの仕事内容をよりわかりやすく伝えること、資格を取った方々が活躍できる場");
    REQUIRE(first);
    REQUIRE(turn);
    CHECK(first->origin.x == Approx(L + zw));
    CHECK(turn->origin.x == Approx(L + zw));
    CHECK(turn->origin.y == Approx(first->origin.y + 18));
    // The bullet sits on the first line's baseline, at the item's start.
    bool bullet = false;
    for (const auto& ref : all_runs(r->pages))
        if (ref.run->text == "・" && ref.run->origin.y == Approx(first->origin.y)) {
            bullet = true;
            CHECK(ref.run->origin.x == Approx(L));
        }
    CHECK(bullet);
    // → one level in (start 1 zw, box 1 zw), its text at 2 zw.
    const GlyphRun* arrow = find_run(*r, "→");
    REQUIRE(arrow);
    CHECK(arrow->origin.x == Approx(L + zw));
    const GlyphRun* reply = find_run(*r, "している。各自治体のどこが担当するについては、各自治体の事業割による。");
    REQUIRE(reply);
    CHECK(reply->origin.x == Approx(L + 2 * zw));
}

TEST_CASE("a heading's marker （１） in a 3 zw box, the title from 3 zw", "[layout][pages]") {
    Diagnostics diags;
    auto r = lay_out(seed_doc(1), diags);
    REQUIRE(r);
    const GlyphRun* num = find_run(*r, "（１）");
    const GlyphRun* title = find_run(*r, "令和６年度医療的ケア児支援関連事業の実施状況");
    REQUIRE(num);
    REQUIRE(title);
    CHECK(num->origin.x == Approx(L));
    CHECK(title->origin.x == Approx(L + 3 * zw));
    CHECK(num->origin.y == Approx(title->origin.y));
}

TEST_CASE("title lines are centred, tracked, on the grid; body lines on the 18 pt grid", "[layout][pages]") {
    Diagnostics diags;
    auto r = lay_out(seed_doc(1), diags);
    REQUIRE(r);
    // 25 zw at 14 pt = 350 pt in 420: 35 pt in; baseline centred in the first 18 pt slot.
    const GlyphRun* name = find_run(*r, "令和６年度 第３回 東京都医療的ケア児支援地域協議会");
    REQUIRE(name);
    CHECK(name->origin.x == Approx(L + 35));
    CHECK(name->origin.y == Approx(T + (18 - 14) / 2.0 + 0.88 * 14));
    // 議事要旨 tracked by 1 zw (10.5 pt): 4 × 14 + 3 × 10.5 = 87.5 pt, centred.
    const GlyphRun* kind = find_run(*r, "議事要旨");
    REQUIRE(kind);
    CHECK(kind->origin.x == Approx(L + (420 - 87.5) / 2));
    CHECK(glyph_x(*kind, 1) == Approx(kind->origin.x + 14 + 10.5));
    CHECK(kind->origin.y == Approx(name->origin.y + 18));
    // The particulars follow one blank line (the title's space after): slot 3.
    const GlyphRun* one = find_run(*r, "１");
    REQUIRE(one);
    CHECK(one->origin.y == Approx(T + 3 * 18 + body_baseline));
    // Every body line sits on the grid.
    for (const auto& l : r->lines) {
        if (l.style == "title-line" || l.style == "title-kind") continue;
        const double slot = (l.baseline_pt - T - body_baseline) / 18;
        CHECK(slot == Approx(std::round(slot)).margin(1e-6));
    }
}

TEST_CASE("block spacing collapses and is dropped at the top of a page", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    doc.styles[st_plain].space_after = 1;
    auto big = doc.styles[st_plain];
    big.name = "spaced";
    big.space_before = 2;
    doc.styles.push_back(big);
    const int st_spaced = static_cast<int>(doc.styles.size()) - 1;
    doc.root.children.push_back(filled_paragraph(st_plain, 1));
    doc.root.children.push_back(filled_paragraph(st_spaced, 1));  // max(1, 2) = 2 blank lines
    doc.root.children.push_back(filled_paragraph(st_plain, 1));   // max(1, 0) = 1
    // Fill to the end of page 1 exactly: slots 0, 3 and 5 are taken, 6 is blank, so 29 lines
    // fill slots 7–35; the next paragraph's space before then falls at the page top.
    doc.root.children.push_back(filled_paragraph(st_plain, 29));
    doc.root.children.push_back(filled_paragraph(st_spaced, 1));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    REQUIRE(r->lines.size() == 33);
    CHECK(r->lines[0].baseline_pt == Approx(T + body_baseline));
    CHECK(r->lines[1].baseline_pt == Approx(T + 3 * 18 + body_baseline));
    CHECK(r->lines[2].baseline_pt == Approx(T + 5 * 18 + body_baseline));
    CHECK(r->lines[3].baseline_pt == Approx(T + 7 * 18 + body_baseline));
    CHECK(r->lines[31].baseline_pt == Approx(T + 35 * 18 + body_baseline));
    CHECK(r->lines[31].page == 0);
    CHECK(r->lines[32].page == 1);
    CHECK(r->lines[32].baseline_pt == Approx(T + body_baseline));
}

TEST_CASE("a line taller than the pitch takes whole grid lines (行取り)", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    auto big = doc.styles[st_plain];
    big.name = "big";
    big.font_size_pt = 24;  // 24 pt > 18 pt: two grid lines
    doc.styles.push_back(big);
    doc.root.children.push_back(node(Role::paragraph, static_cast<int>(doc.styles.size()) - 1, {text("大見出し")}));
    doc.root.children.push_back(filled_paragraph(st_plain, 1));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    REQUIRE(r->lines.size() == 2);
    CHECK(r->lines[0].baseline_pt == Approx(T + (36 - 24) / 2.0 + 0.88 * 24));
    CHECK(r->lines[1].baseline_pt == Approx(T + 36 + body_baseline));
}

TEST_CASE("page numbers: 「- n -」 with half-width digits, centred in the foot, on every page",
          "[layout][pages]") {
    Diagnostics diags;
    auto r = lay_out(plain_doc(std::vector<int>(12, 36)), diags);  // 12 full pages
    REQUIRE(r);
    REQUIRE(r->pages.pages.size() == 12);
    const double bottom = gijiroku::units::a4_height_pt;
    const double margin = gijiroku::units::mm_to_pt(30);
    for (std::size_t p = 0; p < 12; ++p) {
        const auto& page = r->pages.pages[p];
        CHECK(page.label == std::to_string(p + 1));
        int numbers = 0;
        for (const auto& run : page.runs) {
            if (!run.mark.artifact) continue;
            ++numbers;
            const std::string expected = "- " + std::to_string(p + 1) + " -";
            CHECK(run.text == expected);
            CHECK(run.mark.artifact_kind == ArtifactKind::page_number);
            CHECK_FALSE(run.mark.at_top);
            CHECK(run.size_pt == 9);
            // Half-width: ½ em per ASCII character at 9 pt, centred in the measure.
            const double width = static_cast<double>(expected.size()) * 4.5;
            CHECK(run.origin.x == Approx(L + (420 - width) / 2));
            // Centred in the bottom margin: mid-band + (ascent − descent) / 2.
            CHECK(run.origin.y == Approx(bottom - margin / 2 + (0.88 - 0.12) * 9 / 2));
        }
        CHECK(numbers == 1);
    }
}

TEST_CASE("page number in the head at the end, a running head at the start", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({1});
    doc.page.page_number_at_top = true;
    doc.page.page_number_align = gijiroku::style::Align::end;
    doc.page.page_number_format = "{n}頁";
    doc.page.running_head = "東京都医療的ケア児支援地域協議会";
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    REQUIRE(r->pages.pages.size() == 1);
    const auto& runs = r->pages.pages[0].runs;
    const GlyphRun* head = nullptr;
    const GlyphRun* number = nullptr;
    for (const auto& run : runs) {
        if (run.text == "東京都医療的ケア児支援地域協議会") head = &run;
        if (run.text == "1頁") number = &run;
    }
    REQUIRE(head);
    REQUIRE(number);
    CHECK(head->mark.artifact);
    CHECK(head->mark.artifact_kind == ArtifactKind::running_head);
    CHECK(head->origin.x == Approx(L));
    CHECK(number->mark.artifact_kind == ArtifactKind::page_number);
    CHECK(number->mark.at_top);
    CHECK(number->origin.x == Approx(L + 420 - (4.5 + 9)));
    CHECK(number->origin.y == Approx(T / 2 + (0.88 - 0.12) * 9 / 2));
    // Head artifacts come before the body's runs.
    CHECK(runs.front().mark.artifact);
}

TEST_CASE("no page number format: no page numbers", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({3});
    doc.page.page_number_format.clear();
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    for (const auto& ref : all_runs(r->pages)) CHECK_FALSE(ref.run->mark.artifact);
}

TEST_CASE("tables: columns from content spread over the measure, grid rules as artifacts", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    doc.root.children.push_back(node(
        Role::table, -1,
        {node(Role::table_row, -1,
              {node(Role::header_cell, -1, {text("番号")}), node(Role::header_cell, -1, {text("資料名")})}),
         node(Role::table_row, -1,
              {node(Role::data_cell, -1, {text("１")}), node(Role::data_cell, -1, {text("実施")})})}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    // Natural widths with ½ zw padding each side: 2 + 1 = 3 zw and 3 + 1 = 4 zw; the spare
    // 33 zw is shared 3 : 4, so the columns are 180 and 240 pt.
    const GlyphRun* c1 = find_run(*r, "番号");
    const GlyphRun* c2 = find_run(*r, "資料名");
    REQUIRE(c1);
    REQUIRE(c2);
    CHECK(c1->origin.x == Approx(L + zw / 2));
    CHECK(c2->origin.x == Approx(L + 180 + zw / 2));
    CHECK(c1->origin.y == Approx(c2->origin.y));
    const GlyphRun* d1 = find_run(*r, "実施");
    REQUIRE(d1);
    CHECK(d1->origin.y == Approx(c1->origin.y + 18));

    const auto& rules = r->pages.pages[0].rules;
    // Per slot: three verticals and the row's top rule; the last slot adds the bottom rule.
    REQUIRE(rules.size() == 9);
    for (const auto& rule : rules) {
        CHECK(rule.mark.artifact);
        CHECK(rule.mark.artifact_kind == ArtifactKind::layout);
    }
    CHECK(rules[0].from.x == Approx(L));
    CHECK(rules[1].from.x == Approx(L + 180));
    CHECK(rules[2].from.x == Approx(L + 420));
    CHECK(rules[0].from.y == Approx(T));
    CHECK(rules[0].to.y == Approx(T + 18));
    CHECK(rules[3].from.y == Approx(T));       // top rule
    CHECK(rules[3].to.x == Approx(L + 420));
    CHECK(rules[8].from.y == Approx(T + 36));  // bottom rule
}

TEST_CASE("a label whose body opens with a nested list shares the nested item's first line",
          "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    Node inner = node(Role::list, -1,
                      {node(Role::list_item, st_answer,
                            {label("→", "回答"),
                             node(Role::list_body, -1, {node(Role::paragraph, st_answer_text, {text("回答本文")})})})});
    doc.root.children.push_back(
        node(Role::list, -1,
             {node(Role::list_item, st_opinion, {label("・"), node(Role::list_body, -1, {std::move(inner)})}),
              node(Role::list_item, st_opinion, {label("・")})}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    const auto& runs = r->pages.pages[0].runs;
    REQUIRE(runs.size() >= 4);
    // Row 1: ・ at 0 (read first), → at 1 zw, the reply at 2 zw, one baseline.
    CHECK(runs[0].text == "・");
    CHECK(runs[0].origin.x == Approx(L));
    CHECK(runs[1].text == "→");
    CHECK(runs[1].origin.x == Approx(L + zw));
    CHECK(runs[2].text == "回答本文");
    CHECK(runs[2].origin.x == Approx(L + 2 * zw));
    CHECK(runs[0].origin.y == Approx(runs[2].origin.y));
    // An item with only a label still shows it, on its own line.
    CHECK(runs[3].text == "・");
    CHECK(runs[3].origin.y == Approx(runs[0].origin.y + 18));
}

TEST_CASE("an impossible page grid is E563", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({1});
    doc.page.lines_per_page = 0;
    Diagnostics diags;
    CHECK_FALSE(lay_out(doc, diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E563");

    gijiroku::style::StyledDoc wide = plain_doc({1});
    wide.page.chars_per_line = 60;  // 630 pt on 595 pt paper
    Diagnostics d2;
    CHECK_FALSE(lay_out(wide, d2));
    REQUIRE(d2.all().size() == 1);
    CHECK(d2.all()[0].code == "E563");
}

TEST_CASE("title and language of the PageSet come from the StyledDoc", "[layout][pages]") {
    gijiroku::style::StyledDoc doc = seed_doc(1);
    doc.lang = "ja-JP";
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    CHECK(r->pages.title == "令和６年度 第３回 東京都医療的ケア児支援地域協議会 議事要旨");
    CHECK(r->pages.lang == "ja-JP");
}

TEST_CASE("a list inside a definition: labels share their item's first line in the value column",
          "[layout][pages]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    auto agenda_item = doc.styles[st_plain];
    agenda_item.name = "agenda-item";
    agenda_item.start_indent = 6;
    agenda_item.marker_width = 3;
    auto agenda_text = doc.styles[st_plain];
    agenda_text.name = "agenda-text";
    agenda_text.start_indent = 9;
    doc.styles.push_back(agenda_item);
    doc.styles.push_back(agenda_text);
    const int st_item = static_cast<int>(doc.styles.size()) - 2;
    const int st_text = st_item + 1;
    Node list = node(Role::list, -1,
                     {node(Role::list_item, st_item,
                           {label("(1)"), node(Role::list_body, -1, {node(Role::paragraph, st_text, {text("論点について")})})})});
    doc.root.children.push_back(node(
        Role::definition_list, -1,
        {node(Role::definition_item, st_particular,
              {node(Role::term, st_particular_term, {marker("５"), text("議題")}),
               node(Role::definition, st_particular_value, {std::move(list)})})}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    // One line for the item, its label in the marker box from 6 zw, the text from 9 zw, on the
    // term's baseline.
    REQUIRE(r->lines.size() == 2);
    CHECK(r->lines[1].text == "(1)論点について");
    CHECK(r->lines[1].x_pt == Approx(L + 6 * zw));
    CHECK(r->lines[1].baseline_pt == Approx(r->lines[0].baseline_pt));
    const GlyphRun* words = find_run(*r, "論点について");
    REQUIRE(words);
    CHECK(words->origin.x == Approx(L + 9 * zw));
}
