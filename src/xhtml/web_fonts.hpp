// The @font-face rules of the web fonts XhtmlOptions::web_fonts asks for (issue 9) and their
// place in the font stacks. Internal to the xhtml module (tests use it directly).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xhtml/xhtml.hpp"

namespace gijiroku::xhtml {

// RFC 4648 §4 base64 with padding, no line breaks: what a data: URL carries (RFC 2397).
std::string base64(std::string_view bytes);

// Whether `font` can be written as it is; when not, `why` says what is wrong (for E711).
bool valid_web_font(const WebFont& font, std::string& why);

// Whether `range` is a CSS unicode-range value of the form the toolkit writes: U+hex or
// U+hex-hex (1–6 hex digits, at most U+10FFFF, start ≤ end), separated by ", ".
bool valid_unicode_range(std::string_view range);

// The @font-face rules, one per font, each line prefixed by `indent`; empty for no fonts.
std::string font_face_rules(const std::vector<WebFont>& fonts, const std::string& indent);

// The families to insert into the stack named by `stack_var` ("var(--mincho)" or
// "var(--gothic)", stylesheet.hpp font_stack_var): those of the fonts with a role whose stack
// that is, in the order given, each quoted and followed by ", "; empty when there are none.
std::string stack_families(const std::vector<WebFont>& fonts, std::string_view stack_var);

}  // namespace gijiroku::xhtml
