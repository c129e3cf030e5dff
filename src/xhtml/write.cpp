// xhtml::write: StyledDoc → XHTML5 (XML serialization). See xhtml.hpp for the mapping.
//
// The body is written first, so the stylesheet knows which indentation classes the document
// uses; then the head and the body are put together. Block elements go on lines of their
// own, indented two spaces per level; everything inline is written on one line without any
// white space between elements, because white space inside Japanese text would be shown as a
// space (CSS Text §4.1.2 leaves the removal of segment breaks between CJK characters to the
// user agent, and Chromium keeps them).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "xhtml/escape.hpp"
#include "xhtml/stylesheet.hpp"
#include "xhtml/web_fonts.hpp"
#include "xhtml/xhtml.hpp"

namespace gijiroku::xhtml {

namespace {

using style::BlockStyle;
using style::Node;
using style::Role;
using style::StyledDoc;

struct Attr {
    std::string name;
    std::string value;
};
using Attrs = std::vector<Attr>;

// Where a block sits, in zw from the start of the measure (template.xsd: indents are
// measured from the start of the measure, not from the parent).
struct Ctx {
    double origin = 0;   // where the enclosing block's content starts
    double column = 0;   // start of the enclosing column: 0 in <main>, the term column in <dd>
    double term_column = 0;      // inside a definition_item: where its definitions start
    bool unordered_item = false; // inside an item of a <ul>: an alt-less marker is decoration
    double marker_start = 0;     // where the marker box of the nearest styled block starts
    double font_scale = 1;       // the nearest styled block's font size over the body size
};

void collect_plain(const Node& n, std::string& out) {
    out += n.text;
    for (const Node& c : n.children) collect_plain(c, out);
}

// Width of a label in em of its own font, for the fonts the toolkit ships: BIZ UD明朝 and
// ゴシック are monospaced, full-width characters 1 em, the rest 0.5 em. Characters from
// U+2000 on are taken as full width (arrows, ※, ・, kana, kanji, full-width forms) except the
// half-width forms U+FF61..U+FFDC and U+FFE8..U+FFEE; in Japanese fonts the ambiguous-width
// symbols are full width (UAX #11 §5).
double label_width_em(const Node& n) {
    std::string s;
    collect_plain(n, s);
    double w = 0;
    for (char32_t c : utf8::decode(s)) {
        if (c >= 0xFE00 && c <= 0xFE0F) continue;  // variation selectors have no width
        if (c >= 0xE0100 && c <= 0xE01EF) continue;
        const bool half = c < 0x2000 || (c >= 0xFF61 && c <= 0xFFDC) || (c >= 0xFFE8 && c <= 0xFFEE);
        w += half ? 0.5 : 1.0;
    }
    return w;
}

bool paragraph_like(const Node& n) {
    // Inline children only, or lines only (each line holding inline children).
    if (n.children.empty()) return true;
    const bool all_inline = std::all_of(n.children.begin(), n.children.end(),
                                        [](const Node& c) { return style::is_inline(c.role); });
    if (all_inline) return true;
    return std::all_of(n.children.begin(), n.children.end(), [](const Node& c) {
        return c.role == Role::line &&
               std::all_of(c.children.begin(), c.children.end(),
                           [](const Node& g) { return style::is_inline(g.role); });
    });
}

bool is_marker_node(const Node& n) {
    return n.role == Role::label || (n.role == Role::span && n.marker);
}

// A list_body that needs no element of its own.
// Its style places nothing of its own: the label goes in the list_item's marker box and the
// body's blocks carry their own styles (styled_doc.hpp), so only a language or a template
// class needs a wrapper.
bool bare_body(const Node& n) { return n.lang.empty() && n.css_class.empty(); }

// An item made of labels and one bare list_body of inline content (no lines): it can be
// written as one <li> line. Returns that body, or nullptr.
const Node* flat_item_body(const Node& item) {
    if (item.children.size() < 2) return nullptr;
    const Node& last = item.children.back();
    if (last.role != Role::list_body || !bare_body(last) || last.children.empty()) return nullptr;
    if (!std::all_of(last.children.begin(), last.children.end(),
                     [](const Node& c) { return style::is_inline(c.role); }))
        return nullptr;
    for (std::size_t i = 0; i + 1 < item.children.size(); ++i)
        if (!is_marker_node(item.children[i])) return nullptr;
    return &last;
}

bool has_visible_text(const Node& n) {
    for (unsigned char c : n.text)
        if (c > 0x20) return true;
    return std::any_of(n.children.begin(), n.children.end(),
                       [](const Node& c) { return has_visible_text(c); });
}

void collect_text(const Node& n, std::string& out) {
    if (n.role == Role::line && !out.empty()) out += ' ';
    out += n.text;
    for (const Node& c : n.children) collect_text(c, out);
}

// White space runs (ASCII, as in XML and CSS) to one space, trimmed.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// "s-" + the style's name with anything but [A-Za-z0-9_-] turned into '-'.
std::string class_for_style(const BlockStyle& s, std::size_t index) {
    std::string name;
    for (char c : s.name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        name += ok ? c : '-';
    }
    if (name.empty()) name = std::to_string(index);
    return "s-" + name;
}

std::string indent_class(double zw) {
    std::string v = css_number(zw);
    for (char& c : v) {
        if (c == '-') c = 'm';
        if (c == '.') c = '_';
    }
    return "ind-" + v;
}

class Writer {
public:
    Writer(const StyledDoc& doc, const XhtmlOptions& options, Diagnostics& diags)
        : doc_(doc), options_(options), diags_(diags) {
        std::map<std::string, int> seen;
        for (std::size_t i = 0; i < doc_.styles.size(); ++i) {
            std::string c = class_for_style(doc_.styles[i], i);
            if (seen[c]++ > 0) c += "-" + std::to_string(i);
            style_classes_.push_back(std::move(c));
        }
    }

