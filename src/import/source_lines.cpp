#include "import/source_lines.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "core/utf8.hpp"

namespace gijiroku::import {
namespace {

// The line and column (in characters) of byte `offset`.
SourceLoc loc_of(std::string_view bytes, std::size_t offset) {
    std::uint32_t line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n') {
            ++line;
            start = i + 1;
        }
    std::uint32_t col = 1;
    for (std::size_t p = start; p < offset && p < bytes.size();) {
        utf8::next(bytes, p);
        ++col;
    }
    return {line, col};
}

// Every byte forms a Shift_JIS (CP932) sequence, and double-byte characters outnumber
// half-width katakana (EUC-JP bytes also read as Shift_JIS, mostly as half-width katakana).
bool plausible_shift_jis(std::string_view b) {
    std::size_t double_byte = 0, kana = 0;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const auto c = static_cast<unsigned char>(b[i]);
        if (c < 0x80) continue;
        if (c >= 0xA1 && c <= 0xDF) {  // half-width katakana
            ++kana;
            continue;
        }
        if ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) {
            if (i + 1 >= b.size()) return false;
            const auto t = static_cast<unsigned char>(b[i + 1]);
            if (t < 0x40 || t == 0x7F || t > 0xFC) return false;
            ++double_byte;
            ++i;
            continue;
        }
        return false;
    }
    return double_byte > 0 && double_byte >= kana;
}

// Every byte forms an EUC-JP sequence, with at least one double-byte character.
bool plausible_euc_jp(std::string_view b) {
    bool double_byte = false;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const auto c = static_cast<unsigned char>(b[i]);
        if (c < 0x80) continue;
        const std::size_t need = c == 0x8F ? 2 : 1;
        if (!(c == 0x8E || c == 0x8F || (c >= 0xA1 && c <= 0xFE)) || i + need >= b.size()) return false;
        for (std::size_t k = 1; k <= need; ++k) {
            if (i + k >= b.size()) return false;
            const auto t = static_cast<unsigned char>(b[i + k]);
            if (t < 0xA1 || t > 0xFE) return false;
        }
        double_byte = true;
        i += need;
    }
    return double_byte;
}

void not_text(Diagnostics& diags, std::string_view file, const std::string& what, const std::string& what_ja,
              const std::string& hint, const std::string& hint_ja) {
    diags.error("E603", std::string(file), {}, "this is not a plain text file: " + what,
                "プレーンテキストのファイルではありません: " + what_ja, hint, hint_ja);
}

bool is_dash(char32_t c) {
    return c == U'-' || c == 0xFF0D || c == 0x2015 || c == 0x2014 || c == 0x2010 || c == 0x2013 || c == 0x2212 ||
           c == 0x30FC;
}

}  // namespace

bool is_bare_number(U32View line) {
    if (line.empty() || line.size() > 4) return false;
    return std::all_of(line.begin(), line.end(), [](char32_t c) { return digit_value(c) >= 0; });
}

bool is_decorated_page_number(U32View s) {
    s = trim(s);
    if (s.empty()) return false;
    const U32 t = without_spaces(s);
    U32View v = t;
    // - 1 -   －１－   ― 1 ―   - 1 / 10 -
    if (v.size() >= 3 && is_dash(v.front()) && is_dash(v.back())) {
        U32View in = v.substr(1, v.size() - 2);
        const auto slash = in.find_first_of(U"/／");
        if (slash != U32View::npos) return is_bare_number(in.substr(0, slash)) && is_bare_number(in.substr(slash + 1));
        return is_bare_number(in);
    }
    // 1/10
    if (const auto slash = v.find_first_of(U"/／"); slash != U32View::npos)
        return is_bare_number(v.substr(0, slash)) && is_bare_number(v.substr(slash + 1));
    // Page 3, p. 3, P.3, 3頁, 3ページ, 第3頁
    for (U32View pre : {U32View(U"Page"), U32View(U"page"), U32View(U"p."), U32View(U"P.")})
        if (starts_with(v, pre)) return is_bare_number(v.substr(pre.size()));
    for (U32View suf : {U32View(U"頁"), U32View(U"ページ")})
        if (ends_with(v, suf)) {
            U32View n = v.substr(0, v.size() - suf.size());
            if (starts_with(n, U"第")) n.remove_prefix(1);
            return is_bare_number(n);
        }
    return false;
}

