// Private to src/xml: everything that touches libxml2 types. Included only by src/xml/*.cpp.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "xml/schema.hpp"

namespace gijiroku::xml {

// The texts of schemas/*.xsd, compiled into the library (src/CMakeLists.txt).
namespace embedded {
std::string_view minutes_xsd();
std::string_view template_xsd();
std::string_view xml_xsd();
}  // namespace embedded

// xmlInitParser, the built-in XSD types and our external entity loader, exactly once per
// process (libxml2 requires initialisation before threads use it).
void ensure_libxml_initialized();

// While alive, sends this thread's libxml2 errors that have no parser or validation context
// (libxml2 raises a few, e.g. on memory or I/O) to `sink` instead of stderr; restores the
// previous handlers on destruction. libxml2 keeps these per thread, so nothing leaks into
// other threads or outlives the call.
class ThreadErrorScope {
public:
    ThreadErrorScope(void* context, xmlStructuredErrorFunc sink);
    ~ThreadErrorScope();
    ThreadErrorScope(const ThreadErrorScope&) = delete;
    ThreadErrorScope& operator=(const ThreadErrorScope&) = delete;

private:
    xmlStructuredErrorFunc old_structured_;
    void* old_structured_context_;
    xmlGenericErrorFunc old_generic_;
    void* old_generic_context_;
};

// libxml2's message without its trailing newline.
std::string error_text(const xmlError* err);

// What the schema says about names, read from the XSD text itself (see Schema).
struct SchemaNames {
    std::string target_namespace;
    std::vector<std::string> global_elements;
    std::vector<std::string> roots;
    std::map<std::string, std::set<std::string>> attributes;  // element → attribute names
    std::map<std::string, std::set<std::string>> children;    // element → child element names
    // Declared type (QName as written, e.g. "xs:date" or "kindType") of element content and of
    // attributes ("element@attribute"); inline types are followed to their base type.
    std::map<std::string, std::string> value_types;
    std::map<std::string, std::string> simple_type_bases;  // named simple type → its base QName
};

struct Schema::Impl {
    std::string name;
    xmlSchemaPtr compiled = nullptr;
    // Read from the XSD text at the first call, under a once-flag (the Schema is shared between
    // threads). Only messages about an invalid document need the names, and reading the text
    // with locations cost more than libxml2's compilation: 10% of rendering the seed, paid by
    // every process for each built-in schema (bench/, issue 6).
    const SchemaNames& names() const;
    mutable std::string xsd;  // the text, until names() has read it
    mutable std::once_flag names_once;
    mutable SchemaNames names_;
    ~Impl() {
        if (compiled) xmlSchemaFree(compiled);
    }
};

// The byte offset stored in a libxml2 node's _private field by the reader (offset + 1, so that
// 0 still means "none").
inline void set_node_offset(xmlNodePtr n, std::size_t offset) {
    n->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(offset + 1));
}
inline bool node_offset(const xmlNode* n, std::size_t& offset) {
    if (!n || !n->_private) return false;
    offset = static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(n->_private) - 1);
    return true;
}

}  // namespace gijiroku::xml
