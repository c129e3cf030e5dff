#include "text/era_date.hpp"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace gijiroku::text {

namespace {

constexpr const char* kJapaneseCalendarLocale = "ja_JP@calendar=japanese";
// The day Japan adopted the Gregorian calendar (明治6年1月1日); see the header.
constexpr CivilDate kGregorianAdoption{1873, 1, 1};

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Immutable ICU prototypes, built once (thread-safe static initialisation). Calendars are
// stateful, so callers work on clone()s, which is far cheaper than loading locale data again.
struct Prototypes {
    std::unique_ptr<icu::TimeZone> utc;
    std::unique_ptr<icu::GregorianCalendar> gregorian;
    std::unique_ptr<icu::Calendar> japanese;
    std::vector<std::string> era_names;         // index = ICU era, e.g. 236 → 令和
    std::vector<std::string> narrow_era_names;  // R, H, S, T, M for the modern eras
    std::array<std::string, 7> weekday_long;
    std::array<std::string, 7> weekday_short;
    bool ok = false;
};

const Prototypes& prototypes() {
    static const Prototypes p = [] {
        Prototypes q;
        UErrorCode st = U_ZERO_ERROR;
        q.utc.reset(icu::TimeZone::createTimeZone(icu::UnicodeString(u"UTC")));
        q.gregorian = std::make_unique<icu::GregorianCalendar>(q.utc->clone(),
                                                               icu::Locale::getRoot(), st);
        // Proleptic Gregorian: ICU switches to the Julian calendar before 1582-10-15 unless
        // told otherwise, which would give wrong weekdays for old dates.
        if (U_SUCCESS(st)) q.gregorian->setGregorianChange(-8.64e15, st);
        q.japanese.reset(icu::Calendar::createInstance(q.utc->clone(),
                                                       icu::Locale(kJapaneseCalendarLocale), st));
        icu::DateFormatSymbols eras(icu::Locale("ja_JP"), "japanese", st);
        icu::DateFormatSymbols ja(icu::Locale("ja"), st);
        if (U_FAILURE(st) || !q.japanese) return q;
        int32_t count = 0;
        const icu::UnicodeString* names = eras.getEras(count);
        for (int32_t i = 0; i < count; ++i) q.era_names.push_back(to_utf8(names[i]));
        names = eras.getNarrowEras(count);
        for (int32_t i = 0; i < count; ++i) q.narrow_era_names.push_back(to_utf8(names[i]));
        const icu::UnicodeString* days =
            ja.getWeekdays(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
        for (int i = 0; i < 7 && i + 1 < count; ++i) q.weekday_long[i] = to_utf8(days[i + 1]);
        days = ja.getWeekdays(count, icu::DateFormatSymbols::FORMAT,
                              icu::DateFormatSymbols::ABBREVIATED);
        for (int i = 0; i < 7 && i + 1 < count; ++i) q.weekday_short[i] = to_utf8(days[i + 1]);
        q.ok = true;
        return q;
    }();
    return p;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Milliseconds since the epoch of the date's midnight, UTC. Precondition: valid_date(d).
std::optional<UDate> to_udate(CivilDate d) {
    const Prototypes& p = prototypes();
    if (!p.ok) return std::nullopt;
    std::unique_ptr<icu::Calendar> cal(p.gregorian->clone());
    cal->clear();
    cal->set(d.year, d.month - 1, d.day);
    UErrorCode st = U_ZERO_ERROR;
    const UDate t = cal->getTime(st);
    if (U_FAILURE(st)) return std::nullopt;
    return t;
}

// ICU's era index and era year of a valid date, without the 1873 restriction.
std::optional<std::pair<int, int>> raw_era(CivilDate d) {
    const auto t = to_udate(d);
    if (!t) return std::nullopt;
    std::unique_ptr<icu::Calendar> cal(prototypes().japanese->clone());
    UErrorCode st = U_ZERO_ERROR;
    cal->setTime(*t, st);
    const int era = cal->get(UCAL_ERA, st);
    const int year = cal->get(UCAL_YEAR, st);
    if (U_FAILURE(st)) return std::nullopt;
    return std::pair{era, year};
}

// The ICU era index for a name (Japanese or narrow form), 明治 or later; -1 if none.
int era_index(std::string_view name) {
    const Prototypes& p = prototypes();
    if (!p.ok || name.empty()) return -1;
    // Newest first: narrow forms of old eras repeat their full names, modern ones are R/H/S/T/M.
    for (std::size_t i = p.era_names.size(); i-- > 0;) {
        if (p.era_names[i] == name ||
            (i < p.narrow_era_names.size() && p.narrow_era_names[i] == name)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// The era of 1873-01-01 (明治), from ICU, computed once.
int modern_era_floor() {
    static const int floor = [] {
        const auto e = raw_era(kGregorianAdoption);
        return e ? e->first : 0;
    }();
    return floor;
}

// Building a SimpleDateFormat loads locale data and, for 元年 (y=jpanyear), compiles a
// rule-based number format: about a millisecond each time, for the same handful of patterns a
// template uses (and template loading checks each pattern once more). So each formatter is
// built once per (locale, numbering, pattern) and kept for the process; a failed build is
// remembered as null (at most 64 are kept). One mutex guards the cache and the formatting itself, since a shared
// formatter is not documented as safe for concurrent use; dates are few per document.
struct FormatterCache {
    std::mutex mutex;
    std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>, std::less<>> formatters;
};

std::optional<std::string> format_with(const char* locale_id, const char* override_numbering,
                                       UDate t, std::string_view pattern) {
    const Prototypes& p = prototypes();
    if (!p.ok) return std::nullopt;
    static FormatterCache cache;
    std::string key = std::string(locale_id) + '\n' + (override_numbering ? override_numbering : "") + '\n';
    key.append(pattern);
    std::lock_guard lock(cache.mutex);
    auto it = cache.formatters.find(key);
    if (it == cache.formatters.end()) {
        // Bounded: patterns come from templates, so a fuzzer or a long-running host trying
        // many of them must not grow the cache without end.
        if (cache.formatters.size() >= 64) cache.formatters.clear();
        UErrorCode st = U_ZERO_ERROR;
        const icu::Locale locale(locale_id);
        std::unique_ptr<icu::SimpleDateFormat> fmt;
        if (override_numbering) {
            fmt = std::make_unique<icu::SimpleDateFormat>(
                from_utf8(pattern), icu::UnicodeString(override_numbering, -1, US_INV), locale, st);
        } else {
            fmt = std::make_unique<icu::SimpleDateFormat>(from_utf8(pattern), locale, st);
        }
        if (U_FAILURE(st)) fmt.reset();
        if (fmt) fmt->setTimeZone(*p.utc);
        it = cache.formatters.emplace(std::move(key), std::move(fmt)).first;
    }
    if (!it->second) return std::nullopt;
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString out;
    it->second->format(t, out, nullptr, st);
    if (U_FAILURE(st)) return std::nullopt;
    return to_utf8(out);
}

}  // namespace

bool valid_date(CivilDate d) {
    if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int max = d.month == 2 && is_leap(d.year) ? 29 : kDays[d.month - 1];
    return d.day <= max;
}

int weekday(CivilDate d) {
    if (!valid_date(d)) return -1;
    const auto t = to_udate(d);
    if (!t) return -1;
    std::unique_ptr<icu::Calendar> cal(prototypes().gregorian->clone());
    UErrorCode st = U_ZERO_ERROR;
    cal->setTime(*t, st);
    const int dow = cal->get(UCAL_DAY_OF_WEEK, st);  // UCAL_SUNDAY = 1
    if (U_FAILURE(st)) return -1;
    return dow - UCAL_SUNDAY;
}

std::string weekday_name_ja(int wd, bool long_form) {
    if (wd < 0 || wd > 6) return {};
    const Prototypes& p = prototypes();
    return long_form ? p.weekday_long[static_cast<std::size_t>(wd)]
                     : p.weekday_short[static_cast<std::size_t>(wd)];
}

std::optional<EraYear> era_year(CivilDate d) {
    if (!valid_date(d) || d < kGregorianAdoption) return std::nullopt;
    const auto e = raw_era(d);
    const Prototypes& p = prototypes();
    if (!e || e->first < 0 || static_cast<std::size_t>(e->first) >= p.era_names.size()) {
        return std::nullopt;
    }
    return EraYear{p.era_names[static_cast<std::size_t>(e->first)], e->second};
}

std::optional<int> gregorian_year(std::string_view era_name, int year) {
    const int era = era_index(era_name);
    if (era < 0 || era < modern_era_floor() || year < 1 || year > 9999) return std::nullopt;
    // The era's first Gregorian year, from ICU: set the era field and year 1 and read the
    // extended (Gregorian) year back.
    std::unique_ptr<icu::Calendar> cal(prototypes().japanese->clone());
    cal->clear();
    cal->set(UCAL_ERA, era);
    cal->set(UCAL_YEAR, 1);
    UErrorCode st = U_ZERO_ERROR;
    const int start = cal->get(UCAL_EXTENDED_YEAR, st);
    if (U_FAILURE(st)) return std::nullopt;
    const int g = start + year - 1;
    if (g > 9999) return std::nullopt;
    // The year exists only if the era was in force on some day of it: not yet replaced on
    // 1 January (else 平成32 would be 2020) and already begun by 31 December.
    const auto first = raw_era({g, 1, 1});
    const auto last = raw_era({g, 12, 31});
    if (!first || !last || first->first > era || last->first < era) return std::nullopt;
    return g;
}

std::optional<CivilDate> from_era_date(std::string_view era_name, int year, int month, int day) {
    const auto g = gregorian_year(era_name, year);
    if (!g) return std::nullopt;
    const CivilDate d{*g, month, day};
    if (!valid_date(d)) return std::nullopt;
    const auto e = raw_era(d);
    if (!e || e->first != era_index(era_name) || e->second != year) return std::nullopt;
    return d;
}

int fiscal_year_of(CivilDate d) { return d.month >= 4 ? d.year : d.year - 1; }

std::optional<EraYear> fiscal_era_year(int fiscal_year) {
    return era_year({fiscal_year, 12, 31});
}

std::vector<EraYear> accepted_fiscal_era_years(int fiscal_year) {
    std::vector<EraYear> out;
    const auto conventional = era_year({fiscal_year, 12, 31});
    if (!conventional) return out;
    out.push_back(*conventional);
    // The era in force on 1 April, if a new one began later that calendar year (平成31年度).
    const auto at_start = era_year({fiscal_year, 4, 1});
    if (at_start && !(*at_start == *conventional)) out.push_back(*at_start);
    return out;
}

std::optional<int> fiscal_year_from_era(std::string_view era_name, int year) {
    const auto g = gregorian_year(era_name, year);
    const int era = era_index(era_name);
    if (!g || era < 0) return std::nullopt;
    const std::string& canonical = prototypes().era_names[static_cast<std::size_t>(era)];
    for (const EraYear& e : accepted_fiscal_era_years(*g)) {
        if (e.era == canonical && e.year == year) return *g;
    }
    return std::nullopt;
}

std::optional<std::string> format_date(CivilDate d, std::string_view icu_pattern, bool gannen) {
    if (!valid_date(d) || d < kGregorianAdoption) return std::nullopt;
    const auto t = to_udate(d);
    if (!t) return std::nullopt;
    // The numbering override is always explicit, so the result does not depend on which
    // default a given ICU/CLDR version applies to custom patterns.
    return format_with(kJapaneseCalendarLocale, gannen ? "y=jpanyear" : "y=latn", *t,
                       icu_pattern);
}

std::optional<std::string> format_time(int hour, int minute, std::string_view icu_pattern) {
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    // 1970-01-01 is a placeholder date: a time pattern has no date fields to show it.
    const UDate t = (hour * 60.0 + minute) * 60.0 * 1000.0;
    return format_with("ja", nullptr, t, icu_pattern);
}

}  // namespace gijiroku::text
