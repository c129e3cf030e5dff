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

TEST_CASE("Diagnostics reports one mistake once, however many times a stage meets it") {
    Diagnostics d;
    // The same missing character, met in the attendee list, a speaker label and the web font.
    for (int i = 0; i < 3; ++i) d.error("E520", "a.xml", {29, 9}, "character U+20BB7 is in none of the fonts", "…");
    // Differences that matter are kept: another place, another message, another file.
    d.error("E520", "a.xml", {41, 37}, "character U+20BB7 is in none of the fonts", "…");
    d.error("E520", "a.xml", {29, 9}, "character U+20BB7 is in none of the fonts (gothic)", "…");
    d.error("E520", "b.xml", {29, 9}, "character U+20BB7 is in none of the fonts", "…");
    d.warning("E520", "a.xml", {29, 9}, "character U+20BB7 is in none of the fonts", "…");
    CHECK(d.all().size() == 5);
    CHECK(d.error_count() == 4);
    CHECK(d.warning_count() == 1);

    Diagnostics total;
    total.error("E520", "a.xml", {29, 9}, "character U+20BB7 is in none of the fonts", "…");
    total.append(std::move(d));
    CHECK(total.all().size() == 5);
    CHECK(total.error_count() == 4);
}
