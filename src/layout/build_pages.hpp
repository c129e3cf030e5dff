// The page builder behind layout::layout (layout.hpp), with the paragraph engine passed in as
// a function. layout() passes a ParagraphSetter; tests pass a stand-in that needs no font
// files, so block geometry, pagination and structure are tested on their own
// (reference/architecture-notes.md rule 8: layout's core is tested with hand-built paragraphs).
//
// Stages, each in its own file:
//   blocks.*    StyledDoc → StructTree + galley (rows of set lines with break permissions)
//   paginate.*  galley → pages on the template's line grid (keeps, widows, orphans)
//   build_pages page furniture (page numbers, running head), outline, then struct_tree.*:
//               pruning of empty elements and the structure invariants
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "layout/paragraph.hpp"
#include "style/styled_doc.hpp"

namespace gijiroku::layout {

// Sets one paragraph: ParagraphSetter::set with the document's SourceMap bound.
using SetParagraphFn = std::function<std::vector<SetLine>(const ParagraphSpec&, Diagnostics&)>;

// layout() without fonts of its own: every paragraph (and every page number) goes through
// `set`. Same diagnostics and result as layout().
std::optional<LayoutResult> build_pages(const style::StyledDoc& doc, const SetParagraphFn& set,
                                        const LayoutOptions& options, Diagnostics& diags);

}  // namespace gijiroku::layout
