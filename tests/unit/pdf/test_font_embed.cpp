// Font plans: CIDs, widths, ToUnicode and the subset program of one face.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "pdf/font_embed.hpp"
#include "pdf/text_string.hpp"
#include "sample.hpp"

using namespace gijiroku;
using namespace gijiroku::pdf;

namespace {

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

std::string cid_hex(std::uint32_t c) {
    const char b[2] = {static_cast<char>(c >> 8), static_cast<char>(c & 0xFF)};
    return hex_upper(std::string_view(b, 2));
}

}  // namespace

TEST_CASE("a glyph that shows two texts gets a second CID mapped to it", "[pdf][fonts]") {
    const auto fonts = test::test_fonts();
    const font::Face& ipamj = *fonts.face(test::kIpamj);
    const auto wave = ipamj.nominal_glyph(U'\u301C');
    const auto tilde = ipamj.nominal_glyph(U'\uFF5E');
    const auto yoshi = ipamj.nominal_glyph(U'\U00020BB7');
    REQUIRE((wave && tilde && yoshi));
    REQUIRE(*wave == *tilde);  // typesetting.md §5.2: one glyph for 〜 and ～

    FontUsage usage;
    usage.add(*wave, "〜");
    usage.add(*tilde, "～");
    usage.add(*tilde, "～");  // ～ is the majority: it keeps CID = glyph
    usage.add(*yoshi, "\U00020BB7");
    std::string error;
    const auto plan = plan_font(ipamj, usage, error);
    REQUIRE(plan);

    const auto c_tilde = plan->cid(*tilde, "～");
    const auto c_wave = plan->cid(*wave, "〜");
    const auto c_yoshi = plan->cid(*yoshi, "\U00020BB7");
    REQUIRE((c_tilde && c_wave && c_yoshi));
    CHECK(*c_tilde < plan->program_glyphs);
    CHECK(*c_wave == plan->program_glyphs);  // the first extra CID
    CHECK(plan->cid_count == plan->program_glyphs + 1);
    REQUIRE(plan->cid_to_gid.size() == plan->cid_count);
    CHECK(plan->cid_to_gid[*c_wave] == *c_tilde);  // the same glyph of the program
    CHECK(plan->cid_to_gid[*c_yoshi] == *c_yoshi);
    CHECK_FALSE(plan->cid(*wave, "x"));

    const std::string cmap = to_unicode_cmap(*plan);
    CHECK(cmap.find("<" + cid_hex(*c_tilde) + "> <FF5E>") != std::string::npos);
    CHECK(cmap.find("<" + cid_hex(*c_wave) + "> <301C>") != std::string::npos);
    CHECK(cmap.find("<" + cid_hex(*c_yoshi) + "> <D842DFB7>") != std::string::npos);
    CHECK(cmap.find("3 beginbfchar") != std::string::npos);
    CHECK(cmap.find("/Ordering (UCS)") != std::string::npos);

    // IPAmj has 2048 units per em and full-width glyphs: 1000/1000 em, so only /DW.
    CHECK(plan->default_width == 1000);
    CHECK(plan->widths.empty());
    CHECK(plan->width(*c_wave) == 1000);

    // A compact program: glyph 0 plus the two used glyphs (IPAmj has no composites).
    CHECK(plan->program_glyphs == 3);
    CHECK(plan->program.size() < 20000);
    CHECK(plan->cid_set.size() == 1);
    CHECK(static_cast<unsigned char>(plan->cid_set[0]) == 0xF0);  // CIDs 0–3
}

