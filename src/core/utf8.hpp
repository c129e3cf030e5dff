// UTF-8 helpers. All text between modules is UTF-8 std::string (DESIGN §1); UTF-16 lives only
// inside text/ (ICU) and pdf/ (PDF text strings).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gijiroku::utf8 {

// Decodes one code point at `pos`, advancing `pos`. Returns nullopt (and advances by one byte)
// on an invalid sequence: overlong forms, surrogates and values above U+10FFFF are invalid.
// Inline: every stage walks text with it (out of line, the call was 5% of a 100-page render).
inline std::optional<char32_t> next(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t len;
    char32_t cp;
    char32_t min;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        ++pos;
        return std::nullopt;
    }
    if (pos + len > s.size()) {
        ++pos;
        return std::nullopt;
    }
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return std::nullopt;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return std::nullopt;
    }
    pos += len;
    return cp;
}

// Whether `s` is entirely valid UTF-8; when not, `bad_offset` receives the first bad byte.
bool valid(std::string_view s, std::size_t* bad_offset = nullptr);

// Decodes valid UTF-8 (invalid bytes become U+FFFD).
std::u32string decode(std::string_view s);

void append(std::string& out, char32_t c);
std::string encode(std::u32string_view s);
std::string encode(char32_t c);

// Number of code points (invalid bytes count as one each).
std::size_t length(std::string_view s);

// "U+845B" / "U+20BB7": how diagnostics name a character.
std::string code_point_name(char32_t c);

}  // namespace gijiroku::utf8
