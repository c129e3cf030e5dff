// Stage 3 of import: blocks → the minutes element tree. The document is read in its
// conventional order — header (title, 速報, issuer, publication date), particulars (１ 日時 …),
// proceedings (items by numbering level with what they hold), 以上, contact — by small
// recognisers, the chosen template's wording first (wording.hpp), then common spellings.
//
// Every block ends up somewhere: a block no recogniser claims is kept as a paragraph in its
// place with a warning W601 naming its line (an error with `strict`).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "import/blocks.hpp"
#include "import/element.hpp"
#include "import/wording.hpp"

namespace gijiroku::import {

std::optional<Element> classify(const std::vector<Block>& blocks, std::string_view file, const Wording& wording,
                                bool strict, Diagnostics& diags);

}  // namespace gijiroku::import