    std::string run();

private:
    const StyledDoc& doc_;
    const XhtmlOptions& options_;
    Diagnostics& diags_;

    std::vector<std::string> style_classes_;
    std::map<std::string, double> indents_;
    std::map<std::string, double> pulls_;  // "pull-1" → margin-inline-start -1 of a marker label
    std::map<std::string, double> gaps_;   // "gap-1" → margin-inline-end 1 of a marker label
    std::string body_;
    int depth_ = 0;
    std::vector<const Node*> pending_labels_;  // labels waiting for their paragraph
    Ctx pending_ctx_;
    int next_id_ = 1;
    int link_depth_ = 0;
    int last_heading_ = 0;
    std::size_t errors_ = 0;

    // ---------------------------------------------------------------- diagnostics
    void error(const char* code, const Node& n, std::string en, std::string ja, std::string hint = {},
               std::string hint_ja = {}) {
        ++errors_;
        diags_.error(code, doc_.source_file, doc_.loc(n.source), std::move(en), std::move(ja),
                     std::move(hint), std::move(hint_ja));
    }
    void warning(const char* code, const Node& n, std::string en, std::string ja, std::string hint = {},
                 std::string hint_ja = {}) {
        diags_.warning(code, doc_.source_file, doc_.loc(n.source), std::move(en), std::move(ja),
                       std::move(hint), std::move(hint_ja));
    }
    void structure_error(const Node& n, const char* where) {
        error("E709", n,
              std::string("internal error: a StyledDoc ") + style::role_name(n.role) + " node inside " +
                  where + " has no XHTML equivalent",
              std::string("内部エラー：StyledDoc の ") + style::role_name(n.role) + " ノード（" + where +
                  " の中）を XHTML に対応付けられません",
              "this is a bug in the template resolution; please report it with the input file",
              "テンプレート適用処理の不具合です。入力ファイルを添えて報告してください");
    }

    // ---------------------------------------------------------------- escaping
    void text(std::string& out, std::string_view s, const Node& n) {
        EscapeReport r;
        append_text(out, s, r);
        report_escape(r, n);
    }
    void attr_value(std::string& out, std::string_view s, const Node* n) {
        EscapeReport r;
        append_attribute(out, s, r);
        if (n) report_escape(r, *n);
    }
    void report_escape(const EscapeReport& r, const Node& n) {
        if (r.replaced == 0) return;
        const std::string what = r.first_was_bad_utf8 ? std::string("an invalid UTF-8 byte")
                                                      : utf8::code_point_name(r.first);
        const std::string what_ja = r.first_was_bad_utf8 ? std::string("不正な UTF-8 のバイト")
                                                         : utf8::code_point_name(r.first);
        warning("W705", n,
                std::to_string(r.replaced) + " character(s) that XHTML cannot hold (first: " + what +
                    ") replaced by U+FFFD",
                "XHTML に書けない文字 " + std::to_string(r.replaced) + " 個（最初は " + what_ja +
                    "）を U+FFFD に置き換えました",
                "remove control characters from the text", "本文から制御文字を取り除いてください");
    }

