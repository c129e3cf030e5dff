// Break opportunities: the vectors of typesetting.md §7.2, the rows of the §3.7 observation
// table as corrected by the "Where ICU differs from JLREQ" table, §2.2/§2.3 rules, URL
// emergency breaks, and text beyond the BMP.
#include <catch2/catch.hpp>

#include <string>

#include "core/utf8.hpp"
#include "text/line_breaks.hpp"

using gijiroku::text::BreakOpportunity;
using gijiroku::text::KinsokuLevel;
using gijiroku::text::LineBreaker;

namespace {

// The text with "|" at every allowed break strictly inside it (mandatory breaks as "¶").
std::string marked(const LineBreaker& lb, std::u32string_view text) {
    const auto b = lb.breaks(text);
    REQUIRE(b.size() == text.size() + 1);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && b[i] == BreakOpportunity::allowed) out += "|";
        if (i > 0 && b[i] == BreakOpportunity::mandatory) out += "¶";
        gijiroku::utf8::append(out, text[i]);
    }
    return out;
}

// Whether the boundary between the two characters of a pair (position 1) is breakable.
bool breakable(const LineBreaker& lb, std::u32string_view text, std::size_t at = 1) {
    return lb.breaks(text).at(at) == BreakOpportunity::allowed;
}

}  // namespace

TEST_CASE("§7.2 unbreakable pairs at level 4 (JLREQ Table 2)", "[line_breaks]") {
    const LineBreaker lb(KinsokuLevel::very_strict);
    for (std::u32string_view pair : {U"コー", U"ディ", U"シャ", U"ャッ", U"等々", U"入・", U"２～",
                                     U"（火", U"日）", U"）、", U"て。", U"30"}) {
        INFO(gijiroku::utf8::encode(pair));
        CHECK_FALSE(breakable(lb, pair));
    }
}

TEST_CASE("§7.2 unbreakable by the project tailoring of §2.3 item 6", "[line_breaks][tailoring]") {
    for (KinsokuLevel level : {KinsokuLevel::very_strict, KinsokuLevel::strict, KinsokuLevel::loose}) {
        const LineBreaker lb(level);
        INFO(gijiroku::text::kinsoku_level_name(level));
        CHECK_FALSE(breakable(lb, U"２～３", 2));  // ～|３
        CHECK_FALSE(breakable(lb, U"２～３", 1));  // ２|～ (also at level 2, where cl-03 may start a line)
        CHECK_FALSE(breakable(lb, U"２１"));
        CHECK_FALSE(breakable(lb, U"2５"));
        CHECK_FALSE(breakable(lb, U"５2"));
    }
}

TEST_CASE("§7.2 breakable pairs", "[line_breaks]") {
    const LineBreaker lb;
    CHECK(lb.level() == KinsokuLevel::very_strict);
    CHECK(breakable(lb, U"、「"));
    CHECK(breakable(lb, U"日（"));
    CHECK(breakable(lb, U"）午"));
    CHECK(breakable(lb, U"時30"));
    CHECK(breakable(lb, U"30分", 2));
    CHECK(breakable(lb, U"。各"));
    CHECK(breakable(lb, U"委員"));
}

TEST_CASE("§7.2: at level 3 the first five become breakable", "[line_breaks]") {
    const LineBreaker lb(KinsokuLevel::strict);
    for (std::u32string_view pair : {U"コー", U"ディ", U"シャ", U"ャッ", U"等々"}) {
        INFO(gijiroku::utf8::encode(pair));
        CHECK(breakable(lb, pair));
    }
    for (std::u32string_view pair : {U"入・", U"２～", U"（火", U"日）", U"）、", U"て。", U"30"}) {
        INFO(gijiroku::utf8::encode(pair));
        CHECK_FALSE(breakable(lb, pair));
    }
}

