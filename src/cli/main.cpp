// gijiroku — the command-line tool: argv → options → library → diagnostics → exit code.
// Everything it does is a call into the public API (include/gijiroku/); see DESIGN §4.
//
// Exit codes: 0 success (warnings may have been printed), 1 the input has errors,
// 2 usage error or a file that cannot be read or written, 3 internal error.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.hpp"
#include "gijiroku/gijiroku.hpp"

namespace {

using gijiroku::cli::Args;

constexpr int exit_ok = 0;
constexpr int exit_invalid = 1;
constexpr int exit_usage = 2;

const char* const usage_text =
    "usage: gijiroku <command> [options]\n"
    "\n"
    "Validate Japanese official meeting minutes (議事要旨・議事録・会議録) written in the\n"
    "gijiroku XML vocabulary, and render them to a tagged PDF (PDF/UA-1) and accessible XHTML.\n"
    "\n"
    "commands:\n"
    "  validate [--format text|json] [--lang en|ja] FILE...\n"
    "      Check each file against the schema and the rules of meaning (weekday and date,\n"
    "      era and fiscal year, times in order, speakers present, ...).\n"
    "  render FILE [--template NAME|PATH] [--pdf OUT.pdf] [--xhtml OUT.xhtml]\n"
    "              [--dump model|styled|lines|pages|text] [--kinsoku very-strict|strict|loose]\n"
    "              [--allow-base-glyph] [--format text|json] [--lang en|ja]\n"
    "      Validate FILE, then write the outputs asked for. Nothing is written when FILE has\n"
    "      an error; an existing output is replaced only by a complete new file.\n"
    "  render --out-dir DIR [-j N] [--only pdf|xhtml] [--template NAME|PATH] FILE...\n"
    "      Render many files in parallel (N jobs, default: the number of cores) to\n"
    "      DIR/<name>.pdf and DIR/<name>.xhtml, one summary line per file. A file with an\n"
    "      error is skipped and the others are still written; the exit status is then 1.\n"
    "  import FILE.txt [-o OUT.xml] [--template NAME|PATH] [--strict]\n"
    "      Turn the plain text of minutes (copied out of Word, or pdftotext -layout of a\n"
    "      PDF) into minutes XML, validated before it is written (standard output without\n"
    "      -o). Lines it cannot classify are kept as paragraphs, with a warning naming the\n"
    "      line (an error with --strict).\n"
    "  templates\n"
    "      List the installed templates.\n"
    "\n"
    "  -h, --help     this help (also: gijiroku <command> --help)\n"
    "  --version      print the version\n"
    "\n"
    "'-' as FILE reads standard input; as OUT, writes standard output.\n"
    "Messages are in Japanese when LANG starts with 'ja' or with --lang ja.\n"
    "SOURCE_DATE_EPOCH, when set, gives the PDF's dates; otherwise the PDF has none.\n"
    "\n"
    "exit status: 0 ok (warnings allowed), 1 the input has errors, 2 usage or I/O error,\n"
    "3 internal error.\n";

// Prints diagnostics with the line they point at. `source` is the text of `source_name` (the
// input); a diagnostic about another file (a template, the font manifest) shows a line of
// that file, read from disk.
void print_diagnostics(const std::vector<gijiroku::Diagnostic>& ds, const std::string& source,
                       const std::string& source_name, bool json, gijiroku::MessageLanguage lang) {
    std::map<std::string, std::string> other_files;
    for (const auto& d : ds) {
        if (json) {
            std::cerr << gijiroku::format_diagnostic_json(d, lang) << '\n';
            continue;
        }
        const std::string* text = &source;
        if (d.file != source_name) {
            auto it = other_files.find(d.file);
            if (it == other_files.end()) {
                const auto in = gijiroku::Input::from_file(d.file);
                it = other_files.emplace(d.file, in.error.empty() ? in.bytes : std::string{}).first;
            }
            text = &it->second;
        }
        std::cerr << gijiroku::format_diagnostic(d, *text, lang);
    }
}

// A usage error: printed as "gijiroku: message" plus a pointer to --help.
int usage_error(const std::string& message) {
    std::cerr << "gijiroku: " << message << "\nTry 'gijiroku --help'.\n";
    return exit_usage;
}

std::unique_ptr<gijiroku::Engine> make_engine(bool json, gijiroku::MessageLanguage lang) {
    std::vector<gijiroku::Diagnostic> setup;
    auto engine = gijiroku::Engine::create({}, setup);
    print_diagnostics(setup, {}, {}, json, lang);
    return engine;
}

gijiroku::Input read_input(const std::string& path) {
    if (path == "-") {
        std::string bytes;
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
            bytes.append(buf, n);
            // An endless pipe must end in an error, not an out-of-memory kill (issue 6).
            if (bytes.size() > gijiroku::Input::max_read_bytes) {
                gijiroku::Input in = gijiroku::Input::from_memory("<stdin>", {});
                in.error = "cannot read standard input: it is larger than " +
                           std::to_string(gijiroku::Input::max_read_bytes >> 20) + " MiB (minutes are at most 32 MiB)";
                return in;
            }
        }
        return gijiroku::Input::from_memory("<stdin>", std::move(bytes));
    }
    return gijiroku::Input::from_file(path);
}

