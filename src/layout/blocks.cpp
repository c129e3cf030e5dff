#include "layout/blocks.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "layout/struct_tree.hpp"

namespace gijiroku::layout {

namespace {

using style::Align;
using style::BlockStyle;
using style::Node;
using style::Role;

constexpr double kEps = 1e-6;

// Where blocks may lie: [left, right) in pt from the measure's start. In the page's flow and
// in a definition's value column, BlockStyle lengths are measured from the measure's start
// (styled_doc.hpp) and only clamp to the region; in a table cell they are measured from the
// cell's edge, since a cell has no place on the page's measure.
struct Region {
    double left = 0;
    double right = 0;
    bool relative = false;
};

// A paragraph set but not yet placed: its lines, their slot heights and break permissions.
struct Para {
    std::vector<PlacedLine> lines;
    std::vector<double> pitch;
    std::vector<char> break_after;
};

// A list item's label waiting for the first line of the item's body (styled_doc.hpp: the
// label is set in the list_item style's marker box, the body's first line beside it).
struct PendingLabel {
    std::vector<InlinePiece> pieces;
    double left_pt = 0;       // start of the marker box
    double width_pt = 0;      // marker box width from the item style
    std::size_t row = 0;      // the galley row the label belongs on
    int element = -1;         // the Lbl element
    int style = -1;
    int box_depth = 0;        // the term/definition/cell nesting the item itself lies in
    bool active = false;
};

struct InlineContext {
    int element = -1;
    std::string lang;         // the language in force ("" = the document's)
    std::string uri;
    double size_pt = 10.5;
    std::string font_role;
    double letter_spacing = 0;
    bool marker = false;
};

class Builder {
public:
    Builder(const style::StyledDoc& doc, const SetParagraphFn& set, const LayoutOptions& options,
            Diagnostics& diags)
        : doc_(doc), set_(set), options_(options), diags_(diags) {
        zw_ = doc.page.body_size_pt > 0 ? doc.page.body_size_pt : 10.5;
        measure_ = doc.page.chars_per_line * zw_;
        page_pitch_ = doc.page.line_pitch_pt > 0 ? doc.page.line_pitch_pt : zw_ * 1.5;
    }

    BlockResult run() {
        tree_.add(StructType::Document, -1, doc_.root.source);
        const Region flow{0, measure_, false};
        if (doc_.root.role == Role::document)
            content(doc_.root, 0, flow, doc_.lang, doc_.root.style);
        else
            block(doc_.root, 0, flow, doc_.lang, -1);
        return BlockResult{std::move(tree_), std::move(galley_)};
    }

    // The widest line of `node`'s content set without a limit: a table column's natural width.
    double natural_width(const Node& node, const std::string& lang) {
        tree_.add(StructType::Document, -1, {});
        content(node, 0, Region{0, 1e7, true}, lang, node.style);
        double width = 0;
        for (const Row& row : galley_.rows)
            for (const PlacedLine& l : row.lines)
                width = std::max(width, l.x_pt + l.line.natural_width_pt);
        return width;
    }

private:
    const style::StyledDoc& doc_;
    const SetParagraphFn& set_;
    const LayoutOptions& options_;
    Diagnostics& diags_;
    StructTree tree_;
    Galley galley_;
    double zw_ = 10.5;
    double measure_ = 420;
    double page_pitch_ = 18;
    double pending_space_ = 0;
    int last_heading_level_ = 0;
    int note_count_ = 0;
    // The container (LBody, TD, TH, Caption) whose first child paragraph is being set: its
    // words go to the container without a P (content()); -1 otherwise.
    int absorb_into_ = -1;
    // > 0 while setting a particular's value, where lists are set as paragraphs.
    int flatten_lists_ = 0;

    static bool absorbs_leading_paragraph(StructType t) {
        return t == StructType::LBody || t == StructType::TD || t == StructType::TH || t == StructType::Caption;
    }
    int box_depth_ = 0;  // > 0 inside a term, definition or table cell
    PendingLabel* label_ = nullptr;
    bool warned_mixed_ = false;

    const BlockStyle& style_at(int index) const {
        static const BlockStyle fallback{};
        return index >= 0 && static_cast<std::size_t>(index) < doc_.styles.size()
                   ? doc_.styles[static_cast<std::size_t>(index)]
                   : fallback;
    }

    std::string file() const { return doc_.source_file; }

    int add(StructType type, int parent, const Node& n, const std::string& inherited_lang) {
        const int e = tree_.add(type, parent, n.source);
        if (!n.lang.empty() && n.lang != inherited_lang)
            tree_.elements[static_cast<std::size_t>(e)].lang = n.lang;
        return e;
    }

    static std::string lang_of(const Node& n, const std::string& inherited) {
        return n.lang.empty() ? inherited : n.lang;
    }

    double block_left(const BlockStyle& st, const Region& r) const {
        const double indent = st.start_indent * zw_;
        return r.relative ? r.left + indent : std::max(r.left, indent);
    }

