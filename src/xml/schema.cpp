#include "xml/schema.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <utility>

#include "xml/libxml_impl.hpp"
#include "xml/reader.hpp"

namespace gijiroku::xml {

Schema::Schema(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Schema::~Schema() = default;

const std::string& Schema::name() const { return impl_->name; }
const std::string& Schema::target_namespace() const { return impl_->names().target_namespace; }
const std::vector<std::string>& Schema::root_elements() const { return impl_->names().roots; }

std::vector<std::string> Schema::attributes_of(std::string_view element) const {
    const auto& attributes = impl_->names().attributes;
    const auto it = attributes.find(std::string(element));
    if (it == attributes.end()) return {};
    return {it->second.begin(), it->second.end()};
}

std::vector<std::string> Schema::children_of(std::string_view element) const {
    const auto& children = impl_->names().children;
    const auto it = children.find(std::string(element));
    if (it == children.end()) return {};
    return {it->second.begin(), it->second.end()};
}

namespace {

constexpr std::string_view xsd_namespace = "http://www.w3.org/2001/XMLSchema";

bool is_xs(const Node& n, std::string_view local) { return n.is(local, xsd_namespace); }

std::string attr(const Node& n, std::string_view name) {
    const Attribute* a = n.find_attribute(name);
    return a ? a->value : "";
}

std::string local_part(std::string_view qname) {
    const std::size_t colon = qname.find(':');
    return std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
}

// Reads the names an XSD declares, so schema errors can name what is expected and suggest
// corrections; libxml2's compiled form keeps these in private structures. Covers the
// constructs of XSD 1.0 §3.2–3.6 that carry attribute and type names: named and inline
// complex types, attribute groups, complex/simple content extension and restriction.
class NameCollector {
public:
    explicit NameCollector(const Node& schema) : schema_(schema) {
        names_.target_namespace = attr(schema, "targetNamespace");
        for (const Node& c : schema.elements()) {
            const std::string name = attr(c, "name");
            if (name.empty()) continue;
            if (is_xs(c, "element")) names_.global_elements.push_back(name);
            if (is_xs(c, "complexType")) complex_types_.emplace(name, &c);
            if (is_xs(c, "attributeGroup")) attribute_groups_.emplace(name, &c);
            if (is_xs(c, "group")) groups_.emplace(name, &c);
            if (is_xs(c, "simpleType")) {
                for (const Node& r : c.elements())
                    if (is_xs(r, "restriction")) names_.simple_type_bases[name] = attr(r, "base");
            }
        }
    }

    SchemaNames collect() {
        walk(schema_);
        for (const std::string& g : names_.global_elements)
            if (!referenced_.count(g)) names_.roots.push_back(g);
        if (names_.roots.empty()) names_.roots = names_.global_elements;
        return std::move(names_);
    }

private:
    void walk(const Node& n) {
        for (const Node& c : n.elements()) {
            if (is_xs(c, "element")) {
                const std::string ref = attr(c, "ref");
                if (!ref.empty()) referenced_.insert(local_part(ref));
                const std::string name = attr(c, "name");
                if (!name.empty()) declare_element(name, c);
            }
            walk(c);
        }
    }

    void declare_element(const std::string& name, const Node& decl) {
        auto& attrs = names_.attributes[name];
        auto& children = names_.children[name];
        const std::string type = attr(decl, "type");
        if (!type.empty()) {
            names_.value_types.emplace(name, type);
            const auto it = complex_types_.find(local_part(type));
            if (it != complex_types_.end()) {
                collect_attributes(name, *it->second, attrs, 0);
                collect_children(*it->second, children, 0);
            }
        }
        for (const Node& c : decl.elements()) {
            if (is_xs(c, "complexType")) {
                collect_attributes(name, c, attrs, 0);
                collect_children(c, children, 0);
            }
            if (is_xs(c, "simpleType")) names_.value_types.emplace(name, inline_base(c));
        }
    }

    static std::string inline_base(const Node& simple_type) {
        for (const Node& r : simple_type.elements())
            if (is_xs(r, "restriction")) return attr(r, "base");
        return "";
    }

    void collect_attributes(const std::string& element, const Node& n, std::set<std::string>& out,
                            int depth) {
        if (depth > 32) return;  // a circular base or group reference: XSD forbids it
        for (const Node& c : n.elements()) {
            if (is_xs(c, "attribute")) {
                std::string name = attr(c, "name");
                if (name.empty()) {
                    const std::string ref = attr(c, "ref");
                    name = ref.starts_with("xml:") ? ref : local_part(ref);
                }
                if (name.empty() || attr(c, "use") == "prohibited") continue;
                out.insert(name);
                std::string type = attr(c, "type");
                for (const Node& s : c.elements())
                    if (is_xs(s, "simpleType")) type = inline_base(s);
                if (!type.empty()) names_.value_types.emplace(element + "@" + name, type);
            } else if (is_xs(c, "attributeGroup")) {
                const auto it = attribute_groups_.find(local_part(attr(c, "ref")));
                if (it != attribute_groups_.end()) collect_attributes(element, *it->second, out, depth + 1);
            } else if (is_xs(c, "complexContent") || is_xs(c, "simpleContent")) {
                collect_attributes(element, c, out, depth + 1);
            } else if (is_xs(c, "extension") || is_xs(c, "restriction")) {
                const std::string base = attr(c, "base");
                const auto it = complex_types_.find(local_part(base));
                if (it != complex_types_.end()) collect_attributes(element, *it->second, out, depth + 1);
                else if (is_xs(n, "simpleContent")) names_.value_types.emplace(element, base);
                collect_attributes(element, c, out, depth + 1);
            }
        }
    }

    // Element particles of a content model (XSD 1.0 §3.8–3.9), without entering the types of
    // the elements found: those describe the grandchildren.
    void collect_children(const Node& n, std::set<std::string>& out, int depth) {
        if (depth > 32) return;
        for (const Node& c : n.elements()) {
            if (is_xs(c, "element")) {
                const std::string name = attr(c, "name");
                out.insert(name.empty() ? local_part(attr(c, "ref")) : name);
            } else if (is_xs(c, "group")) {
                const auto it = groups_.find(local_part(attr(c, "ref")));
                if (it != groups_.end()) collect_children(*it->second, out, depth + 1);
                collect_children(c, out, depth + 1);
            } else if (is_xs(c, "extension") || is_xs(c, "restriction")) {
                const auto it = complex_types_.find(local_part(attr(c, "base")));
                if (it != complex_types_.end() && is_xs(c, "extension"))
                    collect_children(*it->second, out, depth + 1);
                collect_children(c, out, depth + 1);
            } else if (is_xs(c, "sequence") || is_xs(c, "choice") || is_xs(c, "all") ||
                       is_xs(c, "complexContent")) {
                collect_children(c, out, depth + 1);
            }
        }
    }

    const Node& schema_;
    SchemaNames names_;
    std::map<std::string, const Node*> groups_;
    std::map<std::string, const Node*> complex_types_;
    std::map<std::string, const Node*> attribute_groups_;
    std::set<std::string> referenced_;
};

struct CompileState {
    std::string name;
    Diagnostics& diags;
    bool failed = false;
};

// libxml2 names a schema compiled from memory "in_memory_buffer"; ours have names.
std::string schema_file(const xmlError* err, const std::string& fallback) {
    if (!err->file || std::string_view(err->file) == "in_memory_buffer") return fallback;
    return err->file;
}

void on_compile_error(void* data, xmlErrorPtr err) {
    auto& st = *static_cast<CompileState*>(data);
    if (!err) return;
    const std::string file = schema_file(err, st.name);
    const SourceLoc loc{static_cast<std::uint32_t>(std::max(err->line, 0)), 0};
    const std::string text = error_text(err);
    // An xs:import or xs:include that the loader refused (libxml2 words it as a parse failure).
    for (const std::string_view lead : {"Failed to parse the XML resource '",
                                        "Failed to locate a schema at location '"}) {
        const std::size_t at = text.find(lead);
        if (at == std::string::npos) continue;
        const std::size_t start = at + lead.size();
        const std::string location = text.substr(start, text.find('\'', start) - start);
        const bool warning = err->level == XML_ERR_WARNING;
        if (!warning) st.failed = true;
        Diagnostic d{warning ? Severity::warning : Severity::error, warning ? "W290" : "E290", file, loc,
                     "the schema " + st.name + " refers to " + location +
                         ", which is not one of the schemas built into gijiroku (xml.xsd, "
                         "minutes.xsd, template.xsd); nothing else is loaded",
                     "スキーマ " + st.name + " が " + location +
                         " を参照していますが、gijiroku に組み込まれたスキーマ（xml.xsd、minutes.xsd、"
                         "template.xsd）ではないため読み込みません",
                     "refer to a built-in schema by its file name, e.g. schemaLocation=\"xml.xsd\"",
                     "組み込みのスキーマをファイル名で参照してください（例: schemaLocation=\"xml.xsd\"）"};
        st.diags.report(std::move(d));
        return;
    }
    if (err->level == XML_ERR_WARNING) {
        st.diags.warning("W290", file, loc, "schema warning: " + text, "スキーマの警告: " + text);
        return;
    }
    st.failed = true;
    st.diags.error("E290", file, loc, "the schema " + st.name + " is not valid: " + text,
                   "スキーマ " + st.name + " に誤りがあります: " + text,
                   "this is a fault of the schema, not of the document being checked",
                   "検査対象の文書ではなく、スキーマ側の誤りです");
}

struct EmbeddedSchema {
    std::shared_ptr<const Schema> schema;
    Diagnostics diagnostics;
};

std::shared_ptr<const Schema> embedded_or_report(const EmbeddedSchema& e, Diagnostics* why) {
    if (!e.schema && why) {
        for (const Diagnostic& d : e.diagnostics.all()) why->report(d);
    }
    return e.schema;
}

// `doc` is the text as xml::read gave it, or null for a text built into the library (see
// compile_embedded).
std::shared_ptr<const Schema> compile(std::string_view xsd, std::string_view name,
                                      const Document* doc, Diagnostics& diags) {
    ensure_libxml_initialized();
    CompileState st{std::string(name), diags};
    ThreadErrorScope thread_errors(&st, on_compile_error);
    xmlSchemaParserCtxtPtr parser =
        xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size()));
    if (!parser) {
        diags.error("E290", std::string(name), {}, "the schema compiler could not start",
                    "スキーマのコンパイルを開始できませんでした");
        return nullptr;
    }
    xmlSchemaSetParserStructuredErrors(parser, on_compile_error, &st);
    xmlSchemaPtr compiled = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (!compiled || st.failed) {
        if (compiled) xmlSchemaFree(compiled);
        if (!st.failed)
            diags.error("E290", std::string(name), {}, "the schema " + st.name + " could not be compiled",
                        "スキーマ " + st.name + " をコンパイルできませんでした");
        return nullptr;
    }
    auto impl = std::make_unique<Schema::Impl>();
    impl->name = std::string(name);
    impl->compiled = compiled;
    if (doc) {
        Schema::Impl& i = *impl;
        std::call_once(i.names_once, [&] { i.names_ = NameCollector(doc->root).collect(); });
    } else {
        impl->xsd = std::string(xsd);
    }
    return std::make_shared<const Schema>(std::move(impl));
}

// The built-in schemas are constant texts, tested to pass the reading below (test_schema.cpp);
// so they go straight to libxml2, and their names are read only if a message needs them.
EmbeddedSchema compile_embedded(std::string_view text, std::string_view name) {
    EmbeddedSchema e;
    e.schema = compile(text, name, nullptr, e.diagnostics);
    return e;
}

}  // namespace

