#include "import/recognise.hpp"

#include <algorithm>
#include <array>

namespace gijiroku::import {
namespace {

bool is_open_paren(char32_t c) { return c == U'（' || c == U'('; }
bool is_close_paren(char32_t c) { return c == U'）' || c == U')'; }

// A separator after a number or letter: space, period, comma, colon.
bool is_separator(char32_t c) {
    return is_space(c) || c == U'.' || c == U'．' || c == U'、' || c == U'，' || c == U',' || c == U'：' || c == U':';
}

std::size_t skip_spaces(U32View s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

int kanji_numeral(char32_t c) {
    static constexpr U32View k = U"一二三四五六七八九十";
    const auto at = k.find(c);
    return at == U32View::npos ? 0 : static_cast<int>(at) + 1;
}

}  // namespace

int katakana_value(char32_t c) {
    static constexpr U32View seq = U"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
    const auto at = seq.find(c);
    return at == U32View::npos ? 0 : static_cast<int>(at) + 1;
}

bool is_bullet(char32_t c) {
    return c == U'・' || c == U'●' || c == U'◦' || c == U'■' || c == U'□' || c == U'◆' || c == U'◇' || c == U'▪' ||
           c == U'･' || c == U'•';
}

bool is_circle(char32_t c) { return c == 0x25CB || c == 0x25EF || c == 0x3007 || c == 0x25CE; }

bool is_symbol_line(U32View line) {
    line = trim(line);
    if (line.empty()) return false;
    auto letter = [](char32_t c) {
        return is_japanese(c) || is_latin_word_char(c) || digit_value(c) >= 0 || (c >= U'Ａ' && c <= U'Ｚ') ||
               (c >= U'ａ' && c <= U'ｚ') || (c >= 0x2460 && c <= 0x2473) || c == U'〇';
    };
    // Brackets and stops alone are a fragment of text broken by the page (「（」 then
    // 「「異議なし」の声あり）」), not marks.
    static constexpr U32View text_punctuation = U"（）()「」『』【】［］[]〈〉《》＜＞、。，．,.：:；;！？!?";
    if (std::none_of(line.begin(), line.end(), letter))
        return std::any_of(line.begin(), line.end(), [](char32_t c) { return !is_space(c) && text_punctuation.find(c) == U32View::npos; });
    auto mark = [](char32_t c) {
        return is_bullet(c) || c == U'※' || c == U'★' || c == U'☆' || c == U'＊' || c == U'*' || c == U'＃' || c == U'#' ||
               c == U'▲' || c == U'△' || c == U'▼' || c == U'▽';
    };
    std::size_t k = 1;
    while (k < line.size() && is_space(line[k])) ++k;
    return mark(line[0]) && k < line.size() && mark(line[k]);
}

std::optional<Numbering> leading_numbering(U32View s, bool loose) {
    if (s.empty()) return std::nullopt;
    Numbering n;
    auto finish_sep = [&](std::size_t i, bool bracketed) -> std::optional<Numbering> {
        if (i < s.size() && is_separator(s[i])) {
            n.separated = true;
            i = skip_spaces(s, i + (is_space(s[i]) ? 0 : 1));
        } else if (bracketed) {
            n.separated = true;
            i = skip_spaces(s, i);
        } else if (i < s.size() && !loose) {
            return std::nullopt;
        }
        n.length = i;
        return n;
    };
    // 日程第1, 第1
    std::size_t i = 0;
    if (starts_with(s, U"日程第")) {
        auto num = read_number(s, 3);
        if (!num) return std::nullopt;
        n.style = NumberStyle::nichitei;
        n.value = num->value;
        return finish_sep(3 + num->length, true);
    }
    if (s[0] == U'第') {
        auto num = read_number(s, 1);
        if (!num) return std::nullopt;
        const std::size_t end = 1 + num->length;
        // 第３回, 第２号, 第９期 are words, not numbering: a separator must follow.
        if (end >= s.size() || !is_space(s[end])) return std::nullopt;
        n.style = NumberStyle::dai;
        n.value = num->value;
        return finish_sep(end, false);
    }
    // （1） (1) （ア） (a)
    if (is_open_paren(s[0]) && s.size() >= 3) {
        if (auto num = read_number(s, 1); num && 1 + num->length < s.size() && is_close_paren(s[1 + num->length])) {
            n.style = NumberStyle::paren_decimal;
            n.value = num->value;
            return finish_sep(2 + num->length, true);
        }
        if (is_close_paren(s[2])) {
            if (int k = katakana_value(s[1])) {
                n.style = NumberStyle::paren_katakana;
                n.value = k;
                return finish_sep(3, true);
            }
            if (s[1] >= U'a' && s[1] <= U'z') {
                n.style = NumberStyle::paren_latin;
                n.value = static_cast<int>(s[1] - U'a') + 1;
                return finish_sep(3, true);
            }
        }
        return std::nullopt;
    }
    // ① …
    if (s[0] >= 0x2460 && s[0] <= 0x2473) {
        n.style = NumberStyle::circled;
        n.value = static_cast<int>(s[0] - 0x2460) + 1;
        return finish_sep(1, true);
    }
    // 1 1. 1) １．
    if (auto num = read_number(s, 0)) {
        i = num->length;
        n.value = num->value;
        if (i < s.size() && is_close_paren(s[i])) {
            n.style = NumberStyle::close_decimal;
            return finish_sep(i + 1, true);
        }
        n.style = NumberStyle::decimal;
        // 「2,418,000」「95.2%」「30分」 are numbers in text, not numbering.
        if (i + 1 < s.size() && (s[i] == U'.' || s[i] == U'．' || s[i] == U',' || s[i] == U'，') && digit_value(s[i + 1]) >= 0)
            return std::nullopt;
        return finish_sep(i, false);
    }
    // ア ア．
    if (int k = katakana_value(s[0])) {
        if (s.size() < 2 || !is_separator(s[1])) return std::nullopt;
        n.style = NumberStyle::katakana;
        n.value = k;
        return finish_sep(1, false);
    }
    // a. a)
    if (s[0] >= U'a' && s[0] <= U'z' && s.size() >= 2 && (s[1] == U'.' || s[1] == U')')) {
        n.style = NumberStyle::latin;
        n.value = static_cast<int>(s[0] - U'a') + 1;
        n.separated = true;
        n.length = skip_spaces(s, 2);
        return n;
    }
    // 一、 二．
    if (int k = kanji_numeral(s[0])) {
        if (s.size() < 2 || !(s[1] == U'、' || s[1] == U'．' || s[1] == U'.' || is_space(s[1]))) return std::nullopt;
        n.style = NumberStyle::kanji;
        n.value = k;
        return finish_sep(1, false);
    }
    return std::nullopt;
}

Strength start_strength(U32View line) {
    line = trim(line);
    if (line.empty()) return Strength::none;
    const char32_t c = line[0];
    if (is_symbol_line(line)) return Strength::strong;
    if (is_bullet(c) || is_circle(c) || c == U'→' || c == U'⇒' || c == U'※' || c == U'【' || c == U'＜' ||
        c == U'〈' || c == U'▼' || c == U'▽' || c == U'►' || c == U'■')
        return Strength::strong;
    if (auto n = leading_numbering(line); n && n->separated) return Strength::strong;
    // 問 / 答 / Ｑ / Ａ and 質問 / 回答 as Q&A marks.
    for (U32View m : {U32View(U"問"), U32View(U"答"), U32View(U"Ｑ"), U32View(U"Ａ"), U32View(U"Q"), U32View(U"A")}) {
        if (!starts_with(line, m) || line.size() == m.size()) continue;
        const char32_t next = line[m.size()];
        if (is_space(next) || next == U'：' || next == U':' || next == U'．' || next == U'.' || next == U'（' ||
            digit_value(next) >= 0)
            return Strength::strong;
    }
    for (U32View m : {U32View(U"質問"), U32View(U"回答"), U32View(U"質疑"), U32View(U"答弁")})
        if (starts_with(line, m) && line.size() > m.size() &&
            (line[m.size()] == U'（' || line[m.size()] == U'：' || line[m.size()] == U':' || is_space(line[m.size()])))
            return Strength::strong;
    const U32 bare = without_spaces(line);
    if (bare == U"以上" || bare == U"了" || bare == U"――了――" || bare == U"－了－" || bare == U"（以上）")
        return Strength::strong;
    // A line that is only a kind of document, a heading of the proceedings, 開会 or 閉会 is a
    // heading of its own (a centred title line is not the end of the line above it).
    if (kind_of_word(bare) || bare == U"開会" || bare == U"閉会") return Strength::strong;
    for (U32View w : {U32View(U"議事"), U32View(U"議事概要"), U32View(U"議事の経過"), U32View(U"会議の経過"),
                      U32View(U"議事内容"), U32View(U"審議経過")})
        if (bare == w) return Strength::strong;
    // A particular: 「1日時 …」「5議題 (1)…」 (the number set in its own box, so copied without a
    // space), 「日　　時 …」.
    {
        std::size_t at = 0;
        if (auto n = leading_numbering(line, true); n && (n->style == NumberStyle::decimal || n->style == NumberStyle::paren_decimal))
            at = n->length;
        const U32View rest = line.substr(at);
        for (U32View label : {U32View(U"日時"), U32View(U"開催日時"), U32View(U"会場"), U32View(U"場所"), U32View(U"出席者"),
                              U32View(U"出席委員"), U32View(U"欠席者"), U32View(U"傍聴者"), U32View(U"配付資料"),
                              U32View(U"配布資料"), U32View(U"資料"), U32View(U"議題"), U32View(U"次第"), U32View(U"次回"),
                              U32View(U"次回開催")}) {
            const std::size_t len = match_spaced(rest, label);
            if (!len) continue;
            if (len == rest.size() || is_space(rest[len]) || rest[len] == U'：' || rest[len] == U':' ||
                (at > 0 && (rest[len] == U'（' || rest[len] == U'【')))
                return at > 0 ? Strength::strong : Strength::weak;
        }
    }
    if (c == U'（' || c == U'(' || c == U'［' || c == U'[') return Strength::weak;
    if ((starts_with(line, U"資料") || starts_with(line, U"参考資料")) ) return Strength::weak;
    // 「委員：」「事務局：」: a short speaker and a colon.
    const auto colon = line.find_first_of(U"：:");
    if (colon != U32View::npos && colon >= 1 && colon <= 12) {
        const U32View who = line.substr(0, colon);
        if (who.find_first_of(U"、。，（）()「」") == U32View::npos) return Strength::weak;
    }
    return Strength::none;
}

std::optional<model::DocumentKind> kind_of_word(U32View w) {
    using K = model::DocumentKind;
    const U32 b = without_spaces(w);
    if (b == U"議事要旨" || b == U"会議要旨" || b == U"議事要録" || b == U"会議要録") return K::summary;
    if (b == U"議事概要" || b == U"会議概要") return K::outline;
    if (b == U"議事録") return K::record;
    if (b == U"会議録") return K::proceedings;
    if (b == U"審議結果" || b == U"審議概要") return K::results;
    return std::nullopt;
}

std::size_t match_spaced(U32View s, U32View label) {
    if (label.empty()) return 0;
    std::size_t i = 0;
    for (std::size_t k = 0; k < label.size(); ++k) {
        if (k > 0) i = skip_spaces(s, i);
        if (i >= s.size() || s[i] != label[k]) return 0;
        ++i;
    }
    return i;
}

bool is_proceedings_heading(U32View s, U32View template_heading) {
    s = trim(s);
    const U32 bare = without_spaces(s);
    static const std::array<U32View, 14> words = {U"議事概要", U"議事の経過", U"会議の経過", U"議事内容", U"審議経過",
                                                  U"議事の概要", U"会議の概要", U"会議概要", U"議事要旨", U"議事",
                                                  U"審議の概要", U"会議内容", U"議事経過", U"発言要旨"};
    auto is_word_with_remark = [&](U32View w) {
        if (w.empty() || !starts_with(bare, w)) return false;
        const U32View rest = U32View(bare).substr(w.size());
        return rest.empty() || ((rest.front() == U'（' || rest.front() == U'(') && (rest.back() == U'）' || rest.back() == U')'));
    };
    if (is_word_with_remark(without_spaces(template_heading))) return true;
    for (U32View w : words)
        if (is_word_with_remark(w)) return true;
    return false;
}

bool ends_sentence(U32View s) {
    s = trim(s);
    // 「…である（資料３を除く。）。」 and 「…とのこと。」」: a closing bracket after the full stop.
    if (!s.empty() && (s.back() == U'）' || s.back() == U'」' || s.back() == U'』' || s.back() == U')')) s.remove_suffix(1);
    if (s.empty()) return false;
    const char32_t c = s.back();
    return c == U'。' || c == U'．' || c == U'？' || c == U'！' || c == U'?' || c == U'!';
}

bool is_prose(U32View s) {
    s = trim(s);
    if (ends_sentence(s)) return true;
    return s.find(U'。') != U32View::npos && s.size() >= 20;
}

}  // namespace gijiroku::import
