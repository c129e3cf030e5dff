// JLREQ character classes (W3C "Requirements for Japanese Text Layout", appendix A
// "Character Classes"; typesetting.md §2.1) with this project's tailorings.
//
// The layout engine decides widths, aki (JLREQ Table 1) and adjustment (Tables 3–6) from these
// classes; text/line_breaks.hpp decides break opportunities (Table 2) from them. Everything
// here is pure lookup: no ICU type appears, and char_class() is a table read for the BMP.
//
// Tailorings (typesetting.md §2.1, §3.7), all deliberate:
//   * Full-width FFxx forms take the class of their generic counterpart (JLREQ lists generic
//     code points and says Japanese text uses the full-width forms): （ U+FF08 is cl-01,
//     ！ U+FF01 cl-04, ： U+FF1A cl-05, ％ U+FF05 cl-13, ＝ U+FF1D cl-17, － U+FF0D cl-18
//     (CP932's full-width minus), and full-width digits, letters and ＆＊／＠＼｜ are cl-19.
//   * ～ U+FF5E is a hyphen (cl-03) like 〜 U+301C: Windows/CP932 input produces U+FF5E.
//   * ― U+2015 is inseparable (cl-08) like — U+2014.
//   * Half-width ASCII is Western: letters and punctuation cl-27 (a half-width "(" is a
//     proportional Western glyph, not a half-em bracket body), digits cl-24, space cl-26.
//     Exceptions taken from JLREQ's own lists: $ # are cl-12, % is cl-13.
//   * Symbols whose UAX #14 class is AI (ambiguous) or whose East Asian Width is F/W are
//     cl-19 (※ → ○ ● ◎ □ ■ △ ▲ ☆ ★ ①–⑳ § ¶ …), as are 〒 〃 〆 〇, the JLREQ cl-19 symbol
//     list, all Han (unified, compatibility, extensions B and later) and private-use
//     characters (外字 are kanji in practice).
//   * Greek and Cyrillic letters are Western (cl-27). JLREQ lists the JIS X 0208 ones in both
//     cl-19 and cl-27; minutes use them in Western words and formulas.
//   * Combining marks, variation selectors (VS1–VS16, VS17–VS256) and ZWJ/ZWNJ are a class
//     of their own, `combining`: they belong to the preceding base character and are laid
//     out and broken with it.
//
// Classes that only exist in context (cl-20…23 ruby/ornament complexes, cl-25 unit symbols,
// cl-28…30 warichu and tate-chu-yoko) are never returned by char_class(); cl-25 exists in the
// enum so that callers who know a run is a unit symbol (style markup) can say so.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gijiroku::text {

// One JLREQ class. The numeric value of a JLREQ class is its cl-NN number, so a dump can
// print it directly; `combining` and `other` have no JLREQ number.
enum class CharClass : std::uint8_t {
    other = 0,                    // controls, format characters, unassigned, surrogates
    opening_bracket = 1,          // cl-01 始め括弧類  （ 「 『 【 〔 ［ ｛ 〈 《 ‘ “ «
    closing_bracket = 2,          // cl-02 終わり括弧類  ） 」 』 】 〕 ］ ｝ 〉 》 ’ ” »
    hyphen = 3,                   // cl-03 ハイフン類  ‐ 〜 ゠ – ～
    dividing_punctuation = 4,     // cl-04 区切り約物  ！ ？ ‼ ⁇ ⁈ ⁉
    middle_dot = 5,               // cl-05 中点類  ・ ： ；
    full_stop = 6,                // cl-06 句点類  。 ．
    comma = 7,                    // cl-07 読点類  、 ，
    inseparable = 8,              // cl-08 分離禁止文字  — ― … ‥ 〳 〴 〵
    iteration_mark = 9,           // cl-09 繰返し記号  々 〻 ゝ ゞ ヽ ヾ
    prolonged_sound_mark = 10,    // cl-10 長音記号  ー
    small_kana = 11,              // cl-11 小書きの仮名  ぁ っ ゃ ァ ッ ャ ㇰ …
    prefixed_abbreviation = 12,   // cl-12 前置省略記号  ￥ ＄ ￡ ＃ € №
    postfixed_abbreviation = 13,  // cl-13 後置省略記号  ° ′ ″ ℃ ￠ ％ ‰ ㎏ ㌔ …
    ideographic_space = 14,       // cl-14 和字間隔  U+3000
    hiragana = 15,                // cl-15 平仮名
    katakana = 16,                // cl-16 片仮名
    math_symbol = 17,             // cl-17 等号類  ＝ ≠ ＜ ＞ ≦ ≧ …
    math_operator = 18,           // cl-18 演算記号  ＋ − × ÷ ± ∓
    ideographic = 19,             // cl-19 漢字等  kanji, full-width digits/Latin, ※ → ○ ① 〒 …
    grouped_numeral = 24,         // cl-24 連数字中の文字  half-width 0–9 (and , . inside a number)
    unit_symbol = 25,             // cl-25 単位記号中の文字  (context only; see above)
    western_space = 26,           // cl-26 欧文間隔  U+0020 and other Western spaces
    western = 27,                 // cl-27 欧文用文字  Latin, Greek, Cyrillic, Western punctuation
    combining = 100,              // not JLREQ: combining marks, VS1–256, ZWJ/ZWNJ
};

// The JLREQ class number (1 for cl-01 … 27 for cl-27); 0 for `combining` and `other`.
int jlreq_number(CharClass c);

// A stable ASCII name for dumps and test output: "cl-01", …, "cl-27", "combining", "other".
const char* class_label(CharClass c);

// The class of one code point, context-free. A table lookup for the BMP (built once, thread
// safe, immutable); an ICU property lookup above it. Values above U+10FFFF and surrogates are
// `other`.
CharClass char_class(char32_t c);

// The classes of a whole text, with the context-dependent refinements JLREQ describes:
// a "," or "." between two half-width digits is part of the number (cl-24: `1,000`, `3.14`).
// Everything else equals char_class() of the code point. Size = text.size().
std::vector<CharClass> classify(std::u32string_view text);

// Classes whose glyph the layout engine sets half-width (the other half is aki that JLREQ
// Table 1 adds or removes by context, typesetting.md §2.4): cl-01, cl-02, cl-05, cl-06,
// cl-07.
bool is_half_width_punctuation(CharClass c);

// The "J" group of typesetting.md §2.4: kana and kanji that are set solid with each other
// and get Japanese–Western aki next to cl-24/25/27 (cl-09, 10, 11, 15, 16, 19).
bool is_japanese(CharClass c);

// The "D / W" group of typesetting.md §2.4: half-width numerals, unit symbols and Western
// characters (cl-24, 25, 27).
bool is_western(CharClass c);

// Characters that never start a line at any JLREQ level (JLREQ Addendum to Table 2):
// cl-02, cl-06, cl-07.
bool never_starts_line(CharClass c);

// Characters that never end a line at any supported level: cl-01 (JLREQ §3.1.8) and cl-12
// (JLREQ Table 2 row cl-12; only the newspaper level 1, which we do not offer, relaxes it).
bool never_ends_line(CharClass c);

}  // namespace gijiroku::text
