// The real pipeline (xml → model → style::resolve) on every example with every shipped
// template: the XHTML is written without a diagnostic, parses with expat, and shows exactly
// the StyledDoc's words (style::text_content, written by the style module) and nothing else.
#include <catch2/catch.hpp>

#include "pipeline.hpp"
#include "probe.hpp"
#include "style/dump.hpp"
#include "xhtml/xhtml.hpp"

using namespace gijiroku;

TEST_CASE("examples × templates: valid XML, the StyledDoc's words only, deterministic") {
    for (const char* ex : xhtml::test::examples) {
        for (const char* tn : xhtml::test::templates) {
            INFO(ex << " with " << tn);
            Diagnostics diags;
            const auto doc = xhtml::test::resolved(ex, tn, diags);
            REQUIRE(doc);
            REQUIRE(diags.error_count() == 0);
            Diagnostics wd;
            const std::string x = xhtml::write(*doc, xhtml::XhtmlOptions{}, wd);
            for (const auto& d : wd.all()) UNSCOPED_INFO(d.code << " " << d.message);
            CHECK(wd.empty());
            REQUIRE_FALSE(x.empty());
            CHECK(xhtml::test::probe(x).at(0) == "ok");
            const auto shown = xhtml::visible_text(x);
            REQUIRE(shown);
            CHECK(xhtml::test::strip_spaces(*shown) == xhtml::test::strip_spaces(style::text_content(doc->root)));
            Diagnostics again;
            CHECK(xhtml::write(*doc, xhtml::XhtmlOptions{}, again) == x);
        }
    }
}

TEST_CASE("the Tokyo example with its template: the seed's outline and labels") {
    Diagnostics diags;
    const auto doc = xhtml::test::resolved("tokyo-2025-03-25.xml", "tokyo-gijiyoshi", diags);
    REQUIRE(doc);
    const std::string x = xhtml::write(*doc, xhtml::XhtmlOptions{}, diags);
    REQUIRE(diags.error_count() == 0);
    const auto p = xhtml::test::probe(x);
    REQUIRE(p.at(0) == "ok");
    // Headings and their text, in the form of tests/data/xhtml/seed-outline.txt.
    std::string outline;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const auto& l = p[i];
        if (l.rfind("E ", 0) != 0) continue;
        const std::string path = l.substr(2, l.find(' ', 2) - 2);
        const std::string last = path.substr(path.rfind('/') + 1);
        if (last.size() != 2 || last[0] != 'h' || last[1] < '1' || last[1] > '6') continue;
        // The heading's text: every T line under its path, up to the next element outside it.
        std::string text;
        for (std::size_t j = i + 1; j < p.size(); ++j) {
            const auto& t = p[j];
            const std::string tp = t.substr(2, t.find_first_of(" :", 2) - 2);
            if (tp.rfind(path, 0) != 0) break;
            if (t.rfind("T ", 0) == 0) {
                if (!text.empty() && tp != path) text += ' ';  // the title's two line spans
                text += t.substr(t.find(": ") + 2);
            }
        }
        outline += "H" + last.substr(1) + " " + text + "\n";
    }
    std::ifstream f(GIJIROKU_SOURCE_DIR "/tests/data/xhtml/seed-outline.txt", std::ios::binary);
    std::stringstream expected;
    expected << f.rdbuf();
    CHECK(outline == expected.str());

    CHECK(x.find("<span class=\"jd\">日時</span>") != std::string::npos);
    CHECK(x.find("<span class=\"line s-title-kind\">議事要旨</span>") != std::string::npos);
    CHECK(x.find("role=\"img\" aria-label=\"回答\">→</span>国の") != std::string::npos);
    CHECK(x.find("aria-hidden=\"true\">・</span>医療的ケア児等コーディネーター") != std::string::npos);
}
