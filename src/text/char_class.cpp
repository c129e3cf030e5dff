#include "text/char_class.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <iterator>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace gijiroku::text {

namespace {

struct Entry {
    char32_t cp;
    CharClass cls;
};

using C = CharClass;

// The punctuation JLREQ's appendix lists by code point, mapped to the code points Japanese
// text actually contains (the FFxx full-width and FF6x half-width forms take the class of
// their generic counterpart, typesetting.md §2.1), plus the project's tailorings. Grouped
// roughly by block for reading; sorted once at first use.
constexpr Entry kExplicit[] = {
    {U'#', C::prefixed_abbreviation},    // JLREQ cl-12 lists U+0023
    {U'$', C::prefixed_abbreviation},    // JLREQ cl-12 lists U+0024
    {U'%', C::postfixed_abbreviation},   // JLREQ cl-13 lists U+0025
    {0x00A2, C::postfixed_abbreviation}, // ¢
    {0x00A3, C::prefixed_abbreviation},  // £
    {0x00A5, C::prefixed_abbreviation},  // ¥
    {0x00A7, C::ideographic},            // § (JLREQ cl-19)
    {0x00AB, C::opening_bracket},        // «
    {0x00B0, C::postfixed_abbreviation}, // °
    {0x00B1, C::math_operator},          // ±
    {0x00B6, C::ideographic},            // ¶ (JLREQ cl-19)
    {0x00BB, C::closing_bracket},        // »
    {0x00BC, C::ideographic},            // ¼ (JLREQ cl-19)
    {0x00BD, C::ideographic},            // ½
    {0x00BE, C::ideographic},            // ¾
    {0x00D7, C::math_operator},          // ×
    {0x00F7, C::math_operator},          // ÷
    {0x2010, C::hyphen},                 // ‐
    {0x2013, C::hyphen},                 // –
    {0x2014, C::inseparable},            // —
    {0x2015, C::inseparable},            // ― behaves like — (typesetting.md §3.7 row 5)
    {0x2018, C::opening_bracket},        // ‘
    {0x2019, C::closing_bracket},        // ’
    {0x201C, C::opening_bracket},        // “
    {0x201D, C::closing_bracket},        // ”
    {0x2025, C::inseparable},            // ‥
    {0x2026, C::inseparable},            // …
    {0x2030, C::postfixed_abbreviation}, // ‰
    {0x2032, C::postfixed_abbreviation}, // ′
    {0x2033, C::postfixed_abbreviation}, // ″
    {0x203C, C::dividing_punctuation},   // ‼
    {0x2042, C::ideographic},            // ⁂ (JLREQ cl-19)
    {0x2047, C::dividing_punctuation},   // ⁇
    {0x2048, C::dividing_punctuation},   // ⁈
    {0x2049, C::dividing_punctuation},   // ⁉
    {0x2051, C::ideographic},            // ⁑ (JLREQ cl-19)
    {0x20AC, C::prefixed_abbreviation},  // €
    {0x2103, C::postfixed_abbreviation}, // ℃
    {0x2109, C::postfixed_abbreviation}, // ℉
    {0x2113, C::postfixed_abbreviation}, // ℓ
    {0x2116, C::prefixed_abbreviation},  // №
    {0x21D2, C::math_symbol},            // ⇒ (JLREQ cl-17)
    {0x21D4, C::math_symbol},            // ⇔
    {0x2208, C::math_symbol},            // ∈
    {0x2209, C::math_symbol},            // ∉
    {0x220B, C::math_symbol},            // ∋
    {0x2212, C::math_operator},          // −
    {0x2213, C::math_operator},          // ∓
    {0x221D, C::math_symbol},            // ∝
    {0x2225, C::math_symbol},            // ∥
    {0x2226, C::math_symbol},            // ∦
    {0x2227, C::math_symbol},            // ∧
    {0x2228, C::math_symbol},            // ∨
    {0x2229, C::math_symbol},            // ∩
    {0x222A, C::math_symbol},            // ∪
    {0x223D, C::math_symbol},            // ∽
    {0x2243, C::math_symbol},            // ≃
    {0x2245, C::math_symbol},            // ≅
    {0x2248, C::math_symbol},            // ≈
    {0x2252, C::math_symbol},            // ≒
    {0x2260, C::math_symbol},            // ≠
    {0x2261, C::math_symbol},            // ≡
    {0x2262, C::math_symbol},            // ≢
    {0x2266, C::math_symbol},            // ≦
    {0x2267, C::math_symbol},            // ≧
    {0x226A, C::math_symbol},            // ≪
    {0x226B, C::math_symbol},            // ≫
    {0x2276, C::math_symbol},            // ≶
    {0x2277, C::math_symbol},            // ≷
    {0x2282, C::math_symbol},            // ⊂
    {0x2283, C::math_symbol},            // ⊃
    {0x2284, C::math_symbol},            // ⊄
    {0x2285, C::math_symbol},            // ⊅
    {0x2286, C::math_symbol},            // ⊆
    {0x2287, C::math_symbol},            // ⊇
    {0x228A, C::math_symbol},            // ⊊
    {0x228B, C::math_symbol},            // ⊋
    {0x2295, C::math_symbol},            // ⊕
    {0x2297, C::math_symbol},            // ⊗
    {0x22A5, C::math_symbol},            // ⊥
    {0x22DA, C::math_symbol},            // ⋚
    {0x22DB, C::math_symbol},            // ⋛
    {0x2305, C::math_symbol},            // ⌅
    {0x2306, C::math_symbol},            // ⌆
    {0x3000, C::ideographic_space},      // 　
    {0x3001, C::comma},                  // 、
    {0x3002, C::full_stop},              // 。
    {0x3005, C::iteration_mark},         // 々
    {0x3008, C::opening_bracket},        // 〈
    {0x3009, C::closing_bracket},        // 〉
    {0x300A, C::opening_bracket},        // 《
    {0x300B, C::closing_bracket},        // 》
    {0x300C, C::opening_bracket},        // 「
    {0x300D, C::closing_bracket},        // 」
    {0x300E, C::opening_bracket},        // 『
    {0x300F, C::closing_bracket},        // 』
    {0x3010, C::opening_bracket},        // 【
    {0x3011, C::closing_bracket},        // 】
    {0x3014, C::opening_bracket},        // 〔
    {0x3015, C::closing_bracket},        // 〕
    {0x3016, C::opening_bracket},        // 〖
    {0x3017, C::closing_bracket},        // 〗
    {0x3018, C::opening_bracket},        // 〘
    {0x3019, C::closing_bracket},        // 〙
    {0x301A, C::opening_bracket},        // 〚
    {0x301B, C::closing_bracket},        // 〛
    {0x301C, C::hyphen},                 // 〜
    {0x301D, C::opening_bracket},        // 〝
    {0x301E, C::closing_bracket},        // 〞 (closes 〝 in horizontal text)
    {0x301F, C::closing_bracket},        // 〟
    {0x3033, C::inseparable},            // 〳
    {0x3034, C::inseparable},            // 〴
    {0x3035, C::inseparable},            // 〵
    {0x303B, C::iteration_mark},         // 〻
    {0x309B, C::hiragana},               // ゛ spacing voiced mark: part of the kana run
    {0x309C, C::hiragana},               // ゜
    {0x309D, C::iteration_mark},         // ゝ
    {0x309E, C::iteration_mark},         // ゞ
    {0x309F, C::ideographic},            // ゟ (JLREQ cl-19)
    {0x30A0, C::hyphen},                 // ゠
    {0x30FB, C::middle_dot},             // ・
    {0x30FC, C::prolonged_sound_mark},   // ー
    {0x30FD, C::iteration_mark},         // ヽ
    {0x30FE, C::iteration_mark},         // ヾ
    {0x30FF, C::ideographic},            // ヿ (JLREQ cl-19)
    {0x3303, C::postfixed_abbreviation}, // ㌃
    {0x330D, C::postfixed_abbreviation}, // ㌍
    {0x3314, C::postfixed_abbreviation}, // ㌔
    {0x3318, C::postfixed_abbreviation}, // ㌘
    {0x3322, C::postfixed_abbreviation}, // ㌢
    {0x3323, C::postfixed_abbreviation}, // ㌣
    {0x3326, C::postfixed_abbreviation}, // ㌦
    {0x3327, C::postfixed_abbreviation}, // ㌧
    {0x332B, C::postfixed_abbreviation}, // ㌫
    {0x3336, C::postfixed_abbreviation}, // ㌶
    {0x333B, C::postfixed_abbreviation}, // ㌻
    {0x3349, C::postfixed_abbreviation}, // ㍉
    {0x334A, C::postfixed_abbreviation}, // ㍊
    {0x334D, C::postfixed_abbreviation}, // ㍍
    {0x3351, C::postfixed_abbreviation}, // ㍑
    {0x3357, C::postfixed_abbreviation}, // ㍗
    {0x338E, C::postfixed_abbreviation}, // ㎎
    {0x338F, C::postfixed_abbreviation}, // ㎏
    {0x339C, C::postfixed_abbreviation}, // ㎜
    {0x339D, C::postfixed_abbreviation}, // ㎝
    {0x339E, C::postfixed_abbreviation}, // ㎞
    {0x33A1, C::postfixed_abbreviation}, // ㎡
    {0x33C4, C::postfixed_abbreviation}, // ㏄
    {0x33CB, C::postfixed_abbreviation}, // ㏋
    {0xFF01, C::dividing_punctuation},   // ！
    {0xFF03, C::prefixed_abbreviation},  // ＃
    {0xFF04, C::prefixed_abbreviation},  // ＄
    {0xFF05, C::postfixed_abbreviation}, // ％
    {0xFF08, C::opening_bracket},        // （
    {0xFF09, C::closing_bracket},        // ）
    {0xFF0B, C::math_operator},          // ＋
    {0xFF0C, C::comma},                  // ，
    {0xFF0D, C::math_operator},          // － (CP932's full-width minus, JIS X 0213 U+2212)
    {0xFF0E, C::full_stop},              // ．
    {0xFF1A, C::middle_dot},             // ：
    {0xFF1B, C::middle_dot},             // ；
    {0xFF1C, C::math_symbol},            // ＜
    {0xFF1D, C::math_symbol},            // ＝
    {0xFF1E, C::math_symbol},            // ＞
    {0xFF1F, C::dividing_punctuation},   // ？
    {0xFF3B, C::opening_bracket},        // ［
    {0xFF3D, C::closing_bracket},        // ］
    {0xFF5B, C::opening_bracket},        // ｛
    {0xFF5D, C::closing_bracket},        // ｝
    {0xFF5E, C::hyphen},                 // ～ tailoring: as 〜 U+301C (typesetting.md §2.1)
    {0xFF5F, C::opening_bracket},        // ｟
    {0xFF60, C::closing_bracket},        // ｠
    {0xFF61, C::full_stop},              // ｡
    {0xFF62, C::opening_bracket},        // ｢
    {0xFF63, C::closing_bracket},        // ｣
    {0xFF64, C::comma},                  // ､
    {0xFF65, C::middle_dot},             // ･
    {0xFF70, C::prolonged_sound_mark},   // ｰ
    {0xFF9E, C::katakana},               // ﾞ spacing voiced mark: part of the kana run
    {0xFF9F, C::katakana},               // ﾟ
    {0xFFE0, C::postfixed_abbreviation}, // ￠
    {0xFFE1, C::prefixed_abbreviation},  // ￡
    {0xFFE5, C::prefixed_abbreviation},  // ￥
    {0xFFE6, C::prefixed_abbreviation},  // ￦
    {0x2985, C::opening_bracket},        // ⦅
    {0x2986, C::closing_bracket},        // ⦆
};

// The non-ASCII symbols of JLREQ's cl-19 list (appendix "Ideographic characters"; the list
// uses the JIS X 0213 code points). Most are also caught by the AI / East Asian Width rules
// below; listing them keeps JLREQ's choice independent of those properties. Its Greek and
// Cyrillic letters are deliberately not here (Western, see the header). Sorted, inclusive.
constexpr std::pair<char32_t, char32_t> kJlreqIdeographicSymbols[] = {
    {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x2016, 0x2016}, {0x2020, 0x2022}, {0x203B, 0x203B},
    {0x2121, 0x2121}, {0x2153, 0x2155}, {0x2160, 0x216B}, {0x2170, 0x217B}, {0x2190, 0x2194},
    {0x2196, 0x2199}, {0x21C4, 0x21C4}, {0x21E6, 0x21E9}, {0x221A, 0x221A}, {0x221E, 0x221F},
    {0x222B, 0x222C}, {0x2234, 0x2235}, {0x2296, 0x2296}, {0x22BF, 0x22BF}, {0x2318, 0x2318},
    {0x23CE, 0x23CE}, {0x2423, 0x2423}, {0x2460, 0x2473}, {0x24D0, 0x24E9}, {0x24EB, 0x24FE},
    {0x25A0, 0x25A1}, {0x25B1, 0x25B3}, {0x25B6, 0x25B7}, {0x25BC, 0x25BD}, {0x25C0, 0x25C1},
    {0x25C6, 0x25C7}, {0x25C9, 0x25C9}, {0x25CB, 0x25CB}, {0x25CE, 0x25D3}, {0x25E6, 0x25E6},
    {0x25EF, 0x25EF}, {0x2600, 0x2603}, {0x2605, 0x2606}, {0x260E, 0x260E}, {0x2616, 0x2617},
    {0x261E, 0x261E}, {0x2640, 0x2640}, {0x2642, 0x2642}, {0x2660, 0x266F}, {0x2713, 0x2713},
    {0x2756, 0x2756}, {0x2776, 0x277F}, {0x2934, 0x2935}, {0x29BF, 0x29BF}, {0x29FA, 0x29FB},
};

bool is_jlreq_ideographic_symbol(char32_t c) {
    const auto* end = std::end(kJlreqIdeographicSymbols);
    const auto* it = std::lower_bound(std::begin(kJlreqIdeographicSymbols), end, c,
                                      [](const auto& r, char32_t v) { return r.second < v; });
    return it != end && it->first <= c;
}

// The table above is written in reading order; the lookup needs it sorted.
std::vector<Entry> sorted_explicit() {
    std::vector<Entry> v(std::begin(kExplicit), std::end(kExplicit));
    std::sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) { return a.cp < b.cp; });
    return v;
}

