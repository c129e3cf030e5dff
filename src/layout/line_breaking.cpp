#include "layout/line_breaking.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace gijiroku::layout::jlreq {

namespace {

using text::BreakOpportunity;

// Widths are sums of a few hundred products of font sizes and simple fractions; anything
// closer than this is equal (far below the 0.01 pt the page cares about).
constexpr double eps = 1e-6;

// Prefix sums over items and gaps, so that any line's natural width, reducible and expandable
// amounts come in constant time (the breaker stays linear in the paragraph).
class Sums {
public:
    // Sums over items [base, limit) (a whole paragraph for the breaker, one line for placing).
    Sums(const Glue& glue, std::size_t base, std::size_t limit) : glue_(glue), base_(base) {
        const std::size_t n = limit - base;
        along_.assign(n + 1, 0);
        shrink1_.assign(n + 1, 0);
        stretch1_.assign(n + 1, 0);
        words_.assign(n + 1, 0);
        nonhang_end_.assign(n + 1, base);
        dots_.assign(n + 1, 0);
        bracket_.assign(n + 1, 0);
        jw_half_.assign(n + 1, 0);
        jw_stretch_.assign(n + 1, 0);
        stretch3_.assign(n + 1, 0);
        expandable_.assign(n + 1, 0);
        for (std::size_t r = 0; r < n; ++r) {
            const std::size_t i = base + r;
            const ItemGlue& ig = glue.items[i];
            along_[r + 1] = along_[r] + ig.width + gap_natural(i);
            shrink1_[r + 1] = shrink1_[r] + ig.shrink;
            stretch1_[r + 1] = stretch1_[r] + ig.stretch;
            words_[r + 1] = words_[r] + (ig.word_space ? 1 : 0);
            nonhang_end_[r + 1] = ig.hangs ? nonhang_end_[r] : i + 1;
            // Gap i (between items i and i + 1), summed at index r + 1.
            const Gap no_gap;
            const Gap& gp = i < glue.gaps.size() ? glue.gaps[i] : no_gap;
            dots_[r + 1] = dots_[r] + gp.dot_lead + gp.dot_trail;
            bracket_[r + 1] = bracket_[r] + gp.bracket;
            jw_half_[r + 1] = jw_half_[r] + gp.jw / 2;
            jw_stretch_[r + 1] = jw_stretch_[r] + gp.jw_stretch;
            stretch3_[r + 1] = stretch3_[r] + gp.stretch;
            expandable_[r + 1] = expandable_[r] + (gp.expandable ? 1 : 0);
        }
    }

    // The line [s, k) without the white space hanging at its end.
    std::size_t content_end(std::size_t s, std::size_t k) const { return std::max(s, nonhang_end_[k - base_]); }

    struct Stats {
        double natural = 0;
        // Reducible amounts by JLREQ reduction stage 1…6 (index 0 unused).
        double shrink[7] = {0, 0, 0, 0, 0, 0, 0};
        // Expandable amounts by expansion stage 1…3 (index 0 unused), and the number of
        // places that share stage 4.
        double stretch[4] = {0, 0, 0, 0};
        double expand_places = 0;
        double end_aki = 0;  // the line-end aki (reducible or not)

        double shrink_total() const {
            return shrink[1] + shrink[2] + shrink[3] + shrink[4] + shrink[5] + shrink[6];
        }
        // The width with every mid-line reducible amount taken and no line-end aki. It never
        // decreases as the line grows, so the 追い込み search can stop once it exceeds the measure.
        double lower_bound() const {
            const double end_part = shrink[2] + (shrink[3] > 0 ? end_aki : 0);
            return natural - end_aki - (shrink_total() - end_part);
        }
    };

    // Items [s, e), e a content end.
    Stats stats(std::size_t s, std::size_t e) const {
        Stats st;
        if (e <= s) return st;
        const ItemGlue& last = glue_.items[e - 1];
        const std::size_t rs = s - base_, re = e - base_;
        // Gaps [s, e − 1) are summed at indices (rs, re − 1].
        const std::size_t gs = rs, ge = re - 1;
        st.natural = glue_.items[s].head + along_[re] - along_[rs] - gap_natural(e - 1) + last.end;
        st.end_aki = last.end;
        st.shrink[1] = shrink1_[re] - shrink1_[rs];
        st.shrink[4] = dots_[ge] - dots_[gs];
        st.shrink[5] = bracket_[ge] - bracket_[gs];
        st.shrink[6] = jw_half_[ge] - jw_half_[gs];
        if (last.end_stage == 2) st.shrink[2] = last.end;
        if (last.end_stage == 3) {
            // A line-end ・ loses its ¼ before and after together (typesetting.md §2.6 stage 3).
            const double lead = e - 1 > s ? glue_.gaps[e - 2].dot_lead : 0;
            st.shrink[3] = last.end + lead;
            st.shrink[4] -= lead;
        }
        st.stretch[1] = stretch1_[re] - stretch1_[rs];
        st.stretch[2] = jw_stretch_[ge] - jw_stretch_[gs];
        st.stretch[3] = stretch3_[ge] - stretch3_[gs];
        st.expand_places = (expandable_[ge] - expandable_[gs]) + (words_[re] - words_[rs]);
        return st;
    }

private:
    double gap_natural(std::size_t i) const { return i < glue_.gaps.size() ? glue_.gaps[i].natural : 0; }

