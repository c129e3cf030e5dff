#include <catch2/catch.hpp>

#include <string>

#include "xml_test_support.hpp"

using gijiroku::SourceLoc;
using namespace gijiroku::xml;
using xml_test::briefs;

TEST_CASE("positions are exact after a UTF-8 BOM and with full-width characters") {
    // The BOM (Windows Notepad writes one) is not a column: '<' of line 1 is column 1.
    const std::string bytes =
        "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<議事録 種別=\"要旨\">\n"
        "　<発言 者=\"岩﨑委員\">𠮷野家で&amp;話した</発言></議事録>\n";
    auto r = xml_test::read(bytes);
    REQUIRE(r.diags.empty());
    REQUIRE(r.doc);
    const Node& root = r.doc->root;
    CHECK(root.name == "議事録");
    CHECK(root.loc == SourceLoc{2, 1});
    REQUIRE(root.attributes.size() == 1);
    CHECK(root.attributes[0].name == "種別");
    CHECK(root.attributes[0].value == "要旨");
    CHECK(root.attributes[0].loc == SourceLoc{2, 6});
    CHECK(root.attributes[0].value_loc == SourceLoc{2, 10});

    const Node* speech = root.first_child("発言");
    REQUIRE(speech);
    CHECK(speech->loc == SourceLoc{3, 2});  // after an ideographic space (U+3000)
    const Attribute* by = speech->find_attribute("者");
    REQUIRE(by);
    CHECK(by->loc == SourceLoc{3, 6});
    CHECK(by->value_loc == SourceLoc{3, 9});
    REQUIRE(speech->children.size() == 1);
    const Node& text = speech->children[0];
    CHECK(text.is_text());
    CHECK(text.text == "𠮷野家で&話した");
    CHECK(text.loc == SourceLoc{3, 15});
    // 𠮷 is 4 bytes, 野家で 9: byte 13 is the '&' that &amp; stands for.
    CHECK(loc_in_text(*r.doc, text, 13) == SourceLoc{3, 19});
    CHECK(loc_in_text(*r.doc, text, 14) == SourceLoc{3, 24});  // 話, after the 5-character &amp;
    CHECK(loc_in_text(*r.doc, text, 4) == SourceLoc{3, 16});   // 野
    CHECK(loc_in_text(*r.doc, text, 1) == SourceLoc{3, 15});   // inside 𠮷
    CHECK(loc_in_text(*r.doc, text, text.text.size()) == SourceLoc{3, 27});  // just after した
}

TEST_CASE("text merges CDATA and drops comments; loc_in_text sees through both") {
    const std::string bytes =
        "<a>\r\n"
        "  <t>議事&amp;<!-- x -->テ<![CDATA[<b>]]>ス&#x41;ト</t><?pi x?><e/></a>";
    auto r = xml_test::read(bytes);
    REQUIRE(r.diags.empty());
    REQUIRE(r.doc);
    const Node& a = r.doc->root;
    // Children of <a>: blank text, <t>, <e> (the PI is dropped).
    REQUIRE(a.children.size() == 3);
    CHECK(a.children[0].is_text());
    CHECK(a.children[0].is_blank());
    CHECK(a.children[0].text == "\n  ");  // CRLF normalised to LF (XML 1.0 §2.11)
    CHECK(a.children[0].loc == SourceLoc{1, 4});
    const Node& t = a.children[1];
    CHECK(t.loc == SourceLoc{2, 3});
    REQUIRE(t.children.size() == 1);
    const Node& text = t.children[0];
    CHECK(text.text == "議事&テ<b>スAト");
    CHECK(text.loc == SourceLoc{2, 6});
    CHECK(loc_in_text(*r.doc, text, 6) == SourceLoc{2, 8});    // '&' of &amp;
    CHECK(loc_in_text(*r.doc, text, 7) == SourceLoc{2, 23});   // テ, after the comment
    CHECK(loc_in_text(*r.doc, text, 10) == SourceLoc{2, 33});  // '<' inside the CDATA section
    CHECK(loc_in_text(*r.doc, text, 13) == SourceLoc{2, 39});  // ス
    CHECK(loc_in_text(*r.doc, text, 16) == SourceLoc{2, 40});  // A from &#x41;
    CHECK(loc_in_text(*r.doc, text, 17) == SourceLoc{2, 46});  // ト
    CHECK(a.children[2].name == "e");
    CHECK(a.children[2].loc == SourceLoc{2, 59});
    CHECK(a.children[2].children.empty());
}

