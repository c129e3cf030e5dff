#include "xhtml/web_fonts.hpp"

#include <algorithm>

#include "xhtml/stylesheet.hpp"

namespace gijiroku::xhtml {

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        const unsigned v = (byte(i) << 16) | (rest == 2 ? byte(i + 1) << 8 : 0u);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

bool valid_unicode_range(std::string_view range) {
    // CSS Fonts 4 §4.5 allows wildcards (U+4??) too; the toolkit writes only these two forms.
    const auto hex = [](std::string_view s, std::size_t& pos, unsigned long& value) {
        const std::size_t start = pos;
        value = 0;
        while (pos < s.size() && pos - start < 6) {
            const char c = s[pos];
            unsigned d;
            if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
            else if (c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
            else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
            else break;
            value = value * 16 + d;
            ++pos;
        }
        return pos > start && value <= 0x10FFFF;
    };
    if (range.empty()) return false;
    std::size_t pos = 0;
    while (true) {
        if (range.substr(pos, 2) != "U+") return false;
        pos += 2;
        unsigned long first = 0, last = 0;
        if (!hex(range, pos, first)) return false;
        if (pos < range.size() && range[pos] == '-') {
            ++pos;
            if (!hex(range, pos, last) || last < first) return false;
        }
        if (pos == range.size()) return true;
        if (range.substr(pos, 2) != ", ") return false;
        pos += 2;
    }
}

bool valid_web_font(const WebFont& font, std::string& why) {
    if (font.family.empty() ||
        !std::all_of(font.family.begin(), font.family.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        })) {
        why = "the family name \"" + font.family + "\" is not made of letters, digits and '-'";
        return false;
    }
    if (font.sfnt.empty()) {
        why = "the web font " + font.family + " has no font data";
        return false;
    }
    if (!valid_unicode_range(font.unicode_range)) {
        why = "the unicode-range \"" + font.unicode_range + "\" of " + font.family + " is malformed";
        return false;
    }
    return true;
}

std::string font_face_rules(const std::vector<WebFont>& fonts, const std::string& indent) {
    std::string css;
    for (const WebFont& f : fonts) {
        // unicode-range (CSS Fonts 4 §4.5) keeps the browser from using the font for any other
        // character; it is consulted only where the families before it lack a character.
        css += indent + "@font-face {\n";
        css += indent + "  font-family: \"" + f.family + "\";\n";
        css += indent + "  src: url(data:font/ttf;base64," + base64(f.sfnt) + ") format(\"truetype\");\n";
        css += indent + "  unicode-range: " + f.unicode_range + ";\n";
        css += indent + "}\n";
    }
    return css;
}

std::string stack_families(const std::vector<WebFont>& fonts, std::string_view stack_var) {
    std::string out;
    for (const WebFont& f : fonts) {
        const bool listed = std::any_of(f.font_roles.begin(), f.font_roles.end(),
                                        [&](const std::string& role) { return font_stack_var(role) == stack_var; });
        if (listed) out += "\"" + f.family + "\", ";
    }
    return out;
}

}  // namespace gijiroku::xhtml
