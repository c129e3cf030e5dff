// font::Face on the shipped BIZ UD fonts and the Debian IPAmj明朝: the facts of typesetting.md
// §3.8 and §6 (coverage, variation sequences, features, punctuation ink boxes).
#include <catch2/catch.hpp>

#include <optional>
#include <thread>
#include <vector>

#include "font/face.hpp"
#include "font_test_util.hpp"

using namespace gijiroku;
using namespace gijiroku::font;

namespace {

std::unique_ptr<Face> load(const std::string& path) {
    Diagnostics diags;
    auto face = Face::load(path, LoadOptions{0, true, true, {}}, diags);
    INFO(path);
    REQUIRE(diags.empty());
    REQUIRE(face);
    return face;
}

const Face& mincho() {
    static const auto face = load(font_test::mincho_path());
    return *face;
}
const Face& ipamj() {
    static const auto face = load(font_test::ipamj_path());
    return *face;
}

// A value in font units expressed at 1000 units per em, as typesetting.md quotes them.
double per_mille(const Face& f, std::int32_t v) { return v * 1000.0 / f.units_per_em(); }

}  // namespace

TEST_CASE("the shipped fonts load and name themselves", "[font][face]") {
    const Face& m = mincho();
    CHECK(m.postscript_name() == "BIZUDMincho-Regular");
    CHECK(m.family_name() == "BIZ UDMincho");
    CHECK(m.family_name_ja() == "BIZ UD明朝");
    CHECK(m.embedding().fs_type == 0);  // fonts/README.md: installable embedding
    CHECK(m.embedding().installable());
    CHECK(m.outline_format() == OutlineFormat::truetype);
    CHECK(m.italic_angle() == 0.0);
    CHECK(m.weight_class() == 400);
    CHECK(m.glyph_count() > 10000);
    CHECK(m.ascender() > 0);
    CHECK(m.descender() < 0);
    CHECK(m.cap_height() > m.x_height());
    CHECK(m.x_height() > 0);
    const FontBBox bb = m.font_bbox();
    CHECK(bb.x_min < bb.x_max);
    CHECK(bb.y_min < 0);
    CHECK(bb.y_max > 0);
    // StemV heuristic 50 + (400/65)² ≈ 87.9 per mille.
    CHECK(per_mille(m, m.stem_v()) == Approx(87.9).margin(1.0));

    Diagnostics diags;
    auto gothic = Face::load(font_test::gothic_path(), {}, diags);
    auto bold = Face::load(font_test::gothic_bold_path(), {}, diags);
    CHECK(diags.empty());
    REQUIRE(gothic);
    REQUIRE(bold);
    CHECK(gothic->family_name_ja() == "BIZ UDゴシック");
    CHECK(bold->postscript_name() == "BIZUDGothic-Bold");
    CHECK(bold->weight_class() == 700);
    CHECK(bold->stem_v() > gothic->stem_v());

    CHECK(ipamj().family_name_ja() == "IPAmj明朝");
}

TEST_CASE("BIZ UD明朝 covers the seed's names but not 𠮷; IPAmj明朝 has 𠮷", "[font][face]") {
    // typesetting.md §6.1 / §6.2 and §7.2 "Font coverage report".
    CHECK(mincho().nominal_glyph(U'\uFA11'));  // 﨑
    CHECK(mincho().nominal_glyph(U'\u9AD9'));  // 髙
    CHECK(mincho().nominal_glyph(U'\u7028'));  // 瀨
    CHECK_FALSE(mincho().nominal_glyph(U'\U00020BB7'));  // 𠮷
    CHECK(ipamj().nominal_glyph(U'\U00020BB7'));
    CHECK_FALSE(mincho().nominal_glyph(0x110000));  // not a code point
    // 﨑 is its own glyph, not 崎's (names are never normalised, DESIGN §3).
    CHECK(mincho().nominal_glyph(U'\uFA11') != mincho().nominal_glyph(U'\u5D0E'));
}

