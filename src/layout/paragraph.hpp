// layout::ParagraphSetter — one paragraph of inline content in, justified lines of positioned
// glyphs out. The contract between the page builder (blocks, columns, pages, structure:
// layout/build_pages.*) and the paragraph engine (shaping, JLREQ spacing, kinsoku line
// breaking, adjustment: layout/paragraph.* and its helpers).
//
// Coordinates of a SetLine are relative to the paragraph's left edge (x) and the line's
// baseline (y = 0, y grows downwards as on the page); the page builder moves them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/node_id.hpp"
#include "core/source_loc.hpp"
#include "layout/page_set.hpp"
#include "style/styled_doc.hpp"

namespace gijiroku::font {
class FontSet;
}

namespace gijiroku::layout {

// A piece of a paragraph's text with one set of properties, in reading order.
struct InlinePiece {
    std::string text;               // UTF-8, exactly as in the StyledDoc
    std::string font_role = "mincho";
    double size_pt = 10.5;
    int element = -1;               // StructTree element owning these glyphs (the run's Mark)
    NodeId source;                  // for diagnostics: a character no font has, ...
    std::string lang;               // BCP 47 when not the document's language
    std::string actual_text;        // extraction text for the piece's runs (rarely needed)
    bool marker = false;            // set in the marker box (hanging label: ・ → （１） １)
    std::string uri;                // the piece is (part of) a link to this target
    double letter_spacing = 0;      // tracking in zw between the piece's characters
};

struct ParagraphSpec {
    std::vector<InlinePiece> pieces;
    double measure_pt = 420;             // width from the paragraph's left edge to the right edge
    double first_line_indent_pt = 0;     // extra start of the first line's text
    double marker_width_pt = 0;          // marker box; text starts here on every line
    double jidori_pt = 0;                // > 0: spread the text evenly to this width (均等割り)
    style::Align align = style::Align::justify;
    double zw_pt = 10.5;                 // the page's body size: the unit of aki tables
};

struct SetLine {
    std::vector<GlyphRun> runs;   // origin relative to (paragraph left edge, baseline)
    std::vector<LinkArea> links;  // rects relative to (paragraph left edge, baseline)
    double natural_width_pt = 0;  // before adjustment, from the line's start
    double width_pt = 0;          // after adjustment
    double ascent_pt = 0;         // above the baseline, from the fonts used
    double descent_pt = 0;        // below the baseline (positive)
    bool last = false;            // the paragraph's last line
    std::string text;             // the line's characters, for dumps and tests
};

// Where diagnostics point: the source file and NodeId → SourceLoc table (StyledDoc's).
struct SourceMap {
    std::string file;
    const std::vector<SourceLoc>* locations = nullptr;
    SourceLoc loc(NodeId id) const {
        return locations && id.value < locations->size() ? (*locations)[id.value] : SourceLoc{};
    }
};

struct SetterOptions {
    style::KinsokuSetting::Level kinsoku = style::KinsokuSetting::Level::very_strict;
    double latin_spacing_zw = 0.25;  // 和欧間 (JLREQ §3.2.6)
    bool allow_base_glyph = false;   // unsupported variation sequence → warning + base glyph
};

// Holds the per-job state (ICU line breakers, a HarfBuzz buffer). Not thread-safe: one per
// thread. The FontSet must outlive it.
class ParagraphSetter {
public:
    ParagraphSetter(const font::FontSet& fonts, const SetterOptions& options);
    ~ParagraphSetter();
    ParagraphSetter(ParagraphSetter&&) noexcept;
    ParagraphSetter& operator=(ParagraphSetter&&) noexcept;

    // Lines of one paragraph. Reports missing glyphs (E5xx with the character, the XML place
    // and the fonts tried) and never emits .notdef.
    std::vector<SetLine> set(const ParagraphSpec& spec, const SourceMap& where, Diagnostics& diags);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace gijiroku::layout
