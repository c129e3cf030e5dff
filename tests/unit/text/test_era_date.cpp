// Era dates, weekdays, fiscal years and formatting (typesetting.md §4.4, §4.5).
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "text/era_date.hpp"

using namespace gijiroku::text;

namespace {
EraYear ey(const char* era, int year) { return EraYear{era, year}; }
}  // namespace

TEST_CASE("valid_date", "[era]") {
    CHECK(valid_date({2025, 3, 25}));
    CHECK(valid_date({2024, 2, 29}));
    CHECK_FALSE(valid_date({2025, 2, 29}));
    CHECK(valid_date({2000, 2, 29}));
    CHECK_FALSE(valid_date({1900, 2, 29}));
    CHECK_FALSE(valid_date({2025, 4, 31}));
    CHECK_FALSE(valid_date({2025, 13, 1}));
    CHECK_FALSE(valid_date({2025, 0, 1}));
    CHECK_FALSE(valid_date({2025, 1, 0}));
    CHECK_FALSE(valid_date({0, 1, 1}));
    CHECK_FALSE(valid_date({10000, 1, 1}));
}

TEST_CASE("weekday and its Japanese name", "[era]") {
    CHECK(weekday({2025, 3, 25}) == 2);  // the seed's meeting: 火曜日
    CHECK(weekday_name_ja(weekday({2025, 3, 25}), true) == "火曜日");
    CHECK(weekday_name_ja(weekday({2025, 3, 25}), false) == "火");
    CHECK(weekday({2019, 5, 1}) == 3);   // 水
    CHECK(weekday({1989, 1, 8}) == 0);   // 日
    CHECK(weekday({1970, 1, 1}) == 4);   // Thursday
    CHECK(weekday({2000, 1, 1}) == 6);   // Saturday
    CHECK(weekday({1582, 10, 4}) == 1);  // proleptic Gregorian Monday (Julian calendar said Thursday)
    CHECK(weekday({2025, 2, 29}) == -1);
    CHECK(weekday_name_ja(0, true) == "日曜日");
    CHECK(weekday_name_ja(6, false) == "土");
    CHECK(weekday_name_ja(7, true).empty());
    CHECK(weekday_name_ja(-1, true).empty());
}

TEST_CASE("era boundaries from ICU", "[era]") {
    CHECK(era_year({1989, 1, 7}) == ey("昭和", 64));
    CHECK(era_year({1989, 1, 8}) == ey("平成", 1));
    CHECK(era_year({2019, 4, 30}) == ey("平成", 31));
    CHECK(era_year({2019, 5, 1}) == ey("令和", 1));
    CHECK(era_year({2025, 3, 25}) == ey("令和", 7));
    CHECK(era_year({1926, 12, 24}) == ey("大正", 15));
    CHECK(era_year({1926, 12, 25}) == ey("昭和", 1));
    CHECK(era_year({1912, 7, 29}) == ey("明治", 45));
    CHECK(era_year({1912, 7, 30}) == ey("大正", 1));
    CHECK(era_year({1873, 1, 1}) == ey("明治", 6));
    CHECK_FALSE(era_year({1872, 12, 31}));  // before the Gregorian calendar in Japan
    CHECK_FALSE(era_year({2025, 2, 29}));
}

TEST_CASE("gregorian_year rejects era years that never existed", "[era]") {
    CHECK(gregorian_year("令和", 7) == 2025);
    CHECK(gregorian_year("令和", 1) == 2019);
    CHECK(gregorian_year("平成", 31) == 2019);
    CHECK(gregorian_year("平成", 1) == 1989);
    CHECK(gregorian_year("昭和", 64) == 1989);
    CHECK(gregorian_year("昭和", 1) == 1926);
    CHECK(gregorian_year("大正", 15) == 1926);
    CHECK(gregorian_year("明治", 1) == 1868);
    CHECK(gregorian_year("明治", 45) == 1912);
    CHECK(gregorian_year("R", 7) == 2025);
    CHECK(gregorian_year("H", 31) == 2019);
    CHECK_FALSE(gregorian_year("平成", 32));
    CHECK_FALSE(gregorian_year("昭和", 65));
    CHECK_FALSE(gregorian_year("大正", 16));
    CHECK_FALSE(gregorian_year("明治", 46));
    CHECK_FALSE(gregorian_year("令和", 0));
    CHECK_FALSE(gregorian_year("令和", -3));
    CHECK_FALSE(gregorian_year("慶応", 1));   // before 明治: not offered
    CHECK_FALSE(gregorian_year("西暦", 2025));
    CHECK_FALSE(gregorian_year("", 1));
}

TEST_CASE("from_era_date", "[era]") {
    CHECK(from_era_date("令和", 1, 5, 1) == CivilDate{2019, 5, 1});
    CHECK(from_era_date("令和", 7, 3, 25) == CivilDate{2025, 3, 25});
    CHECK_FALSE(from_era_date("令和", 1, 4, 30));  // still 平成31
    CHECK_FALSE(from_era_date("平成", 31, 5, 1));  // already 令和
    CHECK(from_era_date("平成", 31, 4, 30) == CivilDate{2019, 4, 30});
    CHECK(from_era_date("昭和", 64, 1, 7) == CivilDate{1989, 1, 7});
    CHECK_FALSE(from_era_date("昭和", 64, 1, 8));
    CHECK_FALSE(from_era_date("令和", 7, 2, 29));
}

