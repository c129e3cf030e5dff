// Font subsetting with HarfBuzz's hb-subset: the glyphs a PDF uses (libharu.md §6.1) and the
// characters an XHTML page needs from a fallback font (issue 9).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "font/face.hpp"

namespace gijiroku::font {

// A TrueType font program for PDF /FontFile2 (ISO 32000-1 §9.9).
struct SubsetFont {
    std::string bytes;  // the sfnt file
    // (original glyph id, subset glyph id), sorted by original id. Contains every requested glyph,
    // glyph 0 → 0, and any glyph hb-subset's closure added: components of composite glyphs and,
    // in HarfBuzz 6.0, the cmap format 14 variants of characters whose glyphs are kept (keeping
    // 﨑 U+FA11 also keeps 﨑+E0101); libharu.md §6.1 saw 119 glyphs for 117 used.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> old_to_new;
};

// Subsets `face` to `glyphs` (plus glyph 0, always kept as .notdef, with its advance but without
// its outline: hb-subset's default, and ISO 14289-1 §7.21.8 forbids showing it) for embedding in a PDF as a
// CIDFontType2 with Identity-H codes: glyph ids are renumbered compactly from 0 in the order of
// the original ids (the PDF writer maps CIDs through `old_to_new`), and the tables a PDF
// renderer never reads are dropped as libharu.md §6.1 does: GSUB GPOS GDEF BASE JSTF DSIG meta
// vhea vmtx VORG kern morx gasp (besides hb-subset's own default drops). Kept: glyf loca head
// hhea hmtx maxp name OS/2 post cvt fpgm prep, and a cmap holding the characters whose glyphs
// were kept (hb-subset's choice; the PDF shows text by glyph id and never reads it).
// The same face and glyphs always give the same bytes (hb-subset is deterministic and copies
// head.modified from the source). nullopt when a glyph id is ≥ face.glyph_count() or when
// hb-subset fails.
// `characters`, when given, are those of the text the glyphs show (any order, repeats allowed).
// When each glyph is the nominal glyph of one of them, hb-subset is asked for those characters
// (much faster, subset.cpp), and the cmap lists only them; the kept glyphs are the same.
std::optional<SubsetFont> subset(const Face& face, std::span<const std::uint32_t> glyphs,
                                 std::span<const char32_t> characters = {});

// A variation sequence (base character + variation selector) a web font must keep.
struct VariationSequence {
    char32_t base = 0;
    char32_t selector = 0;

    friend bool operator==(const VariationSequence&, const VariationSequence&) = default;
};

// A TrueType web font for an XHTML page: `@font-face { src: url(data:font/ttf;base64,…);
// unicode-range: … }` (no WOFF compression: the page embeds it as is).
struct WebFont {
    std::string bytes;
    // The code points the subset maps, sorted: requested characters the face has, and the bases
    // and selectors of the kept sequences. Feed it to css_unicode_range().
    std::vector<char32_t> code_points;
    // The requested sequences the face has (Face::variation_glyph succeeds), sorted.
    std::vector<VariationSequence> sequences;
};

// Subsets `face` to the characters `code_points` and the variation sequences `sequences`,
// keeping a cmap (format 4 or 12 for the characters, format 14 for the sequences) so a browser
// can map text to glyphs itself. Kept tables: cmap glyf loca head hhea hmtx maxp name OS/2 post
// (+ cvt fpgm prep hinting); dropped as in subset(): the layout tables (GSUB GPOS GDEF BASE JSTF),
// vertical metrics and DSIG meta kern morx gasp — the page sets horizontal Japanese text, and
// GSUB closure would pull in every vertical and JIS-variant form. Characters and sequences the
// face lacks are left out of the result (and out of `code_points`). nullopt when hb-subset fails
// or nothing requested is in the face.
std::optional<WebFont> subset_for_web(const Face& face, std::span<const char32_t> code_points,
                                      std::span<const VariationSequence> sequences = {});

// A CSS `unicode-range` value for `code_points` (any order, duplicates allowed): consecutive
// code points become ranges, e.g. {0x845B, 0x9AD9, 0x9ADA, 0xE0100} → "U+845B, U+9AD9-9ADA,
// U+E0100" (CSS Fonts 4 §4.5). Empty input gives an empty string.
std::string css_unicode_range(std::span<const char32_t> code_points);

}  // namespace gijiroku::font
