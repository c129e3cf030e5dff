#include "pdf/xmp.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace gijiroku::pdf {

namespace {

struct Civil {
    std::int64_t year;
    unsigned month, day, hour, minute, second;
};

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm, public domain), exact for every
// int64 day count a document date can have.
Civil to_civil(std::int64_t epoch) {
    std::int64_t days = epoch / 86400;
    std::int64_t secs = epoch % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return Civil{y, static_cast<unsigned>(m), static_cast<unsigned>(d),
                 static_cast<unsigned>(secs / 3600), static_cast<unsigned>((secs / 60) % 60),
                 static_cast<unsigned>(secs % 60)};
}

// Years outside 0000–9999 cannot be written in either format; clamp (a date that far off is an
// input mistake, and clamping keeps the output well-formed).
std::int64_t clamp_epoch(std::int64_t e) {
    constexpr std::int64_t lo = -62167219200;  // 0000-01-01T00:00:00Z
    constexpr std::int64_t hi = 253402300799;  // 9999-12-31T23:59:59Z
    return e < lo ? lo : (e > hi ? hi : e);
}

}  // namespace

std::string pdf_date(std::int64_t epoch) {
    const Civil c = to_civil(clamp_epoch(epoch));
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04lld%02u%02u%02u%02u%02uZ", static_cast<long long>(c.year), c.month,
                  c.day, c.hour, c.minute, c.second);
    return buf;
}

std::string xmp_date(std::int64_t epoch) {
    const Civil c = to_civil(clamp_epoch(epoch));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02uZ", static_cast<long long>(c.year), c.month,
                  c.day, c.hour, c.minute, c.second);
    return buf;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const auto c = utf8::next(text, pos);
        if (!c) continue;  // invalid UTF-8: not representable
        const char32_t cp = *c;
        // XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
        if ((cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD) || cp == 0xFFFE || cp == 0xFFFF) continue;
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

std::string xmp_packet(const XmpFields& f) {
    std::string s;
    // The BOM inside begin="" is required by XMP (ISO 16684-1 §7.3.2).
    s += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    s += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    s += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    s += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    s += "   <dc:format>application/pdf</dc:format>\n";
    s += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(f.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
    if (!f.language.empty())
        s += "   <dc:language><rdf:Bag><rdf:li>" + xml_escape(f.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    s += "  </rdf:Description>\n";
    s += "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    s += "   <pdf:Producer>" + xml_escape(f.producer) + "</pdf:Producer>\n";
    s += "  </rdf:Description>\n";
    if (f.date_epoch) {
        const std::string d = xmp_date(*f.date_epoch);
        s += "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
        s += "   <xmp:CreateDate>" + d + "</xmp:CreateDate>\n";
        s += "   <xmp:ModifyDate>" + d + "</xmp:ModifyDate>\n";
        s += "   <xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
        s += "  </rdf:Description>\n";
    }
    s += "  <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
    s += "   <pdfuaid:part>1</pdfuaid:part>\n";
    s += "  </rdf:Description>\n";
    s += " </rdf:RDF>\n";
    s += "</x:xmpmeta>\n";
    // Padding lets an editor update the packet in place (ISO 16684-1 §7.3.4).
    for (int i = 0; i < 20; ++i) s += std::string(99, ' ') + "\n";
    s += "<?xpacket end=\"w\"?>";
    return s;
}

}  // namespace gijiroku::pdf
