#include <catch2/catch.hpp>

#include "xhtml/escape.hpp"

using namespace gijiroku::xhtml;

namespace {

std::string text(std::string_view s, EscapeReport* report = nullptr) {
    std::string out;
    EscapeReport r;
    append_text(out, s, r);
    if (report) *report = r;
    return out;
}

std::string attribute(std::string_view s) {
    std::string out;
    EscapeReport r;
    append_attribute(out, s, r);
    return out;
}

std::optional<std::string> href(std::string_view s) {
    std::string why;
    auto h = checked_href(s, why);
    if (!h) CHECK_FALSE(why.empty());
    return h;
}

}  // namespace

TEST_CASE("text is escaped for XML character data") {
    CHECK(text("A & B <議事録>") == "A &amp; B &lt;議事録&gt;");
    CHECK(text("]]>") == "]]&gt;");  // XML 1.0 §2.4: "]]>" may not appear in content
    CHECK(text("\"quoted\" 'single'") == "\"quoted\" 'single'");
    CHECK(text("a\rb") == "a&#13;b");  // a literal CR would be read back as LF
    CHECK(text("岩﨑\U000E0100 𠮷") == "岩﨑\U000E0100 𠮷");  // never normalised
}

TEST_CASE("attribute values are escaped for double quotes and keep their white space") {
    CHECK(attribute("a\"b&c<d>e") == "a&quot;b&amp;c&lt;d&gt;e");
    CHECK(attribute("a\tb\nc") == "a&#9;b&#10;c");  // XML §3.3.3 would make them spaces
}

