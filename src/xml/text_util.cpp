#include "xml/text_util_impl.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace gijiroku::xml {

std::string with_commas(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

// Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest
// typing slip ("titel" for "title" is one edit, not two).
std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8) {
    const std::u32string a = utf8::decode(a_utf8), b = utf8::decode(b_utf8);
    const std::size_t w = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * w);
    for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1,
                                      d[(i - 1) * w + j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = v;
        }
    }
    return d[a.size() * w + b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = SIZE_MAX;
    for (const std::string& c : candidates) {
        if (c == word) continue;
        const std::size_t d = edit_distance(word, c);
        const std::size_t longer = std::max(utf8::length(word), utf8::length(c));
        if (d <= 3 && d * 3 <= longer && d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

std::string join_en(const std::vector<std::string>& items, std::string_view conjunction) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " " + std::string(conjunction) + " " : ", ";
        out += items[i];
    }
    return out;
}

std::string join_ja(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += "、";
        out += items[i];
    }
    return out;
}

}  // namespace gijiroku::xml
