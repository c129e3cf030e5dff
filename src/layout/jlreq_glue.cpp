#include "layout/jlreq_glue.hpp"

#include <algorithm>
#include <cmath>

#include "text/digits.hpp"

namespace gijiroku::layout::jlreq {

namespace {

using text::CharClass;

// The rows and columns of the compact aki matrix of typesetting.md §2.4.
enum class Cat : unsigned char {
    open,     // cl-01
    close,    // cl-02
    hyphen,   // cl-03
    divide,   // cl-04
    dot,      // cl-05
    stop,     // cl-06
    comma,    // cl-07
    insep,    // cl-08
    ispace,   // cl-14, and an ASCII space between Japanese characters
    jp,       // J: cl-09/10/11/15/16/19, and cl-17/18 (full-width symbols set like kanji)
    abbr,     // cl-12/13 in full width (￥ ％ ℃): like J, but glued to a number (JLREQ §3.1.10)
    west,     // D / W: cl-24/25/27 and ASCII $ # %
    space,    // cl-26 word space
    none,     // controls and anything else outside JLREQ spacing
};

bool is_ascii_symbol(char32_t c) { return c == U'$' || c == U'#' || c == U'%'; }

Cat category(const Item& it) {
    if (it.full_width_punctuation) return Cat::jp;
    switch (it.cls) {
        case CharClass::opening_bracket: return Cat::open;
        case CharClass::closing_bracket: return Cat::close;
        case CharClass::hyphen: return Cat::hyphen;
        case CharClass::dividing_punctuation: return Cat::divide;
        case CharClass::middle_dot: return Cat::dot;
        case CharClass::full_stop: return Cat::stop;
        case CharClass::comma: return Cat::comma;
        case CharClass::inseparable: return Cat::insep;
        case CharClass::ideographic_space: return Cat::ispace;
        case CharClass::iteration_mark:
        case CharClass::prolonged_sound_mark:
        case CharClass::small_kana:
        case CharClass::hiragana:
        case CharClass::katakana:
        case CharClass::ideographic:
        case CharClass::math_symbol:
        case CharClass::math_operator: return Cat::jp;
        case CharClass::prefixed_abbreviation:
        case CharClass::postfixed_abbreviation: return is_ascii_symbol(it.ch) ? Cat::west : Cat::abbr;
        case CharClass::grouped_numeral:
        case CharClass::unit_symbol:
        case CharClass::western: return Cat::west;
        case CharClass::western_space: return Cat::space;
        case CharClass::combining:
        case CharClass::other: return Cat::none;
    }
    return Cat::none;
}

// Spaces a Japanese writer types between words are the only white space that can be set
// like U+3000 (typesetting.md §2.4); NBSP and the fixed-width spaces keep their Western role.
bool is_ascii_space(const Item& it) { return it.ch == U' ' && it.cls == CharClass::western_space; }

bool is_digit_item(const Item& it) {
    return text::is_digit(it.ch) || it.cls == CharClass::grouped_numeral;
}

// JLREQ §3.1.10 / typesetting.md §2.3: inside these sequences no space is ever added.
bool unbreakable_pair(const Item& a, Cat ca, const Item& b, Cat cb) {
    if (ca == Cat::west && cb == Cat::west) return true;  // inside a Western word or a numeral
    if (is_digit_item(a) && is_digit_item(b)) return true;  // `２１`, `2５`: one numeral
    if ((ca == Cat::abbr || is_ascii_symbol(a.ch)) && is_digit_item(b)) return true;  // ￥100
    if (is_digit_item(a) && (cb == Cat::abbr || is_ascii_symbol(b.ch))) return true;  // 50％
    if (ca == Cat::insep && cb == Cat::insep) {
        const auto dash = [](char32_t c) { return c == 0x2014 || c == 0x2015; };
        return a.ch == b.ch || (dash(a.ch) && dash(b.ch));  // ―― …… (same kind)
    }
    return false;
}

bool is_japanese_side(Cat c) { return c == Cat::jp; }

// JLREQ §3.1.11, Table 6: no expansion next to brackets, punctuation, hyphens, U+3000.
bool never_expands_next_to(Cat c) {
    switch (c) {
        case Cat::open:
        case Cat::close:
        case Cat::hyphen:
        case Cat::divide:
        case Cat::dot:
        case Cat::stop:
        case Cat::comma:
        case Cat::ispace:
        case Cat::space:
        case Cat::none: return true;
        default: return false;
    }
}

Gap pair_gap(const Item& a, Cat ca, const Item& b, Cat cb, const GlueOptions& opt) {
    Gap g;
    double fixed = 0;
    if (ca == Cat::none || cb == Cat::none) {
        // Outside JLREQ spacing (controls): set solid, never adjusted.
    } else {
        // The trailing half of closers, commas and full stops (typesetting.md §2.4 rule 2):
        // set solid before another closer/comma/full stop (the ½ goes after the last one) and
        // before U+3000 (Table 1 column cl-14); a closer before a middle dot keeps only the
        // dot's ¼ (Table 1 row cl-02).
        const bool trailing_half = ca == Cat::close || ca == Cat::comma || ca == Cat::stop;
        const bool solid_after = cb == Cat::close || cb == Cat::comma || cb == Cat::stop || cb == Cat::ispace ||
                                 (ca == Cat::close && cb == Cat::dot);
        if (trailing_half && !solid_after) {
            if (ca == Cat::stop)
                fixed += 0.5 * a.em;  // JLREQ §3.8.3: the ½ em after a mid-line 。 is never reduced
            else
                g.bracket += 0.5 * a.em;
        }
        // The leading half of an opener (rule 1): not after another opener (consecutive openers
        // are solid), nor where a preceding closer/comma/full stop already gave its ½, nor after
        // a middle dot (Table 1 row cl-05: ¼ only).
        if (cb == Cat::open && !(ca == Cat::open || trailing_half || ca == Cat::dot)) g.bracket += 0.5 * b.em;
        // Middle dots: ¼ em on each side, whatever the neighbour (rule 3).
        if (ca == Cat::dot) g.dot_trail += 0.25 * a.em;
        if (cb == Cat::dot) g.dot_lead += 0.25 * b.em;
        // Japanese–Western aki (rule 5; JLREQ §3.2.6): between J (or ？！) and half-width
        // digits/Latin; never next to brackets, punctuation, spaces.
        if ((is_japanese_side(ca) || ca == Cat::divide) && cb == Cat::west) g.jw += opt.latin_spacing * a.em;
        if (ca == Cat::west && is_japanese_side(cb)) g.jw += opt.latin_spacing * b.em;
    }

    const bool unbreakable = unbreakable_pair(a, ca, b, cb);
    if (g.jw > 0) {
        if (unbreakable) {
            // `2５`: the aki JLREQ prescribes between the two widths stays, but a numeral is
            // never spread (§2.3 item 2) — and never shrunk either.
            fixed += g.jw;
            g.jw = 0;
        } else {
            // Table 6 stage 2: ¼ → ½ em.
            const double em = ca == Cat::west ? b.em : a.em;
            g.jw_stretch = std::max(0.0, 0.5 * em - g.jw);
            g.expandable = true;
        }
    } else if (!unbreakable && !never_expands_next_to(ca) && !never_expands_next_to(cb)) {
        // Stage 3: kana/kanji gaps (and J next to cl-08, cl-12/13, cl-17/18) up to ¼ em each.
        if (!(ca == Cat::west && cb == Cat::west)) {
            g.stretch = 0.25 * std::min(a.em, b.em);
            g.expandable = true;
        }
    }

    // 均等割り (JLREQ §3.7.3): not inside unbreakable sequences; inside brackets only the space
    // before openers and after closers is used.
    g.jidori = !unbreakable && ca != Cat::none && cb != Cat::none && ca != Cat::open && cb != Cat::close &&
               cb != Cat::comma && cb != Cat::stop;

    fixed += a.tracking_after;
    g.natural = g.bracket + g.dot_lead + g.dot_trail + g.jw + fixed;
    return g;
}

}  // namespace

Glue compute_glue(std::span<const Item> items, const GlueOptions& options) {
    const std::size_t n = items.size();
    Glue glue;
    glue.items.resize(n);
    std::vector<Cat> cats(n);
    for (std::size_t i = 0; i < n; ++i) cats[i] = category(items[i]);

    // An ASCII space whose nearest non-space neighbours on both sides are Japanese (not
    // Western, not outside the text) is a separator: U+3000-like (typesetting.md §2.4).
    for (std::size_t i = 0; i < n;) {
        if (!is_ascii_space(items[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n && is_ascii_space(items[j])) ++j;
        const bool japanese_before = i > 0 && cats[i - 1] != Cat::west && cats[i - 1] != Cat::none;
        const bool japanese_after = j < n && cats[j] != Cat::west && cats[j] != Cat::none;
        if (japanese_before && japanese_after)
            for (std::size_t k = i; k < j; ++k) cats[k] = Cat::ispace;
        i = j;
    }

    for (std::size_t i = 0; i < n; ++i) {
        const Item& it = items[i];
        ItemGlue& ig = glue.items[i];
        ig.width = it.width;
        switch (cats[i]) {
            case Cat::space:
                // JLREQ cl-26: 1/3 em, reducible to 1/4, expandable to 1/2.
                ig.width = it.em / 3;
                ig.shrink = it.em / 3 - it.em / 4;
                ig.stretch = it.em / 2 - it.em / 3;
                ig.word_space = true;
                ig.hangs = true;
                break;
            case Cat::ispace:
                if (is_ascii_space(it)) ig.width = it.em;  // set like U+3000
                ig.hangs = true;
                break;
            case Cat::open: break;  // line head: 天付き, no aki (JLREQ §3.1.5; §2.4 "0 preferred")
            case Cat::dot:
                // A middle dot keeps its ¼ em on both sides at a line head and end (Table 1 row
                // cl-05, "line end ¼"); at a line end both may go (stage 3).
                ig.head = 0.25 * it.em;
                ig.end = 0.25 * it.em;
                ig.end_stage = 3;
                break;
            case Cat::close:
            case Cat::comma:
            case Cat::stop:
                // Line-end aki after ）」、。: ½ em, removable as a whole (stage 2).
                ig.end = 0.5 * it.em;
                ig.end_stage = 2;
                break;
            default: break;
        }
    }

    if (n > 1) glue.gaps.resize(n - 1);
    for (std::size_t i = 0; i + 1 < n; ++i)
        glue.gaps[i] = pair_gap(items[i], cats[i], items[i + 1], cats[i + 1], options);
    return glue;
}

double natural_width(const Glue& glue, std::size_t begin, std::size_t end, bool as_line) {
    end = std::min(end, glue.items.size());
    while (as_line && end > begin && glue.items[end - 1].hangs) --end;
    if (begin >= end) return 0;
    double w = as_line ? glue.items[begin].head + glue.items[end - 1].end : 0;
    for (std::size_t i = begin; i < end; ++i) {
        w += glue.items[i].width;
        if (i + 1 < end) w += glue.gaps[i].natural;
    }
    return w;
}

std::optional<double> halt_shift(text::CharClass cls, double ink_left, double ink_right) {
    // A hundredth of an em of slack: outlines that touch the half line still fit.
    constexpr double tol = 0.01;
    switch (cls) {
        case CharClass::opening_bracket:
            if (ink_left >= 0.5 - tol && ink_right <= 1.0 + tol) return -0.5;
            return std::nullopt;
        case CharClass::closing_bracket:
        case CharClass::full_stop:
        case CharClass::comma:
            if (ink_left >= -tol && ink_right <= 0.5 + tol) return 0.0;
            return std::nullopt;
        case CharClass::middle_dot:
            if (ink_left >= 0.25 - tol && ink_right <= 0.75 + tol && std::abs((ink_left + ink_right) / 2 - 0.5) <= 0.05)
                return -0.25;
            return std::nullopt;
        default: return std::nullopt;
    }
}

}  // namespace gijiroku::layout::jlreq
