// Every code the xml module reports is documented in docs/diagnostics.md (core/diagnostic.hpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "xml_test_support.hpp"

TEST_CASE("every E1xx/E2xx/W1xx/W2xx code used in src/xml is a row of docs/diagnostics.md") {
    const std::string doc = xml_test::slurp(std::string(GIJIROKU_SOURCE_DIR) + "/docs/diagnostics.md");
    REQUIRE_FALSE(doc.empty());
    std::set<std::string> used;
    const std::regex code("\"([EW][12][0-9][0-9])\"");
    for (const auto& e : std::filesystem::directory_iterator(std::string(GIJIROKU_SOURCE_DIR) + "/src/xml")) {
        const std::string text = xml_test::slurp(e.path().string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
            used.insert((*it)[1]);
    }
    CHECK(used.size() >= 20);
    for (const std::string& c : used) {
        INFO(c);
        CHECK(doc.find("| " + c + " |") != std::string::npos);
    }
}