    // Block spacing is collapsed, not added (the larger of the space after one block and the
    // space before the next), as CSS margins collapse in the XHTML made from the same styles.
    void add_space(double lines) {
        if (lines > 0) pending_space_ = std::max(pending_space_, lines * page_pitch_);
    }
    double take_space() {
        const double s = pending_space_;
        pending_space_ = 0;
        return s;
    }

    void warn_mixed(const Node& n) {
        if (warned_mixed_) return;
        warned_mixed_ = true;
        diags_.warning("W566", file(), doc_.loc(n.source),
                       std::string("internal: a ") + style::role_name(n.role) +
                           " node mixes block and inline children; each inline run is set as a "
                           "paragraph of its own",
                       std::string("内部: ") + style::role_name(n.role) +
                           " ノードにブロックとインラインの子が混在しています。インライン部分は"
                           "それぞれ独立した段落として組みます",
                       "This is a bug in the template resolution (style::resolve); please report it.",
                       "テンプレート適用処理（style::resolve）の不具合です。報告してください。");
    }

    // ---------------------------------------------------------------- blocks

    // The children of a block: one paragraph when they are inline, else block by block; runs
    // of inline children among blocks (never made by style::resolve) become paragraphs.
    void content(const Node& n, int element, const Region& r, const std::string& lang, int style) {
        if (!n.text.empty() && n.children.empty()) {
            // A hand-made block holding its text directly.
            Node t;
            t.role = Role::text;
            t.text = n.text;
            t.source = n.source;
            paragraph(std::span<const Node>(&t, 1), style, element, r, lang);
            return;
        }
        std::size_t i = 0;
        const auto& kids = n.children;
        bool mixed_seen = false;
        // The leading paragraph of a list body, a table cell or a caption is not wrapped in a
        // P of its own: its words belong to the container, as ISO 32000-1 §14.8.4.3.3 allows
        // (LBody, TD, TH hold text). Readers then take a label and its item's first words as
        // one block — `check-pdfua --text` and poppler's reading order keep 「・」 with its
        // sentence — and one-paragraph cells read as one.
        if (!kids.empty() && element >= 0 &&
            (absorb_into_ == element || absorbs_leading_paragraph(tree_.elements[static_cast<std::size_t>(element)].type)))
            absorb_into_ = element;
        else
            absorb_into_ = -1;
        while (i < kids.size()) {
            if (style::is_inline(kids[i].role)) {
                std::size_t j = i;
                while (j < kids.size() && style::is_inline(kids[j].role)) ++j;
                if (i != 0 || j != kids.size()) mixed_seen = true;
                paragraph(std::span<const Node>(kids.data() + i, j - i), style, element, r, lang);
                i = j;
            } else {
                block(kids[i], element, r, lang, style);
                ++i;
            }
            absorb_into_ = -1;  // only the first child may be absorbed
        }
        if (mixed_seen) warn_mixed(n);
    }

    void block(const Node& n, int parent, const Region& r, const std::string& inherited_lang,
               int parent_style) {
        if (absorb_into_ == parent && n.role != Role::paragraph &&
            !(n.role == Role::list && (n.inline_items || flatten_lists_ > 0)) &&
            !(n.role == Role::list_item && flatten_lists_ > 0))
            absorb_into_ = -1;
        const BlockStyle& st = style_at(n.style);
        const std::string lang = lang_of(n, inherited_lang);
        const std::size_t first_row = galley_.rows.size();
        add_space(st.space_before);

        switch (n.role) {
            case Role::document:
            case Role::section: {
                const int e = add(StructType::Sect, parent, n, inherited_lang);
                content(n, e, r, lang, n.style);
                break;
            }
            case Role::heading:
                heading(n, parent, r, inherited_lang);
                break;
            case Role::line: {
                // A line of a heading or paragraph (the two lines of the title): its words are
                // the parent's, grouped in a NonStruct, the grouping element "with no inherent
                // structural significance" (ISO 32000-1 §14.8.4.2). Assistive technology reads
                // through it, while extraction tools see where a printed line ends, so a centred
                // first title line is not taken for an unjustified line inside a paragraph.
                const int e = add(StructType::NonStruct, parent, n, inherited_lang);
                if (needs_actual_text(n)) tree_.elements[static_cast<std::size_t>(e)].actual_text = n.actual_text;
                content(n, e, r, lang, n.style >= 0 ? n.style : parent_style);
                break;
            }
            case Role::list:
                list(n, parent, r, inherited_lang);
                break;
            case Role::list_item:
                list_item(n, parent, r, inherited_lang);
                break;
            case Role::definition_list: {
                // The particulars are a numbered list in the original (１ 日時, ２ 会場 …): L, with
                // each term the label of its item and the value its body (ISO 32000-1
                // §14.8.4.3.3). A body may hold several paragraphs (出席者 and 欠席), which a
                // table cell could not keep apart for extraction tools.
                const int e = add(StructType::L, parent, n, inherited_lang);
                for (const Node& c : n.children) block(c, e, r, lang, n.style);
                break;
            }
            case Role::definition_item:
                definition_item(n, parent, r, inherited_lang);
                break;
            case Role::table:
                table(n, parent, r, inherited_lang);
                break;
            case Role::note: {
                const int e = add(StructType::Note, parent, n, inherited_lang);
                // ISO 14289-1 §7.9: every Note has an ID unique in the document.
                tree_.elements[static_cast<std::size_t>(e)].id = "note-" + std::to_string(++note_count_);
                content(n, e, r, lang, n.style);
                break;
            }
            case Role::term: {
                const int e = add(StructType::TH, parent, n, inherited_lang);
                tree_.elements[static_cast<std::size_t>(e)].scope = HeaderScope::row;
                content(n, e, r, lang, n.style);
                break;
            }
            default: {
                // paragraph, list_body, caption, definition, table_row, cells, block_quote
                auto type = block_struct_type(n.role);
                if (n.role == Role::paragraph && absorb_into_ == parent && n.lang.empty() &&
                    !needs_actual_text(n))
                    type.reset();  // the container's leading paragraph (see content())
                absorb_into_ = -1;
                const int e = type ? add(*type, parent, n, inherited_lang) : parent;
                if (type) apply_actual_text(n, e);
                content(n, e, r, lang, n.style);
                break;
            }
        }

        add_space(st.space_after);
        if (st.keep_with_next && galley_.rows.size() > first_row)
            galley_.rows.back().break_after = false;
    }

