// pdf::write — laid-out pages and their structure tree to a tagged PDF/UA-1 file (DESIGN §1,
// §3; ISO 14289-1 on ISO 32000-1, PDF 1.7).
//
// What the file contains:
//  * fonts: for each face the pages use, a Type0 font (/Identity-H) over a CIDFontType2 with a
//    compact hb-subset TrueType program, exact /W widths, a FontDescriptor with /CIDSet, and a
//    ToUnicode CMap that gives back exactly the text layout placed (font_embed.hpp);
//  * content: positioned glyph IDs in TJ arrays, rules as paths, all inside marked content
//    that is either tied to a structure element (MCID) or an /Artifact (content.hpp);
//  * structure: StructTreeRoot, the elements in order of first appearance, ParentTree, page
//    /StructParents, Link elements with OBJRs to their annotations, /Lang, /Alt, /ActualText,
//    TH scope, Note /ID with the IDTree (structure.hpp);
//  * document: catalog /Lang, /MarkInfo, /ViewerPreferences /DisplayDocTitle, XMP with
//    dc:title and pdfuaid:part 1 (xmp.hpp), Info /Title and /Producer, /Outlines, /PageLabels,
//    a content-derived /ID.
//
// The output is reproducible: the same input gives the same bytes (no clock; dates only from
// PdfOptions::source_date_epoch). libharu builds the object graph and serialises it
// (haru.hpp); nothing else of libharu is used.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "font/font_set.hpp"
#include "layout/page_set.hpp"

namespace gijiroku::pdf {

struct PdfOptions {
    // Info /Producer and XMP pdf:Producer, e.g. "gijiroku 0.1.0".
    std::string producer = "gijiroku";
    // Seconds since the Unix epoch (the SOURCE_DATE_EPOCH convention): sets Info /CreationDate
    // and /ModDate and the XMP dates. Without it the file carries no date at all.
    std::optional<std::int64_t> source_date_epoch;
    // Deflate content streams, font programs and CMaps (ISO 32000-1 §7.4.4). Off only to read
    // the file in a text editor while debugging; the XMP packet is never compressed.
    bool compress = true;
    // How diagnostics name the output (Diagnostic::file), e.g. the target path.
    std::string file;
};

// Writes the PDF. Returns the file's bytes, or nullopt after reporting at least one error to
// `diags` (E720–E739, docs/diagnostics.md): the caller then writes nothing. Input that only a
// bug in an earlier stage can produce (a glyph 0, an element index out of range, a broken
// structure tree, invalid UTF-8) is reported as such, never written. Warnings (W740–W759) do not
// stop the output: a structure element that received no content is left out (W740), a missing
// title is reported (W741).
//
// Runs in time linear in the size of the pages; 10,000 pages are fine (libharu 2.3.0's array
// and string limits are handled in haru.cpp, number trees are split into /Kids).
std::optional<std::string> write(const layout::PageSet& pages, const layout::StructTree& tree,
                                 const font::FontSet& fonts, const PdfOptions& options, Diagnostics& diags);

}  // namespace gijiroku::pdf
