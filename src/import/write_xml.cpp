// Stage 4 of import: the element tree as XML text, laid out like examples/ (two-space
// indentation, a blank line between the document's parts and between agenda items) so the
// clerk can read and correct it by hand.
#include <string>

#include "import/element.hpp"

namespace gijiroku::import {
namespace {

class Writer {
public:
    explicit Writer(XmlText& out) : out_(out) {}

    void line(const std::string& s, std::uint32_t input_line) {
        out_.xml += s;
        out_.xml += '\n';
        out_.input_line.push_back(input_line);
    }

    void element(const Element& e, int depth, std::uint32_t inherited) {
        const std::uint32_t here = e.line ? e.line : inherited;
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        std::string open = indent + "<" + e.name;
        for (const auto& [k, v] : e.attrs) open += " " + k + "=\"" + escape_attribute(v) + "\"";
        if (e.children.empty()) {
            if (e.text.empty()) line(open + "/>", here);
            else line(open + ">" + escape_text(e.text) + "</" + e.name + ">", here);
            return;
        }
        line(open + ">", here);
        bool first = true;
        for (const Element& c : e.children) {
            // Blank lines between the parts of the document and between items, as in examples/.
            if (!first && (depth == 0 || c.name == "item")) line("", here);
            element(c, depth + 1, here);
            first = false;
        }
        line(indent + "</" + e.name + ">", here);
    }

private:
    XmlText& out_;
};

}  // namespace

std::string escape_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string escape_attribute(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default: out += c;
        }
    }
    return out;
}

XmlText write_xml(const Element& root, std::string_view comment) {
    XmlText out;
    Writer w(out);
    w.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0);
    if (!comment.empty()) {
        // "--" may not appear inside a comment (XML 1.0 §2.5).
        std::string c(comment);
        for (std::size_t at = c.find("--"); at != std::string::npos; at = c.find("--", at)) c.replace(at, 2, "- -");
        w.line("<!-- " + c + " -->", 0);
    }
    w.element(root, 0, 0);
    return out;
}

}  // namespace gijiroku::import
