// The XMP metadata packet (ISO 14289-1 §5 and §7.1: the PDF/UA identification schema; ISO
// 16684-1), written and XML-escaped by the toolkit. libharu's own PDF/A packet copies the title
// unescaped and stamps the clock (libharu.md §1, §4), so it is never used.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gijiroku::pdf {

struct XmpFields {
    std::string title;     // dc:title (rdf:Alt, x-default)
    std::string language;  // dc:language ("ja")
    std::string producer;  // pdf:Producer (equal to Info /Producer)
    // xmp:CreateDate, xmp:ModifyDate, xmp:MetadataDate; none without it (no clock).
    std::optional<std::int64_t> date_epoch;
};

// The whole packet, UTF-8, with the xpacket wrapper and pdfuaid:part 1.
std::string xmp_packet(const XmpFields& fields);

// `text` as XML 1.0 character data or attribute value: & < > " ' escaped, and the characters
// XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; invalid
// UTF-8) dropped.
std::string xml_escape(std::string_view text);

// Seconds since 1970-01-01T00:00:00Z as a PDF date "D:20250325140000Z" (ISO 32000-1 §7.9.4)
// and as an XMP date "2025-03-25T14:00:00Z" (ISO 8601). Proleptic Gregorian, UTC, no time zone
// database and no clock involved.
std::string pdf_date(std::int64_t epoch);
std::string xmp_date(std::int64_t epoch);

}  // namespace gijiroku::pdf
