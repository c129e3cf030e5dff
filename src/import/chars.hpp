// Character helpers shared by the import stages. The stages work on UTF-32 so that a
// recogniser can index characters; text goes back to UTF-8 unchanged (no normalisation).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gijiroku::import {

using U32 = std::u32string;
using U32View = std::u32string_view;

U32 to_u32(std::string_view utf8);
std::string to_utf8(U32View s);

// White space as the import sees it: ASCII space and tab, U+3000 (全角スペース), NBSP and
// the other Unicode spaces PDF extraction produces.
bool is_space(char32_t c);
// ASCII or full-width digit value (0–9), or -1.
int digit_value(char32_t c);
// Half-width Latin letter or digit, or a Latin-1 letter: the characters between which a line
// break stands for a space (JLREQ cl-27 Western characters).
bool is_latin_word_char(char32_t c);
// Kanji (CJK unified and compatibility ideographs, 々 〆 ヶ), hiragana or katakana.
bool is_japanese(char32_t c);
bool is_kanji(char32_t c);
bool is_katakana(char32_t c);

U32View trim(U32View s);
U32 without_spaces(U32View s);
bool starts_with(U32View s, U32View prefix);
bool ends_with(U32View s, U32View suffix);
// The display width of `s` in columns (a full-width character counts 2), for comparing line
// lengths of `pdftotext -layout` output.
int display_width(U32View s);

// Reads a run of digits (either width) at `pos`; nullopt when there is none or it has more
// than 9 digits. `mixed` is set when the run mixes half- and full-width digits (「2５」).
struct Number {
    int value = 0;
    std::size_t length = 0;
    bool mixed = false;
};
std::optional<Number> read_number(U32View s, std::size_t pos);

// Splits at `sep` characters that stand outside brackets （）()【】「」『』〈〉＜＞[].
std::vector<U32> split_top_level(U32View s, U32View separators);

}  // namespace gijiroku::import
