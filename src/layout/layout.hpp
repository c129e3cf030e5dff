// layout::layout — a StyledDoc set on pages (DESIGN §1): paragraphs broken into lines by the
// paragraph engine (layout/paragraph.hpp), stacked into blocks, columns and tables, cut into
// pages on the template's line grid, with the logical structure built on the way.
//
// The result is the only input of pdf::write: every glyph run carries the Mark of exactly one
// structure element, or is an artifact (page numbers, running heads, table rules), and the
// StructTree holds no empty element (ISO 14289-1 §7.1; the krilla/Skia rules of
// reference/architecture-notes.md §2.3, §2.5). Roles map to structure types as in
// styled_doc.hpp's table; `line`, `time` and plain spans have no element of their own. Runs of
// tracked or spread words (議事要旨, 日時) carry /ActualText, since extractors read their gaps
// as spaces.
//
// Three stable text dumps serve the golden tests and `gijiroku render --dump lines|pages|tags`.
// Numbers in dumps are rounded to 0.01 pt, so they do not depend on float formatting.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/page_set.hpp"
#include "style/styled_doc.hpp"

namespace gijiroku::font {
class FontSet;
}

namespace gijiroku::layout {

struct LayoutOptions {
    // Widow and orphan control: a paragraph split by a page break keeps at least `orphans`
    // lines at the foot of the first page and `widows` lines at the head of the next. A
    // paragraph shorter than orphans + widows lines is never split (unless it alone is taller
    // than a page): a single line of a paragraph is never left alone at a page's foot or head.
    int orphans = 2;
    int widows = 2;
    // Unsupported variation sequence → warning and the base glyph (paragraph engine, W520)
    // instead of an error.
    bool allow_base_glyph = false;
    // A document that would need more pages is refused (E565) rather than exhausting memory.
    std::size_t max_pages = 100000;
};

// One typeset line, as `dump_lines` prints it and as tests inspect it.
struct LineRecord {
    int page = 0;                 // index in PageSet::pages
    int element = -1;             // StructTree element of the line's paragraph (H1, P, TH, L …)
    std::string style;            // BlockStyle::name of the paragraph ("" when unstyled)
    int line = 1;                 // 1-based line number within the paragraph
    double x_pt = 0;              // the paragraph's left edge on the page
    double baseline_pt = 0;       // the line's baseline on the page (from the page's top)
    double natural_width_pt = 0;  // SetLine::natural_width_pt
    double width_pt = 0;          // SetLine::width_pt (after justification)
    std::string text;             // SetLine::text (the marker box's label included)
};

struct LayoutResult {
    PageSet pages;
    StructTree tree;
    std::vector<LineRecord> lines;  // every body line in reading order (page furniture left out)
};

// Lays out `doc` with the fonts of `fonts` (the FontSet must hold the roles the styles name).
// Reports missing glyphs (paragraph engine, E52x), an invalid page grid (E563), a heading that
// skips a level (E560), a document past LayoutOptions::max_pages (E565) and broken structure
// invariants (E561, a bug). Returns nullopt when any error was reported.
std::optional<LayoutResult> layout(const style::StyledDoc& doc, const font::FontSet& fonts,
                                   const LayoutOptions& options, Diagnostics& diags);

// One line per typeset line, the golden format of `gijiroku render --dump lines`:
//   p1 H1#1 title-line 1 nat=262.50 adj=262.50 |令和６年度 第３回 …|
// page (1-based), the paragraph's structure element (type#index), its style name ("-" when
// none), the line number in the paragraph, the natural and the adjusted width, the text.
std::string dump_lines(const LayoutResult& result);

// The pages in the spirit of SILE's debug outputter:
//   title "令和６年度 第３回 …議事要旨"
//   lang ja
//   bookmark 1 p1 99.21 "令和６年度 第３回 …"
//   page 1 595.28x841.89 label=1
//     run 88.94 112.49 f0 10.50 H1#1 |令和６年度…|
//     run 283.46 820.00 f0 9.00 A:page_number:foot |- 1 -|
//     rule 88.94 300.00 506.34 300.00 0.50 A:layout
//     link 100.00 90.00 50.00 12.00 Link#9 https://…
// The document title and language, the outline (level, page, y of the heading's top, title),
// then each page. Positions are the run's origin (baseline start) from the page's top-left
// corner; `f` is the face index of the FontSet; the mark is the owning element (type#index)
// or the artifact kind; glyph ids are left out (they change with font versions).
// Runs with ActualText or a language print ` actual=…` / ` lang=…` after the text.
std::string dump_pages(const PageSet& pages, const StructTree& tree);

// The structure tree, one element per line, indented two spaces per depth:
//   Document
//     H1 #1 "令和６年度 第３回 東京都医療的ケア児支援地域協議会議事要旨"
//     Table #2
//       TR #3
//         TH #4 scope=row "１日時"
//   Lbl #20 alt=回答 "→"
// Attributes (lang, alt, actual, uri, scope, id) appear when set. With `pages`, each element
// shows the text of the runs it owns itself, in page order (children's text excluded).
std::string dump_struct(const StructTree& tree, const PageSet* pages = nullptr);

}  // namespace gijiroku::layout
