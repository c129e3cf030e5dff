// Civil dates, Japanese eras (和暦), fiscal years (年度) and date/time formatting, all through
// ICU's calendars and CLDR's Japanese locale data (typesetting.md §4.4, §4.5). There is no
// hand-written era table: era names and boundaries come from ICU's `japanese` calendar, so a
// new era arrives with an ICU update.
//
// Dates here are civil dates as written in the minutes: no clock, no time zone conversion.
// ICU is always given UTC internally, so the host's TZ never leaks into a result. Nothing in
// this file reads the current time.
//
// Range: the proleptic Gregorian calendar, years 1–9999. Japanese-era results exist only from
// 1873-01-01, the day Japan adopted the Gregorian calendar (明治6年1月1日): ICU's era
// boundaries before that are lunisolar month/day numbers used as if Gregorian (1868-09-07 →
// 慶応4年), which would be wrong for a Gregorian date. Era *years* (gregorian_year) are
// available from 明治元年 (1868).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gijiroku::text {

// A Gregorian calendar date. month 1–12, day 1–31. Not validated on construction.
struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Whether `d` is a real date of the proleptic Gregorian calendar with 1 ≤ year ≤ 9999
// (2024-02-29 yes, 2025-02-29 no).
bool valid_date(CivilDate d);

// Day of the week from ICU's (proleptic) Gregorian calendar: 0 = Sunday … 6 = Saturday.
// -1 when !valid_date(d). 2025-03-25 → 2 (Tuesday).
int weekday(CivilDate d);

// The Japanese weekday name from ICU's `ja` locale data (CLDR): long form "火曜日",
// short form "火". Empty for a weekday outside 0–6.
std::string weekday_name_ja(int weekday, bool long_form);

// A year of a Japanese era: {"令和", 7}. `year` is the number; 1 is written 元年 by
// format_date() and by style, never stored as text here.
struct EraYear {
    std::string era;  // the era name as ICU's `ja` data writes it (UTF-8): "令和", "平成", …
    int year = 0;

    friend bool operator==(const EraYear&, const EraYear&) = default;
};

// The era and era year of a date, from ICU `ja_JP@calendar=japanese`.
// 1989-01-07 → 昭和64, 1989-01-08 → 平成1, 2019-04-30 → 平成31, 2019-05-01 → 令和1.
// nullopt when !valid_date(d) or d is before 1873-01-01 (see above).
std::optional<EraYear> era_year(CivilDate d);

// The Gregorian year of an era year, for checking documents that state one: ("令和", 7) →
// 2025, ("平成", 31) → 2019. The era name may be the Japanese name ("令和") or ICU's narrow
// form ("R"); eras before 明治 are not accepted. nullopt for an unknown era and for an era
// year that does not exist: year < 1, or a year in which the era had already ended (平成32,
// 昭和65, 令和0). Start years are ICU's, derived by setting the era field of its calendar.
std::optional<int> gregorian_year(std::string_view era_name, int era_year);

// The date written as (era, era year, month, day) — e.g. 令和元年5月1日 — if that date
// existed: ("令和", 1, 4, 30) is nullopt (still 平成), ("平成", 31, 5, 1) is nullopt (already
// 令和), ("令和", 1, 5, 1) is 2019-05-01.
std::optional<CivilDate> from_era_date(std::string_view era_name, int era_year, int month,
                                       int day);

// The Japanese fiscal year (年度, April to March) a date belongs to, named by the Gregorian
// year it starts in: 2025-03-25 → 2024, 2025-04-01 → 2025. Defined for any date (no check).
int fiscal_year_of(CivilDate d);

// The conventional era name of a fiscal year: the era in effect on 1 April, except that a new
// era beginning later in the same calendar year names the whole fiscal year (FY2019 =
// 令和元年度, though it began in 平成31; FY1988 = 昭和63年度, since 平成 began in 1989;
// FY1989 = 平成元年度). Equivalently: the era year of 31 December of the starting year.
// nullopt before FY1873.
std::optional<EraYear> fiscal_era_year(int fiscal_year);

// Every era name a document may use for the fiscal year, conventional name first: FY2019 →
// {令和1, 平成31}; FY2024 → {令和6}; FY1988 → {昭和63}. Empty before FY1873.
std::vector<EraYear> accepted_fiscal_era_years(int fiscal_year);

// The fiscal year a document means by "<era><year>年度", if any: ("令和", 6) → 2024,
// ("平成", 31) → 2019, ("令和", 1) → 2019; ("昭和", 64) → nullopt (no fiscal year was so
// named: FY1988 is 昭和63年度 and FY1989 平成元年度).
std::optional<int> fiscal_year_from_era(std::string_view era_name, int era_year);

// Formats a date with an ICU SimpleDateFormat pattern (UTF-8) in the locale
// `ja_JP@calendar=japanese`. With `gannen` (the default) the numbering override
// `y=jpanyear` is applied, so era year 1 prints as 元 (typesetting.md §4.4); without it,
// `y=latn` (ASCII digits, 令和1年). The override is always passed explicitly, so the result
// does not depend on the default a given ICU version applies to custom patterns:
//   "GGGGy年M月d日（EEEE）": 2025-03-25 → 令和7年3月25日（火曜日）, 2019-05-01 → 令和元年5月1日（水曜日）
//   "GGGGGy/M/d": 2025-03-25 → R7/3/25 (pass gannen = false to get R1/5/1 rather than R元/5/1)
//   "u" is the Gregorian year (2025); "E" → 火, "EEEE" → 火曜日.
// Digits are ASCII as ICU prints them (style converts widths; see text/digits.hpp).
// nullopt when !valid_date(d), d is before 1873-01-01, or ICU rejects the pattern.
std::optional<std::string> format_date(CivilDate d, std::string_view icu_pattern,
                                       bool gannen = true);

// Formats a time of day (hour 0–23, minute 0–59) with an ICU pattern in locale `ja`:
//   "aK時mm分": 18:30 → 午後6時30分, 12:00 → 午後0時00分 (K counts 0–11: noon is 午後0時, the
//   style most official notices use);  "ah時": 12:00 → 午後12時 (h counts 1–12).
// nullopt for an hour/minute out of range or a pattern ICU rejects. 24:00 as an end time is
// not a time of day; callers write it themselves.
std::optional<std::string> format_time(int hour, int minute, std::string_view icu_pattern);

}  // namespace gijiroku::text
