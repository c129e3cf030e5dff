// Private to src/xml: checks made on the raw bytes before libxml2 sees them. They give a clerk
// an exact, plain answer for the commonest ways a file is not what it should be (empty, a PDF,
// UTF-16, Shift_JIS, a stray NUL), and keep inputs that would make libxml2 2.9 slow away from it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "xml/reader.hpp"
#include "xml/source_text.hpp"

namespace gijiroku::xml {

// Size, emptiness, byte order marks, file signatures and the first character (E101–E104).
// On success returns the number of leading bytes to drop (3 for a UTF-8 BOM, else 0).
std::optional<std::size_t> check_file_bytes(std::string_view bytes, std::string_view file,
                                            const ReadOptions& options, Diagnostics& diags);

// The encoding declaration (E104), UTF-8 validity (E105) and XML 1.0 §2.2 Char (E106).
// `bom` is the number of bytes dropped before `text`, so byte offsets name the file's bytes.
bool check_characters(const SourceText& text, std::size_t bom, std::string_view file,
                      Diagnostics& diags);

// Attributes per start tag and namespace declarations per document (E117), counted by a
// linear lexical scan that understands comments, CDATA and processing instructions.
bool check_markup_limits(const SourceText& text, std::string_view file,
                         const ReadOptions& options, Diagnostics& diags);

}  // namespace gijiroku::xml
