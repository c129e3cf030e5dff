// The text dumps of layout.hpp, on documents small enough to work out by hand (Tokyo page:
// left margin 87.64, grid top 99.21, body baselines 12.99 pt into each 18 pt slot).
#include <catch2/catch.hpp>

#include <string>

#include "test_pages_support.hpp"

using namespace pages_test;
using gijiroku::Diagnostics;
using gijiroku::layout::dump_lines;
using gijiroku::layout::dump_pages;
using gijiroku::layout::dump_struct;

namespace {

gijiroku::style::StyledDoc small_doc() {
    gijiroku::style::StyledDoc doc = plain_doc({});
    doc.root.children.push_back(heading(1, st_opinions_heading, {text("題")}));
    doc.root.children.push_back(node(Role::paragraph, st_plain, {text("本文です")}));
    return doc;
}

}  // namespace

TEST_CASE("dump_lines: page, element, style, line number, widths, text", "[layout][dump]") {
    gijiroku::style::StyledDoc doc = small_doc();
    doc.root.children.push_back(filled_paragraph(-1, 2, 40, U'う'));  // unstyled: "-"
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    const std::string u40 = [] {
        std::string s;
        for (int i = 0; i < 40; ++i) s += "う";
        return s;
    }();
    CHECK(dump_lines(*r) ==
          "p1 H1#1 opinions-heading 1 nat=10.50 adj=10.50 |題|\n"
          "p1 P#2 plain 1 nat=42.00 adj=42.00 |本文です|\n"
          "p1 P#3 - 1 nat=420.00 adj=420.00 |" + u40 + "|\n"
          "p1 P#3 - 2 nat=420.00 adj=420.00 |" + u40 + "|\n");
}

TEST_CASE("dump_pages: title, language, outline, then each page's runs with their marks", "[layout][dump]") {
    Diagnostics diags;
    auto r = lay_out(small_doc(), diags);
    REQUIRE(r);
    CHECK(dump_pages(r->pages, r->tree) ==
          "title \"plain\"\n"
          "lang ja\n"
          "bookmark 1 p1 99.21 \"題\"\n"
          "page 1 595.28x841.89 label=1\n"
          "  run 87.64 112.20 f0 10.50 H1#1 |題|\n"
          "  run 87.64 130.20 f0 10.50 P#2 |本文です|\n"
          "  run 286.39 802.79 f0 9.00 A:page_number:foot |- 1 -|\n");
}

TEST_CASE("dump_pages: rules, links, languages", "[layout][dump]") {
    gijiroku::style::StyledDoc doc = plain_doc({});
    doc.page.page_number_format.clear();
    Node link = node(Role::link, -1, {text("資料")});
    link.href = "https://example.jp/";
    Node en = node(Role::span, -1, {text("OK")});
    en.lang = "en";
    doc.root.children.push_back(node(Role::paragraph, st_plain, {text("詳しくは"), std::move(link), std::move(en)}));
    doc.root.children.push_back(
        node(Role::table, -1, {node(Role::table_row, -1, {node(Role::data_cell, -1, {text("表")})})}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    // The link area spans 資料 (2 zw from 4 zw), from the ascent to the descent; the one-cell
    // table spans the measure on the second slot: two verticals, the top and the bottom rule.
    CHECK(dump_pages(r->pages, r->tree) ==
          "title \"plain\"\n"
          "lang ja\n"
          "page 1 595.28x841.89 label=1\n"
          "  run 87.64 112.20 f0 10.50 P#1 |詳しくは|\n"
          "  run 129.64 112.20 f0 10.50 Link#2 |資料|\n"
          "  run 150.64 112.20 f0 10.50 Span#3 |OK| lang=en\n"
          "  run 92.89 130.20 f0 10.50 TD#6 |表|\n"
          "  rule 87.64 117.21 87.64 135.21 0.50 A:layout\n"
          "  rule 507.64 117.21 507.64 135.21 0.50 A:layout\n"
          "  rule 87.64 117.21 507.64 117.21 0.50 A:layout\n"
          "  rule 87.64 135.21 507.64 135.21 0.50 A:layout\n"
          "  link 129.64 102.96 21.00 10.50 Link#2 https://example.jp/\n");
}

TEST_CASE("dump_struct: indented elements, attributes, own text quoted", "[layout][dump]") {
    gijiroku::style::StyledDoc doc = small_doc();
    doc.root.children.push_back(node(Role::paragraph, st_plain, {text("a\"b\\c")}));
    Diagnostics diags;
    auto r = lay_out(doc, diags);
    REQUIRE(r);
    CHECK(dump_struct(r->tree) == "Document\n  H1 #1\n  P #2\n  P #3\n");
    CHECK(dump_struct(r->tree, &r->pages) ==
          "Document\n"
          "  H1 #1 \"題\"\n"
          "  P #2 \"本文です\"\n"
          "  P #3 \"a\\\"b\\\\c\"\n");
}
