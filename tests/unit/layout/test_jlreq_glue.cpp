// JLREQ Table 1 spacing with the 1-em mock: the natural widths of typesetting.md §7.2 (as
// corrected in §7.4) and the pair rules of §2.4.
#include <catch2/catch.hpp>

#include "test_para_mock.hpp"

using gijiroku::layout::jlreq::natural_width;
using para_mock::CharClass;

namespace {

// Width of the string on its own (no line-head or line-end aki), as jlreq's \settowidth
// measures the §7.2 vectors.
double width(std::u32string_view text) {
    const para_mock::Mock m = para_mock::make(text);
    return natural_width(m.glue, 0, m.items.size(), false);
}

double line_width(std::u32string_view text) {
    const para_mock::Mock m = para_mock::make(text);
    return natural_width(m.glue, 0, m.items.size(), true);
}

// The aki between characters i and i + 1.
double gap(std::u32string_view text, std::size_t i) { return para_mock::make(text).glue.gaps.at(i).natural; }

}  // namespace

TEST_CASE("§7.2 natural widths", "[jlreq][glue]") {
    CHECK(width(U"委員（会長）、冨田") == Approx(8.5));
    CHECK(width(U"日（火曜日）午後") == Approx(8.0));
    CHECK(width(U"午後６時30分") == Approx(6.5));  // §7.4 correction: 6.5, not 5.5
    CHECK(width(U"）」、。「（") == Approx(3.5));
    CHECK(width(U"転入・転居") == Approx(5.0));
    CHECK(width(U"２～３年") == Approx(4.0));
    CHECK(width(U"３月2５日") == Approx(5.0));
    CHECK(width(U"「「異字同訓」の漢字」") == Approx(9.5));
}

TEST_CASE("§2.4 the aki of the vectors, pair by pair", "[jlreq][glue]") {
    // 委 員 ‹½› （ 会 長 ） 、 ‹½› 冨 田 — `）、` solid
    CHECK(gap(U"委員（会長）、冨田", 1) == Approx(0.5));
    CHECK(gap(U"委員（会長）、冨田", 5) == Approx(0.0));
    CHECK(gap(U"委員（会長）、冨田", 6) == Approx(0.5));
    // 午 後 ６ 時 ‹¼› 3 0 ‹¼› 分: full-width ６ is solid (cl-19)
    CHECK(gap(U"午後６時30分", 1) == Approx(0.0));
    CHECK(gap(U"午後６時30分", 3) == Approx(0.25));
    CHECK(gap(U"午後６時30分", 4) == Approx(0.0));
    CHECK(gap(U"午後６時30分", 5) == Approx(0.25));
    // 転 入 ‹¼› ・ ‹¼› 転 居
    CHECK(gap(U"転入・転居", 1) == Approx(0.25));
    CHECK(gap(U"転入・転居", 2) == Approx(0.25));
    // 「「 solid, ½ em after 」 before の
    CHECK(gap(U"「「異字同訓」の漢字」", 0) == Approx(0.0));
    CHECK(gap(U"「「異字同訓」の漢字」", 6) == Approx(0.5));
}

TEST_CASE("§2.4 rule 2: consecutive punctuation is 1.5 em a pair", "[jlreq][glue]") {
    // 」。 。」 ）、 」」 」「 、「 mid-line: ½ + ½ bodies and one ½ aki.
    for (std::u32string_view pair : {U"」。", U"。」", U"）、", U"」」", U"」「", U"、「"}) {
        const std::u32string text = U"あ" + std::u32string(pair) + U"い";
        INFO(gijiroku::utf8::encode(pair));
        CHECK(width(text) - 2 == Approx(1.5));
    }
}

TEST_CASE("§2.4 Table 1 rows around middle dots and full stops", "[jlreq][glue]") {
    CHECK(gap(U"）・", 0) == Approx(0.25));   // rule 3: only the dot's ¼ after a closer
    CHECK(gap(U"。・", 0) == Approx(0.75));   // ½ + ¼
    CHECK(gap(U"、・", 0) == Approx(0.75));   // ½ + ¼
    CHECK(gap(U"・・", 0) == Approx(0.5));    // ¼ + ¼
    CHECK(gap(U"・「", 0) == Approx(0.25));   // Table 1 row cl-05
    CHECK(gap(U"「・", 0) == Approx(0.25));
    CHECK(gap(U"」　", 0) == Approx(0.0));    // column cl-14: solid before U+3000
    CHECK(gap(U"。あ", 0) == Approx(0.5));
    CHECK(gap(U"～（", 0) == Approx(0.5));    // rule 1
}

TEST_CASE("§2.4 Japanese–Western aki only between J and D/W", "[jlreq][glue]") {
    CHECK(gap(U"日A", 0) == Approx(0.25));
    CHECK(gap(U"A日", 0) == Approx(0.25));
    CHECK(gap(U"AB", 0) == Approx(0.0));
    CHECK(gap(U"、A", 0) == Approx(0.5));   // the punctuation's ½ wins (rule 5)
    CHECK(gap(U"A（", 0) == Approx(0.5));
    CHECK(gap(U"（A", 0) == Approx(0.0));
    CHECK(gap(U"A）", 0) == Approx(0.0));
    CHECK(gap(U"６時", 0) == Approx(0.0));   // rule 6: full-width digits are cl-19
    CHECK(gap(U"100％", 2) == Approx(0.0));  // §2.3 item 3: unbreakable, no space inside
}