    std::string attrs_string(const Attrs& attrs, const Node* n) {
        std::string out;
        for (const Attr& a : attrs) {
            out += ' ';
            out += a.name;
            out += "=\"";
            attr_value(out, a.value, n);
            out += '"';
        }
        return out;
    }

    // ---------------------------------------------------------------- layout
    void newline() {
        body_ += '\n';
        body_.append(static_cast<std::size_t>(6 + 2 * depth_), ' ');  // inside <main>
    }
    void open(std::string_view tag, const Attrs& attrs, const Node* n) {
        newline();
        body_ += '<';
        body_ += tag;
        body_ += attrs_string(attrs, n);
        body_ += '>';
        ++depth_;
    }
    void close(std::string_view tag) {
        --depth_;
        newline();
        body_ += "</";
        body_ += tag;
        body_ += '>';
    }

    void add_lang(Attrs& attrs, const Node& n) {
        if (n.lang.empty()) return;
        if (!valid_language_tag(n.lang)) {
            warning("W707", n, "the language tag \"" + n.lang + "\" is not well-formed and was left out",
                    "言語タグ「" + n.lang + "」の形式が正しくないため出力しませんでした",
                    "use a BCP 47 tag such as en or zh-Hant", "en、zh-Hant などの BCP 47 タグを使ってください");
            return;
        }
        attrs.push_back({"lang", n.lang});
        attrs.push_back({"xml:lang", n.lang});
    }

    // Classes and placement of a block: its style's class, an indentation class when its
    // start differs from where its parent's content starts, the template's class; `child`
    // receives where the block's own content starts.
    Attrs block_attrs(const Node& n, const Ctx& ctx, Ctx& child, std::vector<std::string> classes) {
        child = ctx;
        if (const BlockStyle* s = doc_.style_of(n)) {
            classes.push_back(style_classes_[static_cast<std::size_t>(n.style)]);
            // A block never starts left of its column (a value never slides under its term).
            const double start = std::max(s->start_indent, ctx.column);
            const double rel = start - ctx.origin;
            if (std::fabs(rel) > 1e-6) {
                std::string c = indent_class(rel);
                indents_.emplace(c, std::stod(css_number(rel)));
                classes.push_back(std::move(c));
            }
            child.origin = start + s->marker_width;
            child.marker_start = start;
            child.font_scale = (s->font_size_pt > 0 ? s->font_size_pt : doc_.page.body_size_pt) /
                               (doc_.page.body_size_pt > 0 ? doc_.page.body_size_pt : 10.5);
        }
        if (!n.css_class.empty()) classes.push_back(n.css_class);
        Attrs attrs;
        if (!classes.empty()) {
            std::string joined;
            for (const auto& c : classes) {
                if (!joined.empty()) joined += ' ';
                joined += c;
            }
            attrs.push_back({"class", joined});
        }
        add_lang(attrs, n);
        return attrs;
    }

    // ---------------------------------------------------------------- inline content
    // A label. In the marker box it is an inline element pulled back from where the text of
    // its paragraph (`para`) starts to where the marker box of its owner (`owner`: the
    // paragraph itself, or the list_item of a Lbl carried into the LBody's first paragraph)
    // starts, with an end margin filling the box. Not an inline-block: Chromium puts a space
    // after an inline-block in the accessible name (「（１） 令和…」), and the heading outline
    // must read as the PDF's (DESIGN §1).
    void label(std::string& out, const Node& n, bool marker, const Ctx& owner, const Ctx& para) {
        Attrs attrs;
        std::string cls = marker ? "lbl" : "";
        if (marker) {
            const double pull = para.origin - owner.marker_start;
            const double gap = pull - label_width_em(n) * para.font_scale;
            const auto add = [&](std::map<std::string, double>& table, const char* prefix, double v) {
                std::string name = css_number(v);
                for (char& c : name)
                    if (c == '.') c = '_';
                name = prefix + name;
                table.emplace(name, std::stod(css_number(v)));
                cls += " " + name;
            };
            if (pull > 1e-6) add(pulls_, "pull-", pull);
            if (gap > 1e-6) add(gaps_, "gap-", gap);
        }
        if (!n.css_class.empty()) cls += (cls.empty() ? "" : " ") + n.css_class;
        if (!cls.empty()) attrs.push_back({"class", cls});
        add_lang(attrs, n);
        if (!n.alt.empty()) {
            // Said as its alt (「→」 as 「回答」, typesetting.md §5.4): an image of a word.
            attrs.push_back({"role", "img"});
            attrs.push_back({"aria-label", n.alt});
        } else if (marker && owner.unordered_item) {
            // The list already says "item"; NVDA would add 「ナカテン」.
            attrs.push_back({"aria-hidden", "true"});
        }
        out += "<span" + attrs_string(attrs, &n) + ">";
        inline_content_of(out, n, para);
        out += "</span>";
    }

