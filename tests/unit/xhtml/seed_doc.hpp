// A StyledDoc built by hand for the seed minutes (shared/seeds/000_5aba5523e865b097.txt), as
// style::resolve is expected to produce it with a Tokyo 議事要旨 template: the two-line title,
// the particulars as a definition list with 均等割り labels and <time>s, attendees as inline
// lists with 「、」 inside the items and the absentees captioned 「（欠席）」, H2/H3/H4
// sections, opinion lists marked 「・」, the answer 「→」 said as 「回答」 nested in the
// opinion it answers, and supplements as sections with their bracketed headings.
#pragma once

#include <string>
#include <vector>

#include "style/styled_doc.hpp"

namespace gijiroku::xhtml::test {

style::Node text(std::string s);
style::Node label(std::string s, std::string alt = {});
style::Node node(style::Role role, int style, std::vector<style::Node> children);

// Style indices of seed_doc().
enum SeedStyle : int {
    st_title, st_title_name, st_title_kind, st_particulars, st_particular, st_particular_term,
    st_particular_value, st_section_heading, st_item_heading, st_explanation, st_opinions_heading,
    st_opinions, st_opinion, st_answer, st_supplement, st_supplement_heading, st_attendees,
};

style::StyledDoc seed_doc();

}  // namespace gijiroku::xhtml::test