TEST_CASE("fiscal years (年度)", "[era]") {
    CHECK(fiscal_year_of({2025, 3, 25}) == 2024);
    CHECK(fiscal_year_of({2025, 4, 1}) == 2025);
    CHECK(fiscal_year_of({2025, 3, 31}) == 2024);
    CHECK(fiscal_era_year(2024) == ey("令和", 6));  // the seed: 令和６年度
    CHECK(fiscal_era_year(2019) == ey("令和", 1));
    CHECK(fiscal_era_year(1988) == ey("昭和", 63));
    CHECK(fiscal_era_year(1989) == ey("平成", 1));
    CHECK_FALSE(fiscal_era_year(1872));

    CHECK(accepted_fiscal_era_years(2019) == std::vector<EraYear>{ey("令和", 1), ey("平成", 31)});
    CHECK(accepted_fiscal_era_years(2024) == std::vector<EraYear>{ey("令和", 6)});
    CHECK(accepted_fiscal_era_years(1988) == std::vector<EraYear>{ey("昭和", 63)});
    CHECK(accepted_fiscal_era_years(1989) == std::vector<EraYear>{ey("平成", 1)});

    CHECK(fiscal_year_from_era("令和", 6) == 2024);
    CHECK(fiscal_year_from_era("令和", 1) == 2019);
    CHECK(fiscal_year_from_era("平成", 31) == 2019);
    CHECK(fiscal_year_from_era("昭和", 63) == 1988);
    CHECK(fiscal_year_from_era("平成", 1) == 1989);
    CHECK_FALSE(fiscal_year_from_era("昭和", 64));
    CHECK_FALSE(fiscal_year_from_era("平成", 32));
    CHECK_FALSE(fiscal_year_from_era("令和", 0));
}

TEST_CASE("format_date prints 元年 (typesetting.md §4.4)", "[era]") {
    const char* p = "GGGGy年M月d日";
    CHECK(format_date({2019, 5, 1}, p) == "令和元年5月1日");
    CHECK(format_date({1989, 1, 7}, p) == "昭和64年1月7日");
    CHECK(format_date({1989, 1, 8}, p) == "平成元年1月8日");
    CHECK(format_date({2019, 4, 30}, p) == "平成31年4月30日");
    CHECK(format_date({2025, 3, 25}, "GGGGy年M月d日（EEEE）") == "令和7年3月25日（火曜日）");
    CHECK(format_date({2019, 5, 1}, "GGGGy年M月d日（EEEE）") == "令和元年5月1日（水曜日）");
    CHECK(format_date({2025, 3, 25}, "M月d日（E）") == "3月25日（火）");
    CHECK(format_date({2025, 3, 25}, "GGGGGy/M/d") == "R7/3/25");
    CHECK(format_date({2019, 5, 1}, "GGGGGy/M/d", false) == "R1/5/1");
    CHECK(format_date({2019, 5, 1}, p, false) == "令和1年5月1日");
    CHECK(format_date({2025, 3, 25}, "u年") == "2025年");
    CHECK_FALSE(format_date({2025, 2, 29}, p));
    CHECK_FALSE(format_date({1868, 9, 8}, p));
    CHECK_FALSE(format_date({2025, 3, 25}, "GGGGy年 j"));  // ICU rejects the pattern letter j
}

TEST_CASE("format_date keeps 元年 and numeric years apart, across threads and cache evictions",
          "[era]") {
    // The formatters are cached per (locale, numbering, pattern): the same pattern with and
    // without 元年 must stay two formatters, and a shared one must give every thread the same
    // answer (typesetting.md §4.4).
    const char* p = "GGGGy年M月d日";
    for (int round = 0; round < 3; ++round) {
        CHECK(format_date({2019, 5, 1}, p) == "令和元年5月1日");
        CHECK(format_date({2019, 5, 1}, p, false) == "令和1年5月1日");
    }
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                const bool gannen = (i + t) % 2 == 0;
                const auto s = format_date({2019, 5, 1}, p, gannen);
                if (s != (gannen ? "令和元年5月1日" : "令和1年5月1日")) ++wrong;
                if (format_time(18, 30, "aK時mm分") != "午後6時30分") ++wrong;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(wrong == 0);
    // More distinct patterns than the cache keeps: old entries are dropped, not reused wrongly.
    for (int i = 0; i < 100; ++i) {
        const std::string pattern = "GGGGy年M月d日" + std::string(static_cast<std::size_t>(i % 7), ' ') +
                                    "'" + std::to_string(i) + "'";
        CHECK(format_date({2025, 3, 25}, pattern) ==
              "令和7年3月25日" + std::string(static_cast<std::size_t>(i % 7), ' ') + std::to_string(i));
    }
    CHECK(format_date({2019, 5, 1}, p) == "令和元年5月1日");
}

TEST_CASE("format_time (typesetting.md §4.5)", "[era]") {
    CHECK(format_time(18, 30, "aK時mm分") == "午後6時30分");
    CHECK(format_time(12, 0, "aK時") == "午後0時");
    CHECK(format_time(12, 0, "ah時") == "午後12時");
    CHECK(format_time(0, 5, "aK時m分") == "午前0時5分");
    CHECK(format_time(20, 15, "H:mm") == "20:15");
    CHECK_FALSE(format_time(24, 0, "H:mm"));
    CHECK_FALSE(format_time(10, 60, "H:mm"));
    CHECK_FALSE(format_time(-1, 0, "H:mm"));
}
