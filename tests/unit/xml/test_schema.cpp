#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "xml_test_support.hpp"

using gijiroku::Diagnostic;
using gijiroku::Diagnostics;
using gijiroku::SourceLoc;
using namespace gijiroku::xml;
using xml_test::briefs;

namespace {

std::shared_ptr<const Schema> test_schema() {
    static const std::shared_ptr<const Schema> schema = [] {
        Diagnostics d;
        auto s = compile_schema(xml_test::data("test.xsd"), "test.xsd", d);
        INFO(briefs(d));
        REQUIRE(d.empty());
        return s;
    }();
    return schema;
}

// A minutes document of test.xsd with `body` as the content of <body>.
std::string minutes(const std::string& attrs, const std::string& head, const std::string& body) {
    return "<minutes xmlns=\"urn:gijiroku:test\"" + attrs + ">\n" + head + "<body>\n" + body +
           "</body>\n</minutes>\n";
}

const std::string good_head = "<title>議事要旨</title>\n<date>2025-03-25</date>\n";

const Diagnostic& only(const xml_test::Result& r) {
    REQUIRE(r.diags.all().size() == 1);
    return r.diags.all()[0];
}

}  // namespace

TEST_CASE("compile_schema reads names: root, namespace, attributes, children") {
    auto s = test_schema();
    REQUIRE(s);
    CHECK(s->name() == "test.xsd");
    CHECK(s->target_namespace() == "urn:gijiroku:test");
    // <body> is global too, but <minutes> refers to it: only <minutes> can be a root.
    CHECK(s->root_elements() == std::vector<std::string>{"minutes"});
    CHECK(s->attributes_of("p") == std::vector<std::string>{"id", "speaker", "xml:lang"});
    CHECK(s->attributes_of("minutes") == std::vector<std::string>{"id", "kind", "xml:lang"});
    CHECK(s->children_of("body") == std::vector<std::string>{"list", "p"});
    CHECK(s->children_of("minutes") == std::vector<std::string>{"body", "count", "date", "title"});
    CHECK(s->attributes_of("nothing").empty());
}

TEST_CASE("a valid document validates without diagnostics") {
    auto r = xml_test::read(xml_test::data("valid.xml"), test_schema().get());
    CHECK(briefs(r.diags).empty());
    REQUIRE(r.doc);
    CHECK(r.doc->schema_valid);
}

TEST_CASE("invalid.xml: every schema error with its own code and place") {
    auto r = xml_test::read(xml_test::data("invalid.xml"), test_schema().get());
    REQUIRE(r.doc);  // well-formed: returned, marked invalid
    CHECK_FALSE(r.doc->schema_valid);
    CHECK(briefs(r.diags) == "E205@2:42 E204@2:54 E205@4:9 E204@6:16 E208@7:12 E206@9:7 E201@11:5");
    const auto& d = r.diags.all();
    REQUIRE(d.size() == 7);

    CHECK(d[0].message ==
          "the value 'gijiroku-x' of the attribute 'kind' of <minutes> is not valid: use one of: "
          "giji-youshi or gijiroku");
    CHECK(d[0].message_ja ==
          "<minutes> の属性 kind の値「gijiroku-x」は正しくありません。次のいずれかにしてください: "
          "giji-youshi、gijiroku");
    CHECK(d[0].hint == "did you mean 'gijiroku'?");

    CHECK(d[1].message == "the attribute 'spaeker' is not allowed on <minutes>");
    CHECK(d[1].hint == "<minutes> takes: id, kind and xml:lang");

    CHECK(d[2].message ==
          "the content '２０２５-13-01' of <date> is not valid: expected a date like 2025-03-25");
    CHECK(d[2].message_ja ==
          "<date> の内容「２０２５-13-01」は正しくありません。2025-03-25 のような日付を指定してください");
    CHECK(d[2].hint == "write digits half-width (0-9), not full-width (０-９)");

    CHECK(d[3].message == "the attribute 'speker' is not allowed on <p>");
    CHECK(d[3].hint == "did you mean 'speaker'?");
    CHECK(d[3].hint_ja == "speaker の誤りではありませんか？");

    CHECK(d[4].message == "the identifier 'a1' is already used by another element");
    CHECK(d[5].message == "text is not allowed directly inside <list>");
    CHECK(d[6].message == "<titel> is not allowed at this point inside <body>");
    CHECK(d[6].hint ==
          "<body> may contain <list> or <p>; move <titel> to where it belongs, or delete it");
}