TEST_CASE("characters XML cannot carry are replaced by U+FFFD and counted") {
    EscapeReport r;
    CHECK(text("a\x01" "b\x1F" "c", &r) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
    CHECK(r.replaced == 2);
    CHECK(r.first == 0x01);
    CHECK(text("x\xC2\x85y", &r) == "x\xEF\xBF\xBDy");  // U+0085, a C1 control
    CHECK(r.first == 0x85);
    CHECK(text("\xEF\xBF\xBE", &r) == "\xEF\xBF\xBD");  // U+FFFE, a noncharacter
    CHECK(text("\xEF\xB7\x90", &r) == "\xEF\xBF\xBD");  // U+FDD0
    CHECK(text("\xC0\xAF", &r) == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong: two bad bytes
    CHECK(r.first_was_bad_utf8);
    CHECK(text(std::string_view("a\0b", 3), &r) == "a\xEF\xBF\xBD" "b");
    CHECK(output_char_allowed(U'\t'));
    CHECK(output_char_allowed(U'\U0010FFFD'));
    CHECK_FALSE(output_char_allowed(U'\U0010FFFF'));
    CHECK_FALSE(output_char_allowed(0x7F));
}

TEST_CASE("links: only http, https and mailto") {
    CHECK(href("https://www.fukushi.metro.tokyo.lg.jp/") == "https://www.fukushi.metro.tokyo.lg.jp/");
    CHECK(href("HTTP://example.jp/a?b=1&c=2#x") == "HTTP://example.jp/a?b=1&c=2#x");
    CHECK(href("mailto:soumu@example.lg.jp") == "mailto:soumu@example.lg.jp");
    CHECK(href("https://例え.jp/議事録") == "https://例え.jp/議事録");  // IRIs pass

    CHECK_FALSE(href("javascript:alert(1)"));
    CHECK_FALSE(href("JavaScript:alert(1)"));
    CHECK_FALSE(href(" javascript:alert(1)"));   // browsers strip leading spaces
    CHECK_FALSE(href("java\tscript:alert(1)"));  // and tabs inside the scheme
    CHECK_FALSE(href("java\nscript:alert(1)"));
    CHECK_FALSE(href("vbscript:msgbox"));
    CHECK_FALSE(href("data:text/html,<script>alert(1)</script>"));
    CHECK_FALSE(href("file:///etc/passwd"));
    CHECK_FALSE(href("/relative/path"));
    CHECK_FALSE(href("//evil.example/"));
    CHECK_FALSE(href("https:/no-host"));
    CHECK_FALSE(href("https://"));
    CHECK_FALSE(href("mailto:"));
    CHECK_FALSE(href(""));
    CHECK_FALSE(href("https://a.jp/\x7F"));
}

TEST_CASE("link targets are percent-encoded where a URL may not hold a character") {
    CHECK(href("https://a.jp/議事 録") == "https://a.jp/議事%20録");
    CHECK(href("https://a.jp/a\"b<c>d") == "https://a.jp/a%22b%3Cc%3Ed");
    CHECK(href("https://a.jp/a%zz%41") == "https://a.jp/a%25zz%41");
    CHECK(href("https://a.jp/a#b#c") == "https://a.jp/a#b%23c");
    CHECK(href("https://a.jp/%4") == "https://a.jp/%254");
}

TEST_CASE("datetime values follow HTML's formats") {
    CHECK(valid_datetime("2025-03-25T18:30+09:00"));
    CHECK(valid_datetime("2025-03-25T18:30+0900"));
    CHECK(valid_datetime("2025-03-25 18:30"));
    CHECK(valid_datetime("2025-03-25T18:30:15.250Z"));
    CHECK(valid_datetime("2025-03-25"));
    CHECK(valid_datetime("2025-03"));
    CHECK(valid_datetime("2025"));
    CHECK(valid_datetime("18:30"));
    CHECK(valid_datetime("2024-02-29"));  // leap year

    CHECK_FALSE(valid_datetime(""));
    CHECK_FALSE(valid_datetime("2025-02-29"));
    CHECK_FALSE(valid_datetime("2100-02-29"));  // not a leap year
    CHECK(valid_datetime("2000-02-29"));
    CHECK_FALSE(valid_datetime("2025-04-31"));
    CHECK_FALSE(valid_datetime("2025-13-01"));
    CHECK_FALSE(valid_datetime("2025-3-25"));
    CHECK_FALSE(valid_datetime("24:00"));
    CHECK_FALSE(valid_datetime("18:60"));
    CHECK_FALSE(valid_datetime("2025-03-25T18:30+24:00"));
    CHECK_FALSE(valid_datetime("2025-03T18:30"));
    CHECK_FALSE(valid_datetime("令和7年3月25日"));
    CHECK_FALSE(valid_datetime("2025-03-25T18:30+09:00x"));
    CHECK_FALSE(valid_datetime("0000"));
}

TEST_CASE("language tags") {
    CHECK(valid_language_tag("ja"));
    CHECK(valid_language_tag("en-US"));
    CHECK(valid_language_tag("zh-Hant-TW"));
    CHECK(valid_language_tag("ja-Latn-hepburn"));
    CHECK_FALSE(valid_language_tag(""));
    CHECK_FALSE(valid_language_tag("j"));
    CHECK_FALSE(valid_language_tag("en_US"));
    CHECK_FALSE(valid_language_tag("en-"));
    CHECK_FALSE(valid_language_tag("en US"));
    CHECK_FALSE(valid_language_tag("ja\"x"));
}

TEST_CASE("template CSS may not load anything") {
    std::string what;
    CHECK(css_self_contained(".absent { color: #333; }", what));
    CHECK_FALSE(css_self_contained("@import 'x.css';", what));
    CHECK(what == "@import");
    CHECK_FALSE(css_self_contained("h1 { background: URL(http://x/y.png) }", what));
    CHECK(what == "url(");
    CHECK_FALSE(css_self_contained("h1 { background: image-set('a.png' 1x) }", what));
    CHECK_FALSE(css_self_contained("h1 { background: \\75 rl(x) }", what));
    CHECK(what == "\\");
}

TEST_CASE("CSS numbers are short, locale-free and never -0") {
    CHECK(css_number(18.0 / 10.5) == "1.7143");
    CHECK(css_number(3) == "3");
    CHECK(css_number(-1) == "-1");
    CHECK(css_number(0.5) == "0.5");
    CHECK(css_number(-0.00001) == "0");
    CHECK(css_number(595.276) == "595.276");
}