TEST_CASE("nominal_glyph gives the same answers when asked again and from several threads",
          "[font][face]") {
    // Face memoises its BMP answers: a face used from four threads, asking each character
    // twice, must agree with a face that answers every character for the first time.
    const auto fresh = load(font_test::mincho_path());
    const auto shared = load(font_test::mincho_path());
    std::vector<std::optional<std::uint32_t>> expected;
    for (char32_t c = 0x3000; c < 0x3100; ++c) expected.push_back(fresh->nominal_glyph(c));
    // The range has glyphs (あ) and holes (U+3040 is unassigned).
    CHECK(expected[0x42].has_value());
    CHECK_FALSE(expected[0x40].has_value());
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 2; ++round)
                for (char32_t c = 0x3000; c < 0x3100; ++c)
                    if (shared->nominal_glyph(c) != expected[c - 0x3000]) ++wrong[static_cast<std::size_t>(t)];
        });
    for (auto& th : threads) th.join();
    CHECK(wrong == std::vector<int>(4, 0));
    // Outside the BMP nothing is memoised, and the answer stays the same too.
    CHECK_FALSE(shared->nominal_glyph(U'\U00020BB7'));
    CHECK_FALSE(shared->nominal_glyph(U'\U00020BB7'));
}

TEST_CASE("variation sequences come from cmap format 14 only", "[font][face]") {
    const char32_t kuzu = 0x845B;  // 葛
    // typesetting.md §6.2: BIZ UD has a distinct glyph for 葛+E0100 and the default for E0101.
    const auto nominal = mincho().nominal_glyph(kuzu);
    const auto e0100 = mincho().variation_glyph(kuzu, 0xE0100);
    REQUIRE(nominal);
    REQUIRE(e0100);
    CHECK(*e0100 != *nominal);
    CHECK(mincho().variation_glyph(kuzu, 0xE0101) == nominal);
    // A sequence nobody registered: nullopt, not the base glyph HarfBuzz's shaper would show.
    CHECK_FALSE(mincho().variation_glyph(kuzu, 0xE01EF));
    CHECK_FALSE(mincho().variation_glyph(kuzu, U'x'));  // not a selector
    // 﨑 U+FA11 + E0101 has a distinct glyph in BIZ UD (§6.2).
    const auto saki = mincho().variation_glyph(0xFA11, 0xE0101);
    REQUIRE(saki);
    CHECK(*saki != *mincho().nominal_glyph(0xFA11));

    // IPAmj's 葛 variants are Moji_Joho E0102…; it has no 葛+E0100.
    CHECK(ipamj().nominal_glyph(kuzu));
    CHECK_FALSE(ipamj().variation_glyph(kuzu, 0xE0100));
    const auto mj = ipamj().variation_glyph(kuzu, 0xE0102);
    REQUIRE(mj);
    CHECK(*mj != *ipamj().nominal_glyph(kuzu));

    CHECK(is_variation_selector(0xFE00));
    CHECK(is_variation_selector(0xE01EF));
    CHECK_FALSE(is_variation_selector(0xE01F0));
    CHECK_FALSE(is_variation_selector(0x3099));
}

TEST_CASE("layout features: BIZ UD has vert but no halt (no GPOS); IPAmj has halt", "[font][face]") {
    // typesetting.md §3.8, "Fonts tested".
    CHECK_FALSE(mincho().has_layout_feature("halt"));
    CHECK_FALSE(mincho().has_layout_feature("palt"));
    CHECK_FALSE(mincho().has_layout_feature("chws"));
    CHECK_FALSE(mincho().has_layout_feature("kern"));
    CHECK(mincho().has_layout_feature("vert"));
    CHECK(ipamj().has_layout_feature("halt"));
    CHECK(ipamj().has_layout_feature("palt"));
    CHECK(ipamj().has_layout_feature("vert"));
    CHECK_FALSE(ipamj().has_layout_feature("chws"));
    CHECK_FALSE(mincho().has_layout_feature(""));
    CHECK_FALSE(mincho().has_layout_feature("verty"));
}