TEST_CASE("E201: an unexpected element names what is expected, with a suggestion") {
    auto r = xml_test::read(
        minutes(" kind=\"gijiroku\"", "<titel>議事要旨</titel>\n", "<p>x</p>\n"), test_schema().get());
    const Diagnostic& d = only(r);
    CHECK(xml_test::brief(d) == "E201@2:1");
    CHECK(d.message == "<titel> is not allowed here; expected <title>");
    CHECK(d.message_ja == "ここに <titel> は置けません。置けるのは <title> です");
    CHECK(d.hint == "did you mean <title>?");

    auto several = xml_test::read(minutes(" kind=\"gijiroku\"", good_head, "<zz/>\n"), test_schema().get());
    CHECK(briefs(several.diags) == "E201@5:1");
    CHECK(several.diags.all().at(0).message == "<zz> is not allowed here; expected one of <p> or <list>");
    CHECK(several.diags.all().at(0).message_ja == "ここに <zz> は置けません。置けるのは <p>、<list> のいずれかです");

    // An element of the right name in the wrong namespace says so.
    auto ns = xml_test::read(minutes(" kind=\"gijiroku\"", "<title xmlns=\"\">x</title>\n", ""),
                             test_schema().get());
    CHECK(briefs(ns.diags) == "E201@2:1");
    CHECK(ns.diags.all().at(0).message ==
          "<title> is in the wrong namespace (none); the namespace urn:gijiroku:test is expected here");

    // Elements inside an element that holds only text.
    auto inside = xml_test::read(
        minutes(" kind=\"gijiroku\"", "<title>議事<b>要旨</b></title>\n<date>2025-03-25</date>\n",
                "<p>x</p>\n"),
        test_schema().get());
    CHECK(briefs(inside.diags) == "E201@2:10");
    CHECK(inside.diags.all().at(0).message == "<b> is not allowed inside <title>, which holds only text");
}

TEST_CASE("E202: a missing required element") {
    auto r = xml_test::read(minutes(" kind=\"gijiroku\"", "<title>x</title>\n", ""),
                            test_schema().get());
    // <date> is missing; libxml2 then finds <body> where <date> should be.
    CHECK(briefs(r.diags) == "E201@3:1");
    CHECK(r.diags.all().at(0).message == "<body> is not allowed here; expected <date>");

    auto r2 = xml_test::read(
        "<minutes xmlns=\"urn:gijiroku:test\" kind=\"gijiroku\">\n  <title>x</title>\n</minutes>",
        test_schema().get());
    CHECK(briefs(r2.diags) == "E202@1:1");
    CHECK(r2.diags.all().at(0).message == "<minutes> is missing <date>");
    CHECK(r2.diags.all().at(0).message_ja == "<minutes> に必要な <date> がありません");

    auto r4 = xml_test::read(minutes(" kind=\"gijiroku\"", good_head, ""), test_schema().get());
    CHECK(briefs(r4.diags) == "E202@4:1");
    CHECK(r4.diags.all().at(0).message == "<body> is missing one of <p> or <list>");
    CHECK(r4.diags.all().at(0).message_ja == "<body> に必要な要素（<p>、<list> のいずれか）がありません");

    auto r3 = xml_test::read(minutes(" kind=\"gijiroku\"", good_head, "  <list/>\n"), test_schema().get());
    CHECK(briefs(r3.diags) == "E202@5:3");
    CHECK(r3.diags.all().at(0).message == "<list> is missing <item>");
}

TEST_CASE("E203: a missing required attribute") {
    auto r = xml_test::read(minutes("", good_head, "<p>x</p>\n"), test_schema().get());
    const Diagnostic& d = only(r);
    CHECK(xml_test::brief(d) == "E203@1:1");
    CHECK(d.message == "<minutes> needs the attribute 'kind'");
    CHECK(d.message_ja == "<minutes> には属性 kind が必要です");
    CHECK(d.hint == "add kind=\"…\" to <minutes>");
}

TEST_CASE("E204: an attribute not allowed, with the allowed ones") {
    auto r = xml_test::read(minutes(" kind=\"gijiroku\"", good_head, "<list><item  idd=\"x\">a</item></list>\n"),
                            test_schema().get());
    const Diagnostic& d = only(r);
    CHECK(xml_test::brief(d) == "E204@5:14");
    CHECK(d.hint == "did you mean 'id'?");
}

TEST_CASE("E205: values, with what is allowed") {
    const auto* s = test_schema().get();
    auto count = xml_test::read(minutes(" kind=\"gijiroku\"", good_head + "<count>0</count>\n", "<p>x</p>\n"), s);
    CHECK(briefs(count.diags) == "E205@4:8");
    CHECK(count.diags.all().at(0).message ==
          "the content '0' of <count> is not valid: expected a whole number of 1 or more");
    CHECK(count.diags.all().at(0).message_ja ==
          "<count> の内容「0」は正しくありません。1 以上の整数を指定してください");

    auto empty_date = xml_test::read(
        minutes(" kind=\"gijiroku\"", "<title>x</title>\n<date/>\n", "<p>x</p>\n"), s);
    CHECK(briefs(empty_date.diags) == "E205@3:1");
    CHECK(empty_date.diags.all().at(0).message == "<date> is empty: expected a date like 2025-03-25");

    auto lang = xml_test::read(minutes(" kind=\"gijiroku\" xml:lang=\"日本語\"", good_head, "<p>x</p>\n"), s);
    CHECK(briefs(lang.diags) == "E205@1:62");
    CHECK(lang.diags.all().at(0).message.find("the value '日本語' of the attribute 'xml:lang' of <minutes> is not valid") == 0);
}

