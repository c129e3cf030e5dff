#include <catch2/catch.hpp>

#include "model/dump.hpp"
#include "model_test_support.hpp"

using namespace model_test;

TEST_CASE("dump: one node per line with its position, strings quoted and escaped") {
    // dump-small.txt was written from dump.hpp's format; its positions come from markers
    // placed in the XML at each node's start, not from this program.
    const Loaded r = load_file(data_path("dump-small.xml"));
    INFO(messages(r.read_diags));
    REQUIRE(r.minutes);
    CHECK(r.read_diags.empty());
    CHECK(gijiroku::model::dump(*r.minutes) == slurp(data_path("dump-small.txt")));
}

TEST_CASE("dump is stable: the same document gives the same text") {
    const Loaded a = load_file(example_path("mext-council-2025-06-12.xml"));
    const Loaded b = load_file(example_path("mext-council-2025-06-12.xml"));
    REQUIRE(a.minutes);
    REQUIRE(b.minutes);
    const std::string text = gijiroku::model::dump(*a.minutes);
    CHECK(text == gijiroku::model::dump(*b.minutes));
    // Rare characters pass through as written: 髙 U+9AD9, 﨑 U+FA11, 德 U+5FB7, 邊 U+908A.
    CHECK(text.find("name=\"\xE9\xAB\x99橋\"") != std::string::npos);
    CHECK(text.find("name=\"山\xEF\xA8\x91\"") != std::string::npos);
    CHECK(text.find("name=\"\xE5\xBE\xB7永\"") != std::string::npos);
    CHECK(text.find("name=\"渡\xE9\x82\x8A\"") != std::string::npos);
    CHECK(text.find("span lang=en") != std::string::npos);
}
