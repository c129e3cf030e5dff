// `gijiroku render --dump text`: the document as plain text, one block per line, the way a
// reader would copy it out of the PDF — what `gijiroku import` reads back (issue 8).
#pragma once

#include <string>

#include "style/styled_doc.hpp"

namespace gijiroku::api {

// Each paragraph-level block on its own line (labels included: 「・」「（１）」「→」); a
// definition item's term and its first paragraph share a line, separated by a space; table
// rows as cells joined by " | "; a blank line before every heading of level 2 and 3.
std::string plain_text(const style::StyledDoc& doc);

}  // namespace gijiroku::api
