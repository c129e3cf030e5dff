#include "import/chars.hpp"

#include "core/utf8.hpp"

namespace gijiroku::import {

U32 to_u32(std::string_view utf8) { return utf8::decode(utf8); }

std::string to_utf8(U32View s) { return utf8::encode(s); }

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F;
}

int digit_value(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
    return -1;
}

bool is_latin_word_char(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool is_kanji(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005 || c == 0x3006 || c == 0x30F6;
}

bool is_katakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC; }

bool is_japanese(char32_t c) { return is_kanji(c) || (c >= 0x3041 && c <= 0x3096) || is_katakana(c); }

U32View trim(U32View s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

U32 without_spaces(U32View s) {
    U32 out;
    out.reserve(s.size());
    for (char32_t c : s)
        if (!is_space(c)) out += c;
    return out;
}

bool starts_with(U32View s, U32View prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(U32View s, U32View suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int display_width(U32View s) {
    int w = 0;
    for (char32_t c : s) {
        // East Asian Wide and Fullwidth ranges that minutes use; everything else counts one.
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
                          (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                          (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                          (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
                          c == 0x2192 || c == 0x203B || c == 0x25CB || c == 0x25CF || c == 0x25A0 || c == 0x25A1 ||
                          c == 0x25C6 || c == 0x25C7 || c == 0x2015;
        w += wide ? 2 : 1;
    }
    return w;
}

std::optional<Number> read_number(U32View s, std::size_t pos) {
    Number n;
    bool half = false, full = false;
    std::size_t i = pos;
    while (i < s.size() && digit_value(s[i]) >= 0) {
        if (i - pos >= 9) return std::nullopt;
        n.value = n.value * 10 + digit_value(s[i]);
        (s[i] <= U'9' ? half : full) = true;
        ++i;
    }
    if (i == pos) return std::nullopt;
    n.length = i - pos;
    n.mixed = half && full;
    return n;
}

std::vector<U32> split_top_level(U32View s, U32View separators) {
    static const U32View open = U"（(【「『〈＜[［", close = U"）)】」』〉＞]］";
    std::vector<U32> out;
    U32 cur;
    int depth = 0;
    for (char32_t c : s) {
        if (open.find(c) != U32View::npos) ++depth;
        else if (close.find(c) != U32View::npos && depth > 0) --depth;
        if (depth == 0 && separators.find(c) != U32View::npos) {
            out.push_back(std::move(cur));
            cur.clear();
            continue;
        }
        cur += c;
    }
    out.push_back(std::move(cur));
    return out;
}

}  // namespace gijiroku::import
