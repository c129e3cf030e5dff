#include "xml/markup_impl.hpp"

#include <charconv>

#include "core/utf8.hpp"

namespace gijiroku::xml {

std::size_t reference_value_length(std::string_view body) {
    if (body == "lt" || body == "gt" || body == "amp" || body == "apos" || body == "quot") return 1;
    if (body.size() < 2 || body[0] != '#') return 0;
    const bool hex = body[1] == 'x';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    std::uint32_t cp = 0;
    const auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return 0;
    return utf8::encode(static_cast<char32_t>(cp)).size();
}

namespace {
bool is_name_char(char c) {
    // Enough to delimit names in a tag libxml2 has already accepted: every byte that is not
    // space, '=', '/', '>' or a quote belongs to the name (non-ASCII names included).
    return !is_xml_space(c) && c != '=' && c != '/' && c != '>' && c != '"' && c != '\'' &&
           c != '<';
}
}  // namespace

std::vector<RawAttribute> scan_start_tag(std::string_view src, std::size_t tag_offset,
                                         std::size_t limit, std::size_t* end) {
    std::vector<RawAttribute> out;
    std::size_t pos = tag_offset + 1;
    while (pos < src.size() && is_name_char(src[pos])) ++pos;  // element name
    while (pos < src.size()) {
        while (pos < src.size() && is_xml_space(src[pos])) ++pos;
        if (pos >= src.size() || src[pos] == '>' || src[pos] == '/' || src[pos] == '<') break;
        if (out.size() >= limit) break;
        const std::size_t name_start = pos;
        while (pos < src.size() && is_name_char(src[pos])) ++pos;
        const std::string_view qname = src.substr(name_start, pos - name_start);
        while (pos < src.size() && is_xml_space(src[pos])) ++pos;
        if (pos >= src.size() || src[pos] != '=') break;
        ++pos;
        while (pos < src.size() && is_xml_space(src[pos])) ++pos;
        if (pos >= src.size() || (src[pos] != '"' && src[pos] != '\'')) break;
        const char quote = src[pos++];
        out.push_back({qname, name_start, pos});
        const std::size_t close = src.find(quote, pos);
        if (close == std::string_view::npos) break;
        pos = close + 1;
    }
    if (end) {
        const std::size_t close = src.find('>', pos);
        *end = close == std::string_view::npos ? src.size() : close + 1;
    }
    return out;
}

}  // namespace gijiroku::xml
