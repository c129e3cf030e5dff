// The web fonts of the XHTML (issue 9, item 4) and the laziness of the fallback font, through
// the real pipeline with the shipped fonts and templates: a document BIZ UD covers (the seed)
// never opens IPAmj明朝, neither for the PDF nor for the XHTML, and gets no web font; the names
// example gets one IPAmj subset holding exactly what BIZ UD lacks (typesetting.md §6.2: 𠮷
// U+20BB7, and 葛 U+845B U+E0102, a Moji_Joho sequence; 葛+E0100 and 﨑+E0101 are BIZ UD's).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "api/font_manifest.hpp"
#include "api/web_fonts.hpp"
#include "core/diagnostic.hpp"
#include "font/face.hpp"
#include "gijiroku/gijiroku.hpp"
#include "layout/layout.hpp"
#include "model/build.hpp"
#include "model/check.hpp"
#include "pdf/writer.hpp"
#include "style/resolve.hpp"
#include "style/template.hpp"
#include "xhtml/xhtml.hpp"
#include "xml/xml.hpp"

using namespace gijiroku;

namespace {

const std::string source_dir = GIJIROKU_SOURCE_DIR;
const std::string seed = "tokyo-2025-03-25.xml";
const std::string names = "names-2025-07-01.xml";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string example_text(const std::string& example) { return slurp(source_dir + "/examples/" + example); }

std::string diag_text(const Diagnostics& diags) {
    std::string s;
    for (const auto& d : diags.all()) s += d.code + " " + d.message + "\n";
    return s;
}

// The shipped font manifest as a FontSet, nothing opened yet.
struct Fonts {
    font::FontSet set;
    std::size_t ipamj = 0;
};

Fonts shipped_fonts() {
    Diagnostics diags;
    auto manifest = api::read_font_manifest(source_dir + "/fonts/fonts.xml", diags);
    REQUIRE(manifest);
    Fonts f{font::FontSet::build(manifest->spec, diags), 0};
    REQUIRE_FALSE(diags.has_errors());
    const auto ipamj = f.set.find_face("ipamj-mincho");
    REQUIRE(ipamj);
    f.ipamj = *ipamj;
    return f;
}

// xml::read → model::build/check → style::resolve, as Engine::render runs them.
style::StyledDoc resolved(const std::string& xml_text, const std::string& template_id) {
    Diagnostics diags;
    auto schema = xml::minutes_schema(&diags);
    REQUIRE(schema);
    auto doc = xml::read(xml_text, "in.xml", schema.get(), xml::ReadOptions{}, diags);
    REQUIRE(doc);
    auto minutes = model::build(*doc, diags);
    REQUIRE(minutes);
    model::check(*minutes, diags);
    auto tmpl = style::load_template(template_id, source_dir + "/templates", diags);
    REQUIRE(tmpl);
    style::StyledDoc styled = style::resolve(*minutes, *tmpl, diags);
    INFO(diag_text(diags));
    REQUIRE(diags.all().empty());
    return styled;
}

std::unique_ptr<Engine> engine() {
    EngineOptions eo;
    eo.data_dir = source_dir;
    std::vector<Diagnostic> setup;
    auto e = Engine::create(eo, setup);
    REQUIRE(e);
    return e;
}

bool has_code(const std::vector<Diagnostic>& ds, const std::string& code) {
    for (const auto& d : ds)
        if (d.code == code) return true;
    return false;
}

// Replaces the first `old` of the names example with `now`.
std::string names_with(const std::string& old, const std::string& now) {
    std::string text = example_text(names);
    const auto at = text.find(old);
    REQUIRE(at != std::string::npos);
    text.replace(at, old.size(), now);
    return text;
}

}  // namespace

TEST_CASE("a document BIZ UD covers gets no web font and never opens IPAmj", "[api][webfont]") {
    for (const char* t : {"tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"}) {
        INFO(t);
        Fonts fonts = shipped_fonts();
        const style::StyledDoc doc = resolved(example_text(seed), t);
        Diagnostics diags;
        CHECK(api::fallback_web_fonts(doc, fonts.set, diags).empty());
        CHECK(diags.all().empty());
        CHECK_FALSE(fonts.set.is_opened(fonts.ipamj));

        // The rest of the pipeline on the same set: the PDF does not open it either.
        auto laid_out = layout::layout(doc, fonts.set, layout::LayoutOptions{}, diags);
        REQUIRE(laid_out);
        auto pdf = pdf::write(laid_out->pages, laid_out->tree, fonts.set, pdf::PdfOptions{}, diags);
        REQUIRE(pdf);
        CHECK_FALSE(fonts.set.is_opened(fonts.ipamj));
        CHECK(pdf->find("IPAmj") == std::string::npos);
        CHECK(fonts.set.is_opened(*fonts.set.find_face("bizud-mincho")));
    }
}

