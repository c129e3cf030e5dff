// model::build — a schema-valid xml::Document → model::Minutes (DESIGN §1).
//
// What build does:
//   * Gives every element and every kept text run a NodeId, in document order (a pre-order
//     walk: an element before its children), and records where each starts in
//     Minutes::locations. Text runs that the whitespace rule below empties get no id.
//   * Reads attribute values into typed fields (dates, times, numbers, enumerations), keeping
//     the attribute's position in each Located<> field so a check can point at it.
//   * Resolves the fiscal year ("2024", "令和6", "R6", "令和元", "H31") to the Gregorian year
//     it starts in (FiscalYear::start_year; 0 when no fiscal year was ever so named — check
//     reports that as E303).
//   * Registers every plain string field (names, body-name, interjections, ...) in
//     Minutes::strings with its position, for character-level checks.
//
// Whitespace rule. Content is never normalised: names and text keep their characters byte for
// byte (no NFC/NFKC, DESIGN §3). The only whitespace build removes is the whitespace that
// comes from laying out XML source, never whitespace an author typed on purpose:
//   1. Element-only content (minutes, header, attendance, group, item, opinions, speech, list,
//      table, row, contact, ...): whitespace between child elements is indentation and is
//      dropped.
//   2. Paragraph-level content (p, li, title, opinion/question/answer, note, decision, venue,
//      next-meeting, particular, handout, cell, caption, and simple text elements such as
//      body-name, issuer, office, interjection): XML white space (space, tab, line feed — not
//      U+3000 全角スペース) at the very start and end of the paragraph is removed. Inline
//      elements (em, q, span, link, ruby) are transparent for this rule; person-ref and
//      handout-ref count as printed characters.
//   3. Inside a paragraph, a run of XML white space that contains a line feed is a hard-wrapped
//      source line. It is removed entirely when a Japanese character (or a reference) stands
//      on either side — a line break in the XML must not put a space between Japanese
//      characters — and becomes one U+0020 when Western characters (JLREQ cl-24/25/27, i.e.
//      half-width Latin letters, digits and punctuation) stand on both sides, as in
//      "Education at a\n    Glance".
//   4. Every other character, including white space without a line feed ("A  B", a space
//      between two inline elements), is kept exactly.
// Text run positions stay exact: build anchors the first character of every source line of a
// run (Minutes::text_anchors), so Minutes::loc_in_text names the XML line and column.
#pragma once

#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/minutes.hpp"
#include "xml/document.hpp"

namespace gijiroku::model {

// The namespace of the minutes vocabulary (schemas/minutes.xsd).
inline constexpr std::string_view minutes_namespace = "urn:gijiroku:minutes:1";

// Builds the model of `doc`, which should have been read with xml::minutes_schema() and be
// schema-valid. Returns nullopt — with no further diagnostic — when doc.schema_valid is false
// (the E2xx errors already say why), and with E330 when the root is not a minutes element of
// the vocabulary's namespace. On an unvalidated document it never crashes: an element or text
// the vocabulary does not allow where it stands is skipped with E330. A value the schema
// accepts but the model cannot hold (a date after 9999, a number past 2^31) is E320.
std::optional<Minutes> build(const xml::Document& doc, Diagnostics& diags);

}  // namespace gijiroku::model
