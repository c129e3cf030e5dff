#include "pdf/text_string.hpp"

#include <cstddef>

#include "core/utf8.hpp"

namespace gijiroku::pdf {

namespace {

void put_unit(std::string& out, unsigned unit) {
    out.push_back(static_cast<char>((unit >> 8) & 0xFF));
    out.push_back(static_cast<char>(unit & 0xFF));
}

}  // namespace

std::string utf16be(std::string_view utf8, bool bom) {
    std::string out;
    out.reserve(utf8.size() * 2 + 2);
    if (bom) put_unit(out, 0xFEFF);
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const auto c = utf8::next(utf8, pos);
        const char32_t cp = c ? *c : U'\uFFFD';
        if (cp >= 0x10000) {
            const unsigned v = static_cast<unsigned>(cp) - 0x10000;
            put_unit(out, 0xD800 + (v >> 10));
            put_unit(out, 0xDC00 + (v & 0x3FF));
        } else {
            put_unit(out, static_cast<unsigned>(cp));
        }
    }
    return out;
}

std::string hex_upper(std::string_view bytes) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0F]);
    }
    return out;
}

bool is_printable_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

}  // namespace gijiroku::pdf
