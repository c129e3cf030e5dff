#include <libxml/parserInternals.h>
#include <libxml/xmlschemastypes.h>

#include <mutex>

#include "xml/libxml_impl.hpp"

namespace gijiroku::xml {
namespace {

// The only external resources libxml2 may ever open: our own schemas, from memory. Documents
// never get here (a DOCTYPE is refused before any entity exists), but schema compilation
// follows xs:import/xs:include, and minutes.xsd imports the XML namespace schema as "xml.xsd"
// for xml:lang (its usual address on w3.org is mapped to the same copy). Everything else is
// refused: no file is read and no network is touched, whatever XML_PARSE_NONET says.
xmlParserInputPtr load_embedded_only(const char* url, const char* /*id*/, xmlParserCtxtPtr ctxt) {
    if (!url || !ctxt) return nullptr;
    const std::string_view u(url);
    const std::size_t slash = u.find_last_of('/');
    const std::string_view base = slash == std::string_view::npos ? u : u.substr(slash + 1);
    const bool local = u.find(':') == std::string_view::npos || u.starts_with("file:");
    std::string_view text;
    if (u == "http://www.w3.org/2001/xml.xsd" || (local && base == "xml.xsd"))
        text = embedded::xml_xsd();
    else if (local && base == "minutes.xsd")
        text = embedded::minutes_xsd();
    else if (local && base == "template.xsd")
        text = embedded::template_xsd();
    else
        return nullptr;
    // The embedded arrays end with a NUL (cmake/embed_files_script.cmake).
    xmlParserInputPtr in = xmlNewStringInputStream(ctxt, reinterpret_cast<const xmlChar*>(text.data()));
    if (in) in->filename = reinterpret_cast<const char*>(xmlStrdup(reinterpret_cast<const xmlChar*>(url)));
    return in;
}

void ignore_generic(void*, const char*, ...) {}

}  // namespace

void ensure_libxml_initialized() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        // Builds libxml2's table of built-in XSD types; not thread-safe on its own, so done here.
        xmlSchemaInitTypes();
        xmlSetExternalEntityLoader(load_embedded_only);
    });
}

ThreadErrorScope::ThreadErrorScope(void* context, xmlStructuredErrorFunc sink)
    : old_structured_(xmlStructuredError),
      old_structured_context_(xmlStructuredErrorContext),
      old_generic_(xmlGenericError),
      old_generic_context_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(context, sink);
    xmlSetGenericErrorFunc(nullptr, ignore_generic);
}

ThreadErrorScope::~ThreadErrorScope() {
    xmlSetStructuredErrorFunc(old_structured_context_, old_structured_);
    xmlSetGenericErrorFunc(old_generic_context_, old_generic_);
}

std::string error_text(const xmlError* err) {
    std::string s = err && err->message ? err->message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace gijiroku::xml
