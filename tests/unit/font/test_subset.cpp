// font::subset() and subset_for_web(): round trips through Face::load, the glyph map, dropped
// tables (libharu.md §6.1), determinism, and the OpenType Sanitizer when it is installed
// (Debian package opentype-sanitizer; Chrome and Firefox run the same checks on web fonts).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "font/face.hpp"
#include "font/subset.hpp"
#include "font_test_util.hpp"

using namespace gijiroku;
using namespace gijiroku::font;

namespace {

std::unique_ptr<Face> load(const std::string& path) {
    Diagnostics diags;
    auto f = Face::load(path, {}, diags);
    INFO(path);
    for (const Diagnostic& d : diags.all()) INFO(d.code << " " << d.message);
    REQUIRE(diags.empty());
    REQUIRE(f);
    return f;
}

std::set<std::string> table_tags(const std::string& font) {
    std::set<std::string> tags;
    const std::uint16_t n = font_test::be16(font, 4);
    for (std::size_t i = 0; i < n; ++i) tags.insert(font.substr(12 + 16 * i, 4));
    return tags;
}

}  // namespace

TEST_CASE("a PDF subset keeps the glyphs, renumbered, with the same metrics", "[font][subset]") {
    const auto m = load(font_test::mincho_path());
    const std::u32string text = U"議事要旨（岩﨑委員）、髙山委員。瀨30";
    std::vector<std::uint32_t> glyphs;
    for (char32_t c : text) glyphs.push_back(*m->nominal_glyph(c));
    glyphs.push_back(*m->variation_glyph(0x845B, 0xE0100));
    glyphs.push_back(*m->nominal_glyph(U'議'));  // duplicates are fine
    const std::set<std::uint32_t> distinct(glyphs.begin(), glyphs.end());
    REQUIRE_FALSE(distinct.count(0));

    const auto sub = subset(*m, glyphs);
    REQUIRE(sub);
    // Glyph 0, each distinct glyph, and nothing else but closure glyphs: BIZ UD has no composite
    // glyphs (libharu.md §2), so the only ones hb-subset 6.0 adds are variation-sequence glyphs of
    // the kept characters (subset.hpp).
    std::set<std::uint32_t> variants;
    for (char32_t c : text) {
        for (char32_t vs = 0xFE00; vs <= 0xFE0F; ++vs)
            if (auto g = m->variation_glyph(c, vs)) variants.insert(*g);
        for (char32_t vs = 0xE0100; vs <= 0xE01EF; ++vs)
            if (auto g = m->variation_glyph(c, vs)) variants.insert(*g);
    }
    REQUIRE(sub->old_to_new.size() >= distinct.size() + 1);
    for (const auto& [o, n] : sub->old_to_new) {
        INFO("kept glyph " << o);
        CHECK((o == 0 || distinct.count(o) == 1 || variants.count(o) == 1));
    }
    CHECK(sub->old_to_new.front() == std::pair<std::uint32_t, std::uint32_t>{0, 0});
    CHECK(std::is_sorted(sub->old_to_new.begin(), sub->old_to_new.end()));
    std::set<std::uint32_t> new_ids;
    for (const auto& [o, n] : sub->old_to_new) new_ids.insert(n);
    CHECK(new_ids.size() == sub->old_to_new.size());
    CHECK(*new_ids.rbegin() == sub->old_to_new.size() - 1);  // compact: 0..n-1
    for (std::uint32_t g : distinct) {
        const auto it = std::find_if(sub->old_to_new.begin(), sub->old_to_new.end(),
                                     [&](const auto& p) { return p.first == g; });
        CHECK(it != sub->old_to_new.end());
    }

    // Deterministic bytes.
    CHECK(subset(*m, glyphs)->bytes == sub->bytes);

    // The layout tables are gone, the ones a PDF renderer needs are there.
    const auto tags = table_tags(sub->bytes);
    for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG", "meta", "vhea", "vmtx",
                          "VORG", "kern", "morx", "gasp"})
        CHECK(tags.count(t) == 0);
    for (const char* t : {"glyf", "loca", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post"})
        CHECK(tags.count(t) == 1);
    CHECK(sub->bytes.size() < 64 * 1024);

    font_test::TempDir dir;
    REQUIRE(dir.ok());
    const std::string path = font_test::write_file(dir.file("pdf-subset.ttf"), sub->bytes);
    const auto back = load(path);
    CHECK(back->glyph_count() == sub->old_to_new.size());
    CHECK(back->units_per_em() == m->units_per_em());
    CHECK(back->postscript_name() == m->postscript_name());
    for (const auto& [o, n] : sub->old_to_new) {
        INFO("glyph " << o << " -> " << n);
        CHECK(back->advance(n) == m->advance(o));
        if (o != 0) CHECK(back->ink_extents(n) == m->ink_extents(o));
    }
    CHECK_FALSE(back->ink_extents(0));  // .notdef kept without outline (subset.hpp)
    if (font_test::have_ots_sanitize()) {
        CHECK(font_test::ots_sanitizes(path));
    } else {
        WARN("ots-sanitize not installed (apt-get install opentype-sanitizer): sanitiser check skipped");
    }
}

TEST_CASE("a PDF subset asked with the text's characters keeps the same glyphs", "[font][subset]") {
    // subset() asks hb-subset for characters when every glyph is the nominal glyph of one of
    // them (much faster), and for glyph ids otherwise; the glyphs kept must not depend on it.
    const auto m = load(font_test::mincho_path());
    const std::u32string text = U"議事要旨（岩﨑委員）、髙山委員。瀨30";
    std::vector<std::uint32_t> glyphs;
    for (char32_t c : text) glyphs.push_back(*m->nominal_glyph(c));
    const std::vector<char32_t> characters(text.begin(), text.end());
    const auto by_glyph = subset(*m, glyphs);
    const auto by_character = subset(*m, glyphs, characters);
    REQUIRE(by_glyph);
    REQUIRE(by_character);
    CHECK(by_character->old_to_new == by_glyph->old_to_new);
    CHECK(subset(*m, glyphs, characters)->bytes == by_character->bytes);  // deterministic
    // Extra characters whose glyphs are not asked for change nothing.
    std::vector<char32_t> more = characters;
    more.push_back(U'漢');
    CHECK(subset(*m, glyphs, more)->old_to_new == by_glyph->old_to_new);

    // A glyph no character reaches (a variation form of 葛): glyph ids, the same as without.
    std::vector<std::uint32_t> with_variant = glyphs;
    with_variant.push_back(*m->variation_glyph(0x845B, 0xE0100));
    REQUIRE(*m->variation_glyph(0x845B, 0xE0100) != *m->nominal_glyph(0x845B));
    std::vector<char32_t> with_base = characters;
    with_base.push_back(0x845B);
    with_base.push_back(0xE0100);
    const auto mixed = subset(*m, with_variant, with_base);
    REQUIRE(mixed);
    CHECK(mixed->old_to_new == subset(*m, with_variant)->old_to_new);
    CHECK(mixed->bytes == subset(*m, with_variant)->bytes);

    // Ids the face lacks are refused either way.
    const std::vector<std::uint32_t> bad{1, m->glyph_count()};
    CHECK_FALSE(subset(*m, bad, characters));
}

TEST_CASE("subsetting rejects glyph ids the face does not have", "[font][subset]") {
    const auto m = load(font_test::mincho_path());
    const std::vector<std::uint32_t> bad{1, m->glyph_count()};
    CHECK_FALSE(subset(*m, bad));
    const auto notdef_only = subset(*m, {});
    REQUIRE(notdef_only);
    CHECK(notdef_only->old_to_new == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 0}});
}

