// gijiroku — public C++ API.
//
// gijiroku validates Japanese official meeting minutes (議事要旨・議事録・会議録) written in
// the gijiroku XML vocabulary (schemas/minutes.xsd) and renders them, through a template, to
// a tagged PDF (PDF/UA-1) typeset by Japanese rules (JIS X 4051 / JLREQ) and to accessible
// XHTML. The command-line tool `gijiroku` is a thin layer over this API.
//
// Usage:
//
//   gijiroku::EngineOptions eo;                       // finds templates and fonts itself
//   std::vector<gijiroku::Diagnostic> setup;
//   auto engine = gijiroku::Engine::create(eo, setup); // loads schemas; fonts lazily
//   if (!engine) { /* print setup */ }
//
//   gijiroku::RenderOptions ro;
//   ro.pdf = ro.xhtml = true;
//   gijiroku::RenderResult r = engine->render(gijiroku::Input::from_file("minutes.xml"), ro);
//   if (r.ok()) { /* r.pdf, r.xhtml hold the bytes */ }
//   for (auto& d : r.diagnostics) std::cerr << gijiroku::format_diagnostic(d, r.source, lang);
//
//   // Or straight to files, each written atomically (E004 when one cannot be written):
//   engine->render_to_files(gijiroku::Input::from_file("minutes.xml"), {}, {"minutes.pdf", "minutes.xhtml"});
//
// Linking: libgijiroku.so (CMake: find_package(gijiroku), target gijiroku::gijiroku; or
// pkg-config gijiroku), C++20. The same library has a C API for other languages:
// gijiroku/gijiroku.h. docs/embedding.md has complete programs.
//
// Thread safety: an Engine is immutable once created and may be used from many threads at
// once for independent documents. Fonts and templates are loaded once per Engine and shared
// read-only between renders.
//
// Errors: no function throws for a user mistake (a bad document, template or font); those
// are Diagnostics. Only std::bad_alloc may escape.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gijiroku/diagnostic.hpp"

