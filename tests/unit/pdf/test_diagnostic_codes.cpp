// Every code the pdf module reports is a row of docs/diagnostics.md and lies in the module's
// range: errors E720–E739, warnings W740–W759 (core/diagnostic.hpp: E7xx/W7xx are PDF and XHTML
// writing; E701–E719 belong to the XHTML writer).
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

TEST_CASE("every code used in src/pdf is a row of docs/diagnostics.md, within 720..759", "[pdf]") {
    const std::string doc = slurp(std::string(GIJIROKU_SOURCE_DIR) + "/docs/diagnostics.md");
    REQUIRE_FALSE(doc.empty());
    std::set<std::string> used;
    const std::regex code("\"([EW][0-9][0-9][0-9])\"");
    for (const auto& e : std::filesystem::directory_iterator(std::string(GIJIROKU_SOURCE_DIR) + "/src/pdf")) {
        const std::string text = slurp(e.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
            used.insert((*it)[1]);
    }
    const std::set<std::string> expected{"E720", "E721", "E722", "E723", "E724", "E725", "E726",
                                         "E727", "E728", "E729", "E730", "W740", "W741"};
    CHECK(used == expected);
    for (const std::string& c : used) {
        INFO(c);
        const int n = std::stoi(c.substr(1));
        CHECK(n >= 720);
        CHECK(n <= 759);
        CHECK((c[0] == 'E') == (n <= 739));
        CHECK(doc.find("| " + c + " | " + (c[0] == 'E' ? "error" : "warning") + " |") != std::string::npos);
    }
}
