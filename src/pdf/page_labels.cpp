#include "pdf/page_labels.hpp"

#include <optional>
#include <utility>

namespace gijiroku::pdf {

namespace {

// Splits "資料-12" into ("資料-", 12). nullopt for labels without such a number ("表紙", "03",
// "0"): /St must be ≥ 1 and a decimal range cannot reproduce leading zeros.
std::optional<std::pair<std::string, std::int64_t>> split(const std::string& label) {
    std::size_t i = label.size();
    while (i > 0 && label[i - 1] >= '0' && label[i - 1] <= '9') --i;
    const std::size_t digits = label.size() - i;
    if (digits == 0 || digits > 9 || label[i] == '0') return std::nullopt;
    return std::make_pair(label.substr(0, i), std::stoll(label.substr(i)));
}

}  // namespace

std::vector<LabelRange> label_ranges(const std::vector<std::string>& labels) {
    bool any = false;
    for (const auto& l : labels) any = any || !l.empty();
    if (!any) return {};
    std::vector<LabelRange> ranges;
    std::int64_t next_number = 0;  // the number the current decimal range gives the next page
    for (std::size_t p = 0; p < labels.size(); ++p) {
        const std::string& label = labels[p];
        const auto parts = split(label);
        if (!ranges.empty()) {
            const LabelRange& r = ranges.back();
            if (parts && r.decimal && r.prefix == parts->first && parts->second == next_number) {
                ++next_number;
                continue;
            }
            if (!parts && !r.decimal && r.prefix == label) continue;
        }
        LabelRange r;
        r.first_page = p;
        if (parts) {
            r.prefix = parts->first;
            r.decimal = true;
            r.start = parts->second;
            next_number = parts->second + 1;
        } else {
            r.prefix = label;
        }
        ranges.push_back(std::move(r));
    }
    return ranges;
}

std::string label_of(const std::vector<LabelRange>& ranges, std::size_t page) {
    const LabelRange* found = nullptr;
    for (const auto& r : ranges)
        if (r.first_page <= page) found = &r;
    if (!found) return std::to_string(page + 1);  // no range: readers show the page number
    if (!found->decimal) return found->prefix;
    return found->prefix + std::to_string(found->start + static_cast<std::int64_t>(page - found->first_page));
}

}  // namespace gijiroku::pdf
