#include "font/subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cstdio>

#include "font/face_impl.hpp"

namespace gijiroku::font {

namespace {

// RAII for the hb-subset objects of one call.
struct Input {
    hb_subset_input_t* p = hb_subset_input_create_or_fail();
    Input() = default;
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;
    ~Input() { hb_subset_input_destroy(p); }
};
struct Plan {
    hb_subset_plan_t* p = nullptr;
    Plan() = default;
    Plan(const Plan&) = delete;
    Plan& operator=(const Plan&) = delete;
    ~Plan() { hb_subset_plan_destroy(p); }
};
struct ResultFace {
    hb_face_t* p = nullptr;
    ResultFace() = default;
    ResultFace(const ResultFace&) = delete;
    ResultFace& operator=(const ResultFace&) = delete;
    ~ResultFace() { hb_face_destroy(p); }
};

// libharu.md §6.1: tables a PDF (or a horizontal web page) does not need.
void drop_layout_tables(hb_subset_input_t* input) {
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG", "meta", "vhea", "vmtx",
                          "VORG", "kern", "morx", "gasp"})
        hb_set_add(drop, hb_tag_from_string(t, 4));
}

std::string face_bytes(hb_face_t* face) {
    // For the builder face hb-subset returns, referencing the blob serialises the font.
    hb_blob_t* blob = hb_face_reference_blob(face);
    unsigned int length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::string out(data ? data : "", data ? length : 0);
    hb_blob_destroy(blob);
    return out;
}

}  // namespace

namespace {

// The characters among `characters` whose nominal glyph is one of `glyphs`, when those glyphs
// are all reached so; otherwise nothing (see subset()).
std::vector<char32_t> characters_reaching(const Face& face, std::span<const std::uint32_t> glyphs,
                                          std::span<const char32_t> characters) {
    std::vector<std::uint32_t> wanted(glyphs.begin(), glyphs.end());
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<bool> reached(wanted.size(), false);
    std::vector<char32_t> out;
    for (char32_t c : characters) {
        const std::optional<std::uint32_t> g = face.nominal_glyph(c);
        if (!g) continue;
        const auto it = std::lower_bound(wanted.begin(), wanted.end(), *g);
        if (it == wanted.end() || *it != *g) continue;
        reached[static_cast<std::size_t>(it - wanted.begin())] = true;
        out.push_back(c);
    }
    if (std::find(reached.begin(), reached.end(), false) != reached.end()) return {};
    return out;
}

bool keeps_all(const SubsetFont& sub, std::span<const std::uint32_t> glyphs) {
    for (std::uint32_t g : glyphs) {
        const auto it = std::lower_bound(sub.old_to_new.begin(), sub.old_to_new.end(),
                                         std::make_pair(g, std::uint32_t{0}));
        if (it == sub.old_to_new.end() || it->first != g) return false;
    }
    return true;
}

std::optional<SubsetFont> subset_by(const Face& face, std::span<const std::uint32_t> glyphs,
                                    std::span<const char32_t> by_characters) {
    const Face::Impl& f = face.impl();
    Input input;
    if (!input.p) return std::nullopt;
    if (by_characters.empty()) {
        hb_set_t* gids = hb_subset_input_glyph_set(input.p);
        hb_set_add(gids, 0);
        for (std::uint32_t g : glyphs) {
            if (g >= f.glyph_count) return std::nullopt;
            hb_set_add(gids, g);
        }
    } else {
        hb_set_t* unicodes = hb_subset_input_unicode_set(input.p);
        for (char32_t c : by_characters) hb_set_add(unicodes, c);
    }
    drop_layout_tables(input.p);
    // A PDF viewer rasterises at any size and does not need TrueType hinting: dropping it
    // (fpgm, prep, cvt and glyph instructions) makes the embedded program smaller, and pdf.js
    // warns about hinting functions it does not implement.
    hb_subset_input_set_flags(input.p, hb_subset_input_get_flags(input.p) | HB_SUBSET_FLAGS_NO_HINTING);

    Plan plan;
    plan.p = hb_subset_plan_create_or_fail(f.face, input.p);
    if (!plan.p) return std::nullopt;
    SubsetFont out;
    // New ids are 0..n-1, so walking them lists the whole mapping (HarfBuzz 6.0 has no map
    // iterator).
    const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.p);
    const unsigned int n = hb_map_get_population(new_to_old);
    for (unsigned int gid = 0; gid < n; ++gid) {
        const hb_codepoint_t old = hb_map_get(new_to_old, gid);
        if (old == HB_MAP_VALUE_INVALID) return std::nullopt;
        out.old_to_new.emplace_back(old, gid);
    }
    std::sort(out.old_to_new.begin(), out.old_to_new.end());

