// Web fonts in the XHTML (issue 9, item 4): @font-face with a data: URL and unicode-range, the
// family in the font stacks right after BIZ UD, nothing at all without web fonts, E711 for a
// malformed entry.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "seed_doc.hpp"
#include "xhtml/web_fonts.hpp"
#include "xhtml/xhtml.hpp"

using namespace gijiroku;

namespace {

xhtml::WebFont sample_font() {
    xhtml::WebFont f;
    f.family = "gijiroku-fallback-ipamj-mincho";
    f.sfnt = std::string("\x00\x01\x00\x00", 4) + "font";  // the writer does not parse it
    f.unicode_range = "U+845B, U+20BB7, U+E0102";
    f.font_roles = {"mincho"};
    return f;
}

bool has_code(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all())
        if (x.code == code) return true;
    return false;
}

std::string line_with(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos) return {};
    const auto begin = text.rfind('\n', at);
    const auto end = text.find('\n', at);
    return text.substr(begin == std::string::npos ? 0 : begin + 1, end - (begin == std::string::npos ? 0 : begin + 1));
}

}  // namespace

TEST_CASE("base64 follows RFC 4648 §10's test vectors", "[xhtml][webfont]") {
    CHECK(xhtml::base64("") == "");
    CHECK(xhtml::base64("f") == "Zg==");
    CHECK(xhtml::base64("fo") == "Zm8=");
    CHECK(xhtml::base64("foo") == "Zm9v");
    CHECK(xhtml::base64("foob") == "Zm9vYg==");
    CHECK(xhtml::base64("fooba") == "Zm9vYmE=");
    CHECK(xhtml::base64("foobar") == "Zm9vYmFy");
    // High bytes are unsigned: 0xFF 0xFE 0xFD → 111111 111111 111011 111101.
    CHECK(xhtml::base64("\xff\xfe\xfd") == "//79");
    CHECK(xhtml::base64(std::string("\x00\x01\x00\x00", 4)) == "AAEAAA==");
}

TEST_CASE("unicode-range values the writer accepts", "[xhtml][webfont]") {
    CHECK(xhtml::valid_unicode_range("U+20BB7"));
    CHECK(xhtml::valid_unicode_range("U+845B, U+9AD9-9ADA, U+E0100"));
    CHECK(xhtml::valid_unicode_range("U+0-10FFFF"));
    CHECK_FALSE(xhtml::valid_unicode_range(""));
    CHECK_FALSE(xhtml::valid_unicode_range("U+"));
    CHECK_FALSE(xhtml::valid_unicode_range("u+845B"));
    CHECK_FALSE(xhtml::valid_unicode_range("U+110000"));          // beyond Unicode
    CHECK_FALSE(xhtml::valid_unicode_range("U+9ADA-9AD9"));       // backwards
    CHECK_FALSE(xhtml::valid_unicode_range("U+845B,U+9AD9"));     // the toolkit writes ", "
    CHECK_FALSE(xhtml::valid_unicode_range("U+845B, "));
    CHECK_FALSE(xhtml::valid_unicode_range("U+845B; } body { x"));  // could leave the rule
    CHECK_FALSE(xhtml::valid_unicode_range("U+1234567"));
}

TEST_CASE("a web font is an @font-face with a data: URL, listed after BIZ UD", "[xhtml][webfont]") {
    const style::StyledDoc doc = xhtml::test::seed_doc();
    xhtml::XhtmlOptions options;
    options.web_fonts = {sample_font()};
    Diagnostics diags;
    const std::string out = xhtml::write(doc, options, diags);
    REQUIRE_FALSE(out.empty());
    CHECK(diags.all().empty());
    CHECK(out.find("      @font-face {\n"
                   "        font-family: \"gijiroku-fallback-ipamj-mincho\";\n"
                   "        src: url(data:font/ttf;base64,AAEAAGZvbnQ=) format(\"truetype\");\n"
                   "        unicode-range: U+845B, U+20BB7, U+E0102;\n"
                   "      }\n") != std::string::npos);
    // In the mincho stack right after BIZ UD, and not in the gothic stack (no gothic role).
    CHECK(line_with(out, "--mincho:") ==
          "        --mincho: \"BIZ UDMincho\", \"BIZ UD明朝\", \"gijiroku-fallback-ipamj-mincho\", "
          "\"IPAmjMincho\", \"IPAmj明朝\", \"IPAexMincho\",");
    CHECK(line_with(out, "--gothic:").find("gijiroku-fallback") == std::string::npos);
    // The rule comes before the stacks that use it, inside the one <style> element.
    CHECK(out.find("@font-face") < out.find("--mincho:"));
    CHECK(out.find("@font-face") > out.find("<style>"));

    // A gothic role puts it in the gothic stack too; several fonts keep their order.
    xhtml::WebFont second = sample_font();
    second.family = "gijiroku-fallback-other";
    second.font_roles = {"gothic-bold", "mincho"};
    options.web_fonts.push_back(second);
    const std::string two = xhtml::write(doc, options, diags);
    CHECK(line_with(two, "--mincho:").find("\"BIZ UD明朝\", \"gijiroku-fallback-ipamj-mincho\", "
                                           "\"gijiroku-fallback-other\", \"IPAmjMincho\"") != std::string::npos);
    CHECK(line_with(two, "--gothic:") ==
          "        --gothic: \"BIZ UDGothic\", \"BIZ UDゴシック\", \"gijiroku-fallback-other\", "
          "\"IPAexGothic\", \"IPAexゴシック\",");
}

TEST_CASE("without web fonts the page has no @font-face and is unchanged", "[xhtml][webfont]") {
    const style::StyledDoc doc = xhtml::test::seed_doc();
    Diagnostics a, b;
    const std::string plain = xhtml::write(doc, xhtml::XhtmlOptions{}, a);
    xhtml::XhtmlOptions empty;
    empty.web_fonts.clear();
    CHECK(xhtml::write(doc, empty, b) == plain);
    CHECK(plain.find("@font-face") == std::string::npos);
    CHECK(plain.find("data:") == std::string::npos);
    // The stacks as they were before web fonts existed.
    CHECK(line_with(plain, "--mincho:") ==
          "        --mincho: \"BIZ UDMincho\", \"BIZ UD明朝\", \"IPAmjMincho\", \"IPAmj明朝\", \"IPAexMincho\",");
    CHECK(line_with(plain, "--gothic:") ==
          "        --gothic: \"BIZ UDGothic\", \"BIZ UDゴシック\", \"IPAexGothic\", \"IPAexゴシック\",");
}

TEST_CASE("a malformed web font is E711 and nothing is written", "[xhtml][webfont]") {
    const style::StyledDoc doc = xhtml::test::seed_doc();
    const auto refused = [&](xhtml::WebFont f) {
        xhtml::XhtmlOptions options;
        options.web_fonts = {std::move(f)};
        Diagnostics diags;
        const std::string out = xhtml::write(doc, options, diags);
        return out.empty() && has_code(diags, "E711") && diags.has_errors();
    };
    xhtml::WebFont f = sample_font();
    f.family = "x\"; } body { display: none } @font-face { font-family: \"y";
    CHECK(refused(f));
    f = sample_font();
    f.family = "";
    CHECK(refused(f));
    f = sample_font();
    f.family = "名前";
    CHECK(refused(f));
    f = sample_font();
    f.sfnt.clear();
    CHECK(refused(f));
    f = sample_font();
    f.unicode_range = "U+845B) ; src: url(https://example.com/x.ttf";
    CHECK(refused(f));
    CHECK_FALSE(refused(sample_font()));
}
