// Numbers, text strings, XMP, page labels and the outline tree: the pure helpers of the writer.
#include <catch2/catch.hpp>

#include "pdf/number_format.hpp"
#include "pdf/outline.hpp"
#include "pdf/page_labels.hpp"
#include "pdf/text_string.hpp"
#include "pdf/xmp.hpp"
#include "tools.hpp"

using namespace gijiroku;
using namespace gijiroku::pdf;

TEST_CASE("content-stream numbers: no exponent, trimmed, stable", "[pdf][format]") {
    CHECK(format_number(0) == "0");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(12) == "12");
    CHECK(format_number(10.5) == "10.5");
    CHECK(format_number(841.89 - 100) == "741.89");
    CHECK(format_number(-0.5) == "-0.5");
    CHECK(format_number(0.001) == "0.001");
    CHECK(format_number(0.0004) == "0");      // below the 3rd decimal
    CHECK(format_number(-0.0004) == "0");     // never "-0"
    CHECK(format_number(1e-7) == "0");        // where printf("%g") would give an exponent
    CHECK(format_number(123456789.125) == "123456789.125");
    CHECK(format_number(2.0005) == "2.001");  // half away from zero
    CHECK(format_number(1.23456, 5) == "1.23456");
    CHECK(format_number(1.5, 0) == "2");
    CHECK(format_number(std::numeric_limits<double>::quiet_NaN()) == "0");
    CHECK(round_to(0.12345) == Approx(0.123));
}

TEST_CASE("text strings are UTF-16BE with surrogate pairs", "[pdf][format]") {
    CHECK(hex_upper(utf16be("A", true)) == "FEFF0041");
    CHECK(hex_upper(utf16be("議", false)) == "8B70");
    // 𠮷 U+20BB7 → D842 DFB7 (Unicode §3.9, D91).
    CHECK(hex_upper(utf16be("\U00020BB7", false)) == "D842DFB7");
    // 葛 + VS17: both code points, the selector as a surrogate pair.
    CHECK(hex_upper(utf16be("葛\U000E0100", false)) == "845BDB40DD00");
    CHECK(hex_upper(utf16be("\xFF", false)) == "FFFD");
    CHECK(is_printable_ascii("ja-JP"));
    CHECK_FALSE(is_printable_ascii("議事"));
    CHECK_FALSE(is_printable_ascii("a\nb"));
}

TEST_CASE("XMP escapes the title and carries the PDF/UA identifier", "[pdf][format]") {
    CHECK(xml_escape("A & B <議事録>") == "A &amp; B &lt;議事録&gt;");
    CHECK(xml_escape("\"'") == "&quot;&apos;");
    CHECK(xml_escape(std::string("a\x01" "b\tc", 5)) == "ab\tc");  // C0 controls cannot be XML
    CHECK(xml_escape("\xEF\xBF\xBE") == "");                        // U+FFFE neither

    XmpFields f;
    f.title = "A & B <議事録>";
    f.language = "ja";
    f.producer = "gijiroku <test>";
    const std::string packet = xmp_packet(f);
    CHECK(packet.find("<rdf:li xml:lang=\"x-default\">A &amp; B &lt;議事録&gt;</rdf:li>") != std::string::npos);
    CHECK(packet.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(packet.find("<pdf:Producer>gijiroku &lt;test&gt;</pdf:Producer>") != std::string::npos);
    CHECK(packet.find("<dc:language><rdf:Bag><rdf:li>ja</rdf:li></rdf:Bag></dc:language>") != std::string::npos);
    CHECK(packet.find("xmp:CreateDate") == std::string::npos);  // no clock

    f.date_epoch = 1742878800;
    const std::string dated = xmp_packet(f);
    CHECK(dated.find("<xmp:CreateDate>2025-03-25T05:00:00Z</xmp:CreateDate>") != std::string::npos);
    CHECK(dated.find("<xmp:ModifyDate>2025-03-25T05:00:00Z</xmp:ModifyDate>") != std::string::npos);

    // Well-formed for an XML parser we did not write.
    const std::string path = test::write_scratch("xmp.xml", dated);
    CHECK(test::run_command("xmllint --noout " + path).status == 0);
}

TEST_CASE("dates from SOURCE_DATE_EPOCH, proleptic Gregorian UTC", "[pdf][format]") {
    CHECK(pdf_date(0) == "D:19700101000000Z");
    CHECK(xmp_date(0) == "1970-01-01T00:00:00Z");
    CHECK(pdf_date(1742878800) == "D:20250325050000Z");
    CHECK(xmp_date(951782400) == "2000-02-29T00:00:00Z");  // a leap day of a century year
    CHECK(xmp_date(-1) == "1969-12-31T23:59:59Z");
    CHECK(xmp_date(253402300799) == "9999-12-31T23:59:59Z");
    CHECK(xmp_date(INT64_MAX) == "9999-12-31T23:59:59Z");  // clamped, still well-formed
}

TEST_CASE("page labels fold into the fewest ranges", "[pdf][format]") {
    CHECK(label_ranges({"", "", ""}).empty());

    const auto plain = label_ranges({"1", "2", "3"});
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].decimal);
    CHECK(plain[0].prefix.empty());
    CHECK(plain[0].start == 1);

    const std::vector<std::string> labels{"表紙", "表紙", "1", "2", "5", "6", "資料-1", "資料-2", "03"};
    const auto r = label_ranges(labels);
    REQUIRE(r.size() == 5);
    CHECK((r[0].first_page == 0 && !r[0].decimal && r[0].prefix == "表紙"));
    CHECK((r[1].first_page == 2 && r[1].decimal && r[1].start == 1));
    CHECK((r[2].first_page == 4 && r[2].decimal && r[2].start == 5));
    CHECK((r[3].first_page == 6 && r[3].decimal && r[3].prefix == "資料-" && r[3].start == 1));
    CHECK((r[4].first_page == 8 && !r[4].decimal && r[4].prefix == "03"));  // leading zero: a prefix
    for (std::size_t p = 0; p < labels.size(); ++p) CHECK(label_of(r, p) == labels[p]);
}

TEST_CASE("outline levels become a tree; a skipped level nests under the last item", "[pdf][format]") {
    std::vector<layout::Bookmark> b{{"H1", 1, 0, 0}, {"a", 2, 0, 0}, {"a1", 4, 0, 0}, {"b", 2, 0, 0}, {"H1'", 1, 1, 0}};
    const auto n = outline_tree(b);
    REQUIRE(n.size() == 5);
    CHECK((n[0].parent == -1 && n[0].first == 1 && n[0].last == 3 && n[0].descendants == 3 && n[0].next == 4));
    CHECK((n[1].parent == 0 && n[1].next == 3 && n[1].first == 2 && n[1].descendants == 1));
    CHECK((n[2].parent == 1 && n[2].prev == -1 && n[2].next == -1));  // level 4 under level 2
    CHECK((n[3].parent == 0 && n[3].prev == 1));
    CHECK((n[4].parent == -1 && n[4].prev == 0 && n[4].descendants == 0));
}
