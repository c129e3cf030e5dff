// The real pipeline up to the StyledDoc (xml::read → model::build → style::resolve), for
// tests that write XHTML from the examples with the shipped templates.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "core/diagnostic.hpp"
#include "model/build.hpp"
#include "style/resolve.hpp"
#include "style/template.hpp"
#include "xml/xml.hpp"

namespace gijiroku::xhtml::test {

inline std::optional<style::StyledDoc> resolved(const std::string& example, const std::string& template_id,
                                                Diagnostics& diags) {
    const std::string path = std::string(GIJIROKU_SOURCE_DIR) + "/examples/" + example;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto schema = xml::minutes_schema(&diags);
    if (!schema) return std::nullopt;
    auto doc = xml::read(bytes.str(), path, schema.get(), xml::ReadOptions{}, diags);
    if (!doc) return std::nullopt;
    auto minutes = model::build(*doc, diags);
    if (!minutes) return std::nullopt;
    auto tmpl = style::load_template(template_id, std::string(GIJIROKU_SOURCE_DIR) + "/templates", diags);
    if (!tmpl) return std::nullopt;
    return style::resolve(*minutes, *tmpl, diags);
}

inline const char* const examples[] = {"tokyo-2025-03-25.xml", "mext-council-2025-06-12.xml",
                                       "city-kaigiroku-2024-11-20.xml"};
inline const char* const templates[] = {"tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"};

}  // namespace gijiroku::xhtml::test
