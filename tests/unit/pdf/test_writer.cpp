// pdf::write on the sample document, read back with tools we did not write: qpdf, poppler,
// check-pdfua (PDF/UA-1 machine checks) and check-pdfjs (Mozilla pdf.js). Those cases are tagged
// [e2e]; they need qpdf, poppler-utils and /work/shared/tools (install-checkers).
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "pdf/writer.hpp"
#include "sample.hpp"
#include "tools.hpp"

using namespace gijiroku;
using namespace gijiroku::pdf;

namespace {

// The sample, written once per process (several cases read the same file).
const std::string& sample_pdf() {
    static const std::string path = [] {
        auto s = test::make_sample();
        Diagnostics diags;
        auto bytes = write(s.pages, s.tree, s.fonts, PdfOptions{}, diags);
        REQUIRE(diags.empty());
        REQUIRE(bytes);
        return test::write_scratch("sample.pdf", *bytes);
    }();
    return path;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the sample is written without diagnostics, as PDF 1.7", "[pdf][writer]") {
    auto s = test::make_sample();
    Diagnostics diags;
    PdfOptions o;
    o.compress = false;
    auto bytes = write(s.pages, s.tree, s.fonts, o, diags);
    REQUIRE(bytes);
    CHECK(diags.empty());
    CHECK(bytes->rfind("%PDF-1.7\n", 0) == 0);
    const std::string& b = *bytes;
    // Decisions that no external checker would notice if they regressed.
    CHECK(contains(b, "/CIDToGIDMap /Identity"));     // BIZ UD: no glyph with two texts
    CHECK(contains(b, "/Encoding /Identity-H"));
    CHECK(contains(b, "/Tabs /S"));                   // the page with the link
    CHECK(contains(b, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"));
    CHECK(contains(b, "/Artifact <</Type /Layout>> BDC"));
    CHECK(contains(b, "/Span <</MCID 11 /ActualText <FEFFFF12304B3089FF135E74>>> BDC"));  // ２から３年
    CHECK(contains(b, "/Scope /Row"));
    CHECK(contains(b, "/Type /MCR"));                 // the list item continued on page 2
    CHECK(contains(b, "/Type /OBJR"));
    CHECK(contains(b, "/Lang (en)"));
    CHECK(contains(b, "/ID (note-1)") + contains(b, "/ID <6E6F74652D31>") == 1);
    CHECK(contains(b, "/IDTree"));
    CHECK(contains(b, "/S /D"));                      // page labels, decimal
    CHECK_FALSE(contains(b, "CreationDate"));         // no clock
    CHECK_FALSE(contains(b, "Haru Free PDF"));        // our producer, not libharu's
    CHECK_FALSE(contains(b, "<0000>] TJ"));           // never .notdef (CID 0) as a whole string
}

TEST_CASE("the same input gives the same bytes; a different one a different /ID", "[pdf][writer]") {
    auto s = test::make_sample();
    Diagnostics diags;
    auto a = write(s.pages, s.tree, s.fonts, PdfOptions{}, diags);
    auto b = write(s.pages, s.tree, s.fonts, PdfOptions{}, diags);
    REQUIRE((a && b));
    CHECK(*a == *b);

    const std::regex id_re("/ID \\[ <([0-9A-F]{32})> <([0-9A-F]{32})> \\]");
    std::smatch m1, m2;
    REQUIRE(std::regex_search(*a, m1, id_re));
    CHECK(m1[1] == m1[2]);
    s.pages.title += "（改）";
    auto c = write(s.pages, s.tree, s.fonts, PdfOptions{}, diags);
    REQUIRE(c);
    REQUIRE(std::regex_search(*c, m2, id_re));
    CHECK(m1[1] != m2[1]);

    PdfOptions dated;
    dated.source_date_epoch = 1742878800;
    auto d = write(s.pages, s.tree, s.fonts, dated, diags);
    REQUIRE(d);
    CHECK(contains(*d, "/CreationDate (D:20250325050000Z)"));
    CHECK(contains(*d, "/ModDate (D:20250325050000Z)"));
    CHECK(contains(*d, "<xmp:CreateDate>2025-03-25T05:00:00Z</xmp:CreateDate>"));
    CHECK(diags.empty());
}

TEST_CASE("qpdf --check finds no error and no warning", "[pdf][e2e]") {
    const auto r = test::run_command("qpdf --check " + sample_pdf());
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(contains(r.output, "PDF Version: 1.7"));
    CHECK(contains(r.output, "No syntax or stream encoding errors found"));
    CHECK_FALSE(contains(r.output, "WARNING"));
}

TEST_CASE("pdffonts: every font embedded, subset, with ToUnicode", "[pdf][e2e]") {
    const auto r = test::run_command("pdffonts " + sample_pdf());
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::istringstream lines(r.output);
    std::string line;
    int fonts = 0;
    const std::regex row("^([A-Z]{6})\\+(\\S+)\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+0$");
    std::set<std::string> names;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
        std::smatch m;
        CHECK(std::regex_match(line, m, row));
        if (!m.empty()) names.insert(m[2]);
        ++fonts;
    }
    CHECK(fonts == 3);
    const std::set<std::string> expected{"BIZUDMincho-Regular", "BIZUDGothic-Bold", "IPAmjMincho"};
    CHECK(names == expected);
}

TEST_CASE("pdftotext gives back 﨑 髙 瀨 𠮷, the IVS and both wave dashes", "[pdf][e2e]") {
    const auto r = test::run_command("pdftotext -enc UTF-8 " + sample_pdf() + " -", false);
    REQUIRE(r.status == 0);
    CHECK(contains(r.output, "岩﨑委員、髙橋委員、瀨川委員、𠮷田委員"));
    CHECK(contains(r.output, "東京都葛\U000E0100飾区"));          // base + VS17, not the bare base
    CHECK(contains(r.output, "記号〜と～と～を区別する。"));        // U+301C, U+FF5E, U+FF5E
    CHECK(contains(r.output, "期間は２から３年とする。"));          // poppler honours the ActualText
    CHECK(contains(r.output, "会議資料はMeeting materialsを参照。"));
}

TEST_CASE("check-pdfua: 0 failures and 0 warnings", "[pdf][e2e]") {
    const auto r = test::run_command(test::shared_tool("check-pdfua") + " --expect-lang ja " + sample_pdf());
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(std::regex_search(r.output, std::regex("SUMMARY .*: PASS — 0 failure\\(s\\) in 0 rule\\(s\\), 0 warning\\(s\\)")));
}

TEST_CASE("check-pdfua --text: the source text in reading order", "[pdf][e2e]") {
    const auto r = test::run_command(test::shared_tool("check-pdfua") + " --no-check --text " + sample_pdf(), false);
    CHECK(r.status == 0);
    CHECK(r.output == test::sample_expected_text());
}

TEST_CASE("check-pdfua --tree: structure, attributes and annotations", "[pdf][e2e]") {
    const auto r = test::run_command(test::shared_tool("check-pdfua") + " --no-check --tree " + sample_pdf(), false);
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(contains(r.output, "RoleMap: (none)"));
    CHECK(contains(r.output, "\n  Document\n    H1 p1"));
    CHECK(contains(r.output, "TH p1 Scope=Row '日時'"));
    CHECK(contains(r.output, "Span p1 Lang='en' 'Meeting materials'"));
    CHECK(contains(r.output, "Span p1 ActualText='２から３年'"));
    CHECK(contains(r.output, "Link p1 'https://www.example.go.jp/' [+1 annotation]"));
    CHECK(contains(r.output, "Note p1 ID='note-1'"));
    CHECK(contains(r.output, "LBody p1 '第二の項目は次のページに続く長い説明である。'"));
    CHECK(contains(r.output, "H2 p2 '議事'"));
}

TEST_CASE("check-pdfjs (pdf.js) reads the same structure", "[pdf][e2e]") {
    const auto r = test::run_command(test::shared_tool("check-pdfjs") + " " + sample_pdf());
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(contains(r.output, "Lang ja; Title \"地域交通検討会議 A & B <議事録>\""));
    CHECK(contains(r.output, "== headings\nH1 第１回 地域交通検討会議 議事録\nH2 開催概要\nH2 議事\n"));
    CHECK(contains(r.output, "L p1-2 (2 items)"));
    CHECK(contains(r.output, "PASS — 0 failure(s)"));
}

TEST_CASE("pdfinfo: title, tagged, outline and labels", "[pdf][e2e]") {
    const auto info = test::run_command("pdfinfo " + sample_pdf(), false);
    CHECK(contains(info.output, "Title:           地域交通検討会議 A & B <議事録>"));
    CHECK(contains(info.output, "Tagged:          yes"));
    CHECK(contains(info.output, "Pages:           2"));
    const auto outline = test::run_command(
        "/usr/bin/python3 -c \"import pikepdf,sys; p=pikepdf.open(sys.argv[1]); o=p.open_outline(); "
        "[print(i.title, len(i.children)) for i in o.root]; print(p.Root.PageLabels.Nums[1].S)\" " + sample_pdf(),
        false);
    CHECK(outline.output == "第１回 地域交通検討会議 議事録 2\n/D\n");
}

TEST_CASE("pdftoppm renders both pages", "[pdf][e2e]") {
    const std::string prefix = test::scratch_dir() + "/render";
    const auto r = test::run_command("pdftoppm -png -r 80 " + sample_pdf() + " " + prefix);
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.empty());  // no poppler warning about fonts or CMaps
    CHECK(test::run_command("test -s " + prefix + "-1.png && test -s " + prefix + "-2.png").status == 0);
}

TEST_CASE("a glyph that continues a cluster adds no text (ToUnicode to an empty string)", "[pdf][e2e]") {
    // Layout gives the cluster's text to its first glyph; a second glyph of the same cluster
    // (a mark HarfBuzz could not compose) has an empty range and must not repeat it.
    test::Sample s{test::test_fonts(), {}, {}};
    const int doc = s.tree.add(layout::StructType::Document, -1);
    const int p = s.tree.add(layout::StructType::P, doc);
    s.pages.title = "結合";
    s.pages.pages.resize(1);
    auto run = test::shape_run(s.fonts, test::kMincho, "本文・", 72, 100, 10.5, layout::Mark::structure(p));
    run.text = "本文";
    run.glyphs[2].text_begin = run.glyphs[2].text_end = 0;  // ・ drawn as part of 文's cluster
    s.pages.pages[0].runs.push_back(run);
    Diagnostics d;
    PdfOptions o;
    o.compress = false;
    const auto bytes = write(s.pages, s.tree, s.fonts, o, d);
    REQUIRE(bytes);
    CHECK(std::regex_search(*bytes, std::regex("\n<[0-9A-F]{4}> <>\n")));  // ・'s code maps to nothing
    const std::string path = test::write_scratch("continuation.pdf", *bytes);
    CHECK(test::run_command("pdftotext -enc UTF-8 " + path + " -").output == "本文\n\n\f");
    CHECK(test::run_command(test::shared_tool("check-pdfua") + " --no-check --text " + path, false).output == "本文\n");
    CHECK(test::run_command(test::shared_tool("check-pdfua") + " --expect-lang ja " + path).status == 0);
}

TEST_CASE("a tagged (non-artifact) rule in a Figure with /Alt; page labels with a prefix", "[pdf][e2e]") {
    test::Sample s{test::test_fonts(), {}, {}};
    const int doc = s.tree.add(layout::StructType::Document, -1);
    const int fig = s.tree.add(layout::StructType::Figure, doc);
    const int p = s.tree.add(layout::StructType::P, doc);
    s.tree.elements[static_cast<std::size_t>(fig)].alt = "区切り線の図";
    s.pages.title = "図";
    s.pages.pages.resize(2);
    s.pages.pages[0].label = "表紙";
    s.pages.pages[1].label = "資料-1";
    s.pages.pages[0].rules.push_back({{72, 200}, {300, 200}, 1, layout::Mark::structure(fig)});
    s.pages.pages[1].runs.push_back(
        test::shape_run(s.fonts, test::kMincho, "本文", 72, 100, 10.5, layout::Mark::structure(p)));
    Diagnostics d;
    const auto bytes = write(s.pages, s.tree, s.fonts, {}, d);
    REQUIRE(bytes);
    CHECK(d.empty());
    const std::string path = test::write_scratch("figure.pdf", *bytes);
    const auto check = test::run_command(test::shared_tool("check-pdfua") + " --expect-lang ja " + path);
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(contains(check.output, "0 failure(s) in 0 rule(s), 0 warning(s)"));
    const auto tree = test::run_command(test::shared_tool("check-pdfua") + " --no-check --tree " + path, false);
    CHECK(contains(tree.output, "Figure p1 Alt='区切り線の図' (graphics)"));
    const auto labels = test::run_command(
        "/usr/bin/python3 -c \"import pikepdf,sys; p=pikepdf.open(sys.argv[1]); "
        "print([str(pg.label) for pg in p.pages])\" " + path, false);
    CHECK(labels.output == "['表紙', '資料-1']\n");
}
