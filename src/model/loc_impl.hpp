// Private to src/model: moving a SourceLoc along text.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/source_loc.hpp"
#include "core/utf8.hpp"

namespace gijiroku::model {

// `loc` moved over text[from, to): a line feed starts a new line, anything else is one column
// per code point (SourceLoc counts code points, core/source_loc.hpp).
inline SourceLoc advance_loc(SourceLoc loc, std::string_view text, std::size_t from,
                             std::size_t to) {
    to = std::min(to, text.size());
    std::size_t pos = from;
    while (pos < to) {
        if (text[pos] == '\n') {
            ++loc.line;
            loc.column = 1;
            ++pos;
            continue;
        }
        utf8::next(text, pos);
        ++loc.column;
    }
    return loc;
}

}  // namespace gijiroku::model
