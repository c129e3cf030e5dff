#include "import/datetime.hpp"

#include <cstdio>

namespace gijiroku::import {
namespace {

std::size_t skip(U32View s, std::size_t i) {
    while (i < s.size() && is_space(s[i])) ++i;
    return i;
}

bool eat(U32View s, std::size_t& i, U32View lit) {
    if (s.substr(i, lit.size()) != lit) return false;
    i += lit.size();
    return true;
}

// An era name at `i`: the name as text::from_era_date takes it ("令和" or its letter "R").
std::optional<std::string> era_at(U32View s, std::size_t& i) {
    static const std::pair<U32View, const char*> eras[] = {
        {U"令和", "令和"}, {U"平成", "平成"}, {U"昭和", "昭和"}, {U"大正", "大正"}, {U"明治", "明治"},
        {U"R", "R"},       {U"Ｒ", "R"},       {U"H", "H"},       {U"Ｈ", "H"},       {U"S", "S"},
        {U"Ｓ", "S"},      {U"T", "T"},       {U"Ｔ", "T"},      {U"M", "M"},       {U"Ｍ", "M"}};
    for (const auto& [name, era] : eras) {
        std::size_t j = i;
        if (eat(s, j, name)) {
            i = j;
            return std::string(era);
        }
    }
    return std::nullopt;
}

std::optional<std::string> weekday_at(U32View s, std::size_t& i) {
    std::size_t j = skip(s, i);
    if (j >= s.size() || (s[j] != U'（' && s[j] != U'(')) return std::nullopt;
    ++j;
    j = skip(s, j);
    static constexpr U32View days = U"月火水木金土日";
    if (j >= s.size() || days.find(s[j]) == U32View::npos) return std::nullopt;
    std::string day = to_utf8(s.substr(j, 1));
    ++j;
    if (eat(s, j, U"曜日")) day += "曜日";
    else eat(s, j, U"曜");  // 火曜: the schema knows 火 and 火曜日
    // 「（火・祝）」: a holiday mark after the weekday.
    if (j < s.size() && (s[j] == U'・' || s[j] == U'･')) {
        std::size_t k = j + 1;
        if (eat(s, k, U"祝") || eat(s, k, U"休")) {
            eat(s, k, U"日");
            j = k;
        }
    }
    j = skip(s, j);
    if (j >= s.size() || (s[j] != U'）' && s[j] != U')')) return std::nullopt;
    i = j + 1;
    return day;
}

}  // namespace

std::string Clock::iso() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    return buf;
}