std::optional<gijiroku::MessageLanguage> parse_lang(Args& args, std::string& error) {
    if (auto v = args.option("--lang")) {
        if (*v == "ja") return gijiroku::MessageLanguage::japanese;
        if (*v == "en") return gijiroku::MessageLanguage::english;
        error = "--lang takes 'en' or 'ja', not '" + *v + "'";
    }
    return std::nullopt;
}

std::optional<bool> parse_json(Args& args, std::string& error) {
    if (auto v = args.option("--format")) {
        if (*v == "json") return true;
        if (*v == "text") return false;
        error = "--format takes 'text' or 'json', not '" + *v + "'";
        return std::nullopt;
    }
    return false;
}

int cmd_validate(Args& args) {
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << "usage: gijiroku validate [--format text|json] [--lang en|ja] FILE...\n"
                     "exit status: 0 every file valid, 1 some file has errors, 2 usage or I/O error\n";
        return exit_ok;
    }
    std::string error;
    const auto json = parse_json(args, error);
    auto lang = parse_lang(args, error).value_or(gijiroku::message_language_from_environment());
    if (!error.empty()) return usage_error(error);
    const auto files = args.positionals();
    if (auto bad = args.unknown()) return usage_error("unknown option '" + *bad + "' for validate");
    if (files.empty()) return usage_error("validate needs at least one FILE");

    auto engine = make_engine(*json, lang);
    if (!engine) return exit_usage;
    int status = exit_ok;
    for (const auto& path : files) {
        const auto input = read_input(path);
        if (!input.error.empty()) {
            std::cerr << "gijiroku: " << input.error << '\n';
            status = exit_usage;
            continue;
        }
        const auto result = engine->validate(input);
        print_diagnostics(result.diagnostics, result.source, input.name, *json, lang);
        if (!result.ok() && status == exit_ok) status = exit_invalid;
    }
    return status;
}

std::optional<gijiroku::Kinsoku> parse_kinsoku(const std::string& v) {
    if (v == "very-strict") return gijiroku::Kinsoku::very_strict;
    if (v == "strict") return gijiroku::Kinsoku::strict;
    if (v == "loose") return gijiroku::Kinsoku::loose;
    return std::nullopt;
}

std::optional<gijiroku::Dump> parse_dump(const std::string& v) {
    if (v == "model") return gijiroku::Dump::model;
    if (v == "styled") return gijiroku::Dump::styled;
    if (v == "lines") return gijiroku::Dump::lines;
    if (v == "pages") return gijiroku::Dump::pages;
    if (v == "text") return gijiroku::Dump::text;
    return std::nullopt;
}

std::optional<std::int64_t> source_date_epoch() {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) return std::nullopt;
    char* end = nullptr;
    const long long n = std::strtoll(v, &end, 10);
    if (*end != '\0' || n < 0) return std::nullopt;
    return n;
}

