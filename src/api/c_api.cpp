// The C API (include/gijiroku/gijiroku.h): opaque handles over the C++ API, for C and for
// other languages' foreign-function interfaces. Every entry point catches every exception,
// since unwinding through a C caller (or a Python/Java runtime) is undefined behaviour; the
// only failure left to report is NULL (out of memory, or a NULL argument).
#include "gijiroku/gijiroku.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "gijiroku/gijiroku.hpp"

struct gijiroku_engine {
    std::unique_ptr<gijiroku::Engine> engine;
    std::vector<gijiroku::TemplateInfo> templates;  // listed once: the folder is read at creation
};

struct gijiroku_render_options {
    gijiroku::RenderOptions options;
    gijiroku::OutputPaths paths;
};

struct gijiroku_result {
    std::string name;  // the input's name, to tell its diagnostics from a template's
    std::vector<gijiroku::Diagnostic> diagnostics;
    std::string source;
    std::string pdf;
    std::string xhtml;
};

namespace {

// Runs `f`, turning any exception into `fallback`.
template <class F, class R>
R guarded(R fallback, F&& f) noexcept {
    try {
        return f();
    } catch (...) {
        return fallback;
    }
}

const gijiroku::Diagnostic* diagnostic_at(const gijiroku_result* r, size_t i) {
    if (!r || i >= r->diagnostics.size()) return nullptr;
    return &r->diagnostics[i];
}

gijiroku_result* new_result(std::string name, std::vector<gijiroku::Diagnostic> diagnostics, std::string source) {
    auto* r = new gijiroku_result;
    r->name = std::move(name);
    r->diagnostics = std::move(diagnostics);
    r->source = std::move(source);
    return r;
}

gijiroku_result* render(const gijiroku_engine* e, const gijiroku::Input& input, const gijiroku_render_options* o) {
    gijiroku::RenderOptions options;
    gijiroku::OutputPaths paths;
    if (o) {
        options = o->options;
        paths = o->paths;
    }
    // With no path this is a plain render. Bytes written to a path are kept in the result
    // only when asked for with _set_pdf / _set_xhtml (gijiroku.h), so a job writing files
    // does not hold every PDF in memory until it frees the result.
    gijiroku::RenderResult rr = e->engine->render_to_files(input, options, paths);
    if (!options.pdf) rr.pdf.clear();
    if (!options.xhtml) rr.xhtml.clear();
    auto* r = new_result(input.name, std::move(rr.diagnostics), std::move(rr.source));
    r->pdf = std::move(rr.pdf);
    r->xhtml = std::move(rr.xhtml);
    return r;
}

const unsigned char* bytes_of(const std::string& s, size_t* size) {
    if (size) *size = s.size();
    return s.empty() ? nullptr : reinterpret_cast<const unsigned char*>(s.data());
}

char* copy_string(const std::string& s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}

}  // namespace