TEST_CASE("an IVS glyph maps back to base + selector; /W lists the glyphs narrower than /DW", "[pdf][fonts]") {
    const auto fonts = test::test_fonts();
    const font::Face& mincho = *fonts.face(test::kMincho);
    const auto kuzu = mincho.variation_glyph(U'\u845B', U'\U000E0100');
    const auto m = mincho.nominal_glyph(U'M');
    const auto kan = mincho.nominal_glyph(U'議');
    REQUIRE((kuzu && m && kan));
    FontUsage usage;
    usage.add(*kuzu, "葛\U000E0100");
    usage.add(*m, "M");
    usage.add(*kan, "議");
    std::string error;
    const auto plan = plan_font(mincho, usage, error);
    REQUIRE(plan);
    CHECK(plan->cid_to_gid.empty());  // no glyph with two texts: /CIDToGIDMap /Identity
    CHECK(to_unicode_cmap(*plan).find("<" + cid_hex(*plan->cid(*kuzu, "葛\U000E0100")) + "> <845BDB40DD00>") !=
          std::string::npos);
    // BIZ UD明朝's Latin is half-width: 'M' is not 1 em wide, so it is listed in /W with the
    // program's advance in 1/1000 em (1024 of 2048 units: 500).
    const int expected_m = static_cast<int>(std::lround(mincho.advance(*m) * 1000.0 / mincho.units_per_em()));
    CHECK(expected_m == 500);
    CHECK(plan->default_width == 1000);
    REQUIRE(plan->widths.size() == 1);
    CHECK(plan->widths[0] == std::make_pair(*plan->cid(*m, "M"), expected_m));
    // FontDescriptor values are in 1/1000 em.
    CHECK(plan->ascent > 0);
    CHECK(plan->descent < 0);
    CHECK(plan->bbox[2] > plan->bbox[0]);
    // Symbolic (4), plus FixedPitch (1) because the font's `post` table says so (BIZ UD sets
    // isFixedPitch: half-width Latin, full-width kana and kanji).
    CHECK(plan->flags == (mincho.fixed_pitch() ? 5 : 4));
    CHECK(std::regex_match(plan->subset_tag, std::regex("[A-Z]{6}")));
    CHECK(plan->base_font == plan->subset_tag + "+BIZUDMincho-Regular");
}

TEST_CASE("subset tags come from the glyph set; CMaps have at most 100 entries per block", "[pdf][fonts]") {
    const auto fonts = test::test_fonts();
    const font::Face& mincho = *fonts.face(test::kMincho);
    FontUsage a, b;
    for (std::uint32_t g = 1; g <= 250; ++g) a.add(g, "a" + std::to_string(g));
    for (std::uint32_t g = 1; g <= 251; ++g) b.add(g, "a" + std::to_string(g));
    std::string error;
    const auto pa = plan_font(mincho, a, error);
    const auto pa2 = plan_font(mincho, a, error);
    const auto pb = plan_font(mincho, b, error);
    REQUIRE((pa && pa2 && pb));
    CHECK(pa->subset_tag == pa2->subset_tag);
    CHECK(pa->program == pa2->program);
    CHECK(pa->subset_tag != pb->subset_tag);
    const std::string cmap = to_unicode_cmap(*pa);
    CHECK(count(cmap, "100 beginbfchar") == 2);
    CHECK(count(cmap, "50 beginbfchar") == 1);
    CHECK(count(cmap, "endbfchar") == 3);
}

TEST_CASE("glyph 0 is never planned", "[pdf][fonts]") {
    const auto fonts = test::test_fonts();
    FontUsage u;
    u.add(0, "?");
    std::string error;
    CHECK_FALSE(plan_font(*fonts.face(test::kMincho), u, error));
    CHECK(error.find(".notdef") != std::string::npos);
}

TEST_CASE("width groups split consecutive CIDs", "[pdf][fonts]") {
    FontPlan p;
    p.widths = {{3, 500}, {4, 510}, {5, 520}, {9, 600}};
    const auto g = width_groups(p, 2);
    REQUIRE(g.size() == 3);
    CHECK((g[0].first == 3 && g[0].second == std::vector<int>{500, 510}));
    CHECK((g[1].first == 5 && g[1].second == std::vector<int>{520}));
    CHECK((g[2].first == 9 && g[2].second == std::vector<int>{600}));
    CHECK(sanitize_postscript_name("BIZ UD/Mincho (x)") == "BIZUDMinchox");
    CHECK(sanitize_postscript_name("  ") == "Font");
}
