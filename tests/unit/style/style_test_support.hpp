// Helpers shared by the style tests: read minutes and templates from files or strings.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "core/diagnostic.hpp"
#include "model/build.hpp"
#include "model/minutes.hpp"
#include "style/dump.hpp"
#include "style/resolve.hpp"
#include "style/template.hpp"
#include "xml/xml.hpp"

namespace style_test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

inline std::string source(const std::string& rel) { return std::string(GIJIROKU_SOURCE_DIR) + "/" + rel; }
inline std::string data(const std::string& rel) { return std::string(GIJIROKU_TEST_DATA_DIR) + "/style/" + rel; }
inline std::string templates_dir() { return source("templates"); }

inline std::optional<gijiroku::model::Minutes> minutes_from(const std::string& bytes, const std::string& name,
                                                            gijiroku::Diagnostics& diags) {
    auto schema = gijiroku::xml::minutes_schema(&diags);
    if (!schema) return std::nullopt;
    auto doc = gijiroku::xml::read(bytes, name, schema.get(), gijiroku::xml::ReadOptions{}, diags);
    if (!doc) return std::nullopt;
    return gijiroku::model::build(*doc, diags);
}

inline std::optional<gijiroku::model::Minutes> minutes_file(const std::string& path, gijiroku::Diagnostics& diags) {
    return minutes_from(read_file(path), path, diags);
}

// A minimal minutes document around `particulars` and `proceedings` XML fragments.
inline std::string minutes_xml(const std::string& header, const std::string& particulars,
                               const std::string& proceedings, const std::string& root_attrs = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<minutes xmlns=\"urn:gijiroku:minutes:1\" version=\"1.0\" kind=\"summary\" xml:lang=\"ja\"" +
           root_attrs + ">\n<header><body-name>テスト協議会</body-name>" + header + "</header>\n" +
           (particulars.empty() ? "" : "<particulars>" + particulars + "</particulars>\n") +
           (proceedings.empty() ? "" : "<proceedings>" + proceedings + "</proceedings>\n") + "</minutes>\n";
}

inline std::string all_messages(const gijiroku::Diagnostics& d) {
    std::string out;
    for (const auto& x : d.all())
        out += x.code + " " + x.file + ":" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.column) + " " +
               x.message + "\n";
    return out;
}

}  // namespace style_test
