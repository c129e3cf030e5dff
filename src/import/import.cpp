#include "import/import.hpp"

#include "core/utf8.hpp"
#include "import/blocks.hpp"
#include "import/classify.hpp"
#include "import/element.hpp"
#include "import/recognise.hpp"
#include "import/source_lines.hpp"
#include "import/validate.hpp"
#include "import/wording.hpp"

namespace gijiroku::import {

std::optional<std::string> import_text(std::string_view text, std::string_view file_name, const style::Template& tmpl,
                                       const ImportOptions& options, Diagnostics& diags) {
    auto lines = read_lines(text, file_name, options.max_bytes, diags);
    if (!lines) return std::nullopt;
    const std::vector<Block> blocks = make_blocks(*lines, file_name, diags, options.strict);
    const Wording wording(tmpl);
    auto root = classify(blocks, file_name, wording, options.strict, diags);
    if (!root || diags.has_errors()) return std::nullopt;
    const XmlText xml = write_xml(*root, "Imported by gijiroku import from " + std::string(file_name) + " with the template " +
                                             tmpl.id + ". Check the warnings it printed, then render.");
    if (!validate_xml(xml, file_name, options.xml_name, diags)) return std::nullopt;
    if (diags.has_errors()) return std::nullopt;
    return xml.xml;
}

std::optional<model::DocumentKind> guess_kind(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // Only the first lines: the title is at the top.
    std::size_t end = 0;
    for (int n = 0; n < 12 && end != std::string_view::npos; ++n) end = text.find('\n', end + 1);
    const std::string_view head = text.substr(0, end);
    if (!utf8::valid(head)) return std::nullopt;
    const U32 all = to_u32(head);
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t nl = all.find(U'\n', start);
        if (nl == U32::npos) nl = all.size();
        const U32View line = trim(U32View(all).substr(start, nl - start));
        if (auto k = kind_of_word(line)) return k;
        if (auto sp = line.find_last_of(U" 　"); sp != U32View::npos)
            if (auto k = kind_of_word(line.substr(sp + 1))) return k;
        // 「…町議会定例会会議録」: the kind straight after a name ending in 会 (as the classifier reads it).
        if (line.find_first_of(U" 　") == U32View::npos)
            for (std::size_t n : {std::size_t(4), std::size_t(3)})
                if (line.size() >= n + 3 && line[line.size() - n - 1] == U'会')
                    if (auto k = kind_of_word(line.substr(line.size() - n))) return k;
        start = nl + 1;
    }
    return std::nullopt;
}

}  // namespace gijiroku::import
