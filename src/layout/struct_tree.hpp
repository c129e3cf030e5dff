// The structure tree's rules, kept in one place (the role table is styled_doc.hpp's):
//   - which StructType a StyledDoc role becomes (or none: its words belong to the parent);
//   - pruning: an element that owns no content and has no surviving child is removed, as
//     Skia's SkPDFTag and krilla do (ISO 14289-1 §7.1: no empty structure);
//   - the invariants pdf::write relies on, checked after layout: every run is an artifact or
//     marked with one existing non-root element, every element has exactly one parent that
//     lists it once (krilla's rule), Link areas name Link elements, no element is empty.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "layout/page_set.hpp"
#include "style/styled_doc.hpp"

namespace gijiroku::layout {

// The element a block role opens, ISO 32000-1 §14.8.4 (styled_doc.hpp's table). nullopt for
// roles without an element of their own (line, time; span/emphasis without lang or actual
// text are decided by the caller). Headings use heading_type.
std::optional<StructType> block_struct_type(style::Role role);

// H1 … H6 for a heading level, clamped to 1 … 6.
StructType heading_type(int level);

// Removes elements that own no run, no link area and no surviving child, and renumbers the
// rest in their original order (parents still precede children). Marks, link areas and line
// records are rewritten to the new indices. The root (index 0) always stays.
void prune_empty(StructTree& tree, PageSet& pages, std::vector<LineRecord>& lines);

// Checks the invariants above; reports each broken one as E561 (an internal error: a bug in
// layout, not in the user's document). Returns whether all hold.
bool check_structure(const StructTree& tree, const PageSet& pages, const std::string& file,
                     Diagnostics& diags);

}  // namespace gijiroku::layout
