#include "layout/build_pages.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "layout/blocks.hpp"
#include "layout/paginate.hpp"
#include "layout/struct_tree.hpp"

namespace gijiroku::layout {

namespace {

// 「- {n} -」 → 「- 3 -」: half-width digits, as office documents number their pages.
std::string page_number_text(const std::string& format, std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    std::size_t pos = 0;
    while (pos < format.size()) {
        const std::size_t at = format.find("{n}", pos);
        if (at == std::string::npos) {
            out.append(format, pos, std::string::npos);
            break;
        }
        out.append(format, pos, at - pos);
        out += digits;
        pos = at + 3;
    }
    return out;
}

// Sets one line of page furniture (a page number, the running head) in the band between the
// paper's edge and the body, centred vertically, and marks it as a pagination artifact
// (ISO 32000-1 §14.8.2.2.2; ISO 14289-1 §7.8: page furniture is not real content).
void place_furniture(Page& page, const style::StyledDoc& doc, const SetParagraphFn& set,
                     const std::string& text, style::Align align, bool top, ArtifactKind kind,
                     Diagnostics& diags) {
    const style::PageSetup& setup = doc.page;
    const BodyArea body = body_area(setup);
    ParagraphSpec spec;
    InlinePiece piece;
    piece.text = text;
    piece.font_role = setup.page_number_font_role.empty() ? "mincho" : setup.page_number_font_role;
    piece.size_pt = setup.page_number_size_pt > 0 ? setup.page_number_size_pt : setup.body_size_pt;
    spec.pieces.push_back(std::move(piece));
    spec.measure_pt = body.width_pt;
    spec.align = align;
    spec.zw_pt = setup.body_size_pt;
    std::vector<SetLine> lines = set(spec, diags);
    if (lines.empty()) return;
    SetLine& line = lines.front();

    // The head band is the top margin; the foot band the bottom margin, or what lies below
    // the grid when the margin is too small to hold the line.
    double band_top = 0, band_bottom = body.top_pt;
    if (!top) {
        const double grid_bottom = body.top_pt + body.height_pt;
        band_bottom = setup.height_pt;
        band_top = setup.height_pt - setup.margin_bottom_pt;
        if (band_top < grid_bottom || setup.margin_bottom_pt < line.ascent_pt + line.descent_pt)
            band_top = std::min(grid_bottom, setup.height_pt);
    }
    const double baseline = (band_top + band_bottom) / 2 + (line.ascent_pt - line.descent_pt) / 2;
    std::vector<GlyphRun> placed;
    for (GlyphRun& run : line.runs) {
        run.origin.x += body.left_pt;
        run.origin.y += baseline;
        run.mark = Mark::as_artifact(kind, top);
        placed.push_back(std::move(run));
    }
    if (top)
        page.runs.insert(page.runs.begin(), std::make_move_iterator(placed.begin()),
                         std::make_move_iterator(placed.end()));
    else
        page.runs.insert(page.runs.end(), std::make_move_iterator(placed.begin()),
                         std::make_move_iterator(placed.end()));
}

void add_furniture(PageSet& pages, const style::StyledDoc& doc, const SetParagraphFn& set,
                   Diagnostics& diags) {
    const style::PageSetup& setup = doc.page;
    // The running head takes the side the page number does not: start, or end when a page
    // number sits at the start of the head.
    const style::Align head_align = setup.page_number_at_top && setup.page_number_align == style::Align::start
                                        ? style::Align::end
                                        : style::Align::start;
    for (std::size_t i = 0; i < pages.pages.size(); ++i) {
        Page& page = pages.pages[i];
        if (!setup.running_head.empty())
            place_furniture(page, doc, set, setup.running_head, head_align, true, ArtifactKind::running_head,
                            diags);
        if (!setup.page_number_format.empty())
            place_furniture(page, doc, set, page_number_text(setup.page_number_format, i + 1),
                            setup.page_number_align, setup.page_number_at_top, ArtifactKind::page_number,
                            diags);
    }
}

}  // namespace

std::optional<LayoutResult> build_pages(const style::StyledDoc& doc, const SetParagraphFn& set,
                                        const LayoutOptions& options, Diagnostics& diags) {
    const std::size_t errors_before = diags.error_count();
    if (!check_page_setup(doc.page, doc.source_file, diags)) return std::nullopt;

    BlockResult blocks = build_blocks(doc, set, options, diags);
    Paginated paginated = paginate(std::move(blocks.galley), doc, options, diags);

    LayoutResult result;
    result.tree = std::move(blocks.tree);
    result.pages.pages = std::move(paginated.pages);
    result.pages.outline = std::move(paginated.outline);
    result.pages.title = doc.title;
    result.pages.lang = doc.lang.empty() ? "ja" : doc.lang;
    result.lines = std::move(paginated.lines);
    add_furniture(result.pages, doc, set, diags);

    prune_empty(result.tree, result.pages, result.lines);
    check_structure(result.tree, result.pages, doc.source_file, diags);
    if (diags.error_count() > errors_before) return std::nullopt;
    return result;
}

}  // namespace gijiroku::layout
