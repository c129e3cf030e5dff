// model::dump — a stable, human-readable text form of Minutes for golden tests (DESIGN §1:
// "each boundary type can be dumped as stable text; golden tests diff those dumps").
//
// One node per line, indented two spaces per level, in document order:
//
//   <kind> [key=value ...] @line:col
//
// e.g.
//   minutes kind=summary status=final version=1.0 lang=ja @9:1
//     header @10:3
//       body-name "東京都医療的ケア児支援地域協議会" @11:5
//       session fiscal-year=2024 start-year=2024 number=3 @12:5
//     ...
//           opinion by=iwasaki @72:9
//             text "多摩地域では…" @72:18
//
// Simple text elements (body-name, issuer, office, interjection) print their text on the
// element's line, at the element's position. `end` (the 以上 mark) is printed without a
// position: the model keeps only that it is there.
//
// Strings are in double quotes with \" \\ \n \t escaped and other control characters as
// \u{XX}; everything else (kanji, 﨑, variation selectors) is written as is, so a dump shows
// exactly the characters the model holds. Optional fields appear only when present. The format
// changes only together with the golden files that hold it.
#pragma once

#include <string>

#include "model/minutes.hpp"

namespace gijiroku::model {

// The dump of `minutes`, ending with a newline.
std::string dump(const Minutes& minutes);

}  // namespace gijiroku::model
