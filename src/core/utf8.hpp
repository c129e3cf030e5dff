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
std::optional<char32_t> next(std::string_view s, std::size_t& pos);

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
