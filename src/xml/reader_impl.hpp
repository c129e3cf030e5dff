// Private to src/xml: the state of one xml::read, shared by the parse callbacks (reader.cpp) and
// the translation of schema errors (schema_errors.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "core/diagnostic.hpp"
#include "xml/libxml_impl.hpp"
#include "xml/reader.hpp"
#include "xml/source_text.hpp"

namespace gijiroku::xml {

struct ReadState {
    ReadState(const SourceText& source, std::string file_name, Diagnostics& sink,
              const ReadOptions& opts)
        : src(source.text()), text(source), file(std::move(file_name)), diags(sink), options(opts) {}

    std::string_view src;  // == text.text()
    const SourceText& text;
    std::string file;
    Diagnostics& diags;
    const ReadOptions& options;
    xmlParserCtxtPtr ctxt = nullptr;

    // Parsing.
    std::size_t markup_end = 0;  // just after the last start or end tag
    std::size_t depth = 0;
    std::size_t nodes = 0;
    std::size_t text_run = 0;  // bytes in the text node being filled
    bool fatal = false;        // the document is unusable; later libxml2 reports are echoes
    bool ns_error = false;     // a namespace error (libxml2 goes on parsing; we do not use the tree)

    // Validation.
    const Schema* schema = nullptr;
    bool schema_errors = false;
    // The target of the last E205, so libxml2's follow-up "not a valid value of the type"
    // after a facet error is not reported twice.
    const void* last_value_node = nullptr;
    std::string last_value_attribute;

    SourceLoc loc(std::size_t offset) const { return text.loc(offset); }
    // Byte offset of the parser in `src` (libxml2 may shift its buffer: `consumed` counts that).
    std::size_t parser_offset() const;
};

// Reports one libxml2 schema validity error as an E2xx diagnostic.
void report_schema_error(ReadState& st, const xmlError* err);

}  // namespace gijiroku::xml
