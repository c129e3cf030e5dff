// The structure builder: /K order of first appearance, pruning, cross-page content, added Spans.
#include <catch2/catch.hpp>

#include "pdf/structure.hpp"

using namespace gijiroku;
using namespace gijiroku::pdf;
using layout::StructType;
using Kind = StructKid::Kind;

namespace {

StructureBuilder make(const layout::StructTree& t) {
    std::string error;
    auto b = StructureBuilder::create(t, "ja", error);
    REQUIRE(b);
    return std::move(*b);
}

}  // namespace

TEST_CASE("kids follow the order of first appearance, MCIDs interleaved", "[pdf][structure]") {
    layout::StructTree t;
    const int doc = t.add(StructType::Document, -1);
    const int p = t.add(StructType::P, doc);
    const int link = t.add(StructType::Link, p);
    const int h = t.add(StructType::H1, doc);  // appears before p in the content
    auto b = make(t);
    CHECK(b.add_sequence(0, h, "", "") == 0);
    CHECK(b.add_sequence(0, p, "", "") == 1);
    CHECK(b.add_sequence(0, link, "", "") == 2);
    CHECK(b.add_sequence(0, p, "", "") == 3);
    b.add_annotation(0, link, 0);

    const auto& out = b.elements();
    REQUIRE(out.size() == 4);
    CHECK(out[0].source == doc);
    REQUIRE(out[0].kids.size() == 2);
    CHECK(out[out[0].kids[0].value].source == h);  // H1 first: it appeared first
    CHECK(out[out[0].kids[1].value].source == p);
    const OutElement& po = out[static_cast<std::size_t>(out[0].kids[1].value)];
    REQUIRE(po.kids.size() == 3);
    CHECK((po.kids[0].kind == Kind::mcid && po.kids[0].value == 1));
    CHECK((po.kids[1].kind == Kind::element && out[po.kids[1].value].source == link));
    CHECK((po.kids[2].kind == Kind::mcid && po.kids[2].value == 3));
    const OutElement& lo = out[static_cast<std::size_t>(po.kids[1].value)];
    REQUIRE(lo.kids.size() == 2);
    CHECK((lo.kids[0].kind == Kind::mcid && lo.kids[0].value == 2));
    CHECK((lo.kids[1].kind == Kind::annotation && lo.kids[1].value == 0 && lo.kids[1].page == 0));
    REQUIRE(b.page_mcids().size() == 1);
    CHECK(b.page_mcids()[0].size() == 4);
    CHECK(b.owner(0, 2) == po.kids[1].value);
    CHECK(b.unused_elements().empty());
}

TEST_CASE("elements without content are left out and listed", "[pdf][structure]") {
    layout::StructTree t;
    const int doc = t.add(StructType::Document, -1);
    const int l = t.add(StructType::L, doc);
    const int li = t.add(StructType::LI, l);
    const int lbl = t.add(StructType::Lbl, li);
    const int body = t.add(StructType::LBody, li);
    const int empty_p = t.add(StructType::P, doc);
    auto b = make(t);
    b.add_sequence(0, body, "", "");
    CHECK(b.elements().size() == 4);  // Document, L, LI, LBody
    CHECK(b.unused_elements() == std::vector<int>{lbl, empty_p});
}

TEST_CASE("content on two pages: one element, MCIDs per page, /Pg = first page", "[pdf][structure]") {
    layout::StructTree t;
    const int doc = t.add(StructType::Document, -1);
    const int p = t.add(StructType::P, doc);
    auto b = make(t);
    b.add_sequence(0, p, "", "");
    b.add_sequence(1, p, "", "");
    const OutElement& po = b.elements()[1];
    CHECK(po.page == 0);
    REQUIRE(po.kids.size() == 2);
    CHECK((po.kids[0].page == 0 && po.kids[0].value == 0));
    CHECK((po.kids[1].page == 1 && po.kids[1].value == 0));  // MCIDs count per page
}

TEST_CASE("a run in another language or with ActualText gets a Span", "[pdf][structure]") {
    layout::StructTree t;
    const int doc = t.add(StructType::Document, -1);
    const int p = t.add(StructType::P, doc);
    const int q = t.add(StructType::Quote, doc);
    t.elements[static_cast<std::size_t>(q)].lang = "en";
    auto b = make(t);
    CHECK(b.language_of(p) == "ja");
    CHECK(b.language_of(q) == "en");
    b.add_sequence(0, p, "ja", "");       // same language: no Span
    b.add_sequence(0, p, "en", "");       // Span /Lang en
    b.add_sequence(0, q, "en", "");       // the Quote is English already: no Span
    b.add_sequence(0, p, "", "２から３年");  // Span /ActualText
    const auto& out = b.elements();
    REQUIRE(out.size() == 5);
    CHECK(out[2].type == StructType::Span);
    CHECK(out[2].lang == "en");
    CHECK(out[2].parent == 1);
    CHECK(out[3].source == q);
    CHECK(out[3].lang == "en");  // differs from the document's ja: written
    CHECK(out[4].actual_text == "２から３年");
    CHECK(out[4].lang.empty());
    CHECK(b.owner(0, 1) == 2);
    CHECK(b.owner(0, 3) == 4);
}

TEST_CASE("malformed trees are rejected", "[pdf][structure]") {
    std::string error;
    layout::StructTree empty;
    CHECK_FALSE(StructureBuilder::create(empty, "ja", error));

    layout::StructTree cycle;
    cycle.add(StructType::Document, -1);
    cycle.add(StructType::P, 0);
    cycle.elements[1].children.push_back(1);  // its own child
    CHECK_FALSE(StructureBuilder::create(cycle, "ja", error));

    layout::StructTree orphan;
    orphan.add(StructType::Document, -1);
    orphan.add(StructType::P, 0);
    orphan.elements[0].children.clear();  // P is not reachable
    CHECK_FALSE(StructureBuilder::create(orphan, "ja", error));
    CHECK(error.find("not reachable") != std::string::npos);

    layout::StructTree liar;
    liar.add(StructType::Document, -1);
    liar.add(StructType::P, 0);
    liar.add(StructType::Span, 1);
    liar.elements[2].parent = 0;  // listed under P, claims Document
    CHECK_FALSE(StructureBuilder::create(liar, "ja", error));
}