TEST_CASE("E205/E208: identifiers, with the kanji XML names may not contain") {
    auto r = xml_test::read(minutes(" kind=\"gijiroku\"", good_head,
                                    "<p id=\"岩﨑\">a</p>\n<p id=\"岩崎\">b</p>\n<p id=\"岩崎\">c</p>\n"),
                            test_schema().get());
    // 﨑 U+FA11 is not a letter of XML 1.0 4th edition names (which XSD 1.0 uses); 崎 U+5D0E is.
    CHECK(briefs(r.diags) == "E205@5:8 E208@7:8");
    CHECK(r.diags.all().at(0).hint ==
          "﨑 (U+FA11) is a CJK compatibility ideograph, which XML names may not contain; write "
          "identifiers in ASCII letters and digits, e.g. iwasaki");
    CHECK(r.diags.all().at(1).message == "the identifier '岩崎' is already used by another element");
}

TEST_CASE("E206: text where only elements may be") {
    auto r = xml_test::read(minutes(" kind=\"gijiroku\"", good_head, "  <p>x</p>\n  （補足）\n"),
                            test_schema().get());
    const Diagnostic& d = only(r);
    CHECK(xml_test::brief(d) == "E206@6:3");
    CHECK(d.message_ja == "<body> の直下には文字を書けません");
}

TEST_CASE("E207: wrong root element or namespace, naming what the schema expects") {
    const auto* s = test_schema().get();
    auto no_ns = xml_test::read("<minutes kind=\"gijiroku\"/>", s);
    CHECK(briefs(no_ns.diags) == "E207@1:1");
    CHECK(no_ns.diags.all().at(0).message ==
          "the root element <minutes> must be in the namespace urn:gijiroku:test (it is in no namespace)");
    CHECK(no_ns.diags.all().at(0).hint == "write the root element as <minutes xmlns=\"urn:gijiroku:test\">");

    auto wrong = xml_test::read("\n<minute xmlns=\"urn:gijiroku:test\"/>", s);
    CHECK(briefs(wrong.diags) == "E207@2:1");
    CHECK(wrong.diags.all().at(0).message ==
          "the root element is <minute>, but test.xsd expects <minutes> in the namespace urn:gijiroku:test");
    CHECK(wrong.diags.all().at(0).hint == "did you mean <minutes>?");
    REQUIRE(wrong.doc);
    CHECK_FALSE(wrong.doc->schema_valid);
}

TEST_CASE("E299: other schema errors keep libxml2's words") {
    Diagnostics d;
    auto s = compile_schema(
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
        "  <xs:element name=\"a\"><xs:complexType><xs:sequence>\n"
        "    <xs:any namespace=\"##other\" processContents=\"strict\"/>\n"
        "  </xs:sequence></xs:complexType></xs:element>\n</xs:schema>",
        "any.xsd", d);
    REQUIRE(s);
    auto r = xml_test::read("<a>\n  <x:b xmlns:x=\"urn:other\"/></a>", s.get());
    CHECK(briefs(r.diags) == "E299@2:3");
    CHECK(r.diags.all().at(0).message ==
          "the document does not conform to the schema: Element '{urn:other}b': No matching global "
          "element declaration available, but demanded by the strict wildcard.");
}

TEST_CASE("E290: a schema that does not compile") {
    Diagnostics d;
    auto s = compile_schema(
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
        "  <xs:element name=\"a\" type=\"xs:nosuchtype\"/>\n</xs:schema>",
        "broken.xsd", d);
    CHECK_FALSE(s);
    REQUIRE_FALSE(d.all().empty());
    CHECK(d.all().at(0).code == "E290");
    CHECK(d.all().at(0).loc.line == 2);

    Diagnostics d2;
    CHECK_FALSE(compile_schema("<a/>", "not-a-schema.xsd", d2));
    CHECK(briefs(d2) == "E290@1:1");

    Diagnostics d3;  // the schema text gets the hardened reader too
    CHECK_FALSE(compile_schema("<!DOCTYPE x><x/>", "doctype.xsd", d3));
    CHECK(briefs(d3) == "E107@1:1");
}

