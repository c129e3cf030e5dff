// Stage 5 of import: the generated XML is read back with the minutes schema and checked by
// model::check, as `gijiroku validate` would. Diagnostics about the XML are reported at the
// line of the text the element came from (the element tree remembers it), so the clerk
// corrects the text, not XML they have not seen.
#pragma once

#include <string_view>

#include "core/diagnostic.hpp"
#include "import/element.hpp"

namespace gijiroku::import {

// True when the XML is valid (warnings allowed). On failure an E606 error says that nothing
// is written, after the validator's own errors.
bool validate_xml(const XmlText& xml, std::string_view file, std::string_view xml_name, Diagnostics& diags);

}  // namespace gijiroku::import
