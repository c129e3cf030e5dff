// layout::PageSet and layout::StructTree — the laid-out pages and the logical structure, the
// only input of pdf::write (DESIGN §1). Plain values: the PDF writer knows nothing about
// minutes, and nothing here knows about PDF syntax.
//
// Tagging follows Skia's and Typst's design: the structure tree is built during layout and
// each piece of page content carries a Mark naming the structure element it belongs to, or
// saying it is an artifact (ISO 32000-1 §14.8.2.2; ISO 14289-1 §7.1: all content is either
// tagged or an artifact).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/node_id.hpp"

namespace gijiroku::layout {

// ------------------------------------------------------------------ structure tree

// Standard structure types of ISO 32000-1 §14.8.4 used by the toolkit. The PDF writer maps
// them to names one to one (no role map is needed for standard types).
enum class StructType : std::uint8_t {
    Document, Part, Sect, Div, NonStruct,
    H1, H2, H3, H4, H5, H6,
    P, L, LI, Lbl, LBody, Caption,
    Table, TR, TH, TD,
    Note, Quote, BlockQuote, Span, Link,
    Ruby, RB, RT, Figure,
};

const char* struct_type_name(StructType t);  // "H1", "LBody", ...

enum class HeaderScope : std::uint8_t { none, row, column, both };

struct StructElement {
    StructType type = StructType::Span;
    int parent = -1;            // index in StructTree::elements; -1 only for the root
    std::vector<int> children;  // child elements in reading order
    NodeId source;              // model node, for diagnostics
    std::string lang;           // /Lang when it differs from the parent's (ISO 32000-1 §14.9.2)
    std::string alt;            // /Alt (ISO 32000-1 §14.9.3)
    std::string actual_text;    // /ActualText (ISO 32000-1 §14.9.4)
    std::string uri;            // Link: the target
    HeaderScope scope = HeaderScope::none;  // TH: /A << /O /Table /Scope /Row >>
    std::string id;             // /ID where one is required (Note: ISO 14289-1 §7.9)
};

// elements[0] is the Document element. Reading order is a depth-first walk. An element's
// own marked content and its child elements interleave in the order they first appear in
// the pages' runs (layout emits runs in reading order).
struct StructTree {
    std::vector<StructElement> elements;

    int add(StructType type, int parent, NodeId source = {});  // appends, links into parent
};

// ------------------------------------------------------------------ marks

enum class ArtifactKind : std::uint8_t {
    page_number,   // /Artifact << /Type /Pagination /Subtype /Footer >> (or Header)
    running_head,  // /Artifact << /Type /Pagination /Subtype /Header >>
    layout,        // rules and decoration: /Artifact << /Type /Layout >>
};

struct Mark {
    bool artifact = false;
    int element = -1;  // StructTree index when !artifact
    ArtifactKind artifact_kind = ArtifactKind::layout;
    bool at_top = false;  // page_number: in the header area rather than the footer

    static Mark structure(int element) { return Mark{false, element, ArtifactKind::layout, false}; }
    static Mark as_artifact(ArtifactKind k, bool top = false) { return Mark{true, -1, k, top}; }
};

// ------------------------------------------------------------------ page content

struct PlacedGlyph {
    std::uint32_t glyph = 0;  // glyph id in the face (never 0: .notdef is an error upstream)
    double x = 0;             // pen position of this glyph, pt, relative to the run's origin
    double y_offset = 0;      // pt, positive raises the glyph
    // Bytes [text_begin, text_end) of GlyphRun::text that this glyph shows. The first glyph of
    // a cluster owns the cluster's text; further glyphs of the same cluster have an empty range.
    std::uint32_t text_begin = 0;
    std::uint32_t text_end = 0;
};

struct GlyphRun {
    Point origin;              // start of the baseline, pt from the page's top-left corner
    std::uint32_t face = 0;    // face index in the font::FontSet the layout used
    double size_pt = 10.5;
    std::vector<PlacedGlyph> glyphs;
    std::string text;          // UTF-8: what the glyphs show, exactly as in the source
    Mark mark;
    // When set, what text extraction should read for this run instead of `text` (a word whose
    // characters are spread, e.g. 均等割り 「日　時」 → 「日時」). Usually empty: spacing is
    // positional, never made of space characters, so `text` already reads right.
    std::string actual_text;
    std::string lang;          // when the run's language differs from the document's
};

struct Rule {
    Point from, to;
    double width_pt = 0.5;
    Mark mark = Mark::as_artifact(ArtifactKind::layout);
};

struct LinkArea {
    Rect rect;             // pt, top-left origin
    std::string uri;
    int element = -1;      // the Link structure element (gets the OBJR, ISO 14289-1 §7.18.5)
    std::string contents;  // /Contents: the link's text or a description
};

struct Page {
    double width_pt = 595.276;
    double height_pt = 841.89;
    std::vector<GlyphRun> runs;   // in reading order
    std::vector<Rule> rules;
    std::vector<LinkArea> links;
    std::string label;            // page label (/PageLabels), "1"
};

struct Bookmark {
    std::string title;
    int level = 1;   // 1 = top
    int page = 0;    // index in PageSet::pages
    double y_pt = 0; // top of the heading, from the page top
};

struct PageSet {
    std::vector<Page> pages;
    std::vector<Bookmark> outline;  // from the headings, in order
    std::string title;              // document title (Info /Title, dc:title)
    std::string lang = "ja";        // /Lang of the catalog
};

}  // namespace gijiroku::layout
