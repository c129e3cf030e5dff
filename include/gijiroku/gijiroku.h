/* gijiroku — C API.
 *
 * The same library as the C++ API (gijiroku/gijiroku.hpp), for C programs and for other
 * languages through their C foreign-function interfaces (Python ctypes/cffi, Java FFM/JNA,
 * Rust, Go cgo, ...). Link with -lgijiroku (pkg-config gijiroku, or CMake's
 * find_package(gijiroku) and the target gijiroku::gijiroku).
 *
 * Usage:
 *
 *   gijiroku_result* setup = NULL;
 *   gijiroku_engine* engine = gijiroku_engine_new(NULL, NULL, &setup);
 *   if (!engine) { ... print gijiroku_result_format_diagnostics(setup, ...) ... }
 *   gijiroku_result_free(setup);
 *
 *   gijiroku_render_options* opts = gijiroku_render_options_new();
 *   gijiroku_render_options_set_pdf(opts, 1);
 *   gijiroku_result* r = gijiroku_render_file(engine, "minutes.xml", opts);
 *   if (r && gijiroku_result_ok(r)) {
 *       size_t size = 0;
 *       const unsigned char* pdf = gijiroku_result_pdf(r, &size);   // owned by r
 *       ...
 *   }
 *   for (size_t i = 0; r && i < gijiroku_result_diagnostic_count(r); ++i)
 *       fprintf(stderr, "%s: %s\n", gijiroku_diagnostic_code(r, i), gijiroku_diagnostic_message_en(r, i));
 *   gijiroku_result_free(r);
 *   gijiroku_render_options_free(opts);
 *   gijiroku_engine_free(engine);
 *
 * Conventions:
 * - Every handle is opaque and freed by its own _free function; every _free accepts NULL.
 * - Strings are UTF-8 and NUL-terminated. A `const char*` or buffer returned by a function
 *   belongs to the object it came from and stays valid until that object is freed. The only
 *   memory the caller frees is returned as `char*` (gijiroku_string_free) or as a handle.
 * - A problem with a document, a template or a font is a diagnostic in the result, never a
 *   NULL return. Functions returning a handle return NULL only when memory runs out or a
 *   required argument is NULL.
 * - No C++ exception crosses this interface: every entry point catches everything.
 * - Thread safety: an engine may be used from many threads at once for independent
 *   documents (templates and fonts are loaded once per engine and shared read-only). A
 *   render-options or result object must not be used from two threads at the same time
 *   without the caller's own locking; reading a result from several threads is safe.
 */
#ifndef GIJIROKU_H
#define GIJIROKU_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define GIJIROKU_C_API __attribute__((visibility("default")))
#else
#define GIJIROKU_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* An engine: the data folder (templates/, fonts/, schemas/) and every template and font set
 * loaded so far. Create one per process and share it. */
typedef struct gijiroku_engine gijiroku_engine;

/* What to render and how (template, outputs, kinsoku level, dates). */
typedef struct gijiroku_render_options gijiroku_render_options;

/* The outcome of validating or rendering one document: diagnostics, and the PDF and XHTML
 * bytes when asked for and there was no error. */
typedef struct gijiroku_result gijiroku_result;

typedef enum gijiroku_severity {
    GIJIROKU_SEVERITY_NOTE = 0,
    GIJIROKU_SEVERITY_WARNING = 1,
    GIJIROKU_SEVERITY_ERROR = 2
} gijiroku_severity;

/* JLREQ line-breaking strictness (kinsoku). TEMPLATE keeps the template's own level (the
 * default). VERY_STRICT is JLREQ's level 4 (CSS "strict": ー, 々 and small kana never start a
 * line), STRICT level 3 (CSS "normal"), LOOSE level 2. */
typedef enum gijiroku_kinsoku {
    GIJIROKU_KINSOKU_TEMPLATE = -1,
    GIJIROKU_KINSOKU_VERY_STRICT = 0,
    GIJIROKU_KINSOKU_STRICT = 1,
    GIJIROKU_KINSOKU_LOOSE = 2
} gijiroku_kinsoku;

/* The language of formatted diagnostics. */
typedef enum gijiroku_language {
    GIJIROKU_LANGUAGE_ENGLISH = 0,
    GIJIROKU_LANGUAGE_JAPANESE = 1
} gijiroku_language;

/* The library version, e.g. "0.1.0". Static storage. */
GIJIROKU_C_API const char* gijiroku_version(void);

/* ------------------------------------------------------------------ engine */

