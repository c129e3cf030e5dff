// The pipeline of DESIGN §1, run by gijiroku::Engine:
//
//   bytes ─xml::read─▶ xml::Document ─model::build─▶ Minutes ─model::check─▶ diagnostics
//   Minutes + Template ─style::resolve─▶ StyledDoc ─xhtml::write─▶ XHTML
//   StyledDoc ─layout::layout─▶ PageSet + StructTree ─pdf::write─▶ PDF
//
// Like a compiler, it stops after any stage that reported an error: a document that failed
// validation is never laid out, and nothing is returned that a later error would contradict.
// Warnings flow through to the end.
#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <utility>

#include "api/data_dir.hpp"
#include "api/engine_access.hpp"
#include "api/font_manifest.hpp"
#include "api/plain_text.hpp"
#include "api/web_fonts.hpp"
#include "core/diagnostic.hpp"
#include "font/font_set.hpp"
#include "gijiroku/gijiroku.hpp"
#include "layout/layout.hpp"
#include "model/build.hpp"
#include "model/check.hpp"
#include "model/dump.hpp"
#include "pdf/writer.hpp"
#include "style/dump.hpp"
#include "style/resolve.hpp"
#include "style/template.hpp"
#include "xhtml/xhtml.hpp"
#include "xml/reader.hpp"
#include "xml/schema.hpp"

namespace gijiroku {

const char* version() { return GIJIROKU_VERSION; }

// ------------------------------------------------------------------ inputs

Input Input::from_file(const std::string& path) {
    Input in;
    in.name = path;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        in.error = "cannot read " + path + ": it is a folder";
        return in;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        in.error = "cannot read " + path + ": " + std::strerror(errno);
        return in;
    }
    // Read in pieces and stop past max_read_bytes: reading everything first would let
    // /dev/zero or a huge file exhaust memory before any limit is checked (issue 6).
    std::string bytes;
    char piece[65536];
    while (f.read(piece, sizeof piece) || f.gcount() > 0) {
        bytes.append(piece, static_cast<std::size_t>(f.gcount()));
        if (bytes.size() > max_read_bytes) {
            in.error = "cannot read " + path + ": it is larger than " +
                       std::to_string(max_read_bytes >> 20) + " MiB (minutes are at most 32 MiB)";
            return in;
        }
    }
    if (f.bad()) {
        in.error = "cannot read " + path + ": " + std::strerror(errno);
        return in;
    }
    in.bytes = std::move(bytes);
    return in;
}

Input Input::from_memory(std::string name, std::string bytes) {
    Input in;
    in.name = std::move(name);
    in.bytes = std::move(bytes);
    return in;
}

// ------------------------------------------------------------------ engine state

namespace {

std::vector<Diagnostic> to_public(const Diagnostics& ds) { return ds.all(); }

// A template with the fonts it asks for, loaded once and shared read-only between renders.
struct LoadedTemplate {
    std::optional<style::Template> tmpl;
    std::optional<font::FontSet> fonts;
    std::vector<Diagnostic> diagnostics;  // from loading (reported with every render using it)
};

std::string default_template_for(model::DocumentKind kind) {
    switch (kind) {
        case model::DocumentKind::record: return "ministry-gijiroku";
        case model::DocumentKind::proceedings: return "city-kaigiroku";
        default: return "tokyo-gijiyoshi";
    }
}

style::KinsokuSetting::Level to_style(Kinsoku k) {
    switch (k) {
        case Kinsoku::very_strict: return style::KinsokuSetting::Level::very_strict;
        case Kinsoku::strict: return style::KinsokuSetting::Level::strict;
        case Kinsoku::loose: return style::KinsokuSetting::Level::loose;
    }
    return style::KinsokuSetting::Level::very_strict;
}

}  // namespace

struct Engine::Impl {
    std::string data_dir;
    std::string templates_dir;
    std::string manifest_path;
    font::FontSetSpec manifest;  // fonts.xml, paths resolved
    style::LoadOptions template_options;
    std::shared_ptr<const xml::Schema> schema;

    mutable std::mutex cache_mutex;
    mutable std::map<std::string, std::shared_ptr<const LoadedTemplate>> templates;

    std::shared_ptr<const LoadedTemplate> load_template(const std::string& name) const;
    std::optional<model::Minutes> check(const Input& input, Diagnostics& diags) const;
};

