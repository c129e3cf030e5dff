#include "layout/struct_tree.hpp"

#include <algorithm>
#include <cstddef>
#include <string>

namespace gijiroku::layout {

using style::Role;

std::optional<StructType> block_struct_type(Role role) {
    switch (role) {
        case Role::document: return StructType::Document;
        case Role::section: return StructType::Sect;
        case Role::heading: return StructType::H1;  // level decides: heading_type
        case Role::paragraph: return StructType::P;
        case Role::list: return StructType::L;
        case Role::list_item: return StructType::LI;
        case Role::list_body: return StructType::LBody;
        case Role::caption: return StructType::Caption;
        // A definition list is a two-column table of row headers (WCAG PDF6; typesetting.md
        // §5.2): the term is a TH with /Scope /Row, its definition the TD beside it.
        case Role::definition_list: return StructType::Table;
        case Role::definition_item: return StructType::TR;
        case Role::term: return StructType::TH;
        case Role::definition: return StructType::TD;
        case Role::table: return StructType::Table;
        case Role::table_row: return StructType::TR;
        case Role::header_cell: return StructType::TH;
        case Role::data_cell: return StructType::TD;
        case Role::note: return StructType::Note;
        case Role::block_quote: return StructType::BlockQuote;
        case Role::label: return StructType::Lbl;
        case Role::quote: return StructType::Quote;
        case Role::link: return StructType::Link;
        case Role::ruby: return StructType::Ruby;
        case Role::span:
        case Role::emphasis:
        case Role::line:
        case Role::time:
        case Role::text: return std::nullopt;
    }
    return std::nullopt;
}

StructType heading_type(int level) {
    switch (std::clamp(level, 1, 6)) {
        case 1: return StructType::H1;
        case 2: return StructType::H2;
        case 3: return StructType::H3;
        case 4: return StructType::H4;
        case 5: return StructType::H5;
        default: return StructType::H6;
    }
}

void prune_empty(StructTree& tree, PageSet& pages, std::vector<LineRecord>& lines) {
    const std::size_t n = tree.elements.size();
    if (n == 0) return;
    std::vector<char> keep(n, 0);
    auto mark_used = [&](int e) {
        // Children come after their parents (StructTree::add appends), so walking up from a
        // used element reaches the root without revisiting more than the path.
        while (e >= 0 && static_cast<std::size_t>(e) < n && !keep[static_cast<std::size_t>(e)]) {
            keep[static_cast<std::size_t>(e)] = 1;
            e = tree.elements[static_cast<std::size_t>(e)].parent;
        }
    };
    keep[0] = 1;
    for (const Page& page : pages.pages) {
        for (const GlyphRun& run : page.runs)
            if (!run.mark.artifact) mark_used(run.mark.element);
        for (const LinkArea& link : page.links) mark_used(link.element);
    }

    std::vector<int> new_index(n, -1);
    int next = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i]) new_index[i] = next++;
    if (static_cast<std::size_t>(next) == n) return;

    auto remap = [&](int e) {
        return e >= 0 && static_cast<std::size_t>(e) < n ? new_index[static_cast<std::size_t>(e)] : e;
    };
    std::vector<StructElement> kept;
    kept.reserve(static_cast<std::size_t>(next));
    for (std::size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        StructElement e = std::move(tree.elements[i]);
        e.parent = remap(e.parent);
        std::vector<int> children;
        children.reserve(e.children.size());
        for (int c : e.children)
            if (c >= 0 && static_cast<std::size_t>(c) < n && keep[static_cast<std::size_t>(c)])
                children.push_back(new_index[static_cast<std::size_t>(c)]);
        e.children = std::move(children);
        kept.push_back(std::move(e));
    }
    tree.elements = std::move(kept);

    for (Page& page : pages.pages) {
        for (GlyphRun& run : page.runs)
            if (!run.mark.artifact) run.mark.element = remap(run.mark.element);
        for (LinkArea& link : page.links) link.element = remap(link.element);
    }
    for (LineRecord& line : lines) line.element = remap(line.element);
}

namespace {

void internal_error(Diagnostics& diags, const std::string& file, const std::string& what) {
    diags.error("E561", file, {}, "internal error: the structure tree is inconsistent: " + what,
                "内部エラー: 論理構造ツリーが矛盾しています: " + what,
                "This is a bug in gijiroku; please report it with the input file.",
                "gijiroku の不具合です。入力ファイルを添えて報告してください。");
}

}  // namespace

bool check_structure(const StructTree& tree, const PageSet& pages, const std::string& file,
                     Diagnostics& diags) {
    const std::size_t n = tree.elements.size();
    if (n == 0 || tree.elements[0].type != StructType::Document || tree.elements[0].parent != -1) {
        internal_error(diags, file, "no Document root");
        return false;
    }
    bool ok = true;
    // Exactly one parent per element, and the parent lists it exactly once (krilla's rule):
    // count how often each element appears in a children list.
    std::vector<int> listed(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        for (int c : tree.elements[i].children) {
            if (c <= 0 || static_cast<std::size_t>(c) >= n ||
                tree.elements[static_cast<std::size_t>(c)].parent != static_cast<int>(i)) {
                internal_error(diags, file,
                               "element " + std::to_string(i) + " lists a child that is not its own");
                ok = false;
                continue;
            }
            ++listed[static_cast<std::size_t>(c)];
        }
    }
    for (std::size_t i = 1; i < n; ++i) {
        const int p = tree.elements[i].parent;
        if (p < 0 || static_cast<std::size_t>(p) >= n || listed[i] != 1) {
            internal_error(diags, file, "element " + std::to_string(i) + " (" +
                                            struct_type_name(tree.elements[i].type) +
                                            ") does not have exactly one parent");
            ok = false;
        }
    }

    std::vector<char> has_content(n, 0);
    for (std::size_t p = 0; p < pages.pages.size(); ++p) {
        const Page& page = pages.pages[p];
        for (const GlyphRun& run : page.runs) {
            if (run.mark.artifact) continue;
            const int e = run.mark.element;
            if (e <= 0 || static_cast<std::size_t>(e) >= n) {
                internal_error(diags, file, "a run on page " + std::to_string(p + 1) +
                                                " is neither an artifact nor owned by an element (|" +
                                                run.text + "|)");
                ok = false;
                continue;
            }
            has_content[static_cast<std::size_t>(e)] = 1;
        }
        for (const LinkArea& link : page.links) {
            const int e = link.element;
            if (e <= 0 || static_cast<std::size_t>(e) >= n ||
                tree.elements[static_cast<std::size_t>(e)].type != StructType::Link) {
                internal_error(diags, file, "a link area on page " + std::to_string(p + 1) +
                                                " does not belong to a Link element");
                ok = false;
                continue;
            }
            has_content[static_cast<std::size_t>(e)] = 1;
        }
    }
    for (std::size_t i = 1; i < n; ++i) {
        if (!has_content[i] && tree.elements[i].children.empty()) {
            internal_error(diags, file, "element " + std::to_string(i) + " (" +
                                            struct_type_name(tree.elements[i].type) + ") is empty");
            ok = false;
        }
    }
    return ok;
}

}  // namespace gijiroku::layout