bool is_explicit(char32_t c, CharClass& out) {
    static const std::vector<Entry> table = sorted_explicit();
    const auto it = std::lower_bound(table.begin(), table.end(), c,
                                     [](const Entry& e, char32_t v) { return e.cp < v; });
    if (it != table.end() && it->cp == c) {
        out = it->cls;
        return true;
    }
    return false;
}

int prop(char32_t c, UProperty p) {
    return u_getIntPropertyValue(static_cast<UChar32>(c), p);
}

// The long tail, from ICU's Unicode 15 properties. Rule order matters; see the header for
// the policy each step implements.
CharClass classify_slow(char32_t c) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return C::other;
    CharClass explicit_class;
    if (is_explicit(c, explicit_class)) return explicit_class;
    if (is_jlreq_ideographic_symbol(c)) return C::ideographic;

    if (c < 0x80) {
        if (c < 0x20 || c == 0x7F) return C::other;
        if (c == U' ') return C::western_space;
        if (c >= U'0' && c <= U'9') return C::grouped_numeral;
        return C::western;
    }

    const auto uc = static_cast<UChar32>(c);
    const int8_t gc = u_charType(uc);
    // Marks and selectors belong to their base (typesetting.md §6.3: never separate a
    // variation selector from its ideograph). E0020–E007F are emoji tag characters.
    if (u_hasBinaryProperty(uc, UCHAR_VARIATION_SELECTOR) || c == 0x200C || c == 0x200D ||
        gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_COMBINING_SPACING_MARK ||
        (c >= 0xE0020 && c <= 0xE007F)) {
        return C::combining;
    }
    if (gc == U_SPACE_SEPARATOR) return C::western_space;
    if (gc == U_PRIVATE_USE_CHAR) return C::ideographic;  // 外字
    if (gc == U_UNASSIGNED) {
        // UAX #14 gives unassigned code points in the ideograph planes LB=ID: they can only
        // become ideographs (Unicode 15.1 Ext. I is already there, ICU 72 does not know it).
        return prop(c, UCHAR_LINE_BREAK) == U_LB_IDEOGRAPHIC ? C::ideographic : C::other;
    }
    if (gc == U_CONTROL_CHAR || gc == U_FORMAT_CHAR || gc == U_SURROGATE ||
        gc == U_LINE_SEPARATOR || gc == U_PARAGRAPH_SEPARATOR) {
        return C::other;
    }
    const int lb = prop(c, UCHAR_LINE_BREAK);
    // LB=CJ is exactly the small kana (and ー ｰ, handled above): JLREQ cl-11.
    if (lb == U_LB_CONDITIONAL_JAPANESE_STARTER) return C::small_kana;

    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(uc, &status);
    const bool letter = gc == U_UPPERCASE_LETTER || gc == U_LOWERCASE_LETTER ||
                        gc == U_TITLECASE_LETTER || gc == U_MODIFIER_LETTER ||
                        gc == U_OTHER_LETTER;
    if (U_SUCCESS(status)) {
        if (script == USCRIPT_HIRAGANA && letter) return C::hiragana;
        if (script == USCRIPT_KATAKANA && letter) return C::katakana;
        if (script == USCRIPT_HAN) return C::ideographic;
    }
    // UAX #14 LB1 lets East Asian text resolve AI (ambiguous) to ID; JLREQ puts these symbols
    // in cl-19 (typesetting.md §3.7 row 4). Letters (Å) and super/subscripts (² ⁴ ™) stay
    // Western, and so does Latin-1 below U+2000 except the JLREQ entries listed above.
    if (lb == U_LB_AMBIGUOUS && c >= 0x2000 && !letter) {
        const int dt = prop(c, UCHAR_DECOMPOSITION_TYPE);
        if (dt != U_DT_SUPER && dt != U_DT_SUB) return C::ideographic;
    }
    const int eaw = prop(c, UCHAR_EAST_ASIAN_WIDTH);
    if (eaw == U_EA_FULLWIDTH || eaw == U_EA_WIDE) return C::ideographic;
    return C::western;
}

}  // namespace

