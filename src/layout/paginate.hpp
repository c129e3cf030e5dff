// Pagination: the galley (blocks.hpp) cut into pages on the template's line grid
// (style::PageSetup: margins, line pitch, lines per page; typesetting.md §4.7).
//
// Greedy, as Word and InDesign cut pages: fill a page with rows while they fit; when the next
// row does not, end the page after the last row that allows a break (Row::break_after: not
// inside or after a heading, not where a paragraph would leave fewer than the widow/orphan
// minimum, not inside a table row). When no row on the page allows one (a keep chain longer
// than a page), the page ends where the body is full. Each row is looked at a bounded number of
// times, so the time is linear in the document's length.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/blocks.hpp"
#include "layout/layout.hpp"
#include "layout/page_set.hpp"
#include "style/styled_doc.hpp"

namespace gijiroku::layout {

// The body area of a page: the line grid starts at the top margin and holds lines_per_page
// lines of line_pitch_pt; its width is the measure (chars_per_line zw of body_size_pt).
struct BodyArea {
    double left_pt = 0;
    double top_pt = 0;
    double width_pt = 0;
    double height_pt = 0;
};

BodyArea body_area(const style::PageSetup& page);

// Reports E563 (and returns false) when the grid cannot be laid out: a size or count that is
// not positive, or a body area that does not fit on the paper.
bool check_page_setup(const style::PageSetup& page, const std::string& file, Diagnostics& diags);

struct Paginated {
    std::vector<Page> pages;
    std::vector<LineRecord> lines;
    std::vector<Bookmark> outline;
};

// Moves the galley's lines onto pages. Reports W562 when a single row is taller than the body
// (it is put on a page of its own and overflows it) and E565 when more than
// options.max_pages pages would be needed (pagination stops there).
Paginated paginate(Galley&& galley, const style::StyledDoc& doc, const LayoutOptions& options,
                   Diagnostics& diags);

}  // namespace gijiroku::layout