    // Words a template spreads or tracks are held plain (styled_doc.hpp), so their text
    // already reads right and needs no /ActualText (ISO 32000-1 §14.9.4); it is written only
    // when the node's actual text differs from its printed words.
    static bool needs_actual_text(const Node& n) {
        if (n.actual_text.empty()) return false;
        std::string printed;
        text_of(n, printed);
        return printed != n.actual_text;
    }

    void apply_actual_text(const Node& n, int element) {
        if (needs_actual_text(n)) tree_.elements[static_cast<std::size_t>(element)].actual_text = n.actual_text;
    }

    void check_heading_level(const Node& n) {
        // ISO 14289-1 §7.4.2 (Matterhorn 14-002/14-003): numbered headings start at H1 and
        // never skip a level. style::resolve derives levels from nesting, so a skip here is a
        // bug upstream, not the clerk's mistake.
        const int level = n.level;
        if (level < 1 || level > 6 || level > last_heading_level_ + 1) {
            const std::string what =
                level < 1 || level > 6
                    ? "heading level " + std::to_string(level) + " is outside 1–6"
                    : "heading level " + std::to_string(level) + " follows level " +
                          std::to_string(last_heading_level_) + " (a level is skipped)";
            diags_.error("E560", file(), doc_.loc(n.source), "internal: " + what,
                         "内部: 見出しの階層が飛んでいるか範囲外です（" + what + "）",
                         "This is a bug in the template resolution (style::resolve); please report it.",
                         "テンプレート適用処理（style::resolve）の不具合です。報告してください。");
        }
        last_heading_level_ = std::clamp(level, 1, 6);
    }

    void heading(const Node& n, int parent, const Region& r, const std::string& inherited_lang) {
        check_heading_level(n);
        const int e = add(heading_type(n.level), parent, n, inherited_lang);
        apply_actual_text(n, e);
        const std::string lang = lang_of(n, inherited_lang);
        const std::size_t first = galley_.rows.size();
        content(n, e, r, lang, n.style);
        if (galley_.rows.size() == first) return;
        // A heading is never cut by a page break and never ends a page (a heading stays with
        // the text it heads, as in every Japanese and Western book rule): no break inside it or
        // after it.
        for (std::size_t i = first; i < galley_.rows.size(); ++i) galley_.rows[i].break_after = false;
        galley_.rows[first].heading = static_cast<int>(galley_.headings.size());
        galley_.headings.push_back(HeadingEntry{heading_title(n), std::clamp(n.level, 1, 6)});
    }

    // A bookmark reads the words as printed; a ruby's reading (Node::reading) is left out.
    static void text_of(const Node& n, std::string& out) {
        out += n.text;
        for (const Node& c : n.children) text_of(c, out);
    }

    static std::string heading_title(const Node& n) {
        std::string out;
        bool first = true;
        bool lines = false;
        for (const Node& c : n.children) {
            if (c.role == Role::line) {
                if (!first) out += "\u3000";  // the title's visual lines, joined as a reader says them
                lines = true;
                first = false;
                text_of(c, out);
            } else {
                text_of(c, out);
                first = false;
            }
        }
        if (!lines && n.children.empty()) out = n.text;
        return out;
    }

    void list(const Node& n, int parent, const Region& r, const std::string& inherited_lang) {
        const std::string lang = lang_of(n, inherited_lang);
        if (n.inline_items) {
            // Names that run on as one paragraph (出席者) are a paragraph in the PDF: a reader
            // hears one sentence of names, as printed, not a list of one-name items. (The
            // XHTML keeps the list, where browsers read an inline list as running text.)
            int e = parent;
            if (!(absorb_into_ == parent && n.lang.empty())) e = add(StructType::P, parent, n, inherited_lang);
            absorb_into_ = -1;
            inline_list(n, e, r, lang);
            return;
        }
        const int e = flatten_lists_ > 0 ? parent : add(StructType::L, parent, n, inherited_lang);
        for (const Node& c : n.children) block(c, e, r, lang, n.style);
    }