namespace gijiroku {

// The library version, "0.1.0".
const char* version();

// A document to process: its bytes and the name diagnostics use for it.
struct Input {
    std::string name;   // shown in diagnostics: "minutes.xml", "<stdin>"
    std::string bytes;  // the XML, UTF-8
    // Reads a file. On failure returns an Input whose `error` says why (bytes empty).
    // Reads at most max_read_bytes: a larger file, a device such as /dev/zero or an endless
    // pipe is an error, not an out-of-memory kill. (Documents above 32 MiB, the reader's
    // limit, are read and then refused with E102, which gives their size.)
    static Input from_file(const std::string& path);
    static constexpr std::size_t max_read_bytes = std::size_t{64} << 20;
    static Input from_memory(std::string name, std::string bytes);
    std::string error;  // non-empty when the file could not be read
};

// JLREQ line-breaking strictness (kinsoku). very_strict is JLREQ's level 4 (CSS/ICU
// "strict": ー, 々 and small kana never start a line) and the default; strict is level 3
// (CSS "normal"); loose is level 2.
enum class Kinsoku : unsigned char { very_strict, strict, loose };

struct EngineOptions {
    // Folder holding templates/, fonts/ (with fonts.xml) and schemas/. Empty: found next to
    // the executable (<prefix>/share/gijiroku, or the source tree for a build-tree binary),
    // or from the GIJIROKU_DATA_DIR environment variable.
    std::string data_dir;
    // Overrides the folder holding fonts.xml and the font files (default: <data_dir>/fonts).
    std::string fonts_dir;
};

enum class Dump : unsigned char { none, model, styled, lines, pages, text };

struct RenderOptions {
    // Template name (from templates/, see Engine::templates()) or a path to a template file.
    // Empty: chosen by the document's kind (議事録 → ministry-gijiroku, 会議録 →
    // city-kaigiroku, otherwise tokyo-gijiyoshi).
    std::string template_name;
    bool pdf = false;    // produce RenderResult::pdf
    bool xhtml = false;  // produce RenderResult::xhtml
    Dump dump = Dump::none;  // produce RenderResult::dump (stable text, for tests and debugging)
    std::optional<Kinsoku> kinsoku;  // overrides the template's level
    // Seconds since 1970-01-01 for the PDF's dates; none: the PDF carries no dates.
    // (The CLI reads the SOURCE_DATE_EPOCH environment variable.)
    std::optional<std::int64_t> source_date_epoch;
    // A variation sequence (葛 U+845B U+E0100) that no font supports is an error; with this
    // set it is a warning and the base character's glyph is printed.
    bool allow_base_glyph = false;
};

struct ValidationResult {
    std::vector<Diagnostic> diagnostics;
    std::string source;  // the input's text (for printing source lines under diagnostics)
    bool ok() const { return count_errors(diagnostics) == 0; }
};

struct RenderResult {
    std::vector<Diagnostic> diagnostics;
    std::string source;
    std::string pdf;    // empty unless requested and successful
    std::string xhtml;  // empty unless requested and successful
    std::string dump;   // empty unless requested
    bool ok() const { return count_errors(diagnostics) == 0; }
};

// Where Engine::render_to_files writes. An empty path: that output is not produced.
// "-" writes to standard output (as the CLI's "--pdf -").
struct OutputPaths {
    std::string pdf;
    std::string xhtml;
};

// `gijiroku import`: the plain text of minutes (copied out of a Word file, or the output of
// `pdftotext -layout`) turned into minutes XML (docs/import.md).
struct ImportOptions {
    // The template whose wording the text was printed in (its labels, numbering, 「（{speaker}
    // から補足）」 phrasing …), by name or path. Empty: chosen by the kind the title names, as
    // render chooses (議事録 → ministry-gijiroku, 会議録 → city-kaigiroku, otherwise
    // tokyo-gijiyoshi).
    std::string template_name;
    // Lines that could not be classified are errors instead of warnings (W601–W605): nothing
    // is returned when there is one.
    bool strict = false;
};

struct ImportResult {
    std::vector<Diagnostic> diagnostics;  // at the lines of the text (FILE:LINE)
    std::string source;                   // the text as given
    std::string xml;                      // the minutes XML; empty unless ok()
    std::string template_name;            // the template whose wording was used
    bool ok() const { return count_errors(diagnostics) == 0; }
};

struct TemplateInfo {
    std::string name;         // "tokyo-gijiyoshi"
    std::string description;  // one line
    std::string path;
};

class Engine {
public:
    // Loads what every render needs. Returns nullptr with diagnostics when the data folder
    // cannot be found or its schemas/font manifest are broken.
    static std::unique_ptr<Engine> create(const EngineOptions& options,
                                          std::vector<Diagnostic>& diagnostics);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Schema and meaning checks only.
    ValidationResult validate(const Input& input) const;

    // Validates, then renders what `options` asks for. When the input has an error nothing is
    // rendered (pdf and xhtml stay empty).
    RenderResult render(const Input& input, const RenderOptions& options) const;

    // Like render, then writes each output named in `paths` with write_file_atomically.
    // A non-empty path asks for that output, as options.pdf / options.xhtml do; the bytes
    // stay in the result as well. Nothing is written when the document has an error.
    // An output that cannot be written is an E004 diagnostic (the result is then not ok());
    // the outputs after it are not written, those before it stay written.
    RenderResult render_to_files(const Input& input, const RenderOptions& options,
                                 const OutputPaths& paths) const;

    // Imports plain text as minutes XML. The XML is validated (schema and meaning checks, as
    // validate does) before it is returned: when it does not validate, `xml` stays empty and
    // the diagnostics say why, at the lines of the text. Never throws for bad input: a file
    // that is not UTF-8 text (Shift_JIS, a PDF, a Word file) is an E6xx error.
    ImportResult import_text(const Input& input, const ImportOptions& options) const;

    // The installed templates, sorted by name.
    std::vector<TemplateInfo> templates() const;

    // Where templates, fonts and schemas were found.
    const std::string& data_dir() const;

    struct Impl;

private:
    explicit Engine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Writes `bytes` to `path` atomically: to a temporary file in the same folder, flushed and
// renamed over the target, so a failure (disk full, file-size limit, a kill) never leaves a
// partial file and never touches an existing one. "-" writes to standard output.
// Returns an empty string on success, else a message (English) naming the path and errno.
std::string write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace gijiroku
