#include "tools.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace gijiroku::pdf::test {

CommandResult run_command(const std::string& command, bool merge_stderr) {
    CommandResult r;
    const std::string full = command + (merge_stderr ? " 2>&1" : " 2>/dev/null");
    FILE* p = popen(full.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
    const int status = pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string scratch_dir() {
    static const std::string dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("gijiroku-pdf-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d.string();
    }();
    return dir;
}

std::string write_scratch(const std::string& name, const std::string& bytes) {
    const std::string path = scratch_dir() + "/" + name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

std::string shared_tool(const std::string& name) { return std::string(GIJIROKU_SHARED_DIR) + "/tools/" + name; }

}  // namespace gijiroku::pdf::test
