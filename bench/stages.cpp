// Stage benchmarks (issue 6): each stage of DESIGN §1 timed on its own with Google Benchmark,
// on the seed and on generated long documents (bench/make-input), plus the start-up costs a
// one-shot `gijiroku render` pays before the first page: schema compilation, template loading,
// opening the fonts, creating ICU's break iterator.
//
//   gijiroku_bench_stages [--input=NAME:PATH]... [--template=NAME] [benchmark flags]
//
// Default input: the seed (examples/tokyo-2025-03-25.xml). Names appear in the benchmark names
// (stage/parse_validate/seed). Each stage's input is prepared once, outside the timed loop, by
// running the pipeline up to it, so a stage's figure is that stage only:
//
//   parse_validate   xml::read (with the minutes schema) + model::build + model::check
//   resolve          style::resolve (Minutes + template → StyledDoc)
//   shape            font::itemize + font::shape of every paragraph's pieces (HarfBuzz)
//   break_opps       text::LineBreaker::breaks of every paragraph (ICU + the JLREQ veto layer)
//   set_paragraphs   the whole paragraph engine, ParagraphSetter::set: shaping, JLREQ spacing,
//                    line breaking, justification, glyph placement ("break lines" ≈ this − shape)
//   paginate         layout::build_pages with every paragraph's lines replayed from a recording:
//                    blocks, pagination, page furniture, outline, structure tree — layout minus
//                    the paragraph engine
//   layout           layout::layout as a whole (set_paragraphs + paginate)
//   subset           font::subset of each face to the glyphs the pages use (hb-subset)
//   pdf_write        pdf::write as a whole (subsetting included; PDF minus fonts ≈ this − subset)
//   xhtml_write      xhtml::write
//   engine_render    Engine::render to PDF and XHTML in memory: every stage with the template
//                    and fonts cached by the engine (no process start, no file writes)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/font_manifest.hpp"
#include "core/diagnostic.hpp"
#include "core/utf8.hpp"
#include "font/font_set.hpp"
#include "font/itemize.hpp"
#include "font/shape.hpp"
#include "font/subset.hpp"
#include "gijiroku/gijiroku.hpp"
#include "layout/build_pages.hpp"
#include "layout/layout.hpp"
#include "layout/paragraph.hpp"
#include "model/build.hpp"
#include "model/check.hpp"
#include "pdf/writer.hpp"
#include "style/resolve.hpp"
#include "style/template.hpp"
#include "text/line_breaks.hpp"
#include "xhtml/xhtml.hpp"
#include "xml/reader.hpp"
#include "xml/schema.hpp"

// The schemas compiled into the xml module (cmake/EmbedFiles.cmake).
namespace gijiroku::xml::embedded {
std::string_view minutes_xsd();
std::string_view template_xsd();
}  // namespace gijiroku::xml::embedded

