// Compiled XML Schemas (XSD 1.0) that xml::read validates documents against.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace gijiroku::xml {

// A compiled XSD. Immutable once built and shareable between threads: each xml::read makes its
// own validation context. Besides the compiled form it keeps what the schema says about names,
// so schema errors can name the expected root element and suggest a misspelt attribute.
class Schema {
public:
    struct Impl;  // private to src/xml
    explicit Schema(std::unique_ptr<Impl> impl);
    ~Schema();
    Schema(const Schema&) = delete;
    Schema& operator=(const Schema&) = delete;

    // The name given to compile_schema (e.g. "minutes.xsd"), used in diagnostics.
    const std::string& name() const;
    // The schema's targetNamespace ("" when it has none).
    const std::string& target_namespace() const;
    // The global elements a document may start with: those no other declaration refers to
    // (falling back to every global element when each is referred to). Document order.
    const std::vector<std::string>& root_elements() const;
    // Every attribute name the schema allows on elements called `element` (local name), as a
    // document would write it ("kind", "xml:lang"); empty when the element is unknown.
    std::vector<std::string> attributes_of(std::string_view element) const;
    // Every element name the schema allows directly inside elements called `element`.
    std::vector<std::string> children_of(std::string_view element) const;

    const Impl& impl() const { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

// Compiles `xsd` (the text of a schema document). `name` names it in diagnostics. The text is
// first read with the same hardened reader as documents (no DOCTYPE, UTF-8 only). xs:import and
// xs:include are served only from the schemas compiled into the program (schemaLocation
// "xml.xsd", "minutes.xsd" or "template.xsd"); anything else is refused, never fetched.
// Returns nullptr, with E290 errors in `diags`, when the schema is not valid XSD.
std::shared_ptr<const Schema> compile_schema(std::string_view xsd, std::string_view name,
                                             Diagnostics& diags);

// The schemas compiled into the program from schemas/minutes.xsd and schemas/template.xsd,
// compiled once on first use (thread-safe). nullptr when the embedded text does not compile,
// which is a bug in the build; the reasons are copied into `*why` when given.
std::shared_ptr<const Schema> minutes_schema(Diagnostics* why = nullptr);
std::shared_ptr<const Schema> template_schema(Diagnostics* why = nullptr);

}  // namespace gijiroku::xml