TEST_CASE("schema imports are served only from the embedded copies, never from disk") {
    // A real, valid schema on disk: importing it would work if the loader read files.
    const auto path = std::filesystem::temp_directory_path() /
                      ("gijiroku-import-" + std::to_string(::getpid()) + ".xsd");
    std::ofstream(path) << "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                           "targetNamespace=\"urn:secret\"><xs:attribute name=\"s\"/></xs:schema>";
    const std::string main =
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:s=\"urn:secret\">\n"
        "  <xs:import namespace=\"urn:secret\" schemaLocation=\"" + path.string() + "\"/>\n"
        "  <xs:element name=\"a\"><xs:complexType><xs:attribute ref=\"s:s\"/></xs:complexType></xs:element>\n"
        "</xs:schema>";
    Diagnostics d;
    auto s = compile_schema(main, "importer.xsd", d);
    std::filesystem::remove(path);
    CHECK_FALSE(s);
    REQUIRE_FALSE(d.all().empty());
    CHECK(d.all().at(0).code == "E290");
    CHECK(d.all().at(0).file == "importer.xsd");
    CHECK(d.all().at(0).loc.line == 2);
    CHECK(d.all().at(0).message ==
          "the schema importer.xsd refers to " + path.string() +
              ", which is not one of the schemas built into gijiroku (xml.xsd, minutes.xsd, "
              "template.xsd); nothing else is loaded");

    // The XML namespace schema is served from memory, under its usual w3.org address too.
    Diagnostics d2;
    auto ok = compile_schema(
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
        "  <xs:import namespace=\"http://www.w3.org/XML/1998/namespace\"\n"
        "             schemaLocation=\"http://www.w3.org/2001/xml.xsd\"/>\n"
        "  <xs:element name=\"a\"><xs:complexType><xs:attribute ref=\"xml:space\"/></xs:complexType></xs:element>\n"
        "</xs:schema>",
        "w3.xsd", d2);
    CHECK(briefs(d2).empty());
    REQUIRE(ok);
    auto r = xml_test::read("<a xml:space=\"keep\"/>", ok.get());
    CHECK(briefs(r.diags) == "E205@1:15");  // libxml2's own parser warning is not repeated
    CHECK(briefs(xml_test::read("<a xml:space=\"keep\"/>").diags) == "W102@1:15");
    CHECK(r.diags.all().at(0).message ==
          "the value 'keep' of the attribute 'xml:space' of <a> is not valid: use one of: default or preserve");
}

TEST_CASE("the embedded schemas compile once, and examples/ validate against minutes.xsd") {
    const std::string text = xml_test::slurp(std::string(GIJIROKU_SOURCE_DIR) + "/schemas/minutes.xsd");
    Diagnostics why;
    auto s = minutes_schema(&why);
    if (text.empty()) {
        CHECK_FALSE(s);
        return;
    }
    INFO(briefs(why));
    REQUIRE(s);
    CHECK(s == minutes_schema());  // compiled once, shared
    CHECK(s->name() == "minutes.xsd");
    // The built-in texts skip the hardened reading compile_schema gives any other schema
    // (schema.cpp): they must pass it, and their names are read when first asked for.
    Diagnostics read_again;
    CHECK(compile_schema(text, "minutes.xsd", read_again));
    CHECK(briefs(read_again).empty());
    CHECK(s->target_namespace() == "urn:gijiroku:minutes:1");
    CHECK(s->root_elements() == std::vector<std::string>{"minutes"});
    CHECK_FALSE(s->attributes_of("minutes").empty());
    const std::filesystem::path examples = std::filesystem::path(GIJIROKU_SOURCE_DIR) / "examples";
    int seen = 0;
    if (std::filesystem::exists(examples)) {
        for (const auto& e : std::filesystem::directory_iterator(examples)) {
            if (e.path().extension() != ".xml") continue;
            ++seen;
            auto r = xml_test::read(xml_test::slurp(e.path().string()), s.get());
            INFO(e.path().filename().string() << ": " << briefs(r.diags));
            CHECK(r.diags.empty());
            CHECK((r.doc && r.doc->schema_valid));
        }
    }
    WARN("examples validated: " << seen);

    const std::string ttext = xml_test::slurp(std::string(GIJIROKU_SOURCE_DIR) + "/schemas/template.xsd");
    Diagnostics twhy;
    auto t = template_schema(&twhy);
    INFO(briefs(twhy));
    CHECK(static_cast<bool>(t) == !ttext.empty());
    if (t) {
        Diagnostics tread;
        CHECK(compile_schema(ttext, "template.xsd", tread));
        CHECK(briefs(tread).empty());
        CHECK(t->target_namespace() == "urn:gijiroku:template:1");
        CHECK_FALSE(t->root_elements().empty());
        CHECK_FALSE(t->children_of(t->root_elements().front()).empty());
    }
}
