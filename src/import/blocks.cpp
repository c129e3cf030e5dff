#include "import/blocks.hpp"

#include <algorithm>
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

}  // namespace

std::vector<Block> make_blocks(const std::vector<SourceLine>& lines, std::string_view file, Diagnostics& diags) {
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
    }

    std::vector<Block> blocks;
    int blanks = 0;
    bool page_break = false;
    const SourceLine* last = nullptr;  // the last line of the open block
    for (const SourceLine& l : lines) {
        if (l.page_break) page_break = true;
        if (l.text.empty()) {
            ++blanks;
            continue;
        }
        blanks = std::max(0, blanks - baseline);
        const bool row = is_table_row(l.text);
        bool join = false;
        if (last && !row && !blocks.back().table_row) {
            const Strength s = start_strength(l.text);
            const bool unfinished = full(*last) || unfinished_end(last->text.back());
            if (s != Strength::strong) {
                if (blanks == 0 && !page_break) {
                    join = unfinished;
                } else {
                    // Across blank lines only when a page ends there (a form feed, a dropped page
                    // number, or the run of blank lines a page break leaves: the seed's 「本来教⏎⏎⏎⏎
                    // 育現場」), and never after a finished sentence: one blank line is the gap
                    // between paragraphs.
                    const bool page_gap = page_break || blanks >= 2;
                    join = page_gap && unfinished && s == Strength::none && blanks <= 8 && !ends_sentence(last->text);
                }
            }
        }
        if (join) {
            Block& b = blocks.back();
            const char32_t prev = b.text.back(), next = l.text.front();
            if (is_latin_word_char(prev) && is_latin_word_char(next)) b.text += U' ';
            b.starts.emplace_back(b.text.size(), l.number);
            b.text += l.text;
        } else {
            Block b;
            b.text = l.text;
            b.line = l.number;
            b.starts.emplace_back(0, l.number);
            b.indent = l.indent;
            b.blank_before = blanks;
            b.page_break_before = page_break;
            b.table_row = row;
            blocks.push_back(std::move(b));
        }
        last = &l;
        blanks = 0;
        page_break = false;
    }

    // Stray spaces: an ASCII space after 、。）」 before a Japanese character is an artefact of
    // extraction (the PDF positioned the next glyph a little further), not an intended space.
    const std::string name(file);
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
    return blocks;
}

}  // namespace gijiroku::import
