// 10,000 pages: past every 2.3.0 limit (90,000 kids under Document, ParentTree keys, /Kids of
// the page tree), written and read back. Time is measured by hand, never asserted here
// (DESIGN §6).
#include <catch2/catch.hpp>

#include "pdf/writer.hpp"
#include "sample.hpp"
#include "tools.hpp"

using namespace gijiroku;
using namespace gijiroku::pdf;

TEST_CASE("10,000 pages are written and read back by qpdf and pikepdf", "[pdf][e2e][large]") {
    auto s = test::make_large(10000);
    Diagnostics d;
    const auto bytes = write(s.pages, s.tree, s.fonts, {}, d);
    REQUIRE(bytes);
    CHECK(d.empty());
    const std::string path = test::write_scratch("large-10000.pdf", *bytes);
    const auto check = test::run_command("qpdf --check " + path);
    INFO(check.output.substr(0, 2000));
    CHECK(check.status == 0);
    CHECK(check.output.find("WARNING") == std::string::npos);
    const auto r = test::run_command(
        "/usr/bin/python3 -c \"import pikepdf,sys; from pikepdf import NumberTree; p=pikepdf.open(sys.argv[1]); "
        "r=p.Root.StructTreeRoot; t=NumberTree(r.ParentTree); "
        "print(len(p.pages), len(r.K[0].K), len(list(t.keys())), int(r.ParentTreeNextKey), "
        "len(t[9999]), p.pages[9999].StructParents)\" " + path,
        false);
    // 10,000 pages; Document has 9 kids per page; one ParentTree key per page; 9 MCIDs on each.
    CHECK(r.output == "10000 90000 10000 10000 9 9999\n");
}
