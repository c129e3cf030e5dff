// Numerals of either width (typesetting.md §4.3).
#include <catch2/catch.hpp>

#include "text/digits.hpp"

using namespace gijiroku::text;

TEST_CASE("numerals and mixed-width numerals", "[digits]") {
    const std::u32string seed = U"令和７年３月2５日（火曜日）午後６時30分";
    const auto all = numerals(seed);
    REQUIRE(all.size() == 5);
    CHECK(all[0] == TextRange{2, 3});    // ７
    CHECK(all[2] == TextRange{6, 8});    // 2５
    CHECK(all[4] == TextRange{18, 20});  // 30
    const auto mixed = mixed_width_numerals(seed);
    REQUIRE(mixed.size() == 1);
    CHECK(mixed[0] == TextRange{6, 8});
    CHECK(numerals(U"1,000円と3.14と１，０００") ==
          std::vector<TextRange>{{0, 5}, {7, 11}, {12, 17}});
    CHECK(numerals(U"1,と") == std::vector<TextRange>{{0, 1}});
    CHECK(mixed_width_numerals(U"２１の区協議会").empty());
}

TEST_CASE("digit styles", "[digits]") {
    const std::u32string seed = U"令和７年３月2５日午後６時30分、２１の区";
    CHECK(apply_digit_style(seed, DigitStyle::preserve) == seed);
    CHECK(apply_digit_style(seed, DigitStyle::halfwidth) == U"令和7年3月25日午後6時30分、21の区");
    CHECK(apply_digit_style(seed, DigitStyle::fullwidth) == U"令和７年３月２５日午後６時３０分、２１の区");
    CHECK(apply_digit_style(seed, DigitStyle::office) == U"令和７年３月25日午後６時30分、21の区");
    CHECK(apply_digit_style(U"約１，０００人", DigitStyle::halfwidth) == U"約1,000人");
    // Codes, dates and times written Western-style are left alone.
    CHECK(apply_digit_style(U"A4判、COVID-19、2025/3/25、18:30", DigitStyle::fullwidth) ==
          U"A4判、COVID-19、2025/3/25、18:30");
    CHECK(apply_digit_style(std::string_view("第3回"), DigitStyle::fullwidth) == "第３回");
}
