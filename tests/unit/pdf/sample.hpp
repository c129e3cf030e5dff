// Hand-built PageSets for the pdf tests: lines shaped with the font module and placed the way
// the layout engine will place them, so the writer is tested without the layout engine.
#pragma once

#include <cstddef>
#include <string>

#include "font/font_set.hpp"
#include "layout/page_set.hpp"

namespace gijiroku::pdf::test {

// Faces of the test font set.
constexpr std::size_t kMincho = 0;       // BIZ UD明朝 (fonts/ in the repository)
constexpr std::size_t kGothicBold = 1;   // BIZ UDゴシック Bold
constexpr std::size_t kIpamj = 2;        // IPAmj明朝 (/usr/share/fonts/truetype/ipamj)

font::FontSet test_fonts();

// A run of `text` set in `face` at `size_pt`, its baseline starting at (x, y) (top-left page
// coordinates), glyphs at their HarfBuzz advances. Each glyph that starts a cluster owns the
// cluster's bytes of `text`.
layout::GlyphRun shape_run(const font::FontSet& fonts, std::size_t face, const std::string& text, double x,
                           double y, double size_pt, layout::Mark mark);

// The advance width of a shaped run in pt (where the next run on the line starts).
double run_width(const font::FontSet& fonts, const layout::GlyphRun& run);

struct Sample {
    font::FontSet fonts;
    layout::PageSet pages;
    layout::StructTree tree;
};

// The two-page document of test_writer.cpp: H1/H2/P, a Table with TH scope Row, a list whose
// last item continues on page 2, a Link with its annotation, a Note, an English span, a run with
// ActualText, 﨑 髙 瀨, 𠮷 (IPAmj), 葛 + U+E0100, 〜 and ～ on one IPAmj glyph, page-number and
// rule artifacts, bookmarks and page labels.
Sample make_sample();

// The reading-order text of make_sample(), one block per line, in check-pdfua --text's
// convention (written from the sample's source strings, not from any output).
std::string sample_expected_text();

// A synthetic document of `pages` pages, each with a heading, a few paragraphs and a page
// number, for size and time measurements.
Sample make_large(std::size_t pages);

}  // namespace gijiroku::pdf::test
