// What the writer refuses (E7xx, no output) and what it only reports (W7xx).
#include <catch2/catch.hpp>

#include "pdf/writer.hpp"
#include "sample.hpp"

using namespace gijiroku;
using namespace gijiroku::pdf;

namespace {

bool has_code(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all())
        if (x.code == code) return true;
    return false;
}

// One page, one paragraph.
test::Sample tiny() {
    test::Sample s{test::test_fonts(), {}, {}};
    const int doc = s.tree.add(layout::StructType::Document, -1);
    const int p = s.tree.add(layout::StructType::P, doc);
    s.pages.title = "小さな文書";
    s.pages.pages.resize(1);
    s.pages.pages[0].runs.push_back(
        test::shape_run(s.fonts, test::kMincho, "本文", 72, 100, 10.5, layout::Mark::structure(p)));
    return s;
}

}  // namespace

TEST_CASE("a tiny document has no diagnostics", "[pdf][writer]") {
    auto s = tiny();
    Diagnostics d;
    CHECK(write(s.pages, s.tree, s.fonts, {}, d));
    CHECK(d.empty());
}

TEST_CASE("glyph 0 (.notdef) is an internal error and nothing is written", "[pdf][writer]") {
    auto s = tiny();
    s.pages.pages[0].runs[0].glyphs[1].glyph = 0;
    Diagnostics d;
    PdfOptions o;
    o.file = "out.pdf";
    CHECK_FALSE(write(s.pages, s.tree, s.fonts, o, d));
    REQUIRE(has_code(d, "E722"));
    CHECK(d.all()[0].file == "out.pdf");
    CHECK_FALSE(d.all()[0].message_ja.empty());
}

TEST_CASE("input only a bug upstream can produce is refused", "[pdf][writer]") {
    SECTION("a mark names an element that does not exist") {
        auto s = tiny();
        s.pages.pages[0].runs[0].mark = layout::Mark::structure(7);
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E727"));
    }
    SECTION("a broken tree") {
        auto s = tiny();
        s.tree.elements[1].parent = 5;
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E721"));
    }
    SECTION("an unknown face") {
        auto s = tiny();
        s.pages.pages[0].runs[0].face = 9;
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E723"));
    }
    SECTION("a glyph's text range outside the run's text or inside a character") {
        auto s = tiny();
        s.pages.pages[0].runs[0].glyphs[0].text_end = 1;  // inside the 3-byte 本
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E725"));
    }
    SECTION("invalid UTF-8") {
        auto s = tiny();
        s.pages.title = "\xC3\x28";
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E725"));
    }
    SECTION("a language tag that is not BCP 47") {
        auto s = tiny();
        s.pages.pages[0].runs[0].lang = "en US";
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E725"));
    }
    SECTION("a NaN position") {
        auto s = tiny();
        s.pages.pages[0].runs[0].glyphs[1].x = std::numeric_limits<double>::quiet_NaN();
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E726"));
    }
    SECTION("a page too large for PDF") {
        auto s = tiny();
        s.pages.pages[0].width_pt = 20000;
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E726"));
    }
    SECTION("a link annotation without a Link element") {
        auto s = tiny();
        s.pages.pages[0].links.push_back({{72, 90, 20, 12}, "https://example.jp/", 1, "例"});
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E728"));
    }
    SECTION("a bookmark to a missing page") {
        auto s = tiny();
        s.pages.outline.push_back({"本文", 1, 3, 0});
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E729"));
    }
    SECTION("two elements with one ID") {
        auto s = tiny();
        const int n1 = s.tree.add(layout::StructType::Note, 0);
        const int n2 = s.tree.add(layout::StructType::Note, 0);
        s.tree.elements[static_cast<std::size_t>(n1)].id = "n";
        s.tree.elements[static_cast<std::size_t>(n2)].id = "n";
        for (int n : {n1, n2})
            s.pages.pages[0].runs.push_back(
                test::shape_run(s.fonts, test::kMincho, "注", 72, 130, 9, layout::Mark::structure(n)));
        Diagnostics d;
        CHECK_FALSE(write(s.pages, s.tree, s.fonts, {}, d));
        CHECK(has_code(d, "E730"));
    }
}

TEST_CASE("an element without content is left out with W740; no title gives W741", "[pdf][writer]") {
    auto s = tiny();
    s.tree.add(layout::StructType::Figure, 0);  // nothing on any page belongs to it
    s.pages.title.clear();
    Diagnostics d;
    const auto bytes = write(s.pages, s.tree, s.fonts, {}, d);
    REQUIRE(bytes);
    CHECK(has_code(d, "W740"));
    CHECK(has_code(d, "W741"));
    CHECK(d.error_count() == 0);
    CHECK(bytes->find("/Figure") == std::string::npos);
}

TEST_CASE("a Note without an ID gets a generated one (ISO 14289-1 §7.9)", "[pdf][writer]") {
    auto s = tiny();
    const int n = s.tree.add(layout::StructType::Note, 0);
    s.pages.pages[0].runs.push_back(
        test::shape_run(s.fonts, test::kMincho, "注", 72, 130, 9, layout::Mark::structure(n)));
    Diagnostics d;
    PdfOptions o;
    o.compress = false;
    const auto bytes = write(s.pages, s.tree, s.fonts, o, d);
    REQUIRE(bytes);
    CHECK(d.empty());
    CHECK(bytes->find("/ID <6E6F74652D32>") != std::string::npos);  // "note-2": element 2
}
