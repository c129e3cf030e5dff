// Fuzz target "template": untrusted template bytes through style::load_template_bytes (the
// template schema, the E4xx checks, `extends` look-ups in templates/, font paths checked
// against the template's folder), then style::resolve of the seed minutes with every template
// that loads, and style::dump of the result. A template is data a city hall may publish; it
// must never crash the renderer (issue 6).
//
// The template is named as if it stood in a folder of its own under the build's temporary
// folder, so relative font paths are resolved against a folder with nothing in it and the
// real templates/ folder serves `extends`.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "fuzz_support.hpp"
#include "model/build.hpp"
#include "model/minutes.hpp"
#include "style/dump.hpp"
#include "style/resolve.hpp"
#include "style/template.hpp"
#include "xml/reader.hpp"
#include "xml/schema.hpp"

using namespace gijiroku;

namespace {

const std::string source_dir = GIJIROKU_SOURCE_DIR;

// The seed minutes (examples/tokyo-2025-03-25.xml), built once.
const model::Minutes& seed_minutes() {
    static const model::Minutes minutes = [] {
        std::ifstream in(source_dir + "/examples/tokyo-2025-03-25.xml", std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        Diagnostics diags;
        const auto schema = xml::minutes_schema(&diags);
        auto doc = schema ? xml::read(bytes.str(), "seed.xml", schema.get(), xml::ReadOptions{}, diags)
                          : std::nullopt;
        auto m = doc ? model::build(*doc, diags) : std::nullopt;
        if (!m) std::abort();  // the fuzz target is useless without its seed document
        return std::move(*m);
    }();
    return minutes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const model::Minutes& minutes = seed_minutes();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    Diagnostics diags;
    const auto tmpl = style::load_template_bytes(bytes, FUZZ_TEMPLATE_DIR "/fuzz-template.xml",
                                                 source_dir + "/templates", diags);
    fuzz::check_diagnostics(diags.all());
    if (tmpl) {
        Diagnostics resolved;
        const style::StyledDoc doc = style::resolve(minutes, *tmpl, resolved);
        fuzz::check_diagnostics(resolved.all());
        (void)style::dump(doc);
    }
    return 0;
}