    void inline_content_of(std::string& out, const Node& n, const Ctx& ctx) {
        text(out, n.text, n);
        for (const Node& c : n.children) inline_node(out, c, ctx);
    }

    void element(std::string& out, const char* tag, Attrs attrs, const Node& n, const Ctx& ctx) {
        out += '<';
        out += tag;
        out += attrs_string(attrs, &n);
        out += '>';
        inline_content_of(out, n, ctx);
        out += "</";
        out += tag;
        out += '>';
    }

    Attrs inline_attrs(const Node& n) {
        Attrs attrs;
        if (!n.css_class.empty()) attrs.push_back({"class", n.css_class});
        add_lang(attrs, n);
        return attrs;
    }

    void inline_node(std::string& out, const Node& n, const Ctx& ctx) {
        switch (n.role) {
            case Role::text: text(out, n.text, n); return;
            case Role::label: label(out, n, false, ctx, ctx); return;
            case Role::span: {
                if (n.marker) return label(out, n, false, ctx, ctx);
                Attrs attrs = inline_attrs(n);
                if (attrs.empty()) return inline_content_of(out, n, ctx);
                return element(out, "span", std::move(attrs), n, ctx);
            }
            case Role::emphasis: return element(out, "em", inline_attrs(n), n, ctx);
            case Role::quote: return element(out, "q", inline_attrs(n), n, ctx);
            case Role::link: return link(out, n, ctx);
            case Role::ruby: {
                Attrs attrs = inline_attrs(n);
                if (n.reading.empty()) return element(out, "span", std::move(attrs), n, ctx);
                out += "<ruby" + attrs_string(attrs, &n) + ">";
                inline_content_of(out, n, ctx);
                // <rp> brackets for readers without ruby support (HTML §4.5.12).
                out += "<rp>（</rp><rt>";
                text(out, n.reading, n);
                out += "</rt><rp>）</rp></ruby>";
                return;
            }
            case Role::time: {
                Attrs attrs = inline_attrs(n);
                if (valid_datetime(n.datetime)) {
                    attrs.insert(attrs.begin(), {"datetime", n.datetime});
                    return element(out, "time", std::move(attrs), n, ctx);
                }
                warning("W706", n,
                        "the date/time value \"" + n.datetime +
                            "\" is not a valid HTML datetime; written without <time>",
                        "日時の値「" + n.datetime + "」は HTML の datetime として正しくないため <time> を付けずに出力しました");
                return element(out, "span", std::move(attrs), n, ctx);
            }
            default: structure_error(n, "inline text"); return;
        }
    }

    void link(std::string& out, const Node& n, const Ctx& ctx) {
        if (link_depth_ > 0) {
            warning("W710", n, "a link inside a link was written as plain text",
                    "リンクの中のリンクは通常の文字列として出力しました");
            return inline_content_of(out, n, ctx);
        }
        std::string why;
        const auto href = checked_href(n.href, why);
        if (!href) {
            error("E701", n, "link target refused: " + why,
                  "リンク先を出力できません：" + why,
                  "only http:, https: and mailto: links can be published",
                  "リンク先は http:、https:、mailto: のいずれかにしてください");
            return inline_content_of(out, n, ctx);
        }
        Attrs attrs = inline_attrs(n);
        attrs.insert(attrs.begin(), {"href", *href});
        out += "<a" + attrs_string(attrs, &n) + ">";
        ++link_depth_;
        if (has_visible_text(n)) inline_content_of(out, n, ctx);
        else text(out, n.href, n);  // a link needs a name (WCAG 2.4.4): its address
        --link_depth_;
        out += "</a>";
    }

    // The inline children of a paragraph-level block: pending labels and a leading label in
    // the marker box, the rest (spread by 均等割り when the style asks) after it.
    void inline_run(std::string& out, const Node& n, const BlockStyle* s, const Ctx& ctx) {
        text(out, n.text, n);
        for (const Node* l : pending_labels_) label(out, *l, true, pending_ctx_, ctx);
        pending_labels_.clear();
        std::size_t i = 0;
        if (i < n.children.size() && is_marker_node(n.children[i])) label(out, n.children[i++], true, ctx, ctx);
        const bool spread = s && s->jidori > 0 && i < n.children.size();
        if (spread) out += "<span class=\"jd\">";
        for (; i < n.children.size(); ++i) inline_node(out, n.children[i], ctx);
        if (spread) out += "</span>";
    }

