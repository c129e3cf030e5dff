// Private to src/xml: small lexical helpers over XML source text (no libxml2 here), shared by
// the reader, the pre-scan and loc_in_text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gijiroku::xml {

// XML 1.0 §2.3 S.
constexpr bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Number of UTF-8 bytes the reference `&body;` stands for: 1 for the five predefined entities,
// the encoded length for a character reference, 0 for anything else.
std::size_t reference_value_length(std::string_view body);

// Byte offset in `src` of the character that produced byte `offset` of the value of the run of
// character data whose source begins at `start` (see loc_in_text).
std::size_t source_offset_in_text(std::string_view src, std::size_t start, std::size_t offset);

// One attribute as written in a start tag.
struct RawAttribute {
    std::string_view qname;      // as written, e.g. "xml:lang"
    std::size_t name_offset;     // byte offset of its first character
    std::size_t value_offset;    // byte offset just after the opening quote
};

// Scans the start tag that begins with '<' at `tag_offset` and returns its attributes (namespace
// declarations included) in source order. A '>' inside a quoted value does not end the tag;
// a '<' cannot occur inside a tag at all (XML 1.0 §3.1 AttValue), which is what makes
// "the last '<' before the parser's position" the start of the tag being reported.
// Stops after `limit` attributes; `end` (when given) receives the offset just after the tag.
std::vector<RawAttribute> scan_start_tag(std::string_view src, std::size_t tag_offset,
                                         std::size_t limit = SIZE_MAX,
                                         std::size_t* end = nullptr);

}  // namespace gijiroku::xml