    // Attendee names: the items run on as one paragraph, a caption running in first
    // (styled_doc.hpp); every word belongs to element `e` (see list()).
    void inline_list(const Node& n, int e, const Region& r, const std::string& lang) {
        const BlockStyle& st = style_at(n.style);
        std::vector<InlinePiece> pieces;
        std::vector<std::pair<std::string, int>> links;
        InlineContext base = context_for(st, e, lang);
        for (const Node& c : n.children) {
            const std::string clang = lang_of(c, lang);
            if (c.role == Role::caption) {
                InlineContext cx = base;
                cx.lang = clang;
                collect_children(c, cx, pieces, links);
            } else if (c.role == Role::list_item) {
                for (const Node& part : c.children) {
                    InlineContext cx = base;
                    cx.lang = lang_of(part, clang);
                    collect_children(part, cx, pieces, links);
                }
            } else {
                InlineContext cx = base;
                collect(c, cx, pieces, links);
            }
        }
        Para p = set_para(std::move(pieces), links, st, n.style, e, r, false);
        append(std::move(p));
    }

    void list_item(const Node& n, int parent, const Region& r, const std::string& inherited_lang) {
        // Inside a particular's value (flatten_lists_), an item is a paragraph whose label is
        // its first words: see definition_item().
        int li;
        if (flatten_lists_ > 0) {
            li = absorb_into_ == parent ? parent : add(StructType::P, parent, n, inherited_lang);
            absorb_into_ = -1;
        } else {
            li = add(StructType::LI, parent, n, inherited_lang);
        }
        const std::string lang = lang_of(n, inherited_lang);
        const BlockStyle& st = style_at(n.style);

        PendingLabel mine;
        // An outer item's label still waiting (a nested list opens the outer body) is not
        // taken by this item's paragraphs: it is put beside them when the outer item ends.
        PendingLabel* outer = label_;
        label_ = nullptr;
        std::vector<std::pair<std::string, int>> no_links;
        for (const Node& c : n.children) {
            if (c.role == Role::label) {
                const int lbl = flatten_lists_ > 0 ? li : add(StructType::Lbl, li, c, lang);
                if (!c.alt.empty() && lbl != li) tree_.elements[static_cast<std::size_t>(lbl)].alt = c.alt;
                InlineContext cx = context_for(st, lbl, lang_of(c, lang));
                cx.marker = true;
                collect_children(c, cx, mine.pieces, no_links);
                mine.left_pt = block_left(st, r);
                mine.width_pt = st.marker_width * zw_;
                mine.row = galley_.rows.size();
                mine.element = lbl;
                mine.style = n.style;
                mine.box_depth = box_depth_;
                mine.active = !mine.pieces.empty();
                label_ = &mine;
            } else if (c.role == Role::list_body) {
                int body = li;
                if (flatten_lists_ > 0) absorb_into_ = li;  // the body's first paragraph is the item's
                else body = add(StructType::LBody, li, c, lang);
                content(c, body, r, lang_of(c, lang), c.style >= 0 ? c.style : n.style);
            } else {
                block(c, li, r, lang, n.style);
            }
        }
        if (mine.active) overlay_label(mine, r);
        label_ = outer;
    }

    // The label could not share the marker box of its body's first paragraph (the body
    // starts with a table, a nested list or nothing): it is set alone and put on the row the
    // item's first line occupies.
    void overlay_label(PendingLabel& label, const Region& r) {
        label.active = false;
        const BlockStyle& st = style_at(label.style);
        ParagraphSpec spec;
        spec.pieces = std::move(label.pieces);
        for (InlinePiece& p : spec.pieces) p.marker = false;
        spec.measure_pt = std::max(label.width_pt, r.right - label.left_pt);
        spec.align = Align::start;
        spec.zw_pt = zw_;
        Para p = finish_para(set_(spec, diags_), {}, st, label.style, label.element, label.left_pt);
        overlay(std::move(p), label.row);
    }

