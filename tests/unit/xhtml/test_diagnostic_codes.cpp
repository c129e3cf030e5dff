// Every code the xhtml module reports is documented in docs/diagnostics.md and lies in the
// module's range E701–E719 (core/diagnostic.hpp: E7xx/W7xx are PDF and XHTML writing).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("every code used in src/xhtml is a row of docs/diagnostics.md, within 701..719") {
    const std::string doc = slurp(std::string(GIJIROKU_SOURCE_DIR) + "/docs/diagnostics.md");
    REQUIRE_FALSE(doc.empty());
    std::set<std::string> used;
    const std::regex code("\"([EW][0-9][0-9][0-9])\"");
    for (const auto& e : std::filesystem::directory_iterator(std::string(GIJIROKU_SOURCE_DIR) + "/src/xhtml")) {
        const std::string text = slurp(e.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
            used.insert((*it)[1]);
    }
    CHECK(used.size() == 11);
    for (const std::string& c : used) {
        INFO(c);
        const int n = std::stoi(c.substr(1));
        CHECK(n >= 701);
        CHECK(n <= 719);
        CHECK(doc.find("| " + c + " |") != std::string::npos);
    }
}