extern "C" {

const char* gijiroku_version(void) { return gijiroku::version(); }

gijiroku_engine* gijiroku_engine_new(const char* data_dir, const char* fonts_dir, gijiroku_result** diagnostics) {
    if (diagnostics) *diagnostics = nullptr;
    return guarded<>(static_cast<gijiroku_engine*>(nullptr), [&]() -> gijiroku_engine* {
        gijiroku::EngineOptions eo;
        if (data_dir) eo.data_dir = data_dir;
        if (fonts_dir) eo.fonts_dir = fonts_dir;
        std::vector<gijiroku::Diagnostic> setup;
        auto engine = gijiroku::Engine::create(eo, setup);
        std::unique_ptr<gijiroku_engine> handle;
        if (engine) {
            handle = std::make_unique<gijiroku_engine>();
            handle->templates = engine->templates();
            handle->engine = std::move(engine);
        }
        if (diagnostics) *diagnostics = new_result("gijiroku", std::move(setup), {});
        return handle.release();
    });
}

void gijiroku_engine_free(gijiroku_engine* engine) { delete engine; }

const char* gijiroku_engine_data_dir(const gijiroku_engine* engine) {
    return engine ? engine->engine->data_dir().c_str() : nullptr;
}

size_t gijiroku_engine_template_count(const gijiroku_engine* engine) { return engine ? engine->templates.size() : 0; }

const char* gijiroku_engine_template_name(const gijiroku_engine* engine, size_t index) {
    if (!engine || index >= engine->templates.size()) return nullptr;
    return engine->templates[index].name.c_str();
}

const char* gijiroku_engine_template_description(const gijiroku_engine* engine, size_t index) {
    if (!engine || index >= engine->templates.size()) return nullptr;
    return engine->templates[index].description.c_str();
}

gijiroku_render_options* gijiroku_render_options_new(void) { return new (std::nothrow) gijiroku_render_options; }

void gijiroku_render_options_free(gijiroku_render_options* options) { delete options; }

int gijiroku_render_options_set_template(gijiroku_render_options* options, const char* name_or_path) {
    if (!options) return -1;
    return guarded(-1, [&] {
        options->options.template_name = name_or_path ? name_or_path : "";
        return 0;
    });
}

void gijiroku_render_options_set_pdf(gijiroku_render_options* options, int want) {
    if (options) options->options.pdf = want != 0;
}

void gijiroku_render_options_set_xhtml(gijiroku_render_options* options, int want) {
    if (options) options->options.xhtml = want != 0;
}

int gijiroku_render_options_set_pdf_path(gijiroku_render_options* options, const char* path) {
    if (!options) return -1;
    return guarded(-1, [&] {
        options->paths.pdf = path ? path : "";
        return 0;
    });
}

int gijiroku_render_options_set_xhtml_path(gijiroku_render_options* options, const char* path) {
    if (!options) return -1;
    return guarded(-1, [&] {
        options->paths.xhtml = path ? path : "";
        return 0;
    });
}

void gijiroku_render_options_set_kinsoku(gijiroku_render_options* options, gijiroku_kinsoku level) {
    if (!options) return;
    switch (level) {
        case GIJIROKU_KINSOKU_VERY_STRICT: options->options.kinsoku = gijiroku::Kinsoku::very_strict; break;
        case GIJIROKU_KINSOKU_STRICT: options->options.kinsoku = gijiroku::Kinsoku::strict; break;
        case GIJIROKU_KINSOKU_LOOSE: options->options.kinsoku = gijiroku::Kinsoku::loose; break;
        default: options->options.kinsoku.reset(); break;
    }
}

void gijiroku_render_options_set_source_date_epoch(gijiroku_render_options* options, int64_t seconds) {
    if (!options) return;
    if (seconds < 0) options->options.source_date_epoch.reset();
    else options->options.source_date_epoch = seconds;
}

void gijiroku_render_options_set_allow_base_glyph(gijiroku_render_options* options, int allow) {
    if (options) options->options.allow_base_glyph = allow != 0;
}

gijiroku_result* gijiroku_validate_file(const gijiroku_engine* engine, const char* path) {
    if (!engine || !path) return nullptr;
    return guarded(static_cast<gijiroku_result*>(nullptr), [&] {
        const auto input = gijiroku::Input::from_file(path);
        auto vr = engine->engine->validate(input);
        return new_result(input.name, std::move(vr.diagnostics), std::move(vr.source));
    });
}

gijiroku_result* gijiroku_validate_memory(const gijiroku_engine* engine, const char* name, const char* bytes,
                                          size_t size) {
    if (!engine || (!bytes && size)) return nullptr;
    return guarded(static_cast<gijiroku_result*>(nullptr), [&] {
        const auto input = gijiroku::Input::from_memory(name ? name : "<memory>", std::string(bytes ? bytes : "", size));
        auto vr = engine->engine->validate(input);
        return new_result(input.name, std::move(vr.diagnostics), std::move(vr.source));
    });
}

gijiroku_result* gijiroku_render_file(const gijiroku_engine* engine, const char* path,
                                      const gijiroku_render_options* options) {
    if (!engine || !path) return nullptr;
    return guarded(static_cast<gijiroku_result*>(nullptr),
                   [&] { return render(engine, gijiroku::Input::from_file(path), options); });
}

gijiroku_result* gijiroku_render_memory(const gijiroku_engine* engine, const char* name, const char* bytes,
                                        size_t size, const gijiroku_render_options* options) {
    if (!engine || (!bytes && size)) return nullptr;
    return guarded(static_cast<gijiroku_result*>(nullptr), [&] {
        return render(engine, gijiroku::Input::from_memory(name ? name : "<memory>", std::string(bytes ? bytes : "", size)),
                      options);
    });
}

int gijiroku_result_ok(const gijiroku_result* result) {
    return result && gijiroku::count_errors(result->diagnostics) == 0 ? 1 : 0;
}

size_t gijiroku_result_error_count(const gijiroku_result* result) {
    return result ? gijiroku::count_errors(result->diagnostics) : 0;
}

size_t gijiroku_result_warning_count(const gijiroku_result* result) {
    return result ? gijiroku::count_warnings(result->diagnostics) : 0;
}

const unsigned char* gijiroku_result_pdf(const gijiroku_result* result, size_t* size) {
    if (!result) {
        if (size) *size = 0;
        return nullptr;
    }
    return bytes_of(result->pdf, size);
}

const unsigned char* gijiroku_result_xhtml(const gijiroku_result* result, size_t* size) {
    if (!result) {
        if (size) *size = 0;
        return nullptr;
    }
    return bytes_of(result->xhtml, size);
}

size_t gijiroku_result_diagnostic_count(const gijiroku_result* result) {
    return result ? result->diagnostics.size() : 0;
}

const char* gijiroku_diagnostic_code(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->code.c_str() : nullptr;
}

gijiroku_severity gijiroku_diagnostic_severity(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    if (!d) return GIJIROKU_SEVERITY_NOTE;
    switch (d->severity) {
        case gijiroku::Severity::error: return GIJIROKU_SEVERITY_ERROR;
        case gijiroku::Severity::warning: return GIJIROKU_SEVERITY_WARNING;
        case gijiroku::Severity::note: return GIJIROKU_SEVERITY_NOTE;
    }
    return GIJIROKU_SEVERITY_NOTE;
}

const char* gijiroku_diagnostic_file(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->file.c_str() : nullptr;
}

uint32_t gijiroku_diagnostic_line(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->loc.line : 0;
}

uint32_t gijiroku_diagnostic_column(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->loc.column : 0;
}

const char* gijiroku_diagnostic_message_en(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->message.c_str() : nullptr;
}

const char* gijiroku_diagnostic_message_ja(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->message_ja.c_str() : nullptr;
}

const char* gijiroku_diagnostic_hint(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->hint.c_str() : nullptr;
}

const char* gijiroku_diagnostic_hint_ja(const gijiroku_result* result, size_t index) {
    const auto* d = diagnostic_at(result, index);
    return d ? d->hint_ja.c_str() : nullptr;
}

char* gijiroku_result_format_diagnostics(const gijiroku_result* result, gijiroku_language language, int json) {
    if (!result) return nullptr;
    return guarded(static_cast<char*>(nullptr), [&] {
        const auto lang = language == GIJIROKU_LANGUAGE_JAPANESE ? gijiroku::MessageLanguage::japanese
                                                                 : gijiroku::MessageLanguage::english;
        std::string out;
        // A diagnostic about a template or the font manifest shows a line of that file.
        std::map<std::string, std::string> other_files;
        for (const auto& d : result->diagnostics) {
            if (json) {
                out += gijiroku::format_diagnostic_json(d, lang);
                out += '\n';
                continue;
            }
            const std::string* text = &result->source;
            if (d.file != result->name) {
                auto it = other_files.find(d.file);
                if (it == other_files.end()) {
                    const auto in = gijiroku::Input::from_file(d.file);
                    it = other_files.emplace(d.file, in.error.empty() ? in.bytes : std::string{}).first;
                }
                text = &it->second;
            }
            out += gijiroku::format_diagnostic(d, *text, lang);
        }
        return copy_string(out);
    });
}

void gijiroku_result_free(gijiroku_result* result) { delete result; }

void gijiroku_string_free(char* string) { std::free(string); }

}  // extern "C"
