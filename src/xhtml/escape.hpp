// Escaping and value checks for the XHTML writer. Internal to the xhtml module (tests use it
// directly); nothing here knows about StyledDoc.
//
// The XML serialization of HTML allows only the characters of XML 1.0 (§2.2 Char) and HTML
// forbids control characters and noncharacters on top (HTML §13.2.2 / "forbidden code
// points"); a character reference cannot smuggle them in either (&#1; is not well-formed).
// The model rejects such characters already; the writer still never lets one through.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gijiroku::xhtml {

// Whether `c` may appear in the output at all (as itself or as a reference): XML 1.0 Char
// minus the C1 controls U+007F..U+009F and the Unicode noncharacters.
bool output_char_allowed(char32_t c);

// What escaping had to change: characters that may not appear were replaced by U+FFFD.
struct EscapeReport {
    std::size_t replaced = 0;      // how many characters or invalid bytes
    char32_t first = 0;            // the first replaced code point (0 for an invalid byte)
    bool first_was_bad_utf8 = false;
};

// Appends `text` as XML character data: & < > as entities (so "]]>" can never appear),
// CR as &#13; (XML would turn a literal CR into LF), everything else as UTF-8.
void append_text(std::string& out, std::string_view text, EscapeReport& report);

// Appends `value` for a double-quoted attribute: as append_text plus &quot; and TAB, LF,
// CR as references (XML attribute-value normalisation would turn them into spaces).
void append_attribute(std::string& out, std::string_view value, EscapeReport& report);

// A link target the XHTML may carry, or nullopt with the reason in `why`. Only http:,
// https: (with a host) and mailto: are accepted (the scheme is compared case-insensitively);
// anything with a control character, any other scheme (javascript:, data:, file:, vbscript:)
// and relative references are refused. Characters a URL may not hold literally (space, the
// ASCII delimiters "<>\^`{|}, a '%' without two hex digits, a second '#') are
// percent-encoded; other characters, non-ASCII included (IRIs), pass unchanged.
std::optional<std::string> checked_href(std::string_view href, std::string& why);

// Whether `value` is a valid HTML datetime value of the forms the toolkit writes
// (HTML §2.3.5): YYYY, YYYY-MM, YYYY-MM-DD, HH:MM[:SS[.fff]], and
// YYYY-MM-DD(T| )HH:MM[:SS[.fff]] optionally followed by Z or ±HH:MM / ±HHMM. Days are
// checked against the month (leap years included), hours 0..23, minutes and seconds 0..59.
bool valid_datetime(std::string_view value);

// Whether `tag` is a well-formed BCP 47 language tag in the simple shape
// language[-subtag]* (2..8 letters, then subtags of 1..8 letters or digits).
bool valid_language_tag(std::string_view tag);

// Whether template CSS is self-contained: no @import, url(, image(, image-set(, src( or
// CSS escapes (a backslash could spell any of them). `what` receives the first offender.
bool css_self_contained(std::string_view css, std::string& what);

// A length or ratio for CSS: at most 4 decimals, no trailing zeros, never "-0", always '.'
// whatever the locale ("1.7143", "3", "-1").
std::string css_number(double value);

}  // namespace gijiroku::xhtml
