// The xml module's own light DOM (DESIGN §1: xml::read → tree). Plain values: no libxml2 type
// ever leaves src/xml, and the libxml2 document is freed inside xml::read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_loc.hpp"
#include "xml/source_text.hpp"

namespace gijiroku::xml {

// The namespace bound to the reserved prefix `xml` (Namespaces in XML 1.0 §3).
inline constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";

struct Attribute {
    std::string name;    // local name
    std::string ns_uri;  // empty for an unprefixed attribute (attributes take no default namespace)
    std::string value;   // after XML 1.0 §3.3.3 normalisation: references resolved, line ends as spaces
    SourceLoc loc;       // first character of the name
    SourceLoc value_loc; // first character of the value (just after the opening quote)
};

struct Node {
    enum class Kind : std::uint8_t { element, text };

    Kind kind = Kind::element;
    std::string name;    // element: local name
    std::string ns_uri;  // element: namespace URI ("" when none)
    std::vector<Attribute> attributes;  // element: in source order; namespace declarations excluded
    // Element: elements and text in document order. Comments and processing instructions are
    // dropped; CDATA sections are merged into the surrounding text, so two text nodes are never
    // adjacent. Whitespace-only text between elements is kept (is_blank() tells).
    std::vector<Node> children;
    std::string text;    // text: the value, references resolved, line ends normalised to LF
    SourceLoc loc;       // element: its '<'; text: its first character
    // Byte offset into Document::source: element: its '<'; text: where the run of character data
    // begins (possibly at a comment or "<![CDATA[" that precedes its first character).
    std::size_t source_offset = 0;

    bool is_element() const { return kind == Kind::element; }
    bool is_text() const { return kind == Kind::text; }
    // Element with this local name and namespace.
    bool is(std::string_view local_name, std::string_view ns) const {
        return kind == Kind::element && name == local_name && ns_uri == ns;
    }
    // Text node made only of XML white space (#x20 | #x9 | #xD | #xA, XML 1.0 §2.3).
    bool is_blank() const;

    // The unprefixed attribute `name`, or nullptr.
    const Attribute* find_attribute(std::string_view attr_name) const;
    // The attribute `name` in namespace `ns`, or nullptr.
    const Attribute* find_attribute(std::string_view attr_name, std::string_view ns) const;
    // The xml:lang attribute of this element itself (not inherited), or nullptr.
    const Attribute* lang_attribute() const { return find_attribute("lang", xml_namespace); }

    // The first child element with this local name in this element's own namespace, or nullptr.
    const Node* first_child(std::string_view local_name) const;
    // All text of this node and its descendants, in document order.
    std::string text_content() const;

    // Iterates over the child elements only, skipping text:
    //   for (const Node& child : node.elements()) ...
    class ElementIterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Node;
        using difference_type = std::ptrdiff_t;
        using pointer = const Node*;
        using reference = const Node&;
        ElementIterator() = default;
        ElementIterator(const Node* at, const Node* end) : at_(at), end_(end) { skip(); }
        reference operator*() const { return *at_; }
        pointer operator->() const { return at_; }
        ElementIterator& operator++() {
            ++at_;
            skip();
            return *this;
        }
        ElementIterator operator++(int) {
            ElementIterator old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(const ElementIterator& a, const ElementIterator& b) {
            return a.at_ == b.at_;
        }

    private:
        void skip() {
            while (at_ != end_ && !at_->is_element()) ++at_;
        }
        const Node* at_ = nullptr;
        const Node* end_ = nullptr;
    };
    struct ElementRange {
        ElementIterator first, last;
        ElementIterator begin() const { return first; }
        ElementIterator end() const { return last; }
    };
    ElementRange elements() const {
        const Node* b = children.data();
        const Node* e = b + children.size();
        return {ElementIterator(b, e), ElementIterator(e, e)};
    }
};

struct Document {
    std::string file;  // as the user named it; used in every diagnostic
    Node root;
    // False when a schema was given to xml::read and the document does not conform to it
    // (the E2xx errors say why). A caller that needs a valid tree checks this.
    bool schema_valid = true;
    // The file as read (without its UTF-8 BOM), for turning byte offsets into positions.
    std::shared_ptr<const SourceText> source;

    // Line and column of byte `offset` of the source.
    SourceLoc loc_at(std::size_t offset) const { return source ? source->loc(offset) : SourceLoc{}; }
};

// Exact source position of the character at byte `offset` of `text.text` (a text node of `doc`),
// accounting for character and entity references, CDATA sections, comments inside the text and
// CRLF line ends. Lets semantic checks point inside a paragraph. An offset at or past the end of
// the value gives the position just after its last character; an offset inside a multi-byte
// character gives that character.
SourceLoc loc_in_text(const Document& doc, const Node& text, std::size_t offset);

}  // namespace gijiroku::xml
