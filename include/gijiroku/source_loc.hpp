// gijiroku — public API: a place in a source file.
#pragma once

#include <cstdint>

namespace gijiroku {

// 1-based line and column. The column counts Unicode code points (characters), not bytes
// and not terminal cells. 0 means "unknown" (a whole-file problem has line 0).
struct SourceLoc {
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

}  // namespace gijiroku