TEST_CASE("a web subset maps characters and variation sequences", "[font][subset][web]") {
    const auto m = load(font_test::mincho_path());
    const std::u32string chars = U"議事要旨髙﨑𠮷";  // 𠮷 is not in BIZ UD
    const std::vector<VariationSequence> seqs{{0x845B, 0xE0100}, {0x845B, 0xE01EF}};
    const auto web = subset_for_web(*m, std::span<const char32_t>(chars.data(), chars.size()), seqs);
    REQUIRE(web);
    CHECK(web->sequences == std::vector<VariationSequence>{{0x845B, 0xE0100}});
    const std::vector<char32_t> expected{U'事', U'旨', U'葛', U'要', U'議', U'髙', U'﨑', 0xE0100};
    CHECK(web->code_points == expected);
    CHECK(css_unicode_range(web->code_points) ==
          "U+4E8B, U+65E8, U+845B, U+8981, U+8B70, U+9AD9, U+FA11, U+E0100");
    // Deterministic.
    CHECK(subset_for_web(*m, std::span<const char32_t>(chars.data(), chars.size()), seqs)->bytes == web->bytes);

    font_test::TempDir dir;
    REQUIRE(dir.ok());
    const std::string path = font_test::write_file(dir.file("web.ttf"), web->bytes);
    const auto back = load(path);
    CHECK(table_tags(web->bytes).count("GSUB") == 0);
    for (char32_t c : std::u32string(U"議事要旨髙﨑葛")) {
        const auto g = back->nominal_glyph(c);
        REQUIRE(g);
        CHECK(back->advance(*g) == m->advance(*m->nominal_glyph(c)));
        CHECK(back->ink_extents(*g) == m->ink_extents(*m->nominal_glyph(c)));
    }
    CHECK_FALSE(back->nominal_glyph(U'あ'));
    const auto variant = back->variation_glyph(0x845B, 0xE0100);
    REQUIRE(variant);
    CHECK(*variant != *back->nominal_glyph(0x845B));
    CHECK(back->ink_extents(*variant) == m->ink_extents(*m->variation_glyph(0x845B, 0xE0100)));
    CHECK_FALSE(back->variation_glyph(0x845B, 0xE01EF));
    if (font_test::have_ots_sanitize()) CHECK(font_test::ots_sanitizes(path));

    // Nothing the face has: no font.
    const std::u32string none = U"𠮷";
    CHECK_FALSE(subset_for_web(*m, std::span<const char32_t>(none.data(), none.size())));
}

