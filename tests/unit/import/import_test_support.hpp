// Helpers shared by the import tests: files, templates, an Engine, the import itself, and a
// structural comparison of two minutes XML documents (element names, attributes and text in
// order; white-space-only text and comments ignored; a line break inside text read as
// model::build reads it).
#pragma once

#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "gijiroku/gijiroku.hpp"
#include "import/import.hpp"
#include "style/template.hpp"
#include "xml/reader.hpp"
#include "xml/schema.hpp"

namespace import_test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

inline std::string source(const std::string& rel) { return std::string(GIJIROKU_SOURCE_DIR) + "/" + rel; }
inline std::string data(const std::string& rel) { return std::string(GIJIROKU_TEST_DATA_DIR) + "/import/" + rel; }
inline std::string seed_path() { return std::string(GIJIROKU_SHARED_DIR) + "/seeds/000_5aba5523e865b097.txt"; }

inline const gijiroku::style::Template& tmpl(const std::string& name) {
    static std::map<std::string, gijiroku::style::Template> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        gijiroku::Diagnostics d;
        auto t = gijiroku::style::load_template(name, source("templates"), d);
        if (!t) throw std::runtime_error("cannot load template " + name);
        it = cache.emplace(name, std::move(*t)).first;
    }
    return it->second;
}

struct Imported {
    std::optional<std::string> xml;
    gijiroku::Diagnostics diags;
    std::string messages() const {
        std::string out;
        for (const auto& d : diags.all())
            out += d.code + " " + d.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " +
                   d.message + "\n";
        return out;
    }
    std::size_t count(const std::string& code) const {
        std::size_t n = 0;
        for (const auto& d : diags.all()) n += d.code == code;
        return n;
    }
};

inline Imported import_text(const std::string& text, const std::string& template_name, bool strict = false,
                            const std::string& file = "test.txt") {
    Imported r;
    gijiroku::import::ImportOptions o;
    o.strict = strict;
    r.xml = gijiroku::import::import_text(text, file, tmpl(template_name), o, r.diags);
    return r;
}

inline gijiroku::Engine& engine() {
    static std::unique_ptr<gijiroku::Engine> e = [] {
        std::vector<gijiroku::Diagnostic> setup;
        gijiroku::EngineOptions eo;
        eo.data_dir = GIJIROKU_SOURCE_DIR;
        auto made = gijiroku::Engine::create(eo, setup);
        if (!made) throw std::runtime_error("cannot create the engine");
        return made;
    }();
    return *e;
}

// Unicode White_Space, removed before comparing characters.
inline bool is_white(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

inline std::string without_whitespace(const std::string& s) {
    std::string out;
    for (char32_t c : gijiroku::utf8::decode(s))
        if (!is_white(c)) gijiroku::utf8::append(out, c);
    return out;
}

// ------------------------------------------------------------------ structural comparison

struct Tree {
    std::string name;  // "#text" for a run of text
    std::map<std::string, std::string> attrs;
    std::string text;
    std::vector<Tree> children;
};

// Text as model::build reads it: a run of XML white space holding a line feed disappears next
// to a non-ASCII character and is one space between ASCII ones; the run is trimmed.
inline std::string normalise_text(const std::string& s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            std::size_t j = i;
            bool nl = false;
            while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) nl |= s[j++] == '\n';
            const bool ascii_before = !out.empty() && static_cast<unsigned char>(out.back()) < 0x80;
            const bool ascii_after = j < s.size() && static_cast<unsigned char>(s[j]) < 0x80;
            if (!out.empty() && j < s.size()) {
                if (!nl) out.append(s, i, j - i);
                else if (ascii_before && ascii_after) out += ' ';
            }
            i = j;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

inline Tree to_tree(const gijiroku::xml::Node& n) {
    Tree t;
    t.name = n.name;
    for (const auto& a : n.attributes)
        t.attrs[(a.ns_uri == gijiroku::xml::xml_namespace ? "xml:" : "") + a.name] = a.value;
    for (const auto& c : n.children) {
        if (c.is_text()) {
            if (c.is_blank()) continue;
            Tree x;
            x.name = "#text";
            x.text = normalise_text(c.text);
            t.children.push_back(std::move(x));
        } else {
            t.children.push_back(to_tree(c));
        }
    }
    return t;
}

inline std::optional<Tree> parse_tree(const std::string& xml, const std::string& name, std::string& error) {
    gijiroku::Diagnostics d;
    auto schema = gijiroku::xml::minutes_schema(&d);
    auto doc = gijiroku::xml::read(xml, name, schema.get(), gijiroku::xml::ReadOptions{}, d);
    if (!doc || d.has_errors()) {
        for (const auto& x : d.all()) error += x.code + " " + x.message + "\n";
        return std::nullopt;
    }
    return to_tree(doc->root);
}

inline std::string describe(const Tree& t) {
    if (t.name == "#text") return "text 「" + t.text + "」";
    std::string s = "<" + t.name;
    for (const auto& [k, v] : t.attrs) s += " " + k + "=\"" + v + "\"";
    return s + ">";
}

// "" when equal; otherwise where and how they first differ.
inline std::string first_difference(const Tree& want, const Tree& got, const std::string& path = "") {
    const std::string here = path + "/" + want.name;
    if (want.name != got.name) return here + ": expected " + describe(want) + ", got " + describe(got);
    if (want.text != got.text) return here + ": expected 「" + want.text + "」, got 「" + got.text + "」";
    if (want.attrs != got.attrs) return here + ": expected " + describe(want) + ", got " + describe(got);
    const std::size_t n = std::min(want.children.size(), got.children.size());
    for (std::size_t i = 0; i < n; ++i) {
        std::string d = first_difference(want.children[i], got.children[i], here + "[" + std::to_string(i) + "]");
        if (!d.empty()) return d;
    }
    if (want.children.size() != got.children.size())
        return here + ": expected " + std::to_string(want.children.size()) + " children, got " +
               std::to_string(got.children.size()) +
               (want.children.size() > n ? "; first missing: " + describe(want.children[n])
                                         : "; first extra: " + describe(got.children[n]));
    return "";
}

inline void walk(Tree& t, const std::function<void(Tree&)>& f) {
    f(t);
    for (Tree& c : t.children) walk(c, f);
}

}  // namespace import_test