/* Creates an engine. `data_dir`: the folder holding templates/, fonts/fonts.xml and
 * schemas/; NULL or "" finds it as the CLI does ($GIJIROKU_DATA_DIR, then
 * <prefix>/share/gijiroku next to the executable or to libgijiroku.so, then the compiled-in
 * install prefix). `fonts_dir`: the folder holding fonts.xml and the font files; NULL or ""
 * means <data_dir>/fonts.
 * Returns NULL when the data cannot be found or is broken (E001–E003); the reasons are then
 * in *diagnostics. When `diagnostics` is not NULL it always receives a result holding the
 * setup diagnostics (possibly none), to be freed with gijiroku_result_free; *diagnostics is
 * NULL only when memory ran out. */
GIJIROKU_C_API gijiroku_engine* gijiroku_engine_new(const char* data_dir, const char* fonts_dir,
                                                    gijiroku_result** diagnostics);

/* Frees an engine. No render may be running on it. NULL is allowed. */
GIJIROKU_C_API void gijiroku_engine_free(gijiroku_engine* engine);

/* The data folder the engine uses (absolute). Owned by the engine. */
GIJIROKU_C_API const char* gijiroku_engine_data_dir(const gijiroku_engine* engine);

/* The installed templates, sorted by name (as `gijiroku templates` lists them). Index from 0
 * to count-1; an index out of range gives NULL. Owned by the engine. */
GIJIROKU_C_API size_t gijiroku_engine_template_count(const gijiroku_engine* engine);
GIJIROKU_C_API const char* gijiroku_engine_template_name(const gijiroku_engine* engine, size_t index);
GIJIROKU_C_API const char* gijiroku_engine_template_description(const gijiroku_engine* engine,
                                                                size_t index);

/* ------------------------------------------------------------------ render options */

/* New options: template chosen by the document's kind, no output, the template's kinsoku
 * level, no dates in the PDF, a variation sequence no font supports is an error. */
GIJIROKU_C_API gijiroku_render_options* gijiroku_render_options_new(void);
GIJIROKU_C_API void gijiroku_render_options_free(gijiroku_render_options* options);

/* A template name (see gijiroku_engine_template_name) or a path to a template file. NULL or ""
 * chooses by the document's kind (議事録 → ministry-gijiroku, 会議録 → city-kaigiroku,
 * otherwise tokyo-gijiyoshi). Returns 0 on success, -1 when out of memory or options is NULL. */
GIJIROKU_C_API int gijiroku_render_options_set_template(gijiroku_render_options* options,
                                                        const char* name_or_path);

/* Ask for the PDF / XHTML bytes in the result (gijiroku_result_pdf, gijiroku_result_xhtml).
 * `want`: non-zero yes, 0 no. */
GIJIROKU_C_API void gijiroku_render_options_set_pdf(gijiroku_render_options* options, int want);
GIJIROKU_C_API void gijiroku_render_options_set_xhtml(gijiroku_render_options* options, int want);

/* Also write the PDF / XHTML to `path`, atomically (a temporary file in the same folder,
 * renamed over the target: a failure never leaves a partial file or touches an existing one).
 * Setting a path asks for that output; NULL or "" stops writing it. The written bytes are
 * kept in the result only when also asked for with _set_pdf / _set_xhtml. A file that cannot
 * be written is an E004 diagnostic. Nothing is written when the document has an error.
 * Returns 0, or -1 when out of memory or options is NULL. */
GIJIROKU_C_API int gijiroku_render_options_set_pdf_path(gijiroku_render_options* options, const char* path);
GIJIROKU_C_API int gijiroku_render_options_set_xhtml_path(gijiroku_render_options* options,
                                                          const char* path);

/* Overrides the template's kinsoku level (GIJIROKU_KINSOKU_TEMPLATE: keep it). An unknown
 * value is treated as GIJIROKU_KINSOKU_TEMPLATE. */
GIJIROKU_C_API void gijiroku_render_options_set_kinsoku(gijiroku_render_options* options,
                                                        gijiroku_kinsoku level);

/* The PDF's creation and modification dates, in seconds since 1970-01-01 UTC (as the
 * SOURCE_DATE_EPOCH convention). A negative value means none: the PDF then carries no dates,
 * and the same input gives byte-identical output. The library does not read the environment;
 * the CLI passes $SOURCE_DATE_EPOCH here. */
GIJIROKU_C_API void gijiroku_render_options_set_source_date_epoch(gijiroku_render_options* options,
                                                                  int64_t seconds);

/* Non-zero: a variation sequence (葛 U+845B U+E0100) that no font supports is a warning and
 * the base character's glyph is printed, instead of an error. */
GIJIROKU_C_API void gijiroku_render_options_set_allow_base_glyph(gijiroku_render_options* options,
                                                                 int allow);

/* ------------------------------------------------------------------ validate and render */

