#include "api/plain_text.hpp"

#include <algorithm>

#include "style/dump.hpp"

namespace gijiroku::api {
namespace {

using style::Node;
using style::Role;

bool has_inline_children(const Node& n) {
    return !n.children.empty() &&
           std::all_of(n.children.begin(), n.children.end(), [](const Node& c) { return style::is_inline(c.role); });
}

void blocks(const Node& n, std::string& out);

// The text of a block as one line (paragraph-level) or several (container).
std::string block_text(const Node& n) {
    std::string s;
    blocks(n, s);
    return s;
}

void blocks(const Node& n, std::string& out) {
    if (n.role == Role::heading && n.level >= 2 && n.level <= 3 && !out.empty() && !out.ends_with("\n\n"))
        out += '\n';
    if (has_inline_children(n) || n.children.empty()) {
        const std::string t = style::text_content(n);
        if (!t.empty()) out += t + '\n';
        return;
    }
    if (n.role == Role::definition_item) {
        std::string term, rest;
        for (const auto& c : n.children) {
            if (c.role == Role::term) term = style::text_content(c);
            else rest += block_text(c);
        }
        out += term;
        if (!rest.empty()) out += ' ' + rest;
        else out += '\n';
        return;
    }
    if (n.role == Role::table_row) {
        std::string row;
        for (const auto& c : n.children) {
            std::string cell = block_text(c);
            std::replace(cell.begin(), cell.end(), '\n', ' ');
            while (!cell.empty() && cell.back() == ' ') cell.pop_back();
            row += (row.empty() ? "" : " | ") + cell;
        }
        out += row + '\n';
        return;
    }
    if (n.role == Role::list && n.inline_items) {
        out += style::text_content(n) + '\n';
        return;
    }
    if (n.role == Role::list_item) {
        // The label and the body's first paragraph on one line; nested lists follow.
        std::string line;
        for (const auto& c : n.children) {
            if (c.role == Role::label) {
                line += style::text_content(c);
                continue;
            }
            std::string body = block_text(c);
            const auto nl = body.find('\n');
            out += line + body.substr(0, nl) + '\n';
            line.clear();
            if (nl != std::string::npos) out += body.substr(nl + 1);
        }
        if (!line.empty()) out += line + '\n';
        return;
    }
    for (const auto& c : n.children) blocks(c, out);
}

}  // namespace

std::string plain_text(const style::StyledDoc& doc) {
    std::string out;
    blocks(doc.root, out);
    return out;
}

}  // namespace gijiroku::api
