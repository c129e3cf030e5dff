// Line-break opportunities for Japanese text: ICU's CJ line breaking corrected by the JLREQ
// veto layer of typesetting.md §2.2, §2.3 and §3.7.
//
// How an opportunity is decided (typesetting.md §3.7 "Recommended architecture"):
//   1. ICU's line BreakIterator for `ja@lb=strict` / `ja@lb=normal` / `ja@lb=loose` (by
//      level) proposes opportunities. Before ICU sees the text, a few code points are stood
//      in for by ones with the line-break class JLREQ wants, length for length in UTF-16:
//        ～ U+FF5E → 〜 U+301C (NS: §3.7 row 2);  ― U+2015 → — U+2014 (B2: row 5);
//        characters that char_class() puts in cl-19 but UAX #14 calls AI/AL/XX (※ → ○ ● ①
//        § ㆍ © •, private use) → an ideograph (ID: row 4, the LB1 resolution UAX #14 allows
//        for East Asian text); at levels 3 and 2, 々 → an ideograph (JLREQ lets 々 start a
//        line there; ICU's normal rules do not).
//   2. Two JLREQ permissions ICU lacks: a break between two *different* cl-08 characters
//      (―|…; JLREQ Table 2 note 5; ICU never breaks before … under UAX #14 LB22).
//   3. The veto layer removes opportunities JLREQ forbids at the chosen level:
//        all levels: before cl-02 ） 」, cl-06 。, cl-07 、; after cl-01 （ 「 and cl-12 ￥ ＄;
//          before a combining mark or variation selector (VS1–16, VS17–256 U+E0100–E01EF);
//          before cl-04 ！？; inside a digit run of either width (`２１` `2５` `1,000` `3.14`
//          `１，０００`); on either side of ～/〜 between two digits (`２～３`); between a
//          digit and a postfixed abbreviation (`100％` `30℃`, JLREQ §3.1.10);
//          between two same-kind cl-08 characters (―― ……; — and ― count as one kind);
//        level 4 and 3: before cl-03 ‐ 〜 ～ ゠ –, before cl-05 ・ ： ；, before ゝ ゞ ヽ ヾ 〻;
//        level 4 only: before 々, ー (cl-10) and small kana (cl-11);
//        level 2 keeps everything except: hyphens, ・ (not ：；), …… and ‥‥, 々, ー, small
//          kana and ％ before which a break is allowed (JLREQ Addendum to Table 2).
//   The result never contains a break that neither ICU (on the stood-in text) nor rule 2
//   allowed. The layout engine adds none either, except the emergency breaks below.
//
// Known and accepted differences from JLREQ Table 2: ICU never breaks before … ‥ after a
// kana/kanji (JLREQ would), nor before U+3000 (JLREQ would); both are the stricter choice.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace gijiroku::text {

// Strength of line-start/line-end prohibition (kinsoku, 禁則), named after the JLREQ levels of
// the Addendum to Table 2.
//
// NAMING TRAP (typesetting.md §7.4): CSS and ICU call JLREQ level 4 "strict" and JLREQ
// level 3 "normal". Here the names follow JLREQ:
//   very_strict = JLREQ level 4 = CSS/ICU `strict` — the project default; 々, ー and small
//                 kana never start a line (等々力 is never split before 々).
//   strict      = JLREQ level 3 (JLREQ calls it its default) ≈ CSS/ICU `normal`; 々, ー and
//                 small kana may start a line; hyphens and ・：； still may not.
//   loose       = JLREQ level 2 (magazines) ≈ CSS/ICU `loose`; additionally hyphens, ・,
//                 …… ‥‥ pairs and ％ after a number.
// JLREQ level 1 (newspapers) is not offered.
enum class KinsokuLevel : std::uint8_t { very_strict, strict, loose };

// "very_strict" / "strict" / "loose", for dumps.
const char* kinsoku_level_name(KinsokuLevel level);

// The JLREQ level number: 4, 3 or 2.
int jlreq_level(KinsokuLevel level);

// Whether a line may be broken at a boundary.
enum class BreakOpportunity : std::uint8_t {
    forbidden,  // no break here
    allowed,    // a line may end here (the text before it stays on the line)
    mandatory,  // a hard break: after LF, CR, CR LF, NEL, VT, FF, U+2028, U+2029, and at the end
};

// Computes break opportunities. Holds ICU iterators created once in the constructor, so
// reusing one object is cheap; one per layout job. Not thread-safe: `const` member functions
// reuse internal buffers, so one object must not be used from two threads at once (create
// one per thread instead).
//
// Index convention for every vector returned: entry i describes the boundary *before* code
// point i of the text, so the size is text.size() + 1; entry text.size() is the end of the
// text. Indices count code points (char32_t), never UTF-16 units or bytes, so characters
// beyond the BMP (𠮷 U+20BB7) and IVS selectors (U+E0100…) count as one each.
class LineBreaker {
public:
    // Throws std::runtime_error only if ICU's break-iterator data cannot be loaded (a broken
    // installation, not a user error).
    explicit LineBreaker(KinsokuLevel level = KinsokuLevel::very_strict);
    ~LineBreaker();
    LineBreaker(LineBreaker&&) noexcept;
    LineBreaker& operator=(LineBreaker&&) noexcept;
    LineBreaker(const LineBreaker&) = delete;
    LineBreaker& operator=(const LineBreaker&) = delete;

    KinsokuLevel level() const;

    // One entry per code-point boundary (size text.size() + 1). Entry 0 is `forbidden` for a
    // non-empty text (a line cannot be empty), entry text.size() is always `mandatory` (the
    // end of the paragraph); between them `allowed`, `forbidden` or `mandatory` (hard line
    // breaks inside the text: the entry *after* the LF is mandatory). Surrogate code units
    // and values above U+10FFFF in `text` are treated as U+FFFD.
    std::vector<BreakOpportunity> breaks(std::u32string_view text) const;

    // Extra opportunities for an over-long Latin word or URL (typesetting.md §2.8), to be
    // used only when a run cannot otherwise fit the measure (no hyphen is inserted). Entry
    // i is true when the character before i is one of `/ . - _ ? & = #` inside a run of
    // Western characters (cl-24/25/27 and the abbreviation marks cl-12/13, no spaces: the
    // characters on both sides of the delimiter belong to the run), the character at i is
    // not itself a delimiter (so `//` and `?&` stay together), and the delimiter is not the
    // `.`/`,` of a number between digits (`3.14`). Same size and index convention as
    // breaks(); entries 0 and text.size() are false. May overlap with allowed entries of
    // breaks().
    std::vector<bool> emergency_breaks(std::u32string_view text) const;

    // The last resort when even emergency_breaks() leave a run too wide (CSS
    // `overflow-wrap: anywhere`): every extended grapheme cluster boundary (UAX #29, ICU's
    // character iterator), so a base and its combining marks or variation selector, a
    // surrogate pair, and an emoji sequence are never split. Same size and index convention;
    // entries 0 and text.size() are false.
    std::vector<bool> grapheme_breaks(std::u32string_view text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gijiroku::text
