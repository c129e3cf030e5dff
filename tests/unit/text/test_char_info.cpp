// Character checks for the model and display widths for diagnostic carets.
#include <catch2/catch.hpp>

#include "text/char_info.hpp"

using namespace gijiroku::text;

TEST_CASE("is_unassigned (Unicode 15.0)", "[char_info]") {
    CHECK(is_unassigned(0x0378));   // unassigned in the Greek block
    CHECK(is_unassigned(0x2FFFD));  // unassigned in plane 2
    CHECK(is_unassigned(0xFFFF));   // noncharacters are Cn too
    CHECK(is_unassigned(0x110000));
    CHECK_FALSE(is_unassigned(U'あ'));
    CHECK_FALSE(is_unassigned(0x20BB7));  // 𠮷
    CHECK_FALSE(is_unassigned(0x31350));  // Ext H, new in Unicode 15.0
    CHECK_FALSE(is_unassigned(0xE000));   // private use is assigned (Co)
}

TEST_CASE("is_control", "[char_info]") {
    CHECK_FALSE(is_control(U'\t'));
    CHECK_FALSE(is_control(U'\n'));
    CHECK_FALSE(is_control(U'\r'));
    CHECK(is_control(0x0000));
    CHECK(is_control(0x000B));
    CHECK(is_control(0x001B));
    CHECK(is_control(0x007F));
    CHECK(is_control(0x0080));  // C1
    CHECK(is_control(0x0085));  // NEL
    CHECK(is_control(0x009F));
    CHECK_FALSE(is_control(0x200B));  // ZWSP is Cf, not Cc
    CHECK_FALSE(is_control(U'a'));
}

TEST_CASE("variation selectors, private use, noncharacters", "[char_info]") {
    CHECK(is_variation_selector(0xFE00));
    CHECK(is_variation_selector(0xFE0F));
    CHECK(is_variation_selector(0xE0100));
    CHECK(is_variation_selector(0xE01EF));
    CHECK(is_variation_selector(0x180B));
    CHECK_FALSE(is_variation_selector(0xE01F0));
    CHECK_FALSE(is_variation_selector(0x845B));
    CHECK(is_ideographic_variation_selector(0xE0100));
    CHECK_FALSE(is_ideographic_variation_selector(0xFE00));

    CHECK(is_private_use(0xE000));
    CHECK(is_private_use(0xF8FF));
    CHECK(is_private_use(0xF0000));
    CHECK(is_private_use(0x10FFFD));
    CHECK_FALSE(is_private_use(0xF900));

    CHECK(is_noncharacter(0xFDD0));
    CHECK(is_noncharacter(0xFDEF));
    CHECK(is_noncharacter(0xFFFE));
    CHECK(is_noncharacter(0x1FFFF));
    CHECK(is_noncharacter(0x10FFFE));
    CHECK_FALSE(is_noncharacter(0xFDF0));
    CHECK_FALSE(is_noncharacter(0xFFFD));
}

TEST_CASE("compatibility ideographs and NFC (typesetting.md §6.1)", "[char_info]") {
    CHECK(is_compatibility_ideograph(0xFA11));  // 﨑
    CHECK(is_compatibility_ideograph(0xFA19));  // 神
    CHECK(is_compatibility_ideograph(0x2F800));
    CHECK_FALSE(is_compatibility_ideograph(0x9AD9));  // 髙 is an ordinary unified ideograph
    CHECK_FALSE(is_compatibility_ideograph(0xFAFF));  // unassigned in the block
    // The twelve unified ones survive NFC; the others are singletons NFC replaces.
    for (char32_t c : {0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24,
                       0xFA27, 0xFA28, 0xFA29}) {
        CHECK_FALSE(changed_by_nfc(c));
    }
    for (char32_t c : {0xFA10, 0xFA12, 0xFA19, 0xFA26, 0xFA2D, 0xF900, 0x2F800}) {
        CHECK(changed_by_nfc(c));
    }
    CHECK_FALSE(changed_by_nfc(0x9AD9));  // 髙
    CHECK_FALSE(changed_by_nfc(0x7028));  // 瀨
    CHECK_FALSE(changed_by_nfc(0xFF5E));  // ～ changes only under NFKC
    CHECK_FALSE(changed_by_nfc(0x00E9));  // é is already composed
    CHECK(changed_by_nfc(0x212B));        // Å ANGSTROM SIGN → U+00C5
}

TEST_CASE("display width for carets", "[char_info]") {
    CHECK(display_width("議事要旨") == 8);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("「議事要旨」") == 12);
    CHECK(display_width("令和７年３月2５日") == 17);
    CHECK(display_width("") == 0);
    CHECK(display_width("葛\xF3\xA0\x84\x80") == 2);  // U+845B U+E0100: the selector is 0
    CHECK(display_width("\xF0\xA0\xAE\xB7") == 2);      // 𠮷
    CHECK(display_width("e\xCC\x81") == 1);             // e + combining acute
    CHECK(display_width("a\xFF" "b") == 3);             // an invalid byte counts 1
    CHECK(display_width(std::u32string_view(U"ｱｲ")) == 2);  // half-width katakana
    CHECK(char_display_width(0x3000) == 2);
    CHECK(char_display_width(0x200D) == 0);
    CHECK(char_display_width(U'\t') == 0);
}
