// Era dates and times as minutes write them, in full-width, half-width or mixed digits:
// 令和７年３月2５日（火曜日）, 令和元年5月1日, 2025年3月25日(火), 2025/3/25; 午後６時30分,
// 午前10時, 正午, 18時30分, 18:30, １８：３０; spans 「…から…まで」「～」「-」, and
// 「（開会 午後２時、閉会 午後３時２２分）」. Era years go through text::from_era_date (ICU), so
// a date that never existed (令和元年4月30日) is not read as one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "import/chars.hpp"
#include "text/era_date.hpp"

namespace gijiroku::import {

struct Clock {
    int hour = 0;  // 0–24 (24 only as 24:00, an end time)
    int minute = 0;
    std::string iso() const;  // "18:30"
    friend bool operator==(const Clock&, const Clock&) = default;
};

struct ParsedDate {
    text::CivilDate date;
    std::string weekday;      // as written, in the schema's forms 火 or 火曜日 (火曜 → 火); may be empty
    std::size_t end = 0;      // characters taken from the start position
    bool mixed_digits = false;
};

// A date (with an optional weekday in brackets) at `pos` of `s`; white space between its parts
// is allowed (「令和 7 年 3 月 25 日」 from PDF extraction).
std::optional<ParsedDate> parse_date(U32View s, std::size_t pos);

// A time at `pos`. `end_time`: 午後12時 is then 24:00 (the end of a meeting at midnight).
std::optional<std::pair<Clock, std::size_t>> parse_time(U32View s, std::size_t pos, bool end_time, bool* mixed = nullptr);

// The whole value of a 日時 particular; nullopt unless every character is understood.
struct MeetingTime {
    ParsedDate date;
    std::optional<Clock> start, end, opened, closed;
    bool mixed_digits = false;
};
std::optional<MeetingTime> parse_meeting_time(U32View s);

// A date, then an optional start time (「から」 after it allowed); the rest is returned as text
// (the 次回開催 particular: 「令和7年7月17日（木曜日）10時00分から　詳細は追って連絡する。」).
struct DateThenText {
    ParsedDate date;
    std::optional<Clock> start;
    U32 rest;
};
std::optional<DateThenText> parse_date_then_text(U32View s);

// "2025-03-25".
std::string iso_date(const text::CivilDate& d);

}  // namespace gijiroku::import
