// font::shape(): Japanese runs set solid on the em grid (typesetting.md §3.8), clusters as
// paragraph indices, variation sequences consumed by their base, halt on request.
#include <catch2/catch.hpp>

#include "font/face.hpp"
#include "font/shape.hpp"
#include "font_test_util.hpp"

using namespace gijiroku;
using namespace gijiroku::font;

namespace {

const Face& load_once(const std::string& path, std::unique_ptr<Face>& slot) {
    if (!slot) {
        Diagnostics diags;
        slot = Face::load(path, {}, diags);
        REQUIRE(diags.empty());
        REQUIRE(slot);
    }
    return *slot;
}
const Face& mincho() {
    static std::unique_ptr<Face> f;
    return load_once(font_test::mincho_path(), f);
}
const Face& ipamj() {
    static std::unique_ptr<Face> f;
    return load_once(font_test::ipamj_path(), f);
}

}  // namespace

TEST_CASE("あいう with kern off: three glyphs of exactly 1 em", "[font][shape]") {
    const Face& m = mincho();
    const std::u32string p = U"あいう";
    const auto glyphs = shape(m, p, 0, p.size());
    REQUIRE(glyphs.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(glyphs[i].glyph == *m.nominal_glyph(p[i]));
        CHECK(glyphs[i].cluster == i);
        CHECK(glyphs[i].x_advance == m.units_per_em());
        CHECK(glyphs[i].x_offset == 0);
        CHECK(glyphs[i].y_offset == 0);
    }
    // IPAmj has palt/halt in GPOS; none of it may apply by default.
    const auto mj = shape(ipamj(), p, 0, p.size());
    REQUIRE(mj.size() == 3);
    for (const ShapedGlyph& g : mj) CHECK(g.x_advance == ipamj().units_per_em());
}

TEST_CASE("half-width digits are 0.5 em in BIZ UD明朝, full-width ones 1 em", "[font][shape]") {
    const Face& m = mincho();
    const std::u32string p = U"午後６時30分から午後８時15分";
    const auto glyphs = shape(m, p, 0, p.size());
    REQUIRE(glyphs.size() == p.size());
    std::int64_t total = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const bool half = p[i] >= U'0' && p[i] <= U'9';
        CHECK(glyphs[i].cluster == i);
        CHECK(glyphs[i].x_advance * (half ? 2 : 1) == m.units_per_em());
        total += glyphs[i].x_advance;
    }
    // 12 full-width characters + 4 half-width digits = 14 em (aki is the layout engine's job).
    CHECK(total == 14 * m.units_per_em());
}

TEST_CASE("a run inside a paragraph keeps paragraph indices", "[font][shape]") {
    const Face& m = mincho();
    const std::u32string p = U"岩﨑委員、髙山委員";
    const auto run = shape(m, p, 5, 7);
    REQUIRE(run.size() == 2);
    CHECK(run[0].cluster == 5);
    CHECK(run[0].glyph == *m.nominal_glyph(U'髙'));
    CHECK(run[1].cluster == 6);
    CHECK(shape(m, p, 3, 3).empty());
    CHECK(shape(m, p, 4, 2).empty());
    CHECK(shape(m, p, 8, 100).size() == 1);  // clamped to the paragraph
}

TEST_CASE("a variation sequence shapes as one glyph in its base's cluster", "[font][shape]") {
    const Face& m = mincho();
    const std::u32string p = U"葛\U000E0100城";
    const auto glyphs = shape(m, p, 0, p.size());
    REQUIRE(glyphs.size() == 2);
    CHECK(glyphs[0].glyph == *m.variation_glyph(0x845B, 0xE0100));
    CHECK(glyphs[0].cluster == 0);
    CHECK(glyphs[0].x_advance == m.units_per_em());
    CHECK(glyphs[1].cluster == 2);
    // An unsupported selector: HarfBuzz shows the base and drops the selector (why itemize must
    // check sequences itself, typesetting.md §6.2).
    const std::u32string q = U"葛\U000E01EF";
    const auto fallback = shape(m, q, 0, q.size());
    REQUIRE(fallback.size() == 1);
    CHECK(fallback[0].glyph == *m.nominal_glyph(0x845B));
}

TEST_CASE("halt applies only where requested", "[font][shape]") {
    const Face& mj = ipamj();
    REQUIRE(mj.has_layout_feature("halt"));
    const std::u32string p = U"「会長」";
    ShapeOptions options;
    options.features.push_back({"halt", 1, 0, 1});  // the opening bracket only
    const auto glyphs = shape(mj, p, 0, p.size(), options);
    REQUIRE(glyphs.size() == 4);
    const std::int32_t em = mj.units_per_em();
    // typesetting.md §3.8: halt sets an opener to half width and moves its ink back by half.
    CHECK(glyphs[0].x_advance * 2 == em);
    CHECK(glyphs[0].x_offset * 2 == -em);
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(glyphs[i].x_advance == em);
        CHECK(glyphs[i].x_offset == 0);
    }
    // Whole run: the closing bracket halves too.
    ShapeOptions all;
    all.features.push_back({"halt", 1});
    const auto both = shape(mj, p, 0, p.size(), all);
    REQUIRE(both.size() == 4);
    CHECK(both[3].x_advance * 2 == em);
    CHECK(both[3].x_offset == 0);
}

TEST_CASE("a reused buffer gives the same glyphs as a fresh one", "[font][shape]") {
    const Face& m = mincho();
    const std::u32string a = U"議事要旨";
    const std::u32string b = U"（岩﨑委員から多摩について補足）";
    ShapeBuffer buffer;
    const auto a1 = shape(m, a, 0, a.size(), {}, buffer);
    const auto b1 = shape(m, b, 2, 6, {}, buffer);
    CHECK(a1 == shape(m, a, 0, a.size()));
    CHECK(b1 == shape(m, b, 2, 6));
    ShapeBuffer moved = std::move(buffer);
    CHECK(shape(m, a, 0, a.size(), {}, moved) == a1);
    CHECK(shape(m, a, 0, a.size(), {}, buffer) == a1);  // a moved-from buffer still works
}

TEST_CASE("Western runs keep their proportional advances", "[font][shape]") {
    const Face& m = mincho();
    ShapeOptions latin;
    latin.japanese = false;
    latin.script = "Latn";
    latin.language = "en";
    const std::u32string p = U"PDF/UA-1";
    const auto glyphs = shape(m, p, 0, p.size(), latin);
    REQUIRE(glyphs.size() == p.size());
    // BIZ UD明朝's Latin is half-width (typesetting.md §3.8 "half-width Latin 500/1000").
    for (const ShapedGlyph& g : glyphs) CHECK(g.x_advance * 2 == m.units_per_em());
}
