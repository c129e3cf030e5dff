// Where gijiroku's data (templates/, fonts/fonts.xml, schemas/) is. An installed binary finds
// it relative to itself, wherever the prefix is (issue 7); a build-tree binary finds the
// source tree's.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.hpp"

namespace gijiroku::api {

// In order: `explicit_dir` (EngineOptions::data_dir), $GIJIROKU_DATA_DIR, <dir of the
// executable>/../share/gijiroku, <dir of the library>/../share/gijiroku (an embedding
// program; ../../share/gijiroku under a multiarch libdir such as lib/x86_64-linux-gnu), the
// install prefix compiled in, the source tree compiled in. A folder counts when
// it holds templates/ and fonts/fonts.xml. None found: E001 naming every place tried.
std::optional<std::string> find_data_dir(const std::string& explicit_dir, Diagnostics& diags);

}  // namespace gijiroku::api
