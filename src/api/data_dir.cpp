#include "api/data_dir.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#ifndef GIJIROKU_BIN_TO_DATA
#define GIJIROKU_BIN_TO_DATA "../" GIJIROKU_INSTALL_DATA_SUBDIR
#endif
#ifndef GIJIROKU_LIB_TO_DATA
#define GIJIROKU_LIB_TO_DATA "../" GIJIROKU_INSTALL_DATA_SUBDIR
#endif

namespace gijiroku::api {
namespace {

namespace fs = std::filesystem;

bool is_data_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "templates", ec) && fs::is_regular_file(dir / "fonts" / "fonts.xml", ec);
}

std::optional<fs::path> executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return exe.parent_path();
}

// The folder of the file holding this code: the shared library when gijiroku is embedded.
std::optional<fs::path> library_dir() {
    Dl_info info{};
    if (::dladdr(reinterpret_cast<void*>(&find_data_dir), &info) == 0 || !info.dli_fname) return std::nullopt;
    std::error_code ec;
    const fs::path lib = fs::weakly_canonical(info.dli_fname, ec);
    if (ec) return std::nullopt;
    return lib.parent_path();
}

}  // namespace

std::optional<std::string> find_data_dir(const std::string& explicit_dir, Diagnostics& diags) {
    std::vector<fs::path> tried;
    auto accept = [&](const fs::path& p) -> std::optional<std::string> {
        tried.push_back(p);
        if (!is_data_dir(p)) return std::nullopt;
        std::error_code ec;
        const fs::path canonical = fs::weakly_canonical(p, ec);
        return (ec ? p : canonical).string();
    };
    if (!explicit_dir.empty()) {
        if (auto d = accept(explicit_dir)) return d;
    } else {
        if (const char* env = std::getenv("GIJIROKU_DATA_DIR"); env && *env) {
            if (auto d = accept(env)) return d;
        }
        const std::string share = GIJIROKU_INSTALL_DATA_SUBDIR;  // "share/gijiroku"
        // The way from the installed bin/ and lib/ folders to the data, worked out by CMake
        // from GNUInstallDirs: Debian's libdir is lib/<multiarch>, two levels below the prefix.
        const auto exe = executable_dir();
        const auto lib = library_dir();
        if (exe) {
            if (auto d = accept(*exe / GIJIROKU_BIN_TO_DATA)) return d;
        }
        if (lib) {
            if (auto d = accept(*lib / GIJIROKU_LIB_TO_DATA)) return d;
        }
        // A binary or library still in the build tree uses the source tree it was built from,
        // never an older installed copy of the data.
        auto in_build_tree = [](const std::optional<fs::path>& dir) {
            if (!dir) return false;
            const std::string d = dir->lexically_normal().string() + "/";
            const std::string b = fs::path(GIJIROKU_BUILD_DIR).lexically_normal().string() + "/";
            return d.rfind(b, 0) == 0;
        };
        if (in_build_tree(exe) || in_build_tree(lib)) {
            if (auto d = accept(GIJIROKU_SOURCE_DATA_DIR)) return d;
        }
        if (auto d = accept(fs::path(GIJIROKU_INSTALL_PREFIX) / share)) return d;
        if (auto d = accept(GIJIROKU_SOURCE_DATA_DIR)) return d;
    }
    std::string list;
    for (const auto& p : tried) list += "\n  " + p.string();
    diags.error("E001", "gijiroku", {}, "cannot find gijiroku's data (templates/ and fonts/fonts.xml); tried:" + list,
                "gijiroku のデータ（templates/ と fonts/fonts.xml）が見つかりません。探した場所:" + list,
                "reinstall gijiroku, or point GIJIROKU_DATA_DIR at the folder holding templates/ and fonts/",
                "gijiroku を入れ直すか、templates/ と fonts/ のあるフォルダーを GIJIROKU_DATA_DIR に指定してください");
    return std::nullopt;
}

}  // namespace gijiroku::api
