// Page content streams (ISO 32000-1 §8–9, §14.6): positioned glyph IDs in TJ arrays, rules as
// paths, every piece wrapped in marked content that ties it to the structure tree or declares it
// an artifact (ISO 14289-1 §7.1: all content is tagged or an artifact).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "layout/page_set.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/structure.hpp"

namespace gijiroku::pdf {

struct ContentFonts {
    // The plan of face `face`; nullptr if the face is not embedded (an internal error).
    std::function<const FontPlan*(std::uint32_t face)> plan;
    // The page's resource name for face `face` ("F1").
    std::function<std::string(std::uint32_t face)> resource;
};

// Writes the content stream of `page` (index `page_index`) to `out`, asking `structure` for an
// MCID for each sequence of content of one element. Contiguous runs (and rules) with the same
// Mark, run language and ActualText share one BDC…EMC: one MCID per sequence, as few as possible.
// Returns false with a reason in `error` when a glyph/text pair has no CID (an internal error:
// the font usage was collected from the same pages).
//
// Coordinates: layout's origin is the page's top-left corner with y downwards; PDF's is the
// bottom-left with y upwards (ISO 32000-1 §8.3.2.3), so y becomes height − y.
//
// Glyph positions: each run starts with a Tm at its first glyph; each following glyph is moved
// from where the font's advance (the /W width) leaves it to PlacedGlyph::x by a TJ number,
// (width − (next x − this x) · 1000 / size), computed from the position the reader will actually
// reach after the rounded numbers before it, so rounding never accumulates. Vertical offsets use
// the text rise (Ts), reset to 0 at the end of the run.
bool write_page_content(const layout::Page& page, int page_index, StructureBuilder& structure,
                        const ContentFonts& fonts, std::string& out, std::string& error);

}  // namespace gijiroku::pdf
