// Page labels (ISO 32000-1 §12.4.2): the labels layout gives each page, folded into the fewest
// label ranges. A label that ends in a number without leading zeros ("12", "資料-3") continues a
// decimal range (/S /D with /St and the rest as /P prefix) when its predecessor had the same
// prefix and the number before; any other label is a range of its own with only a prefix, which
// repeats on each following page with the same label.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gijiroku::pdf {

struct LabelRange {
    std::size_t first_page = 0;  // page index where the range starts
    std::string prefix;          // /P (empty: none)
    bool decimal = false;        // /S /D
    std::int64_t start = 1;      // /St (only with decimal)
};

// One range per change; empty when every label is empty (no /PageLabels at all).
std::vector<LabelRange> label_ranges(const std::vector<std::string>& labels);

// What a reader shows for page `page` under `ranges` (for tests and diagnostics).
std::string label_of(const std::vector<LabelRange>& ranges, std::size_t page);

}  // namespace gijiroku::pdf
