#include "text/digits.hpp"

#include "core/utf8.hpp"
#include "text/char_class.hpp"

namespace gijiroku::text {

namespace {

bool is_separator(char32_t c) { return c == U',' || c == U'.' || c == 0xFF0C || c == 0xFF0E; }

char32_t to_half(char32_t c) {
    if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + U'0';
    if (c == 0xFF0C) return U',';
    if (c == 0xFF0E) return U'.';
    return c;
}

char32_t to_full(char32_t c) {
    if (c >= U'0' && c <= U'9') return c - U'0' + 0xFF10;
    if (c == U',') return 0xFF0C;
    if (c == U'.') return 0xFF0E;
    return c;
}

// A neighbour that makes the numeral part of a Western-style code, date or time: a Latin
// letter of either width, another Western letter, or one of - _ / : +.
bool western_context(char32_t c) {
    if (c == U'-' || c == U'_' || c == U'/' || c == U':' || c == U'+') return true;
    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) return true;
    if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return true;
    return c > 0x7F && char_class(c) == CharClass::western;
}

}  // namespace

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || is_fullwidth_digit(c); }

bool is_fullwidth_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }

std::vector<TextRange> numerals(std::u32string_view text) {
    std::vector<TextRange> out;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < n) {
            if (is_digit(text[i])) {
                ++i;
            } else if (is_separator(text[i]) && i + 1 < n && is_digit(text[i + 1])) {
                i += 2;
            } else {
                break;
            }
        }
        out.push_back({begin, i});
    }
    return out;
}

std::vector<TextRange> mixed_width_numerals(std::u32string_view text) {
    std::vector<TextRange> out;
    for (const TextRange& r : numerals(text)) {
        bool half = false;
        bool full = false;
        for (std::size_t i = r.begin; i < r.end; ++i) {
            if (is_fullwidth_digit(text[i])) full = true;
            else if (is_digit(text[i])) half = true;
        }
        if (half && full) out.push_back(r);
    }
    return out;
}

std::u32string apply_digit_style(std::u32string_view text, DigitStyle style) {
    std::u32string out(text);
    if (style == DigitStyle::preserve) return out;
    for (const TextRange& r : numerals(text)) {
        if ((r.begin > 0 && western_context(text[r.begin - 1])) ||
            (r.end < text.size() && western_context(text[r.end]))) {
            continue;
        }
        std::size_t digits = 0;
        for (std::size_t i = r.begin; i < r.end; ++i) digits += is_digit(text[i]) ? 1 : 0;
        const bool full = style == DigitStyle::fullwidth ||
                          (style == DigitStyle::office && digits == 1);
        for (std::size_t i = r.begin; i < r.end; ++i) out[i] = full ? to_full(text[i]) : to_half(text[i]);
    }
    return out;
}

std::string apply_digit_style(std::string_view utf8, DigitStyle style) {
    return gijiroku::utf8::encode(apply_digit_style(gijiroku::utf8::decode(utf8), style));
}

}  // namespace gijiroku::text
