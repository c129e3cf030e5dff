// Fuzz target "render": the whole pipeline from XML bytes, through the public API exactly as
// the CLI drives it (Engine::render with PDF and XHTML, default template chosen by the
// document's kind), then every diagnostic formatted with its source line as the CLI prints it.
// Whatever the bytes, the result is diagnostics or output, never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "gijiroku/gijiroku.hpp"

using namespace gijiroku;

namespace {

const Engine& engine() {
    static const std::unique_ptr<Engine> e = [] {
        EngineOptions options;
        options.data_dir = GIJIROKU_SOURCE_DIR;
        std::vector<Diagnostic> setup;
        auto created = Engine::create(options, setup);
        if (!created) std::abort();  // no data folder: the target cannot test anything
        return created;
    }();
    return *e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    RenderOptions options;
    options.pdf = true;
    options.xhtml = true;
    const Input input = Input::from_memory("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
    const RenderResult result = engine().render(input, options);
    fuzz::check_diagnostics(result.diagnostics);
    fuzz::format_all(result.diagnostics, result.source);
    // The API's promise (gijiroku.hpp): no output when there is an error, output when asked and ok.
    if (!result.ok() && (!result.pdf.empty() || !result.xhtml.empty())) std::abort();
    if (result.ok() && (result.pdf.empty() || result.xhtml.empty())) std::abort();
    return 0;
}
