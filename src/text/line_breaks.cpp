#include "text/line_breaks.hpp"

#include <stdexcept>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "text/char_class.hpp"
#include "text/digits.hpp"

namespace gijiroku::text {

namespace {

using C = CharClass;

constexpr char32_t kReplacement = 0xFFFD;
// Stand-ins with UAX #14 class ID, one per UTF-16 length, so offsets do not move:
// 〓 U+3013 GETA MARK and 𠀀 U+20000.
constexpr char32_t kIdeographBmp = 0x3013;
constexpr char32_t kIdeographSupplementary = 0x20000;

const char* icu_locale(KinsokuLevel level) {
    // typesetting.md §3.7: plain `ja` selects line_normal.brk (not the CJ rules); the lb=
    // keyword selects line_cj / line_normal_cj / line_loose_cj.
    switch (level) {
    case KinsokuLevel::very_strict: return "ja@lb=strict";
    case KinsokuLevel::strict: return "ja@lb=normal";
    case KinsokuLevel::loose: return "ja@lb=loose";
    }
    return "ja@lb=strict";
}

// Separators inside a number (JLREQ cl-24 `1,000` `3.14`, and their full-width forms).
bool is_number_separator(char32_t c) {
    return c == U',' || c == U'.' || c == 0xFF0C || c == 0xFF0E;
}

bool is_wave(char32_t c) { return c == 0xFF5E || c == 0x301C; }

bool is_percent(char32_t c) { return c == U'%' || c == 0xFF05; }

// JLREQ Table 2 note 5 and §3.1.10: only a pair of the *same* inseparable character is
// unbreakable. — U+2014 and ― U+2015 are one kind here: both are typed as the Japanese dash,
// and a mixed pair is one dash with an input inconsistency. 〳/〴 + 〵 is JLREQ's listed pair.
int inseparable_kind(char32_t c) {
    switch (c) {
    case 0x2014:
    case 0x2015: return 1;
    case 0x2026: return 2;
    case 0x2025: return 3;
    case 0x3033:
    case 0x3034:
    case 0x3035: return 4;
    default: return 0;
    }
}

bool same_inseparable_pair(char32_t a, char32_t b) {
    const int ka = inseparable_kind(a);
    if (ka == 0 || ka != inseparable_kind(b)) return false;
    if (ka == 4) return (a == 0x3033 || a == 0x3034) && b == 0x3035;
    return true;
}

bool valid_scalar(char32_t c) { return c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF); }

// The code point ICU is shown instead of `c` (see the header, step 1).
char32_t stand_in(char32_t c, CharClass cls, KinsokuLevel level) {
    if (!valid_scalar(c)) return kReplacement;
    if (c == 0xFF5E) return 0x301C;
    if (c == 0x2015) return 0x2014;
    if (c == 0x3005 && level != KinsokuLevel::very_strict) return kIdeographBmp;
    if (cls == C::ideographic) {
        const int lb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK);
        if (lb == U_LB_AMBIGUOUS || lb == U_LB_ALPHABETIC || lb == U_LB_UNKNOWN) {
            return c < 0x10000 ? kIdeographBmp : kIdeographSupplementary;
        }
    }
    return c;
}

void append_utf16(std::u16string& out, char32_t c) {
    if (c < 0x10000) {
        out.push_back(static_cast<char16_t>(c));
    } else {
        const char32_t v = c - 0x10000;
        out.push_back(static_cast<char16_t>(0xD800 + (v >> 10)));
        out.push_back(static_cast<char16_t>(0xDC00 + (v & 0x3FF)));
    }
}

std::unique_ptr<icu::BreakIterator> make_iterator(bool line, const char* locale) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale loc(locale);
    std::unique_ptr<icu::BreakIterator> it(
        line ? icu::BreakIterator::createLineInstance(loc, status)
             : icu::BreakIterator::createCharacterInstance(loc, status));
    if (U_FAILURE(status) || !it) {
        throw std::runtime_error(std::string("ICU break iterator for ") + locale +
                                 " unavailable: " + u_errorName(status));
    }
    return it;
}

}  // namespace

struct LineBreaker::Impl {
    KinsokuLevel level;
    std::unique_ptr<icu::BreakIterator> line;
    std::unique_ptr<icu::BreakIterator> graphemes;
    // Reused between calls so a layout job does not allocate per paragraph.
    std::u16string utf16;
    std::vector<std::int32_t> offsets;  // UTF-16 offset of each code point, plus the end
    UText* utext = nullptr;

