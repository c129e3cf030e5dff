// A place in a source file: what every diagnostic points at.
#pragma once

#include <cstdint>

namespace gijiroku {

// 1-based line and column. The column counts Unicode code points, not bytes and not
// terminal cells (the caret printer converts to display cells). 0 means "unknown".
struct SourceLoc {
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

}  // namespace gijiroku