    // A paragraph-level block on one line: <tag attrs>inline</tag>.
    void leaf(std::string_view tag, const Attrs& attrs, const Node& n, const Ctx& child) {
        newline();
        body_ += '<';
        body_ += tag;
        body_ += attrs_string(attrs, &n);
        body_ += '>';
        const BlockStyle* s = doc_.style_of(n);
        const bool lines = !n.children.empty() && n.children.front().role == Role::line;
        if (!lines) {
            inline_run(body_, n, s, child);
        } else {
            for (const Node& l : n.children) {
                Ctx line_ctx;
                Attrs la = block_attrs(l, child, line_ctx, {"line"});
                body_ += "<span" + attrs_string(la, &l) + ">";
                const BlockStyle* ls = doc_.style_of(l);
                inline_run(body_, l, ls ? ls : s, line_ctx);
                body_ += "</span>";
            }
        }
        body_ += "</";
        body_ += tag;
        body_ += '>';
    }

    void flush_pending() {
        if (pending_labels_.empty()) return;
        newline();
        for (const Node* l : pending_labels_) label(body_, *l, true, pending_ctx_, pending_ctx_);
        pending_labels_.clear();
    }

    // ---------------------------------------------------------------- blocks
    // A block that is a paragraph when its content is inline and a container otherwise.
    void element_block(std::string_view tag, const Node& n, const Ctx& ctx, std::vector<std::string> classes,
                       Attrs extra = {}) {
        Ctx child;
        Attrs attrs = block_attrs(n, ctx, child, std::move(classes));
        attrs.insert(attrs.end(), extra.begin(), extra.end());
        if (paragraph_like(n)) {
            leaf(tag, attrs, n, child);
            return;
        }
        open(tag, attrs, &n);
        children(n, child);
        close(tag);
    }

    void children(const Node& n, const Ctx& ctx) {
        const auto& kids = n.children;
        std::size_t i = 0;
        while (i < kids.size()) {
            if (!style::is_inline(kids[i].role)) {
                block(kids[i], ctx);
                ++i;
                continue;
            }
            std::size_t j = i;
            bool labels_only = true;
            while (j < kids.size() && style::is_inline(kids[j].role)) {
                labels_only = labels_only && is_marker_node(kids[j]);
                ++j;
            }
            if (labels_only && j < kids.size()) {
                // Lbl before LBody: the label goes into the first paragraph of the body.
                for (std::size_t k = i; k < j; ++k) pending_labels_.push_back(&kids[k]);
                pending_ctx_ = ctx;
                i = j;
                continue;
            }
            // Inline content in a container: one line of text (flow content allows it).
            newline();
            for (const Node* l : pending_labels_) label(body_, *l, true, pending_ctx_, ctx);
            const bool had_pending = !pending_labels_.empty();
            pending_labels_.clear();
            for (std::size_t k = i; k < j; ++k) {
                if (k == i && !had_pending && i == 0 && is_marker_node(kids[k])) label(body_, kids[k], true, ctx, ctx);
                else inline_node(body_, kids[k], ctx);
            }
            i = j;
        }
        flush_pending();
    }

    void block(const Node& n, const Ctx& ctx) {
        switch (n.role) {
            case Role::section: return element_block("section", n, ctx, {});
            case Role::heading: return heading(n, ctx);
            case Role::paragraph: return element_block(paragraph_like(n) ? "p" : "div", n, ctx, {});
            case Role::line: return element_block("p", n, ctx, {"line"});
            case Role::list: return list(n, ctx);
            case Role::list_body: {
                // LBody is the content of the <li>; a wrapper only when it carries something.
                if (!bare_body(n)) return element_block("div", n, ctx, {"lbody"});
                if (!paragraph_like(n) || (!n.children.empty() && n.children[0].role == Role::line))
                    return children(n, ctx);
                newline();
                inline_run(body_, n, doc_.style_of(n), ctx);
                return;
            }
            case Role::caption: return element_block("p", n, ctx, {"caption"});
            case Role::definition_list: return definition_list(n, ctx);
            case Role::table: return table(n, ctx);
            case Role::note:
                return element_block(paragraph_like(n) ? "p" : "div", n, ctx, {}, {{"role", "note"}});
            case Role::block_quote: return element_block("blockquote", n, ctx, {});
            case Role::document: return element_block("div", n, ctx, {});
            case Role::list_item:
            case Role::definition_item:
            case Role::term:
            case Role::definition:
            case Role::table_row:
            case Role::header_cell:
            case Role::data_cell:
                structure_error(n, "a block that cannot hold it");
                return;
            default: {
                // An inline node on its own among blocks: a paragraph of its own.
                newline();
                body_ += "<p>";
                inline_node(body_, n, ctx);
                body_ += "</p>";
                return;
            }
        }
    }

