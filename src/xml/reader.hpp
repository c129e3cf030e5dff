// xml::read: untrusted bytes → Document, optionally validated against a Schema, with every
// problem reported as a Diagnostic at file:line:col (codes E1xx for the file and its syntax,
// E2xx for the schema; docs/diagnostics.md lists them).
//
// Security (DESIGN §3 "Untrusted input"): a document type declaration is refused outright, so
// no entity is ever declared, expanded or loaded (XXE and "billion laughs" have nothing to
// work with); no DTD is loaded or used, no network is touched, XInclude is never processed,
// libxml2's hard limits stay on (no XML_PARSE_HUGE), and the limits below bound time and memory.
// Safe to call from several threads at once on different documents.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "xml/document.hpp"
#include "xml/schema.hpp"

namespace gijiroku::xml {

struct ReadOptions {
    // Larger inputs are refused before parsing (E102). Minutes of 100 pages are about 300 KB.
    std::size_t max_bytes = 32 * 1024 * 1024;
    // Deepest element nesting (E108). Values above 256 are capped by libxml2's own limit.
    std::size_t max_depth = 256;
    // Longest single text node, in bytes (E109). Capped at 10,000,000, libxml2's limit without
    // XML_PARSE_HUGE (which the reader never sets), so the answer does not depend on how libxml2
    // happens to deliver the text.
    std::size_t max_text_bytes = 10'000'000;
    // Elements plus text nodes in the whole document (E117): bounds the memory of the tree.
    std::size_t max_nodes = 1'000'000;
    // Attributes (namespace declarations included) on one element (E117). libxml2 2.9 checks
    // duplicates pairwise, so an element with a million attributes would take hours.
    std::size_t max_attributes = 256;
    // Namespace declarations in the whole document (E117). libxml2 looks prefixes up linearly.
    std::size_t max_namespace_declarations = 64;
};

// Parses `bytes` (the content of `file_name`; the name only labels diagnostics) and, when
// `schema` is not null, validates it.
//
// Returns nullopt when the bytes are not a safe, well-formed UTF-8 XML document (E1xx). A
// well-formed document that breaks the schema is still returned, with schema_valid == false
// and E2xx errors in `diags`, so a validator can go on to report every problem at once.
// A UTF-8 byte order mark is accepted and does not count as a column.
std::optional<Document> read(std::string_view bytes, std::string_view file_name,
                             const Schema* schema, const ReadOptions& options,
                             Diagnostics& diags);

}  // namespace gijiroku::xml
