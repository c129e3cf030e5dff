// The paragraph engine: fonts and shaping around the font-free JLREQ core
// (layout/jlreq_glue.hpp, layout/line_breaking.hpp).
//
// One call of ParagraphSetter::set:
//   1. itemize every piece by its font role's fallback chain (per cluster, variation
//      selectors honoured) and report the clusters no face has (font::miss_diagnostic);
//   2. shape each run once (Japanese runs without kern/palt; `halt` for half-width
//      punctuation where the face has it, else synthesised from the ink box, typesetting.md
//      §3.8);
//   3. classify the clusters, take the break opportunities of text::LineBreaker, compute the
//      JLREQ glue, break and adjust the lines (first fit, 追い込み before 追い出し);
//   4. emit glyph runs, link areas and line metrics.
// Everything is linear in the paragraph: one itemize, one shaping pass, one classification
// and one break-opportunity pass per paragraph; the breaker works on prefix sums.
#include "layout/paragraph.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "core/utf8.hpp"
#include "font/font_set.hpp"
#include "font/itemize.hpp"
#include "font/shape.hpp"
#include "layout/jlreq_glue.hpp"
#include "layout/line_breaking.hpp"
#include "text/char_class.hpp"
#include "text/line_breaks.hpp"

namespace gijiroku::layout {

namespace {

using text::CharClass;

constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

text::KinsokuLevel to_text_level(style::KinsokuSetting::Level level) {
    switch (level) {
        case style::KinsokuSetting::Level::very_strict: return text::KinsokuLevel::very_strict;
        case style::KinsokuSetting::Level::strict: return text::KinsokuLevel::strict;
        case style::KinsokuSetting::Level::loose: return text::KinsokuLevel::loose;
    }
    return text::KinsokuLevel::very_strict;
}

struct GlyphPos {
    std::uint32_t glyph = 0;
    double dx = 0;  // from the cluster's pen position, pt (offsets included)
    double dy = 0;  // pt, positive raises
};

// The glyphs of one cluster. Nearly every cluster has exactly one, kept inline, so setting a
// paragraph does not allocate once per character (bench/: malloc and free took a sixth of
// the paragraph engine's time).
class GlyphList {
public:
    void push_back(const GlyphPos& g) {
        if (n_ == 0)
            first_ = g;
        else
            more_.push_back(g);
        ++n_;
    }
    bool empty() const { return n_ == 0; }
    std::size_t size() const { return n_; }
    void clear() {
        n_ = 0;
        more_.clear();
    }
    GlyphPos& operator[](std::size_t i) { return i == 0 ? first_ : more_[i - 1]; }
    const GlyphPos& operator[](std::size_t i) const { return i == 0 ? first_ : more_[i - 1]; }
    const GlyphPos& front() const { return first_; }

private:
    GlyphPos first_;
    std::vector<GlyphPos> more_;  // the second glyph on
    std::size_t n_ = 0;
};

// One character cluster as shaped (or several, when a ligature took them together).
struct Cluster {
    std::size_t piece = 0;
    std::size_t begin = 0;  // code points of the segment's text
    std::size_t end = 0;
    std::size_t face = npos;
    double size = 0;
    GlyphList glyphs;
    double width = 0;  // advance, pt (half-width punctuation: its body)
    CharClass cls = CharClass::other;
    bool full_width_punctuation = false;
    bool missing = false;  // in no face: its glyphs (.notdef) are never emitted
};

// The marker text or the body text of a paragraph.
struct Segment {
    std::u32string text;
    std::string utf8;
    std::vector<std::uint32_t> byte_at;  // UTF-8 offset of each code point; size text.size() + 1
    std::vector<std::pair<std::size_t, std::size_t>> pieces;  // (piece index, first code point)
    std::vector<CharClass> classes;
    std::vector<Cluster> clusters;

