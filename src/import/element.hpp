// The tree stage 3 builds and stage 4 writes: minutes XML elements, each either empty, holding
// text, or holding child elements (the vocabulary's mixed content is not needed: plain text
// carries no inline markup). Each element remembers the input line it came from, so that a
// diagnostic of the validator (stage 5) can name the line of the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gijiroku::import {

struct Element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attrs;  // in writing order
    std::string text;                                        // character content (UTF-8)
    std::vector<Element> children;
    std::uint32_t line = 0;  // input line (0: none)

    Element() = default;
    Element(std::string n, std::uint32_t l = 0) : name(std::move(n)), line(l) {}

    Element& add(std::string child_name, std::uint32_t child_line = 0) {
        children.emplace_back(std::move(child_name), child_line);
        return children.back();
    }
    Element& set(const std::string& attr_name, std::string value) {
        for (auto& [k, v] : attrs)
            if (k == attr_name) {
                v = std::move(value);
                return *this;
            }
        attrs.emplace_back(attr_name, std::move(value));
        return *this;
    }
    const std::string* get(std::string_view attr_name) const {
        for (const auto& [k, v] : attrs)
            if (k == attr_name) return &v;
        return nullptr;
    }
    Element* child(std::string_view child_name) {
        for (Element& c : children)
            if (c.name == child_name) return &c;
        return nullptr;
    }
};

struct XmlText {
    std::string xml;
    // For each line of `xml` (index 0 = line 1), the input line of the element written there.
    std::vector<std::uint32_t> input_line;
};

// Writes `root` as an XML document: declaration, `comment` (when not empty) as a comment,
// two-space indentation, text escaped (& < > in text; & < " and tab in attributes).
XmlText write_xml(const Element& root, std::string_view comment);

// Escapes text for element content or for an attribute value in double quotes.
std::string escape_text(std::string_view s);
std::string escape_attribute(std::string_view s);

}  // namespace gijiroku::import
