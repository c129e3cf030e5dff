// Small recognisers of stage 3 (and of stage 2, which must know where a block starts): the
// numbering of headings and particulars in their usual spellings, document kinds, label
// words written with 均等割り spaces (「日　　時」), and what makes a line start a new block.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/chars.hpp"
#include "model/minutes.hpp"

namespace gijiroku::import {

// The numbering styles of 公用文 and of municipal minutes (typesetting.md §4.2). Two headings
// with the same style are siblings; a new style is one level deeper (the usual way numbered
// outlines nest: 1 → （1） → ア → （ア）).
enum class NumberStyle : unsigned char {
    decimal,           // 1  1.  １．  1、
    paren_decimal,     // （1）  (1)  （１）
    close_decimal,     // 1)  １）
    katakana,          // ア  ア．
    paren_katakana,    // （ア）  (ア)
    circled,           // ①
    latin,             // a.  a)
    paren_latin,       // (a)
    kanji,             // 一、 二．
    dai,               // 第1  第１
    nichitei,          // 日程第1
    mark,              // ○ ・ before a heading that the agenda lists (never from leading_numbering)
};

struct Numbering {
    NumberStyle style = NumberStyle::decimal;
    int value = 0;
    std::size_t length = 0;  // characters taken, with the separator and spaces after it
    bool separated = false;  // a separator (space, ．, 、, …) or a closing bracket ends it
};

// The numbering at the start of `s`. Styles without brackets (1 ア 第1) need a separator
// after them unless `loose` is set (text copied from the PDF often loses the space:
// 「1日時」); 「２１の区協議会」 is never numbering because 21 is followed by a kana.
std::optional<Numbering> leading_numbering(U32View s, bool loose = false);

// The value of a katakana counter (ア=1 … ワ=44, 五十音 order without ヰ ヱ ヲ ン), or 0.
int katakana_value(char32_t c);

// How strongly a line announces a new block (for joining hard-wrapped lines):
//   strong — bullets ・ ○ ● → ※ 【, numbering, 問/答, 以上, a line of marks (is_symbol_line):
//            never the continuation of a line;
//   weak   — 「（」 (a heading like （主な意見等） or （欠席）, or a wrapped 「（仮称）」),
//            「資料1」, a label word, 「委員：」: a new block unless the previous line is unfinished.
enum class Strength : unsigned char { none, weak, strong };
Strength start_strength(U32View line);

// Marks that open a bullet item: ・ ● ◦ ■ □ ◆ ◇ ▪ (not ○, which also opens speaker turns).
bool is_bullet(char32_t c);
// ○ U+25CB, ◯ U+25EF, 〇 U+3007 (typed for ○), ◎ U+25CE.
bool is_circle(char32_t c);

// A line of marks rather than text: it holds no letter or digit (「＊＊＊」「――――」), or it
// opens with two marks in a row (「◆◆ 判読できない行 ◆◆」「・・・」), which no bullet does. Such
// a line is what OCR, a damaged file or a decoration leaves; it is never a bullet, a heading or
// the continuation of a line, and it is always reported (W601). Circles are not marks here:
// 「○○委員」 is a name withheld (伏字), not decoration.
bool is_symbol_line(U32View line);

// The kind of document a title word names: 議事要旨 summary, 議事概要 outline, 議事録 record,
// 会議録 proceedings, 審議結果 results, and the municipal 会議要旨/会議概要.
std::optional<model::DocumentKind> kind_of_word(U32View word);

// Whether `s` starts with `label`, allowing white space between its characters (「日　　時」
// for 日時, 「議 事 要 旨」) — the 均等割り spacing of a printed label. Returns the number of
// characters of `s` taken, or 0.
std::size_t match_spaced(U32View s, U32View label);

// A heading of the proceedings: 議事, 議事概要, 議事の経過, 会議の経過, 議事内容, 審議経過,
// 議事要旨 …, alone or followed by a bracketed remark (議事概要（委員からの主な御意見等）).
bool is_proceedings_heading(U32View s, U32View template_heading);

// The text ends a sentence: 。．？！ or a closing bracket after one.
bool ends_sentence(U32View s);
// The text reads as prose: it ends a sentence, or holds a 。 and is long.
bool is_prose(U32View s);

}  // namespace gijiroku::import