    const Glue& glue_;
    std::size_t base_ = 0;
    std::vector<double> along_, shrink1_, stretch1_, words_;
    std::vector<std::size_t> nonhang_end_;
    std::vector<double> dots_, bracket_, jw_half_, jw_stretch_, stretch3_, expandable_;
};

// How much each stage gives, as fractions of its capacity (stages 1, 4, 5, 6 proportional;
// 2 and 3 all or nothing) and, for expansion, of stages 1–3 plus the stage-4 amount per place.
struct Adjustment {
    double reduce[7] = {0, 0, 0, 0, 0, 0, 0};
    double expand[4] = {0, 0, 0, 0};
    double expand_each = 0;
};

void expand_by(const Sums::Stats& st, double deficit, Adjustment& adj) {
    for (int stage = 1; stage <= 3 && deficit > eps; ++stage) {
        const double cap = st.stretch[stage];
        if (cap <= eps) continue;
        const double take = std::min(cap, deficit);
        adj.expand[stage] = take / cap;
        deficit -= take;
    }
    if (deficit > eps && st.expand_places > 0) adj.expand_each = deficit / st.expand_places;
}

void reduce_by(const Sums::Stats& st, double excess, Adjustment& adj) {
    const auto proportional = [&](int stage) {
        const double cap = st.shrink[stage];
        if (excess <= eps || cap <= eps) return;
        const double take = std::min(cap, excess);
        adj.reduce[stage] = take / cap;
        excess -= take;
    };
    const auto later = [&](int stage) {
        double sum = 0;
        for (int s = stage + 1; s <= 6; ++s) sum += st.shrink[s];
        return sum;
    };
    const auto all_or_nothing = [&](int stage) {
        const double amount = st.shrink[stage];
        if (excess <= eps || amount <= eps) return;
        // JLREQ allows only "½ or 0" here. When the whole amount overshoots, later stages
        // that can absorb the excess exactly are used instead; if they cannot, the aki goes
        // and the line is expanded back by what was taken too much.
        if (amount > excess + eps && later(stage) >= excess - eps) return;
        adj.reduce[stage] = 1;
        excess -= amount;
    };
    proportional(1);
    all_or_nothing(2);
    all_or_nothing(3);
    proportional(4);
    proportional(5);
    proportional(6);
    if (excess < -eps) expand_by(st, -excess, adj);
}

Placement place(const Glue& glue, const Sums& sums, std::size_t s, std::size_t end, const Adjustment& adj,
                double jidori_each) {
    const std::size_t e = sums.content_end(s, end);
    Placement p;
    p.x.assign(end - s, 0);
    p.width.assign(end - s, 0);
    const Sums::Stats st = sums.stats(s, e);
    p.natural = st.natural;
    if (e <= s) return p;
    const bool end_dot = glue.items[e - 1].end_stage == 3;
    double x = glue.items[s].head;
    for (std::size_t i = s; i < e; ++i) {
        const ItemGlue& ig = glue.items[i];
        const double w = ig.width - adj.reduce[1] * ig.shrink + adj.expand[1] * ig.stretch +
                         (ig.word_space ? adj.expand_each : 0);
        p.x[i - s] = x;
        p.width[i - s] = w;
        x += w;
        if (i + 1 < e) {
            const Gap& g = glue.gaps[i];
            const double lead_ratio = (end_dot && i + 2 == e) ? adj.reduce[3] : adj.reduce[4];
            double gw = g.natural - lead_ratio * g.dot_lead - adj.reduce[4] * g.dot_trail -
                        adj.reduce[5] * g.bracket - adj.reduce[6] * g.jw / 2 + adj.expand[2] * g.jw_stretch +
                        adj.expand[3] * g.stretch + (g.expandable ? adj.expand_each : 0);
            if (g.jidori) gw += jidori_each;
            x += gw;
        }
    }
    const ItemGlue& last = glue.items[e - 1];
    double end_aki = last.end;
    if (last.end_stage == 2) end_aki -= adj.reduce[2] * last.end;
    if (last.end_stage == 3) end_aki -= adj.reduce[3] * last.end;
    x += end_aki;
    for (std::size_t i = e; i < end; ++i) p.x[i - s] = x;  // hanging white space
    p.width_total = x;
    return p;
}

}  // namespace

