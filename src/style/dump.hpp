// A stable text form of a StyledDoc for golden tests (DESIGN §1: "each boundary type can be
// dumped as stable text") and for `gijiroku render --dump styled`.
//
// The page setup and the styles first, then one node per line, indented two spaces per depth:
//   heading style=item-heading-1 level=3
//     span marker
//       text "（１）"
// Attributes appear only when set; text is quoted with \" \\ \n escaped. Numbers are printed
// with up to 4 decimals, so the output does not depend on the platform's float formatting.
#pragma once

#include <string>

#include "style/styled_doc.hpp"

namespace gijiroku::style {

std::string dump(const StyledDoc& doc);

// Only the node tree (no page or styles): for tests that compare a subtree.
std::string dump_node(const Node& node, const StyledDoc* doc = nullptr, int indent = 0);

// All the characters of the tree in reading order (text nodes only: alt, actual_text and
// attributes excluded). What a reader of the printed page reads.
std::string text_content(const Node& node);

}  // namespace gijiroku::style
