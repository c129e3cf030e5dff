#include "xhtml/escape.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "core/utf8.hpp"

namespace gijiroku::xhtml {

namespace {

bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) {
    return is_ascii_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Shared by text and attribute escaping; `attribute` adds the quote and white-space rules.
void append_escaped(std::string& out, std::string_view s, EscapeReport& report, bool attribute) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        const auto cp = utf8::next(s, pos);
        if (!cp || !output_char_allowed(*cp)) {
            if (report.replaced == 0) {
                report.first = cp.value_or(0);
                report.first_was_bad_utf8 = !cp;
            }
            ++report.replaced;
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            continue;
        }
        switch (*cp) {
            case U'&': out += "&amp;"; break;
            case U'<': out += "&lt;"; break;
            case U'>': out += "&gt;"; break;
            case U'\r': out += "&#13;"; break;
            case U'"':
                if (attribute) out += "&quot;";
                else out += '"';
                break;
            case U'\t':
                if (attribute) out += "&#9;";
                else out += '\t';
                break;
            case U'\n':
                if (attribute) out += "&#10;";
                else out += '\n';
                break;
            default: out.append(s.substr(start, pos - start)); break;
        }
    }
}

int parse_digits(std::string_view s, std::size_t pos, std::size_t count) {
    if (pos + count > s.size()) return -1;
    int v = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = s[pos + i];
        if (!is_ascii_digit(c)) return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[static_cast<std::size_t>(month - 1)];
}

// YYYY[-MM[-DD]] at the start of `s`; returns the length consumed (0 if none) and whether a
// day was present. HTML allows more than four year digits; so do we.
std::size_t parse_date(std::string_view s, bool& has_day, bool& has_month) {
    std::size_t n = 0;
    while (n < s.size() && is_ascii_digit(s[n])) ++n;
    if (n < 4) return 0;
    const int year = parse_digits(s, 0, n > 9 ? 9 : n);
    if (year <= 0) return 0;  // HTML: year > 0
    has_month = has_day = false;
    if (n == s.size() || s[n] != '-') return n;
    const int month = parse_digits(s, n + 1, 2);
    if (month < 1 || month > 12) return 0;
    has_month = true;
    std::size_t len = n + 3;
    if (len == s.size() || s[len] != '-') return len;
    const int day = parse_digits(s, len + 1, 2);
    if (day < 1 || day > days_in_month(year, month)) return 0;
    has_day = true;
    return len + 3;
}

// HH:MM[:SS[.f{1,3}]] at the start of `s`; returns the length consumed or 0.
std::size_t parse_time(std::string_view s) {
    const int hour = parse_digits(s, 0, 2);
    if (hour < 0 || hour > 23 || s.size() < 5 || s[2] != ':') return 0;
    const int minute = parse_digits(s, 3, 2);
    if (minute < 0 || minute > 59) return 0;
    std::size_t len = 5;
    if (len < s.size() && s[len] == ':') {
        const int second = parse_digits(s, len + 1, 2);
        if (second < 0 || second > 59) return 0;
        len += 3;
        if (len < s.size() && s[len] == '.') {
            std::size_t f = 0;
            while (len + 1 + f < s.size() && is_ascii_digit(s[len + 1 + f])) ++f;
            if (f < 1 || f > 3) return 0;
            len += 1 + f;
        }
    }
    return len;
}

// Z, ±HH:MM or ±HHMM (HTML "valid time-zone offset string"); length consumed or 0.
std::size_t parse_zone(std::string_view s) {
    if (s.empty()) return 0;
    if (s[0] == 'Z') return 1;
    if (s[0] != '+' && s[0] != '-') return 0;
    const int hour = parse_digits(s, 1, 2);
    if (hour < 0 || hour > 23) return 0;
    std::size_t at = 3;
    if (at < s.size() && s[at] == ':') ++at;
    const int minute = parse_digits(s, at, 2);
    if (minute < 0 || minute > 59) return 0;
    return at + 2;
}

}  // namespace

bool output_char_allowed(char32_t c) {
    if (c == 0x9 || c == 0xA || c == 0xD) return true;
    if (c < 0x20) return false;
    if (c >= 0x7F && c <= 0x9F) return false;             // DEL and C1 controls
    if (c >= 0xD800 && c <= 0xDFFF) return false;          // surrogates (never valid UTF-8)
    if (c >= 0xFDD0 && c <= 0xFDEF) return false;          // noncharacters
    if ((c & 0xFFFE) == 0xFFFE) return false;              // U+xFFFE, U+xFFFF in every plane
    return c <= 0x10FFFF;
}

void append_text(std::string& out, std::string_view text, EscapeReport& report) {
    append_escaped(out, text, report, false);
}

