// Diagnostics: user mistakes are values with a stable code and a place, never exceptions.
//
// Codes are stable and documented in docs/diagnostics.md (a test checks every code used in
// src/ is listed there). Ranges:
//   E0xx/W0xx  command line, files, I/O           E1xx/W1xx  XML well-formedness, security
//   E2xx/W2xx  schema (XSD)                        E3xx/W3xx  meaning of the minutes
//   E4xx/W4xx  templates                           E5xx/W5xx  fonts and typesetting
//   E6xx/W6xx  import from plain text              E7xx/W7xx  writing PDF / XHTML
//   E9xx       internal errors (bugs)
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/source_loc.hpp"
#include "gijiroku/diagnostic.hpp"  // Severity and Diagnostic: one type, public and internal

namespace gijiroku {

const char* severity_name(Severity s);  // "note", "warning", "error"

// A sink that stages write into. Not thread-safe: one per document being processed.
class Diagnostics {
public:
    // A report equal to one already stored (same severity, code, file, place and message) is
    // dropped without being counted: one character missing from the fonts, say, is met once
    // per place the name is printed (attendee list, speaker label, web font) but is one mistake
    // to fix in the source.
    void report(Diagnostic d);

    // Convenience for the common case.
    void error(std::string code, std::string file, SourceLoc loc, std::string message,
               std::string message_ja, std::string hint = {}, std::string hint_ja = {});
    void warning(std::string code, std::string file, SourceLoc loc, std::string message,
                 std::string message_ja, std::string hint = {}, std::string hint_ja = {});

    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    bool has_errors() const { return errors_ != 0; }
    bool empty() const { return items_.empty(); }

    // Moves every diagnostic of `other` into this sink.
    void append(Diagnostics&& other);

    // Upper bound on stored diagnostics, so a hostile file with a million errors cannot
    // exhaust memory. Reports past the cap are counted but not stored.
    void set_limit(std::size_t max_stored) { limit_ = max_stored; }
    std::size_t dropped() const { return dropped_; }

private:
    std::vector<Diagnostic> items_;
    std::unordered_set<std::string> seen_;  // keys of items_, for report's duplicate check
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
    std::size_t dropped_ = 0;
    std::size_t limit_ = 1000;
};

}  // namespace gijiroku