TEST_CASE("§3.7 observation table, level 4 with the JLREQ corrections", "[line_breaks]") {
    const LineBreaker lb(KinsokuLevel::very_strict);
    CHECK(marked(lb, U"コーディネーター") == "コー|ディ|ネー|ター");
    CHECK(marked(lb, U"シャッター") == "シャッ|ター");
    CHECK(marked(lb, U"東京々々") == "東|京々々");
    // Row "２～３年で": ICU breaks before ～; fix 2 (U+FF5E as NS) and the digit tailoring.
    CHECK(marked(lb, U"２～３年で") == "２～３|年|で");
    // Row "令和７年３月2５日（火曜日）": ICU's 2|５ is vetoed (fix 3).
    CHECK(marked(lb, U"令和７年３月2５日（火曜日）") == "令|和|７|年|３|月|2５|日|（火|曜|日）");
    CHECK(marked(lb, U"転入・転居") == "転|入・|転|居");
    CHECK(marked(lb, U"……――") == "……|――");
    CHECK(marked(lb, U"１００％") == "１００％");
    CHECK(marked(lb, U"https://www.example.go.jp/path/to/file.pdf を参照") ==
          "https://|www.example.go.jp/|path/|to/|file.pdf |を|参|照");
}

TEST_CASE("§3.7 observation table, levels 3 and 2", "[line_breaks]") {
    const LineBreaker normal(KinsokuLevel::strict);
    CHECK(marked(normal, U"コーディネーター") == "コ|ー|デ|ィ|ネ|ー|タ|ー");
    CHECK(marked(normal, U"東京々々") == "東|京|々|々");  // JLREQ level 3 relaxes 々
    CHECK(marked(normal, U"転入・転居") == "転|入・|転|居");
    CHECK(marked(normal, U"２～３年で") == "２～３|年|で");

    const LineBreaker loose(KinsokuLevel::loose);
    CHECK(marked(loose, U"東京々々") == "東|京|々|々");
    CHECK(marked(loose, U"転入・転居") == "転|入|・|転|居");
    CHECK(marked(loose, U"……――") == "…|…|――");
    CHECK(marked(loose, U"１００％") == "１００|％");  // level 2 relaxes ％ only
    CHECK(marked(loose, U"２～３年で") == "２～３|年|で");
}

TEST_CASE("the seed's date line", "[line_breaks]") {
    const LineBreaker lb;
    CHECK(marked(lb, U"令和７年３月2５日（火曜日）午後６時30分から午後８時15分まで") ==
          "令|和|７|年|３|月|2５|日|（火|曜|日）|午|後|６|時|30|分|か|ら|午|後|８|時|15|分|ま|で");
}

TEST_CASE("§2.2: all levels forbid breaks before cl-02/06/07 and after cl-01", "[line_breaks]") {
    for (KinsokuLevel level : {KinsokuLevel::very_strict, KinsokuLevel::strict, KinsokuLevel::loose}) {
        const LineBreaker lb(level);
        INFO(gijiroku::text::kinsoku_level_name(level));
        for (std::u32string_view pair : {U"あ」", U"あ）", U"あ』", U"あ。", U"あ、", U"あ，", U"あ．",
                                         U"「あ", U"（あ", U"【あ", U"あ！", U"あ？"}) {
            INFO(gijiroku::utf8::encode(pair));
            CHECK_FALSE(breakable(lb, pair));
        }
    }
}

TEST_CASE("§2.2 line-start prohibitions by level", "[line_breaks]") {
    const LineBreaker l4(KinsokuLevel::very_strict);
    const LineBreaker l3(KinsokuLevel::strict);
    const LineBreaker l2(KinsokuLevel::loose);
    // Hyphens: forbidden at 4 and 3 (ICU's normal rules would allow ‐ – 〜 ゠), allowed at 2.
    for (std::u32string_view pair : {U"あ‐", U"あ〜", U"あ～", U"あ゠", U"あ–"}) {
        INFO(gijiroku::utf8::encode(pair));
        CHECK_FALSE(breakable(l4, pair));
        CHECK_FALSE(breakable(l3, pair));
        CHECK(breakable(l2, pair));
    }
    // Middle dots: level 2 relaxes ・ only.
    CHECK_FALSE(breakable(l3, U"あ・"));
    CHECK(breakable(l2, U"あ・"));
    CHECK_FALSE(breakable(l2, U"あ："));
    CHECK_FALSE(breakable(l2, U"あ；"));
    // Iteration marks: only 々 is relaxed (levels 3 and 2).
    for (std::u32string_view pair : {U"あゝ", U"あゞ", U"アヽ", U"アヾ", U"あ〻"}) {
        INFO(gijiroku::utf8::encode(pair));
        CHECK_FALSE(breakable(l4, pair));
        CHECK_FALSE(breakable(l3, pair));
        CHECK_FALSE(breakable(l2, pair));
    }
    CHECK(breakable(l2, U"国々"));
    // ー and small kana: level 4 only.
    CHECK_FALSE(breakable(l4, U"あっ"));
    CHECK(breakable(l3, U"あっ"));
    CHECK(breakable(l2, U"あっ"));
    CHECK(breakable(l3, U"コー"));
}