TEST_CASE("BIZ UD punctuation has its ink in one half of the em (halt synthesis)", "[font][face]") {
    // typesetting.md §3.8: 「 660–930, 」 70–340, 、 63–282, 。 60–320, ・ 420–580 at 1000 upem;
    // the rule needs openers' ink in [500, 1000], closers/commas/stops in [0, 500], the middle dot
    // centred in [250, 750].
    struct Case {
        char32_t c;
        double lo, hi;        // the documented ink box
        double half_lo, half_hi;  // the half it must lie in
    };
    const Case cases[] = {
        {U'「', 660, 930, 500, 1000}, {U'」', 70, 340, 0, 500}, {U'、', 63, 282, 0, 500},
        {U'。', 60, 320, 0, 500},     {U'・', 420, 580, 250, 750}, {U'（', 659, 930, 500, 1000},
        {U'）', 70, 341, 0, 500},
    };
    const Face& m = mincho();
    for (const Case& k : cases) {
        INFO("U+" << std::hex << static_cast<unsigned>(k.c));
        const auto g = m.nominal_glyph(k.c);
        REQUIRE(g);
        CHECK(m.advance(*g) == m.units_per_em());  // full-width in the font
        const auto ink = m.ink_extents(*g);
        REQUIRE(ink);
        const double x0 = per_mille(m, ink->x_min), x1 = per_mille(m, ink->x_max);
        CHECK(x0 >= k.half_lo);
        CHECK(x1 <= k.half_hi);
        CHECK(x0 == Approx(k.lo).margin(2.0));
        CHECK(x1 == Approx(k.hi).margin(2.0));
        CHECK(ink->y_min < ink->y_max);
    }
    // ・ is centred: its ink midpoint is the em's midpoint.
    const auto dot = m.ink_extents(*m.nominal_glyph(U'・'));
    CHECK(per_mille(m, (dot->x_min + dot->x_max) / 2) == Approx(500).margin(5));
}

TEST_CASE("advances: kana 1 em, half-width digits 0.5 em in BIZ UD明朝", "[font][face]") {
    const Face& m = mincho();
    for (char32_t c : std::u32string(U"あいう漢字０６")) CHECK(m.advance(*m.nominal_glyph(c)) == m.units_per_em());
    for (char32_t c = U'0'; c <= U'9'; ++c) {
        INFO(static_cast<char>(c));
        CHECK(2 * m.advance(*m.nominal_glyph(c)) == m.units_per_em());
    }
    CHECK(m.advance(m.glyph_count()) == 0);
    CHECK_FALSE(m.ink_extents(m.glyph_count()));
    CHECK_FALSE(m.ink_extents(*m.nominal_glyph(U' ')));  // a space has no ink
}

TEST_CASE("a Face may be read from several threads at once", "[font][face][threads]") {
    const Face& m = mincho();
    const std::u32string text = U"議事要旨岩﨑委員髙山委員瀨0123（）「」、。・";
    std::vector<std::int64_t> expected;
    for (char32_t c : text) {
        const auto g = m.nominal_glyph(c);
        expected.push_back(g ? static_cast<std::int64_t>(*g) * 100000 + m.advance(*g) : -1);
    }
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (std::size_t t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 200; ++round) {
                for (std::size_t i = 0; i < text.size(); ++i) {
                    const auto g = m.nominal_glyph(text[i]);
                    const std::int64_t v = g ? static_cast<std::int64_t>(*g) * 100000 + m.advance(*g) : -1;
                    if (v != expected[i]) ++failures[t];
                    if (g) (void)m.ink_extents(*g);
                }
                if (m.variation_glyph(0x845B, 0xE0100) == m.nominal_glyph(0x845B)) ++failures[t];
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int f : failures) CHECK(f == 0);
}
