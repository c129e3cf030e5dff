// Per-character facts the document model checks and the diagnostics printer needs, from
// ICU 72's Unicode 15.0 data. No normalisation is ever applied to content (DESIGN §3: names
// are never normalised); changed_by_nfc() only *reports* what NFC would do.
#pragma once

#include <string_view>

namespace gijiroku::text {

// General category Cn (unassigned in Unicode 15.0). Noncharacters (U+FFFE, U+FDD0 …) are
// also Cn, so this is true for them too; values above U+10FFFF are true as well.
bool is_unassigned(char32_t c);

// A control character that has no place in minutes text: general category Cc except TAB,
// LF and CR. Includes DEL and the C1 controls U+0080–U+009F.
bool is_control(char32_t c);

// Unicode property Variation_Selector: VS1–VS16 (U+FE00–FE0F), VS17–VS256
// (U+E0100–E01EF, the selectors of Ideographic Variation Sequences) and the Mongolian
// free variation selectors.
bool is_variation_selector(char32_t c);

// VS17–VS256 only (U+E0100–E01EF): the selector of an IVS such as 葛󠄀 U+845B U+E0100.
bool is_ideographic_variation_selector(char32_t c);

// General category Co: U+E000–F8FF and planes 15–16 (外字 in practice).
bool is_private_use(char32_t c);

// Unicode property Noncharacter_Code_Point: U+FDD0–FDEF and the last two code points of
// every plane (U+FFFE, U+FFFF, U+1FFFE, …).
bool is_noncharacter(char32_t c);

// CJK Compatibility Ideographs (U+F900–FAFF, U+2F800–2FA1F) that are assigned. Includes the
// twelve "unified" ones without a decomposition (﨑 U+FA11, typesetting.md §6.1).
bool is_compatibility_ideograph(char32_t c);

// Whether NFC would replace this code point on its own (canonical singletons such as
// 神 U+FA19 → 神 U+795E, which silently loses the glyph difference). False for 﨑 U+FA11
// and for ordinary characters. For reporting only.
bool changed_by_nfc(char32_t c);

// Terminal cells a code point occupies, for placing a caret under a source line:
// East Asian Width F or W → 2; nonspacing and enclosing marks, variation selectors, format
// characters (ZWJ, ZWSP, …) and controls → 0; everything else (including ambiguous-width
// characters, as most terminals set them) → 1.
int char_display_width(char32_t c);

// Sum of char_display_width over a UTF-8 string; each invalid byte counts 1 (it is shown
// as U+FFFD). "議事要旨" → 8, "abc" → 3, "「議事要旨」" → 12, "令和７年" → 8.
int display_width(std::string_view utf8);

// The same over code points.
int display_width(std::u32string_view text);

}  // namespace gijiroku::text