TEST_CASE("the names example gets one IPAmj subset with exactly what BIZ UD lacks", "[api][webfont]") {
    Fonts fonts = shipped_fonts();
    const style::StyledDoc doc = resolved(example_text(names), "tokyo-gijiyoshi");
    Diagnostics diags;
    const auto web = api::fallback_web_fonts(doc, fonts.set, diags);
    CHECK(diags.all().empty());
    CHECK(fonts.set.is_opened(fonts.ipamj));
    REQUIRE(web.size() == 1);
    CHECK(web[0].family == "gijiroku-fallback-ipamj-mincho");
    CHECK(web[0].unicode_range == "U+845B, U+20BB7, U+E0102");
    // 𠮷 is in the body text (mincho) and in an item title (a heading in BIZ UDゴシック).
    const auto& roles = web[0].font_roles;
    CHECK(std::find(roles.begin(), roles.end(), "mincho") != roles.end());
    CHECK(std::any_of(roles.begin(), roles.end(), [](const std::string& r) { return r.find("gothic") != std::string::npos; }));

    // The subset, read back: 𠮷 and the sequence, the glyphs of IPAmj, nothing else.
    char tmpl[] = "/tmp/gijiroku-webfont-XXXXXX";
    const int fd = ::mkstemp(tmpl);
    REQUIRE(fd >= 0);
    ::close(fd);
    {
        std::ofstream out(tmpl, std::ios::binary);
        out.write(web[0].sfnt.data(), static_cast<std::streamsize>(web[0].sfnt.size()));
    }
    Diagnostics load;
    font::LoadOptions lo;
    auto back = font::Face::load(tmpl, lo, load);
    std::remove(tmpl);
    REQUIRE(back);
    const font::Face* mj = fonts.set.face(fonts.ipamj);
    REQUIRE(mj);
    const auto kichi = back->nominal_glyph(0x20BB7);
    REQUIRE(kichi);
    CHECK(back->ink_extents(*kichi) == mj->ink_extents(*mj->nominal_glyph(0x20BB7)));
    const auto kuzu = back->variation_glyph(0x845B, 0xE0102);
    REQUIRE(kuzu);
    CHECK(back->ink_extents(*kuzu) == mj->ink_extents(*mj->variation_glyph(0x845B, 0xE0102)));
    CHECK_FALSE(back->variation_glyph(0x845B, 0xE0100));  // BIZ UD's, not wanted here
    CHECK_FALSE(back->nominal_glyph(U'田'));
    CHECK_FALSE(back->nominal_glyph(U'髙'));
    CHECK(back->glyph_count() < 10);
    CHECK(web[0].sfnt.size() < 16 * 1024);

    // The same document gives the same bytes (the XHTML is deterministic).
    Fonts again = shipped_fonts();
    CHECK(api::fallback_web_fonts(doc, again.set, diags)[0].sfnt == web[0].sfnt);
}

TEST_CASE("Engine: names get a web font and stay text; the seed's outputs name no IPAmj", "[api][webfont]") {
    const auto e = engine();
    RenderOptions ro;
    ro.pdf = ro.xhtml = true;

    const RenderResult s = e->render(Input::from_file(source_dir + "/examples/" + seed), ro);
    REQUIRE(s.ok());
    CHECK(s.diagnostics.empty());
    CHECK(s.xhtml.find("@font-face") == std::string::npos);
    CHECK(s.pdf.find("IPAmj") == std::string::npos);

    const RenderResult n = e->render(Input::from_file(source_dir + "/examples/" + names), ro);
    REQUIRE(n.ok());
    CHECK(n.diagnostics.empty());
    CHECK(n.xhtml.find("src: url(data:font/ttf;base64,") != std::string::npos);
    CHECK(n.xhtml.find("unicode-range: U+845B, U+20BB7, U+E0102;") != std::string::npos);
    CHECK(n.xhtml.find("\"BIZ UD明朝\", \"gijiroku-fallback-ipamj-mincho\",") != std::string::npos);
    // The names as text, variation selectors included (never normalised, DESIGN §3).
    for (const char* name : {"\U00020BB7田", "葛\U000E0100西", "山\uFA11\U000E0101", "葛\U000E0102城", "髙橋", "渡邊", "德永"}) {
        INFO(name);
        CHECK(n.xhtml.find(name) != std::string::npos);
    }
    CHECK(n.pdf.find("IPAmjMincho") != std::string::npos);  // /BaseFont of the embedded subset
}

TEST_CASE("a sequence no font has: E520 and nothing, or with allow_base_glyph W520 and output", "[api][webfont]") {
    const auto e = engine();
    // 葛 + VS256 (U+E01EF) is in no collection BIZ UD or IPAmj supports.
    const std::string text = names_with("葛\U000E0100西委員提出資料", "葛\U000E01EF西委員提出資料");
    RenderOptions ro;
    ro.pdf = ro.xhtml = true;
    const RenderResult strict = e->render(Input::from_memory("in.xml", text), ro);
    CHECK_FALSE(strict.ok());
    CHECK(has_code(strict.diagnostics, "E520"));
    CHECK(strict.pdf.empty());
    CHECK(strict.xhtml.empty());
    bool named = false;
    for (const auto& d : strict.diagnostics)
        if (d.code == "E520" && d.message.find("U+845B U+E01EF") != std::string::npos &&
            d.message.find("BIZ UD明朝, IPAmj明朝") != std::string::npos && d.loc.line > 0)
            named = true;
    CHECK(named);

    ro.allow_base_glyph = true;
    const RenderResult lenient = e->render(Input::from_memory("in.xml", text), ro);
    CHECK(lenient.ok());
    CHECK(has_code(lenient.diagnostics, "W520"));
    CHECK_FALSE(has_code(lenient.diagnostics, "E520"));
    CHECK_FALSE(lenient.pdf.empty());
    // The XHTML keeps the sequence as written; the base glyph is BIZ UD's, so it adds nothing to
    // the web font.
    CHECK(lenient.xhtml.find("葛\U000E01EF西") != std::string::npos);
    CHECK(lenient.xhtml.find("unicode-range: U+845B, U+20BB7, U+E0102;") != std::string::npos);
}