TEST_CASE("§2.4 line head and line end", "[jlreq][glue]") {
    // An opener at a line head has no aki (天付き, "0 preferred"); a closer, comma or full
    // stop at a line end keeps ½ em, reducible as a whole.
    CHECK(line_width(U"「あ") == Approx(1.5));
    CHECK(line_width(U"あ、") == Approx(2.0));
    CHECK(line_width(U"あ」") == Approx(2.0));
    CHECK(line_width(U"あ。") == Approx(2.0));
    CHECK(line_width(U"「「異字同訓」の漢字」") == Approx(10.0));
}

TEST_CASE("§2.4 last paragraph: an ASCII space between Japanese is set like U+3000", "[jlreq][glue]") {
    const para_mock::Mock m = para_mock::make(U"令和６年度 第３回");
    CHECK(m.glue.items[5].width == Approx(1.0));
    CHECK(m.glue.items[5].shrink == 0);
    CHECK(m.glue.items[5].stretch == 0);
    CHECK_FALSE(m.glue.gaps[4].expandable);  // never stretched around
    CHECK_FALSE(m.glue.gaps[5].expandable);
    CHECK(width(U"令和６年度 第３回") == Approx(9.0));
    // Between Western words it stays a word space: 1/3 em, 1/4 … 1/2 (cl-26).
    const para_mock::Mock w = para_mock::make(U"ab cd");
    CHECK(w.glue.items[2].width == Approx(1.0 / 3));
    CHECK(w.glue.items[2].width - w.glue.items[2].shrink == Approx(0.25));
    CHECK(w.glue.items[2].width + w.glue.items[2].stretch == Approx(0.5));
}

TEST_CASE("§2.6 what may expand", "[jlreq][glue]") {
    const auto expandable = [](std::u32string_view text, std::size_t i) {
        return para_mock::make(text).glue.gaps.at(i).expandable;
    };
    CHECK(expandable(U"あい", 0));
    CHECK(expandable(U"日A", 0));   // stage 2 (J–W)
    CHECK_FALSE(expandable(U"AB", 0));   // inside a Western word
    CHECK_FALSE(expandable(U"12", 0));   // inside a number
    CHECK_FALSE(expandable(U"２１", 0)); // inside a full-width number
    CHECK_FALSE(expandable(U"2５", 0));  // inside a mixed numeral
    CHECK_FALSE(expandable(U"あ（", 0)); // either side of brackets (JLREQ §3.1.11)
    CHECK_FALSE(expandable(U"）あ", 0));
    CHECK_FALSE(expandable(U"あ、", 0));
    CHECK_FALSE(expandable(U"。あ", 0));
    CHECK_FALSE(expandable(U"あ・", 0));
    CHECK_FALSE(expandable(U"２～", 0)); // hyphens
    CHECK_FALSE(expandable(U"あ　", 0)); // U+3000
    CHECK_FALSE(expandable(U"……", 0));  // inseparable pairs
    CHECK(expandable(U"あ…", 0));
    // Reduction: the ½ after a mid-line 。 never shrinks; the ½ after 、 does.
    CHECK(para_mock::make(U"。あ").glue.gaps[0].bracket == 0);
    CHECK(para_mock::make(U"、あ").glue.gaps[0].bracket == Approx(0.5));
    CHECK(para_mock::make(U"日A").glue.gaps[0].jw == Approx(0.25));
}

TEST_CASE("§3.8 halt synthesised from ink boxes", "[jlreq][halt]") {
    using gijiroku::layout::jlreq::halt_shift;
    // The tested BIZ UD ink boxes (1000 upem): 「 660–930, 」 70–340, （ 659–930, ） 70–341,
    // 、 63–282, 。 60–320, ・ 420–580; IPAex 「 670–917, 」 83–330.
    CHECK(halt_shift(CharClass::opening_bracket, 0.660, 0.930) == -0.5);
    CHECK(halt_shift(CharClass::opening_bracket, 0.659, 0.930) == -0.5);
    CHECK(halt_shift(CharClass::opening_bracket, 0.670, 0.917) == -0.5);
    CHECK(halt_shift(CharClass::closing_bracket, 0.070, 0.340) == 0.0);
    CHECK(halt_shift(CharClass::closing_bracket, 0.070, 0.341) == 0.0);
    CHECK(halt_shift(CharClass::closing_bracket, 0.083, 0.330) == 0.0);
    CHECK(halt_shift(CharClass::comma, 0.063, 0.282) == 0.0);
    CHECK(halt_shift(CharClass::full_stop, 0.060, 0.320) == 0.0);
    CHECK(halt_shift(CharClass::middle_dot, 0.420, 0.580) == -0.25);
    // Ink in the wrong half or across the middle: keep the full width.
    CHECK_FALSE(halt_shift(CharClass::opening_bracket, 0.300, 0.700));
    CHECK_FALSE(halt_shift(CharClass::opening_bracket, 0.070, 0.340));
    CHECK_FALSE(halt_shift(CharClass::closing_bracket, 0.660, 0.930));
    CHECK_FALSE(halt_shift(CharClass::comma, 0.400, 0.700));
    CHECK_FALSE(halt_shift(CharClass::middle_dot, 0.100, 0.300));
    CHECK_FALSE(halt_shift(CharClass::hiragana, 0.100, 0.300));
}

TEST_CASE("a punctuation glyph that stays full width is spaced like a kanji", "[jlreq][glue]") {
    para_mock::Mock m = para_mock::make(U"あ「い");
    m.items[1].width = 1;
    m.items[1].full_width_punctuation = true;
    const auto glue = gijiroku::layout::jlreq::compute_glue(m.items);
    CHECK(natural_width(glue, 0, 3, false) == Approx(3.0));
}