std::string iso_date(const text::CivilDate& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::optional<ParsedDate> parse_date(U32View s, std::size_t pos) {
    ParsedDate out;
    std::size_t i = skip(s, pos);
    auto num = [&](int& v) {
        i = skip(s, i);
        auto n = read_number(s, i);
        if (!n) return false;
        v = n->value;
        out.mixed_digits = out.mixed_digits || n->mixed;
        i = skip(s, i + n->length);
        return true;
    };
    int y = 0, m = 0, d = 0;
    const std::size_t at = i;
    if (auto era = era_at(s, i)) {
        i = skip(s, i);
        if (eat(s, i, U"元")) y = 1;
        else if (!num(y)) return std::nullopt;
        i = skip(s, i);
        if (i >= s.size()) return std::nullopt;
        const char32_t sep = s[i];  // 年, or the dot of 「R7.3.25」
        if (sep != U'年' && sep != U'.' && sep != U'．') return std::nullopt;
        ++i;
        const char32_t month_sep[2] = {sep == U'年' ? U'月' : sep, 0};
        if (!num(m) || !eat(s, i, U32View(month_sep, 1))) return std::nullopt;
        if (!num(d)) return std::nullopt;
        if (sep == U'年' && !eat(s, i, U"日")) return std::nullopt;
        auto date = text::from_era_date(*era, y, m, d);
        if (!date) return std::nullopt;
        out.date = *date;
    } else {
        i = at;
        auto n = read_number(s, i);
        if (!n || n->length != 4) return std::nullopt;
        y = n->value;
        out.mixed_digits = n->mixed;
        i += n->length;
        i = skip(s, i);
        char32_t sep = i < s.size() ? s[i] : 0;
        if (sep == U'年' || sep == U'/' || sep == U'／' || sep == U'-' || sep == U'.') ++i;
        else return std::nullopt;
        if (!num(m)) return std::nullopt;
        const U32View after_month = sep == U'年' ? U32View(U"月") : U32View(&sep, 1);
        if (!eat(s, i, sep == U'／' ? U32View(U"／") : after_month)) return std::nullopt;
        if (!num(d)) return std::nullopt;
        if (sep == U'年' && !eat(s, i, U"日")) return std::nullopt;
        out.date = {y, m, d};
        if (!text::valid_date(out.date)) return std::nullopt;
    }
    std::size_t w = i;
    if (auto wd = weekday_at(s, w)) {
        out.weekday = *wd;
        i = w;
    }
    out.end = i - pos;
    return out;
}

std::optional<std::pair<Clock, std::size_t>> parse_time(U32View s, std::size_t pos, bool end_time, bool* mixed) {
    std::size_t i = skip(s, pos);
    Clock c;
    if (eat(s, i, U"正午")) {
        c.hour = 12;
        return std::pair{c, i - pos};
    }
    int half = -1;  // 0 午前, 1 午後
    if (eat(s, i, U"午前")) half = 0;
    else if (eat(s, i, U"午後")) half = 1;
    i = skip(s, i);
    auto h = read_number(s, i);
    if (!h || h->length > 2) return std::nullopt;
    if (mixed && h->mixed) *mixed = true;
    i += h->length;
    int hour = h->value, minute = 0;
    const std::size_t before_unit = i;
    i = skip(s, i);
    if (eat(s, i, U"時")) {
        i = skip(s, i);
        if (eat(s, i, U"半")) {
            minute = 30;
        } else if (auto mnum = read_number(s, i); mnum && mnum->length <= 2) {
            std::size_t k = skip(s, i + mnum->length);
            if (eat(s, k, U"分")) {
                minute = mnum->value;
                if (mixed && mnum->mixed) *mixed = true;
                i = k;
            }
        }
    } else if (i < s.size() && (s[i] == U':' || s[i] == U'：')) {
        if (half >= 0) return std::nullopt;
        ++i;
        auto mnum = read_number(s, i);
        if (!mnum || mnum->length != 2) return std::nullopt;
        if (mixed && mnum->mixed) *mixed = true;
        minute = mnum->value;
        i += mnum->length;
    } else {
        (void)before_unit;
        return std::nullopt;
    }
    if (minute > 59) return std::nullopt;
    if (half == 0) {
        if (hour > 12) return std::nullopt;
    } else if (half == 1) {
        if (hour > 12) return std::nullopt;
        if (hour == 12) hour = end_time && minute == 0 ? 24 : 12;
        else hour += 12;
    }
    if (hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
    c.hour = hour;
    c.minute = minute;
    return std::pair{c, i - pos};
}

namespace {

bool eat_range_sep(U32View s, std::size_t& i) {
    i = skip(s, i);
    for (U32View sep : {U32View(U"から"), U32View(U"～"), U32View(U"〜"), U32View(U"~"), U32View(U"－"),
                        U32View(U"-"), U32View(U"―"), U32View(U"‐"), U32View(U"—"), U32View(U"−")})
        if (eat(s, i, sep)) {
            i = skip(s, i);
            return true;
        }
    return false;
}

// 「（開会 午後２時、閉会 午後３時２２分）」, also without brackets and as 「午後２時開会」.
bool opened_closed(U32View s, std::size_t& i, MeetingTime& mt) {
    std::size_t j = skip(s, i);
    const bool bracket = j < s.size() && (s[j] == U'（' || s[j] == U'(');
    if (bracket) ++j;
    bool any = false;
    for (int round = 0; round < 2; ++round) {
        j = skip(s, j);
        std::optional<Clock>* slot = nullptr;
        std::size_t k = j;
        if (eat(s, k, U"開会")) slot = &mt.opened;
        else if (eat(s, k, U"閉会")) slot = &mt.closed;
        if (!slot) break;
        eat(s, k, U"：") || eat(s, k, U":");
        auto t = parse_time(s, k, slot == &mt.closed, &mt.mixed_digits);
        if (!t) return false;
        *slot = t->first;
        j = k + t->second;
        any = true;
        j = skip(s, j);
        if (!(eat(s, j, U"、") || eat(s, j, U"，") || eat(s, j, U"／") || eat(s, j, U"/") || eat(s, j, U","))) break;
    }
    if (!any) return false;
    j = skip(s, j);
    if (bracket && !(eat(s, j, U"）") || eat(s, j, U")"))) return false;
    i = j;
    return true;
}

}  // namespace

std::optional<MeetingTime> parse_meeting_time(U32View s) {
    MeetingTime mt;
    auto d = parse_date(s, 0);
    if (!d) return std::nullopt;
    mt.date = *d;
    mt.mixed_digits = d->mixed_digits;
    std::size_t i = skip(s, d->end);
    if (i < s.size()) {
        if (auto t = parse_time(s, i, false, &mt.mixed_digits)) {
            mt.start = t->first;
            i += t->second;
            std::size_t k = i;
            if (eat_range_sep(s, k)) {
                i = k;
                if (auto e = parse_time(s, i, true, &mt.mixed_digits)) {
                    mt.end = e->first;
                    i += e->second;
                    i = skip(s, i);
                    eat(s, i, U"まで") || eat(s, i, U"散会") || eat(s, i, U"閉会") || eat(s, i, U"延会");
                }
            } else {
                // 「午後２時開会」
                std::size_t m = skip(s, i);
                // 「午前10時00分開議」: an assembly opens its sitting (開議).
                if (eat(s, m, U"開会") || eat(s, m, U"開始") || eat(s, m, U"開議")) i = m;
            }
        }
    }
    i = skip(s, i);
    if (i < s.size()) opened_closed(s, i, mt);
    i = skip(s, i);
    if (i != s.size()) return std::nullopt;
    return mt;
}

std::optional<DateThenText> parse_date_then_text(U32View s) {
    DateThenText out;
    auto d = parse_date(s, 0);
    if (!d) return std::nullopt;
    out.date = *d;
    std::size_t i = d->end;
    std::size_t k = skip(s, i);
    if (auto t = parse_time(s, k, false)) {
        out.start = t->first;
        i = k + t->second;
        std::size_t m = skip(s, i);
        if (eat(s, m, U"から") || eat(s, m, U"～") || eat(s, m, U"〜")) i = m;
    }
    out.rest = U32(trim(s.substr(i)));
    return out;
}

}  // namespace gijiroku::import
