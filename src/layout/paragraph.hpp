// layout::ParagraphSetter — one paragraph of inline content in, justified lines of positioned
// glyphs out. The contract between the page builder (blocks, columns, pages, structure:
// layout/build_pages.*) and the paragraph engine (shaping, JLREQ spacing, kinsoku line
// breaking, adjustment: layout/paragraph.* and its helpers).
//
// Coordinates of a SetLine are relative to the paragraph's left edge (x) and the line's
// baseline (y = 0, y grows downwards as on the page); the page builder moves them.
//
// The JLREQ rules themselves (aki, reduction and expansion, first-fit breaking with 追い込み
// before 追い出し, 均等割り) live in the font-free core, layout/jlreq_glue.hpp and
// layout/line_breaking.hpp; this class adds fonts, shaping and the output.
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
    // Extraction text (GlyphRun::actual_text) for the piece, rarely needed; applied when the
    // piece's glyphs make up one run (a piece broken across lines keeps its plain text).
    std::string actual_text;
    // Set in the marker box (hanging label: ・ → （１） １): every marker piece goes, in order,
    // at the start of the first line, at its natural width (the font's advances: no JLREQ
    // spacing, no kinsoku, no half-width punctuation, typesetting.md §2.7).
    bool marker = false;
    std::string uri;                // the piece is (part of) a link to this target
    // Tracking in zw (ParagraphSpec::zw_pt) between the piece's characters: added after each
    // character followed by another of the same piece on the same line, never at a line end.
    double letter_spacing = 0;
};

struct ParagraphSpec {
    std::vector<InlinePiece> pieces;
    double measure_pt = 420;             // width from the paragraph's left edge to the right edge
    // Extra start of the first line's text (after the marker box).
    double first_line_indent_pt = 0;
    // Marker box: the text starts here on every line; on the first line after the marker
    // instead when the marker is wider than the box.
    double marker_width_pt = 0;
    // > 0: 均等割り — the whole text on one line, spread evenly to this width measured from
    // where the text starts (JLREQ §3.7.3, typesetting.md §4.6); the measure is not used.
    double jidori_pt = 0;
    // justify: every line but the last (and those ended by a hard break) exactly the measure;
    // start / center / end: never expanded, reduced only when a line would overflow.
    style::Align align = style::Align::justify;
    // The page's body size: the unit of InlinePiece::letter_spacing. (JLREQ aki are measured in
    // the em of the character they belong to, i.e. its InlinePiece::size_pt.)
    double zw_pt = 10.5;
};

struct SetLine {
    // Origin relative to (paragraph left edge, baseline). A new run starts wherever the face,
    // size, structure element, language, link or a piece with its own actual_text changes.
    // PlacedGlyph::x is where the glyph is drawn: its pen position plus the glyph's offset
    // (a half-width opener of a font without `halt` is drawn ½ em left of its pen position).
    // GlyphRun::text holds exactly the source characters of the run's clusters (a variation
    // sequence stays base + selector); a character no font has is neither drawn nor in `text`.
    std::vector<GlyphRun> runs;
    // One rectangle per line fragment of a link (rects relative to (paragraph left edge,
    // baseline), from −ascent_pt to descent_pt); `contents` is the whole link's text.
    std::vector<LinkArea> links;
    // Where the line's content ends, from the paragraph's left edge: its last character's
    // advance plus any line-end aki (white space at the line end hangs and is not counted).
    // natural_width_pt: at natural spacing and start-aligned; width_pt: after justification or
    // alignment (a justified full line: exactly the measure).
    double natural_width_pt = 0;
    double width_pt = 0;
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
    // 和欧間 (JLREQ §3.2.6): aki between Japanese and half-width Western characters, in em of
    // the Japanese character (¼ by default; reducible to half of it, expandable to ½ em).
    double latin_spacing_zw = 0.25;
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

    // Lines of one paragraph; none when it has neither text nor marker. Diagnostics point at
    // the piece's source node (`where.loc(piece.source)` in `where.file`):
    //   E520 / W520 (font module) a cluster no face of the role's chain has; never drawn as .notdef;
    //   W540  a punctuation glyph that cannot be set half-width (kept full width), once per face
    //         and character;
    //   E541  an unknown font role (set with `mincho`), once per role and setter;
    //   W542  a character wider than the measure (its line overflows).
    // A hard line break in the text (LF, U+2028, …) ends a line, which is then not justified.
    std::vector<SetLine> set(const ParagraphSpec& spec, const SourceMap& where, Diagnostics& diags);

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace gijiroku::layout
