// The web fonts of the XHTML (issue 9, item 4): the characters and variation sequences the PDF
// sets with a fallback font (IPAmj明朝 for 𠮷 U+20BB7, 葛 U+845B U+E0102, …) are embedded in the
// XHTML as a small subset of that font, so a reader who does not have it installed still sees
// the name as printed. Internal to the api module.
#pragma once

#include <vector>

#include "core/diagnostic.hpp"
#include "font/font_set.hpp"
#include "style/styled_doc.hpp"
#include "xhtml/xhtml.hpp"

namespace gijiroku::api {

// The fallback web fonts for `doc` set with `fonts`: one per face that the chain of some font
// role chooses, for some cluster of the document's visible text, instead of the role's primary
// face (the first face of the chain that opens), subset with font::subset_for_web to exactly
// those characters and sequences, in face order. Every text the XHTML shows counts: text nodes
// and ruby readings with the font role of their block (as layout assigns it), the running head
// and the page number format with the page number's role.
//
// A document whose characters are all in the primary faces gets an empty list and opens no
// fallback face: each cluster is looked up in the primary face's cmap, which layout opens
// anyway, and the chain goes further only for a cluster the primary face lacks (font::itemize).
// A cluster no face has (E520, reported by layout) adds nothing. A subset hb-subset cannot make
// is left out with W712 (the page then shows whatever font the reader has).
std::vector<xhtml::WebFont> fallback_web_fonts(const style::StyledDoc& doc, const font::FontSet& fonts,
                                                Diagnostics& diags);

}  // namespace gijiroku::api
