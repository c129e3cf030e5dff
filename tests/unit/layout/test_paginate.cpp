// Pagination on the Tokyo grid (36 lines of 18 pt): widows and orphans, headings kept with
// what follows, keeps longer than a page, and long documents. The plain paragraphs of
// plain_doc fill whole 40 zw lines, so a paragraph of n lines takes n grid lines.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "layout/struct_tree.hpp"
#include "test_pages_support.hpp"

using namespace pages_test;
using gijiroku::Diagnostics;
using gijiroku::layout::LayoutOptions;
using gijiroku::layout::LayoutResult;

namespace {

// Lines on each page.
std::vector<int> lines_per_page(const LayoutResult& r) {
    std::vector<int> out(r.pages.pages.size(), 0);
    for (const auto& l : r.lines) ++out.at(static_cast<std::size_t>(l.page));
    return out;
}

LayoutResult run(const gijiroku::style::StyledDoc& doc, const LayoutOptions& options = {}) {
    Diagnostics diags;
    auto r = lay_out(doc, diags, options);
    REQUIRE(r);
    CHECK(diags.empty());
    return std::move(*r);
}

gijiroku::style::StyledDoc with_heading_at(int lines_before, int lines_after) {
    gijiroku::style::StyledDoc doc = plain_doc({lines_before});
    doc.root.children.push_back(heading(1, st_opinions_heading, {text("見出し")}));
    doc.root.children.push_back(filled_paragraph(st_plain, lines_after, 40, U'い'));
    return doc;
}

}  // namespace

TEST_CASE("a paragraph longer than a page is split on the grid", "[layout][paginate]") {
    CHECK(lines_per_page(run(plain_doc({100}))) == std::vector<int>{36, 36, 28});
    CHECK(lines_per_page(run(plain_doc({36, 36}))) == std::vector<int>{36, 36});
}

TEST_CASE("widows and orphans: two lines at least on either side of a break", "[layout][paginate]") {
    // 40 lines: 36 + 4, both sides keep two or more.
    CHECK(lines_per_page(run(plain_doc({40}))) == std::vector<int>{36, 4});
    // Only one line of a 5-line paragraph would fit: an orphan; the paragraph moves.
    CHECK(lines_per_page(run(plain_doc({35, 5}))) == std::vector<int>{35, 5});
    // 6 of 7 lines would fit, leaving a widow: break after 5, carry 2.
    CHECK(lines_per_page(run(plain_doc({30, 7}))) == std::vector<int>{35, 2});
    // Exactly fitting paragraphs are not disturbed.
    CHECK(lines_per_page(run(plain_doc({30, 6, 3}))) == std::vector<int>{36, 3});
    // 4 lines with 2 free: 2 + 2 is allowed.
    CHECK(lines_per_page(run(plain_doc({34, 4}))) == std::vector<int>{36, 2});
}

TEST_CASE("paragraphs of two or three lines are never split", "[layout][paginate]") {
    // 3 lines with 2 free: 2 + 1 leaves a widow, 1 + 2 an orphan; the paragraph moves.
    CHECK(lines_per_page(run(plain_doc({34, 3}))) == std::vector<int>{34, 3});
    CHECK(lines_per_page(run(plain_doc({35, 2}))) == std::vector<int>{35, 2});
    CHECK(lines_per_page(run(plain_doc({35, 3}))) == std::vector<int>{35, 3});
    // With the minimums lowered to 1 the same paragraph splits 2 + 1.
    LayoutOptions loose;
    loose.orphans = 1;
    loose.widows = 1;
    CHECK(lines_per_page(run(plain_doc({34, 3}), loose)) == std::vector<int>{36, 1});
}

TEST_CASE("a heading is never the last line of a page", "[layout][paginate]") {
    // Slot 36 would hold the heading alone: it moves to page 2 with its paragraph.
    {
        const LayoutResult r = run(with_heading_at(35, 4));
        CHECK(lines_per_page(r) == std::vector<int>{35, 5});
        REQUIRE(r.pages.outline.size() == 1);
        CHECK(r.pages.outline[0].title == "見出し");
        CHECK(r.pages.outline[0].page == 1);
    }
    // With three slots left the heading stays, followed by two lines of a 4-line paragraph.
    {
        const LayoutResult r = run(with_heading_at(33, 4));
        CHECK(lines_per_page(r) == std::vector<int>{36, 2});
        CHECK(r.pages.outline[0].page == 0);
    }
    // With two slots left, the heading and one line would leave an orphan: both move.
    CHECK(lines_per_page(run(with_heading_at(34, 4))) == std::vector<int>{34, 5});
    // A heading without keep_with_next in its style is kept all the same.
    {
        gijiroku::style::StyledDoc doc = with_heading_at(35, 4);
        doc.root.children[1].style = st_plain;
        CHECK(lines_per_page(run(doc)) == std::vector<int>{35, 5});
    }
}

TEST_CASE("a chain of headings moves as one", "[layout][paginate]") {
    gijiroku::style::StyledDoc doc = plain_doc({33});
    doc.root.children.push_back(heading(1, st_opinions_heading, {text("一")}));
    doc.root.children.push_back(heading(2, st_opinions_heading, {text("二")}));
    doc.root.children.push_back(heading(3, st_opinions_heading, {text("三")}));
    doc.root.children.push_back(filled_paragraph(st_plain, 2));
    const LayoutResult r = run(doc);
    CHECK(lines_per_page(r) == std::vector<int>{33, 5});
    REQUIRE(r.pages.outline.size() == 3);
    for (const auto& b : r.pages.outline) CHECK(b.page == 1);
    CHECK(r.pages.outline[1].level == 2);
    CHECK(r.pages.outline[2].title == "三");
}