    void definition_item(const Node& n, int parent, const Region& r, const std::string& inherited_lang) {
        const int tr = add(StructType::LI, parent, n, inherited_lang);
        const std::string lang = lang_of(n, inherited_lang);
        const BlockStyle& st = style_at(n.style);
        const Node* term = nullptr;
        const Node* def = nullptr;
        for (const Node& c : n.children) {
            if (c.role == Role::term && !term) term = &c;
            else if (c.role == Role::definition && !def) def = &c;
        }
        // The value column starts at term_width (styled_doc.hpp BlockStyle::term_width); a
        // hand-made item without one falls back to the term's or the list's style, then to a
        // quarter of the measure.
        double term_width = st.term_width;
        if (term_width <= 0 && term) term_width = style_at(term->style).term_width;
        if (term_width <= 0) term_width = std::floor(measure_ / zw_ / 4);
        const double column = r.relative ? r.left + term_width * zw_ : std::max(r.left, term_width * zw_);

        Para term_para;
        ++box_depth_;
        if (term) {
            const int th = add(StructType::Lbl, tr, *term, lang);
            apply_actual_text(*term, th);
            const BlockStyle& tst = style_at(term->style >= 0 ? term->style : n.style);
            const int tstyle = term->style >= 0 ? term->style : n.style;
            const Region tr_region{r.left, column, r.relative};
            std::vector<InlinePiece> pieces;
            std::vector<std::pair<std::string, int>> links;
            InlineContext cx = context_for(tst, th, lang_of(*term, lang));
            collect_block_text(*term, cx, pieces, links);
            term_para = set_para(std::move(pieces), links, tst, tstyle, th, tr_region, true);
        }
        const std::size_t first_row = galley_.rows.size();
        if (def) {
            const int td = add(StructType::LBody, tr, *def, lang);
            // A list in a value (配付資料, 議題, groups of attendees) is set as paragraphs, the
            // first one's words in the body itself: the printed line 「４ 配付資料 資料１ …」
            // then reads as one block, the term with the first entry beside it, as a reader
            // sees it. Each entry keeps its own number (資料１, （１）) as its first words.
            ++flatten_lists_;
            content(*def, td, Region{column, r.right, false}, lang_of(*def, lang),
                    def->style >= 0 ? def->style : n.style);
            --flatten_lists_;
        }
        --box_depth_;
        overlay(std::move(term_para), first_row);
        for (const Node& c : n.children)
            if (&c != term && &c != def) block(c, tr, r, lang, n.style);
    }

    // Text of a block that is set as one paragraph even if it holds `line`s (a term).
    void collect_block_text(const Node& n, const InlineContext& cx, std::vector<InlinePiece>& out,
                            std::vector<std::pair<std::string, int>>& links) {
        if (!n.text.empty()) push_text(n.text, cx, n.source, out);
        bool first = true;
        for (const Node& c : n.children) {
            InlineContext inner = cx;
            if (first && (c.role == Role::label || c.marker)) inner.marker = true;
            if (style::is_inline(c.role))
                collect(c, inner, out, links);
            else
                collect_block_text(c, inner, out, links);
            first = false;
        }
    }

    // Puts a paragraph's lines on the rows from `first_row` on (a term beside its value, a
    // label beside its body), adding rows when it has more lines than they. Its lines come
    // first in each row: the term is read before its value.
    void overlay(Para p, std::size_t first_row) {
        for (std::size_t k = 0; k < p.lines.size(); ++k) {
            const std::size_t idx = first_row + k;
            if (idx < galley_.rows.size()) {
                Row& row = galley_.rows[idx];
                row.lines.insert(row.lines.begin(), std::move(p.lines[k]));
                row.pitch_pt = std::max(row.pitch_pt, p.pitch[k]);
                if (k + 1 < p.lines.size()) row.break_after = row.break_after && p.break_after[k];
            } else {
                Row row;
                row.pitch_pt = p.pitch[k];
                row.space_before_pt = idx == first_row ? take_space() : 0;
                row.break_after = p.break_after[k] != 0;
                row.lines.push_back(std::move(p.lines[k]));
                galley_.rows.push_back(std::move(row));
            }
        }
    }

    // ---------------------------------------------------------------- tables

