// Helpers shared by the xml module's tests.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "xml/xml.hpp"

namespace xml_test {

struct Result {
    std::optional<gijiroku::xml::Document> doc;
    gijiroku::Diagnostics diags;
};

inline Result read(std::string_view bytes, const gijiroku::xml::Schema* schema = nullptr,
                   const gijiroku::xml::ReadOptions& options = {}) {
    Result r;
    r.doc = gijiroku::xml::read(bytes, "t.xml", schema, options, r.diags);
    return r;
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string data(const std::string& name) {
    return slurp(std::string(GIJIROKU_TEST_DATA_DIR) + "/xml/" + name);
}

// "E107@2:1" for compact, exact comparisons of a whole diagnostic list.
inline std::string brief(const gijiroku::Diagnostic& d) {
    return d.code + "@" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column);
}

inline std::string briefs(const gijiroku::Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds.all()) out += (out.empty() ? "" : " ") + brief(d);
    return out;
}

}  // namespace xml_test