    void heading(const Node& n, const Ctx& ctx) {
        int level = n.level;
        if (level < 1 || level > 6) {
            error("E702", n,
                  "internal error: heading level " + std::to_string(level) + " is outside 1..6",
                  "内部エラー：見出しレベル " + std::to_string(level) + " は 1～6 の範囲外です",
                  "this is a bug in the template resolution; please report it",
                  "テンプレート適用処理の不具合です。報告してください");
            level = std::clamp(level, 1, 6);
        } else if (last_heading_ == 0 && level != 1) {
            error("E702", n,
                  "internal error: the first heading is level " + std::to_string(level) + ", not 1",
                  "内部エラー：最初の見出しのレベルが 1 ではなく " + std::to_string(level) + " です",
                  "this is a bug in the template resolution; please report it",
                  "テンプレート適用処理の不具合です。報告してください");
        } else if (last_heading_ != 0 && level > last_heading_ + 1) {
            error("E702", n,
                  "internal error: heading level " + std::to_string(level) + " follows level " +
                      std::to_string(last_heading_) + " (a level is skipped)",
                  "内部エラー：見出しレベル " + std::to_string(last_heading_) + " の次がレベル " +
                      std::to_string(level) + " です（レベルの飛び越し）",
                  "this is a bug in the template resolution; please report it",
                  "テンプレート適用処理の不具合です。報告してください");
        }
        last_heading_ = level;
        if (!has_visible_text(n)) {
            error("E703", n, "a heading has no text", "見出しに文字がありません",
                  "give the heading a title in the minutes", "議事録の見出しに表題を入れてください");
        }
        if (!paragraph_like(n)) {
            structure_error(n, "a heading");
            return;
        }
        const std::string tag = "h" + std::to_string(level);
        Ctx child;
        Attrs attrs = block_attrs(n, ctx, child, {});
        leaf(tag, attrs, n, child);
    }

    void list(const Node& n, const Ctx& ctx) {
        flush_pending();
        const char* tag = n.ordered ? "ol" : "ul";
        const Node* caption = nullptr;
        for (const Node& c : n.children)
            if (c.role == Role::caption && !caption) caption = &c;

        Ctx child;
        std::string cap_id;
        if (caption) cap_id = "gj-cap-" + std::to_string(next_id_++);

        if (n.inline_items) {
            // One run of text: <div class="captioned"><span class="caption">（欠席）</span><ul
            // class="inline">…</ul></div>, all on one line (no white space between items).
            Attrs outer = block_attrs(n, ctx, child, caption ? std::vector<std::string>{"captioned"}
                                                             : std::vector<std::string>{"inline"});
            newline();
            std::string& out = body_;
            if (caption) {
                out += "<div" + attrs_string(outer, &n) + ">";
                out += "<span class=\"caption\" id=\"" + cap_id + "\">";
                inline_content_of(out, *caption, child);
                out += "</span>";
                out += std::string("<") + tag + " class=\"inline\" aria-labelledby=\"" + cap_id + "\">";
            } else {
                out += std::string("<") + tag + attrs_string(outer, &n) + ">";
            }
            Ctx item_ctx = child;
            item_ctx.unordered_item = !n.ordered;
            for (const Node& item : n.children) {
                if (&item == caption) continue;
                if (item.role != Role::list_item) {
                    structure_error(item, "an inline list");
                    continue;
                }
                Attrs ia;
                std::string cls;
                if (doc_.style_of(item)) cls = style_classes_[static_cast<std::size_t>(item.style)];
                if (!item.css_class.empty()) cls += (cls.empty() ? "" : " ") + item.css_class;
                if (!cls.empty()) ia.push_back({"class", cls});
                add_lang(ia, item);
                out += "<li" + attrs_string(ia, &item) + ">";
                inline_item(out, item, item_ctx);
                out += "</li>";
            }
            out += std::string("</") + tag + ">";
            if (caption) out += "</div>";
            return;
        }

        if (caption) {
            Attrs outer = block_attrs(n, ctx, child, {"captioned"});
            open("div", outer, &n);
            Ctx cap_ctx;
            Attrs ca = block_attrs(*caption, child, cap_ctx, {"caption"});
            ca.push_back({"id", cap_id});
            leaf("p", ca, *caption, cap_ctx);
            open(tag, {{"aria-labelledby", cap_id}}, &n);
        } else {
            open(tag, block_attrs(n, ctx, child, {}), &n);
        }
        for (const Node& item : n.children) {
            if (&item == caption) continue;
            if (item.role != Role::list_item) {
                structure_error(item, "a list");
                continue;
            }
            Ctx item_ctx = child;
            item_ctx.unordered_item = !n.ordered;
            if (const Node* body = flat_item_body(item)) {
                // Lbl + LBody of one paragraph: <li><span class="lbl">・</span>text</li>.
                Ctx inner;
                Attrs attrs = block_attrs(item, item_ctx, inner, {});
                newline();
                body_ += "<li" + attrs_string(attrs, &item) + ">";
                for (const Node& c : item.children) {
                    if (&c == body) break;
                    pending_labels_.push_back(&c);
                }
                pending_ctx_ = inner;
                inline_run(body_, *body, nullptr, inner);
                body_ += "</li>";
                continue;
            }
            element_block("li", item, item_ctx, {});
        }
        close(tag);
        if (caption) close("div");
    }

