#include "xml/document.hpp"

#include "core/utf8.hpp"
#include "xml/markup_impl.hpp"

namespace gijiroku::xml {

bool Node::is_blank() const {
    if (kind != Kind::text) return false;
    for (char c : text)
        if (!is_xml_space(c)) return false;
    return true;
}

const Attribute* Node::find_attribute(std::string_view attr_name) const {
    for (const Attribute& a : attributes)
        if (a.ns_uri.empty() && a.name == attr_name) return &a;
    return nullptr;
}

const Attribute* Node::find_attribute(std::string_view attr_name, std::string_view ns) const {
    for (const Attribute& a : attributes)
        if (a.ns_uri == ns && a.name == attr_name) return &a;
    return nullptr;
}

const Node* Node::first_child(std::string_view local_name) const {
    for (const Node& c : elements())
        if (c.name == local_name && c.ns_uri == ns_uri) return &c;
    return nullptr;
}

namespace {
void append_text(const Node& n, std::string& out) {
    if (n.is_text()) {
        out += n.text;
        return;
    }
    for (const Node& c : n.children) append_text(c, out);
}
}  // namespace

std::string Node::text_content() const {
    std::string out;
    append_text(*this, out);
    return out;
}

// Walks the source of a run of character data the way XML 1.0 does (§2.11 line ends, §4.1
// references, §2.7 CDATA, §2.5 comments, §2.6 processing instructions), counting the bytes each
// piece contributes to the value, until the piece that produced byte `offset` is reached.
// xml::read only keeps documents libxml2 found well-formed, so the markup here is complete.
std::size_t source_offset_in_text(std::string_view src, std::size_t start, std::size_t offset) {
    std::size_t pos = start;
    std::size_t produced = 0;
    bool in_cdata = false;
    while (pos < src.size()) {
        const std::string_view rest = src.substr(pos);
        if (in_cdata) {
            if (rest.starts_with("]]>")) {
                in_cdata = false;
                pos += 3;
                continue;
            }
        } else if (rest.starts_with("<!--")) {
            const std::size_t end = src.find("-->", pos + 4);
            pos = end == std::string_view::npos ? src.size() : end + 3;
            continue;
        } else if (rest.starts_with("<?")) {
            const std::size_t end = src.find("?>", pos + 2);
            pos = end == std::string_view::npos ? src.size() : end + 2;
            continue;
        } else if (rest.starts_with("<![CDATA[")) {
            in_cdata = true;
            pos += 9;
            continue;
        } else if (rest[0] == '<') {
            return pos;  // the next tag: the run ended before `offset`
        } else if (rest[0] == '&') {
            const std::size_t semi = src.find(';', pos);
            if (semi == std::string_view::npos) return pos;
            const std::size_t width = reference_value_length(src.substr(pos + 1, semi - pos - 1));
            if (offset < produced + width) return pos;
            produced += width;
            pos = semi + 1;
            continue;
        }
        std::size_t width;
        std::size_t advance;
        if (rest[0] == '\r') {
            width = 1;  // CR and CRLF both become one LF
            advance = rest.size() > 1 && rest[1] == '\n' ? 2 : 1;
        } else {
            std::size_t next = pos;
            utf8::next(src, next);
            width = advance = next - pos;
        }
        if (offset < produced + width) return pos;
        produced += width;
        pos += advance;
    }
    return pos;
}

SourceLoc loc_in_text(const Document& doc, const Node& text, std::size_t offset) {
    if (!doc.source || !text.is_text()) return text.loc;
    return doc.source->loc(source_offset_in_text(doc.source->text(), text.source_offset, offset));
}

}  // namespace gijiroku::xml