    void table(const Node& n, int parent, const Region& r, const std::string& inherited_lang) {
        const int e = add(StructType::Table, parent, n, inherited_lang);
        const std::string lang = lang_of(n, inherited_lang);
        const BlockStyle& st = style_at(n.style);
        std::vector<const Node*> rows;
        for (const Node& c : n.children) {
            if (c.role == Role::table_row) rows.push_back(&c);
            else if (c.role == Role::caption) block(c, e, r, lang, n.style);
        }
        std::size_t ncols = 0;
        for (const Node* row : rows) ncols = std::max(ncols, row->children.size());
        if (ncols == 0) return;

        // Columns from content (the automatic table layout of CSS 2.1 §17.5.2.2, simplified):
        // every column gets its widest unbroken content when that fits; otherwise narrow
        // columns keep their width and the wide ones share the rest in proportion.
        const double pad = 0.5 * zw_;
        const double left = block_left(st, r);
        const double avail = std::max(0.0, r.right - left);
        std::vector<double> natural(ncols, 0);
        for (const Node* row : rows)
            for (std::size_t c = 0; c < row->children.size(); ++c)
                natural[c] = std::max(natural[c], measure_cell(row->children[c], lang) + 2 * pad);
        const std::vector<double> widths = column_widths(natural, avail, 2 * zw_ + 2 * pad, n);

        std::vector<double> edges{left};
        for (double w : widths) edges.push_back(edges.back() + w);
        const double right = edges.back();

        ++box_depth_;
        for (std::size_t ri = 0; ri < rows.size(); ++ri) {
            const Node& row = *rows[ri];
            const int tr = add(StructType::TR, e, row, lang);
            const std::string rlang = lang_of(row, lang);
            const bool all_headers = std::all_of(row.children.begin(), row.children.end(),
                                                 [](const Node& c) { return c.role == Role::header_cell; });
            std::vector<std::vector<Row>> cells;
            for (std::size_t c = 0; c < row.children.size(); ++c) {
                const Node& cell = row.children[c];
                const bool header = cell.role == Role::header_cell;
                const int ce = add(header ? StructType::TH : StructType::TD, tr, cell, rlang);
                // ISO 14289-1 §7.5: headers state what they head. A row of headers heads the
                // columns; a header among data cells heads its row.
                if (header)
                    tree_.elements[static_cast<std::size_t>(ce)].scope =
                        all_headers ? HeaderScope::column : HeaderScope::row;
                std::vector<Row> saved = std::move(galley_.rows);
                galley_.rows.clear();
                const double saved_space = pending_space_;
                pending_space_ = 0;
                content(cell, ce, Region{edges[c] + pad, edges[c + 1] - pad, true}, lang_of(cell, rlang),
                        cell.style >= 0 ? cell.style : row.style);
                cells.push_back(std::move(galley_.rows));
                galley_.rows = std::move(saved);
                pending_space_ = saved_space;
            }
            std::size_t height = 1;
            for (const auto& cell_rows : cells) height = std::max(height, cell_rows.size());
            for (std::size_t i = 0; i < height; ++i) {
                Row merged;
                merged.pitch_pt = page_pitch_;
                merged.space_before_pt = (ri == 0 && i == 0) ? take_space() : 0;
                for (auto& cell_rows : cells) {
                    if (i >= cell_rows.size()) continue;
                    merged.pitch_pt = std::max(merged.pitch_pt, cell_rows[i].pitch_pt);
                    for (PlacedLine& l : cell_rows[i].lines) merged.lines.push_back(std::move(l));
                }
                // A table row is not cut by a page break (unless it alone exceeds a page).
                merged.break_after = i + 1 == height;
                // The grid is drawn slot by slot: verticals for this slot, the row's top rule
                // on its first slot and the table's bottom rule on the last slot of the table.
                for (double x : edges) merged.rules.push_back(RowRule{x, 0, x, merged.pitch_pt, 0.5});
                if (i == 0) merged.rules.push_back(RowRule{left, 0, right, 0, 0.5});
                if (ri + 1 == rows.size() && i + 1 == height)
                    merged.rules.push_back(RowRule{left, merged.pitch_pt, right, merged.pitch_pt, 0.5});
                galley_.rows.push_back(std::move(merged));
            }
        }
        --box_depth_;
    }

    double measure_cell(const Node& cell, const std::string& lang) {
        Diagnostics scratch;  // the real pass reports the cell's problems once
        Builder probe(doc_, set_, options_, scratch);
        return probe.natural_width(cell, lang);
    }

    std::vector<double> column_widths(const std::vector<double>& natural, double avail, double min_width,
                                      const Node& n) {
        const std::size_t k = natural.size();
        std::vector<double> w(k, 0);
        double total = 0;
        for (double x : natural) total += x;
        if (total <= avail + kEps) {
            // Everything fits: the spare width goes to the columns in proportion, so the
            // table spans the measure as official tables do.
            for (std::size_t i = 0; i < k; ++i)
                w[i] = total > 0 ? natural[i] + (avail - total) * natural[i] / total : avail / double(k);
            return w;
        }
        std::vector<char> fixed(k, 0);
        double rest = avail;
        std::size_t flex = k;
        for (bool changed = true; changed && flex > 0;) {
            changed = false;
            const double fair = rest / double(flex);
            for (std::size_t i = 0; i < k; ++i) {
                if (fixed[i] || natural[i] > fair) continue;
                fixed[i] = 1;
                w[i] = natural[i];
                rest -= natural[i];
                --flex;
                changed = true;
            }
        }
        double flex_total = 0;
        for (std::size_t i = 0; i < k; ++i)
            if (!fixed[i]) flex_total += natural[i];
        for (std::size_t i = 0; i < k; ++i)
            if (!fixed[i]) w[i] = flex_total > 0 ? rest * natural[i] / flex_total : rest / double(flex);
        double sum = 0;
        for (std::size_t i = 0; i < k; ++i) {
            w[i] = std::max(w[i], min_width);
            sum += w[i];
        }
        if (sum > avail + kEps)
            diags_.warning("W564", file(), doc_.loc(n.source),
                           "a table has more columns than fit the measure; it runs past the right margin",
                           "表の列が版面の幅に収まらず、右余白にはみ出します",
                           "Split the table or shorten its header cells.",
                           "表を分けるか、見出しセルを短くしてください。");
        return w;
    }

    // ---------------------------------------------------------------- paragraphs