void append_attribute(std::string& out, std::string_view value, EscapeReport& report) {
    append_escaped(out, value, report, true);
}

std::optional<std::string> checked_href(std::string_view href, std::string& why) {
    std::size_t bad = 0;
    if (!utf8::valid(href, &bad)) {
        why = "the target is not valid UTF-8";
        return std::nullopt;
    }
    for (std::size_t pos = 0; pos < href.size();) {
        const auto cp = utf8::next(href, pos);
        if (*cp < 0x20 || !output_char_allowed(*cp) || *cp == 0x7F) {
            why = "the target contains the control character " + utf8::code_point_name(*cp);
            return std::nullopt;
        }
    }
    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
    std::size_t colon = 0;
    if (href.empty() || !is_ascii_alpha(href[0])) {
        why = "the target has no scheme (only http:, https: and mailto: links are written)";
        return std::nullopt;
    }
    while (colon < href.size() &&
           (is_ascii_alpha(href[colon]) || is_ascii_digit(href[colon]) || href[colon] == '+' ||
            href[colon] == '-' || href[colon] == '.'))
        ++colon;
    if (colon == href.size() || href[colon] != ':') {
        why = "the target has no scheme (only http:, https: and mailto: links are written)";
        return std::nullopt;
    }
    std::string scheme;
    for (std::size_t i = 0; i < colon; ++i) scheme += lower(href[i]);
    const std::string_view rest = href.substr(colon + 1);
    if (scheme == "http" || scheme == "https") {
        if (rest.size() < 3 || rest.substr(0, 2) != "//" || rest[2] == '/' || rest[2] == '?' ||
            rest[2] == '#') {
            why = "the " + scheme + ": target has no host";
            return std::nullopt;
        }
    } else if (scheme == "mailto") {
        if (rest.empty()) {
            why = "the mailto: target has no address";
            return std::nullopt;
        }
    } else {
        why = "the scheme \"" + scheme + ":\" is not allowed (only http:, https: and mailto:)";
        return std::nullopt;
    }

    std::string out;
    out.reserve(href.size());
    bool seen_hash = false;
    static constexpr char hex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < href.size(); ++i) {
        const char c = href[i];
        const auto encode = [&] {
            const auto b = static_cast<unsigned char>(c);
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 0xF];
        };
        switch (c) {
            case ' ': case '"': case '<': case '>': case '\\': case '^': case '`':
            case '{': case '|': case '}':
                encode();
                break;
            case '%':
                if (i + 2 < href.size() && is_hex(href[i + 1]) && is_hex(href[i + 2])) out += c;
                else encode();
                break;
            case '#':
                if (seen_hash) encode();
                else out += c;
                seen_hash = true;
                break;
            default: out += c; break;
        }
    }
    return out;
}

bool valid_datetime(std::string_view v) {
    if (v.empty()) return false;
    // A time alone: HH:MM...
    if (v.size() >= 3 && v[2] == ':') return parse_time(v) == v.size();
    bool has_day = false, has_month = false;
    const std::size_t date = parse_date(v, has_day, has_month);
    if (date == 0) return false;
    if (date == v.size()) return true;  // YYYY, YYYY-MM, YYYY-MM-DD
    if (!has_day || (v[date] != 'T' && v[date] != ' ')) return false;
    const std::string_view t = v.substr(date + 1);
    const std::size_t time = parse_time(t);
    if (time == 0) return false;
    if (time == t.size()) return true;  // local date and time
    return parse_zone(t.substr(time)) == t.size() - time;
}

bool valid_language_tag(std::string_view tag) {
    std::size_t i = 0;
    std::size_t n = 0;
    while (i < tag.size() && is_ascii_alpha(tag[i])) ++i, ++n;
    if (n < 2 || n > 8) return false;
    while (i < tag.size()) {
        if (tag[i] != '-') return false;
        ++i;
        n = 0;
        while (i < tag.size() && (is_ascii_alpha(tag[i]) || is_ascii_digit(tag[i]))) ++i, ++n;
        if (n < 1 || n > 8) return false;
    }
    return true;
}

bool css_self_contained(std::string_view css, std::string& what) {
    std::string low;
    low.reserve(css.size());
    for (char c : css) low += lower(c);
    static constexpr std::string_view forbidden[] = {"@import", "url(", "image(", "image-set(",
                                                     "src(", "\\"};
    for (auto f : forbidden) {
        if (low.find(f) != std::string::npos) {
            what = std::string(f);
            return false;
        }
    }
    return true;
}

std::string css_number(double value) {
    if (!std::isfinite(value)) return "0";
    const double rounded = std::round(value * 10000.0) / 10000.0;
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 4);
    if (ec != std::errc{}) return "0";
    std::string s(buf, end);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

}  // namespace gijiroku::xhtml