    void add(std::size_t piece, const std::string& s) {
        if (s.empty()) return;
        pieces.emplace_back(piece, text.size());
        // One pass: a valid character keeps its own bytes, an invalid byte becomes U+FFFD (as
        // utf8::decode would have it), without decoding into a temporary and encoding back.
        for (std::size_t pos = 0; pos < s.size();) {
            const std::size_t at = pos;
            const std::optional<char32_t> c = utf8::next(s, pos);
            byte_at.push_back(static_cast<std::uint32_t>(utf8.size()));
            text.push_back(c.value_or(U'\uFFFD'));
            if (c)
                utf8.append(s, at, pos - at);
            else
                utf8::append(utf8, U'\uFFFD');
        }
    }
    void finish() {
        byte_at.push_back(static_cast<std::uint32_t>(utf8.size()));
        classes = text::classify(text);
    }
    std::size_t piece_end(std::size_t k) const { return k + 1 < pieces.size() ? pieces[k + 1].second : text.size(); }
    std::string_view bytes(std::size_t b, std::size_t e) const {
        return std::string_view(utf8).substr(byte_at[b], byte_at[e] - byte_at[b]);
    }
};

// Western runs are shaped with kern and liga; Japanese ones without (typesetting.md §3.8).
enum class Script : unsigned char { neutral, japanese, western };

Script script_of(CharClass c, char32_t ch) {
    switch (c) {
        case CharClass::grouped_numeral:
        case CharClass::unit_symbol:
        case CharClass::western: return Script::western;
        case CharClass::western_space:
        case CharClass::combining:
        case CharClass::other: return Script::neutral;
        case CharClass::prefixed_abbreviation:
        case CharClass::postfixed_abbreviation: return ch < 0x80 ? Script::western : Script::japanese;
        default: return Script::japanese;
    }
}

}  // namespace

struct ParagraphSetter::Impl {
    const font::FontSet& fonts;
    SetterOptions options;
    text::LineBreaker breaker;
    font::ShapeBuffer buffer;
    std::set<std::string> reported_roles;
    std::set<std::pair<std::size_t, char32_t>> reported_full_width;

    Impl(const font::FontSet& f, const SetterOptions& o)
        : fonts(f), options(o), breaker(to_text_level(o.kinsoku)) {}

