// Stage 2 of import: lines → blocks (paragraph-level units). Hard-wrapped lines are joined:
// Japanese with no space, a break between two Latin words as one space (JLREQ: Japanese has no
// inter-word space; a Western line break is a space). A line is the end of its block when it is
// short and finished; a line that is full (near the measure of the text) or ends in 、 is
// continued by the next one unless that one starts a block (・ （１） ○ 【 …, recognise.hpp).
// A block split by a page break (blank lines, a form feed or a dropped page number between its
// halves) is joined the same way. Stray ASCII spaces that PDF extraction leaves after 、 。 ）
// (「上坂委員、 髙山委員」) are removed, each with a note (N601).
//
// A line that stands between a line and its continuation (an odd sentence, a line of marks, a
// stray head left by a page break) does not end the paragraph it interrupts: the paragraph is
// joined around it and the line becomes a block of its own right after it, marked `stray` for
// stage 3 to report (W601). The continuation is recognised by the line before the odd one being
// unfinished (full, or ending in 、) and the line after it being unable to start a paragraph:
// it begins with a character no word begins with (small kana, ー, ん, を), or it is a fragment
// (「は。」). When the text cannot tell — the line after the odd one starts a paragraph without a
// mark, which the text does nowhere else at that indent, or a line set apart by blank lines
// follows a line that does not finish its paragraph — the lines are kept as read and both are
// named in a warning (W606).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "import/chars.hpp"
#include "import/source_lines.hpp"

namespace gijiroku::import {

struct Block {
    U32 text;
    std::uint32_t line = 0;  // the input line the block starts on
    // Where each joined input line starts in `text` (character offset, line number), so a
    // recogniser can name the exact line of a part of the block.
    std::vector<std::pair<std::size_t, std::uint32_t>> starts;
    int indent = 0;           // of the first line
    int blank_before = 0;     // blank lines between this block and the previous one
    bool page_break_before = false;
    bool table_row = false;   // a row of cells separated by 「 | 」 (never joined)
    // A line that interrupted the paragraph starting at `interrupted` (its line), which was
    // joined around it; stage 3 keeps it as a paragraph and reports it.
    bool stray = false;
    std::uint32_t interrupted = 0;
    // Named in a W606 as maybe the rest of the paragraph before the line before it (which the
    // text could not tell): a later stage that knows more (a list of names never holds a
    // sentence) may join it.
    bool maybe_rest = false;
    // The last line, when it finishes a sentence right after a line that stops mid-sentence or
    // at the measure (「…第６条第」「…公開する。」): the usual end of a wrapped paragraph, or a line
    // out of place that the paragraph took in; a later stage that finds the next block out of
    // place names it.
    std::uint32_t end_after_open = 0;

    std::uint32_t line_at(std::size_t offset) const;
};

// The measure of the text in display columns: the widest width that at least three lines (and
// one in twenty) reach within three columns, or 0 when lines are not hard-wrapped (text copied
// from Word, or `gijiroku render --dump text`: one block per line).
int measure_of(const std::vector<SourceLine>& lines);

// `strict`: the doubts it reports (W606) are errors.
std::vector<Block> make_blocks(const std::vector<SourceLine>& lines, std::string_view file, Diagnostics& diags,
                               bool strict = false);

// Whether a line is a table row flattened to cells: 「区分 | 計画値 | 実績値」.
bool is_table_row(U32View line);

}  // namespace gijiroku::import