namespace {

using namespace gijiroku;

const std::string kDataDir = GIJIROKU_SOURCE_DIR;

[[noreturn]] void fail(const std::string& what, const Diagnostics* diags = nullptr) {
    std::fprintf(stderr, "gijiroku_bench_stages: %s\n", what.c_str());
    if (diags)
        for (const auto& d : diags->all())
            std::fprintf(stderr, "  %s %s:%u: %s\n", d.code.c_str(), d.file.c_str(), d.loc.line, d.message.c_str());
    std::exit(2);
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) fail("cannot read " + path);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// The template with its fonts, assembled as Engine does (api/engine.cpp, load_template).
struct Setup {
    std::optional<style::Template> tmpl;
    std::optional<font::FontSet> fonts;
};

font::FontSetSpec fonts_for(const api::FontManifest& manifest, const style::Template& tmpl) {
    font::FontSetSpec spec = manifest.spec;
    for (const auto& f : tmpl.fonts) {
        font::FaceSpec face;
        face.id = f.id;
        face.path = f.path;
        face.display_name = f.family.empty() ? f.id : f.family;
        face.fallback = f.fallback;
        face.require_japanese = !f.fallback;
        spec.faces.push_back(std::move(face));
    }
    for (const auto& role : tmpl.font_roles) {
        std::erase_if(spec.chains, [&](const font::ChainSpec& c) { return c.role == role.name; });
        spec.chains.push_back(font::ChainSpec{role.name, role.chain});
    }
    return spec;
}

const api::FontManifest& manifest() {
    static const api::FontManifest m = [] {
        Diagnostics diags;
        auto r = api::read_font_manifest(kDataDir + "/fonts/fonts.xml", diags);
        if (!r) fail("cannot read fonts/fonts.xml", &diags);
        return *r;
    }();
    return m;
}

style::LoadOptions load_options() {
    style::LoadOptions o;
    o.fonts.roles = manifest().roles;
    o.fonts.font_ids = manifest().font_ids;
    return o;
}

std::string g_template = "tokyo-gijiyoshi";

const Setup& setup() {
    static const Setup s = [] {
        Setup out;
        Diagnostics diags;
        out.tmpl = style::load_template(g_template, kDataDir + "/templates", diags, load_options());
        if (!out.tmpl || diags.has_errors()) fail("cannot load template " + g_template, &diags);
        out.fonts = font::FontSet::build(fonts_for(manifest(), *out.tmpl), diags, out.tmpl->file);
        if (diags.has_errors()) fail("cannot build the font set", &diags);
        return out;
    }();
    return s;
}

// One recorded paragraph: what build_pages asked the paragraph engine, and its answer.
struct Recorded {
    layout::ParagraphSpec spec;
    std::vector<layout::SetLine> lines;
};

// Everything a stage needs, computed once per input by running the pipeline up to it.
struct Prepared {
    std::string name;
    std::string path;
    std::string bytes;
    std::optional<xml::Document> doc;
    std::optional<model::Minutes> minutes;
    std::optional<style::StyledDoc> styled;
    std::vector<Recorded> paragraphs;
    std::optional<layout::LayoutResult> laid_out;
    std::map<std::uint32_t, std::vector<std::uint32_t>> glyphs_by_face;  // sorted, unique
    std::size_t pages = 0;
};

layout::SetterOptions setter_options(const style::StyledDoc& doc) {
    layout::SetterOptions o;
    o.kinsoku = doc.kinsoku.level;
    o.latin_spacing_zw = doc.latin_spacing;
    return o;
}

std::unique_ptr<Prepared> prepare(const std::string& name, const std::string& path) {
    auto p = std::make_unique<Prepared>();
    p->name = name;
    p->path = path;
    p->bytes = read_file(path);
    Diagnostics diags;
    p->doc = xml::read(p->bytes, path, xml::minutes_schema().get(), xml::ReadOptions{}, diags);
    if (!p->doc || !p->doc->schema_valid) fail(path + " is not a valid minutes document", &diags);
    p->minutes = model::build(*p->doc, diags);
    if (!p->minutes) fail(path + ": model::build failed", &diags);
    model::check(*p->minutes, diags);
    if (diags.has_errors()) fail(path + " has errors", &diags);
    const Setup& s = setup();
    p->styled = style::resolve(*p->minutes, *s.tmpl, diags);
    if (diags.has_errors()) fail(path + ": resolve failed", &diags);

    layout::ParagraphSetter setter(*s.fonts, setter_options(*p->styled));
    const layout::SourceMap where{p->styled->source_file, &p->styled->locations};
    const layout::SetParagraphFn record = [&](const layout::ParagraphSpec& spec, Diagnostics& d) {
        auto lines = setter.set(spec, where, d);
        p->paragraphs.push_back(Recorded{spec, lines});
        return lines;
    };
    p->laid_out = layout::build_pages(*p->styled, record, layout::LayoutOptions{}, diags);
    if (!p->laid_out || diags.has_errors()) fail(path + ": layout failed", &diags);
    p->pages = p->laid_out->pages.pages.size();
    for (const auto& page : p->laid_out->pages.pages)
        for (const auto& run : page.runs)
            for (const auto& g : run.glyphs) p->glyphs_by_face[run.face].push_back(g.glyph);
    for (auto& [face, gids] : p->glyphs_by_face) {
        std::sort(gids.begin(), gids.end());
        gids.erase(std::unique(gids.begin(), gids.end()), gids.end());
    }
    return p;
}

void add_counters(benchmark::State& state, const Prepared& p) {
    state.counters["pages"] = static_cast<double>(p.pages);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(p.bytes.size()));
}