TEST_CASE("§2.3 unbreakable sequences", "[line_breaks]") {
    const LineBreaker lb;
    // 1. same cl-08 character pairs; ― followed by … is breakable.
    CHECK_FALSE(breakable(lb, U"――"));
    CHECK_FALSE(breakable(lb, U"——"));
    CHECK_FALSE(breakable(lb, U"—―"));
    CHECK_FALSE(breakable(lb, U"……"));
    CHECK_FALSE(breakable(lb, U"‥‥"));
    CHECK(breakable(lb, U"―…"));
    CHECK(breakable(lb, U"…―"));
    CHECK(breakable(lb, U"…‥"));
    CHECK(breakable(LineBreaker(KinsokuLevel::loose), U"……"));
    CHECK_FALSE(breakable(LineBreaker(KinsokuLevel::loose), U"――"));
    // 2. inside a number
    CHECK(marked(lb, U"約1,000人") == "約|1,000|人");
    CHECK(marked(lb, U"3.14と１，０００") == "3.14|と|１，０００");
    // 3. prefixed abbreviation + number, number + postfixed abbreviation
    for (KinsokuLevel level : {KinsokuLevel::very_strict, KinsokuLevel::strict, KinsokuLevel::loose}) {
        const LineBreaker l(level);
        CHECK_FALSE(breakable(l, U"￥100"));
        CHECK_FALSE(breakable(l, U"＄１００"));
        CHECK_FALSE(breakable(l, U"30℃", 2));
        CHECK_FALSE(breakable(l, U"５㎏"));
    }
    CHECK_FALSE(breakable(lb, U"100％", 3));
    CHECK_FALSE(breakable(LineBreaker(KinsokuLevel::strict), U"100％", 3));
    CHECK(breakable(LineBreaker(KinsokuLevel::loose), U"100％", 3));
    // 4. inside a Western word
    CHECK(marked(lb, U"Japanese text") == "Japanese |text");
}

TEST_CASE("ambiguous symbols are ideographic (§3.7 row 4)", "[line_breaks]") {
    const LineBreaker lb;
    CHECK(marked(lb, U"a※b") == "a|※|b");
    CHECK(marked(lb, U"あ※い") == "あ|※|い");
    CHECK(marked(lb, U"1○2●3") == "1|○|2|●|3");
    CHECK(marked(lb, U"①の") == "①|の");
    CHECK(marked(lb, U"A→B") == "A|→|B");
    CHECK(marked(lb, U"aㆍb") == "a|ㆍ|b");
    CHECK(marked(lb, U"ab―cd") == "ab|―|cd");
    // still subject to the bracket rules
    CHECK(marked(lb, U"（※）") == "（※）");
}

TEST_CASE("combining marks and variation selectors are never split", "[line_breaks]") {
    for (KinsokuLevel level : {KinsokuLevel::very_strict, KinsokuLevel::strict, KinsokuLevel::loose}) {
        const LineBreaker lb(level);
        // 葛󠄀 = U+845B U+E0100 (an IVS), then 葛 and 城
        const std::u32string text = U"葛\U000E0100葛城";
        const auto b = lb.breaks(text);
        REQUIRE(b.size() == 5);
        CHECK(b[0] == BreakOpportunity::forbidden);
        CHECK(b[1] == BreakOpportunity::forbidden);  // before the selector
        CHECK(b[2] == BreakOpportunity::allowed);
        CHECK(b[3] == BreakOpportunity::allowed);
        CHECK(b[4] == BreakOpportunity::mandatory);
        CHECK_FALSE(breakable(lb, U"神\uFE00"));
        CHECK_FALSE(breakable(lb, U"か\u309A"));
        CHECK_FALSE(breakable(lb, U"e\u0301"));
        // pair rules look through the mark: 葛󠄀 before 」 is still unbreakable
        CHECK(lb.breaks(U"葛\U000E0100」")[2] == BreakOpportunity::forbidden);
    }
}

