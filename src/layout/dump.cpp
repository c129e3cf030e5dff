// The stable text dumps of layout.hpp (DESIGN §1: golden tests diff dumps, never PDF bytes).
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "layout/layout.hpp"

namespace gijiroku::layout {

namespace {

// 0.01 pt, with "-0.00" folded into "0.00" so the sign of a rounding residue never shows.
std::string num(double v) {
    double r = std::round(v * 100) / 100;
    if (r == 0) r = 0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", r);
    return buf;
}

std::string element_name(const StructTree& tree, int e) {
    if (e < 0 || static_cast<std::size_t>(e) >= tree.elements.size()) return "?#" + std::to_string(e);
    return std::string(struct_type_name(tree.elements[static_cast<std::size_t>(e)].type)) + "#" +
           std::to_string(e);
}

const char* artifact_name(ArtifactKind k) {
    switch (k) {
        case ArtifactKind::page_number: return "page_number";
        case ArtifactKind::running_head: return "running_head";
        case ArtifactKind::layout: return "layout";
    }
    return "layout";
}

std::string mark_name(const StructTree& tree, const Mark& m) {
    if (!m.artifact) return element_name(tree, m.element);
    std::string s = std::string("A:") + artifact_name(m.artifact_kind);
    if (m.artifact_kind == ArtifactKind::page_number) s += m.at_top ? ":head" : ":foot";
    return s;
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

const char* scope_name(HeaderScope s) {
    switch (s) {
        case HeaderScope::none: return "";
        case HeaderScope::row: return "row";
        case HeaderScope::column: return "column";
        case HeaderScope::both: return "both";
    }
    return "";
}

}  // namespace

std::string dump_lines(const LayoutResult& result) {
    std::string out;
    for (const LineRecord& l : result.lines) {
        out += "p" + std::to_string(l.page + 1) + " " + element_name(result.tree, l.element) + " " +
               (l.style.empty() ? std::string("-") : l.style) + " " + std::to_string(l.line) +
               " nat=" + num(l.natural_width_pt) + " adj=" + num(l.width_pt) + " |" + l.text + "|\n";
    }
    return out;
}

std::string dump_pages(const PageSet& pages, const StructTree& tree) {
    std::string out;
    if (!pages.title.empty()) out += "title " + quoted(pages.title) + "\n";
    out += "lang " + pages.lang + "\n";
    for (const Bookmark& b : pages.outline)
        out += "bookmark " + std::to_string(b.level) + " p" + std::to_string(b.page + 1) + " " + num(b.y_pt) +
               " " + quoted(b.title) + "\n";
    for (std::size_t i = 0; i < pages.pages.size(); ++i) {
        const Page& p = pages.pages[i];
        out += "page " + std::to_string(i + 1) + " " + num(p.width_pt) + "x" + num(p.height_pt) +
               " label=" + p.label + "\n";
        for (const GlyphRun& r : p.runs) {
            out += "  run " + num(r.origin.x) + " " + num(r.origin.y) + " f" + std::to_string(r.face) + " " +
                   num(r.size_pt) + " " + mark_name(tree, r.mark) + " |" + r.text + "|";
            if (!r.actual_text.empty()) out += " actual=" + quoted(r.actual_text);
            if (!r.lang.empty()) out += " lang=" + r.lang;
            out += "\n";
        }
        for (const Rule& r : p.rules)
            out += "  rule " + num(r.from.x) + " " + num(r.from.y) + " " + num(r.to.x) + " " + num(r.to.y) +
                   " " + num(r.width_pt) + " " + mark_name(tree, r.mark) + "\n";
        for (const LinkArea& l : p.links)
            out += "  link " + num(l.rect.x) + " " + num(l.rect.y) + " " + num(l.rect.width) + " " +
                   num(l.rect.height) + " " + element_name(tree, l.element) + " " + l.uri + "\n";
    }
    return out;
}

std::string dump_struct(const StructTree& tree, const PageSet* pages) {
    const std::size_t n = tree.elements.size();
    std::vector<std::string> own(pages ? n : 0);
    if (pages) {
        for (const Page& p : pages->pages)
            for (const GlyphRun& r : p.runs)
                if (!r.mark.artifact && r.mark.element >= 0 && static_cast<std::size_t>(r.mark.element) < n)
                    own[static_cast<std::size_t>(r.mark.element)] += r.text;
    }
    std::string out;
    if (n == 0) return out;
    // Depth-first from the root: reading order (page_set.hpp).
    std::vector<std::pair<int, int>> stack{{0, 0}};
    while (!stack.empty()) {
        const auto [e, depth] = stack.back();
        stack.pop_back();
        const StructElement& el = tree.elements[static_cast<std::size_t>(e)];
        out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + struct_type_name(el.type);
        if (e != 0) out += " #" + std::to_string(e);
        if (!el.lang.empty()) out += " lang=" + el.lang;
        if (!el.alt.empty()) out += " alt=" + el.alt;
        if (!el.actual_text.empty()) out += " actual=" + quoted(el.actual_text);
        if (!el.uri.empty()) out += " uri=" + el.uri;
        if (el.scope != HeaderScope::none) out += std::string(" scope=") + scope_name(el.scope);
        if (!el.id.empty()) out += " id=" + el.id;
        if (pages && !own[static_cast<std::size_t>(e)].empty()) out += " " + quoted(own[static_cast<std::size_t>(e)]);
        out += "\n";
        for (auto it = el.children.rbegin(); it != el.children.rend(); ++it) {
            if (*it > 0 && static_cast<std::size_t>(*it) < n) stack.emplace_back(*it, depth + 1);
        }
    }
    return out;
}

}  // namespace gijiroku::layout