// ------------------------------------------------------------------ start-up costs

void BM_compile_minutes_schema(benchmark::State& state) {
    for (auto _ : state) {
        Diagnostics diags;
        auto s = xml::compile_schema(xml::embedded::minutes_xsd(), "minutes.xsd", diags);
        if (!s) fail("minutes.xsd does not compile", &diags);
        benchmark::DoNotOptimize(s);
    }
}

void BM_compile_template_schema(benchmark::State& state) {
    for (auto _ : state) {
        Diagnostics diags;
        auto s = xml::compile_schema(xml::embedded::template_xsd(), "template.xsd", diags);
        if (!s) fail("template.xsd does not compile", &diags);
        benchmark::DoNotOptimize(s);
    }
}

void BM_read_font_manifest(benchmark::State& state) {
    for (auto _ : state) {
        Diagnostics diags;
        auto m = api::read_font_manifest(kDataDir + "/fonts/fonts.xml", diags);
        benchmark::DoNotOptimize(m);
    }
}

// The template schema is compiled once per process (xml::template_schema), so it is not
// part of this figure: see compile_template_schema.
void BM_load_template(benchmark::State& state) {
    const auto options = load_options();
    xml::template_schema();
    for (auto _ : state) {
        Diagnostics diags;
        auto t = style::load_template(g_template, kDataDir + "/templates", diags, options);
        if (!t) fail("cannot load template " + g_template, &diags);
        benchmark::DoNotOptimize(t);
    }
}

// FontSet::build plus opening every face the template's roles use first (memory-mapping the
// file, FreeType and HarfBuzz faces): what the first character of a render costs.
void BM_open_fonts(benchmark::State& state) {
    const auto spec = fonts_for(manifest(), *setup().tmpl);
    for (auto _ : state) {
        Diagnostics diags;
        auto fonts = font::FontSet::build(spec, diags);
        for (const auto& role : fonts.roles()) {
            const auto chain = fonts.chain(role);
            if (!chain.empty()) benchmark::DoNotOptimize(fonts.face(chain.front()));
        }
    }
}

void BM_line_breaker(benchmark::State& state) {
    for (auto _ : state) {
        text::LineBreaker breaker(text::KinsokuLevel::very_strict);
        benchmark::DoNotOptimize(breaker);
    }
}

// ------------------------------------------------------------------ stages

void BM_parse_validate(benchmark::State& state, const Prepared* p) {
    const auto schema = xml::minutes_schema();
    for (auto _ : state) {
        Diagnostics diags;
        auto doc = xml::read(p->bytes, p->path, schema.get(), xml::ReadOptions{}, diags);
        auto minutes = model::build(*doc, diags);
        model::check(*minutes, diags);
        benchmark::DoNotOptimize(minutes);
    }
    add_counters(state, *p);
}

void BM_resolve(benchmark::State& state, const Prepared* p) {
    const Setup& s = setup();
    for (auto _ : state) {
        Diagnostics diags;
        auto styled = style::resolve(*p->minutes, *s.tmpl, diags);
        benchmark::DoNotOptimize(styled);
    }
    add_counters(state, *p);
}

