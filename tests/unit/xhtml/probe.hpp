// Test helpers: run Python's expat (xml_probe.py) on a string, and small string utilities.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace gijiroku::xhtml::test {

// The probe's output lines ("ok", "E path attrs", "T path: text"), or {"error: ..."}.
inline std::vector<std::string> probe(const std::string& xhtml) {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path();
    const std::string base = "gijiroku-xhtml-probe-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const auto in = dir / (base + ".xhtml");
    const auto out = dir / (base + ".txt");
    {
        std::ofstream f(in, std::ios::binary);
        f << xhtml;
    }
    const std::string cmd = "python3 '" GIJIROKU_SOURCE_DIR "/tests/unit/xhtml/xml_probe.py' '" + in.string() +
                            "' > '" + out.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    std::ifstream r(out, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string l; std::getline(r, l);) lines.push_back(l);
    std::filesystem::remove(in);
    std::filesystem::remove(out);
    if (rc != 0 && (lines.empty() || lines[0].rfind("error", 0) != 0)) lines.insert(lines.begin(), "error: probe failed");
    return lines;
}

inline bool has_line(const std::vector<std::string>& lines, const std::string& l) {
    for (const auto& x : lines)
        if (x == l) return true;
    return false;
}

inline std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

// Everything but ASCII white space and U+3000.
inline std::string strip_spaces(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace gijiroku::xhtml::test