TEST_CASE("text beyond the BMP: code point indices, not UTF-16", "[line_breaks]") {
    const LineBreaker lb;
    const std::u32string text = U"\U00020BB7田さん";  // 𠮷田さん
    const auto b = lb.breaks(text);
    REQUIRE(b.size() == 5);
    CHECK(b[0] == BreakOpportunity::forbidden);
    CHECK(b[1] == BreakOpportunity::allowed);
    CHECK(b[2] == BreakOpportunity::allowed);
    CHECK(b[3] == BreakOpportunity::allowed);
    CHECK(b[4] == BreakOpportunity::mandatory);
    CHECK(marked(lb, U"吉\U00020BB7。\U00020BB7）") == "吉|\xF0\xA0\xAE\xB7。|\xF0\xA0\xAE\xB7）");
}

TEST_CASE("mandatory breaks and edge cases", "[line_breaks]") {
    const LineBreaker lb;
    const auto empty = lb.breaks(U"");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0] == BreakOpportunity::mandatory);

    const auto one = lb.breaks(U"あ");
    REQUIRE(one.size() == 2);
    CHECK(one[0] == BreakOpportunity::forbidden);
    CHECK(one[1] == BreakOpportunity::mandatory);

    const auto nl = lb.breaks(U"あ\nい");
    REQUIRE(nl.size() == 4);
    CHECK(nl[1] == BreakOpportunity::forbidden);  // never before the LF
    CHECK(nl[2] == BreakOpportunity::mandatory);  // after it
    CHECK(nl[3] == BreakOpportunity::mandatory);

    const auto crlf = lb.breaks(U"a\r\nb");
    CHECK(crlf[2] == BreakOpportunity::forbidden);  // CR LF is one break
    CHECK(crlf[3] == BreakOpportunity::mandatory);

    // A mandatory break survives the veto layer even after an opening bracket.
    CHECK(lb.breaks(U"（\nあ")[2] == BreakOpportunity::mandatory);

    // Invalid scalars are treated as U+FFFD, not rejected.
    const std::u32string bad = {U'あ', char32_t{0xD800}, U'い', char32_t{0x110000}};
    CHECK(lb.breaks(bad).size() == 5);
}

TEST_CASE("the breaker is reusable and movable", "[line_breaks]") {
    LineBreaker lb(KinsokuLevel::strict);
    CHECK(marked(lb, U"シャッター") == "シ|ャ|ッ|タ|ー");
    CHECK(marked(lb, U"𠮷") == "𠮷");
    LineBreaker moved(std::move(lb));
    CHECK(moved.level() == KinsokuLevel::strict);
    CHECK(marked(moved, U"シャッター") == "シ|ャ|ッ|タ|ー");
    CHECK(gijiroku::text::jlreq_level(KinsokuLevel::very_strict) == 4);
    CHECK(gijiroku::text::jlreq_level(KinsokuLevel::strict) == 3);
    CHECK(gijiroku::text::jlreq_level(KinsokuLevel::loose) == 2);
}

TEST_CASE("emergency breaks inside URLs (§2.8)", "[line_breaks][emergency]") {
    const LineBreaker lb;
    const std::u32string url = U"https://www.example.go.jp/path/to/file.pdf?a=1&b=2#top";
    const auto e = lb.emergency_breaks(url);
    REQUIRE(e.size() == url.size() + 1);
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        if (e[i]) out += "|";
        gijiroku::utf8::append(out, url[i]);
    }
    CHECK(out == "https://|www.|example.|go.|jp/|path/|to/|file.|pdf?|a=|1&|b=|2#|top");
    CHECK_FALSE(e.front());
    CHECK_FALSE(e.back());

    // Only inside Western runs, and not inside a number.
    const std::u32string mixed = U"資料.pdfと3.14";
    const auto m = lb.emergency_breaks(mixed);
    CHECK_FALSE(m[3]);  // 料.|pdf: the "." follows a kanji, so it is not inside a Latin run
    CHECK_FALSE(m[9]);  // 3.|14
}

TEST_CASE("grapheme breaks as the last resort", "[line_breaks][emergency]") {
    const LineBreaker lb;
    const std::u32string text = U"ab\u0301葛\U000E0100\U00020BB7";
    const auto g = lb.grapheme_breaks(text);
    REQUIRE(g.size() == text.size() + 1);
    CHECK_FALSE(g[0]);
    CHECK(g[1]);         // a|b
    CHECK_FALSE(g[2]);   // b + combining acute
    CHECK(g[3]);         // |葛
    CHECK_FALSE(g[4]);   // 葛 + VS17
    CHECK(g[5]);         // |𠮷
    CHECK_FALSE(g[6]);   // end
}