int render_batch(const gijiroku::Engine& engine, const gijiroku::RenderOptions& base,
                 const std::vector<std::string>& files, const std::string& out_dir, unsigned jobs,
                 bool json, gijiroku::MessageLanguage lang) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        std::cerr << "gijiroku: cannot create " << out_dir << ": " << ec.message() << '\n';
        return exit_usage;
    }
    // Two inputs with one name (a/x.xml, b/x.xml) would write the same DIR/x.pdf, the later
    // silently replacing the earlier: refuse before rendering anything.
    std::map<std::string, std::string> by_stem;
    for (const auto& path : files) {
        const std::string stem = std::filesystem::path(path).stem().string();
        auto [it, fresh] = by_stem.emplace(stem, path);
        if (!fresh)
            return usage_error(it->second + " and " + path + " would both write " + out_dir + "/" + stem +
                               ".*; rename one, or render them into different folders");
    }
    std::atomic<std::size_t> next{0};
    // The worst outcome wins, whatever order the workers finish in: 2 (a file could not be
    // read or written) over 1 (a document has errors) over 0.
    std::atomic<int> status{exit_ok};
    std::mutex print;
    auto worker = [&] {
        for (std::size_t i; (i = next++) < files.size();) {
            const std::string& path = files[i];
            const auto input = gijiroku::Input::from_file(path);
            std::string line;
            int file_status = exit_ok;
            gijiroku::RenderResult result;
            if (!input.error.empty()) {
                line = path + ": " + input.error;
                file_status = exit_usage;
            } else {
                result = engine.render(input, base);
                const std::string stem = std::filesystem::path(path).stem().string();
                std::vector<std::string> written;
                if (result.ok()) {
                    for (auto [want, bytes, ext] : {std::tuple{base.pdf, &result.pdf, ".pdf"},
                                                    std::tuple{base.xhtml, &result.xhtml, ".xhtml"}}) {
                        if (!want) continue;
                        const std::string out = out_dir + "/" + stem + ext;
                        const std::string err = gijiroku::write_file_atomically(out, *bytes);
                        if (!err.empty()) {
                            line = path + ": " + err;
                            file_status = exit_usage;
                            break;
                        }
                        written.push_back(out);
                    }
                    if (file_status == exit_ok) {
                        line = path + ": ok";
                        const auto w = gijiroku::count_warnings(result.diagnostics);
                        if (w) line += " (" + std::to_string(w) + " warning" + (w > 1 ? "s" : "") + ")";
                        for (std::size_t k = 0; k < written.size(); ++k) line += (k ? ", " : " → ") + written[k];
                    }
                } else {
                    const auto e = gijiroku::count_errors(result.diagnostics);
                    line = path + ": failed, " + std::to_string(e) + " error" + (e > 1 ? "s" : "");
                    file_status = exit_invalid;
                }
            }
            std::lock_guard lock(print);
            print_diagnostics(result.diagnostics, result.source, input.name, json, lang);
            std::cout << line << '\n' << std::flush;
            for (int seen = status.load(); file_status > seen && !status.compare_exchange_weak(seen, file_status);) {
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < std::max(1u, jobs); ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
    return status;
}

int cmd_render(Args& args) {
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << "usage: gijiroku render FILE [--template NAME|PATH] [--pdf OUT.pdf] [--xhtml OUT.xhtml]\n"
                     "                       [--dump model|styled|lines|pages|text]\n"
                     "                       [--kinsoku very-strict|strict|loose] [--allow-base-glyph]\n"
                     "                       [--format text|json] [--lang en|ja]\n"
                     "       gijiroku render --out-dir DIR [-j N] [--only pdf|xhtml] FILE...\n"
                     "Nothing is written when FILE has an error. Outputs are replaced atomically.\n";
        return exit_ok;
    }
    std::string error;
    const auto json = parse_json(args, error);
    auto lang = parse_lang(args, error).value_or(gijiroku::message_language_from_environment());
    gijiroku::RenderOptions opts;
    if (auto t = args.option("--template")) opts.template_name = *t;
    const auto pdf_out = args.option("--pdf");
    const auto xhtml_out = args.option("--xhtml");
    const auto out_dir = args.option("--out-dir");
    const auto jobs_arg = args.option("-j");
    const auto only = args.option("--only");
    if (auto d = args.option("--dump")) {
        auto dump = parse_dump(*d);
        if (!dump) return usage_error("--dump takes model, styled, lines, pages or text, not '" + *d + "'");
        opts.dump = *dump;
    }
    if (auto k = args.option("--kinsoku")) {
        opts.kinsoku = parse_kinsoku(*k);
        if (!opts.kinsoku) return usage_error("--kinsoku takes very-strict, strict or loose, not '" + *k + "'");
    }
    opts.allow_base_glyph = args.flag("--allow-base-glyph");
    opts.source_date_epoch = source_date_epoch();
    if (!error.empty()) return usage_error(error);
    if (auto bad = args.unknown()) return usage_error("unknown option '" + *bad + "' for render");
    const auto files = args.positionals();
    if (auto missing = args.missing_value()) return usage_error(*missing + " needs a value");

    if (out_dir) {
        if (pdf_out || xhtml_out) return usage_error("--out-dir cannot be combined with --pdf or --xhtml");
        if (files.empty()) return usage_error("render --out-dir needs at least one FILE");
        opts.pdf = !only || *only == "pdf";
        opts.xhtml = !only || *only == "xhtml";
        if (only && *only != "pdf" && *only != "xhtml") return usage_error("--only takes pdf or xhtml");
        unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
        if (jobs_arg) {
            char* end = nullptr;
            const long n = std::strtol(jobs_arg->c_str(), &end, 10);
            if (*end || n < 1 || n > 256) return usage_error("-j takes a number of jobs from 1 to 256");
            jobs = static_cast<unsigned>(n);
        }
        auto engine = make_engine(*json, lang);
        if (!engine) return exit_usage;
        return render_batch(*engine, opts, files, *out_dir, jobs, *json, lang);
    }
    if (jobs_arg || only) return usage_error("-j and --only go with --out-dir");
    if (files.size() != 1) return usage_error("render takes one FILE (use --out-dir for many)");
    opts.pdf = pdf_out.has_value();
    opts.xhtml = xhtml_out.has_value();
    if (!opts.pdf && !opts.xhtml && opts.dump == gijiroku::Dump::none)
        return usage_error("nothing to write: give --pdf OUT.pdf and/or --xhtml OUT.xhtml (or --dump)");
    int to_stdout = (pdf_out && *pdf_out == "-") + (xhtml_out && *xhtml_out == "-") +
                    (opts.dump != gijiroku::Dump::none);
    if (to_stdout > 1) return usage_error("only one output can go to standard output");

    auto engine = make_engine(*json, lang);
    if (!engine) return exit_usage;
    const auto input = read_input(files[0]);
    if (!input.error.empty()) {
        std::cerr << "gijiroku: " << input.error << '\n';
        return exit_usage;
    }
    const auto result = engine->render(input, opts);
    print_diagnostics(result.diagnostics, result.source, input.name, *json, lang);
    if (!result.ok()) return exit_invalid;
    if (opts.dump != gijiroku::Dump::none) std::cout << result.dump << std::flush;
    for (auto [out, bytes] : {std::pair{pdf_out, &result.pdf}, std::pair{xhtml_out, &result.xhtml}}) {
        if (!out) continue;
        const std::string err = gijiroku::write_file_atomically(*out, *bytes);
        if (!err.empty()) {
            std::cerr << "gijiroku: " << err << '\n';
            return exit_usage;
        }
    }
    return exit_ok;
}

int cmd_import(Args& args) {
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << "usage: gijiroku import FILE.txt [-o OUT.xml] [--template NAME|PATH] [--strict]\n"
                     "                       [--format text|json] [--lang en|ja]\n"
                     "Turns the plain text of minutes (copied out of a Word file, or the output of\n"
                     "pdftotext -layout) into minutes XML. The template names the wording to recognise\n"
                     "(default: chosen by the kind the title names, as render does). A line that cannot\n"
                     "be classified is kept as a paragraph where it stands and reported as a warning\n"
                     "FILE:LINE: warning[W601] (an error with --strict). The XML is validated before it\n"
                     "is written; nothing is written when it does not validate. Without -o, or with\n"
                     "-o -, the XML goes to standard output; FILE '-' reads standard input.\n"
                     "exit status: 0 written (warnings allowed), 1 the text could not be imported,\n"
                     "2 usage or I/O error\n";
        return exit_ok;
    }
    std::string error;
    const auto json = parse_json(args, error);
    auto lang = parse_lang(args, error).value_or(gijiroku::message_language_from_environment());
    gijiroku::ImportOptions opts;
    if (auto t = args.option("--template")) opts.template_name = *t;
    opts.strict = args.flag("--strict");
    const auto out = args.option("-o");
    if (!error.empty()) return usage_error(error);
    if (auto bad = args.unknown()) return usage_error("unknown option '" + *bad + "' for import");
    if (auto missing = args.missing_value()) return usage_error(*missing + " needs a value");
    const auto files = args.positionals();
    if (files.size() != 1) return usage_error("import takes one FILE (the text of one set of minutes)");

    auto engine = make_engine(*json, lang);
    if (!engine) return exit_usage;
    const auto input = read_input(files[0]);
    if (!input.error.empty()) {
        std::cerr << "gijiroku: " << input.error << '\n';
        return exit_usage;
    }
    const auto result = engine->import_text(input, opts);
    print_diagnostics(result.diagnostics, result.source, input.name, *json, lang);
    if (!result.ok()) return exit_invalid;
    const std::string err = gijiroku::write_file_atomically(out.value_or("-"), result.xml);
    if (!err.empty()) {
        std::cerr << "gijiroku: " << err << '\n';
        return exit_usage;
    }
    return exit_ok;
}

