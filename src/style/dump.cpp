#include "style/dump.hpp"

#include <cmath>
#include <cstdio>

namespace gijiroku::style {

namespace {

std::string num(double v) {
    // Four decimals, trailing zeros removed: stable across platforms and readable.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", std::round(v * 10000) / 10000);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

const char* align_name(Align a) {
    switch (a) {
        case Align::justify: return "justify";
        case Align::start: return "start";
        case Align::center: return "center";
        case Align::end: return "end";
    }
    return "?";
}

void node(const Node& n, const StyledDoc* doc, int indent, std::string& out) {
    out.append(static_cast<std::size_t>(indent) * 2, ' ');
    out += role_name(n.role);
    if (n.style >= 0) {
        out += " style=";
        out += doc && static_cast<std::size_t>(n.style) < doc->styles.size() ? doc->styles[static_cast<std::size_t>(n.style)].name
                                                                               : std::to_string(n.style);
    }
    if (n.level) out += " level=" + std::to_string(n.level);
    if (n.ordered) out += " ordered";
    if (n.inline_items) out += " inline-items";
    if (n.marker) out += " marker";
    if (!n.lang.empty()) out += " lang=" + n.lang;
    if (!n.css_class.empty()) out += " class=" + n.css_class;
    if (!n.alt.empty()) out += " alt=" + quoted(n.alt);
    if (!n.actual_text.empty()) out += " actual=" + quoted(n.actual_text);
    if (!n.href.empty()) out += " href=" + quoted(n.href);
    if (!n.reading.empty()) out += " reading=" + quoted(n.reading);
    if (!n.datetime.empty()) out += " datetime=" + n.datetime;
    if (n.role == Role::text) out += " " + quoted(n.text);
    out += '\n';
    for (const Node& c : n.children) node(c, doc, indent + 1, out);
}

void text_of(const Node& n, std::string& out) {
    if (n.role == Role::text) out += n.text;
    for (const Node& c : n.children) text_of(c, out);
}

}  // namespace

std::string dump_node(const Node& n, const StyledDoc* doc, int indent) {
    std::string out;
    node(n, doc, indent, out);
    return out;
}

std::string text_content(const Node& n) {
    std::string out;
    text_of(n, out);
    return out;
}

std::string dump(const StyledDoc& doc) {
    std::string out;
    out += "styled-doc template=" + doc.template_name + " lang=" + doc.lang + "\n";
    out += "title " + quoted(doc.title) + "\n";
    const PageSetup& p = doc.page;
    out += "page " + num(p.width_pt) + "x" + num(p.height_pt) + "pt margins(t,b,l,r)=" + num(p.margin_top_pt) + "," +
           num(p.margin_bottom_pt) + "," + num(p.margin_left_pt) + "," + num(p.margin_right_pt) +
           " body=" + num(p.body_size_pt) + "pt grid=" + std::to_string(p.chars_per_line) + "x" +
           std::to_string(p.lines_per_page) + " pitch=" + num(p.line_pitch_pt) + "pt\n";
    if (!p.page_number_format.empty())
        out += "page-number " + quoted(p.page_number_format) + " " + (p.page_number_at_top ? "top" : "bottom") + "-" +
               align_name(p.page_number_align) + " font=" + p.page_number_font_role + " size=" +
               num(p.page_number_size_pt) + "pt\n";
    if (!p.running_head.empty()) out += "running-head " + quoted(p.running_head) + "\n";
    const char* level = doc.kinsoku.level == KinsokuSetting::Level::very_strict ? "4"
                        : doc.kinsoku.level == KinsokuSetting::Level::strict    ? "3"
                                                                                : "2";
    out += std::string("kinsoku level=") + level + " latin-spacing=" + num(doc.latin_spacing) + "zw\n";
    for (const FontFile& f : doc.fonts)
        out += "font " + f.id + " " + quoted(f.path) + (f.bold ? " bold" : "") + (f.fallback ? " fallback" : "") + "\n";
    for (const FontRoleChain& r : doc.font_roles) {
        out += "font-role " + r.role + " =";
        for (const std::string& c : r.chain) out += " " + c;
        out += "\n";
    }
    for (const BlockStyle& s : doc.styles) {
        out += "style " + s.name + " font=" + s.font_role + " size=" + num(s.font_size_pt) + "pt";
        if (s.line_pitch_pt) out += " pitch=" + num(s.line_pitch_pt) + "pt";
        out += std::string(" align=") + align_name(s.align);
        if (s.start_indent) out += " start=" + num(s.start_indent);
        if (s.first_line_indent) out += " first=" + num(s.first_line_indent);
        if (s.marker_width) out += " marker=" + num(s.marker_width);
        if (s.term_width) out += " term=" + num(s.term_width);
        if (s.letter_spacing) out += " tracking=" + num(s.letter_spacing);
        if (s.jidori) out += " jidori=" + num(s.jidori);
        if (s.space_before) out += " before=" + num(s.space_before);
        if (s.space_after) out += " after=" + num(s.space_after);
        if (s.keep_with_next) out += " keep";
        out += "\n";
    }
    if (!doc.css.empty()) out += "css " + std::to_string(doc.css.size()) + " bytes\n";
    out += "--\n";
    node(doc.root, &doc, 0, out);
    return out;
}

}  // namespace gijiroku::style