    std::string resolve_role(const InlinePiece& piece, const SourceMap& where, Diagnostics& diags);
    void shape_segment(Segment& seg, const ParagraphSpec& spec, bool marker, const SourceMap& where,
                       Diagnostics& diags);
    void halve_punctuation(Segment& seg, const ParagraphSpec& spec, const SourceMap& where, Diagnostics& diags);
    std::vector<SetLine> set(const ParagraphSpec& spec, const SourceMap& where, Diagnostics& diags);
};

std::string ParagraphSetter::Impl::resolve_role(const InlinePiece& piece, const SourceMap& where,
                                                Diagnostics& diags) {
    if (fonts.has_role(piece.font_role)) return piece.font_role;
    std::string fallback;
    if (fonts.has_role("mincho")) {
        fallback = "mincho";
    } else {
        const std::vector<std::string> roles = fonts.roles();
        if (!roles.empty()) fallback = roles.front();
    }
    if (reported_roles.insert(piece.font_role).second) {
        const std::string used = fallback.empty() ? std::string("none") : fallback;
        diags.error("E541", where.file, where.loc(piece.source),
                    "font role '" + piece.font_role + "' has no fonts; its text is set with role '" + used + "'",
                    "フォントの役割「" + piece.font_role + "」にフォントがありません。役割「" + used +
                        "」で組みます",
                    "define the role in fonts.xml or the template's font roles, or use an existing role",
                    "fonts.xml またはテンプレートのフォントの役割にこの役割を定義するか、既存の役割を使ってください");
    }
    return fallback;
}

void ParagraphSetter::Impl::shape_segment(Segment& seg, const ParagraphSpec& spec, bool marker,
                                          const SourceMap& where, Diagnostics& diags) {
    font::ItemizeOptions iopt;
    iopt.allow_base_glyph = options.allow_base_glyph;
    const std::u32string_view text = seg.text;
    seg.clusters.reserve(seg.clusters.size() + text.size());

    for (std::size_t k = 0; k < seg.pieces.size(); ++k) {
        const std::size_t pi = seg.pieces[k].first;
        const InlinePiece& piece = spec.pieces[pi];
        const std::size_t pb = seg.pieces[k].second, pe = seg.piece_end(k);
        const double size = piece.size_pt;

        // Clusters of this piece (a base and its marks / selector never split, §6.3 item 2).
        std::vector<Cluster> clusters;
        const std::u32string_view ptext = text.substr(pb, pe - pb);
        clusters.reserve(ptext.size());
        for (std::size_t b = 0; b < ptext.size();) {
            const std::size_t e = font::cluster_end(ptext, b);
            Cluster c;
            c.piece = pi;
            c.begin = pb + b;
            c.end = pb + e;
            c.size = size;
            c.cls = seg.classes[pb + b];
            clusters.push_back(std::move(c));
            b = e;
        }

        const std::string role = resolve_role(piece, where, diags);
        font::ItemizeResult items;
        if (!role.empty()) items = font::itemize(fonts, role, ptext, iopt);
        for (const font::Miss& miss : items.misses) {
            diags.report(font::miss_diagnostic(fonts, miss, where.file, where.loc(piece.source)));
            if (miss.downgraded) continue;
            for (Cluster& c : clusters)
                if (c.begin >= pb + miss.begin && c.begin < pb + miss.end) c.missing = true;
        }

        // Shape each face run, split further where the script changes.
        std::size_t ci = 0;  // first cluster of the current run
        for (const font::Run& run : items.runs) {
            const font::Face* face = fonts.face(run.face);
            const std::size_t rb = pb + run.begin, re = pb + run.end;
            std::size_t first = ci;
            while (first < clusters.size() && clusters[first].begin < rb) ++first;
            std::size_t last = first;
            while (last < clusters.size() && clusters[last].begin < re) ++last;
            ci = last;
            if (!face) continue;
            const double scale = size / face->units_per_em();
            const bool use_halt = !marker && face->has_layout_feature("halt");

            std::size_t sb = first;
            while (sb < last) {
                Script script = Script::neutral;
                std::size_t se = sb;
                for (; se < last; ++se) {
                    const Script s = script_of(clusters[se].cls, text[clusters[se].begin]);
                    if (s == Script::neutral) continue;
                    if (script == Script::neutral)
                        script = s;
                    else if (s != script)
                        break;
                }
                font::ShapeOptions sopt;
                sopt.japanese = script != Script::western;
                sopt.language = piece.lang.empty() ? std::string("ja") : piece.lang;
                if (use_halt && sopt.japanese) {
                    for (std::size_t j = sb; j < se; ++j)
                        if (text::is_half_width_punctuation(clusters[j].cls))
                            sopt.features.push_back({"halt", 1, clusters[j].begin, clusters[j].end});
                }
                const std::vector<font::ShapedGlyph> glyphs =
                    font::shape(*face, text, clusters[sb].begin, clusters[se - 1].end, sopt, buffer);
                // Glyphs come in cluster order (monotone clusters): hand them out.
                std::size_t g = 0;
                for (std::size_t j = sb; j < se; ++j) {
                    Cluster& c = clusters[j];
                    c.face = run.face;
                    std::int32_t pen = 0;
                    while (g < glyphs.size() && glyphs[g].cluster < c.end) {
                        const font::ShapedGlyph& sg = glyphs[g++];
                        if (sg.glyph != 0)  // never .notdef (a missed cluster is reported above)
                            c.glyphs.push_back({sg.glyph, (pen + sg.x_offset) * scale, sg.y_offset * scale});
                        pen += sg.x_advance;
                    }
                    c.width = pen * scale;
                    // Only .notdef for a cluster itemize found no fault with: a control or
                    // format character that needs no glyph (LF, ZWSP) and takes no room.
                    if (c.glyphs.empty() && !c.missing) c.width = 0;
                    if (c.missing) c.glyphs.clear();
                }
                sb = se;
            }
        }

        // A cluster the shaper gave no glyph (the second letter of a ligature, a
        // default-ignorable character) joins the cluster before it, so break opportunities and
        // text stay with a glyph; at the start of a piece it stays on its own, zero width.
        for (Cluster& c : clusters) {
            const bool glyphless = c.glyphs.empty() && c.width == 0 && !c.missing;
            if (glyphless && !seg.clusters.empty() && seg.clusters.back().piece == c.piece) {
                seg.clusters.back().end = c.end;
                continue;
            }
            if (glyphless && c.cls != CharClass::western_space) c.cls = CharClass::other;
            seg.clusters.push_back(std::move(c));
        }
    }
}

// cl-01/02/05/06/07 are set half-width (JLREQ §3.1.2). With the face's `halt` the shaper has
// already done it; otherwise the ink box decides (typesetting.md §3.8): an opener whose ink lies
// in the right half moves left by ½ em, a closer, comma or full stop whose ink lies in the left
// half keeps its position, a middle dot whose ink is centred moves left by ¼ em; the advance
// becomes ½ em. A glyph that fits none of these keeps its full width (and is reported once).
void ParagraphSetter::Impl::halve_punctuation(Segment& seg, const ParagraphSpec& spec, const SourceMap& where,
                                              Diagnostics& diags) {
    for (Cluster& c : seg.clusters) {
        if (!text::is_half_width_punctuation(c.cls) || c.face == npos || c.glyphs.empty()) continue;
        const font::Face* face = fonts.face(c.face);
        if (!face) continue;
        const double em = c.size;
        if (c.width <= 0.75 * em) continue;  // already half-width (halt, or a proportional face)
        const double upem = face->units_per_em();
        const std::optional<font::GlyphExtents> ink = face->ink_extents(c.glyphs.front().glyph);
        const std::optional<double> shift =
            ink ? jlreq::halt_shift(c.cls, ink->x_min / upem, ink->x_max / upem) : std::nullopt;
        if (shift) {
            for (std::size_t g = 0; g < c.glyphs.size(); ++g) c.glyphs[g].dx += *shift * em;
            c.width = 0.5 * em;
            continue;
        }
        c.full_width_punctuation = true;
        const char32_t ch = seg.text[c.begin];
        if (reported_full_width.insert({c.face, ch}).second) {
            const std::string name = utf8::code_point_name(ch) + " (" + utf8::encode(ch) + ")";
            const std::string font_name = fonts.face_spec(c.face).display_name.empty()
                                              ? fonts.face_spec(c.face).id
                                              : fonts.face_spec(c.face).display_name;
            diags.warning("W540", where.file, where.loc(spec.pieces[c.piece].source),
                          "punctuation " + name + " cannot be set half-width with " + font_name +
                              " (no 'halt' feature and its ink is not in one half); it keeps its full width",
                          "約物 " + name + " を " + font_name +
                              " で半角に組めません（halt 機能がなく、字面が半分に収まっていません）。全角のまま組みます",
                          "use a font with the 'halt' feature or with punctuation drawn in one half of the em, "
                          "such as BIZ UD明朝",
                          "halt 機能を持つフォントか、約物の字面が全角の半分に収まるフォント（BIZ UD明朝など）を使ってください");
        }
    }
}

std::vector<SetLine> ParagraphSetter::Impl::set(const ParagraphSpec& spec, const SourceMap& where,
                                                Diagnostics& diags) {
    Segment marker, body;
    for (std::size_t i = 0; i < spec.pieces.size(); ++i)
        (spec.pieces[i].marker ? marker : body).add(i, spec.pieces[i].text);
    marker.finish();
    body.finish();
    if (marker.text.empty() && body.text.empty()) return {};

    shape_segment(marker, spec, true, where, diags);
    shape_segment(body, spec, false, where, diags);
    halve_punctuation(body, spec, where, diags);

    // The marker box (JLREQ §3.5, typesetting.md §2.7): the marker at its natural width,
    // start-aligned, never spaced or broken by JLREQ rules; the text starts at the box's
    // end on every line, or after the marker when it is wider than the box.
    std::vector<double> marker_x;
    double marker_width = 0;
    for (const Cluster& c : marker.clusters) {
        marker_x.push_back(marker_width);
        marker_width += c.width;
    }
    const double box = spec.marker_width_pt;
    const double x_first = std::max(box, marker_width) + spec.first_line_indent_pt;
    const double x_rest = box;

    // The JLREQ items of the body.
    const std::size_t n = body.clusters.size();
    std::vector<jlreq::Item> items(n);
    const std::vector<text::BreakOpportunity> breaks =
        body.text.empty() ? std::vector<text::BreakOpportunity>{} : breaker.breaks(body.text);
    for (std::size_t i = 0; i < n; ++i) {
        const Cluster& c = body.clusters[i];
        jlreq::Item& it = items[i];
        it.width = c.width;
        it.em = c.size;
        it.cls = c.cls;
        it.ch = body.text[c.begin];
        it.full_width_punctuation = c.full_width_punctuation;
        it.break_after = breaks[c.end];
        if (i + 1 < n && body.clusters[i + 1].piece == c.piece)
            it.tracking_after = spec.pieces[c.piece].letter_spacing * spec.zw_pt;
    }
    jlreq::GlueOptions gopt;
    gopt.latin_spacing = options.latin_spacing_zw;
    const jlreq::Glue glue = jlreq::compute_glue(items, gopt);

    struct Placed {
        jlreq::Line line;
        jlreq::Placement placement;
        double x0 = 0;      // where the line's text starts
        double offset = 0;  // alignment shift
    };
    std::vector<Placed> placed;
    if (spec.jidori_pt > 0) {
        // 均等割り: one line spread to the width (JLREQ §3.7.3).
        Placed p;
        p.line.begin = 0;
        p.line.end = n;
        p.line.measure = spec.jidori_pt;
        p.placement = jlreq::place_jidori(glue, 0, n, spec.jidori_pt);
        p.x0 = x_first;
        placed.push_back(std::move(p));
    } else if (n > 0) {
        const jlreq::Measures measures{spec.measure_pt - x_first, spec.measure_pt - x_rest};
        const auto emergency = [&] {
            // Per item boundary, from the code-point tables of the LineBreaker (§2.8).
            const std::vector<bool> e = breaker.emergency_breaks(body.text);
            const std::vector<bool> g = breaker.grapheme_breaks(body.text);
            jlreq::EmergencyBreaks out;
            out.emergency.assign(n + 1, false);
            out.grapheme.assign(n + 1, false);
            for (std::size_t k = 1; k < n; ++k) {
                out.emergency[k] = e[body.clusters[k - 1].end];
                out.grapheme[k] = g[body.clusters[k - 1].end];
            }
            return out;
        };
        const std::vector<jlreq::Line> lines = jlreq::break_lines(items, glue, measures, emergency);
        const jlreq::LineMode mode =
            spec.align == style::Align::justify ? jlreq::LineMode::justify : jlreq::LineMode::ragged;
        for (std::size_t li = 0; li < lines.size(); ++li) {
            Placed p;
            p.line = lines[li];
            p.placement = jlreq::place_line(glue, p.line, mode);
            p.x0 = li == 0 ? x_first : x_rest;
            const double room = std::max(0.0, p.line.measure - p.placement.width_total);
            if (spec.align == style::Align::center) p.offset = room / 2;
            if (spec.align == style::Align::end) p.offset = room;
            if (p.line.fit == jlreq::LineFit::overfull) {
                const InlinePiece& piece = spec.pieces[body.clusters[p.line.begin].piece];
                diags.warning("W542", where.file, where.loc(piece.source),
                              "a character is wider than the measure and overflows it",
                              "文字が行長より広く、行からはみ出します",
                              "widen the measure or reduce the font size in the template",
                              "テンプレートで行長を広げるか文字の大きさを小さくしてください");
            }
            placed.push_back(std::move(p));
        }
    } else {
        Placed p;  // a marker alone
        p.x0 = x_first;
        placed.push_back(std::move(p));
    }

    // The text of each link (consecutive pieces with the same target and element), for /Contents.
    std::vector<std::string> link_text(spec.pieces.size());
    for (std::size_t i = 0; i < spec.pieces.size();) {
        std::size_t j = i;
        std::string all;
        while (j < spec.pieces.size() && !spec.pieces[i].uri.empty() && spec.pieces[j].uri == spec.pieces[i].uri &&
               spec.pieces[j].element == spec.pieces[i].element) {
            all += spec.pieces[j].text;
            ++j;
        }
        if (j == i) {
            ++i;
            continue;
        }
        for (std::size_t k = i; k < j; ++k) link_text[k] = all;
        i = j;
    }
    // How many runs each piece's glyphs end up in (ActualText applies only to a whole piece).
    std::vector<int> piece_runs(spec.pieces.size(), 0);

    std::vector<SetLine> out;
    out.reserve(placed.size());
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> actual_runs;
    for (std::size_t li = 0; li < placed.size(); ++li) {
        const Placed& p = placed[li];
        SetLine line;
        line.last = li + 1 == placed.size();
        line.natural_width_pt = p.x0 + p.placement.natural;
        line.width_pt = p.x0 + p.offset + p.placement.width_total;

        struct Entry {
            const Segment* seg;
            const Cluster* c;
            double x;      // pen position from the paragraph's left edge
            double width;  // placed width
        };
        std::vector<Entry> entries;
        if (li == 0)
            for (std::size_t k = 0; k < marker.clusters.size(); ++k)
                entries.push_back({&marker, &marker.clusters[k], marker_x[k], marker.clusters[k].width});
        for (std::size_t i = p.line.begin; i < p.line.end; ++i) {
            const std::size_t r = i - p.line.begin;
            entries.push_back({&body, &body.clusters[i], p.x0 + p.offset + p.placement.x[r], p.placement.width[r]});
        }

        double ascent = 0, descent = 0;
        for (const Entry& e : entries) {
            line.text += e.seg->bytes(e.c->begin, e.c->end);
            if (e.c->face == npos || e.c->glyphs.empty()) continue;
            if (const font::Face* face = fonts.face(e.c->face)) {
                const double scale = e.c->size / face->units_per_em();
                ascent = std::max(ascent, face->ascender() * scale);
                descent = std::max(descent, -face->descender() * scale);
            }
        }
        if (ascent == 0 && descent == 0 && !spec.pieces.empty()) {
            // An empty line still has the height of its font.
            const InlinePiece& first = spec.pieces.front();
            const std::span<const std::size_t> chain = fonts.chain(first.font_role);
            if (!chain.empty())
                if (const font::Face* face = fonts.face(chain.front())) {
                    const double scale = first.size_pt / face->units_per_em();
                    ascent = face->ascender() * scale;
                    descent = -face->descender() * scale;
                }
        }
        line.ascent_pt = ascent;
        line.descent_pt = descent;

        // Glyph runs: a new run wherever face, size, structure element, language, link or a
        // piece with its own extraction text changes.
        const InlinePiece* run_piece_ptr = nullptr;
        std::size_t run_piece_index = npos;
        for (const Entry& e : entries) {
            const Cluster& c = *e.c;
            const InlinePiece& piece = spec.pieces[c.piece];
            if (c.glyphs.empty()) {
                // A missing character shows nothing; a zero-width control keeps its text with
                // the glyph before it when they share a run.
                if (!c.missing && !line.runs.empty() && run_piece_ptr &&
                    run_piece_ptr->element == piece.element && run_piece_ptr->uri == piece.uri &&
                    run_piece_ptr->lang == piece.lang && piece.actual_text.empty() && !line.runs.back().glyphs.empty()) {
                    GlyphRun& run = line.runs.back();
                    run.text += e.seg->bytes(c.begin, c.end);
                    PlacedGlyph* owner = nullptr;
                    for (auto it = run.glyphs.rbegin(); it != run.glyphs.rend(); ++it)
                        if (it->text_end > it->text_begin) {
                            owner = &*it;
                            break;
                        }
                    if (owner) owner->text_end = static_cast<std::uint32_t>(run.text.size());
                }
                continue;
            }
            const bool same = !line.runs.empty() && run_piece_ptr && line.runs.back().face == c.face &&
                              line.runs.back().size_pt == c.size && run_piece_ptr->element == piece.element &&
                              run_piece_ptr->lang == piece.lang && run_piece_ptr->uri == piece.uri &&
                              (piece.actual_text.empty() ? run_piece_ptr->actual_text.empty()
                                                         : run_piece_index == c.piece);
            if (!same) {
                GlyphRun run;
                run.origin = Point{e.x, 0};
                run.face = static_cast<std::uint32_t>(c.face);
                run.size_pt = c.size;
                run.mark = Mark::structure(piece.element);
                run.lang = piece.lang;
                line.runs.push_back(std::move(run));
                run_piece_ptr = &piece;
                run_piece_index = c.piece;
                ++piece_runs[c.piece];
                if (!piece.actual_text.empty()) actual_runs.emplace_back(li, line.runs.size() - 1, c.piece);
            }
            GlyphRun& run = line.runs.back();
            const auto tb = static_cast<std::uint32_t>(run.text.size());
            run.text += e.seg->bytes(c.begin, c.end);
            const auto te = static_cast<std::uint32_t>(run.text.size());
            for (std::size_t g = 0; g < c.glyphs.size(); ++g) {
                PlacedGlyph pg;
                pg.glyph = c.glyphs[g].glyph;
                pg.x = e.x - run.origin.x + c.glyphs[g].dx;
                pg.y_offset = c.glyphs[g].dy;
                pg.text_begin = g == 0 ? tb : te;
                pg.text_end = te;
                run.glyphs.push_back(pg);
            }
        }

        // Link areas: one rectangle per link fragment on the line (PDF/UA: every fragment is
        // annotated, ISO 14289-1 §7.18.5).
        for (std::size_t a = 0; a < entries.size();) {
            const InlinePiece& pa = spec.pieces[entries[a].c->piece];
            if (pa.uri.empty()) {
                ++a;
                continue;
            }
            std::size_t b = a;
            double right = entries[a].x;
            while (b < entries.size()) {
                const InlinePiece& pb = spec.pieces[entries[b].c->piece];
                if (pb.uri != pa.uri || pb.element != pa.element) break;
                right = std::max(right, entries[b].x + entries[b].width);
                ++b;
            }
            LinkArea area;
            area.rect = Rect{entries[a].x, -ascent, right - entries[a].x, ascent + descent};
            area.uri = pa.uri;
            area.element = pa.element;
            area.contents = link_text[entries[a].c->piece];
            line.links.push_back(std::move(area));
            a = b;
        }
        out.push_back(std::move(line));
    }
    // Extraction text replaces a run's text only when the run holds the whole piece.
    for (const auto& [li, ri, pi] : actual_runs)
        if (piece_runs[pi] == 1) out[li].runs[ri].actual_text = spec.pieces[pi].actual_text;
    return out;
}

ParagraphSetter::ParagraphSetter(const font::FontSet& fonts, const SetterOptions& options)
    : impl_(std::make_unique<Impl>(fonts, options)) {}
ParagraphSetter::~ParagraphSetter() = default;
ParagraphSetter::ParagraphSetter(ParagraphSetter&&) noexcept = default;
ParagraphSetter& ParagraphSetter::operator=(ParagraphSetter&&) noexcept = default;

std::vector<SetLine> ParagraphSetter::set(const ParagraphSpec& spec, const SourceMap& where, Diagnostics& diags) {
    return impl_->set(spec, where, diags);
}

}  // namespace gijiroku::layout