int jlreq_number(CharClass c) {
    switch (c) {
    case C::combining:
    case C::other:
        return 0;
    default:
        return static_cast<int>(c);
    }
}

const char* class_label(CharClass c) {
    switch (c) {
    case C::other: return "other";
    case C::opening_bracket: return "cl-01";
    case C::closing_bracket: return "cl-02";
    case C::hyphen: return "cl-03";
    case C::dividing_punctuation: return "cl-04";
    case C::middle_dot: return "cl-05";
    case C::full_stop: return "cl-06";
    case C::comma: return "cl-07";
    case C::inseparable: return "cl-08";
    case C::iteration_mark: return "cl-09";
    case C::prolonged_sound_mark: return "cl-10";
    case C::small_kana: return "cl-11";
    case C::prefixed_abbreviation: return "cl-12";
    case C::postfixed_abbreviation: return "cl-13";
    case C::ideographic_space: return "cl-14";
    case C::hiragana: return "cl-15";
    case C::katakana: return "cl-16";
    case C::math_symbol: return "cl-17";
    case C::math_operator: return "cl-18";
    case C::ideographic: return "cl-19";
    case C::grouped_numeral: return "cl-24";
    case C::unit_symbol: return "cl-25";
    case C::western_space: return "cl-26";
    case C::western: return "cl-27";
    case C::combining: return "combining";
    }
    return "other";
}