/* Schema and meaning checks of one document. `path` is read from disk; `name` is the name
 * diagnostics use for in-memory bytes (NULL: "<memory>"). `bytes` need not be NUL-terminated.
 * A file that cannot be read is an E002 diagnostic. Returns NULL only when out of memory or
 * when engine or path/bytes is NULL. Free with gijiroku_result_free. */
GIJIROKU_C_API gijiroku_result* gijiroku_validate_file(const gijiroku_engine* engine, const char* path);
GIJIROKU_C_API gijiroku_result* gijiroku_validate_memory(const gijiroku_engine* engine, const char* name,
                                                         const char* bytes, size_t size);

/* Validates one document, then renders what `options` asks for (NULL: nothing but the
 * checks a render does). Nothing is rendered or written when the document has an error.
 * Returns NULL only when out of memory or when engine or path/bytes is NULL. */
GIJIROKU_C_API gijiroku_result* gijiroku_render_file(const gijiroku_engine* engine, const char* path,
                                                     const gijiroku_render_options* options);
GIJIROKU_C_API gijiroku_result* gijiroku_render_memory(const gijiroku_engine* engine, const char* name,
                                                       const char* bytes, size_t size,
                                                       const gijiroku_render_options* options);

/* ------------------------------------------------------------------ results */

/* Non-zero when there is no error-severity diagnostic (warnings allowed). */
GIJIROKU_C_API int gijiroku_result_ok(const gijiroku_result* result);
GIJIROKU_C_API size_t gijiroku_result_error_count(const gijiroku_result* result);
GIJIROKU_C_API size_t gijiroku_result_warning_count(const gijiroku_result* result);

/* The rendered bytes, owned by the result; NULL (and *size 0) unless asked for and the render
 * succeeded. `size` may be NULL. The PDF is binary; the XHTML is UTF-8 text, not
 * NUL-terminated (use the size). */
GIJIROKU_C_API const unsigned char* gijiroku_result_pdf(const gijiroku_result* result, size_t* size);
GIJIROKU_C_API const unsigned char* gijiroku_result_xhtml(const gijiroku_result* result, size_t* size);

/* Diagnostics, in the order found. Index from 0 to count-1; an index out of range gives NULL
 * (strings), 0 (numbers) or GIJIROKU_SEVERITY_NOTE. Strings are owned by the result.
 *   code        stable code, e.g. "E301" (docs/diagnostics.md explains each)
 *   file        the document's name or path, or a template's or font manifest's path
 *   line        1-based; 0 when the diagnostic concerns the whole file
 *   column      1-based, in characters (Unicode code points); 0 when unknown
 *   message_en / message_ja   the message in English / Japanese
 *   hint / hint_ja            how to fix it, in English / Japanese; "" when there is none */
GIJIROKU_C_API size_t gijiroku_result_diagnostic_count(const gijiroku_result* result);
GIJIROKU_C_API const char* gijiroku_diagnostic_code(const gijiroku_result* result, size_t index);
GIJIROKU_C_API gijiroku_severity gijiroku_diagnostic_severity(const gijiroku_result* result, size_t index);
GIJIROKU_C_API const char* gijiroku_diagnostic_file(const gijiroku_result* result, size_t index);
GIJIROKU_C_API uint32_t gijiroku_diagnostic_line(const gijiroku_result* result, size_t index);
GIJIROKU_C_API uint32_t gijiroku_diagnostic_column(const gijiroku_result* result, size_t index);
GIJIROKU_C_API const char* gijiroku_diagnostic_message_en(const gijiroku_result* result, size_t index);
GIJIROKU_C_API const char* gijiroku_diagnostic_message_ja(const gijiroku_result* result, size_t index);
GIJIROKU_C_API const char* gijiroku_diagnostic_hint(const gijiroku_result* result, size_t index);
GIJIROKU_C_API const char* gijiroku_diagnostic_hint_ja(const gijiroku_result* result, size_t index);

/* Every diagnostic formatted as the CLI prints it ("file:line:col: error[E301]: message",
 * the source line with a caret under the column, and the hint), or with `json` non-zero as
 * one JSON object per line. A new string: free it with gijiroku_string_free. NULL only when
 * out of memory or result is NULL. */
GIJIROKU_C_API char* gijiroku_result_format_diagnostics(const gijiroku_result* result,
                                                        gijiroku_language language, int json);

/* Frees a result (and every string and buffer it handed out). NULL is allowed. */
GIJIROKU_C_API void gijiroku_result_free(gijiroku_result* result);

/* Frees a string returned as `char*` by this API. NULL is allowed. */
GIJIROKU_C_API void gijiroku_string_free(char* string);

#ifdef __cplusplus
}
#endif

#endif /* GIJIROKU_H */
