// gijiroku — public API: diagnostics as values.
//
// Every problem gijiroku finds in a document, a template or a font is reported as a
// Diagnostic: a stable code (documented in docs/diagnostics.md), a severity, the place
// (file, 1-based line and column; column counts characters, not bytes) and a message in
// English and in Japanese. Diagnostics are values: copy them, store them, print them.
//
// No gijiroku function throws for a user mistake; only std::bad_alloc may escape.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gijiroku/source_loc.hpp"

namespace gijiroku {

enum class Severity : unsigned char { note, warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;        // "E301"
    std::string file;        // as given by the caller ("<stdin>" for standard input)
    SourceLoc loc;           // loc.line 1-based (0: the whole file); loc.column in characters (0: unknown)
    std::string message;     // English
    std::string message_ja;  // Japanese
    std::string hint;        // how to fix it (English), may be empty
    std::string hint_ja;     // how to fix it (Japanese), may be empty
};

// The language diagnostics are printed in.
enum class MessageLanguage : unsigned char { english, japanese };

// Picks Japanese when the LANG / LC_ALL / LC_MESSAGES environment starts with "ja".
MessageLanguage message_language_from_environment();

// Renders one diagnostic the way a compiler does (ninja-style):
//
//   minutes.xml:12:27: error[E301]: the weekday 水曜日 does not match 2025-03-25, a Tuesday (火曜日)
//      12 |     <datetime date="2025-03-25" weekday="水曜日" start="18:30" end="20:15"/>
//         |                                 ^
//   hint: write weekday="火" or correct the date
//
// `source` is the whole text of diagnostic.file (may be empty: no source line is shown).
// The caret is placed by display cells: a full-width character takes two columns.
std::string format_diagnostic(const Diagnostic& d, std::string_view source, MessageLanguage lang);

// One JSON object on one line:
// {"file":"a.xml","line":12,"column":27,"severity":"error","code":"E301","message":"…","message_ja":"…","hint":"…"}
std::string format_diagnostic_json(const Diagnostic& d, MessageLanguage lang);

// Number of diagnostics of each severity.
std::size_t count_errors(const std::vector<Diagnostic>& ds);
std::size_t count_warnings(const std::vector<Diagnostic>& ds);

}  // namespace gijiroku
