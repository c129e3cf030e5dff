#include <catch2/catch.hpp>

#include "core/diagnostic.hpp"

using namespace gijiroku;

TEST_CASE("Diagnostics counts errors and warnings, and caps what it stores") {
    Diagnostics d;
    d.set_limit(2);
    d.error("E301", "a.xml", {3, 5}, "weekday", "曜日");
    d.warning("W305", "a.xml", {4, 1}, "digits", "数字");
    d.error("E302", "a.xml", {9, 1}, "era", "元号");
    CHECK(d.error_count() == 2);
    CHECK(d.warning_count() == 1);
    CHECK(d.all().size() == 2);
    CHECK(d.dropped() == 1);

    Diagnostics total;
    total.append(std::move(d));
    CHECK(total.error_count() == 2);
    CHECK(total.warning_count() == 1);
    CHECK(total.all().size() == 2);
    CHECK(total.all()[0].code == "E301");
    CHECK(total.all()[0].loc == SourceLoc{3, 5});
}
