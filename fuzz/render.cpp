// Fuzz target "render": the whole pipeline from XML bytes, through the public API exactly as
// the CLI drives it (Engine::render with PDF and XHTML), then every diagnostic formatted with
// its source line as the CLI prints it. Whatever the bytes, the result is diagnostics or
// output, never a crash, a leak or a hang.
//
// Two kinds of input:
//   * bytes starting with '<' (or a UTF-8 byte order mark) are a whole document, rendered with
//     the template its kind selects;
//   * anything else is text: its lines are escaped and put into a small valid document (the
//     body name, an item title, a paragraph, a question, an answer, a table cell and a person's
//     name), and the first byte picks one of the three templates. Random XML rarely passes the
//     schema, so this is how arbitrary characters (combining marks, variation selectors, rare
//     kanji, Latin runs without break opportunities, brackets kinsoku must hold) reach line
//     breaking, font fallback, layout and the PDF writer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
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

std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

// The text's lines, escaped, in the slots of a valid minutes document (tests/data/model's
// dump-small.xml, reduced). A slot without a line keeps its ordinary words.
std::string document_around(std::string_view text) {
    const char* defaults[] = {"小委員会", "議題", "発言", "質問", "回答", "区分", "髙橋"};
    std::string slot[7];
    bool more = true;  // lines left (an empty line is an empty slot, on purpose)
    for (std::size_t i = 0; i < 7; ++i) {
        if (!more) {
            slot[i] = defaults[i];
            continue;
        }
        const std::size_t nl = text.find('\n');
        slot[i] = escaped(text.substr(0, nl));
        more = nl != std::string_view::npos;
        if (more) text = text.substr(nl + 1);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<minutes xmlns=\"urn:gijiroku:minutes:1\" version=\"1.0\" kind=\"record\">\n"
           "<header><body-name>" + slot[0] + "</body-name><session fiscal-year=\"R7\" number=\"2\"/></header>\n"
           "<particulars><datetime date=\"2025-06-12\" weekday=\"木\" start=\"10:00\" end=\"11:30\"/>\n"
           "<venue>第１会議室</venue><attendance><group id=\"m\" name=\"委員\">"
           "<person id=\"a\" name=\"" + slot[6] + "\" role=\"座長\"/></group></attendance></particulars>\n"
           "<proceedings><item><title>" + slot[1] + "</title>\n"
           "<speech by=\"a\"><p>" + slot[2] + "</p></speech>\n"
           "<qa><question by=\"a\">" + slot[3] + "</question><answer by=\"m\">" + slot[4] + "</answer></qa>\n"
           "<table><row><cell>" + slot[5] + "</cell></row></table></item></proceedings>\n"
           "<end/></minutes>\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    RenderOptions options;
    options.pdf = true;
    options.xhtml = true;
    const bool whole_document = !bytes.empty() && (bytes[0] == '<' || bytes[0] == '\xEF');
    std::string xml = bytes;
    if (!whole_document) {
        static const char* const templates[] = {"tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"};
        options.template_name = templates[bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]) % 3];
        xml = document_around(bytes.empty() ? std::string_view{} : std::string_view(bytes).substr(1));
    }
    const RenderResult result = engine().render(Input::from_memory("fuzz.xml", std::move(xml)), options);
    fuzz::check_diagnostics(result.diagnostics);
    fuzz::format_all(result.diagnostics, result.source);
    // For triage: GIJIROKU_FUZZ_VERBOSE=1 prints what the input came to.
    if (std::getenv("GIJIROKU_FUZZ_VERBOSE")) {
        std::fprintf(stderr, "render: %s, pdf %zu bytes, %zu diagnostics\n", result.ok() ? "ok" : "errors",
                     result.pdf.size(), result.diagnostics.size());
        for (const auto& d : result.diagnostics)
            std::fprintf(stderr, "  %s %u:%u %s\n", d.code.c_str(), d.loc.line, d.loc.column, d.message.c_str());
    }
    // The API's promise (gijiroku.hpp): no output when there is an error, output when asked and ok.
    if (!result.ok() && (!result.pdf.empty() || !result.xhtml.empty())) std::abort();
    if (result.ok() && (result.pdf.empty() || result.xhtml.empty())) std::abort();
    return 0;
}
