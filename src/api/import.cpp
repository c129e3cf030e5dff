// Engine::import_text: plain text → minutes XML through import::import_text (issue 8), with
// the template loaded the way render loads it, so the wording recognised is the wording that
// will be printed.
#include "api/engine_access.hpp"
#include "core/diagnostic.hpp"
#include "gijiroku/gijiroku.hpp"
#include "import/import.hpp"

namespace gijiroku {

ImportResult Engine::import_text(const Input& input, const ImportOptions& options) const {
    ImportResult result;
    result.source = input.bytes;
    Diagnostics diags;
    if (!input.error.empty()) {
        diags.error("E002", input.name, {}, input.error, "ファイルを読めません: " + input.error,
                    "check the path and the file's permissions", "パスとファイルの権限を確認してください");
        result.diagnostics = diags.all();
        return result;
    }
    std::string name = options.template_name;
    if (name.empty()) {
        const auto kind = gijiroku::import::guess_kind(input.bytes);
        name = api::default_template_for_kind(kind.value_or(model::DocumentKind::summary));
    }
    result.template_name = name;
    const auto tmpl = api::engine_template(*impl_, name, diags);
    if (!tmpl || diags.has_errors()) {
        result.diagnostics = diags.all();
        return result;
    }
    gijiroku::import::ImportOptions io;
    io.strict = options.strict;
    auto xml = gijiroku::import::import_text(input.bytes, input.name, *tmpl, io, diags);
    if (xml && !diags.has_errors()) result.xml = std::move(*xml);
    result.diagnostics = diags.all();
    return result;
}

}  // namespace gijiroku
