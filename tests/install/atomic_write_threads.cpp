// Many threads of one process writing outputs into one folder at once, as the batch renderer
// (render --out-dir -j N) and embedding programs do: every file must end up with exactly the
// bytes written to it, and no temporary file may be left behind. (Temporary names made from
// the file descriptor alone collided between threads: one thread unlinked or renamed
// another's file, so an output went missing or got another document's bytes.)
//
//   atomic_write_threads FOLDER      exit 0 when every check holds
#include <gijiroku/gijiroku.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int threads = 8;
constexpr int files_per_thread = 300;

std::string content(int t, int i) {
    // Sizes differ, so a file with another's bytes is caught even by its length.
    return "thread " + std::to_string(t) + " file " + std::to_string(i) + '\n' +
           std::string(static_cast<std::size_t>(t * 977 + i * 13), static_cast<char>('a' + (t + i) % 26));
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: atomic_write_threads FOLDER\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    std::vector<std::string> errors(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < files_per_thread; ++i) {
                const auto path = dir / ("t" + std::to_string(t) + "-" + std::to_string(i) + ".out");
                const std::string err = gijiroku::write_file_atomically(path.string(), content(t, i));
                if (!err.empty() && errors[static_cast<std::size_t>(t)].empty()) errors[static_cast<std::size_t>(t)] = err;
            }
        });
    }
    for (auto& th : pool) th.join();

    int failures = 0;
    for (const auto& e : errors) {
        if (!e.empty()) {
            std::cerr << "write failed: " << e << '\n';
            ++failures;
        }
    }
    for (int t = 0; t < threads; ++t) {
        for (int i = 0; i < files_per_thread; ++i) {
            const auto path = dir / ("t" + std::to_string(t) + "-" + std::to_string(i) + ".out");
            if (read(path) != content(t, i)) {
                if (failures++ < 10) std::cerr << path.string() << ": missing, or not the bytes written to it\n";
            }
        }
    }
    std::size_t entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        ++entries;
        if (e.path().filename().string().rfind(".gijiroku-", 0) == 0) {
            std::cerr << "temporary file left behind: " << e.path().string() << '\n';
            ++failures;
        }
    }
    if (entries != static_cast<std::size_t>(threads * files_per_thread)) {
        std::cerr << entries << " files in the folder, not " << threads * files_per_thread << '\n';
        ++failures;
    }
    if (failures) return 1;
    std::cout << "ok: " << threads * files_per_thread << " files written by " << threads << " threads\n";
    return 0;
}
