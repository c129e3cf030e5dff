// The document outline (bookmarks, ISO 32000-1 §12.3.3) as a tree of indices: layout gives a
// flat list of headings with levels; a level deeper than one below its predecessor is attached
// one level below it (H1 → H3 becomes a child, never an orphan).
#pragma once

#include <vector>

#include "layout/page_set.hpp"

namespace gijiroku::pdf {

struct OutlineNode {
    int parent = -1;  // -1: a top-level item (child of the /Outlines dictionary)
    int first = -1, last = -1, prev = -1, next = -1;
    int descendants = 0;  // all items below (every item is open, so this is /Count)
};

// One node per bookmark, same order.
std::vector<OutlineNode> outline_tree(const std::vector<layout::Bookmark>& bookmarks);

}  // namespace gijiroku::pdf
