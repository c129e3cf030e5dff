/* gijiroku-embed-c — a small program that embeds gijiroku through its C API (gijiroku.h), the
 * interface other languages bind to.
 *
 *   gijiroku-embed-c [--template NAME|PATH] FILE OUT.pdf OUT.xhtml
 *
 * Reads FILE into memory, validates and renders it to PDF and XHTML bytes, prints every
 * diagnostic (code, place, English and Japanese message) and writes the bytes to OUT.pdf and
 * OUT.xhtml. $SOURCE_DATE_EPOCH, when set, gives the PDF's dates, as in the CLI.
 * Exit status: 0 rendered, 1 the document has errors, 2 usage, set-up or I/O error. */
#include <gijiroku/gijiroku.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char* read_file(const char* path, size_t* size) {
    FILE* f = fopen(path, "rb");
    char* bytes = NULL;
    size_t used = 0, cap = 0;
    if (!f) return NULL;
    for (;;) {
        if (used == cap) {
            char* grown;
            cap = cap ? cap * 2 : 65536;
            grown = realloc(bytes, cap);
            if (!grown) break;
            bytes = grown;
        }
        {
            const size_t n = fread(bytes + used, 1, cap - used, f);
            used += n;
            if (n == 0) break;
        }
    }
    if (ferror(f)) {
        free(bytes);
        bytes = NULL;
    }
    fclose(f);
    *size = used;
    return bytes;
}

static int write_file(const char* path, const unsigned char* bytes, size_t size) {
    FILE* f = fopen(path, "wb");
    int ok;
    if (!f) return 0;
    ok = fwrite(bytes, 1, size, f) == size;
    return fclose(f) == 0 && ok;
}

static void print_diagnostics(const gijiroku_result* r) {
    size_t i;
    for (i = 0; i < gijiroku_result_diagnostic_count(r); ++i) {
        const char* severity = gijiroku_diagnostic_severity(r, i) == GIJIROKU_SEVERITY_ERROR     ? "error"
                               : gijiroku_diagnostic_severity(r, i) == GIJIROKU_SEVERITY_WARNING ? "warning"
                                                                                                  : "note";
        fprintf(stderr, "%s:%u:%u: %s[%s]: %s\n  %s\n", gijiroku_diagnostic_file(r, i),
                (unsigned)gijiroku_diagnostic_line(r, i), (unsigned)gijiroku_diagnostic_column(r, i), severity,
                gijiroku_diagnostic_code(r, i), gijiroku_diagnostic_message_en(r, i),
                gijiroku_diagnostic_message_ja(r, i));
        if (*gijiroku_diagnostic_hint(r, i)) fprintf(stderr, "  hint: %s\n", gijiroku_diagnostic_hint(r, i));
    }
}

int main(int argc, char** argv) {
    const char* template_name = NULL;
    const char* epoch = getenv("SOURCE_DATE_EPOCH");
    gijiroku_result* setup = NULL;
    gijiroku_engine* engine;
    gijiroku_render_options* options;
    gijiroku_result* result;
    char* bytes;
    size_t size = 0, pdf_size = 0, xhtml_size = 0;
    const unsigned char *pdf, *xhtml;
    int status = 0;

    if (argc == 6 && strcmp(argv[1], "--template") == 0) {
        template_name = argv[2];
        argv += 2;
        argc -= 2;
    }
    if (argc != 4) {
        fprintf(stderr, "usage: gijiroku-embed-c [--template NAME|PATH] FILE OUT.pdf OUT.xhtml\n");
        return 2;
    }

    /* One engine per process: it finds the installed templates and fonts itself. */
    engine = gijiroku_engine_new(NULL, NULL, &setup);
    if (setup) print_diagnostics(setup);
    gijiroku_result_free(setup);
    if (!engine) return 2;
    printf("gijiroku %s, data: %s\n", gijiroku_version(), gijiroku_engine_data_dir(engine));

    bytes = read_file(argv[1], &size);
    if (!bytes) {
        fprintf(stderr, "gijiroku-embed-c: cannot read %s\n", argv[1]);
        gijiroku_engine_free(engine);
        return 2;
    }

    options = gijiroku_render_options_new();
    if (!options) {
        gijiroku_engine_free(engine);
        return 2;
    }
    gijiroku_render_options_set_template(options, template_name);
    gijiroku_render_options_set_pdf(options, 1);
    gijiroku_render_options_set_xhtml(options, 1);
    if (epoch && *epoch) gijiroku_render_options_set_source_date_epoch(options, strtoll(epoch, NULL, 10));

    result = gijiroku_render_memory(engine, argv[1], bytes, size, options);
    free(bytes);
    if (!result) {
        fprintf(stderr, "gijiroku-embed-c: out of memory\n");
        status = 2;
    } else {
        print_diagnostics(result);
        if (!gijiroku_result_ok(result)) {
            fprintf(stderr, "%s: %lu error(s)\n", argv[1], (unsigned long)gijiroku_result_error_count(result));
            status = 1;
        } else {
            pdf = gijiroku_result_pdf(result, &pdf_size);
            xhtml = gijiroku_result_xhtml(result, &xhtml_size);
            if (!write_file(argv[2], pdf, pdf_size) || !write_file(argv[3], xhtml, xhtml_size)) {
                fprintf(stderr, "gijiroku-embed-c: cannot write the outputs\n");
                status = 2;
            } else {
                printf("%s: ok, %lu bytes of PDF, %lu bytes of XHTML\n", argv[1], (unsigned long)pdf_size,
                       (unsigned long)xhtml_size);
            }
        }
    }
    gijiroku_result_free(result);
    gijiroku_render_options_free(options);
    gijiroku_engine_free(engine);
    return status;
}