void BM_shape(benchmark::State& state, const Prepared* p) {
    const font::FontSet& fonts = *setup().fonts;
    std::vector<std::pair<std::string, std::u32string>> texts;  // (role, text) of every piece
    for (const auto& r : p->paragraphs)
        for (const auto& piece : r.spec.pieces) texts.emplace_back(piece.font_role, utf8::decode(piece.text));
    font::ShapeBuffer buffer;
    std::size_t glyphs = 0;
    for (auto _ : state) {
        for (const auto& [role, text] : texts) {
            const auto items = font::itemize(fonts, role, text);
            for (const auto& run : items.runs) {
                const font::Face* face = fonts.face(run.face);
                if (!face) continue;
                glyphs += font::shape(*face, text, run.begin, run.end, {}, buffer).size();
            }
        }
    }
    benchmark::DoNotOptimize(glyphs);
    add_counters(state, *p);
}

void BM_break_opportunities(benchmark::State& state, const Prepared* p) {
    std::vector<std::u32string> texts;
    for (const auto& r : p->paragraphs) {
        std::string all;
        for (const auto& piece : r.spec.pieces)
            if (!piece.marker) all += piece.text;
        texts.push_back(utf8::decode(all));
    }
    const text::LineBreaker breaker(text::KinsokuLevel::very_strict);
    for (auto _ : state)
        for (const auto& t : texts) benchmark::DoNotOptimize(breaker.breaks(t));
    add_counters(state, *p);
}

void BM_set_paragraphs(benchmark::State& state, const Prepared* p) {
    const Setup& s = setup();
    const layout::SourceMap where{p->styled->source_file, &p->styled->locations};
    layout::ParagraphSetter setter(*s.fonts, setter_options(*p->styled));
    for (auto _ : state) {
        Diagnostics diags;
        for (const auto& r : p->paragraphs) benchmark::DoNotOptimize(setter.set(r.spec, where, diags));
    }
    state.counters["paragraphs"] = static_cast<double>(p->paragraphs.size());
    add_counters(state, *p);
}

void BM_paginate(benchmark::State& state, const Prepared* p) {
    std::vector<std::vector<layout::SetLine>> lines;
    for (auto _ : state) {
        // Fresh copies of the recorded lines, made outside the timed part, are moved out to
        // build_pages as the paragraph engine would hand over its own.
        state.PauseTiming();
        lines.clear();
        for (const auto& r : p->paragraphs) lines.push_back(r.lines);
        state.ResumeTiming();
        std::size_t next = 0;
        const layout::SetParagraphFn replay = [&](const layout::ParagraphSpec&, Diagnostics&) {
            if (next >= lines.size()) fail("paginate: more paragraphs than recorded");
            return std::move(lines[next++]);
        };
        Diagnostics diags;
        auto r = layout::build_pages(*p->styled, replay, layout::LayoutOptions{}, diags);
        if (!r || next != p->paragraphs.size()) fail("paginate: the replay went out of step");
        benchmark::DoNotOptimize(r);
    }
    add_counters(state, *p);
}

void BM_layout(benchmark::State& state, const Prepared* p) {
    const Setup& s = setup();
    for (auto _ : state) {
        Diagnostics diags;
        auto r = layout::layout(*p->styled, *s.fonts, layout::LayoutOptions{}, diags);
        benchmark::DoNotOptimize(r);
    }
    add_counters(state, *p);
}

void BM_subset(benchmark::State& state, const Prepared* p) {
    const font::FontSet& fonts = *setup().fonts;
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (const auto& [face, gids] : p->glyphs_by_face) {
            auto sub = font::subset(*fonts.face(face), gids);
            if (!sub) fail("subset failed");
            bytes = sub->bytes.size();
        }
    }
    benchmark::DoNotOptimize(bytes);
    std::size_t glyphs = 0;
    for (const auto& [face, gids] : p->glyphs_by_face) glyphs += gids.size();
    state.counters["glyphs"] = static_cast<double>(glyphs);
    add_counters(state, *p);
}

