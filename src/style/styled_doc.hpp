// style::StyledDoc — the minutes with the template applied: every word a reader sees, with
// its role. Made once by style::resolve (DESIGN §1); read by xhtml::write and by layout.
// Both print exactly the words held here, so the PDF and the XHTML say the same thing.
//
// The tree is a small semantic DOM. `Role` is the one role vocabulary both writers map from
// (PDF structure types, ISO 32000-1 §14.8.4; HTML elements):
//
//   Role              PDF (ISO 32000-1 Table 333..)      XHTML
//   document          Document                           <body>/<main>
//   section           Sect                               <section>
//   heading (level n) Hn                                 <hn>
//   paragraph         P                                  <p>
//   list              L                                  <ul> / <ol>
//   list_item         LI                                 <li>
//   label             Lbl                                (marker <span>, see xhtml/)
//   list_body         LBody                              (content of the <li>)
//   caption           Caption                            caption of a list/table
//   definition_list   Table                              <dl>
//   definition_item   TR                                 <div> inside <dl>
//   term              TH (Scope Row)                     <dt>
//   definition        TD                                 <dd>
//   table/row/header_cell/data_cell  Table/TR/TH/TD      <table>/<tr>/<th>/<td>
//   note              Note                               <p role="note"> / <aside>
//   block_quote       BlockQuote                         <blockquote>
//   line              (no element of its own; its words belong to the parent)  <span> shown as a block
//   span              Span (only when lang/actual text)  <span>
//   emphasis          Span                               <em>
//   quote             Quote                              <q>
//   link              Link (+ annotation)                <a href>
//   ruby              Ruby/RB/RT                         <ruby><rt>
//   time              (no element)                       <time datetime>
//   text              marked content                     text
//
// Layout rules a writer can rely on:
// - A node is either block-level or inline-level (`is_inline(role)`). A block node whose
//   children are all inline is one paragraph of text; a block node with block children is a
//   container. Block and inline children are never mixed in one node.
// - `line` is a block-level piece of a heading or paragraph that starts on a new line (the
//   two lines of the title: 「令和６年度 第３回 …」 / 「議事要旨」).
// - A `label` (or a span with `marker` set) that is the first child of a paragraph-level
//   node is set in the paragraph's marker box (hanging indent, BlockStyle::marker_width).
// - The one exception to "never mixed": a `list_item` is an optional `label` followed by one
//   `list_body` (PDF LI = Lbl + LBody). The label is set in the list_item style's marker box
//   (from start_indent, marker_width wide) and the first line of the list_body's first block
//   starts on the same line. A list_body holds paragraphs (and nested lists), or, in a list
//   with `inline_items`, its text directly.
// - A list with `inline_items` (attendee names) runs its items on as one paragraph; its
//   `caption`, when present, runs in as the first words of that paragraph (「（欠席）瀨委員、…」).
// - Lengths in BlockStyle are measured from the start of the measure, never from the parent:
//   nested blocks do not add up indents.
// - Every block node made by style::resolve has a style (-1 only when resolve reported E421
//   or in hand-made trees). A style a template does not define is a copy of its fallback under
//   the asked-for name (style::style_fallback), so `BlockStyle::name` says what the block is.
// - Words a template spreads or tracks (a `term` with BlockStyle::jidori, a `line` with
//   letter_spacing) hold the plain word (日時, 議事要旨): no spaces are ever inserted. In a
//   term, the marker span (「１」) goes in the marker box and jidori spreads the words after
//   it; a jidori narrower than the words leaves them solid. A tracked `line` carries the word
//   in `actual_text` as well (PDF /ActualText, ISO 32000-1 §14.9.4).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/node_id.hpp"
#include "core/source_loc.hpp"