int cmd_templates(Args& args) {
    if (args.flag("--help") || args.flag("-h")) {
        std::cout << "usage: gijiroku templates\nLists the installed templates with a one-line description.\n";
        return exit_ok;
    }
    if (auto bad = args.unknown()) return usage_error("unknown option '" + *bad + "' for templates");
    if (!args.positionals().empty()) return usage_error("templates takes no arguments");
    auto engine = make_engine(false, gijiroku::message_language_from_environment());
    if (!engine) return exit_usage;
    const auto list = engine->templates();
    std::size_t width = 0;
    for (const auto& t : list) width = std::max(width, t.name.size());
    for (const auto& t : list) std::cout << t.name << std::string(width + 2 - t.name.size(), ' ') << t.description << '\n';
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> argv_strings(argv + 1, argv + argc);
    if (argv_strings.empty()) {
        std::cerr << usage_text;
        return exit_usage;
    }
    const std::string command = argv_strings.front();
    if (command == "-h" || command == "--help" || command == "help") {
        std::cout << usage_text;
        return exit_ok;
    }
    if (command == "--version") {
        std::cout << "gijiroku " << gijiroku::version() << '\n';
        return exit_ok;
    }
    Args args(std::vector<std::string>(argv_strings.begin() + 1, argv_strings.end()),
              {"--format", "--lang", "--template", "--pdf", "--xhtml", "--dump", "--kinsoku",
               "--out-dir", "-j", "--only", "-o"});
    try {
        if (command == "validate") return cmd_validate(args);
        if (command == "render") return cmd_render(args);
        if (command == "templates") return cmd_templates(args);
        if (command == "import") return cmd_import(args);
    } catch (const std::bad_alloc&) {
        std::cerr << "gijiroku: out of memory\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "gijiroku: internal error: " << e.what() << "\nPlease report this as a bug.\n";
        return 3;
    }
    return usage_error("unknown command '" + command + "'");
}
