#include <catch2/catch.hpp>

#include "model/dump.hpp"
#include "model_test_support.hpp"

using namespace model_test;

TEST_CASE("the examples build and check clean") {
    for (const char* name : {"tokyo-2025-03-25.xml", "mext-council-2025-06-12.xml", "city-kaigiroku-2024-11-20.xml"}) {
        INFO(name);
        const Loaded r = load_file(example_path(name));
        INFO(messages(r.read_diags));
        INFO(messages(r.check_diags));
        REQUIRE(r.minutes);
        CHECK(r.read_diags.empty());
        CHECK(r.check_diags.empty());
    }
}