const SchemaNames& Schema::Impl::names() const {
    std::call_once(names_once, [this] {
        Diagnostics ignored;  // the text compiled, so it reads; if not, there are no names
        if (const auto doc = read(xsd, name, nullptr, ReadOptions{}, ignored);
            doc && is_xs(doc->root, "schema"))
            names_ = NameCollector(doc->root).collect();
        xsd = std::string();
    });
    return names_;
}

std::shared_ptr<const Schema> compile_schema(std::string_view xsd, std::string_view name,
                                             Diagnostics& diags) {
    // The schema text gets the same hardened reading as any document first: no DOCTYPE, UTF-8.
    // libxml2 then re-reads it to compile; with no DOCTYPE it has no entity to expand.
    const auto doc = read(xsd, name, nullptr, ReadOptions{}, diags);
    if (!doc) return nullptr;
    if (!is_xs(doc->root, "schema")) {
        diags.error("E290", std::string(name), doc->root.loc,
                    "this is not an XML Schema: the root element is <" + doc->root.name +
                        ">, not <xs:schema>",
                    "XML スキーマではありません（ルート要素が <xs:schema> ではなく <" + doc->root.name +
                        "> です）");
        return nullptr;
    }
    return compile(xsd, name, &*doc, diags);
}

std::shared_ptr<const Schema> minutes_schema(Diagnostics* why) {
    // C++11 §6.7: a block-scope static is initialised exactly once, even under concurrency.
    static const EmbeddedSchema schema = compile_embedded(embedded::minutes_xsd(), "minutes.xsd");
    return embedded_or_report(schema, why);
}

std::shared_ptr<const Schema> template_schema(Diagnostics* why) {
    static const EmbeddedSchema schema = compile_embedded(embedded::template_xsd(), "template.xsd");
    return embedded_or_report(schema, why);
}

}  // namespace gijiroku::xml