std::shared_ptr<const LoadedTemplate> Engine::Impl::load_template(const std::string& name) const {
    std::lock_guard lock(cache_mutex);
    if (auto it = templates.find(name); it != templates.end()) return it->second;

    auto loaded = std::make_shared<LoadedTemplate>();
    Diagnostics diags;
    loaded->tmpl = style::load_template(name, templates_dir, diags, template_options);
    if (loaded->tmpl) {
        // The manifest's faces and chains, then the template's own fonts and role overrides.
        font::FontSetSpec spec = manifest;
        for (const auto& f : loaded->tmpl->fonts) {
            font::FaceSpec face;
            face.id = f.id;
            face.path = f.path;
            face.display_name = f.family.empty() ? f.id : f.family;
            face.fallback = f.fallback;
            face.require_japanese = !f.fallback;
            spec.faces.push_back(std::move(face));
        }
        for (const auto& role : loaded->tmpl->font_roles) {
            std::erase_if(spec.chains, [&](const font::ChainSpec& c) { return c.role == role.name; });
            spec.chains.push_back(font::ChainSpec{role.name, role.chain});
        }
        loaded->fonts = font::FontSet::build(spec, diags, loaded->tmpl->file);
        // The template's own fonts are opened now, not lazily at the first character: a
        // truncated file, a non-font or a font without Japanese glyphs (E504/E505/E510) is the
        // template's mistake, reported once at its <font> element. Opened lazily, the only
        // symptom was an E520 for every character of the document (issue 6, hostile fonts).
        // Fallback fonts stay lazy (DESIGN §3: a fallback is opened only when needed).
        for (const auto& f : loaded->tmpl->fonts) {
            const auto index = loaded->fonts->find_face(f.id);
            if (f.fallback || !index || loaded->fonts->face(*index)) continue;
            for (Diagnostic d : loaded->fonts->load_diagnostics(*index)) {
                d.file = f.where.file;
                d.loc = f.where.loc;
                diags.report(std::move(d));
            }
        }
    }
    loaded->diagnostics = to_public(diags);
    templates.emplace(name, loaded);
    return loaded;
}

