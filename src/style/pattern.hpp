// Wording patterns: how a template words a generated phrase (schemas/template.xsd <pattern>).
//
//   {name}     a value supplied by resolve (a person's name, a formatted date, …)
//   {?name}    prints nothing; a condition on the optional part it stands in
//   {@key}     a label word of the template (日時, 議事要旨 …)
//   [ … ]      an optional part: printed only when every {name} and {?name} directly in it is
//              non-empty (a nested [ … ] decides for itself). Optional parts nest.
//   \{ \} \[ \] \\  a literal brace, bracket or backslash
//
//   「（{speaker}から[{about}について]補足）」 → 「（岩﨑委員から多摩について補足）」, and without
//   `about` 「（冨田副会長から補足）」.
//
// Values are inline StyledDoc nodes, not strings, so a value can be a <time> element, a link or
// a quotation; literal text becomes text nodes.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "style/styled_doc.hpp"

namespace gijiroku::style {

struct PatternPart {
    enum class Kind : unsigned char { literal, value, condition, label, group };
    Kind kind = Kind::literal;
    std::string text;                // literal: the characters; value/condition/label: the name
    std::size_t offset = 0;          // byte offset in the pattern text (for diagnostics)
    std::vector<PatternPart> parts;  // group: its contents
};

struct CompiledPattern {
    std::vector<PatternPart> parts;
};

struct PatternError {
    std::string message;     // English
    std::string message_ja;  // Japanese
    std::size_t offset = 0;  // byte offset of the offending character
};

// Parses a pattern. On a syntax error (an unclosed { or [, a stray } or ], an empty name, a
// line break) returns nullopt and fills `error`.
std::optional<CompiledPattern> parse_pattern(std::string_view text, PatternError& error);

// Every {name} and {?name} of the pattern (with its offset), and every {@key}.
void pattern_names(const CompiledPattern& p, std::vector<const PatternPart*>& values,
                   std::vector<const PatternPart*>& labels);

// What a pattern's values are: for each name, the inline nodes to insert (an empty vector
// means "empty": the optional part that holds it is left out).
class PatternValues {
public:
    PatternValues& set(std::string name, std::vector<Node> nodes);
    PatternValues& set_text(std::string name, std::string text);  // "" → empty
    PatternValues& set_flag(std::string name, bool on);           // for {?name}
    const std::vector<Node>* find(std::string_view name) const;

private:
    std::vector<std::pair<std::string, std::vector<Node>>> values_;
};

// Expands a pattern into inline nodes. `label` gives the word of {@key} (parse-time checks
// make sure it exists). Adjacent text nodes are merged. A name that has no value is empty.
std::vector<Node> expand_pattern(const CompiledPattern& p, const PatternValues& values,
                                 const std::function<std::string(std::string_view)>& label);

// A text node.
Node text_node(std::string text);

// Appends `nodes` to `out`, merging a text node into a preceding text node.
void append_inline(std::vector<Node>& out, std::vector<Node> nodes);

// The characters of inline nodes, in order (alt and attributes excluded).
std::string plain_text(const std::vector<Node>& nodes);
std::string plain_text(const Node& node);

}  // namespace gijiroku::style