TEST_CASE("a keep longer than a page starts a page and is cut where that page is full", "[layout][paginate]") {
    gijiroku::style::StyledDoc doc = plain_doc({2});
    // 3,200 ASCII characters at ½ em, 80 to a line: a 40-line heading, which can keep
    // nothing together. It starts page 2 (the last allowed break) and fills it.
    doc.root.children.push_back(heading(1, st_opinions_heading, {text(std::string(40 * 80, 'x'))}));
    doc.root.children.push_back(filled_paragraph(st_plain, 2));
    const LayoutResult r = run(doc);
    CHECK(lines_per_page(r) == std::vector<int>{2, 36, 6});
}

TEST_CASE("a definition item whose term wraps keeps its rows together", "[layout][paginate]") {
    gijiroku::style::StyledDoc doc = plain_doc({35});
    doc.root.children.push_back(node(
        Role::definition_list, -1,
        {node(Role::definition_item, st_particular,
              {node(Role::term, st_particular_term, {marker("４"), text("配布資料一覧")}),
               node(Role::definition, st_particular_value, {text("別紙のとおり")})})}));
    const LayoutResult r = run(doc);
    // The term takes two lines (4 zw of text per line); with one slot left, the item moves.
    CHECK(lines_per_page(r) == std::vector<int>{35, 3});
}

TEST_CASE("a 100-page and a 1,000-page document", "[layout][paginate]") {
    // 4-line paragraphs, 9 to a page.
    {
        const LayoutResult r = run(plain_doc(std::vector<int>(900, 4)));
        CHECK(r.pages.pages.size() == 100);
        CHECK(r.pages.pages.back().label == "100");
        CHECK(r.lines.size() == 3600);
    }
    {
        const LayoutResult r = run(plain_doc(std::vector<int>(9000, 4)));
        CHECK(r.pages.pages.size() == 1000);
        CHECK(r.pages.pages.back().label == "1000");
        // The last page's number is 「- 1000 -」.
        const auto& last = r.pages.pages.back().runs.back();
        CHECK(last.mark.artifact);
        CHECK(last.text == "- 1000 -");
    }
}

TEST_CASE("the seed's proceedings repeated to hundreds of pages", "[layout][paginate]") {
    Diagnostics d1;
    auto one = lay_out(repeated_doc(1), d1);
    REQUIRE(one);
    Diagnostics diags;
    auto r = lay_out(repeated_doc(300), diags);
    REQUIRE(r);
    CHECK(diags.empty());
    // Every copy sets the same lines (the proceedings are copied 300 times; the title and
    // particulars once).
    std::size_t head = 0;
    for (const auto& l : one->lines)
        if (l.style == "title-line" || l.style == "title-kind" || l.style.rfind("particular", 0) == 0 ||
            l.style == "attendees")
            ++head;
    CHECK(r->lines.size() == head + 300 * (one->lines.size() - head));
    // No page holds more than its 36 grid lines' worth of rows.
    const double top = r->lines.front().baseline_pt;
    for (const auto& l : r->lines) CHECK(l.baseline_pt - top < 36 * 18);
    const std::size_t pages = r->pages.pages.size();
    CHECK(pages >= r->lines.size() / 36);
    for (std::size_t p = 0; p < pages; ++p) {
        const auto& runs = r->pages.pages[p].runs;
        REQUIRE_FALSE(runs.empty());
        CHECK(runs.back().text == "- " + std::to_string(p + 1) + " -");
    }
    Diagnostics check;
    CHECK(gijiroku::layout::check_structure(r->tree, r->pages, "", check));
}

TEST_CASE("too many pages is E565; a line taller than the page W562", "[layout][paginate]") {
    LayoutOptions few;
    few.max_pages = 5;
    Diagnostics diags;
    CHECK_FALSE(lay_out(plain_doc(std::vector<int>(12, 36)), diags, few));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E565");

    gijiroku::style::StyledDoc doc = plain_doc({});
    auto tall = doc.styles[st_plain];
    tall.line_pitch_pt = 700;  // the body is 648 pt
    doc.styles.push_back(tall);
    doc.root.children.push_back(node(Role::paragraph, static_cast<int>(doc.styles.size()) - 1, {text("高")}));
    doc.root.children.push_back(filled_paragraph(st_plain, 1));
    Diagnostics d2;
    auto r = lay_out(doc, d2);
    REQUIRE(r);
    REQUIRE(d2.all().size() == 1);
    CHECK(d2.all()[0].code == "W562");
    CHECK(lines_per_page(*r) == std::vector<int>{1, 1});
}

TEST_CASE("an empty document still has one page, with its page number", "[layout][paginate]") {
    Diagnostics diags;
    auto r = lay_out(plain_doc({}), diags);
    REQUIRE(r);
    REQUIRE(r->pages.pages.size() == 1);
    CHECK(r->pages.pages[0].label == "1");
    REQUIRE(r->pages.pages[0].runs.size() == 1);
    CHECK(r->pages.pages[0].runs[0].text == "- 1 -");
    CHECK(r->lines.empty());
    CHECK(r->tree.elements.size() == 1);  // the Document root alone
}
