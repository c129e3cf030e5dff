#include <catch2/catch.hpp>

#include <string>

#include "xml/source_text.hpp"

using gijiroku::SourceLoc;
using gijiroku::xml::SourceText;

TEST_CASE("SourceText counts columns in code points, not bytes") {
    // 議 (3 bytes), 𠮷 (4 bytes, beyond the BMP), ｱ (3 bytes, half-width katakana): one column each.
    const SourceText t("a議𠮷ｱb");
    CHECK(t.loc(0) == SourceLoc{1, 1});
    CHECK(t.loc(1) == SourceLoc{1, 2});
    CHECK(t.loc(4) == SourceLoc{1, 3});
    CHECK(t.loc(8) == SourceLoc{1, 4});
    CHECK(t.loc(11) == SourceLoc{1, 5});
    CHECK(t.loc(12) == SourceLoc{1, 6});  // just past the end
    CHECK(t.loc(99) == SourceLoc{1, 6});  // clamped
    CHECK(t.loc(2) == SourceLoc{1, 2});   // inside 議: the character itself
}

TEST_CASE("SourceText ends lines at LF, CRLF and a lone CR") {
    const SourceText t("a\nb\r\nc\rd");
    CHECK(t.loc(2) == SourceLoc{2, 1});  // b
    CHECK(t.loc(3) == SourceLoc{2, 2});  // the CR of CRLF belongs to line 2
    CHECK(t.loc(5) == SourceLoc{3, 1});  // c
    CHECK(t.loc(7) == SourceLoc{4, 1});  // d after a lone CR
}

TEST_CASE("SourceText stays exact on a long single line (checkpoints)") {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += "髙";  // 15,000 bytes on one line
    s += "\nx";
    const SourceText t(s);
    CHECK(t.loc(3 * 4321) == SourceLoc{1, 4322});
    CHECK(t.loc(3 * 4321 + 1) == SourceLoc{1, 4322});
    CHECK(t.loc(15000) == SourceLoc{1, 5001});
    CHECK(t.loc(15001) == SourceLoc{2, 1});
}

TEST_CASE("SourceText is exact across checkpoints with CRLF lines and multi-byte characters") {
    // 300 lines of 議 a CR LF: 6 bytes each, so line k (0-based) starts at byte 6k.
    std::string s;
    for (int i = 0; i < 300; ++i) s += "議a\r\n";
    const SourceText t(s);
    for (std::uint32_t k = 0; k < 300; ++k) {
        const std::size_t at = 6 * k;
        CHECK(t.loc(at) == SourceLoc{k + 1, 1});      // 議
        CHECK(t.loc(at + 2) == SourceLoc{k + 1, 1});  // inside 議
        CHECK(t.loc(at + 3) == SourceLoc{k + 1, 2});  // a
        CHECK(t.loc(at + 4) == SourceLoc{k + 1, 3});  // CR, an ordinary character of its line
        CHECK(t.loc(at + 5) == SourceLoc{k + 1, 4});  // LF
    }
    CHECK(t.loc(s.size()) == SourceLoc{301, 1});
}

TEST_CASE("SourceText counts each invalid byte as one column") {
    // A stray continuation byte, a truncated 3-byte sequence, then valid text.
    const SourceText t("a\x80" "b\xE8\xAD" "c議\nd");
    CHECK(t.loc(1) == SourceLoc{1, 2});  // \x80
    CHECK(t.loc(2) == SourceLoc{1, 3});  // b
    CHECK(t.loc(3) == SourceLoc{1, 4});  // \xE8
    CHECK(t.loc(4) == SourceLoc{1, 5});  // \xAD
    CHECK(t.loc(5) == SourceLoc{1, 6});  // c
    CHECK(t.loc(7) == SourceLoc{1, 7});  // inside 議
    CHECK(t.loc(10) == SourceLoc{2, 1}); // d
}
