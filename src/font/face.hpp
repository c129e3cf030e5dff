// One opened font face: metrics and character-to-glyph mapping (DESIGN §2, module `font`).
//
// A Face is immutable once `Face::load` returns it, and every const member function may be called
// from several threads at once. The HarfBuzz objects behind it (face and font with the OpenType
// functions) are made immutable and are safe for concurrent reads; FreeType, whose FT_Face is not,
// is used only inside `load` and closed before it returns.
//
// Units: every metric and advance is in font units (design units); divide by `units_per_em()`
// to get em. Glyph ids are the font's own glyph indices (0 = .notdef).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace gijiroku::font {

// The ink box of one glyph, in font units, y upwards (x_min ≤ x_max, y_min ≤ y_max).
struct GlyphExtents {
    std::int32_t x_min = 0;
    std::int32_t x_max = 0;
    std::int32_t y_min = 0;
    std::int32_t y_max = 0;

    friend bool operator==(const GlyphExtents&, const GlyphExtents&) = default;
};

// The font bounding box from the `head` table (union of all glyphs), font units.
struct FontBBox {
    std::int32_t x_min = 0;
    std::int32_t y_min = 0;
    std::int32_t x_max = 0;
    std::int32_t y_max = 0;

    friend bool operator==(const FontBBox&, const FontBBox&) = default;
};

// How glyph outlines are stored, which decides the PDF font type: `glyf` → CIDFontType2 with
// /FontFile2, `CFF ` → CIDFontType0C with /FontFile3 (ISO 32000-1 §9.9).
enum class OutlineFormat : unsigned char { truetype, cff, cff2 };

// The OS/2 fsType embedding permissions (OpenType spec, OS/2 table, "fsType").
struct EmbeddingFlags {
    std::uint16_t fs_type = 0;  // the raw field (0 when the font has no OS/2 table)

    // Bits 0–3 are exclusive in OS/2 version ≥ 3; older fonts may set several, and then the
    // least restrictive one applies (OpenType spec), which is what these answer.
    bool installable() const { return (fs_type & 0x000F) == 0; }
    bool restricted() const { return (fs_type & 0x000E) == 0x0002; }  // may not be embedded
    bool preview_and_print() const { return (fs_type & 0x0004) != 0; }
    bool editable() const { return (fs_type & 0x0008) != 0; }
    bool no_subsetting() const { return (fs_type & 0x0100) != 0; }   // bit 8
    bool bitmap_only() const { return (fs_type & 0x0200) != 0; }     // bit 9
};

// What `Face::load` checks beyond "this is a readable font".
struct LoadOptions {
    // Face index inside a TrueType/OpenType collection (.ttc/.otc); 0 for a plain font file.
    unsigned collection_index = 0;
    // Reject (E510) a font whose cmap has neither あ U+3042 nor 漢 U+6F22: a body or heading
    // font for Japanese minutes that lacks them was almost certainly configured by mistake.
    bool require_japanese = false;
    // Reject (E508, E509) a font whose licence bits forbid embedding or subsetting: the PDF
    // writer always embeds a subset (ISO 14289-1 §7.21.4.1 requires embedded fonts).
    bool require_embeddable = true;
    // How messages name the font, e.g. "BIZ UD明朝"; empty → the file name.
    std::string display_name;
};

class Face {
public:
    // Opens and checks a font file. The file is memory-mapped (or read once) and stays mapped for
    // the life of the Face. On any problem reports one error (E501–E510, see
    // docs/diagnostics.md; Diagnostic::file is `path`) to `diags` and returns nullptr; hostile or
    // damaged files never crash.
    static std::unique_ptr<Face> load(const std::string& path, const LoadOptions& options,
                                      Diagnostics& diags);

    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    const std::string& path() const;
    unsigned collection_index() const;
    // LoadOptions::display_name, or the file name when that was empty.
    const std::string& display_name() const;

    // --- metrics (font units) ---------------------------------------------------------------
    std::int32_t units_per_em() const;
    // Horizontal ascender (> 0), descender (< 0) and line gap: OS/2 typo metrics when the font
    // sets USE_TYPO_METRICS, else `hhea` (HarfBuzz's hb_ot_metrics rules).
    std::int32_t ascender() const;
    std::int32_t descender() const;
    std::int32_t line_gap() const;
    // OS/2 sCapHeight / sxHeight, or measured from the glyphs H / x when the table lacks them.
    std::int32_t cap_height() const;
    std::int32_t x_height() const;
    FontBBox font_bbox() const;
    // `post` italicAngle in degrees, counter-clockwise from vertical (0 for upright faces).
    double italic_angle() const;
    // The PostScript name (name ID 6), e.g. "BIZUDMincho-Regular"; what PDF /BaseFont carries.
    const std::string& postscript_name() const;
    // The family name (name ID 16, else 1) in English, e.g. "BIZ UDMincho", and in Japanese,
    // e.g. "BIZ UD明朝" (the English one when the font has no Japanese name record).
    const std::string& family_name() const;
    const std::string& family_name_ja() const;
    // `post` isFixedPitch.
    bool fixed_pitch() const;
    // An estimate of the dominant vertical stem width for the PDF FontDescriptor /StemV
    // (ISO 32000-1 §9.8.1 requires the key; TrueType fonts do not record it). From the OS/2
    // weight class: 50 + (weight / 65)² per 1000 em, scaled to the font's units per em.
    std::int32_t stem_v() const;
    // OS/2 usWeightClass (400 when the font has no OS/2 table).
    std::uint16_t weight_class() const;
    EmbeddingFlags embedding() const;
    std::uint32_t glyph_count() const;
    OutlineFormat outline_format() const;

    // --- glyphs ------------------------------------------------------------------------------
    // Horizontal advance of `glyph` (font units); 0 for a glyph id ≥ glyph_count().
    std::int32_t advance(std::uint32_t glyph) const;
    // The ink box of `glyph`; nullopt for an id out of range or a glyph without ink (space).
    std::optional<GlyphExtents> ink_extents(std::uint32_t glyph) const;
    // Whether the GSUB or GPOS table lists the feature `tag` ("halt", "vert", "kern") under any
    // script. A tag longer than 4 characters is never present.
    bool has_layout_feature(std::string_view tag) const;
    // Every GSUB and GPOS feature tag of the font, sorted, without duplicates.
    const std::vector<std::string>& layout_features() const;

    // The glyph the cmap gives `c`; nullopt when the font lacks it (maps it to .notdef).
    std::optional<std::uint32_t> nominal_glyph(char32_t c) const;
    // The glyph for the variation sequence (base, selector) from cmap format 14. nullopt when the
    // font does not list that sequence, even though it has the base character: HarfBuzz's shaper
    // would silently show the base glyph instead (typesetting.md §6.2), so callers must ask here.
    // A sequence listed in the "default UVS" table gives the base's nominal glyph.
    std::optional<std::uint32_t> variation_glyph(char32_t base, char32_t selector) const;

    // Module-internal: the HarfBuzz objects (defined in face_impl.hpp, which only this module's
    // .cpp files include). Callers outside src/font cannot use it.
    struct Impl;
    const Impl& impl() const noexcept { return *impl_; }

private:
    explicit Face(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Whether `c` is a variation selector: FE00–FE0F (standardized variants), E0100–E01EF (IVS,
// VS17–VS256) or the Mongolian free variation selectors 180B–180D, 180F.
bool is_variation_selector(char32_t c);

}  // namespace gijiroku::font
