// import::import_text — plain text of minutes (copied out of a Word file, or `pdftotext -layout`
// of a PDF) → minutes XML (schemas/minutes.xsd), issue 8.
//
// The text goes through five stages, one file each:
//   1. source_lines  bytes → lines: UTF-8 only (Shift_JIS and UTF-16 are refused with a clear
//                    error), line ends normalised, form feeds, page numbers and running heads
//                    dropped, trailing spaces trimmed.
//   2. blocks        lines → blocks: hard-wrapped lines joined (no space between Japanese
//                    characters, one space between two Latin words), a block split by a page
//                    break joined, stray extraction spaces after 、。） removed with a note.
//   3. classify      blocks → an element tree: title, particulars (dates, attendees, handouts,
//                    …), items by numbering level, explanations, opinions, answers,
//                    supplements, Q&A, speaker turns, interjections, decisions, notes, 以上,
//                    contact. Wording is recognised with the chosen template's own patterns
//                    first, then with the spellings real minutes use.
//   4. write_xml     element tree → XML text (UTF-8, two-space indentation like examples/).
//   5. validate      the XML is read back against minutes.xsd and model::check; an import
//                    that does not validate is not returned.
//
// Honesty rules: nothing is dropped silently — a block that cannot be classified is kept as a
// paragraph in its place with a warning (W601) naming its line; characters are kept exactly
// (no normalisation of names); facts the text does not state are never invented (no item kind
// unless 報告事項 … is written, no speaker for an answer unless one is written).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/minutes.hpp"
#include "style/template.hpp"

namespace gijiroku::import {

struct ImportOptions {
    // Warnings about blocks that could not be classified (W6xx) become errors: nothing is
    // returned when there is one.
    bool strict = false;
    // Larger inputs are refused (E604). Minutes of 100 pages are about 300 KB of text.
    std::size_t max_bytes = 16 * 1024 * 1024;
    // The name the generated XML goes by in diagnostics of stage 5 that cannot be traced
    // back to a line of the text.
    std::string xml_name = "<imported XML>";
};

// Imports `text` (the bytes of `file_name`, which only labels diagnostics) using `tmpl`'s
// wording to recognise generated phrases. Returns the XML, or nullopt when an error was
// reported (E6xx, or an error of the validator).
std::optional<std::string> import_text(std::string_view text, std::string_view file_name,
                                       const style::Template& tmpl, const ImportOptions& options,
                                       Diagnostics& diags);

// The document kind the title of `text` names (議事要旨 → summary, 議事録 → record, 会議録 →
// proceedings, …), looked for in the first lines; nullopt when none is named. Used to pick a
// template when none is given. Never fails: bytes that are not UTF-8 give nullopt.
std::optional<model::DocumentKind> guess_kind(std::string_view text);

}  // namespace gijiroku::import