TEST_CASE("a web subset of the IPAmj fallback carries 𠮷", "[font][subset][web]") {
    const auto mj = load(font_test::ipamj_path());
    const std::u32string chars = U"𠮷";
    const std::vector<VariationSequence> seqs{{0x845B, 0xE0102}};
    const auto web = subset_for_web(*mj, std::span<const char32_t>(chars.data(), chars.size()), seqs);
    REQUIRE(web);
    CHECK(css_unicode_range(web->code_points) == "U+845B, U+20BB7, U+E0102");
    CHECK(web->bytes.size() < 64 * 1024);
    font_test::TempDir dir;
    REQUIRE(dir.ok());
    const std::string path = font_test::write_file(dir.file("ipamj-web.ttf"), web->bytes);
    const auto back = load(path);
    CHECK(back->nominal_glyph(0x20BB7));
    CHECK(back->variation_glyph(0x845B, 0xE0102));
    if (font_test::have_ots_sanitize()) CHECK(font_test::ots_sanitizes(path));
}

TEST_CASE("css_unicode_range merges consecutive code points", "[font][subset][web]") {
    const std::vector<char32_t> cps{0x9ADA, 0x845B, 0xE0100, 0x9AD9, 0x845B, 0x41, 0x42, 0x43};
    CHECK(css_unicode_range(cps) == "U+0041-0043, U+845B, U+9AD9-9ADA, U+E0100");
    CHECK(css_unicode_range({}).empty());
}