namespace gijiroku::style {

enum class Role : std::uint8_t {
    // block level
    document,
    section,
    heading,
    paragraph,
    line,
    list,
    list_item,
    list_body,
    caption,
    definition_list,
    definition_item,
    term,
    definition,
    table,
    table_row,
    header_cell,
    data_cell,
    note,
    block_quote,
    // inline level
    label,
    span,
    emphasis,
    quote,
    link,
    ruby,
    time,
    text,
};

const char* role_name(Role role);  // "heading", "list_item", ... (used by dumps)
bool is_inline(Role role);         // label and everything after it

enum class Align : std::uint8_t { justify, start, center, end };

// How a block is set. Lengths in zw (全角: em of the page's body size) unless named _pt,
// so a template reads like a Japanese page specification (JLREQ §2.3).
struct BlockStyle {
    std::string name;                 // "title", "particular", "item-heading-1", "opinion", ...
    std::string font_role = "mincho"; // a role of the font manifest: mincho, gothic, gothic-bold
    double font_size_pt = 10.5;
    double line_pitch_pt = 0;         // baseline to baseline; 0 = the page's line pitch
    Align align = Align::justify;     // last line of a justified paragraph: start
    double start_indent = 0;          // left edge of the block, from the measure's start
    double first_line_indent = 0;     // extra indent of the first line (1 = 段落の字下げ)
    double marker_width = 0;          // marker box: text starts here on every line (hanging)
    double term_width = 0;            // definition_item: where the definition column starts
    double letter_spacing = 0;        // tracking between characters (議 事 要 旨 → 1)
    double jidori = 0;                // 均等割り: spread the text to this width (日時 → 3)
    double space_before = 0;          // in lines of the page's line pitch
    double space_after = 0;
    bool keep_with_next = false;      // headings: never the last thing on a page
};

// Page geometry (template's 基本版面). Points; origin top-left.
struct PageSetup {
    double width_pt = 595.276;   // A4 portrait
    double height_pt = 841.89;
    double margin_top_pt = 0, margin_bottom_pt = 0, margin_left_pt = 0, margin_right_pt = 0;
    double body_size_pt = 10.5;  // 1 zw
    int chars_per_line = 40;     // measure = chars_per_line × body_size
    int lines_per_page = 36;
    double line_pitch_pt = 18;
    std::string page_number_format;  // "- {n} -"; empty: no page numbers
    std::string running_head;        // empty: none
    std::string page_number_font_role = "mincho";
    double page_number_size_pt = 9;
    bool page_number_at_top = false;         // in the head area rather than the foot
    Align page_number_align = Align::center; // start / center / end of the measure
};

// A font file a template brings (absolute path, checked to lie inside the template's folder)
// and fallback chains that replace fonts/fonts.xml's for a role (fonts/README.md).
struct FontFile {
    std::string id;
    std::string path;
    std::string family;  // display name for messages
    bool bold = false;
    bool fallback = false;  // opened only when a character is missing from the faces before it
};

struct FontRoleChain {
    std::string role;                // mincho, gothic, gothic-bold, or a role of the template
    std::vector<std::string> chain;  // font ids (of fonts.xml or of `StyledDoc::fonts`)
};

struct Node {
    Role role = Role::paragraph;
    NodeId source;        // the model node this came from (for diagnostics); may be invalid
    int style = -1;       // index into StyledDoc::styles; block nodes only
    int level = 0;        // heading: 1..6; list: nesting depth from 1
    bool ordered = false; // list: numbered (<ol>) rather than marked
    bool inline_items = false;  // list: items run on as one paragraph (attendee names)
    bool marker = false;  // inline: set in the paragraph's marker box (（１） of a heading)
    std::string text;     // text: the characters (never normalised)
    std::string lang;     // BCP 47 when it differs from the parent's ("en")
    std::string alt;      // what assistive technology should say instead (→ : 回答)
    std::string actual_text;  // replacement text for extraction (spread or tracked words)
    std::string href;     // link
    std::string reading;  // ruby
    std::string datetime; // time: ISO 8601, "2025-03-25T18:30+09:00"
    std::string css_class;  // xhtml: a class for the template's CSS ("answer", "absent")
    std::vector<Node> children;
};

struct KinsokuSetting {
    enum class Level : std::uint8_t { very_strict, strict, loose };  // JLREQ levels 4, 3, 2
    Level level = Level::very_strict;
};

struct StyledDoc {
    std::string title;           // the document title as plain text (<title>, dc:title)
    std::string lang = "ja";
    std::string template_name;
    PageSetup page;
    KinsokuSetting kinsoku;
    double latin_spacing = 0.25; // 和欧間 in zw (JLREQ §3.2.6; 1/4 em)
    std::vector<BlockStyle> styles;
    std::vector<FontFile> fonts;           // the template's own font files (often empty)
    std::vector<FontRoleChain> font_roles; // chains replacing fonts.xml's (often empty)
    Node root;                   // role document
    std::string css;             // extra CSS from the template for the XHTML (may be empty)

    // For diagnostics in later stages: where each model NodeId came from.
    std::string source_file;
    std::vector<SourceLoc> locations;
    SourceLoc loc(NodeId id) const {
        return id.value < locations.size() ? locations[id.value] : SourceLoc{};
    }

    const BlockStyle* style_of(const Node& n) const {
        return n.style >= 0 && static_cast<std::size_t>(n.style) < styles.size() ? &styles[n.style] : nullptr;
    }
};

}  // namespace gijiroku::style