    explicit Impl(KinsokuLevel lvl)
        : level(lvl), line(make_iterator(true, icu_locale(lvl))),
          graphemes(make_iterator(false, "ja")) {}
    ~Impl() { utext_close(utext); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    // Converts `text` into utf16/offsets (through stand_in when `classes` is given) and
    // points `it` at it.
    void load(icu::BreakIterator& it, std::u32string_view text,
              const std::vector<CharClass>* classes) {
        utf16.clear();
        offsets.clear();
        utf16.reserve(text.size() + text.size() / 8);
        offsets.reserve(text.size() + 1);
        for (std::size_t i = 0; i < text.size(); ++i) {
            offsets.push_back(static_cast<std::int32_t>(utf16.size()));
            const char32_t c = classes ? stand_in(text[i], (*classes)[i], level)
                                       : (valid_scalar(text[i]) ? text[i] : kReplacement);
            append_utf16(utf16, c);
        }
        offsets.push_back(static_cast<std::int32_t>(utf16.size()));
        UErrorCode status = U_ZERO_ERROR;
        utext = utext_openUChars(utext, reinterpret_cast<const UChar*>(utf16.data()),
                                 static_cast<int64_t>(utf16.size()), &status);
        it.setText(utext, status);
        if (U_FAILURE(status)) {
            throw std::runtime_error(std::string("ICU setText failed: ") + u_errorName(status));
        }
    }

    // Walks the iterator's boundaries and calls f(code point index, rule status) for each
    // boundary strictly inside the text. ICU never reports a boundary inside a surrogate
    // pair, so every boundary maps to a code point index.
    template <typename F>
    void for_each_boundary(icu::BreakIterator& it, F&& f) const {
        const std::size_t n = offsets.size() - 1;
        std::size_t j = 0;
        for (std::int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
            while (j < n && offsets[j] < b) ++j;
            if (j == 0 || j >= n) continue;
            f(j, it.getRuleStatus());
        }
    }
};

const char* kinsoku_level_name(KinsokuLevel level) {
    switch (level) {
    case KinsokuLevel::very_strict: return "very_strict";
    case KinsokuLevel::strict: return "strict";
    case KinsokuLevel::loose: return "loose";
    }
    return "very_strict";
}

int jlreq_level(KinsokuLevel level) {
    switch (level) {
    case KinsokuLevel::very_strict: return 4;
    case KinsokuLevel::strict: return 3;
    case KinsokuLevel::loose: return 2;
    }
    return 4;
}

LineBreaker::LineBreaker(KinsokuLevel level) : impl_(std::make_unique<Impl>(level)) {}
LineBreaker::~LineBreaker() = default;
LineBreaker::LineBreaker(LineBreaker&&) noexcept = default;
LineBreaker& LineBreaker::operator=(LineBreaker&&) noexcept = default;

KinsokuLevel LineBreaker::level() const { return impl_->level; }

std::vector<BreakOpportunity> LineBreaker::breaks(std::u32string_view text) const {
    using B = BreakOpportunity;
    const std::size_t n = text.size();
    std::vector<B> out(n + 1, B::forbidden);
    out[n] = B::mandatory;
    if (n == 0) return out;

    const std::vector<CharClass> cls = classify(text);
    Impl& im = *impl_;
    im.load(*im.line, text, &cls);
    im.for_each_boundary(*im.line, [&](std::size_t j, std::int32_t status) {
        const bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
        out[j] = hard ? B::mandatory : B::allowed;
    });

    const KinsokuLevel level = im.level;
    // Index of the base character a boundary follows: combining marks and selectors belong
    // to the character before them, so pair rules look through them.
    std::vector<std::size_t> base(n);
    for (std::size_t i = 0; i < n; ++i) {
        base[i] = (cls[i] == C::combining && i > 0) ? base[i - 1] : i;
    }
    // Next non-combining index at or after i (n if none).
    const auto next_base = [&](std::size_t i) {
        while (i < n && cls[i] == C::combining) ++i;
        return i;
    };
    const auto digit_at = [&](std::size_t i) { return i < n && is_digit(text[i]); };
    const auto digit_before = [&](std::size_t i) {  // the base before index i is a digit
        return i > 0 && is_digit(text[base[i - 1]]);
    };

    for (std::size_t i = 1; i < n; ++i) {
        if (out[i] == B::mandatory) continue;
        const std::size_t pa = base[i - 1];
        const char32_t a = text[pa];
        const char32_t b = text[i];
        const CharClass ca = cls[pa];
        const CharClass cb = cls[i];

        // Permission: JLREQ Table 2 note 5 — different inseparables may be separated.
        if (out[i] == B::forbidden && ca == C::inseparable && cb == C::inseparable &&
            !same_inseparable_pair(a, b) && cls[i - 1] != C::combining) {
            out[i] = B::allowed;
        }
        if (out[i] != B::allowed) continue;

        bool veto = false;
        // Marks and selectors stay with their base (typesetting.md §6.3 item 2).
        if (cb == C::combining || text[i - 1] == 0x200D) veto = true;
        // All levels (JLREQ Addendum to Table 2; §3.1.7, §3.1.8; Table 2 row cl-12).
        else if (never_starts_line(cb) || never_ends_line(ca)) veto = true;
        else if (cb == C::dividing_punctuation) veto = true;  // relaxed only at level 1
        else if (cb == C::hyphen) veto = level != KinsokuLevel::loose;
        else if (cb == C::middle_dot) {
            // Level 2 relaxes KATAKANA MIDDLE DOT only, not ：；.
            veto = !(level == KinsokuLevel::loose && (b == 0x30FB || b == 0xFF65));
        } else if (cb == C::iteration_mark) {
            // Levels 3 and 2 relax IDEOGRAPHIC ITERATION MARK 々 only.
            veto = !(level != KinsokuLevel::very_strict && b == 0x3005);
        } else if (cb == C::prolonged_sound_mark || cb == C::small_kana) {
            veto = level == KinsokuLevel::very_strict;
        }
        if (!veto && ca == C::inseparable && cb == C::inseparable && same_inseparable_pair(a, b)) {
            // ―― is unbreakable at every level we offer; level 2 relaxes …… and ‥‥.
            veto = !(level == KinsokuLevel::loose && (b == 0x2026 || b == 0x2025));
        }
        if (!veto) {
            // typesetting.md §2.3 item 6 (project tailoring): no break inside a run of digits
            // of either width, including its separators, nor around ～ between two digits.
            const bool da = is_digit(a);
            const bool db = is_digit(b);
            const std::size_t after = next_base(i + 1);
            if (da && db) veto = true;
            else if (da && (is_number_separator(b) || is_wave(b)) && digit_at(after)) veto = true;
            else if ((is_number_separator(a) || is_wave(a)) && db && digit_before(pa)) veto = true;
            // JLREQ §3.1.10 / Table 2 note 9: a numeral and its postfixed abbreviation stay
            // together; level 2 relaxes ％ only.
            else if (da && cb == C::postfixed_abbreviation)
                veto = !(level == KinsokuLevel::loose && is_percent(b));
        }
        if (veto) out[i] = B::forbidden;
    }
    return out;
}

std::vector<bool> LineBreaker::emergency_breaks(std::u32string_view text) const {
    const std::size_t n = text.size();
    std::vector<bool> out(n + 1, false);
    if (n < 2) return out;
    const auto in_run = [](CharClass c) {
        return c == C::western || c == C::grouped_numeral || c == C::unit_symbol ||
               c == C::prefixed_abbreviation || c == C::postfixed_abbreviation;
    };
    const auto delimiter = [](char32_t c) {
        switch (c) {
        case U'/': case U'.': case U'-': case U'_': case U'?': case U'&': case U'=': case U'#':
            return true;
        default:
            return false;
        }
    };
    const auto ascii_digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
    for (std::size_t i = 1; i < n; ++i) {
        const char32_t a = text[i - 1];
        const char32_t b = text[i];
        if (!delimiter(a) || delimiter(b)) continue;
        // Strictly inside the run: the delimiter has a Western character before it too.
        if (i < 2 || !in_run(char_class(text[i - 2])) || !in_run(char_class(a)) ||
            !in_run(char_class(b))) {
            continue;
        }
        if (i >= 2 && (a == U'.' || a == U',') && ascii_digit(text[i - 2]) && ascii_digit(b)) {
            continue;
        }
        out[i] = true;
    }
    return out;
}

std::vector<bool> LineBreaker::grapheme_breaks(std::u32string_view text) const {
    const std::size_t n = text.size();
    std::vector<bool> out(n + 1, false);
    if (n < 2) return out;
    Impl& im = *impl_;
    im.load(*im.graphemes, text, nullptr);
    im.for_each_boundary(*im.graphemes, [&](std::size_t j, std::int32_t) { out[j] = true; });
    return out;
}

}  // namespace gijiroku::text
