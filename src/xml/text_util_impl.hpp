// Private to src/xml: small text helpers for messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gijiroku::xml {

// 1234567 → "1,234,567".
std::string with_commas(std::size_t n);

// Edit distance in code points (insertions, deletions, substitutions and swaps of two
// neighbours), for "did you mean …?".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible misspelling
// (at most a third of the longer name differs, and never more than 3 edits); else "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// "a", "a and b" / "a, b and c" (English); "a、b、c" (Japanese).
std::string join_en(const std::vector<std::string>& items, std::string_view conjunction = "or");
std::string join_ja(const std::vector<std::string>& items);

}  // namespace gijiroku::xml