    InlineContext context_for(const BlockStyle& st, int element, const std::string& lang) const {
        InlineContext cx;
        cx.element = element;
        cx.lang = lang;
        cx.size_pt = st.font_size_pt > 0 ? st.font_size_pt : zw_;
        cx.font_role = st.font_role.empty() ? "mincho" : st.font_role;
        cx.letter_spacing = st.letter_spacing;
        return cx;
    }

    void push_text(const std::string& text, const InlineContext& cx, NodeId source,
                   std::vector<InlinePiece>& out) const {
        if (text.empty()) return;
        const std::string lang = cx.lang == doc_.lang ? std::string() : cx.lang;
        if (!out.empty()) {
            // Adjacent pieces with the same properties become one, so the engine sees words
            // whole (a piece boundary is no line-break or spacing hint).
            InlinePiece& last = out.back();
            if (last.element == cx.element && last.lang == lang && last.uri == cx.uri &&
                last.marker == cx.marker && last.size_pt == cx.size_pt &&
                last.font_role == cx.font_role && last.letter_spacing == cx.letter_spacing &&
                last.source == source) {
                last.text += text;
                return;
            }
        }
        InlinePiece p;
        p.text = text;
        p.font_role = cx.font_role;
        p.size_pt = cx.size_pt;
        p.element = cx.element;
        p.source = source;
        p.lang = lang;
        p.marker = cx.marker;
        p.uri = cx.uri;
        p.letter_spacing = cx.letter_spacing;
        out.push_back(std::move(p));
    }

    void collect_children(const Node& n, const InlineContext& cx, std::vector<InlinePiece>& out,
                          std::vector<std::pair<std::string, int>>& links) {
        if (!n.text.empty()) push_text(n.text, cx, n.source, out);
        for (const Node& c : n.children) collect(c, cx, out, links);
    }

    // The pieces of one inline node. Elements are opened only where the role table asks for
    // one; other inline nodes lend their words to the element around them.
    void collect(const Node& n, InlineContext cx, std::vector<InlinePiece>& out,
                 std::vector<std::pair<std::string, int>>& links) {
        const std::string inherited = cx.lang;
        cx.lang = lang_of(n, cx.lang);
        if (n.marker) cx.marker = true;
        switch (n.role) {
            case Role::text:
                push_text(n.text, cx, n.source, out);
                return;
            case Role::span:
            case Role::emphasis:
                // A Span only where it says something (ISO 32000-1 §14.9.2 /Lang, §14.9.4
                // /ActualText); otherwise its words are its parent's.
                if (cx.lang != inherited || needs_actual_text(n)) {
                    cx.element = add(StructType::Span, cx.element, n, inherited);
                    apply_actual_text(n, cx.element);
                }
                break;
            case Role::quote:
                cx.element = add(StructType::Quote, cx.element, n, inherited);
                break;
            case Role::link:
                cx.element = add(StructType::Link, cx.element, n, inherited);
                tree_.elements[static_cast<std::size_t>(cx.element)].uri = n.href;
                cx.uri = n.href;
                links.emplace_back(n.href, cx.element);
                break;
            case Role::ruby: {
                // Ruby/RB/RT (ISO 32000-1 §14.8.4.7). The reading is set after its base at
                // half size: no interlinear ruby yet.
                const int ruby = add(StructType::Ruby, cx.element, n, inherited);
                InlineContext base = cx;
                base.element = tree_.add(StructType::RB, ruby, n.source);
                collect_children(n, base, out, links);
                if (!n.reading.empty()) {
                    InlineContext rt = cx;
                    rt.element = tree_.add(StructType::RT, ruby, n.source);
                    rt.size_pt = cx.size_pt / 2;
                    push_text(n.reading, rt, n.source, out);
                }
                return;
            }
            case Role::label:
            case Role::time:
                break;
            default:
                // A block node inside inline content: never made by style::resolve.
                warn_mixed(n);
                break;
        }
        collect_children(n, cx, out, links);
    }

    static bool has_marker(const std::vector<InlinePiece>& pieces) {
        return std::any_of(pieces.begin(), pieces.end(), [](const InlinePiece& p) { return p.marker; });
    }

    void paragraph(std::span<const Node> kids, int style, int element, const Region& r,
                   const std::string& lang) {
        const BlockStyle& st = style_at(style);
        std::vector<InlinePiece> pieces;
        std::vector<std::pair<std::string, int>> links;
        const InlineContext base = context_for(st, element, lang);
        for (std::size_t i = 0; i < kids.size(); ++i) {
            InlineContext cx = base;
            // styled_doc.hpp: a label (or marker span) that is the paragraph's first child is
            // set in the marker box.
            if (i == 0 && kids[i].role == Role::label) cx.marker = true;
            collect(kids[i], cx, pieces, links);
        }
        Para p = set_para(std::move(pieces), links, st, style, element, r, false);
        append(std::move(p));
    }

