// Numerals written with half-width (0–9) and full-width (０–９) digits: finding them,
// flagging a numeral that mixes the two widths (`2５`, typesetting.md §4.3), and the opt-in
// digit-width profiles. Never NFKC (it would also rewrite （）～, typesetting.md §6).
//
// A *numeral* here is a maximal run of digits of either width, including a `,` `.` `，` `．`
// that has a digit on both sides (`1,000`, `3.14`, `１，０００`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gijiroku::text {

// ASCII 0–9 or FULLWIDTH DIGIT ０–９. (Other scripts' digits are not numerals here.)
bool is_digit(char32_t c);
bool is_fullwidth_digit(char32_t c);

// A half-open range [begin, end) of code point indices.
struct TextRange {
    std::size_t begin = 0;
    std::size_t end = 0;

    friend bool operator==(const TextRange&, const TextRange&) = default;
};

// Every numeral of the text, in order.
std::vector<TextRange> numerals(std::u32string_view text);

// The numerals that contain digits of both widths: `令和７年３月2５日` → the range of `2５`.
// Such a numeral is almost certainly an input error; model/layout report it as a warning.
std::vector<TextRange> mixed_width_numerals(std::u32string_view text);

// Digit-width profiles of typesetting.md §4.3, applied to the document model before layout
// and only when a template asks for it.
enum class DigitStyle : std::uint8_t {
    preserve,   // leave every digit as the author typed it (the default)
    halfwidth,  // all numerals half-width
    fullwidth,  // all numerals full-width
    office,     // 1-digit numerals full-width, longer ones half-width (`６時30分`)
};

// Rewrites the digits (and the separators inside a numeral) of every numeral to `style`.
// A numeral touching a Western letter or one of `- _ / : +` (`A4`, `COVID-19`, `2025/3/25`,
// `18:30`) is part of a code, date or time written in Western style and is left unchanged.
// Nothing else in the text changes.
std::u32string apply_digit_style(std::u32string_view text, DigitStyle style);

// The same for UTF-8 text (invalid bytes become U+FFFD).
std::string apply_digit_style(std::string_view utf8, DigitStyle style);

}  // namespace gijiroku::text
