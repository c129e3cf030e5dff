// Every code the import module reports is a row of docs/diagnostics.md and lies in the
// module's range (E601–E699, W601–W699, N601–N699: src/core/diagnostic.hpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "import_test_support.hpp"

TEST_CASE("every code used in src/import is a row of docs/diagnostics.md, within 601..699") {
    const std::string doc = import_test::read_file(import_test::source("docs/diagnostics.md"));
    REQUIRE_FALSE(doc.empty());
    std::set<std::string> codes;
    const std::regex code("\"([ENW][0-9]{3})\"");
    for (const auto& f : std::filesystem::directory_iterator(import_test::source("src/import"))) {
        const std::string text = import_test::read_file(f.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
            codes.insert((*it)[1].str());
    }
    REQUIRE(codes.size() >= 10);
    for (const std::string& c : codes) {
        INFO(c);
        CHECK(std::stoi(c.substr(1)) >= 601);
        CHECK(std::stoi(c.substr(1)) <= 699);
        CHECK(doc.find("| " + c + " |") != std::string::npos);
    }
}
