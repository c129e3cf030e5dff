#include "text/char_info.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.hpp"

namespace gijiroku::text {

namespace {

bool in_range(char32_t c) { return c <= 0x10FFFF; }

UChar32 u(char32_t c) { return static_cast<UChar32>(c); }

}  // namespace

bool is_unassigned(char32_t c) {
    return !in_range(c) || u_charType(u(c)) == U_UNASSIGNED;
}

bool is_control(char32_t c) {
    if (c == U'\t' || c == U'\n' || c == U'\r') return false;
    return in_range(c) && u_charType(u(c)) == U_CONTROL_CHAR;
}

bool is_variation_selector(char32_t c) {
    return in_range(c) && u_hasBinaryProperty(u(c), UCHAR_VARIATION_SELECTOR);
}

bool is_ideographic_variation_selector(char32_t c) { return c >= 0xE0100 && c <= 0xE01EF; }

bool is_private_use(char32_t c) {
    return in_range(c) && u_charType(u(c)) == U_PRIVATE_USE_CHAR;
}

bool is_noncharacter(char32_t c) {
    return in_range(c) && u_hasBinaryProperty(u(c), UCHAR_NONCHARACTER_CODE_POINT);
}

bool is_compatibility_ideograph(char32_t c) {
    const bool block = (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    return block && u_hasBinaryProperty(u(c), UCHAR_IDEOGRAPHIC);
}

bool changed_by_nfc(char32_t c) {
    if (!in_range(c) || (c >= 0xD800 && c <= 0xDFFF)) return false;
    UErrorCode st = U_ZERO_ERROR;
    // The NFC instance is a process-wide ICU singleton; nothing is created per call.
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
    if (U_FAILURE(st)) return false;
    const icu::UnicodeString one(u(c));
    const icu::UnicodeString normalized = nfc->normalize(one, st);
    return U_SUCCESS(st) && normalized != one;
}

int char_display_width(char32_t c) {
    if (!in_range(c)) return 1;
    const int8_t gc = u_charType(u(c));
    if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR ||
        gc == U_CONTROL_CHAR || u_hasBinaryProperty(u(c), UCHAR_VARIATION_SELECTOR)) {
        return 0;
    }
    const int eaw = u_getIntPropertyValue(u(c), UCHAR_EAST_ASIAN_WIDTH);
    return (eaw == U_EA_FULLWIDTH || eaw == U_EA_WIDE) ? 2 : 1;
}

int display_width(std::string_view utf8) {
    int width = 0;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const auto c = gijiroku::utf8::next(utf8, pos);
        width += c ? char_display_width(*c) : 1;
    }
    return width;
}

int display_width(std::u32string_view text) {
    int width = 0;
    for (char32_t c : text) width += char_display_width(c);
    return width;
}

}  // namespace gijiroku::text
