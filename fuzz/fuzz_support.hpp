// Shared by the fuzz targets: the oracle every target applies besides "no crash, no leak, no
// hang" (which the sanitizers and libFuzzer check), and small helpers.
//
// The oracle is the diagnostics contract of src/core/diagnostic.hpp: whatever the input, every
// diagnostic has a stable code of the documented form (E/W + three digits, or a note), a
// severity, and an English and a Japanese message. A diagnostic that breaks this is a bug the
// user would see as an empty or garbled error, so the target aborts and libFuzzer keeps the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "gijiroku/diagnostic.hpp"

namespace gijiroku::fuzz {

[[noreturn]] inline void fail(const char* what, const Diagnostic& d) {
    std::fprintf(stderr, "fuzz oracle: %s: code '%s' file '%s' message '%s'\n", what, d.code.c_str(),
                 d.file.c_str(), d.message.c_str());
    std::abort();
}

inline bool well_formed_code(const std::string& code) {
    if (code.size() != 4) return false;
    if (code[0] != 'E' && code[0] != 'W' && code[0] != 'N') return false;
    for (std::size_t i = 1; i < 4; ++i)
        if (code[i] < '0' || code[i] > '9') return false;
    return true;
}

inline void check_diagnostics(const std::vector<Diagnostic>& ds) {
    for (const auto& d : ds) {
        if (!well_formed_code(d.code)) fail("malformed code", d);
        if (d.message.empty()) fail("no English message", d);
        if (d.message_ja.empty()) fail("no Japanese message", d);
        if (d.code[0] == 'E' && d.severity != Severity::error) fail("E code that is not an error", d);
        if (d.code[0] == 'W' && d.severity != Severity::warning) fail("W code that is not a warning", d);
    }
}

// Formats every diagnostic both ways, as the CLI prints them: exercises the source-line and
// caret code on hostile sources (invalid UTF-8, huge lines, positions past the end).
inline void format_all(const std::vector<Diagnostic>& ds, std::string_view source) {
    std::size_t total = 0;
    for (const auto& d : ds) {
        total += format_diagnostic(d, source, MessageLanguage::english).size();
        total += format_diagnostic(d, source, MessageLanguage::japanese).size();
        total += format_diagnostic_json(d, MessageLanguage::english).size();
    }
    // Keep the work observable so the calls are not optimised away.
    if (total == static_cast<std::size_t>(-1)) std::abort();
}

}  // namespace gijiroku::fuzz
