// Writes the seed's XHTML to a file for the end-to-end check (tests/e2e/xhtml/check_seed.sh):
//   GIJIROKU_XHTML_OUT=/tmp/seed.xhtml test_xhtml "[write-seed]"
// Hidden ("[.]"): the unit run does not write files.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "pipeline.hpp"
#include "seed_doc.hpp"
#include "xhtml/xhtml.hpp"

using namespace gijiroku;

TEST_CASE("write the seed XHTML to $GIJIROKU_XHTML_OUT", "[.][write-seed]") {
    const char* out = std::getenv("GIJIROKU_XHTML_OUT");
    REQUIRE(out != nullptr);
    Diagnostics diags;
    xhtml::XhtmlOptions options;
    options.generator = "gijiroku";
    const std::string x = xhtml::write(xhtml::test::seed_doc(), options, diags);
    REQUIRE(diags.empty());
    REQUIRE(!x.empty());
    std::ofstream f(out, std::ios::binary);
    f << x;
    REQUIRE(f.good());
    // The visible text, read back by our own reader, next to it (for the Chromium cross-check).
    const auto text = xhtml::visible_text(x);
    REQUIRE(text);
    std::ofstream t(std::string(out) + ".visible.txt", std::ios::binary);
    t << *text << '\n';
    REQUIRE(t.good());
}

// Every example with every shipped template, through the real pipeline, into the folder
// $GIJIROKU_XHTML_OUT_DIR as <example>--<template>.xhtml:
//   GIJIROKU_XHTML_OUT_DIR=/tmp/x test_xhtml "[write-examples]"
TEST_CASE("write the examples' XHTML to $GIJIROKU_XHTML_OUT_DIR", "[.][write-examples]") {
    const char* dir = std::getenv("GIJIROKU_XHTML_OUT_DIR");
    REQUIRE(dir != nullptr);
    for (const char* ex : xhtml::test::examples) {
        for (const char* tn : xhtml::test::templates) {
            INFO(ex << " with " << tn);
            Diagnostics diags;
            auto doc = xhtml::test::resolved(ex, tn, diags);
            REQUIRE(doc);
            REQUIRE(diags.error_count() == 0);
            const std::string x = xhtml::write(*doc, xhtml::XhtmlOptions{}, diags);
            for (const auto& d : diags.all()) UNSCOPED_INFO(d.code << " " << d.message);
            CHECK(diags.warning_count() == 0);
            REQUIRE(!x.empty());
            std::string name(ex);
            name = name.substr(0, name.size() - 4) + "--" + tn + ".xhtml";
            std::ofstream f(std::string(dir) + "/" + name, std::ios::binary);
            f << x;
            REQUIRE(f.good());
            const auto text = xhtml::visible_text(x);
            REQUIRE(text);
            std::ofstream t(std::string(dir) + "/" + name + ".visible.txt", std::ios::binary);
            t << *text << '\n';
            REQUIRE(t.good());
        }
    }
}
