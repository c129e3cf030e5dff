// Block layout: the StyledDoc walked once, in reading order, into
//   - the StructTree (roles mapped by struct_tree.hpp's table), and
//   - a galley: one Row per line slot of the page grid, each holding the set lines that share
//     its baseline (a definition's term beside its value, a table row's cells), the space
//     above it, and whether a page break may follow it.
// Pagination (paginate.hpp) only cuts the galley; it never sets text again.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/build_pages.hpp"
#include "layout/page_set.hpp"
#include "layout/paragraph.hpp"
#include "style/styled_doc.hpp"

namespace gijiroku::layout {

// A set line and where its paragraph's left edge lies, from the measure's start.
struct PlacedLine {
    SetLine line;
    double x_pt = 0;
    int element = -1;   // the paragraph's structure element (for LineRecord)
    int style = -1;     // the paragraph's style index (for LineRecord)
    int line_no = 1;    // 1-based, within the paragraph
};

// A rule drawn with a row: x from the measure's start, y from the row's top (0 … pitch).
// Table grids are drawn row by row, so a table cut by a page break keeps its lines.
struct RowRule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width_pt = 0.5;
};

struct Row {
    double pitch_pt = 18;         // height of the slot; baselines are centred in it
    double space_before_pt = 0;   // collapsed block spacing above; dropped at a page's top
    bool break_after = true;      // a page break may follow this row
    std::vector<PlacedLine> lines;  // one baseline, in reading order
    std::vector<RowRule> rules;
    int heading = -1;             // index into Galley::headings when a heading starts here
};

struct HeadingEntry {
    std::string title;  // the heading's words, its marker included; lines joined by U+3000
    int level = 1;
};

struct Galley {
    std::vector<Row> rows;
    std::vector<HeadingEntry> headings;
};

struct BlockResult {
    StructTree tree;
    Galley galley;
};

// Walks doc.root. Errors: E560 (heading level), E566 (a node breaking the StyledDoc's layout
// rules, e.g. inline and block children mixed). Paragraph engine diagnostics pass through.
BlockResult build_blocks(const style::StyledDoc& doc, const SetParagraphFn& set,
                         const LayoutOptions& options, Diagnostics& diags);

}  // namespace gijiroku::layout
