// PDF text strings and byte-string helpers (ISO 32000-1 §7.9.2). Every user-visible string the
// writer puts into the file (titles, /Alt, /ActualText, /Contents, bookmarks, ToUnicode targets)
// goes through here, so characters beyond the BMP (𠮷 U+20BB7) and variation sequences (葛 +
// U+E0100) survive as surrogate pairs instead of being dropped the way libharu's own encoder
// drops them (libharu.md §2).
#pragma once

#include <string>
#include <string_view>

namespace gijiroku::pdf {

// UTF-16BE of valid UTF-8, with the byte order mark FE FF in front when `bom` (a PDF text string,
// §7.9.2.2). Code points above U+FFFF become surrogate pairs. Invalid UTF-8 bytes become U+FFFD;
// the writer validates its input before it gets here.
std::string utf16be(std::string_view utf8, bool bom);

// Upper-case hexadecimal of `bytes` ("8B70DB42").
std::string hex_upper(std::string_view bytes);

// Whether every byte is printable ASCII (0x20–0x7E): such a text string may be written as a
// literal, because PDFDocEncoding agrees with ASCII there.
bool is_printable_ascii(std::string_view s);

}  // namespace gijiroku::pdf
