// xhtml::visible_text: the words a sighted reader sees, read back from the XHTML itself (not
// from the StyledDoc), so the fidelity test checks what was really written.
//
// A small, strict reader of the XML that `write` produces: elements, attributes, character
// data, CDATA sections, comments, processing instructions and a DOCTYPE without an internal
// subset; the five predefined entities and character references. Anything else is
// "not well-formed" (nullopt). It is not a general XML parser and does not need to be: the
// end-to-end test also parses the output with real parsers (Python's expat, vnu, Chromium).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "xhtml/escape.hpp"
#include "xhtml/xhtml.hpp"

namespace gijiroku::xhtml {

namespace {

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == ':' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}
bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Marks the start of a table cell inside a row's line; U+0001 cannot occur in XML text.
constexpr char cell_separator = '\x01';

bool has_token(std::string_view list, std::string_view token) {
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && xml_space(list[i])) ++i;
        std::size_t j = i;
        while (j < list.size() && !xml_space(list[j])) ++j;
        if (list.substr(i, j - i) == token) return true;
        i = j;
    }
    return false;
}

// Elements that start and end a line of text, as the browser's default style sheet makes
// them blocks (HTML §15.3). Cells are separated by a tab within their row's line.
bool block_element(std::string_view n) {
    static constexpr std::string_view blocks[] = {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead",
        "tr", "ul"};
    return std::find(std::begin(blocks), std::end(blocks), n) != std::end(blocks);
}

bool skipped_element(std::string_view n) {
    return n == "head" || n == "title" || n == "style" || n == "script" || n == "template" ||
           n == "rt" || n == "rp";
}

