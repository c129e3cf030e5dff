// The font-free core of the paragraph engine, part 2: choosing line breaks and adjusting
// each line to the measure (JLREQ §3.8, typesetting.md §2.6).
//
// Breaking is first fit with JLREQ's preference for 追い込み (pulling characters in by
// reducing aki) over 追い出し (pushing the last character out and expanding):
//
//   k0 = the most items whose natural width fits the measure
//   a break allowed after k0 and the line exactly full → solid line
//   else 追い込み: the first allowed break k1 > k0 whose width minus all reducible aki fits →
//        reduce by the priorities (stage 1 word spaces 1/3 → 1/4; 2 line-end aki after ）」、。
//        → 0, all or nothing; 3 a line-end ・ with its ¼ before and after → 0, all or nothing;
//        4 mid-line ¼ around ・; 5 mid-line ½ before openers / after closers and commas; 6 J–W
//        ¼ → ⅛; never the ½ after a mid-line 。. An all-or-nothing stage that would overshoot
//        is skipped when later stages can absorb the excess; otherwise it is taken and the
//        surplus given back by expansion)
//   else 追い出し: the last allowed break k2 ≤ k0 → expand by the priorities (1 word spaces to
//        ½ em; 2 J–W aki to ½ em; 3 kana/kanji gaps by ≤ ¼ em each; 4 all of those equally,
//        without limit; never next to brackets, punctuation, hyphens, U+3000, never inside
//        numbers or Western words)
//   else (an unbreakable run wider than the measure: a long Western word or URL) the last
//        emergency break ≤ k0 (after / . - _ ? & = # inside the run), then the last grapheme
//        boundary (typesetting.md §2.8: never overflow the measure); no hyphen is added.
//
// Only the emergency step adds break positions the text::LineBreaker did not allow. Every
// step is linear in the paragraph: prefix sums give any line's width and reducible amounts in
// constant time, and each line is scanned only around its own end.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "layout/jlreq_glue.hpp"

namespace gijiroku::layout::jlreq {

// How a line was closed (what place_line() does with it).
enum class LineFit : unsigned char {
    natural,   // the paragraph's last line, or a line ended by a hard break: not justified
    solid,     // exactly the measure at natural width
    reduced,   // 追い込み: wider than the measure at natural width, reduced to it
    expanded,  // 追い出し: narrower than the measure, to be expanded when justified
    overfull,  // a single cluster wider than the measure (nothing can be done)
};

struct Line {
    std::size_t begin = 0;        // items [begin, end)
    std::size_t end = 0;
    std::size_t content_end = 0;  // end without the white space hanging at the line end
    double natural = 0;           // natural width (head aki … line-end aki)
    double measure = 0;           // the measure this line was broken for
    LineFit fit = LineFit::natural;
    bool emergency = false;       // ended at an emergency break (not a LineBreaker opportunity)
};

// The measure of the first line and of every later line (a first-line indent or a marker
// wider than its box narrows only the first).
struct Measures {
    double first = 0;
    double rest = 0;
};

// Extra break positions for an unbreakable run wider than the measure, by item boundary:
// entry k describes the boundary after item k − 1 (size items + 1), like
// text::LineBreaker::emergency_breaks() and grapheme_breaks(). Computed only when a line needs
// them.
struct EmergencyBreaks {
    std::vector<bool> emergency;
    std::vector<bool> grapheme;
};
using EmergencyProvider = std::function<EmergencyBreaks()>;

// Breaks items into lines (see the file comment). Items' break_after decides where a line may
// end; a `mandatory` one ends it; the paragraph end is always treated as mandatory. Without a
// provider a run too wide for the measure is cut after the last item that fits.
std::vector<Line> break_lines(std::span<const Item> items, const Glue& glue, const Measures& measures,
                              const EmergencyProvider& emergency = {});

// Justification or alignment of one line.
enum class LineMode : unsigned char {
    justify,  // fit to the measure (reduce or expand) unless the line is `natural`
    ragged,   // never expand; reduce only what overflows (start/center/end alignment)
};

// Where each item of a line goes.
struct Placement {
    std::vector<double> x;      // pen position of items [line.begin, line.end), from the line start
    std::vector<double> width;  // their width after adjustment (hanging white space: 0)
    double width_total = 0;     // the line's width after adjustment (head aki … line-end aki)
    double natural = 0;         // the line's natural width
};

// Distributes the line's difference to the measure by the JLREQ priorities (file comment).
// A reduced line is exactly line.measure wide; an expanded one too, unless it has nothing that
// may expand (then it stays short, start-aligned).
// Linear in the line's length.
Placement place_line(const Glue& glue, const Line& line, LineMode mode);

// 均等割り (JLREQ §3.7.3, typesetting.md §4.6): items [begin, end) spread evenly over `width`:
// every gap that may take space (not inside unbreakable sequences, not after an opener or
// before a closer) gets (width − natural) / count. A single item, or no such gap, stays
// start-aligned at natural width; a text wider than `width` is reduced like a line.
Placement place_jidori(const Glue& glue, std::size_t begin, std::size_t end, double width);

}  // namespace gijiroku::layout::jlreq