std::optional<model::Minutes> Engine::Impl::check(const Input& input, Diagnostics& diags) const {
    if (!input.error.empty()) {
        diags.error("E002", input.name, {}, input.error, "ファイルを読めません: " + input.error,
                    "check the path and the file's permissions", "パスとファイルの権限を確認してください");
        return std::nullopt;
    }
    auto doc = xml::read(input.bytes, input.name, schema.get(), xml::ReadOptions{}, diags);
    if (!doc || !doc->schema_valid || diags.has_errors()) return std::nullopt;
    auto minutes = model::build(*doc, diags);
    if (!minutes) return std::nullopt;
    model::check(*minutes, diags);
    return minutes;
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

const std::string& Engine::data_dir() const { return impl_->data_dir; }

std::unique_ptr<Engine> Engine::create(const EngineOptions& options, std::vector<Diagnostic>& out) {
    Diagnostics diags;
    auto impl = std::make_unique<Impl>();
    const auto dir = api::find_data_dir(options.data_dir, diags);
    if (!dir) {
        for (auto& d : to_public(diags)) out.push_back(std::move(d));
        return nullptr;
    }
    impl->data_dir = *dir;
    impl->templates_dir = *dir + "/templates";
    const std::string fonts_dir = options.fonts_dir.empty() ? *dir + "/fonts" : options.fonts_dir;
    impl->manifest_path = fonts_dir + "/fonts.xml";
    auto manifest = api::read_font_manifest(impl->manifest_path, diags);
    if (manifest) {
        impl->manifest = std::move(manifest->spec);
        impl->template_options.fonts.roles = manifest->roles;
        impl->template_options.fonts.font_ids = manifest->font_ids;
    }
    impl->schema = xml::minutes_schema(&diags);
    for (auto& d : to_public(diags)) out.push_back(std::move(d));
    if (diags.has_errors() || !impl->schema || !manifest) return nullptr;
    return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

ValidationResult Engine::validate(const Input& input) const {
    ValidationResult result;
    result.source = input.bytes;
    Diagnostics diags;
    impl_->check(input, diags);
    result.diagnostics = to_public(diags);
    return result;
}

RenderResult Engine::render(const Input& input, const RenderOptions& options) const {
    RenderResult result;
    result.source = input.bytes;
    Diagnostics diags;
    // Hands the result out by moving: returned as an lvalue reference, each `return finish()`
    // copied the source, the PDF and the XHTML (2 MB for 100 pages; bench/, issue 6).
    auto finish = [&]() -> RenderResult&& {
        result.diagnostics = to_public(diags);
        if (diags.has_errors()) {
            result.pdf.clear();
            result.xhtml.clear();
            result.dump.clear();
        }
        return std::move(result);
    };

    auto minutes = impl_->check(input, diags);
    if (!minutes || diags.has_errors()) return finish();
    if (options.dump == Dump::model) result.dump = model::dump(*minutes);

    const std::string template_name =
        options.template_name.empty() ? default_template_for(minutes->kind) : options.template_name;
    const auto loaded = impl_->load_template(template_name);
    for (const auto& d : loaded->diagnostics) diags.report(d);
    if (!loaded->tmpl || !loaded->fonts || diags.has_errors()) return finish();

    style::StyledDoc styled = style::resolve(*minutes, *loaded->tmpl, diags);
    if (diags.has_errors()) return finish();
    if (options.kinsoku) styled.kinsoku.level = to_style(*options.kinsoku);
    if (options.dump == Dump::styled) result.dump = style::dump(styled);
    if (options.dump == Dump::text) result.dump = api::plain_text(styled);

    if (options.xhtml) {
        xhtml::XhtmlOptions xo;
        xo.generator = std::string("gijiroku ") + version();
        // Names set with a fallback font in the PDF (𠮷 in IPAmj明朝) travel with the page as a
        // subset web font (issue 9); none for a document BIZ UD covers.
        xo.web_fonts = api::fallback_web_fonts(styled, *loaded->fonts, diags);
        result.xhtml = xhtml::write(styled, xo, diags);
        if (diags.has_errors()) return finish();
    }

    const bool need_layout = options.pdf || options.dump == Dump::lines || options.dump == Dump::pages;
    if (!need_layout) return finish();
    layout::LayoutOptions lo;
    lo.allow_base_glyph = options.allow_base_glyph;
    const font::FontSet& fonts = *loaded->fonts;
    auto laid_out = layout::layout(styled, fonts, lo, diags);
    if (!laid_out || diags.has_errors()) {
        // A character in none of the fonts (E520) may be missing only because a font of its
        // chain could not be opened (E501–E510): say which and why, first, so that the cause
        // is neither hidden behind nor dropped after a thousand E520s (Diagnostics' limit).
        const bool missing_characters = std::any_of(diags.all().begin(), diags.all().end(),
                                                    [](const Diagnostic& d) { return d.code == "E520"; });
        if (missing_characters) {
            Diagnostics causes;
            fonts.report_load_diagnostics(causes);
            causes.append(std::move(diags));
            diags = std::move(causes);
        }
        return finish();
    }
    if (options.dump == Dump::lines) result.dump = layout::dump_lines(*laid_out);
    if (options.dump == Dump::pages)
        result.dump = layout::dump_pages(laid_out->pages, laid_out->tree) + layout::dump_struct(laid_out->tree, &laid_out->pages);

    if (options.pdf) {
        pdf::PdfOptions po;
        po.producer = std::string("gijiroku ") + version();
        po.source_date_epoch = options.source_date_epoch;
        po.file = input.name;
        auto bytes = pdf::write(laid_out->pages, laid_out->tree, fonts, po, diags);
        if (bytes) result.pdf = std::move(*bytes);
    }
    return finish();
}

RenderResult Engine::render_to_files(const Input& input, const RenderOptions& options,
                                     const OutputPaths& paths) const {
    RenderOptions wanted = options;
    wanted.pdf = options.pdf || !paths.pdf.empty();
    wanted.xhtml = options.xhtml || !paths.xhtml.empty();
    RenderResult result = render(input, wanted);
    if (!result.ok()) return result;
    for (const auto& [path, bytes] : {std::pair{&paths.pdf, &result.pdf}, std::pair{&paths.xhtml, &result.xhtml}}) {
        if (path->empty()) continue;
        const std::string err = write_file_atomically(*path, *bytes);
        if (err.empty()) continue;
        // The message names the path and errno; the write left no partial file (DESIGN §3).
        Diagnostics diags;
        diags.error("E004", *path, {}, err, "出力ファイルを書けません: " + err,
                    "check that the folder exists, is writable and has free space",
                    "フォルダーがあること、書き込めること、空き容量があることを確認してください");
        for (const auto& d : diags.all()) result.diagnostics.push_back(d);
        break;
    }
    return result;
}

// ------------------------------------------------------------------ for api/import.cpp

namespace api {

std::shared_ptr<const style::Template> engine_template(const Engine::Impl& impl, const std::string& name,
                                                       Diagnostics& diags) {
    const auto loaded = impl.load_template(name);
    for (const auto& d : loaded->diagnostics) diags.report(d);
    if (!loaded->tmpl) return nullptr;
    return std::shared_ptr<const style::Template>(loaded, &*loaded->tmpl);
}

std::string default_template_for_kind(model::DocumentKind kind) { return default_template_for(kind); }

}  // namespace api

std::vector<TemplateInfo> Engine::templates() const {
    std::vector<TemplateInfo> out;
    for (const auto& t : style::list_templates(impl_->templates_dir)) {
        if (!t.valid) continue;
        out.push_back(TemplateInfo{t.id, t.description, t.path});
    }
    return out;
}

}  // namespace gijiroku
