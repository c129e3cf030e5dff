// Stage 1 of import: bytes → lines. Refuses what is not UTF-8 text (E601–E605, with a hint
// that names the likely encoding or file type), normalises line ends (CRLF, CR), treats a
// form feed as a page break, drops page numbers (「- 1 -」「－１－」「1/10」, a bare 「12」 alone
// between blank lines or at a page end) and running heads (the same line at two or more page
// boundaries), and trims leading and trailing white space, remembering the indent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "import/chars.hpp"

namespace gijiroku::import {

struct SourceLine {
    U32 text;                  // without leading and trailing white space; empty: a blank line
    std::uint32_t number = 0;  // 1-based line of the input
    int indent = 0;            // display columns of the leading white space
    int width = 0;             // display columns of indent + text
    bool page_break = false;   // a page ends just before this line
};

// Lines of `bytes`, or nullopt with an error when the bytes are not text this stage can read.
// A UTF-8 byte order mark is skipped. `dropped` (optional) receives the numbers of the lines
// dropped as page numbers or running heads.
std::optional<std::vector<SourceLine>> read_lines(std::string_view bytes, std::string_view file,
                                                  std::size_t max_bytes, Diagnostics& diags,
                                                  std::vector<std::uint32_t>* dropped = nullptr);

// Whether a trimmed line is a page number in one of the decorated forms that never occur as
// content: 「- 1 -」「－１－」「― 1 ―」「1/10」「1 / 10」「- 1 / 10 -」「Page 3」「p. 3」「3頁」.
bool is_decorated_page_number(U32View line);
// A line of digits only (1–4 digits of either width): a page number when it stands alone.
bool is_bare_number(U32View line);

}  // namespace gijiroku::import