void BM_pdf_write(benchmark::State& state, const Prepared* p) {
    const Setup& s = setup();
    std::size_t size = 0;
    for (auto _ : state) {
        Diagnostics diags;
        pdf::PdfOptions po;
        po.source_date_epoch = 0;
        auto bytes = pdf::write(p->laid_out->pages, p->laid_out->tree, *s.fonts, po, diags);
        if (!bytes) fail("pdf::write failed", &diags);
        size = bytes->size();
    }
    state.counters["pdf_KiB"] = static_cast<double>(size) / 1024.0;
    add_counters(state, *p);
}

void BM_xhtml_write(benchmark::State& state, const Prepared* p) {
    std::size_t size = 0;
    for (auto _ : state) {
        Diagnostics diags;
        xhtml::XhtmlOptions xo;
        xo.generator = "gijiroku";
        size = xhtml::write(*p->styled, xo, diags).size();
    }
    state.counters["xhtml_KiB"] = static_cast<double>(size) / 1024.0;
    add_counters(state, *p);
}

void BM_engine_render(benchmark::State& state, const Prepared* p) {
    std::vector<Diagnostic> out;
    EngineOptions eo;
    eo.data_dir = kDataDir;
    const auto engine = Engine::create(eo, out);
    if (!engine) fail("Engine::create failed");
    const Input input = Input::from_memory(p->path, p->bytes);
    RenderOptions ro;
    ro.template_name = g_template;
    ro.pdf = true;
    ro.xhtml = true;
    ro.source_date_epoch = 0;
    for (auto _ : state) {
        auto r = engine->render(input, ro);
        if (!r.ok()) fail("Engine::render failed");
        benchmark::DoNotOptimize(r);
    }
    add_counters(state, *p);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::pair<std::string, std::string>> inputs;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a.starts_with("--input=")) {
            const std::string v(a.substr(8));
            const auto colon = v.find(':');
            if (colon == std::string::npos) fail("--input=NAME:PATH");
            inputs.emplace_back(v.substr(0, colon), v.substr(colon + 1));
        } else if (a.starts_with("--template=")) {
            g_template = std::string(a.substr(11));
        } else {
            rest.push_back(argv[i]);
        }
    }
    if (inputs.empty()) inputs.emplace_back("seed", kDataDir + "/examples/tokyo-2025-03-25.xml");

    benchmark::RegisterBenchmark("startup/compile_minutes_schema", BM_compile_minutes_schema)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("startup/compile_template_schema", BM_compile_template_schema)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("startup/read_font_manifest", BM_read_font_manifest)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("startup/load_template", BM_load_template)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("startup/open_fonts", BM_open_fonts)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("startup/line_breaker", BM_line_breaker)->Unit(benchmark::kMillisecond);

    // Prepared inputs live until the end of main: the benchmarks hold raw pointers.
    std::vector<std::unique_ptr<Prepared>> prepared;
    for (const auto& [name, path] : inputs) {
        prepared.push_back(prepare(name, path));
        const Prepared* p = prepared.back().get();
        const std::pair<const char*, void (*)(benchmark::State&, const Prepared*)> stages[] = {
            {"parse_validate", BM_parse_validate}, {"resolve", BM_resolve},
            {"shape", BM_shape},                   {"break_opps", BM_break_opportunities},
            {"set_paragraphs", BM_set_paragraphs}, {"paginate", BM_paginate},
            {"layout", BM_layout},                 {"subset", BM_subset},
            {"pdf_write", BM_pdf_write},           {"xhtml_write", BM_xhtml_write},
            {"engine_render", BM_engine_render},
        };
        for (const auto& [stage, fn] : stages)
            benchmark::RegisterBenchmark(("stage/" + std::string(stage) + "/" + name).c_str(), fn, p)
                ->Unit(benchmark::kMillisecond);
    }

    int bargc = static_cast<int>(rest.size());
    benchmark::Initialize(&bargc, rest.data());
    if (benchmark::ReportUnrecognizedArguments(bargc, rest.data())) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
