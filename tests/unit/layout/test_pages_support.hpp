// Support for the page builder's tests: a font-free stand-in for the paragraph engine and
// StyledDocs built by hand in the seed's shape (shared/seeds/000_5aba5523e865b097.txt), as
// style::resolve makes them with a Tokyo 議事要旨 template.
//
// The stand-in (stub_set) is deliberately simple, so that a test's expected positions can be
// worked out by hand: every character is one glyph (glyph id = code point) 1 em wide, ASCII
// ½ em; tracking is added between a piece's characters; lines are filled greedily and broken
// anywhere (no kinsoku, no justification: width = natural width); marker pieces sit at x = 0
// of the first line and the text starts at marker_width on every line (+ first_line_indent on
// the first); jidori spreads a one-line text evenly to jidori_pt; centre/end alignment shift
// the line. Ascent 0.88 em, descent 0.12 em of the largest piece.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/build_pages.hpp"
#include "layout/layout.hpp"
#include "style/styled_doc.hpp"

namespace pages_test {

using gijiroku::Diagnostics;
using gijiroku::layout::ParagraphSpec;
using gijiroku::layout::SetLine;
using gijiroku::style::Node;
using gijiroku::style::Role;

std::vector<SetLine> stub_set(const ParagraphSpec& spec, Diagnostics& diags);
gijiroku::layout::SetParagraphFn stub_setter();

Node text(std::string s);
Node marker(std::string s);                            // span, marker = true
Node label(std::string s, std::string alt = {});       // label with a text child
Node node(Role role, int style, std::vector<Node> children);
Node heading(int level, int style, std::vector<Node> children);

// Style indices of the seed docs.
enum SeedStyle : int {
    st_title, st_title_name, st_title_kind, st_particulars, st_particular, st_particular_term,
    st_particular_value, st_attendees, st_section_heading, st_item_heading, st_explanation,
    st_opinions_heading, st_opinion, st_opinion_text, st_answer, st_answer_text, st_plain,
};

// Tokyo page setup: A4, 10.5 pt, 40 zw × 36 lines at 18 pt, 「- {n} -」 in the foot.
gijiroku::style::PageSetup tokyo_page();
std::vector<gijiroku::style::BlockStyle> seed_styles();

// The seed: title (two lines, the second tracked), particulars 日時/会場/出席者, and the
// proceedings with `items` agenda items (the seed has 4; more repeat them) each with
// opinions, a supplement section and (in item 4) an answer.
gijiroku::style::StyledDoc seed_doc(int items = 4);

// A document of the seed's proceedings repeated `copies` times (for long-document tests).
gijiroku::style::StyledDoc repeated_doc(int copies);

// A plain document: `paragraphs` paragraphs with the given numbers of lines each (each line
// exactly fills the 40 zw measure), style st_plain. For pagination tests.
gijiroku::style::StyledDoc plain_doc(const std::vector<int>& lines_per_paragraph);

// A paragraph node whose text fills exactly `lines` lines of `chars` em each (stand-in).
Node filled_paragraph(int style, int lines, int chars = 40, char32_t fill = U'あ');

// Every run on the page set, in order, with its page index.
struct RunRef {
    int page;
    const gijiroku::layout::GlyphRun* run;
};
std::vector<RunRef> all_runs(const gijiroku::layout::PageSet& pages);

// Lays out with the stand-in; fails the test (via REQUIRE in the caller) on nullopt.
std::optional<gijiroku::layout::LayoutResult> lay_out(const gijiroku::style::StyledDoc& doc,
                                                     Diagnostics& diags,
                                                     const gijiroku::layout::LayoutOptions& options = {});

}  // namespace pages_test
