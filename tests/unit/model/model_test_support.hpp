// Helpers shared by the model module's tests: read a document through the real pipeline
// (xml::read with the embedded minutes.xsd, then model::build), run check, and compare
// diagnostics compactly as "CODE@line:col".
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/build.hpp"
#include "model/check.hpp"
#include "xml/xml.hpp"

namespace model_test {

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string data_path(const std::string& name) {
    return std::string(GIJIROKU_TEST_DATA_DIR) + "/model/" + name;
}
inline std::string example_path(const std::string& name) {
    return std::string(GIJIROKU_SOURCE_DIR) + "/examples/" + name;
}

struct Loaded {
    gijiroku::Diagnostics read_diags;   // xml::read and model::build
    gijiroku::Diagnostics check_diags;  // model::check
    std::optional<gijiroku::model::Minutes> minutes;
};

// Reads `bytes` against the embedded minutes schema, builds, and (when built) checks.
inline Loaded load(std::string_view bytes, std::string_view name = "t.xml") {
    Loaded r;
    const auto schema = gijiroku::xml::minutes_schema(&r.read_diags);
    if (!schema) return r;
    auto doc = gijiroku::xml::read(bytes, name, schema.get(), {}, r.read_diags);
    if (!doc) return r;
    r.minutes = gijiroku::model::build(*doc, r.read_diags);
    if (r.minutes) gijiroku::model::check(*r.minutes, r.check_diags);
    return r;
}

inline Loaded load_file(const std::string& path) { return load(slurp(path), path); }

// "E301@16:34" for compact, exact comparisons.
inline std::string brief(const gijiroku::Diagnostic& d) {
    return d.code + "@" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column);
}

inline std::string briefs(const gijiroku::Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds.all()) out += (out.empty() ? "" : " ") + brief(d);
    return out;
}

// Every message of a list, for failure output.
inline std::string messages(const gijiroku::Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds.all()) out += brief(d) + " " + d.message + "\n";
    return out;
}

// The diagnostics with `code`.
inline std::vector<gijiroku::Diagnostic> with_code(const gijiroku::Diagnostics& ds, std::string_view code) {
    std::vector<gijiroku::Diagnostic> out;
    for (const auto& d : ds.all())
        if (d.code == code) out.push_back(d);
    return out;
}

}  // namespace model_test

namespace Catch {
template <>
struct StringMaker<gijiroku::SourceLoc> {
    static std::string convert(const gijiroku::SourceLoc& l) {
        return std::to_string(l.line) + ":" + std::to_string(l.column);
    }
};
}  // namespace Catch