    // The content of an item of an inline list: inline, whatever the nesting.
    void inline_item(std::string& out, const Node& n, const Ctx& ctx) {
        text(out, n.text, n);
        for (const Node& c : n.children) {
            if (style::is_inline(c.role)) inline_node(out, c, ctx);
            else if (c.role == Role::list_body || c.role == Role::paragraph || c.role == Role::line)
                inline_item(out, c, ctx);
            else structure_error(c, "an item of an inline list");
        }
    }

    void definition_list(const Node& n, const Ctx& ctx) {
        flush_pending();
        Ctx child;
        Attrs attrs = block_attrs(n, ctx, child, {});
        // A caption of a <dl> has no element of its own: it goes before the list.
        for (const Node& c : n.children)
            if (c.role == Role::caption) element_block("p", c, ctx, {"caption"});
        open("dl", attrs, &n);
        for (const Node& c : n.children) {
            switch (c.role) {
                case Role::caption: break;
                case Role::definition_item: definition_item(c, child); break;
                case Role::term: element_block("dt", c, child, {}); break;
                case Role::definition: definition(c, child); break;
                default: structure_error(c, "a definition list"); break;
            }
        }
        close("dl");
    }

    void definition_item(const Node& n, const Ctx& ctx) {
        Ctx child;
        Attrs attrs = block_attrs(n, ctx, child, {});
        const BlockStyle* s = doc_.style_of(n);
        child.term_column = (s && s->term_width > 0) ? std::max(s->term_width, child.origin) : child.origin;
        open("div", attrs, &n);
        for (const Node& c : n.children) {
            switch (c.role) {
                case Role::term: element_block("dt", c, child, {}); break;
                case Role::definition: definition(c, child); break;
                default: structure_error(c, "a definition item"); break;
            }
        }
        close("div");
    }

    void definition(const Node& n, const Ctx& ctx) {
        // The definition is a column of its own (the value wraps under the value).
        Ctx col = ctx;
        col.origin = col.column = ctx.term_column;
        element_block("dd", n, col, {});
    }

    void table(const Node& n, const Ctx& ctx) {
        flush_pending();
        Ctx child;
        Attrs attrs = block_attrs(n, ctx, child, {});
        open("table", attrs, &n);
        Ctx cell_ctx;  // a cell is a measure of its own
        for (const Node& c : n.children)
            if (c.role == Role::caption) element_block("caption", c, cell_ctx, {});
        std::vector<const Node*> rows;
        for (const Node& c : n.children) {
            if (c.role == Role::table_row) rows.push_back(&c);
            else if (c.role != Role::caption) structure_error(c, "a table");
        }
        std::size_t body_start = 0;
        if (!rows.empty() && !rows[0]->children.empty() &&
            std::all_of(rows[0]->children.begin(), rows[0]->children.end(),
                        [](const Node& cell) { return cell.role == Role::header_cell; })) {
            open("thead", {}, &n);
            row(*rows[0], true);
            close("thead");
            body_start = 1;
        }
        if (body_start < rows.size()) {
            open("tbody", {}, &n);
            for (std::size_t r = body_start; r < rows.size(); ++r) row(*rows[r], false);
            close("tbody");
        }
        close("table");
    }

