// xhtml::write — the accessible XHTML companion of the PDF (DESIGN §1, typesetting.md §5.3).
//
// Reads only a style::StyledDoc: every word on the page comes from it, so the XHTML and the
// PDF say the same thing. Writes one self-contained XHTML5 file in the XML serialization
// (to be served as application/xhtml+xml): an XML declaration, `<!DOCTYPE html>`, the root
// with `lang` and `xml:lang`, a `<title>`, embedded CSS for screen and print and nothing
// else: no scripts, no external resources.
//
// The role vocabulary of style/styled_doc.hpp maps to elements as follows:
//   document → <main> (a leading level-1 heading goes into <header class="title-block">);
//   section → <section>; heading → <h1>..<h6> (levels are checked: no skips, E702);
//   paragraph → <p>; line → <span class="line"> shown as a block;
//   list → <ul>/<ol> with `list-style: none` and the template's label as text in
//   <span class="lbl">, hung in the marker box (BlockStyle::marker_width; the list_body
//   needs no element of its own, its first paragraph takes the label). A label of an
//   unordered list without `alt` is aria-hidden: the list semantics already announce the
//   item, and NVDA would otherwise say 「ナカテン」 (typesetting.md §5.4). A label with
//   `alt` becomes role="img" with aria-label=alt, so 「→」 is announced as 「回答」;
//   inline-item lists (attendees) → <ul class="inline"> run on as text, with the
//   separators 「、」 as real text inside the items; a list caption → a <span>/<p> that
//   labels the list (aria-labelledby);
//   definition_list/item/term/definition → <dl>/<div>/<dt>/<dd>; table → <table> with
//   <th scope>; note → role="note"; block_quote → <blockquote>; emphasis → <em>;
//   quote → <q> (no generated quotation marks: the template wrote the brackets);
//   link → <a href> for http:, https: and mailto: only (anything else is refused, E701);
//   ruby → <ruby>base<rp>（</rp><rt>reading</rt><rp>）</rp></ruby>;
//   time → <time datetime> (an invalid datetime degrades to <span>, W706);
//   span with `lang` → <span lang xml:lang>.
//
// Spacing is never made of characters (typesetting.md §5.1, §5.3): a letter-spaced title
// (BlockStyle::letter_spacing) uses CSS letter-spacing, and 均等割り (BlockStyle::jidori)
// an inline-block of the target width with `text-align-last: justify`, so the text stays
// 「議事要旨」「日時」 for screen readers, search and copy. CSS adds no words.
//
// Output is deterministic: the same StyledDoc and options give byte-identical text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "style/styled_doc.hpp"

namespace gijiroku::xhtml {

// A font the page embeds for a few characters (issue 9): the characters and variation
// sequences of names that the PDF sets with a fallback font (IPAmj明朝 for 𠮷 U+20BB7), so a
// reader who does not have that font installed still sees the glyph the PDF prints. The writer
// emits
//   @font-face { font-family: "<family>"; src: url(data:font/ttf;base64,…);
//                unicode-range: <unicode_range>; }
// and lists the family in the font stack (--mincho / --gothic, see stylesheet.hpp) of each
// role in `font_roles`, right after the stack's primary family (BIZ UD), so the browser takes
// it only for characters that family lacks, and only for the code points of `unicode_range`.
// The text stays real text. The api module makes these (api/web_fonts.hpp); this module never
// opens a font.
struct WebFont {
    std::string family;          // CSS family name: letters, digits and '-' only
    std::string sfnt;            // the TrueType font file (written base64 in a data: URL)
    std::string unicode_range;   // "U+845B, U+20BB7, U+E0102" (font::css_unicode_range)
    std::vector<std::string> font_roles;  // "mincho", "gothic-bold", … whose stacks list it
};

struct XhtmlOptions {
    // Append StyledDoc::css (the template's CSS) after the toolkit's rules. Template CSS that
    // could load anything (@import, url(), image-set(), CSS escapes) is left out with W708.
    bool include_template_css = true;

    // Spread 均等割り labels (BlockStyle::jidori) on screen too. The Digital Agency advises
    // against spreading label characters on screen (typesetting.md §5.1: magnifier users
    // lose the word); with false the spread is kept for print only and screen labels are
    // plain start-aligned text. Default true: the official look on every medium.
    bool spread_labels_on_screen = true;

    // Justify paragraphs whose style says Align::justify on screen as well as in print.
    // Default false (see the comment in stylesheet.cpp for why).
    bool justify_on_screen = false;

    // Content of <meta name="generator">; empty = no such element. Give a fixed string
    // (no build time) to keep the output deterministic.
    std::string generator;

    // Web fonts to embed (empty: no @font-face at all, and the page is byte for byte what it
    // was before web fonts existed). A malformed entry (empty or non-ASCII family, a family
    // with other characters than letters, digits and '-', empty font data, a unicode-range
    // that is not a list of U+hex or U+hex-hex) is an error, E711.
    std::vector<WebFont> web_fonts;
};

// Writes `doc` as XHTML. Problems are reported to `diags` with file doc.source_file and the
// source location of the offending node (codes E701–E719 of docs/diagnostics.md). When
// write reports an error the result is empty, so a refused link or a broken heading outline
// can never reach a file; warnings (a character replaced, a datetime dropped) keep the
// document.
std::string write(const style::StyledDoc& doc, const XhtmlOptions& options, Diagnostics& diags);

// The text a sighted reader sees in an XHTML document written by `write`: the body's text
// in document order, one line per block (paragraph, heading, list item, dt, dd, table row
// with its cells separated by '\t', and each `line` span), white space collapsed and trimmed
// as CSS does, empty lines left out, lines joined with '\n'. Inline-item lists stay on
// their line. Left out: <head>, elements with the `hidden` attribute, and the ruby readings
// in <rt> with the fallback brackets in <rp> (they are not part of the running text; this is
// where the result can differ from Chromium's document.body.innerText, which is otherwise
// matched line for line on the documents `write` makes: tests/e2e/xhtml checks it). Text
// hidden only from assistive technology (aria-hidden bullets) is visible and kept. Returns
// nullopt when `xhtml` is not well-formed XML (unbalanced tags, an unknown entity, a bad
// character reference). For the fidelity test that compares the XHTML's words with the
// source document.
std::optional<std::string> visible_text(std::string_view xhtml);

}  // namespace gijiroku::xhtml