TEST_CASE("loc_in_text follows CRLF inside text") {
    auto r = xml_test::read("<a>x\r\ny\rz</a>");
    REQUIRE(r.doc);
    const Node& text = r.doc->root.children.at(0);
    CHECK(text.text == "x\ny\nz");
    CHECK(loc_in_text(*r.doc, text, 1) == SourceLoc{1, 5});  // the line end, at its CR
    CHECK(loc_in_text(*r.doc, text, 2) == SourceLoc{2, 1});  // y
    CHECK(loc_in_text(*r.doc, text, 4) == SourceLoc{3, 1});  // z after a lone CR
}

TEST_CASE("attributes: namespaces, xml:lang, quotes, '>' inside a value, references") {
    const std::string bytes =
        "<r xmlns=\"urn:a\" xmlns:p=\"urn:p\">\n"
        "\t<c  xml:lang = \"ja\"   a='x>y' p:b=\"1 &lt; 2 &#x41;\" />\n"
        "</r>";
    auto r = xml_test::read(bytes);
    REQUIRE(r.diags.empty());
    REQUIRE(r.doc);
    CHECK(r.doc->root.ns_uri == "urn:a");
    CHECK(r.doc->root.attributes.empty());  // namespace declarations are not attributes
    const Node* c = r.doc->root.first_child("c");
    REQUIRE(c);
    CHECK(c->ns_uri == "urn:a");
    CHECK(c->loc == SourceLoc{2, 2});
    const Attribute* lang = c->lang_attribute();
    REQUIRE(lang);
    CHECK(lang->value == "ja");
    CHECK(lang->loc == SourceLoc{2, 6});
    CHECK(lang->value_loc == SourceLoc{2, 18});
    const Attribute* a = c->find_attribute("a");
    REQUIRE(a);
    CHECK(a->value == "x>y");
    CHECK(a->loc == SourceLoc{2, 24});
    CHECK(a->value_loc == SourceLoc{2, 27});
    CHECK(c->find_attribute("b") == nullptr);  // it is in urn:p
    const Attribute* b = c->find_attribute("b", "urn:p");
    REQUIRE(b);
    CHECK(b->value == "1 < 2 A");
    CHECK(b->loc == SourceLoc{2, 32});
}

TEST_CASE("Node helpers") {
    auto r = xml_test::read("<r><a>1</a> <b>2<i>3</i></b><a>4</a></r>");
    REQUIRE(r.doc);
    const Node& root = r.doc->root;
    std::string names;
    for (const Node& e : root.elements()) names += e.name;
    CHECK(names == "aba");
    CHECK(root.text_content() == "1 234");
    REQUIRE(root.first_child("b"));
    CHECK(root.first_child("b")->text_content() == "23");
    CHECK(root.first_child("zz") == nullptr);
    CHECK(root.children.at(1).is_blank());
    CHECK_FALSE(root.children.at(0).is_blank());
    CHECK(r.doc->schema_valid);  // no schema given
}

TEST_CASE("positions stay exact deep into a large file") {
    // About 1.3 MB, so libxml2 shifts its input buffer several times on the way.
    std::string s = "<doc>\n";
    const int n = 30000;
    for (int i = 0; i < n; ++i)
        s += "  <p n=\"" + std::to_string(i) + "\">段落" + std::to_string(i) + "の本文</p>\n";
    s += "</doc>\n";
    auto r = xml_test::read(s);
    REQUIRE(r.diags.empty());
    REQUIRE(r.doc);
    int i = 0;
    bool all_exact = true;
    for (const Node& p : r.doc->root.elements()) {
        const auto line = static_cast<std::uint32_t>(i + 2);
        const auto digits = static_cast<std::uint32_t>(std::to_string(i).size());
        const bool exact = p.loc == SourceLoc{line, 3} &&
                           p.attributes.at(0).loc == SourceLoc{line, 6} &&
                           p.attributes.at(0).value_loc == SourceLoc{line, 9} &&
                           p.children.at(0).loc == SourceLoc{line, 9 + digits + 2};
        if (!exact) {
            all_exact = false;
            FAIL_CHECK("element " << i << " is at " << p.loc.line << ":" << p.loc.column);
            break;
        }
        ++i;
    }
    CHECK(all_exact);
    CHECK(i == n);
}

TEST_CASE("the test fixtures: a valid document reads without diagnostics") {
    auto r = xml_test::read(xml_test::data("valid.xml"));
    CHECK(briefs(r.diags).empty());
    REQUIRE(r.doc);
    CHECK(r.doc->root.name == "minutes");
    CHECK(r.doc->root.ns_uri == "urn:gijiroku:test");
    const Node* body = r.doc->root.first_child("body");
    REQUIRE(body);
    const Node* list = body->first_child("list");
    REQUIRE(list);
    const Node* item = list->first_child("item");
    REQUIRE(item);
    CHECK(item->text_content() == "多摩地域では管轄内の自治体を訪問した。");
    CHECK(item->find_attribute("speaker")->value == "岩﨑委員");  // 﨑 U+FA11 kept as is
}
