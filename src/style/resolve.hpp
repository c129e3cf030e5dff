// style::resolve — the minutes with a template applied (DESIGN §1). Every word a reader sees
// that the clerk did not type — 「１」「（１）」「・」「→」, 「日時」, the title line, the era date
// 「令和７年３月25日（火曜日）」, 「（岩﨑委員から多摩について補足）」, 「以上」 — is produced here,
// once, from the template's patterns, labels, marks and numbering. XHTML and PDF print the
// words of the resulting StyledDoc and nothing else.
//
// Structure (roles of styled_doc.hpp) for a summary such as the seed:
//   document
//     heading 1 (title) > line (title-line) 「令和６年度 第３回 …協議会」, line (title-kind) 「議事要旨」
//     definition_list (particulars) > definition_item > term [span(marker)「１」 + 「日時」]
//                                                      + definition [time … から time … まで]
//     section (proceedings) > heading 2 > section (item) > heading 3 [span(marker)「（１）」 + title]
//        paragraph 「事務局から資料説明」; section > heading 4 「（主な意見等）」 + list > list_item
//        [label「・」 + list_body > paragraph]; an answer is a nested list in the list_body of the
//        entry it answers, label 「→」 with alt 「回答」.
// Heading levels follow nesting and never skip a level (capped at 6).
//
// Digit style (template <digits>) applies to generated numbers only: dates, times, session and
// item numbers, counts, handout numbers. The clerk's own text is never rewritten.
//
// Diagnostics: E420 when the template cannot word something the minutes contain (a missing
// pattern, label or mark; names the template and the minutes line), E421 when no style fits.
#pragma once

#include "core/diagnostic.hpp"
#include "model/minutes.hpp"
#include "style/styled_doc.hpp"
#include "style/template.hpp"

namespace gijiroku::style {

StyledDoc resolve(const model::Minutes& minutes, const Template& tmpl, Diagnostics& diags);

// The number label of `n` in a numbering format: ({n}, katakana, 2) → 「（イ）」. Decimal
// numbers take the digit style: office 1 → 「１」, 12 → 「12」.
std::string number_label(const NumberFormat& format, int n, text::DigitStyle digits);

// The counter alone: (katakana, 1) → 「ア」; past the end of a finite sequence, decimal.
std::string counter_text(Counter counter, int n, text::DigitStyle digits);

}  // namespace gijiroku::style
