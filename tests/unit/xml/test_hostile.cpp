// Untrusted input (DESIGN §3): each hostile or broken file gets one exact, early answer.
// No timing assertions here (benchmarks measure speed); the inputs are sized so that a reader
// which expanded, nested or copied instead of refusing would exhaust memory or time visibly.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "xml_test_support.hpp"

using gijiroku::Diagnostic;
using gijiroku::SourceLoc;
using namespace gijiroku::xml;
using xml_test::briefs;

namespace {

bool mentions(const gijiroku::Diagnostics& ds, const std::string& needle) {
    for (const Diagnostic& d : ds.all())
        if (d.message.find(needle) != std::string::npos ||
            d.message_ja.find(needle) != std::string::npos ||
            d.hint.find(needle) != std::string::npos || d.hint_ja.find(needle) != std::string::npos ||
            d.file.find(needle) != std::string::npos)
            return true;
    return false;
}

// A temporary file holding `content`, removed at scope exit.
struct TempFile {
    std::filesystem::path path;
    explicit TempFile(const std::string& name, const std::string& content)
        : path(std::filesystem::temp_directory_path() /
               (name + "-" + std::to_string(::getpid()))) {
        std::ofstream(path, std::ios::binary) << content;
    }
    ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("E107: a DOCTYPE is refused, so a local file named by an external entity never leaks") {
    const std::string marker = "GIJIROKU-SECRET-7f3a91";
    const TempFile secret("gijiroku-xxe-secret.txt", marker + "\n");
    const std::string url = "file://" + secret.path.string();
    for (const std::string& doc : {
             "<?xml version=\"1.0\"?>\n<!DOCTYPE a [ <!ENTITY x SYSTEM \"" + url + "\"> ]>\n<a>&x;</a>",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE a [ <!ENTITY x SYSTEM \"" + secret.path.string() +
                 "\"> ]>\n<a>&x;</a>",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"" + url + "\">\n<a/>",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE a [ <!ENTITY % p SYSTEM \"" + url +
                 "\"> %p; ]>\n<a/>",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE a [ <!ENTITY x SYSTEM \"" + url +
                 "\"> ]>\n<a b=\"&x;\"/>",
         }) {
        auto r = xml_test::read(doc);
        CHECK(briefs(r.diags) == "E107@2:1");
        CHECK_FALSE(r.doc);
        CHECK_FALSE(mentions(r.diags, marker));
    }
}

TEST_CASE("E107: billion laughs is refused before any entity is declared") {
    auto r = xml_test::read(xml_test::data("billion-laughs.xml"));
    CHECK(briefs(r.diags) == "E107@2:1");
    CHECK_FALSE(r.doc);
    CHECK(r.diags.all().at(0).message == "document type declarations (<!DOCTYPE …>) are not allowed");
}

TEST_CASE("E107: a DOCTYPE after a comment that mentions one is found at its own place") {
    auto r = xml_test::read("<!-- <!DOCTYPE x> -->\n  <!DOCTYPE a>\n<a/>");
    CHECK(briefs(r.diags) == "E107@2:3");
}

TEST_CASE("E108: 100,000 nested elements stop at the depth limit") {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "<a>";
    for (int i = 0; i < 100000; ++i) s += "</a>";
    auto r = xml_test::read(s);
    // The 257th <a> is the first too deep: column 256 × 3 + 1.
    CHECK(briefs(r.diags) == "E108@1:769");
    CHECK_FALSE(r.doc);

    // Above 256 levels libxml2's own limit applies; its error is translated the same way.
    ReadOptions deeper;
    deeper.max_depth = 100000;
    auto lib = xml_test::read(s, nullptr, deeper);
    REQUIRE(lib.diags.all().size() == 1);
    CHECK(lib.diags.all()[0].code == "E108");
    CHECK(lib.diags.all()[0].loc.line == 1);
    CHECK_FALSE(lib.doc);

    ReadOptions shallow;
    shallow.max_depth = 3;
    auto r2 = xml_test::read("<a>\n <b>\n  <c>\n   <d/></c></b></a>", nullptr, shallow);
    CHECK(briefs(r2.diags) == "E108@4:4");
}

TEST_CASE("E102/E109: a 50 MB text node is refused by size, then by text length") {
    std::string s = "<a>";
    s.append(50u * 1024 * 1024, 'x');
    s += "</a>";
    auto r = xml_test::read(s);
    CHECK(briefs(r.diags) == "E102@0:0");
    CHECK_FALSE(r.doc);

    ReadOptions big;
    big.max_bytes = 64u * 1024 * 1024;
    auto r2 = xml_test::read(s, nullptr, big);
    CHECK(briefs(r2.diags) == "E109@1:4");
    CHECK_FALSE(r2.doc);

    // A larger max_text_bytes is capped at libxml2's own limit (10,000,000 bytes without
    // XML_PARSE_HUGE), whichever way libxml2 delivers the text.
    ReadOptions lax = big;
    lax.max_text_bytes = 40u * 1024 * 1024;
    std::string twelve = "<a>\n";
    twelve.append(12u * 1000 * 1000, 'y');
    twelve += "</a>";
    auto r5 = xml_test::read(twelve, nullptr, lax);
    CHECK(briefs(r5.diags) == "E109@1:4");  // the text begins with the line end after <a>
    CHECK(r5.diags.all().at(0).message == "a piece of text is longer than 10,000,000 bytes");
    CHECK_FALSE(r5.doc);

    // The limit is per text node, and the position is the text's first character even when a
    // comment comes first.
    ReadOptions small;
    small.max_text_bytes = 10;
    auto r3 = xml_test::read("<a>\n<b><!--c-->議事要旨です</b></a>", nullptr, small);
    CHECK(briefs(r3.diags) == "E109@2:12");
    auto r4 = xml_test::read("<a>\n<b>議事</b><b>要旨</b></a>", nullptr, small);
    CHECK(briefs(r4.diags).empty());
}

TEST_CASE("E109: libxml2's own limits on attribute values, comments and names are translated") {
    ReadOptions big;
    big.max_bytes = 64u * 1024 * 1024;
    const std::string eleven(11u * 1000 * 1000, 'x');
    auto attr = xml_test::read("<a\n b=\"" + eleven + "\"/>", nullptr, big);
    CHECK(briefs(attr.diags) == "E109@2:4");
    CHECK(attr.diags.all().at(0).message == "an attribute value is longer than 10,000,000 bytes");
    auto comment = xml_test::read("<a>\n<!--" + eleven + "--></a>", nullptr, big);
    CHECK(briefs(comment.diags) == "E109@2:1");
    CHECK(comment.diags.all().at(0).message == "a comment is longer than 10,000,000 bytes");
    auto name = xml_test::read("<a>\n<" + std::string(60000, 'n') + "/></a>", nullptr, big);
    CHECK(briefs(name.diags) == "E109@2:2");
    CHECK(name.diags.all().at(0).message == "a name is longer than 50,000 bytes");
}

TEST_CASE("E101: empty and blank files") {
    CHECK(briefs(xml_test::read("").diags) == "E101@0:0");
    CHECK(briefs(xml_test::read(" \r\n\t ").diags) == "E101@0:0");
    CHECK(briefs(xml_test::read("\xEF\xBB\xBF").diags) == "E101@0:0");
}

TEST_CASE("E103: not an XML file") {
    auto pdf = xml_test::read("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    CHECK(briefs(pdf.diags) == "E103@0:0");
    CHECK(pdf.diags.all().at(0).message == "this is a PDF file, not an XML file");
    auto docx = xml_test::read(std::string("PK\x03\x04\x14\x00\x06\x00", 8));
    CHECK(briefs(docx.diags) == "E103@0:0");
    CHECK(docx.diags.all().at(0).message.find("Word .docx") != std::string::npos);
    auto text = xml_test::read("\n\n  議事要旨\n令和７年３月25日");
    CHECK(briefs(text.diags) == "E103@3:3");
    CHECK(text.diags.all().at(0).message == "this is not an XML file: it does not begin with '<'");
    CHECK(text.diags.all().at(0).message_ja == "これは XML ファイルではありません（先頭が「<」ではありません）");
}

TEST_CASE("E104: only UTF-8") {
    auto sjis = xml_test::read("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<a/>");
    CHECK(briefs(sjis.diags) == "E104@1:31");
    CHECK(sjis.diags.all().at(0).hint.find("save the file as UTF-8") == 0);
    CHECK(briefs(xml_test::read("<?xml version='1.0' encoding='utf-8'?><a/>").diags).empty());
    CHECK(briefs(xml_test::read("<?xml version=\"1.0\" encoding=\"UTF8\"?><a/>").diags).empty());
    CHECK(briefs(xml_test::read(std::string("\xFF\xFE<\0a\0/\0>\0", 10)).diags) == "E104@0:0");
    CHECK(briefs(xml_test::read(std::string("\xFE\xFF\0<\0a\0/\0>", 10)).diags) == "E104@0:0");
    CHECK(briefs(xml_test::read(std::string("\xFF\xFE\0\0<\0\0\0", 8)).diags) == "E104@0:0");
    CHECK(xml_test::read(std::string("\xFF\xFE\0\0<\0\0\0", 8)).diags.all().at(0).message ==
          "the file is saved as UTF-32 (little-endian); only UTF-8 is accepted");
    CHECK(briefs(xml_test::read(std::string("<\0a\0/\0>\0", 8)).diags) == "E104@0:0");
}

TEST_CASE("E105: invalid UTF-8 is named by byte offset and line:col") {
    // After a BOM (3 bytes) and "<a>\n" (4) and "　" (3) and "ab" (2): offset 12 in the file.
    auto r = xml_test::read("\xEF\xBB\xBF<a>\n　ab\x82\xA0</a>");
    CHECK(briefs(r.diags) == "E105@2:4");
    CHECK(r.diags.all().at(0).message == "the byte 0x82 at byte offset 12 is not valid UTF-8");
    CHECK_FALSE(r.doc);
    // Overlong forms and encoded surrogates are not UTF-8 either.
    CHECK(briefs(xml_test::read("<a>\xC0\xBC</a>").diags) == "E105@1:4");
    CHECK(briefs(xml_test::read("<a>\xED\xA0\x80</a>").diags) == "E105@1:4");
}

TEST_CASE("E106: NUL bytes and control characters") {
    auto r = xml_test::read(std::string("<a>\n  a\0b\x07</a>", 14));
    CHECK(briefs(r.diags) == "E106@2:4 E106@2:6");
    CHECK(r.diags.all().at(1).message == "the character U+0007 is not allowed in XML");
    CHECK_FALSE(r.doc);
    CHECK(briefs(xml_test::read("<a>\xEF\xBF\xBE</a>").diags) == "E106@1:4");  // U+FFFE
    CHECK(briefs(xml_test::read("<a>\t\r\n</a>").diags).empty());
}

TEST_CASE("E110: undefined entities, with the character reference for HTML names") {
    auto r = xml_test::read("<a>\n  議事&nbsp;要旨</a>");
    CHECK(briefs(r.diags) == "E110@2:5");
    CHECK(r.diags.all().at(0).hint == "write the character itself, or the character reference &#160;");
    CHECK_FALSE(r.doc);
    CHECK(briefs(xml_test::read("<a b=\"&foo;\"/>").diags) == "E110@1:7");
}

TEST_CASE("E111–E119: common syntax mistakes, each at its place") {
    auto mismatch = xml_test::read("<a>\n  <b>x</c>\n</a>");
    CHECK(briefs(mismatch.diags) == "E111@2:7");
    CHECK(mismatch.diags.all().at(0).message ==
          "the end tag </c> does not match the open element <b> (at 2:3)");
    CHECK(briefs(xml_test::read("<a>A & B</a>").diags) == "E112@1:6");
    CHECK(briefs(xml_test::read("<a>1 < 2</a>").diags) == "E112@1:6");
    CHECK(briefs(xml_test::read("<a>&amp</a>").diags) == "E112@1:4");
    auto unclosed = xml_test::read("<a>\n  <b>本文");
    CHECK(briefs(unclosed.diags) == "E113@2:3");
    CHECK(unclosed.diags.all().at(0).message == "<b> is never closed: the file ends before </b>");
    CHECK(briefs(xml_test::read("<a/>\n<b/>").diags) == "E114@2:1");
    CHECK(briefs(xml_test::read("<a x=\"1\" y=\"2\" x=\"3\"/>").diags) == "E115@1:16");
    CHECK(briefs(xml_test::read("<a x=1/>").diags) == "E115@1:6");
    CHECK(briefs(xml_test::read("<a x/>").diags) == "E115@1:4");
    CHECK(briefs(xml_test::read("<a b=\"1\"c=\"2\"/>").diags) == "E115@1:9");
    CHECK(briefs(xml_test::read("\n<?xml version=\"1.0\"?>\n<a/>").diags) == "E118@2:1");
    auto comment = xml_test::read("<a>\n  <!-- 前半 -- 後半 -->\n</a>");
    CHECK(briefs(comment.diags) == "E119@2:3");
    CHECK(comment.diags.all().at(0).message == "a comment may not contain \"--\"");
    auto other = xml_test::read("<a>]]></a>");
    CHECK(briefs(other.diags) == "E119@1:4");
    CHECK(other.diags.all().at(0).message == "XML syntax error: Sequence ']]>' not allowed in content");
    auto prefix = xml_test::read("<a>\n <p:b/></a>");
    CHECK(briefs(prefix.diags) == "E116@2:2");
    CHECK_FALSE(prefix.doc);
}

TEST_CASE("E117: limits on attributes, namespaces and nodes") {
    std::string many = "<a";
    for (int i = 0; i < 200000; ++i) many += " a" + std::to_string(i) + "=\"\"";
    many += "/>";
    auto r = xml_test::read("\n " + many);
    CHECK(briefs(r.diags) == "E117@2:2");
    CHECK(r.diags.all().at(0).message == "the element <a> has more than 256 attributes");

    std::string ns = "<a>";
    for (int i = 0; i < 70; ++i) ns += "<b xmlns:p" + std::to_string(i) + "=\"urn:x\"/>";
    ns += "</a>";
    auto r2 = xml_test::read(ns);
    // At the 65th declaration (all ASCII on one line: column = byte offset + 1).
    std::size_t at = 0;
    for (int i = 0; i < 65; ++i) at = ns.find("xmlns:", at + 1);
    CHECK(briefs(r2.diags) == "E117@1:" + std::to_string(at + 1));
    CHECK(at == 3 + 10 * 21 + 54 * 22 + 3);

    ReadOptions few;
    few.max_nodes = 4;
    CHECK(briefs(xml_test::read("<a><b/><c/><d/></a>", nullptr, few).diags).empty());
    CHECK(briefs(xml_test::read("<a><b/><c/><d/>x</a>", nullptr, few).diags) == "E117@1:16");

    // Attribute-like text in comments and CDATA does not count.
    std::string quoted = "<a><!--<b";
    for (int i = 0; i < 300; ++i) quoted += " x" + std::to_string(i) + "=''";
    quoted += ">--></a>";
    CHECK(briefs(xml_test::read(quoted).diags).empty());
}

TEST_CASE("W101/W102: warnings keep the document") {
    auto r = xml_test::read("<a>\n <b xmlns=\"minutes\"/></a>");
    CHECK(briefs(r.diags) == "W101@2:12");
    CHECK(r.diags.all().at(0).message ==
          "the namespace name 'minutes' is not an absolute URI such as urn:… or https://…");
    CHECK(r.doc);
    auto space = xml_test::read("<a xml:space='keep'/>");
    CHECK(briefs(space.diags) == "W102@1:15");
    CHECK(space.doc);
}

TEST_CASE("a UTF-8 BOM is accepted") {
    auto r = xml_test::read("\xEF\xBB\xBF<a>議事</a>");
    CHECK(r.diags.empty());
    REQUIRE(r.doc);
    CHECK(r.doc->root.loc == SourceLoc{1, 1});
    CHECK(r.doc->root.children.at(0).loc == SourceLoc{1, 4});
}
