// xml::read from several threads at once, on different documents with one shared Schema: every
// thread must get exactly what a lone reader gets (libxml2 initialised once; error handlers per
// parse, nothing global left behind).
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "xml_test_support.hpp"

using namespace gijiroku::xml;
using xml_test::briefs;

TEST_CASE("concurrent reads with a shared schema give the single-threaded results") {
    gijiroku::Diagnostics cd;
    // Compiled concurrently too, once per thread, below; and one shared instance here.
    const auto schema = compile_schema(xml_test::data("test.xsd"), "test.xsd", cd);
    REQUIRE(schema);
    const std::vector<std::string> inputs = {
        xml_test::data("valid.xml"),
        xml_test::data("invalid.xml"),
        xml_test::data("billion-laughs.xml"),
        "<a>\n  <b>x</c>\n</a>",
        "\xEF\xBB\xBF<a>\n　ab\x82</a>",
    };
    std::vector<std::string> expected;
    for (const auto& in : inputs) expected.push_back(briefs(xml_test::read(in, schema.get()).diags));
    CHECK(expected[0].empty());
    CHECK(expected[1] == "E205@2:42 E204@2:54 E205@4:9 E204@6:16 E208@7:12 E206@9:7 E201@11:5");
    CHECK(expected[2] == "E107@2:1");
    CHECK(expected[3] == "E111@2:7");
    CHECK(expected[4] == "E105@2:4");

    std::atomic<int> mismatches{0};
    std::atomic<int> compile_failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            gijiroku::Diagnostics d;
            if (!compile_schema(xml_test::data("test.xsd"), "test.xsd", d)) ++compile_failures;
            for (int i = 0; i < 40; ++i) {
                const std::size_t k = static_cast<std::size_t>(t + i) % inputs.size();
                if (briefs(xml_test::read(inputs[k], schema.get()).diags) != expected[k]) ++mismatches;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
    CHECK(compile_failures == 0);
}
