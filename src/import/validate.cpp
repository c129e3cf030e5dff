#include "import/validate.hpp"

#include <string>

#include "model/build.hpp"
#include "model/check.hpp"
#include "xml/reader.hpp"
#include "xml/schema.hpp"

namespace gijiroku::import {

bool validate_xml(const XmlText& x, std::string_view file, std::string_view xml_name, Diagnostics& diags) {
    Diagnostics local;
    local.set_limit(10000);
    auto schema = xml::minutes_schema(&local);
    if (schema) {
        auto doc = xml::read(x.xml, xml_name, schema.get(), xml::ReadOptions{}, local);
        if (doc && doc->schema_valid) {
            if (auto m = model::build(*doc, local)) model::check(*m, local);
        }
    }
    const std::size_t errors = local.error_count();
    for (Diagnostic d : local.all()) {
        if (d.file == xml_name && d.loc.line >= 1 && d.loc.line <= x.input_line.size() && x.input_line[d.loc.line - 1] != 0) {
            const std::uint32_t xml_line = d.loc.line;
            d.file = std::string(file);
            d.loc = {x.input_line[xml_line - 1], 0};
            d.message = "in the imported XML (line " + std::to_string(xml_line) + "): " + d.message;
            d.message_ja = "取り込んだ XML（" + std::to_string(xml_line) + "行目）: " + d.message_ja;
        }
        diags.report(std::move(d));
    }
    if (errors == 0) return true;
    diags.error("E606", std::string(file), {},
                "the imported XML does not validate (" + std::to_string(errors) + " error" + (errors == 1 ? "" : "s") +
                    " above); nothing is written",
                "取り込んだ XML が検証に通りません（上記のエラー " + std::to_string(errors) + " 件）。何も書き出しません",
                "correct the lines named above in the text and import again",
                "上に示した行をテキストで直してから、取り込み直してください");
    return false;
}

}  // namespace gijiroku::import
