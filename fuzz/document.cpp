// Fuzz target "document": untrusted bytes through the validation half of the pipeline
// (DESIGN §1): xml::read against the minutes schema, model::build, model::check, model::dump;
// then the same bytes read without a schema and built, the path model::build promises never
// crashes on (model/build.hpp: "On an unvalidated document it never crashes"). Most mutations
// break the schema, so the second path is where the model code meets hostile trees.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostic.hpp"
#include "fuzz_support.hpp"
#include "model/build.hpp"
#include "model/check.hpp"
#include "model/dump.hpp"
#include "xml/reader.hpp"
#include "xml/schema.hpp"

using namespace gijiroku;

namespace {

void build_and_check(const xml::Document& doc, Diagnostics& diags) {
    auto minutes = model::build(doc, diags);
    if (!minutes) return;
    model::check(*minutes, diags);
    (void)model::dump(*minutes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto schema = xml::minutes_schema();
    if (!schema) std::abort();  // the built-in schema must always compile
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    Diagnostics validated;
    if (auto doc = xml::read(bytes, "fuzz.xml", schema.get(), xml::ReadOptions{}, validated))
        build_and_check(*doc, validated);
    fuzz::check_diagnostics(validated.all());
    fuzz::format_all(validated.all(), bytes);

    Diagnostics raw;
    if (auto doc = xml::read(bytes, "fuzz.xml", nullptr, xml::ReadOptions{}, raw)) build_and_check(*doc, raw);
    fuzz::check_diagnostics(raw.all());
    return 0;
}