    void row(const Node& r, bool head) {
        Ctx cell_ctx;
        Ctx ignored;
        open("tr", block_attrs(r, cell_ctx, ignored, {}), &r);
        for (std::size_t i = 0; i < r.children.size(); ++i) {
            const Node& cell = r.children[i];
            if (cell.role == Role::header_cell) {
                // Column headers in the head row; a header first in a body row heads the row.
                const char* scope = head ? "col" : (i == 0 ? "row" : "col");
                element_block("th", cell, cell_ctx, {}, {{"scope", scope}});
            } else if (cell.role == Role::data_cell) {
                element_block("td", cell, cell_ctx, {});
            } else {
                structure_error(cell, "a table row");
            }
        }
        close("tr");
    }
};

std::string Writer::run() {
    // <title>: the document title, or the text of the first heading.
    std::string title = collapse_spaces(doc_.title);
    if (title.empty()) {
        for (const Node& c : doc_.root.children) {
            if (c.role == Role::heading) {
                std::string t;
                collect_text(c, t);
                title = collapse_spaces(t);
                break;
            }
        }
    }
    if (title.empty()) {
        error("E704", doc_.root, "the document has no title", "文書に表題がありません",
              "give the minutes a title (the meeting's name)", "議事録に表題（会議名）を入れてください");
    }

    // The web fonts come from the api (api/web_fonts.hpp); one that could break out of its CSS
    // string or url() is a bug there, never written.
    for (const WebFont& f : options_.web_fonts) {
        std::string why;
        if (!valid_web_font(f, why))
            error("E711", doc_.root, "internal error: a web font cannot be written: " + why,
                  "内部エラー：ウェブフォントを出力できません: " + why,
                  "report it with the input file and template", "入力ファイルとテンプレートを添えて報告してください");
    }

    std::string lang = doc_.lang.empty() ? "ja" : doc_.lang;
    if (!valid_language_tag(lang)) {
        warning("W707", doc_.root, "the document language \"" + lang + "\" is not well-formed; ja was used",
                "文書の言語「" + lang + "」の形式が正しくないため ja としました");
        lang = "ja";
    }

    // Body: <main>, with a leading level-1 heading in the title block <header>.
    depth_ = 0;
    Ctx root;
    const auto& kids = doc_.root.children;
    std::size_t first = 0;
    if (!kids.empty() && kids[0].role == Role::heading && kids[0].level == 1) {
        open("header", {{"class", "title-block"}}, &doc_.root);
        block(kids[0], root);
        close("header");
        first = 1;
    }
    for (std::size_t i = first; i < kids.size();) {
        if (!style::is_inline(kids[i].role)) {
            block(kids[i++], root);
            continue;
        }
        newline();
        body_ += "<p>";
        while (i < kids.size() && style::is_inline(kids[i].role)) inline_node(body_, kids[i++], root);
        body_ += "</p>";
    }
    flush_pending();

    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<!DOCTYPE html>\n";
    out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang + "\" xml:lang=\"" + lang + "\">\n";
    out += "  <head>\n";
    out += "    <meta charset=\"UTF-8\"/>\n";
    out += "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    if (!options_.generator.empty()) {
        out += "    <meta name=\"generator\" content=\"";
        attr_value(out, options_.generator, &doc_.root);
        out += "\"/>\n";
    }
    out += "    <title>";
    text(out, title, doc_.root);
    out += "</title>\n";
    out += "    <style>\n";
    std::string css = stylesheet(doc_, options_, style_classes_, indents_, pulls_, gaps_, "      ");
    if (options_.include_template_css && !doc_.css.empty()) {
        std::string what;
        if (css_self_contained(doc_.css, what)) {
            css += "      /* The template's CSS. */\n";
            css += doc_.css;
            if (css.back() != '\n') css += '\n';
        } else {
            warning("W708", doc_.root,
                    "the template's CSS was left out: it could load an external resource (" + what + ")",
                    "テンプレートの CSS は外部資源を読み込むおそれがある（" + what + "）ため出力しませんでした",
                    "remove @import, url() and CSS escapes from the template's CSS",
                    "テンプレートの CSS から @import、url()、エスケープを取り除いてください");
        }
    }
    text(out, css, doc_.root);
    out += "    </style>\n";
    out += "  </head>\n";
    out += "  <body>\n";
    out += "    <main>";
    out += body_;
    out += "\n    </main>\n";
    out += "  </body>\n";
    out += "</html>\n";

    if (errors_ > 0) return {};
    return out;
}

}  // namespace

std::string write(const style::StyledDoc& doc, const XhtmlOptions& options, Diagnostics& diags) {
    Writer w(doc, options, diags);
    return w.run();
}

}  // namespace gijiroku::xhtml