CharClass char_class(char32_t c) {
    // A memo of the BMP, filled one code point at a time as text asks for it: one load per
    // character afterwards. (Filling all 65,536 entries up front took 25 million instructions
    // of ICU lookups at every start: an eighth of rendering the seed document, bench/.)
    // Each entry holds the class + 1, 0 meaning "not yet known"; threads racing on an entry
    // store the same value, and relaxed atomics make the race well defined. Zero-initialised
    // static storage: no start-up cost, 64 KiB of memory only where touched.
    static std::atomic<std::uint8_t> bmp[0x10000];
    if (c >= 0x10000) return classify_slow(c);
    const std::uint8_t known = bmp[c].load(std::memory_order_relaxed);
    if (known != 0) return static_cast<CharClass>(known - 1);
    const CharClass cls = classify_slow(c);
    bmp[c].store(static_cast<std::uint8_t>(static_cast<std::uint8_t>(cls) + 1), std::memory_order_relaxed);
    return cls;
}

std::vector<CharClass> classify(std::u32string_view text) {
    std::vector<CharClass> out;
    out.reserve(text.size());
    for (char32_t c : text) out.push_back(char_class(c));
    const auto ascii_digit = [&](std::size_t i) { return text[i] >= U'0' && text[i] <= U'9'; };
    // JLREQ cl-24: the comma and full stop inside a European numeral belong to it.
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if ((text[i] == U',' || text[i] == U'.') && ascii_digit(i - 1) && ascii_digit(i + 1)) {
            out[i] = C::grouped_numeral;
        }
    }
    return out;
}

bool is_half_width_punctuation(CharClass c) {
    return c == C::opening_bracket || c == C::closing_bracket || c == C::middle_dot ||
           c == C::full_stop || c == C::comma;
}

bool is_japanese(CharClass c) {
    return c == C::iteration_mark || c == C::prolonged_sound_mark || c == C::small_kana ||
           c == C::hiragana || c == C::katakana || c == C::ideographic;
}

bool is_western(CharClass c) {
    return c == C::grouped_numeral || c == C::unit_symbol || c == C::western;
}

bool never_starts_line(CharClass c) {
    return c == C::closing_bracket || c == C::full_stop || c == C::comma;
}

bool never_ends_line(CharClass c) {
    return c == C::opening_bracket || c == C::prefixed_abbreviation;
}

}  // namespace gijiroku::text
