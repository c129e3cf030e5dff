// The font-free core of the paragraph engine, part 1: JLREQ spacing between characters.
//
// A paragraph reaches this file as a plain vector of items — one per character cluster, with
// its advance, size, JLREQ class and the break opportunity after it — so the rules can be
// tested with a 1-em-per-character mock (typesetting.md §7.2) as well as with real fonts.
// compute_glue() turns the items into the widths and glue the line breaker works with
// (layout/line_breaking.hpp):
//
//   * the aki of JLREQ Table 1 between every pair of neighbours (typesetting.md §2.4, the
//     "rules that generate this table"), at a line head and at a line end;
//   * for every piece of aki, how far it may shrink and in which order (JLREQ §3.8.3 and
//     Table 3; typesetting.md §2.6 reduction priorities 1–6) and how far it may stretch
//     (JIS X 4051 / JLREQ Table 6; §2.6 expansion priorities 1–4);
//   * white space: a Western word space (cl-26) is 1/3 em that may shrink to 1/4 and stretch
//     to 1/2 (JLREQ cl-26); an ASCII space between two Japanese characters is a separator
//     typed by an office user and is set like U+3000, 1 em, never adjusted (§2.4, last
//     paragraph); white space at a line end hangs (takes no room).
//
// Units: any length unit, as long as items agree (the setter uses pt; tests use em = 1).
// Every aki is measured in the em of the character it belongs to (JLREQ §3.1.2: "½ em before"
// uses the following character's size, "after" the preceding one's; typesetting.md §2.4
// rule 8).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "text/char_class.hpp"
#include "text/line_breaks.hpp"

namespace gijiroku::layout::jlreq {

// One character cluster (a base with its combining marks or variation selector).
struct Item {
    // The advance the glyph occupies before any aki. Punctuation of cl-01/02/05/06/07 comes
    // here already at its half-width body (½ em) — the other half is aki that this file adds
    // back by context (JLREQ §3.1.2; typesetting.md §2.4 "Model").
    double width = 0;
    double em = 0;  // the character's font size: the unit of its aki
    text::CharClass cls = text::CharClass::ideographic;
    char32_t ch = 0;  // the base code point (digits, same-kind cl-08 pairs, ASCII % $ #)
    // A cl-01/02/05/06/07 glyph the engine could not set half-width (no `halt`, ink outside
    // one half): it keeps its full width, which already contains its aki, so it is spaced
    // like a kanji.
    bool full_width_punctuation = false;
    // The boundary after this item (text::LineBreaker's entry for it).
    text::BreakOpportunity break_after = text::BreakOpportunity::forbidden;
    // Letter spacing (tracking) to add between this item and the next when both are on the
    // same line; never at a line end.
    double tracking_after = 0;
};

struct GlueOptions {
    // 和欧間: aki between Japanese and half-width Western characters, in em of the Japanese
    // character (JLREQ §3.2.6; typesetting.md §2.5; default ¼ em).
    double latin_spacing = 0.25;
};

// How one item is laid out, after the white-space rules.
struct ItemGlue {
    double width = 0;    // natural width (a word space 1/3 em, an ASCII space between Japanese 1 em)
    double shrink = 0;   // word space: reducible by this much (reduction stage 1, 1/3 → 1/4 em)
    double stretch = 0;  // word space: expandable by this much (expansion stage 1, 1/3 → 1/2 em)
    bool word_space = false;  // takes part in the unlimited expansion stage 4
    bool hangs = false;  // white space: at a line end it takes no room (and ends no aki)
    double head = 0;     // aki before this item when it starts a line (fixed)
    double end = 0;      // aki after this item when it ends a line
    // Which reduction stage may remove `end` (all or nothing): 2 after closing brackets,
    // commas and full stops; 3 after a middle dot; 0 = fixed.
    int end_stage = 0;
};

// The aki between item i and item i + 1 when no line break falls there. natural is the sum
// of the parts below plus fixed aki (the ½ em after a mid-line 。, JLREQ §3.8.3: never
// reduced) and tracking.
struct Gap {
    double natural = 0;
    double bracket = 0;    // ½ em before an opener / after a closer or comma: stage 5, → 0
    double dot_lead = 0;   // ¼ em before a middle dot: stage 4 (stage 3 when that dot ends the line)
    double dot_trail = 0;  // ¼ em after a middle dot: stage 4
    double jw = 0;         // Japanese–Western aki: stage 6 reduces it to half (¼ → ⅛ em)
    double jw_stretch = 0; // expansion stage 2: up to ½ em in all
    double stretch = 0;    // expansion stage 3: a kana/kanji gap, up to ¼ em
    bool expandable = false;  // takes part in the unlimited expansion stage 4
    bool jidori = false;      // may take 均等割り space (JLREQ §3.7.3)
};

struct Glue {
    std::vector<ItemGlue> items;  // one per item
    std::vector<Gap> gaps;        // gaps[i] lies between items i and i + 1 (size n − 1)
};

// JLREQ glue for a paragraph's items (see the file comment).
Glue compute_glue(std::span<const Item> items, const GlueOptions& options = {});

// The natural width of items [begin, end): the items and the gaps between them. As a line
// (`as_line`), also the line-head aki of the first item and the line-end aki of the last one,
// with white space at the end hanging. 0 for an empty range.
double natural_width(const Glue& glue, std::size_t begin, std::size_t end, bool as_line = true);

// Synthesised `halt` for a full-width punctuation glyph of a font without the feature
// (typesetting.md §3.8; BIZ UD has no GPOS): given the glyph's ink from `ink_left` to
// `ink_right` (in em of the glyph, 0 = its origin), the horizontal shift, in em, to draw it with
// when its advance becomes ½ em — an opener whose ink lies in [½, 1] moves left by ½, a closer,
// comma or full stop whose ink lies in [0, ½] stays, a middle dot whose ink is centred in
// [¼, ¾] moves left by ¼. nullopt when the ink does not fit (the glyph keeps its full width) or
// the class is not cl-01/02/05/06/07.
std::optional<double> halt_shift(text::CharClass cls, double ink_left, double ink_right);

}  // namespace gijiroku::layout::jlreq
