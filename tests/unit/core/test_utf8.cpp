#include <catch2/catch.hpp>

#include "core/utf8.hpp"

using namespace gijiroku;

TEST_CASE("utf8 decodes BMP, beyond-BMP and variation sequences") {
    const std::string s = "﨑𠮷葛\U000E0100";
    const auto cps = utf8::decode(s);
    REQUIRE(cps.size() == 4);
    CHECK(cps[0] == U'\uFA11');
    CHECK(cps[1] == U'\U00020BB7');
    CHECK(cps[2] == U'\u845B');
    CHECK(cps[3] == U'\U000E0100');
    CHECK(utf8::encode(cps) == s);
    CHECK(utf8::length(s) == 4);
}

TEST_CASE("utf8 rejects overlong forms, surrogates and truncation") {
    std::size_t bad = 99;
    CHECK_FALSE(utf8::valid("\xC0\xAF", &bad));  // overlong '/'
    CHECK(bad == 0);
    CHECK_FALSE(utf8::valid("ab\xED\xA0\x80", &bad));  // U+D800
    CHECK(bad == 2);
    CHECK_FALSE(utf8::valid("\xE3\x81", &bad));  // truncated
    CHECK_FALSE(utf8::valid("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK(utf8::valid("議事要旨"));
}

TEST_CASE("code points are named as U+XXXX") {
    CHECK(utf8::code_point_name(U'\u845B') == "U+845B");
    CHECK(utf8::code_point_name(U'\U000E0100') == "U+E0100");
    CHECK(utf8::code_point_name(U'\U00020BB7') == "U+20BB7");
}
