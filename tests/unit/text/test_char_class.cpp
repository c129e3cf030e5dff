// JLREQ character classes: the seed mapping of typesetting.md §2.1, the JLREQ appendix lists
// (generic code points mapped to the full-width forms Japanese text uses) and the tailorings.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "text/char_class.hpp"

using gijiroku::text::CharClass;
using gijiroku::text::char_class;
using gijiroku::text::classify;
using gijiroku::text::jlreq_number;

namespace {

std::string hex(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

void require_all(std::u32string_view chars, CharClass expected) {
    for (char32_t c : chars) {
        INFO(hex(c));
        CHECK(char_class(c) == expected);
    }
}

}  // namespace

TEST_CASE("seed mapping of typesetting.md §2.1", "[char_class]") {
    require_all(U"（「", CharClass::opening_bracket);
    require_all(U"）」", CharClass::closing_bracket);
    require_all(U"～", CharClass::hyphen);  // U+FF5E by the project tailoring
    require_all(U"・", CharClass::middle_dot);
    require_all(U"。", CharClass::full_stop);
    require_all(U"、", CharClass::comma);
    require_all(U"々", CharClass::iteration_mark);
    require_all(U"ー", CharClass::prolonged_sound_mark);
    require_all(U"ィッょ", CharClass::small_kana);  // ディネーター, ッ, ょ
    require_all(U"のこどもがいる", CharClass::hiragana);
    require_all(U"コデネタ", CharClass::katakana);
    require_all(U"議事要旨岩﨑髙山瀨冨田中嶽等力", CharClass::ideographic);  // 﨑 = U+FA11
    require_all(U"０１２３４５６７８９", CharClass::ideographic);
    require_all(U"→", CharClass::ideographic);
    require_all(U"30" U"15" U"2", CharClass::grouped_numeral);  // `30`, `15`, `2` of the seed
}

TEST_CASE("half-width digits are cl-24, spaces cl-26 and cl-14", "[char_class]") {
    require_all(U"0123456789", CharClass::grouped_numeral);
    CHECK(char_class(U' ') == CharClass::western_space);
    CHECK(char_class(0x3000) == CharClass::ideographic_space);
    CHECK(char_class(0x00A0) == CharClass::western_space);
}

TEST_CASE("JLREQ appendix classes with full-width forms", "[char_class]") {
    // cl-01 / cl-02 (JLREQ lists U+0028 etc.; Japanese text uses U+FF08 etc.)
    require_all(U"‘“（〔［｛〈《「『【｟〘〖«〝｢", CharClass::opening_bracket);
    require_all(U"’”）〕］｝〉》」』】｠〙〗»〟｣", CharClass::closing_bracket);
    require_all(U"‐〜゠–～", CharClass::hyphen);
    require_all(U"！？‼⁇⁈⁉", CharClass::dividing_punctuation);
    require_all(U"・：；･", CharClass::middle_dot);
    require_all(U"。．｡", CharClass::full_stop);
    require_all(U"、，､", CharClass::comma);
    require_all(U"—―…‥〳〴〵", CharClass::inseparable);
    require_all(U"ヽヾゝゞ々〻", CharClass::iteration_mark);
    require_all(U"ーｰ", CharClass::prolonged_sound_mark);
    require_all(U"ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｯ",
                CharClass::small_kana);
    require_all(U"￥＄￡＃€№¥£", CharClass::prefixed_abbreviation);
    require_all(U"°′″℃￠％‰㏋ℓ㌃㌍㌔㌘㌢㌣㌦㌧㌫㌶㌻㍉㍊㍍㍑㍗㎎㎏㎜㎝㎞㎡㏄", CharClass::postfixed_abbreviation);
    require_all(U"＝≠≒≃≅≈≡≢＜＞≦≧≪≫≶≷⋚⋛∧∨⌅⌆⊂⊃⊄⊅⊆⊇⊊⊋∈∋∉∪∩∥∦⇒⇔∽∝⊥⊕⊗", CharClass::math_symbol);
    require_all(U"＋−×÷±∓－", CharClass::math_operator);
    require_all(U"あいうえおかがゔん", CharClass::hiragana);
    require_all(U"アイウエオカガヴヷヸヹヺンｱｶﾝ", CharClass::katakana);
}

TEST_CASE("cl-19: full-width Latin and the symbols JLREQ and the brief list", "[char_class]") {
    require_all(U"ＡＺａｚ＆＊／＠＼｜", CharClass::ideographic);
    require_all(U"※→○●◎□■△▲☆★〒〃〆〇", CharClass::ideographic);
    for (char32_t c = 0x2460; c <= 0x2473; ++c) {  // ①–⑳
        INFO(hex(c));
        CHECK(char_class(c) == CharClass::ideographic);
    }
    // The JLREQ cl-19 list (appendix "Ideographic characters"), non-ASCII symbols only; its
    // Greek and Cyrillic letters are Western here by design (see char_class.hpp).
    const std::vector<std::pair<char32_t, char32_t>> jlreq_cl19 = {
        {0x00A7, 0x00A7}, {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x00B6, 0x00B6},
        {0x00BC, 0x00BE}, {0x2016, 0x2016}, {0x2020, 0x2022}, {0x203B, 0x203B},
        {0x2042, 0x2042}, {0x2051, 0x2051}, {0x2121, 0x2121}, {0x2153, 0x2155},
        {0x2160, 0x216B}, {0x2170, 0x217B}, {0x2190, 0x2194}, {0x2196, 0x2199},
        {0x21C4, 0x21C4}, {0x21E6, 0x21E9}, {0x221A, 0x221A}, {0x221E, 0x221F},
        {0x222B, 0x222C}, {0x2234, 0x2235}, {0x2296, 0x2296}, {0x22BF, 0x22BF},
        {0x2318, 0x2318}, {0x23CE, 0x23CE}, {0x2423, 0x2423}, {0x2460, 0x2473},
        {0x24D0, 0x24E9}, {0x24EB, 0x24FE}, {0x25A0, 0x25A1}, {0x25B1, 0x25B3},
        {0x25B6, 0x25B7}, {0x25BC, 0x25BD}, {0x25C0, 0x25C1}, {0x25C6, 0x25C7},
        {0x25C9, 0x25C9}, {0x25CB, 0x25CB}, {0x25CE, 0x25D3}, {0x25E6, 0x25E6},
        {0x25EF, 0x25EF}, {0x2600, 0x2603}, {0x2605, 0x2606}, {0x260E, 0x260E},
        {0x2616, 0x2617}, {0x261E, 0x261E}, {0x2640, 0x2640}, {0x2642, 0x2642},
        {0x2660, 0x266F}, {0x2713, 0x2713}, {0x2756, 0x2756}, {0x2776, 0x277F},
        {0x2934, 0x2935}, {0x29BF, 0x29BF}, {0x29FA, 0x29FB}, {0x3003, 0x3003},
        {0x3006, 0x3007}, {0x3012, 0x3013}, {0x3020, 0x3020}, {0x303C, 0x303D},
        {0x309F, 0x309F}, {0x30FF, 0x30FF}, {0x3231, 0x3232}, {0x3239, 0x3239},
        {0x3251, 0x325F}, {0x32A4, 0x32A8}, {0x32B1, 0x32BF}, {0x32D0, 0x32E3},
        {0x32E5, 0x32E5}, {0x32E9, 0x32E9}, {0x32EC, 0x32ED}, {0x32FA, 0x32FA},
        {0x337B, 0x337E}, {0x33CD, 0x33CD}, {0x4EDD, 0x4EDD},
    };
    for (const auto& [first, last] : jlreq_cl19) {
        for (char32_t c = first; c <= last; ++c) {
            INFO(hex(c));
            CHECK(char_class(c) == CharClass::ideographic);
        }
    }
}

TEST_CASE("Han of every kind is cl-19", "[char_class]") {
    CHECK(char_class(0x4E00) == CharClass::ideographic);   // 一
    CHECK(char_class(0x3400) == CharClass::ideographic);   // Ext A
    CHECK(char_class(0x20BB7) == CharClass::ideographic);  // 𠮷 Ext B
    CHECK(char_class(0x2A6DF) == CharClass::ideographic);  // last of Ext B
    CHECK(char_class(0x30000) == CharClass::ideographic);  // Ext G
    CHECK(char_class(0xFA11) == CharClass::ideographic);   // 﨑 unified compatibility ideograph
    CHECK(char_class(0xFA19) == CharClass::ideographic);   // 神 compatibility ideograph
    CHECK(char_class(0x2F800) == CharClass::ideographic);  // compatibility supplement
    CHECK(char_class(0x2F00) == CharClass::ideographic);   // ⼀ Kangxi radical
    CHECK(char_class(0xE000) == CharClass::ideographic);   // private use (外字)
}

TEST_CASE("Western text is cl-27", "[char_class]") {
    require_all(U"AZaz!?()[]{},.-'\"~:;/@&*+=<>", CharClass::western);
    require_all(U"éßαβΩабв", CharClass::western);
    CHECK(char_class(U'%') == CharClass::postfixed_abbreviation);
    CHECK(char_class(U'$') == CharClass::prefixed_abbreviation);
    CHECK(char_class(U'#') == CharClass::prefixed_abbreviation);
    CHECK(char_class(0x00B2) == CharClass::western);  // ² stays with its unit (m²)
    CHECK(char_class(0x2122) == CharClass::western);  // ™
    CHECK(char_class(0x212B) == CharClass::western);  // Å
}

TEST_CASE("combining marks and selectors", "[char_class]") {
    require_all(U"\u3099\u309A\u0301\uFE00\uFE0F\u200D", CharClass::combining);
    CHECK(char_class(0xE0100) == CharClass::combining);  // VS17
    CHECK(char_class(0xE01EF) == CharClass::combining);  // VS256
    CHECK(jlreq_number(CharClass::combining) == 0);
}

TEST_CASE("other: controls, format characters, unassigned", "[char_class]") {
    require_all(U"\t\n\r\u0000\u007F\u0085\u200B\uFEFF", CharClass::other);
    CHECK(char_class(0x0378) == CharClass::other);  // unassigned Greek
    CHECK(char_class(0xD800) == CharClass::other);
    CHECK(char_class(0x110000) == CharClass::other);
    // Unassigned code points of the ideograph planes are ideographs-to-be (UAX #14: ID).
    CHECK(char_class(0x2EBF0) == CharClass::ideographic);
}

TEST_CASE("jlreq_number and labels", "[char_class]") {
    CHECK(jlreq_number(CharClass::opening_bracket) == 1);
    CHECK(jlreq_number(CharClass::ideographic) == 19);
    CHECK(jlreq_number(CharClass::grouped_numeral) == 24);
    CHECK(jlreq_number(CharClass::western) == 27);
    CHECK(jlreq_number(CharClass::other) == 0);
    CHECK(std::string(gijiroku::text::class_label(CharClass::hyphen)) == "cl-03");
    CHECK(std::string(gijiroku::text::class_label(CharClass::combining)) == "combining");
}

TEST_CASE("classify: separators inside a number are cl-24", "[char_class]") {
    const auto c = classify(U"1,000と3.14。a,b");
    REQUIRE(c.size() == 14);
    CHECK(c[1] == CharClass::grouped_numeral);   // , in 1,000
    CHECK(c[7] == CharClass::grouped_numeral);   // . in 3.14
    CHECK(c[10] == CharClass::full_stop);        // 。
    CHECK(c[12] == CharClass::western);          // , in a,b
}

TEST_CASE("layout helpers", "[char_class]") {
    using namespace gijiroku::text;
    for (CharClass c : {CharClass::opening_bracket, CharClass::closing_bracket, CharClass::middle_dot,
                        CharClass::full_stop, CharClass::comma}) {
        CHECK(is_half_width_punctuation(c));
    }
    CHECK_FALSE(is_half_width_punctuation(CharClass::dividing_punctuation));
    CHECK_FALSE(is_half_width_punctuation(CharClass::hyphen));
    CHECK(is_japanese(CharClass::small_kana));
    CHECK(is_japanese(CharClass::ideographic));
    CHECK_FALSE(is_japanese(CharClass::grouped_numeral));
    CHECK(is_western(CharClass::grouped_numeral));
    CHECK(is_western(CharClass::western));
    CHECK(never_starts_line(CharClass::comma));
    CHECK_FALSE(never_starts_line(CharClass::small_kana));
    CHECK(never_ends_line(CharClass::opening_bracket));
    CHECK(never_ends_line(CharClass::prefixed_abbreviation));
}