struct Open {
    std::string name;
    bool block = false;
    bool skip = false;     // this subtree is not shown
    bool inline_list = false;  // class "inline": its <li> run on
    bool captioned = false;    // class "captioned": its .inline child runs on
};

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    std::optional<std::string> run() {
        bool root_seen = false;
        while (pos_ < s_.size()) {
            if (s_[pos_] != '<') {
                if (!char_data()) return std::nullopt;
                continue;
            }
            if (starts("<?")) {
                if (!skip_past("?>")) return std::nullopt;
            } else if (starts("<!--")) {
                if (!skip_past("-->")) return std::nullopt;
            } else if (starts("<![CDATA[")) {
                pos_ += 9;
                const auto end = s_.find("]]>", pos_);
                if (end == std::string_view::npos || stack_.empty()) return std::nullopt;
                add_text(s_.substr(pos_, end - pos_));
                pos_ = end + 3;
            } else if (starts("<!DOCTYPE")) {
                if (root_seen || s_.find('[', pos_) < s_.find('>', pos_)) return std::nullopt;
                if (!skip_past(">")) return std::nullopt;
            } else if (starts("</")) {
                if (!end_tag()) return std::nullopt;
            } else {
                if (stack_.empty() && root_seen) return std::nullopt;  // a second root
                root_seen = true;
                if (!start_tag()) return std::nullopt;
            }
        }
        if (!root_seen || !stack_.empty()) return std::nullopt;
        std::string out;
        for (const auto& l : lines_) {
            if (!out.empty()) out += '\n';
            out += l;
        }
        return out;
    }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
    std::vector<Open> stack_;
    std::vector<std::string> lines_;
    std::string line_;      // raw text of the current line
    bool in_body_ = false;

    bool starts(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }
    bool skip_past(std::string_view p) {
        const auto end = s_.find(p, pos_);
        if (end == std::string_view::npos) return false;
        pos_ = end + p.size();
        return true;
    }

    bool shown() const {
        if (!in_body_) return false;
        return std::none_of(stack_.begin(), stack_.end(), [](const Open& o) { return o.skip; });
    }

    void break_line() {
        // White space collapsed and trimmed as CSS does for normal text (CSS Text §4.1).
        std::string l;
        bool space = false;
        for (char c : line_) {
            if (xml_space(c)) {
                space = !l.empty() && l.back() != '\t';
                continue;
            }
            if (c == cell_separator) {
                space = false;
                if (!l.empty()) l += '\t';
                continue;
            }
            if (space) l += ' ';
            space = false;
            l += c;
        }
        line_.clear();
        if (!l.empty()) lines_.push_back(std::move(l));
    }

    void add_text(std::string_view t) {
        if (shown()) line_.append(t);
    }

    // Character data up to the next '<', with references resolved.
    bool char_data() {
        if (stack_.empty()) {
            // Only white space may stand outside the root element.
            while (pos_ < s_.size() && s_[pos_] != '<') {
                if (!xml_space(s_[pos_])) return false;
                ++pos_;
            }
            return true;
        }
        std::string t;
        while (pos_ < s_.size() && s_[pos_] != '<') {
            if (s_[pos_] == '&') {
                if (!reference(t)) return false;
            } else {
                if (s_[pos_] == '>' && t.size() >= 2 && t.compare(t.size() - 2, 2, "]]") == 0)
                    return false;  // "]]>" may not appear in character data (XML §2.4)
                t += s_[pos_++];
            }
        }
        add_text(t);
        return true;
    }

    bool reference(std::string& out) {
        const auto end = s_.find(';', pos_);
        if (end == std::string_view::npos || end - pos_ > 12) return false;
        const std::string_view ref = s_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = end + 1;
        if (ref == "amp") out += '&';
        else if (ref == "lt") out += '<';
        else if (ref == "gt") out += '>';
        else if (ref == "quot") out += '"';
        else if (ref == "apos") out += '\'';
        else if (ref.size() >= 2 && ref[0] == '#') {
            const bool hex = ref[1] == 'x';
            const std::string_view digits = ref.substr(hex ? 2 : 1);
            if (digits.empty()) return false;
            char32_t v = 0;
            for (char c : digits) {
                int d;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                else return false;
                v = v * (hex ? 16u : 10u) + static_cast<char32_t>(d);
                if (v > 0x10FFFF) return false;
            }
            if (!output_char_allowed(v)) return false;
            utf8::append(out, v);
        } else {
            return false;  // XHTML served as XML knows no other entities
        }
        return true;
    }

    bool start_tag() {
        ++pos_;
        const std::size_t n0 = pos_;
        while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
        if (pos_ == n0) return false;
        Open o;
        o.name = std::string(s_.substr(n0, pos_ - n0));
        std::string cls;
        bool hidden = false;
        std::vector<std::string> names;
        for (;;) {
            const std::size_t before = pos_;
            while (pos_ < s_.size() && xml_space(s_[pos_])) ++pos_;
            if (pos_ >= s_.size()) return false;
            if (s_[pos_] == '>' || starts("/>")) break;
            if (pos_ == before) return false;  // attributes need white space before them
            const std::size_t a0 = pos_;
            while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
            if (pos_ == a0) return false;
            std::string name(s_.substr(a0, pos_ - a0));
            if (std::find(names.begin(), names.end(), name) != names.end()) return false;
            names.push_back(name);
            while (pos_ < s_.size() && xml_space(s_[pos_])) ++pos_;
            if (pos_ >= s_.size() || s_[pos_] != '=') return false;
            ++pos_;
            while (pos_ < s_.size() && xml_space(s_[pos_])) ++pos_;
            if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) return false;
            const char q = s_[pos_++];
            std::string value;
            while (pos_ < s_.size() && s_[pos_] != q) {
                if (s_[pos_] == '<') return false;
                if (s_[pos_] == '&') {
                    if (!reference(value)) return false;
                } else {
                    value += s_[pos_++];
                }
            }
            if (pos_ >= s_.size()) return false;
            ++pos_;
            if (name == "class") cls = value;
            if (name == "hidden") hidden = true;
        }
        const bool empty = starts("/>");
        pos_ += empty ? 2 : 1;

        const Open* parent = stack_.empty() ? nullptr : &stack_.back();
        o.skip = hidden || skipped_element(o.name);
        o.inline_list = has_token(cls, "inline");
        o.captioned = has_token(cls, "captioned");
        o.block = block_element(o.name) || has_token(cls, "line");
        if (parent && o.name == "li" && parent->inline_list) o.block = false;
        if (parent && parent->captioned && o.inline_list) o.block = false;
        if (o.name == "br" && shown()) break_line();
        if (o.name == "body") in_body_ = true;
        if (o.name == "td" || o.name == "th") {
            if (parent && parent->name == "tr" && shown()) line_ += cell_separator;
        }

        if (o.block && shown()) break_line();
        if (empty) {
            if (o.block && shown()) break_line();
            return true;
        }
        stack_.push_back(std::move(o));
        return true;
    }

    bool end_tag() {
        pos_ += 2;
        const std::size_t n0 = pos_;
        while (pos_ < s_.size() && name_char(s_[pos_])) ++pos_;
        const std::string_view name = s_.substr(n0, pos_ - n0);
        while (pos_ < s_.size() && xml_space(s_[pos_])) ++pos_;
        if (pos_ >= s_.size() || s_[pos_] != '>') return false;
        ++pos_;
        if (stack_.empty() || stack_.back().name != name) return false;
        const bool block = stack_.back().block;
        const bool was_shown = shown();
        if (name == "body") {
            break_line();
            in_body_ = false;
        }
        stack_.pop_back();
        if (block && was_shown) break_line();
        return true;
    }
};

}  // namespace

std::optional<std::string> visible_text(std::string_view xhtml) {
    Reader r(xhtml);
    return r.run();
}

}  // namespace gijiroku::xhtml
