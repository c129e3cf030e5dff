#include "import/blocks.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>

#include "import/recognise.hpp"

namespace gijiroku::import {

std::uint32_t Block::line_at(std::size_t offset) const {
    std::uint32_t l = line;
    for (const auto& [at, n] : starts)
        if (at <= offset) l = n;
    return l;
}

bool is_table_row(U32View line) {
    std::size_t bars = 0;
    for (std::size_t i = 0; i + 2 < line.size(); ++i)
        if (is_space(line[i]) && (line[i + 1] == U'|' || line[i + 1] == U'｜') && is_space(line[i + 2])) ++bars;
    return bars >= 1;
}

int measure_of(const std::vector<SourceLine>& lines) {
    std::vector<int> widths;
    for (const SourceLine& l : lines)
        if (!l.text.empty() && !is_table_row(l.text)) widths.push_back(l.width);
    if (widths.size() < 3) return 0;
    std::sort(widths.begin(), widths.end());
    const std::size_t need = std::max<std::size_t>(3, widths.size() / 20);
    // From the widest down: the first width w with `need` lines in [w-3, w].
    for (std::size_t i = widths.size(); i-- > 0;) {
        const int w = widths[i];
        const auto lo = std::lower_bound(widths.begin(), widths.end(), w - 3);
        const auto count = static_cast<std::size_t>(widths.begin() + static_cast<std::ptrdiff_t>(i) + 1 - lo);
        if (count >= need) {
            // The measure is the widest line of a wrapped text: a few lines beyond it (a table
            // row, a URL) are allowed, many are not.
            const std::size_t wider = widths.size() - 1 - i;
            if (wider > std::max<std::size_t>(2, widths.size() / 20)) return 0;
            // Hard-wrapped text breaks lines mid-sentence: most lines near the measure end
            // without a full stop or closing bracket, and they are a good part of the text.
            // Text with one paragraph per line (Word, `render --dump text`) has long lines that
            // end sentences, and short lines of every length; it has no measure.
            std::size_t band = 0, open = 0;
            for (const SourceLine& l : lines) {
                if (l.text.empty() || is_table_row(l.text) || l.width * 100 < w * 85) continue;
                ++band;
                const char32_t last = l.text.back();
                if (!(last == U'。' || last == U'．' || last == U'？' || last == U'！' || last == U'）' || last == U'」' ||
                      last == U'』' || last == U')'))
                    ++open;
            }
            if (band < 4 || band * 4 < widths.size()) return 0;
            return open * 10 >= band * 6 ? w : 0;
        }
    }
    return 0;
}

namespace {

// Characters after which a line cannot have ended its block: a comma, an opening bracket, a
// middle dot (JLREQ cl-01 opening brackets and cl-07 commas never end a paragraph).
bool unfinished_end(char32_t c) {
    return c == U'、' || c == U'，' || c == U',' || c == U'（' || c == U'(' || c == U'「' || c == U'『' ||
           c == U'【' || c == U'〈' || c == U'《' || c == U'・' || c == U'＜';
}

bool closes_phrase(char32_t c) { return c == U'、' || c == U'。' || c == U'，' || c == U'．'; }

bool is_comma_or_stop(char32_t c) { return closes_phrase(c) || c == U',' ; }

bool no_line_start(char32_t c) {
    return c == U'、' || c == U'。' || c == U'，' || c == U'．' || c == U'）' || c == U'」' || c == U'』' || c == U'】' ||
           c == U'〉' || c == U'》';
}

// 「資料1」「資料 1 − 2」「参考資料2」「別紙1」 at the start of a line (a particular's label and
// number before it allowed: 「4 配付資料 資料 1 …」).
bool handout_number_at(U32View t, std::size_t at) {
    for (U32View p : {U32View(U"参考資料"), U32View(U"資料"), U32View(U"別紙"), U32View(U"別添")}) {
        if (t.substr(at, p.size()) != p) continue;
        std::size_t k = at + p.size();
        while (k < t.size() && is_space(t[k])) ++k;
        return k < t.size() && (digit_value(t[k]) >= 0 || (t[k] >= U'A' && t[k] <= U'Z') || (t[k] >= U'Ａ' && t[k] <= U'Ｚ'));
    }
    return false;
}

bool handout_start(U32View t) {
    if (handout_number_at(t, 0)) return true;
    std::size_t at = 0;
    if (auto n = leading_numbering(t, true)) at = n->length;
    for (U32View label : {U32View(U"配付資料"), U32View(U"配布資料"), U32View(U"資料")}) {
        const std::size_t len = match_spaced(t.substr(at), label);
        if (len && at + len < t.size() && is_space(t[at + len])) {
            std::size_t k = at + len;
            while (k < t.size() && is_space(t[k])) ++k;
            return handout_number_at(t, k);
        }
    }
    return false;
}

bool ascii_alnum(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }

}  // namespace

std::vector<Block> make_blocks(const std::vector<SourceLine>& lines, std::string_view file, Diagnostics& diags, bool strict) {
    const int measure = measure_of(lines);
    // A line near the measure is full. Word and PDF lines of one document vary by several
    // characters (the seed: 45–49 per line, typesetting.md §0) because of kinsoku (追い出し,
    // 追い込み), compressed punctuation and half-width digits, so "near" is within 15 %; a line
    // that ends a sentence short of the last four columns is taken as finished.
    auto full = [&](const SourceLine& l) {
        if (measure <= 0 || l.width * 100 < measure * 85) return false;
        const char32_t last = l.text.back();
        return l.width >= measure - 4 || !(last == U'。' || last == U'．' || last == U'？' || last == U'！');
    };

    // Some extractions double-space every line (the seed: an empty line after each line of
    // text). The usual gap between two lines of text is the baseline; only blank lines beyond
    // it separate paragraphs or pages.
    int baseline = 0;
    int tight_lines = 0;  // lines closer than the baseline to the line before them
    {
        std::map<int, int> gaps;
        int run = 0;
        bool seen = false;
        for (const SourceLine& l : lines) {
            if (l.text.empty()) {
                ++run;
                continue;
            }
            if (seen) ++gaps[run];
            seen = true;
            run = 0;
        }
        int best = 0;
        for (const auto& [gap, count] : gaps)
            if (count > best) {
                best = count;
                baseline = gap;
            }
        for (const auto& [gap, count] : gaps)
            if (gap < baseline) tight_lines += count;
    }

    // Tables set in columns: pdftotext -layout separates the cells with runs of spaces, Word's
    // "plain text" with tabs. Two or more lines in a row with the same number of such cells
    // become rows 「a | b | c」, and are never joined.
    std::vector<U32> column_rows(lines.size());
    {
        auto cells_of = [](U32View t) {
            std::vector<U32> cells;
            U32 cur;
            bool tabbed = false;
            for (std::size_t i = 0; i < t.size(); ++i) {
                std::size_t j = i;
                while (j < t.size() && (t[j] == U' ' || t[j] == U'\t')) ++j;
                const bool tab = std::find(t.begin() + static_cast<std::ptrdiff_t>(i), t.begin() + static_cast<std::ptrdiff_t>(j), U'\t') !=
                                 t.begin() + static_cast<std::ptrdiff_t>(j);
                if (j > i && (tab || j - i >= 2)) {
                    tabbed = tabbed || tab;
                    cells.push_back(std::move(cur));
                    cur.clear();
                    i = j - 1;
                    continue;
                }
                cur += t[i];
            }
            cells.push_back(std::move(cur));
            const bool cell_like = std::all_of(cells.begin(), cells.end(), [](const U32& c) {
                return !c.empty() && c.size() <= 24 && c.find_first_of(U"、。") == U32::npos;
            });
            if (!cell_like || cells.size() < (tabbed ? 2u : 3u)) cells.clear();
            return cells;
        };
        std::vector<std::vector<U32>> cells(lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (!lines[i].text.empty() && !is_table_row(lines[i].text)) cells[i] = cells_of(lines[i].text);
        for (std::size_t i = 0; i < lines.size();) {
            std::size_t j = i;
            while (j < lines.size() && !cells[j].empty() && cells[j].size() == cells[i].size()) ++j;
            // One row, a line that is not one, then rows with as many cells: the first row of
            // the table, cut off from the rest by a stray line.
            const bool cut_off = j - i == 1 && j + 2 < lines.size() && !cells[i].empty() && cells[j].empty() &&
                                 !lines[j].text.empty() && cells[j + 1].size() == cells[i].size() &&
                                 cells[j + 2].size() == cells[i].size();
            if (j - i >= 2 || cut_off)
                for (std::size_t k = i; k < j; ++k) {
                    U32 row;
                    for (const U32& c : cells[k]) row += (row.empty() ? U"" : U" | ") + c;
                    column_rows[k] = row;
                }
            i = std::max(j, i + 1);
        }
    }

    // A line that ends its paragraph: a finished sentence short of the measure.
    auto finished = [&](const SourceLine& l) { return ends_sentence(l.text) && !full(l); };
    // A line that cannot end its paragraph: it stops at the measure mid-sentence, or on 、.
    auto unfinished = [&](const SourceLine& l) {
        return (full(l) && !ends_sentence(l.text)) || unfinished_end(l.text.back());
    };
    // An unmarked line right after a finished one, with no gap: a paragraph that starts flush,
    // without a mark. Counted per indent over the whole text: a text that never does this at
    // some indent (the seed: every paragraph opens with ・, （ or a heading) cannot be starting
    // one there now, so such a line is the continuation of an interrupted paragraph.
    auto flush_start = [&](const SourceLine& prev, int gap, bool page, const SourceLine& l) {
        return gap == 0 && !page && finished(prev) && start_strength(l.text) == Strength::none &&
               !no_line_start(l.text.front()) && !is_table_row(l.text);
    };
    std::map<int, int> flush_at;
    {
        const SourceLine* prev = nullptr;
        int run = 0;
        bool page = false;
        for (const SourceLine& l : lines) {
            if (l.page_break) page = true;
            if (l.text.empty()) {
                ++run;
                continue;
            }
            if (prev && flush_start(*prev, std::max(0, run - baseline), page, l)) ++flush_at[l.indent];
            prev = &l;
            run = 0;
            page = false;
        }
    }
    // Whether `l` goes on from a line before it rather than starting a paragraph: it begins
    // with a character no word begins with (JLREQ cl-11 small kana and the prolonged sound mark,
    // ん, the particle を, iteration marks), or it is a fragment of one kana and a stop (「は。」).
    auto continues = [&](const SourceLine& l) {
        const U32View t = l.text;
        static constexpr U32View no_word_start = U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶーんンを々ゝゞヽヾ";
        // A comma or a stop never follows a finished sentence (a closing bracket may: it closes
        // the sentence's own bracket, 「…とした。」 then 「）」).
        if (no_word_start.find(t[0]) != U32View::npos || is_comma_or_stop(t[0])) return true;
        if (t.size() >= 2 && t[0] >= 0x3041 && t[0] <= 0x3096 && (t[1] == U'。' || t[1] == U'、')) return true;
        // A short bracket without a number, then a particle: the end of a word (「論点」
        // 「（案）を修正し…」, 「（仮称）の」); a paragraph starts with no particle.
        if (t[0] == U'（' || t[0] == U'(') {
            const std::size_t close = t.find_first_of(U"）)");
            if (close != U32View::npos && close >= 2 && close <= 6 && close + 1 < t.size() &&
                U32View(U"をはがのにでともへや").find(t[close + 1]) != U32View::npos &&
                std::none_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(close), [](char32_t c) { return digit_value(c) >= 0; }))
                return true;
        }
        // A line of a few kana and a stop: the end of a sentence cut at the measure (「である。」).
        const std::size_t stop = t.find_first_of(U"。、");
        return stop != U32View::npos && stop >= 1 && stop <= 3 && stop + 1 == t.size() &&
               std::all_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(stop), [](char32_t c) { return c >= 0x3041 && c <= 0x3096; });
    };
    // A bracket opened in `before` and still open, which `l` closes: 「（」「「異議なし」の声あり）」.
    auto closes_bracket = [](U32View before, U32View l) {
        int depth = 0;
        for (char32_t c : before) depth += (c == U'（' || c == U'(') - (c == U'）' || c == U')');
        if (depth <= 0) return false;
        // `l` closes more than it opens at some point (「）、岡部 誠（若葉台市医師会）」 closes one).
        int net = 0;
        for (char32_t c : l) {
            net += (c == U'（' || c == U'(') - (c == U'）' || c == U')');
            if (net < 0) return true;
        }
        return false;
    };
    // A line set in the middle of the measure (a title, a caption over a table), which goes on
    // from nothing before it.
    auto centred = [&](const SourceLine& l) {
        return measure > 0 && l.indent >= 4 && std::abs((measure - l.width) - l.indent) <= 4;
    };
    // A numbered heading run past the measure (no 、 or 。 in it) goes on in a short line that
    // finishes no sentence either: a finished sentence between them is not the heading's end
    // (「日程第１ 議案第１号 …一部変」「本日の…。」「更について（諮問）」).
    auto heading_rest = [&](U32View before, const SourceLine& l) {
        const auto n = leading_numbering(before);
        return n && n->separated && before.find_first_of(U"、。") == U32View::npos && !full(l) &&
               l.text.find_first_of(U"。") == U32View::npos;
    };
    // Whether the text starts no unmarked paragraph at the indent of `l` but this one (`self`:
    // `l` was counted as one).
    auto starts_nowhere_else = [&](const SourceLine& l, bool self) {
        const auto it = flush_at.find(l.indent);
        return (it == flush_at.end() ? 0 : it->second) - (self ? 1 : 0) <= 0;
    };
    // W606: a paragraph was interrupted, or ends where the text gives reason to doubt it, and the
    // text cannot tell which line is out of place; both are named, and kept as read.
    const std::string name(file);
    auto doubt = [&](const SourceLine& x, const SourceLine& l, std::uint32_t paragraph) {
        const std::string px = std::to_string(paragraph), nx = std::to_string(x.number), nl = std::to_string(l.number);
        auto report = [&](const SourceLine& at, const std::string& en, const std::string& ja) {
            Diagnostic d;
            d.severity = strict ? Severity::error : Severity::warning;
            d.code = "W606";
            d.file = name;
            d.loc = {at.number, 0};
            d.message = en + (strict ? " (an error with --strict)" : "");
            d.message_ja = ja + (strict ? "（--strict のためエラー）" : "");
            d.hint = "check lines " + nx + " and " + nl + " in the text: remove a line that does not belong, or join the paragraph";
            d.hint_ja = "テキストの " + nx + " 行目と " + nl + " 行目を確認し、属さない行を削除するか段落をつなげてください";
            diags.report(std::move(d));
        };
        report(x,
               "line " + nx + " is read as the end of the paragraph of line " + px + ", but the line after it (" + nl +
                   ") does not start a paragraph the way the rest of the text does: one of the two may be out of place",
               nx + "行目を " + px + "行目の段落の終わりと読みましたが、次の " + nl +
                   "行目はこのテキストのほかの段落と違う始まり方をしています。どちらかの行が場違いかもしれません");
        report(l,
               "line " + nl + " starts a paragraph without a mark, which the text does nowhere else; it may be the rest of the paragraph of line " +
                   px + " (interrupted by line " + nx + "), or out of place",
               nl + "行目は記号なしで段落を始めていますが、このテキストではほかにそうした段落がありません。" + px + "行目の段落の続き（" + nx +
                   "行目で途切れた）か、場違いな行かもしれません");
    };