    // Sets pieces as a paragraph of style `st` in region `r`. Unless `boxed`, a list item's
    // waiting label joins it in the marker box.
    Para set_para(std::vector<InlinePiece> pieces, const std::vector<std::pair<std::string, int>>& links,
                  const BlockStyle& st, int style, int element, const Region& r, bool boxed) {
        if (pieces.empty()) return {};
        double left = block_left(st, r);
        ParagraphSpec spec;
        spec.first_line_indent_pt = st.first_line_indent * zw_;
        spec.marker_width_pt = st.marker_width * zw_;
        spec.jidori_pt = st.jidori * zw_;
        spec.align = st.align;
        spec.zw_pt = zw_;
        // Only a paragraph in the item's own flow takes the label: not one inside a term,
        // definition or table cell opened within the item (their rows are not the item's).
        if (!boxed && label_ && label_->active && box_depth_ == label_->box_depth &&
            label_->row == galley_.rows.size() && !has_marker(pieces)) {
            // The list item's label in this paragraph's marker box: the box runs from the
            // item's start_indent to where the body's text starts (hanging indent of 箇条書き,
            // typesetting.md §2.7).
            const double text_left = std::max(left, label_->left_pt + label_->width_pt);
            spec.marker_width_pt = text_left - label_->left_pt;
            left = label_->left_pt;
            pieces.insert(pieces.begin(), label_->pieces.begin(), label_->pieces.end());
            label_->active = false;
        }
        spec.measure_pt = std::max(r.right - left, zw_);
        spec.pieces = std::move(pieces);
        return finish_para(set_(spec, diags_), links, st, style, element, left);
    }

    Para finish_para(std::vector<SetLine> lines, const std::vector<std::pair<std::string, int>>& links,
                     const BlockStyle& st, int style, int element, double left) {
        Para p;
        const std::size_t n = lines.size();
        const double base_pitch = st.line_pitch_pt > 0 ? st.line_pitch_pt : page_pitch_;
        for (std::size_t k = 0; k < n; ++k) {
            SetLine& line = lines[k];
            for (LinkArea& a : line.links) fix_link_element(a, links);
            mark_spread_words(line, st);
            double pitch = base_pitch;
            const double height = line.ascent_pt + line.descent_pt;
            // 行取り (JLREQ's "line allocation" of headings): a line taller than the page's
            // pitch takes whole lines of the grid, so the text after it stays on the grid.
            if (st.line_pitch_pt <= 0 && height > base_pitch + kEps)
                pitch = page_pitch_ * std::ceil(height / page_pitch_ - kEps);
            p.pitch.push_back(pitch);
            // Widow and orphan control: break after line k+1 of n only when both parts keep
            // their minimum.
            const auto before = static_cast<int>(k + 1);
            const auto after = static_cast<int>(n - k - 1);
            p.break_after.push_back(after == 0 || (before >= options_.orphans && after >= options_.widows));
            p.lines.push_back(PlacedLine{std::move(line), left, element, style, before});
        }
        return p;
    }

    // Tracked (議 事 要 旨) and spread (日　時, 均等割り) words are positioned, never spaced with
    // space characters, yet text extractors (poppler, pdf.js) turn the gaps into spaces and
    // read 「議 事 要 旨」. Each such run therefore says what it shows in /ActualText, the
    // belt-and-braces measure of typesetting.md §4.6 and §5.2 (ISO 32000-1 §14.9.4). A jidori
    // term whose words already fill their width is not spread and needs none (出席者).
    static void mark_spread_words(SetLine& line, const BlockStyle& st) {
        const bool tracked = st.letter_spacing > 0;
        const bool spread = st.jidori > 0 && line.width_pt > line.natural_width_pt + 0.01;
        if (!tracked && !spread) return;
        for (GlyphRun& run : line.runs)
            if (run.actual_text.empty() && run.glyphs.size() > 1) run.actual_text = run.text;
    }

    // A link area belongs to its Link element (ISO 14289-1 §7.18.5), even when the engine
    // named the element of the words inside it (a Span with a language, say).
    void fix_link_element(LinkArea& a, const std::vector<std::pair<std::string, int>>& links) const {
        int e = a.element;
        while (e > 0 && static_cast<std::size_t>(e) < tree_.elements.size() &&
               tree_.elements[static_cast<std::size_t>(e)].type != StructType::Link)
            e = tree_.elements[static_cast<std::size_t>(e)].parent;
        if (e > 0 && static_cast<std::size_t>(e) < tree_.elements.size()) {
            a.element = e;
            return;
        }
        for (const auto& [uri, element] : links)
            if (uri == a.uri) {
                a.element = element;
                return;
            }
    }

    void append(Para p) {
        for (std::size_t k = 0; k < p.lines.size(); ++k) {
            Row row;
            row.pitch_pt = p.pitch[k];
            row.space_before_pt = k == 0 ? take_space() : 0;
            row.break_after = p.break_after[k] != 0;
            row.lines.push_back(std::move(p.lines[k]));
            galley_.rows.push_back(std::move(row));
        }
    }
};

}  // namespace

BlockResult build_blocks(const style::StyledDoc& doc, const SetParagraphFn& set,
                         const LayoutOptions& options, Diagnostics& diags) {
    Builder b(doc, set, options, diags);
    return b.run();
}

}  // namespace gijiroku::layout
