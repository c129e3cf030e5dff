// gijiroku-embed — a small program that embeds gijiroku through its C++ API.
//
// It does what a publishing pipeline does: one Engine for the whole run (templates and fonts
// are loaded once and shared), several documents rendered at the same time on worker threads,
// diagnostics printed the way the CLI prints them, outputs written atomically.
//
//   gijiroku-embed [--template NAME|PATH] [--threads N] [--memory] --out-dir DIR FILE...
//
// Each FILE is rendered to DIR/<name>.pdf and DIR/<name>.xhtml. With --memory the program
// reads each file itself, renders from memory to bytes and writes the bytes (the path a CMS
// takes, whose documents are not files); without it the library reads and writes the files
// (Engine::render_to_files). $SOURCE_DATE_EPOCH, when set, gives the PDF's dates, as in the CLI.
// The first line printed is "data: <folder>", where the engine found its templates and fonts.
// Exit status: 0 every document rendered, 1 some document has errors, 2 usage or set-up error.
#include <gijiroku/gijiroku.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

int usage() {
    std::cerr << "usage: gijiroku-embed [--template NAME|PATH] [--threads N] [--memory] --out-dir DIR FILE...\n";
    return 2;
}

std::optional<std::int64_t> source_date_epoch() {
    const char* v = std::getenv("SOURCE_DATE_EPOCH");
    if (!v || !*v) return std::nullopt;
    char* end = nullptr;
    const long long n = std::strtoll(v, &end, 10);
    if (*end != '\0' || n < 0) return std::nullopt;
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    std::string template_name, out_dir;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    bool memory = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--template" && i + 1 < argc) template_name = argv[++i];
        else if (a == "--out-dir" && i + 1 < argc) out_dir = argv[++i];
        else if (a == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (a == "--memory") memory = true;
        else if (!a.empty() && a[0] == '-') return usage();
        else files.push_back(a);
    }
    if (out_dir.empty() || files.empty()) return usage();
    const auto lang = gijiroku::message_language_from_environment();

    // One engine for the whole run. It finds templates/ and fonts/ relative to the library
    // (or the executable), so nothing needs configuring once gijiroku is installed.
    std::vector<gijiroku::Diagnostic> setup;
    const auto engine = gijiroku::Engine::create(gijiroku::EngineOptions{}, setup);
    for (const auto& d : setup) std::cerr << gijiroku::format_diagnostic(d, {}, lang);
    if (!engine) return 2;
    std::cout << "data: " << engine->data_dir() << '\n';

    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        std::cerr << "gijiroku-embed: cannot create " << out_dir << ": " << ec.message() << '\n';
        return 2;
    }

    gijiroku::RenderOptions options;
    options.template_name = template_name;
    options.source_date_epoch = source_date_epoch();

    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex print;
    auto worker = [&] {
        for (std::size_t i; (i = next++) < files.size();) {
            const std::string& path = files[i];
            const std::string stem = out_dir + "/" + std::filesystem::path(path).stem().string();
            gijiroku::RenderResult result;
            std::string write_error;
            if (memory) {
                // The document as a CMS would hand it over: bytes and a name for messages.
                std::ifstream in(path, std::ios::binary);
                std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                gijiroku::RenderOptions o = options;
                o.pdf = o.xhtml = true;
                result = engine->render(gijiroku::Input::from_memory(path, std::move(bytes)), o);
                if (result.ok()) {
                    write_error = gijiroku::write_file_atomically(stem + ".pdf", result.pdf);
                    if (write_error.empty()) write_error = gijiroku::write_file_atomically(stem + ".xhtml", result.xhtml);
                }
            } else {
                result = engine->render_to_files(gijiroku::Input::from_file(path), options,
                                                 gijiroku::OutputPaths{stem + ".pdf", stem + ".xhtml"});
            }
            std::lock_guard lock(print);
            for (const auto& d : result.diagnostics) std::cerr << gijiroku::format_diagnostic(d, result.source, lang);
            if (!write_error.empty()) std::cerr << "gijiroku-embed: " << write_error << '\n';
            const bool ok = result.ok() && write_error.empty();
            std::cout << path << (ok ? ": ok" : ": failed") << '\n';
            if (!ok) failed = true;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < std::min<std::size_t>(threads, files.size()); ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
    return failed ? 1 : 0;
}
