#include "style/pattern.hpp"

#include <utility>

namespace gijiroku::style {

namespace {

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

// Parses parts until `close` (']' inside a group, '\0' at top level). `pos` ends after the
// closing bracket.
bool parse_parts(std::string_view s, std::size_t& pos, bool in_group, std::vector<PatternPart>& out,
                 PatternError& error) {
    std::string literal;
    std::size_t literal_at = pos;
    auto flush = [&] {
        if (!literal.empty()) {
            out.push_back(PatternPart{PatternPart::Kind::literal, std::move(literal), literal_at, {}});
            literal.clear();
        }
    };
    const std::size_t group_start = pos == 0 ? 0 : pos - 1;
    while (pos < s.size()) {
        const char c = s[pos];
        if (c == '\n' || c == '\r' || c == '\t') {
            error = {"a pattern is one line: it contains a line break or tab",
                     "パターンに改行またはタブが含まれています（パターンは１行で書きます）", pos};
            return false;
        }
        if (c == '\\') {
            // \{ \} \[ \] \\ write the character itself. (Doubling, as in {{, would be ambiguous:
            // "]]" also closes two nested optional parts.)
            const char n = pos + 1 < s.size() ? s[pos + 1] : '\0';
            if (n != '{' && n != '}' && n != '[' && n != ']' && n != '\\') {
                error = {"a backslash escapes only { } [ ] or \\", "バックスラッシュで書けるのは { } [ ] \\ だけです", pos};
                return false;
            }
            if (literal.empty()) literal_at = pos;
            literal += n;
            pos += 2;
            continue;
        }
        if (c == '{') {
            flush();
            const std::size_t at = pos;
            ++pos;
            PatternPart::Kind kind = PatternPart::Kind::value;
            if (pos < s.size() && s[pos] == '?') {
                kind = PatternPart::Kind::condition;
                ++pos;
            } else if (pos < s.size() && s[pos] == '@') {
                kind = PatternPart::Kind::label;
                ++pos;
            }
            const std::size_t name_at = pos;
            while (pos < s.size() && name_char(s[pos])) ++pos;
            if (pos >= s.size() || s[pos] != '}') {
                error = {"unclosed or malformed placeholder: write {name}, {?name} or {@label} (a "
                         "literal brace is \\{ or \\})",
                         "プレースホルダーが閉じていないか不正です。{名前}・{?名前}・{@ラベル}の形で書きます"
                         "（波括弧そのものは \\{ または \\}）",
                         at};
                return false;
            }
            if (pos == name_at) {
                error = {"empty placeholder name", "プレースホルダーの名前が空です", at};
                return false;
            }
            out.push_back(PatternPart{kind, std::string(s.substr(name_at, pos - name_at)), at, {}});
            ++pos;
            literal_at = pos;
            continue;
        }
        if (c == '[') {
            flush();
            const std::size_t at = pos;
            ++pos;
            PatternPart group{PatternPart::Kind::group, {}, at, {}};
            if (!parse_parts(s, pos, true, group.parts, error)) return false;
            out.push_back(std::move(group));
            literal_at = pos;
            continue;
        }
        if (c == ']') {
            if (!in_group) {
                error = {"']' without a matching '[' (a literal bracket is \\])",
                         "対応する「[」のない「]」があります（角括弧そのものは \\]）", pos};
                return false;
            }
            flush();
            ++pos;
            return true;
        }
        if (c == '}') {
            error = {"'}' without a matching '{' (a literal brace is \\})",
                     "対応する「{」のない「}」があります（波括弧そのものは \\}）", pos};
            return false;
        }
        if (literal.empty()) literal_at = pos;
        literal += c;
        ++pos;
    }
    if (in_group) {
        error = {"optional part '[' is not closed with ']'", "任意部分の「[」が「]」で閉じていません",
                 group_start};
        return false;
    }
    flush();
    return true;
}

void collect(const std::vector<PatternPart>& parts, std::vector<const PatternPart*>& values,
             std::vector<const PatternPart*>& labels) {
    for (const PatternPart& p : parts) {
        switch (p.kind) {
            case PatternPart::Kind::value:
            case PatternPart::Kind::condition: values.push_back(&p); break;
            case PatternPart::Kind::label: labels.push_back(&p); break;
            case PatternPart::Kind::group: collect(p.parts, values, labels); break;
            case PatternPart::Kind::literal: break;
        }
    }
}

bool nonempty(const std::vector<Node>* nodes) {
    if (!nodes) return false;
    for (const Node& n : *nodes)
        if (n.role != Role::text || !n.text.empty()) return true;
    return false;
}

void expand(const std::vector<PatternPart>& parts, const PatternValues& values,
            const std::function<std::string(std::string_view)>& label, std::vector<Node>& out) {
    for (const PatternPart& p : parts) {
        switch (p.kind) {
            case PatternPart::Kind::literal: append_inline(out, {text_node(p.text)}); break;
            case PatternPart::Kind::label: append_inline(out, {text_node(label(p.text))}); break;
            case PatternPart::Kind::condition: break;
            case PatternPart::Kind::value:
                if (const std::vector<Node>* v = values.find(p.text)) append_inline(out, *v);
                break;
            case PatternPart::Kind::group: {
                bool print = true;
                for (const PatternPart& q : p.parts)
                    if ((q.kind == PatternPart::Kind::value || q.kind == PatternPart::Kind::condition) &&
                        !nonempty(values.find(q.text)))
                        print = false;
                if (print) expand(p.parts, values, label, out);
                break;
            }
        }
    }
}

void plain(const Node& n, std::string& out) {
    if (n.role == Role::text) out += n.text;
    for (const Node& c : n.children) plain(c, out);
}

}  // namespace

std::optional<CompiledPattern> parse_pattern(std::string_view text, PatternError& error) {
    CompiledPattern p;
    std::size_t pos = 0;
    if (!parse_parts(text, pos, false, p.parts, error)) return std::nullopt;
    return p;
}

void pattern_names(const CompiledPattern& p, std::vector<const PatternPart*>& values,
                   std::vector<const PatternPart*>& labels) {
    collect(p.parts, values, labels);
}

PatternValues& PatternValues::set(std::string name, std::vector<Node> nodes) {
    for (auto& [k, v] : values_)
        if (k == name) {
            v = std::move(nodes);
            return *this;
        }
    values_.emplace_back(std::move(name), std::move(nodes));
    return *this;
}

PatternValues& PatternValues::set_text(std::string name, std::string text) {
    std::vector<Node> nodes;
    if (!text.empty()) nodes.push_back(text_node(std::move(text)));
    return set(std::move(name), std::move(nodes));
}

PatternValues& PatternValues::set_flag(std::string name, bool on) {
    std::vector<Node> nodes;
    // A flag's value is never printed ({?name}); a non-empty marker node makes it "present".
    if (on) nodes.push_back(text_node("1"));
    return set(std::move(name), std::move(nodes));
}

const std::vector<Node>* PatternValues::find(std::string_view name) const {
    for (const auto& [k, v] : values_)
        if (k == name) return &v;
    return nullptr;
}

std::vector<Node> expand_pattern(const CompiledPattern& p, const PatternValues& values,
                                 const std::function<std::string(std::string_view)>& label) {
    std::vector<Node> out;
    expand(p.parts, values, label, out);
    return out;
}

Node text_node(std::string text) {
    Node n;
    n.role = Role::text;
    n.text = std::move(text);
    return n;
}

void append_inline(std::vector<Node>& out, std::vector<Node> nodes) {
    for (Node& n : nodes) {
        if (n.role == Role::text) {
            if (n.text.empty()) continue;
            // Merge with the text before unless both came from different places in the XML
            // (generated words carry no source: they take their neighbour's, so a diagnostic
            // about 「（岩﨑委員から…補足）」 still names the person element that holds 岩﨑).
            if (!out.empty() && out.back().role == Role::text && out.back().lang == n.lang &&
                (!n.source || !out.back().source || n.source == out.back().source)) {
                if (!out.back().source) out.back().source = n.source;
                out.back().text += n.text;
                continue;
            }
        }
        out.push_back(std::move(n));
    }
}

std::string plain_text(const std::vector<Node>& nodes) {
    std::string out;
    for (const Node& n : nodes) plain(n, out);
    return out;
}

std::string plain_text(const Node& node) {
    std::string out;
    plain(node, out);
    return out;
}

}  // namespace gijiroku::style