std::vector<Line> break_lines(std::span<const Item> items, const Glue& glue, const Measures& measures,
                              const EmergencyProvider& emergency) {
    std::vector<Line> lines;
    const std::size_t n = items.size();
    if (n == 0) return lines;
    const Sums sums(glue, 0, n);
    std::optional<EmergencyBreaks> extra;

    // Boundary k lies after item k − 1; the paragraph end is always a hard break.
    const auto opportunity = [&](std::size_t k) {
        return k >= n ? BreakOpportunity::mandatory : items[k - 1].break_after;
    };
    const auto width = [&](std::size_t s, std::size_t k) { return sums.stats(s, sums.content_end(s, k)).natural; };

    std::size_t s = 0;
    while (s < n) {
        const double measure = lines.empty() ? measures.first : measures.rest;
        Line line;
        line.begin = s;
        line.measure = measure;
        const auto finish = [&](std::size_t k, LineFit fit) {
            line.end = k;
            line.content_end = sums.content_end(s, k);
            line.natural = sums.stats(s, line.content_end).natural;
            line.fit = fit;
            if (fit == LineFit::expanded && std::abs(line.natural - measure) <= eps) line.fit = LineFit::solid;
            lines.push_back(line);
            s = k;
        };

        // k0: the most items that fit at natural width, up to the next hard break.
        std::size_t k0 = s;
        bool hard = false;
        for (std::size_t k = s + 1; k <= n; ++k) {
            if (width(s, k) > measure + eps) break;
            k0 = k;
            if (opportunity(k) == BreakOpportunity::mandatory) {
                hard = true;
                break;
            }
        }
        if (hard) {
            finish(k0, LineFit::natural);
            continue;
        }
        if (k0 > s && opportunity(k0) == BreakOpportunity::allowed && std::abs(width(s, k0) - measure) <= eps) {
            finish(k0, LineFit::solid);
            continue;
        }

        // 追い込み: the first opportunity after k0 that fits once everything reducible is reduced.
        bool done = false;
        for (std::size_t k = k0 + 1; k <= n; ++k) {
            const Sums::Stats st = sums.stats(s, sums.content_end(s, k));
            if (st.lower_bound() > measure + eps) break;
            const BreakOpportunity op = opportunity(k);
            if (op != BreakOpportunity::forbidden && st.natural - st.shrink_total() <= measure + eps) {
                const bool over = st.natural > measure + eps;
                finish(k, over ? LineFit::reduced
                               : (op == BreakOpportunity::mandatory ? LineFit::natural : LineFit::expanded));
                done = true;
                break;
            }
            if (op == BreakOpportunity::mandatory) break;
        }
        if (done) continue;

        // 追い出し: the last opportunity that fits at natural width.
        for (std::size_t k = k0; k > s; --k) {
            if (opportunity(k) == BreakOpportunity::allowed) {
                finish(k, LineFit::expanded);
                done = true;
                break;
            }
        }
        if (done) continue;

        // A run with no opportunity is wider than the measure (typesetting.md §2.8).
        if (emergency && !extra) extra = emergency();
        if (extra) {
            for (const std::vector<bool>* table : {&extra->emergency, &extra->grapheme}) {
                for (std::size_t k = k0; k > s && !done; --k) {
                    if (k < table->size() && (*table)[k]) {
                        finish(k, LineFit::expanded);
                        lines.back().emergency = true;
                        done = true;
                    }
                }
                if (done) break;
            }
        }
        if (done) continue;
        // Nothing fits: at least one item per line.
        std::size_t k = std::max(k0, s + 1);
        while (k < n && glue.items[k].hangs && opportunity(k) != BreakOpportunity::mandatory) ++k;
        finish(k, k0 > s ? LineFit::expanded : LineFit::overfull);
    }
    return lines;
}

Placement place_line(const Glue& glue, const Line& line, LineMode mode) {
    // Sums over this line only: placing every line of a paragraph stays linear.
    const Sums sums(glue, line.begin, line.end);
    const Sums::Stats st = sums.stats(line.begin, line.content_end);
    Adjustment adj;
    const double measure = line.measure;
    if (st.natural > measure + eps) {
        if (line.fit != LineFit::overfull) reduce_by(st, st.natural - measure, adj);
    } else if (st.natural < measure - eps && mode == LineMode::justify &&
               (line.fit == LineFit::expanded || line.fit == LineFit::reduced)) {
        expand_by(st, measure - st.natural, adj);
    }
    return place(glue, sums, line.begin, line.end, adj, 0);
}

Placement place_jidori(const Glue& glue, std::size_t begin, std::size_t end, double width) {
    if (end <= begin) return {};
    const Sums sums(glue, begin, end);
    const std::size_t e = sums.content_end(begin, end);
    const Sums::Stats st = sums.stats(begin, e);
    Adjustment adj;
    double each = 0;
    if (st.natural > width + eps) {
        reduce_by(st, st.natural - width, adj);
    } else if (e > begin + 1) {
        std::size_t places = 0;
        for (std::size_t j = begin; j + 1 < e; ++j) places += glue.gaps[j].jidori ? 1 : 0;
        if (places > 0) each = (width - st.natural) / static_cast<double>(places);
    }
    return place(glue, sums, begin, end, adj, each);
}

}  // namespace gijiroku::layout::jlreq