    std::vector<Block> blocks;
    // The input lines of each block, with the blank lines (beyond the baseline) and page break
    // before each: what a later line needs to know to bridge an interruption.
    struct Joined {
        const SourceLine* line;
        int gap;
        bool page;
    };
    std::vector<std::vector<Joined>> block_lines;
    // Stray blocks (with their lines), written after the paragraph they interrupted.
    std::vector<std::pair<Block, std::vector<Joined>>> held;
    int blanks = 0;
    bool page_break = false;
    const SourceLine* last = nullptr;  // the last line of the open block
    auto append = [&](Block& b, const SourceLine& l) {
        const char32_t prev = b.text.back(), next = l.text.front();
        if (is_latin_word_char(prev) && is_latin_word_char(next)) b.text += U' ';
        b.starts.emplace_back(b.text.size(), l.number);
        b.text += l.text;
    };
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const SourceLine& l = lines[li];
        if (l.page_break) page_break = true;
        if (l.text.empty()) {
            ++blanks;
            continue;
        }
        // In a double-spaced text, the one line that follows the line before it closer than the
        // baseline is out of the text's rhythm (typed in, or left by another extraction): it does
        // not go on from that line (the seed: 「…方向性ではないか。」 then, with no blank line,
        // 「本日の…。」).
        const bool tight = baseline > 0 && blanks < baseline && tight_lines == 1 && last && !page_break;
        blanks = std::max(0, blanks - baseline);
        // 「）」 closing a bracket opened before the last line, which is a finished sentence with
        // its own brackets closed and does not go on from the line before it (that one is not
        // cut short): the bracket is not the sentence's, the last line interrupts
        // (「…（被保険者代表（第１号被保険者）」「本日の…。」「）、岡部…」).
        // The text of block `k` and of the blocks right before it with no gap between (a line
        // that starts with a bracket begins a block of its own: 「…（被保険者代表」「（第２号被保
        // 険者）」), up to three: where a bracket may have been opened.
        auto text_up_to = [&](std::size_t k) {
            U32 t = blocks[k].text;
            for (std::size_t n = 0; n < 2 && k > 0 && !block_lines[k].empty() && block_lines[k].front().gap == 0 &&
                                    !block_lines[k].front().page && !blocks[k - 1].table_row;
                 ++n) {
                --k;
                t = blocks[k].text + t;
            }
            return t;
        };
        auto closes_around = [&](const SourceLine& x, const SourceLine& next) {
            if (blocks.empty() || !ends_sentence(x.text)) return false;
            int depth = 0;
            for (char32_t c : x.text) depth += (c == U'（' || c == U'(') - (c == U'）' || c == U')');
            if (depth != 0) return false;
            const auto& bl = block_lines.back();
            if (bl.size() >= 2)  // the last line joined to its paragraph
                return !unfinished(*bl[bl.size() - 2].line) &&
                       closes_bracket(U32View(blocks.back().text).substr(0, blocks.back().starts.back().first), next.text);
            // the last line a block of its own, right after the paragraph
            return blocks.size() >= 2 && bl.size() == 1 && bl.front().gap == 0 && !bl.front().page &&
                   !blocks[blocks.size() - 2].table_row && closes_bracket(text_up_to(blocks.size() - 2), next.text);
        };
        const bool row = is_table_row(l.text) || !column_rows[li].empty();
        bool join = false;
        bool maybe_rest = false;
        // 「資料1 …」 after 「資料1−2 …」: the next entry of a list of handouts, however full the
        // line before it.
        const bool next_handout = handout_start(l.text) && !blocks.empty() && handout_start(blocks.back().text);
        const Strength s = start_strength(l.text);
        // A line of marks ends its block and is never continued.
        const bool after_marks = last && is_symbol_line(last->text);
        if (next_handout || after_marks || tight) {
            join = false;
        } else if (last && !row && !blocks.back().table_row && blanks == 0 && !page_break && no_line_start(l.text.front()) &&
                   !(is_comma_or_stop(l.text.front()) && ends_sentence(last->text) && !full(*last)) && !closes_around(*last, l)) {
            // 「、」「）」 never start a line (JLREQ cl-02, cl-06, cl-07): a line that begins with
            // one is the rest of the line before, however PDF extraction split them.
            join = true;
        } else if (last && !row && !blocks.back().table_row) {
            const bool open_end = full(*last) || unfinished_end(last->text.back());
            if (s != Strength::strong) {
                if (blanks == 0 && !page_break) {
                    join = open_end;
                } else {
                    // Across blank lines only when a page ends there (a form feed, a dropped page
                    // number, or the run of blank lines a page break leaves: the seed's 「本来教⏎⏎⏎⏎
                    // 育現場」), and never after a finished sentence: one blank line is the gap
                    // between paragraphs.
                    const bool page_gap = page_break || blanks >= 2;
                    join = page_gap && open_end && s == Strength::none && blanks <= 8 && !ends_sentence(last->text);
                }
            }
        }
        // An interruption: `l` would start a paragraph, but it is the rest of the one before the
        // line just read (a single line that stands between them). The paragraph is joined around
        // that line, which becomes a stray block of its own after it.
        const bool near = blanks <= 8 || page_break;
        // 「第」 at the end of the line before the odd one is followed by its number (「…第６条第」
        // 「２項の規定により…」).
        auto number_after = [](const SourceLine& a, const SourceLine& next) {
            return !a.text.empty() && a.text.back() == U'第' && digit_value(next.text.front()) >= 0;
        };
        const bool could_continue = s == Strength::none || no_line_start(l.text.front()) || (s == Strength::weak && continues(l));
        if (!join && !tight && last && !row && !next_handout && could_continue && near && !blocks.back().table_row) {
            Block& cur = blocks.back();
            std::vector<Joined>& cur_lines = block_lines.back();
            if (cur_lines.size() >= 2) {
                // The odd line was taken as the last line of the paragraph: 「…仕事」「本日の資料は後日
                // 公開する。」 joined, 「内容をより…」 left over.
                const SourceLine& x = *cur_lines.back().line;
                const SourceLine& a = *cur_lines[cur_lines.size() - 2].line;
                const bool self = flush_start(x, blanks, page_break, l);
                // At the indent of the line it would follow: a centred caption or a table after a
                // paragraph is not its continuation.
                // A caption over a table (the next line is a row) is not a paragraph's rest either.
                std::size_t nx = li + 1;
                while (nx < lines.size() && lines[nx].text.empty()) ++nx;
                const bool caption = nx < lines.size() && (is_table_row(lines[nx].text) || !column_rows[nx].empty());
                const bool aligned = !centred(l) && !caption;
                const bool a_open = unfinished(a) || is_comma_or_stop(l.text.front()) || closes_around(x, l);
                const U32View before = U32View(cur.text).substr(0, cur.starts.back().first);
                const bool goes_on = continues(l) || closes_bracket(before, l.text) || heading_rest(before, l) || number_after(a, l);
                if (aligned && finished(x) && a_open && !goes_on && starts_nowhere_else(l, self)) {
                    // Either the last line joined does not belong to the paragraph, or this one
                    // is out of place: the text says no more.
                    doubt(x, l, cur.line);
                    maybe_rest = true;
                } else if (aligned && finished(x) && a_open && goes_on) {
                    Block odd;
                    std::size_t at = cur.starts.back().first;
                    odd.text = cur.text.substr(at);
                    odd.line = x.number;
                    odd.starts.emplace_back(0, x.number);
                    odd.indent = x.indent;
                    odd.blank_before = cur_lines.back().gap;
                    odd.page_break_before = cur_lines.back().page;
                    odd.stray = true;
                    odd.interrupted = cur.line;
                    if (at > 0 && cur.text[at - 1] == U' ' && is_latin_word_char(odd.text.front())) --at;
                    cur.text.resize(at);
                    cur.starts.pop_back();
                    std::vector<Joined> odd_lines{cur_lines.back()};
                    cur_lines.pop_back();
                    append(cur, l);
                    cur_lines.push_back({&l, blanks, page_break});
                    held.emplace_back(std::move(odd), std::move(odd_lines));
                    last = &l;
                    blanks = 0;
                    page_break = false;
                    continue;
                }
            } else if (blocks.size() >= 2 && !cur.stray && !blocks[blocks.size() - 2].table_row) {
                // The odd line stood alone: 「…仕事」「◆◆ 判読できない行 ◆◆」「内容をより…」.
                const SourceLine& x = *cur_lines.back().line;
                const Joined& a = block_lines[block_lines.size() - 2].back();
                const bool x_near = cur.blank_before <= 8 || cur.page_break_before;
                // 「、」「）」 never start a line: the one before the odd line goes on, finished or not.
                const bool a_open = unfinished(*a.line) || no_line_start(l.text.front());
                const bool x_sentence = start_strength(x.text) != Strength::strong && finished(x);
                const U32 before = text_up_to(blocks.size() - 2);
                const bool x_odd = is_symbol_line(x.text) ||
                                   (x_sentence && (continues(l) || closes_bracket(before, l.text) || heading_rest(before, l) ||
                                                   number_after(*a.line, l)));
                if (x_near && x_sentence && !x_odd && a_open && (cur.blank_before > 0 || blanks > 0)) {
                    // 「…仕事」, a blank line, 「本日の資料は後日公開する。」, a blank line, 「内容を…」:
                    // a paragraph left unfinished before a line set apart.
                    doubt(x, l, blocks[blocks.size() - 2].line);
                    maybe_rest = true;
                } else if (x_near && x_odd && a_open) {
                    Block odd = std::move(cur);
                    std::vector<Joined> odd_lines = std::move(cur_lines);
                    odd.stray = true;
                    blocks.pop_back();
                    block_lines.pop_back();
                    odd.interrupted = blocks.back().line;
                    append(blocks.back(), l);
                    block_lines.back().push_back({&l, blanks, page_break});
                    held.emplace_back(std::move(odd), std::move(odd_lines));
                    last = &l;
                    blanks = 0;
                    page_break = false;
                    continue;
                }
            }
        }
        if (join) {
            append(blocks.back(), l);
            block_lines.back().push_back({&l, blanks, page_break});
        } else {
            for (auto& [h, hl] : held) {
                blocks.push_back(std::move(h));
                block_lines.push_back(std::move(hl));
            }
            held.clear();
            Block b;
            b.text = column_rows[li].empty() ? l.text : column_rows[li];
            b.line = l.number;
            b.starts.emplace_back(0, l.number);
            b.indent = l.indent;
            b.blank_before = blanks;
            b.page_break_before = page_break;
            b.table_row = row;
            b.maybe_rest = maybe_rest;
            blocks.push_back(std::move(b));
            block_lines.push_back({{&l, blanks, page_break}});
        }
        last = &l;
        blanks = 0;
        page_break = false;
    }
    for (std::size_t k = 0; k < block_lines.size() && k < blocks.size(); ++k) {
        const auto& bl = block_lines[k];
        if (bl.size() >= 2 && finished(*bl.back().line) && (unfinished(*bl[bl.size() - 2].line) || full(*bl[bl.size() - 2].line)))
            blocks[k].end_after_open = bl.back().line->number;
    }
    for (auto& h : held) blocks.push_back(std::move(h.first));

    // Stray spaces: an ASCII space after 、。）」 before a Japanese character is an artefact of
    // extraction (the PDF positioned the next glyph a little further), not an intended space.
    for (Block& b : blocks) {
        if (b.table_row) continue;
        U32 out;
        out.reserve(b.text.size());
        std::vector<std::pair<std::size_t, std::uint32_t>> starts;
        std::size_t label_end = 0;
        if (auto n = leading_numbering(b.text); n && n->style == NumberStyle::paren_decimal) {
            label_end = n->length;
            while (label_end > 0 && is_space(b.text[label_end - 1])) --label_end;
        }
        std::size_t si = 0;
        for (std::size_t i = 0; i < b.text.size(); ++i) {
            while (si < b.starts.size() && b.starts[si].first <= i) {
                starts.emplace_back(out.size(), b.starts[si].second);
                ++si;
            }
            const char32_t c = b.text[i];
            // After 、 and 。 a space is never meant; after the ） of a leading 「（３）」 it is
            // the extraction's, not a separator the label needs. A space after any other ）
            // may be the template's own (「令和６年１１月２０日（水） 午後２時」) and stays.
            const bool after_label = i > 0 && b.text[i - 1] == U'）' && label_end == i;
            if (c == U' ' && i > 0 && (closes_phrase(b.text[i - 1]) || after_label)) {
                std::size_t j = i;
                while (j < b.text.size() && b.text[j] == U' ') ++j;
                if (j < b.text.size() && is_japanese(b.text[j])) {
                    // The column of the space in its input line.
                    std::size_t line_start = 0;
                    for (const auto& s : b.starts)
                        if (s.first <= i) line_start = s.first;
                    Diagnostic d;
                    d.severity = Severity::note;
                    d.code = "N601";
                    d.file = name;
                    d.loc = {b.line_at(i), static_cast<std::uint32_t>(i - line_start + 1)};
                    const std::string around = to_utf8(U32View(b.text).substr(i - 1, 1)) + " " +
                                               to_utf8(U32View(b.text).substr(j, 1));
                    d.message = "removed a stray space left by PDF extraction in 「" + around + "」";
                    d.message_ja = "PDF からの抽出で入った余分な空白を削除しました（「" + around + "」）";
                    diags.report(std::move(d));
                    i = j - 1;
                    continue;
                }
            }
            out += c;
        }
        b.text = std::move(out);
        b.starts = std::move(starts);
    }

    // Text extracted from a PDF (hard-wrapped: it has a measure) carries the layout's spacing
    // as spaces: runs of spaces where a line was justified or set in columns, and a space on each
    // side of half-width letters and digits set among Japanese (the 1/4 em aki of JLREQ §3.2.5:
    // 「教育 DX 推進室」「令和 7 年」). Neither is in the text that was typeset; a run becomes one
    // space, and a space between a half-width letter or digit and a non-ASCII character goes.
    if (measure > 0) {
        std::size_t changed = 0;
        std::uint32_t first_line = 0;
        for (Block& b : blocks) {
            if (b.table_row) continue;
            U32 out;
            std::vector<std::pair<std::size_t, std::uint32_t>> starts;
            std::size_t si = 0;
            const U32& t = b.text;
            for (std::size_t i = 0; i < t.size(); ++i) {
                while (si < b.starts.size() && b.starts[si].first <= i) {
                    starts.emplace_back(out.size(), b.starts[si].second);
                    ++si;
                }
                if (t[i] != U' ') {
                    out += t[i];
                    continue;
                }
                std::size_t j = i;
                while (j < t.size() && t[j] == U' ') ++j;
                const char32_t before = out.empty() ? 0 : out.back(), after = j < t.size() ? t[j] : 0;
                // pdftotext writes the aki as one space; a run of them is a real gap (a separator
                // set as a full-width space, a tab stop, justification) and stays as one space.
                const bool aki = j - i == 1 && before && after &&
                                 ((ascii_alnum(before) && after > 0x7F && !is_space(after)) ||
                                  (ascii_alnum(after) && before > 0x7F && !is_space(before)));
                if (aki) {
                    if (!changed++) first_line = b.line_at(i);
                } else {
                    out += U' ';  // a run is one space (white space only: not reported)
                }
                i = j - 1;
            }
            b.text = std::move(out);
            b.starts = std::move(starts);
        }
        if (changed) {
            Diagnostic d;
            d.severity = Severity::note;
            d.code = "N605";
            d.file = name;
            d.loc = {first_line, 0};
            d.message = std::to_string(changed) +
                        " spaces that PDF extraction put around half-width letters and digits set among Japanese "
                        "were removed (runs of spaces became one), the first on this line";
            d.message_ja = "PDF からの抽出で和文中の半角英数字の前後に入った空白を " + std::to_string(changed) +
                           " か所で削除しました（連続した空白は一つにしました。最初はこの行）";
            diags.report(std::move(d));
        }
    }
    return blocks;
}

}  // namespace gijiroku::import