std::optional<std::vector<SourceLine>> read_lines(std::string_view bytes, std::string_view file, std::size_t max_bytes,
                                                  Diagnostics& diags, std::vector<std::uint32_t>* dropped) {
    const std::string name(file);
    if (bytes.size() > max_bytes) {
        diags.error("E604", name, {},
                    "the text is " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                        std::to_string(max_bytes) + " bytes",
                    "テキストが " + std::to_string(bytes.size()) + " バイトあり、上限（" + std::to_string(max_bytes) +
                        " バイト）を超えています",
                    "minutes of 100 pages are about 300 KB of text: check that this is one set of minutes, or split it",
                    "100ページの議事録でも約300KBです。1件の議事録か確認するか、分割してください");
        return std::nullopt;
    }
    // File types people try first: the PDF or the Word file itself.
    auto starts = [&](std::string_view sig) { return bytes.substr(0, sig.size()) == sig; };
    if (starts("%PDF-")) {
        not_text(diags, file, "it is a PDF file", "PDF ファイルです",
                 "extract its text first: pdftotext -layout FILE.pdf FILE.txt (docs/import.md)",
                 "先にテキストを取り出してください: pdftotext -layout FILE.pdf FILE.txt（docs/import.ja.md）");
        return std::nullopt;
    }
    if (starts("PK\x03\x04")) {
        not_text(diags, file, "it is a ZIP archive (a Word .docx or Excel .xlsx file)",
                 "ZIP 形式（Word の .docx や Excel の .xlsx）のファイルです",
                 "in Word: File → Save As → Plain Text (.txt), encoding UTF-8 (docs/import.md)",
                 "Word で「名前を付けて保存」→「書式なし（.txt）」、エンコードは UTF-8 を選んでください（docs/import.ja.md）");
        return std::nullopt;
    }
    if (starts("\xD0\xCF\x11\xE0")) {
        not_text(diags, file, "it is an old Office file (.doc or .xls)", "古い Office 形式（.doc や .xls）のファイルです",
                 "in Word: File → Save As → Plain Text (.txt), encoding UTF-8 (docs/import.md)",
                 "Word で「名前を付けて保存」→「書式なし（.txt）」、エンコードは UTF-8 を選んでください（docs/import.ja.md）");
        return std::nullopt;
    }
    if (starts("{\\rtf")) {
        not_text(diags, file, "it is an RTF file", "RTF ファイルです",
                 "save it as plain text (.txt) in UTF-8", "書式なしテキスト（.txt、UTF-8）で保存し直してください");
        return std::nullopt;
    }
    if (starts("\xFF\xFE") || starts("\xFE\xFF") ||
        (bytes.size() >= 4 && bytes.size() % 2 == 0 && (bytes[0] == '\0' || bytes[1] == '\0'))) {
        diags.error("E601", name, {}, "the text is UTF-16, not UTF-8", "テキストが UTF-16 で、UTF-8 ではありません",
                    "save it as UTF-8 (Notepad: Save As → Encoding: UTF-8), or convert it: iconv -f UTF-16 -t UTF-8",
                    "UTF-8 で保存し直すか（メモ帳:「名前を付けて保存」→ 文字コード UTF-8）、iconv -f UTF-16 -t UTF-8 で変換してください");
        return std::nullopt;
    }
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        not_text(diags, file, "it holds NUL bytes (a binary file) at byte " + std::to_string(nul),
                 "NUL バイトを含むバイナリファイルです（" + std::to_string(nul) + " バイト目）",
                 "give the text of the minutes as a UTF-8 .txt file", "議事録のテキストを UTF-8 の .txt ファイルで指定してください");
        return std::nullopt;
    }
    std::size_t bad = 0;
    if (!utf8::valid(bytes, &bad)) {
        const SourceLoc at = loc_of(bytes, bad);
        std::string enc, enc_ja, from;
        if (plausible_shift_jis(bytes)) {
            enc = " (it looks like Shift_JIS)";
            enc_ja = "（Shift_JIS のようです）";
            from = "CP932";
        } else if (plausible_euc_jp(bytes)) {
            enc = " (it looks like EUC-JP)";
            enc_ja = "（EUC-JP のようです）";
            from = "EUC-JP";
        }
        diags.error("E601", name, at,
                    "the text is not UTF-8" + enc + ": byte " + std::to_string(bad) + " is not valid UTF-8",
                    "テキストが UTF-8 ではありません" + enc_ja + "（" + std::to_string(bad) + " バイト目）",
                    "save it as UTF-8 (Notepad: Save As → Encoding: UTF-8)" +
                        (from.empty() ? std::string() : ", or convert it: iconv -f " + from + " -t UTF-8 FILE.txt > FILE.utf8.txt"),
                    "UTF-8 で保存し直してください（メモ帳:「名前を付けて保存」→ 文字コード UTF-8）" +
                        (from.empty() ? std::string() : "。または iconv -f " + from + " -t UTF-8 で変換してください"));
        return std::nullopt;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

    // Control characters have no place in minutes (and XML forbids most of them).
    {
        std::size_t reported = 0;
        for (std::size_t p = 0; p < bytes.size();) {
            const std::size_t at = p;
            const char32_t c = *utf8::next(bytes, p);
            const bool ctl = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F ||
                             (c >= 0x80 && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
            if (!ctl) continue;
            if (reported++ < 10)
                diags.error("E605", name, loc_of(bytes, at),
                            "a control character " + utf8::code_point_name(c) + " is in the text",
                            "制御文字 " + utf8::code_point_name(c) + " が含まれています",
                            "the file is damaged or not plain text; delete the character",
                            "ファイルが壊れているか、プレーンテキストではありません。その文字を削除してください");
        }
        if (reported) return std::nullopt;
    }

    // Split into lines: LF, CRLF and CR end a line; a form feed ends a page (and a line).
    std::vector<SourceLine> lines;
    {
        const U32 all = to_u32(bytes);
        std::uint32_t number = 1;
        U32 cur;
        bool page_break = false;
        auto flush = [&](bool count_line) {
            SourceLine l;
            l.number = number;
            l.page_break = page_break;
            page_break = false;
            std::size_t b = 0;
            while (b < cur.size() && is_space(cur[b])) ++b;
            l.indent = display_width(U32View(cur).substr(0, b));
            l.text = U32(trim(cur));
            l.width = l.indent + display_width(l.text);
            lines.push_back(std::move(l));
            cur.clear();
            if (count_line) ++number;
        };
        for (std::size_t i = 0; i < all.size(); ++i) {
            const char32_t c = all[i];
            if (c == U'\n') {
                flush(true);
            } else if (c == U'\r') {
                if (i + 1 < all.size() && all[i + 1] == U'\n') ++i;
                flush(true);
            } else if (c == U'\f') {
                // pdftotext puts the form feed at the start of the next page's first line.
                if (!trim(cur).empty()) flush(false);
                page_break = true;
            } else {
                cur += c;
            }
        }
        if (!cur.empty() || page_break) flush(true);
        if (bytes.empty() || std::all_of(lines.begin(), lines.end(), [](const SourceLine& l) { return l.text.empty(); })) {
            diags.error("E602", name, {}, "the text is empty", "テキストが空です",
                        "give the text of the minutes (docs/import.md)", "議事録のテキストを指定してください（docs/import.ja.md）");
            return std::nullopt;
        }
    }

    // Page numbers. A decorated one anywhere; a bare number when it stands alone: blank (or a
    // page boundary) before and after it.
    std::vector<bool> drop(lines.size(), false);
    auto blank_or_edge = [&](std::size_t i, int dir) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + dir;
        if (j < 0 || j >= static_cast<std::ptrdiff_t>(lines.size())) return true;
        const SourceLine& n = lines[static_cast<std::size_t>(j)];
        if (dir > 0 && n.page_break) return true;
        if (dir < 0 && lines[i].page_break) return true;
        return n.text.empty();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const U32View t = lines[i].text;
        if (t.empty()) continue;
        if (is_decorated_page_number(t) || (is_bare_number(t) && blank_or_edge(i, -1) && blank_or_edge(i, +1)))
            drop[i] = true;
    }
    // Page boundaries: form feeds and dropped page numbers.
    std::vector<bool> boundary_after(lines.size(), false);  // a page ends after line i
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (drop[i]) boundary_after[i] = true;
        if (lines[i].page_break && i > 0) boundary_after[i - 1] = true;
    }
    // Running heads and feet: the first non-blank line after a boundary and the last one before,
    // when the same text stands at two or more boundaries.
    {
        std::map<U32, std::vector<std::size_t>> at_edges;
        auto record = [&](std::ptrdiff_t i, int dir) {
            while (i >= 0 && i < static_cast<std::ptrdiff_t>(lines.size()) &&
                   (lines[static_cast<std::size_t>(i)].text.empty() || drop[static_cast<std::size_t>(i)]))
                i += dir;
            if (i < 0 || i >= static_cast<std::ptrdiff_t>(lines.size())) return;
            const std::size_t k = static_cast<std::size_t>(i);
            if (lines[k].text.size() > 60) return;
            at_edges[lines[k].text].push_back(k);
        };
        // The document's own first and last lines are not looked at: a running head that
        // repeats the title leaves the title in place.
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (!boundary_after[i]) continue;
            record(static_cast<std::ptrdiff_t>(i) + 1, +1);
            record(static_cast<std::ptrdiff_t>(i) - (drop[i] ? 1 : 0), -1);
        }
        for (auto& [text, where] : at_edges) {
            std::sort(where.begin(), where.end());
            where.erase(std::unique(where.begin(), where.end()), where.end());
            // A running head stands at (nearly) every page; a structure line that happens to start
            // two pages of a long document (「事務局から資料説明」) must stay, so three are asked
            // for, or two in a document of three pages or fewer.
            // A head stands on every page but the first: one fewer time than there are page ends.
            const auto boundaries = static_cast<std::size_t>(std::count(boundary_after.begin(), boundary_after.end(), true));
            const std::size_t need = std::max<std::size_t>(2, std::min<std::size_t>(3, boundaries > 0 ? boundaries - 1 : 0));
            if (where.size() < need) continue;
            for (std::size_t k : where) drop[k] = true;
        }
    }

    std::vector<SourceLine> out;
    out.reserve(lines.size());
    bool pending_break = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (drop[i]) {
            if (dropped) dropped->push_back(lines[i].number);
            pending_break = true;
            continue;
        }
        SourceLine l = std::move(lines[i]);
        if (pending_break && !l.text.empty()) {
            l.page_break = true;
            pending_break = false;
        }
        if (l.page_break) pending_break = false;
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace gijiroku::import