    ResultFace result;
    result.p = hb_subset_plan_execute_or_fail(plan.p);
    if (!result.p) return std::nullopt;
    out.bytes = face_bytes(result.p);
    if (out.bytes.empty()) return std::nullopt;
    return out;
}

}  // namespace

std::optional<SubsetFont> subset(const Face& face, std::span<const std::uint32_t> glyphs,
                                 std::span<const char32_t> characters) {
    // Given glyph ids, hb-subset 6.0 reads the font's whole cmap (some 20,000 mappings in a CJK
    // font) to find the characters of the kept glyphs: two thirds of subsetting a font for the
    // seed, and as much as libharu's compression of it (bench/, issue 6). Given characters, it
    // looks up just those. So when every glyph is the nominal glyph of a character the text
    // used, the characters are asked for instead: the same glyphs are kept, and the font's cmap
    // lists the characters the text used rather than every character of those glyphs (the PDF
    // shows text by glyph id and never reads it). Any other glyph (a shaped or variation form)
    // needs the glyph ids, as does the rare case where hb-subset's lookup would differ.
    if (!characters.empty()) {
        for (std::uint32_t g : glyphs)
            if (g >= face.impl().glyph_count) return std::nullopt;
        const std::vector<char32_t> by = characters_reaching(face, glyphs, characters);
        if (!by.empty() && by.size() < face.impl().glyph_count) {
            std::optional<SubsetFont> out = subset_by(face, glyphs, by);
            if (out && keeps_all(*out, glyphs)) return out;
        }
    }
    return subset_by(face, glyphs, {});
}

std::optional<WebFont> subset_for_web(const Face& face, std::span<const char32_t> code_points,
                                      std::span<const VariationSequence> sequences) {
    const Face::Impl& f = face.impl();
    WebFont out;
    for (char32_t c : code_points)
        if (face.nominal_glyph(c)) out.code_points.push_back(c);
    for (const VariationSequence& s : sequences) {
        if (!face.variation_glyph(s.base, s.selector)) continue;
        out.sequences.push_back(s);
        out.code_points.push_back(s.base);
        out.code_points.push_back(s.selector);
    }
    std::sort(out.code_points.begin(), out.code_points.end());
    out.code_points.erase(std::unique(out.code_points.begin(), out.code_points.end()),
                          out.code_points.end());
    std::sort(out.sequences.begin(), out.sequences.end(), [](const auto& a, const auto& b) {
        return a.base != b.base ? a.base < b.base : a.selector < b.selector;
    });
    out.sequences.erase(std::unique(out.sequences.begin(), out.sequences.end()), out.sequences.end());
    if (out.code_points.empty()) return std::nullopt;

    Input input;
    if (!input.p) return std::nullopt;
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.p);
    for (char32_t c : out.code_points) hb_set_add(unicodes, c);
    // The glyphs of the requested sequences: hb-subset keeps a format 14 record when its
    // selector is among the unicodes and its glyph is retained.
    hb_set_t* gids = hb_subset_input_glyph_set(input.p);
    for (const VariationSequence& s : out.sequences)
        if (auto g = face.variation_glyph(s.base, s.selector)) hb_set_add(gids, *g);
    drop_layout_tables(input.p);

    ResultFace result;
    result.p = hb_subset_or_fail(f.face, input.p);
    if (!result.p) return std::nullopt;
    out.bytes = face_bytes(result.p);
    if (out.bytes.empty()) return std::nullopt;
    return out;
}

std::string css_unicode_range(std::span<const char32_t> code_points) {
    std::vector<char32_t> cps(code_points.begin(), code_points.end());
    std::sort(cps.begin(), cps.end());
    cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    std::string out;
    char buf[32];
    for (std::size_t i = 0; i < cps.size();) {
        std::size_t j = i;
        while (j + 1 < cps.size() && cps[j + 1] == cps[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        if (j == i)
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cps[i]));
        else
            std::snprintf(buf, sizeof buf, "U+%04X-%04X", static_cast<unsigned>(cps[i]),
                          static_cast<unsigned>(cps[j]));
        out += buf;
        i = j + 1;
    }
    return out;
}

}  // namespace gijiroku::font
