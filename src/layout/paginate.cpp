#include "layout/paginate.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace gijiroku::layout {

namespace {

constexpr double kEps = 1e-6;

}  // namespace

BodyArea body_area(const style::PageSetup& page) {
    BodyArea a;
    a.left_pt = page.margin_left_pt;
    a.top_pt = page.margin_top_pt;
    a.width_pt = page.chars_per_line * page.body_size_pt;
    a.height_pt = page.lines_per_page * page.line_pitch_pt;
    return a;
}

bool check_page_setup(const style::PageSetup& page, const std::string& file, Diagnostics& diags) {
    std::string what;
    if (!(page.width_pt > 0) || !(page.height_pt > 0))
        what = "the paper size is not positive";
    else if (!(page.body_size_pt > 0) || page.chars_per_line <= 0)
        what = "the body size or characters per line is not positive";
    else if (page.lines_per_page <= 0 || !(page.line_pitch_pt > 0))
        what = "the lines per page or the line pitch is not positive";
    else if (page.margin_left_pt < 0 || page.margin_top_pt < 0 || page.margin_right_pt < 0 ||
             page.margin_bottom_pt < 0)
        what = "a margin is negative";
    else {
        const BodyArea a = body_area(page);
        if (a.left_pt + a.width_pt > page.width_pt + 0.01)
            what = "the measure (" + std::to_string(page.chars_per_line) + " characters) is wider than the paper";
        else if (a.top_pt + a.height_pt > page.height_pt + 0.01)
            what = "the line grid (" + std::to_string(page.lines_per_page) + " lines) is taller than the paper";
    }
    if (what.empty()) return true;
    diags.error("E563", file, {}, "the page grid cannot be laid out: " + what,
                "版面を組めません: " + what,
                "Correct the template's page setup (margins, characters per line, lines per page, "
                "line pitch).",
                "テンプレートの版面設定（余白、字数、行数、行送り）を直してください。");
    return false;
}

Paginated paginate(Galley&& galley, const style::StyledDoc& doc, const LayoutOptions& options,
                   Diagnostics& diags) {
    Paginated out;
    const style::PageSetup& setup = doc.page;
    const BodyArea body = body_area(setup);
    auto& rows = galley.rows;
    const std::size_t n = rows.size();

    std::size_t i = 0;
    bool warned_tall = false;
    while (i < n) {
        if (out.pages.size() >= options.max_pages) {
            diags.error("E565", doc.source_file, {},
                        "the document needs more than " + std::to_string(options.max_pages) +
                            " pages; layout stopped",
                        "文書が " + std::to_string(options.max_pages) + " ページを超えるため、組版を中止しました",
                        "Split the minutes into several files.", "議事録を複数のファイルに分けてください。");
            break;
        }
        // Fill: rows [i, j) fit the body (the space above a page's first row is dropped).
        std::size_t j = i;
        double y = 0;
        while (j < n) {
            const double space = j == i ? 0 : rows[j].space_before_pt;
            if (j > i && y + space + rows[j].pitch_pt > body.height_pt + kEps) break;
            y += space + rows[j].pitch_pt;
            ++j;
        }
        if (j == i + 1 && rows[i].pitch_pt > body.height_pt + kEps && !warned_tall) {
            warned_tall = true;
            diags.warning("W562", doc.source_file, {},
                          "a line is taller than the page's text area and overflows it",
                          "行の高さが版面を超え、はみ出します",
                          "Reduce the style's font size or line pitch.",
                          "スタイルの文字サイズか行送りを小さくしてください。");
        }
        // Cut after the last row of [i, j) that allows a break; when none does, where the
        // body is full.
        std::size_t end = j;
        if (j < n) {
            for (std::size_t k = j; k > i; --k) {
                if (rows[k - 1].break_after) {
                    end = k;
                    break;
                }
            }
        }

        Page page;
        page.width_pt = setup.width_pt;
        page.height_pt = setup.height_pt;
        page.label = std::to_string(out.pages.size() + 1);
        const int page_index = static_cast<int>(out.pages.size());
        double cursor = body.top_pt;
        for (std::size_t k = i; k < end; ++k) {
            Row& row = rows[k];
            if (k != i) cursor += row.space_before_pt;
            const double top = cursor;
            // The line's ascent + descent box is centred in its slot, as a character frame
            // sits in the middle of the line pitch on a Japanese page grid; one baseline for the
            // whole row.
            double ascent = 0, descent = 0;
            for (const PlacedLine& l : row.lines) {
                ascent = std::max(ascent, l.line.ascent_pt);
                descent = std::max(descent, l.line.descent_pt);
            }
            const double baseline = top + (row.pitch_pt - (ascent + descent)) / 2 + ascent;
            for (PlacedLine& l : row.lines) {
                const double x = body.left_pt + l.x_pt;
                LineRecord rec;
                rec.page = page_index;
                rec.element = l.element;
                if (l.style >= 0 && static_cast<std::size_t>(l.style) < doc.styles.size())
                    rec.style = doc.styles[static_cast<std::size_t>(l.style)].name;
                rec.line = l.line_no;
                rec.x_pt = x;
                rec.baseline_pt = baseline;
                rec.natural_width_pt = l.line.natural_width_pt;
                rec.width_pt = l.line.width_pt;
                rec.text = l.line.text;
                out.lines.push_back(std::move(rec));
                for (GlyphRun& run : l.line.runs) {
                    run.origin.x += x;
                    run.origin.y += baseline;
                    page.runs.push_back(std::move(run));
                }
                for (LinkArea& a : l.line.links) {
                    a.rect.x += x;
                    a.rect.y += baseline;
                    page.links.push_back(std::move(a));
                }
            }
            for (const RowRule& rr : row.rules) {
                Rule rule;
                rule.from = Point{body.left_pt + rr.x1, top + rr.y1};
                rule.to = Point{body.left_pt + rr.x2, top + rr.y2};
                rule.width_pt = rr.width_pt;
                page.rules.push_back(rule);
            }
            if (row.heading >= 0 && static_cast<std::size_t>(row.heading) < galley.headings.size()) {
                const HeadingEntry& h = galley.headings[static_cast<std::size_t>(row.heading)];
                out.outline.push_back(Bookmark{h.title, h.level, page_index, top});
            }
            cursor += row.pitch_pt;
        }
        out.pages.push_back(std::move(page));
        i = end;
    }
    if (out.pages.empty()) {
        // A document with nothing to print still gets one blank page: readers (and the PDF
        // writer's page tree) expect at least one.
        Page page;
        page.width_pt = setup.width_pt;
        page.height_pt = setup.height_pt;
        page.label = "1";
        out.pages.push_back(std::move(page));
    }
    return out;
}

}  // namespace gijiroku::layout
