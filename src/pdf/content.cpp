#include "pdf/content.hpp"

#include <cmath>
#include <string_view>

#include "pdf/number_format.hpp"
#include "pdf/text_string.hpp"

namespace gijiroku::pdf {

namespace {

// What decides whether two neighbouring pieces of content share one marked-content sequence.
struct SeqKey {
    bool artifact = false;
    layout::ArtifactKind kind = layout::ArtifactKind::layout;
    bool top = false;
    int element = -1;
    std::string_view lang;    // the run's language where it differs from its element's
    std::string_view actual;  // the run's ActualText

    bool operator==(const SeqKey& o) const {
        if (artifact != o.artifact) return false;
        if (artifact) return kind == o.kind && (kind != layout::ArtifactKind::page_number || top == o.top);
        return element == o.element && lang == o.lang && actual == o.actual;
    }
};

SeqKey key_of(const layout::Mark& m, std::string_view lang, std::string_view actual,
              const StructureBuilder& structure) {
    SeqKey k;
    k.artifact = m.artifact;
    k.kind = m.artifact_kind;
    k.top = m.at_top;
    if (!m.artifact) {
        k.element = m.element;
        if (!lang.empty() && lang != structure.language_of(m.element)) k.lang = lang;
        k.actual = actual;
    }
    return k;
}

// ISO 32000-1 §14.8.2.2, Table 330: the artifact's type and, for pagination, where it sits.
const char* artifact_properties(const SeqKey& k) {
    switch (k.kind) {
        case layout::ArtifactKind::page_number:
            return k.top ? "<</Type /Pagination /Subtype /Header>>" : "<</Type /Pagination /Subtype /Footer>>";
        case layout::ArtifactKind::running_head: return "<</Type /Pagination /Subtype /Header>>";
        case layout::ArtifactKind::layout: return "<</Type /Layout>>";
    }
    return "<</Type /Layout>>";
}

void append_cid(std::string& out, std::uint32_t cid) {
    static constexpr char digits[] = "0123456789ABCDEF";
    out.push_back(digits[(cid >> 12) & 0xF]);
    out.push_back(digits[(cid >> 8) & 0xF]);
    out.push_back(digits[(cid >> 4) & 0xF]);
    out.push_back(digits[cid & 0xF]);
}

class PageWriter {
public:
    PageWriter(const layout::Page& page, int page_index, StructureBuilder& structure, const ContentFonts& fonts,
               std::string& out)
        : page_(page), page_index_(page_index), structure_(structure), fonts_(fonts), out_(out) {}

    bool run(std::string& error) {
        bool open = false;
        SeqKey current;
        auto open_sequence = [&](const SeqKey& k) {
            if (open && current == k) return;
            close_sequence(open);
            current = k;
            open = true;
            if (k.artifact) {
                out_ += "/Artifact ";
                out_ += artifact_properties(k);
                out_ += " BDC\n";
                return;
            }
            const int mcid = structure_.add_sequence(page_index_, k.element, k.lang, k.actual);
            const OutElement& owner =
                structure_.elements()[static_cast<std::size_t>(structure_.owner(page_index_, mcid))];
            out_ += '/';
            out_ += layout::struct_type_name(owner.type);
            out_ += " <</MCID ";
            out_ += std::to_string(mcid);
            if (!k.actual.empty()) {
                // Also on the marked content: poppler's text extraction honours it there
                // (ISO 32000-1 §14.9.4), the structure tree's Span serves the others.
                out_ += " /ActualText <";
                out_ += hex_upper(utf16be(k.actual, true));
                out_ += '>';
            }
            out_ += ">> BDC\n";
        };

        for (const auto& r : page_.runs) {
            if (r.glyphs.empty()) continue;
            open_sequence(key_of(r.mark, r.lang, r.actual_text, structure_));
            if (!text_run(r, error)) return false;
        }
        for (const auto& rule : page_.rules) {
            open_sequence(key_of(rule.mark, {}, {}, structure_));
            end_text();
            out_ += "q\n";
            append_number(out_, rule.width_pt);
            out_ += " w\n0 J\n";
            point(rule.from);
            out_ += " m\n";
            point(rule.to);
            out_ += " l\nS\nQ\n";
        }
        close_sequence(open);
        return true;
    }

private:
    void close_sequence(bool open) {
        if (!open) return;
        end_text();
        out_ += "EMC\n";
    }

    void end_text() {
        if (!in_text_) return;
        out_ += "ET\n";
        in_text_ = false;
    }

    void point(const Point& p) {
        append_number(out_, p.x);
        out_ += ' ';
        append_number(out_, page_.height_pt - p.y);
    }

    bool text_run(const layout::GlyphRun& r, std::string& error) {
        const FontPlan* plan = fonts_.plan(r.face);
        if (!plan) {
            error = "face " + std::to_string(r.face) + " has no embedded font";
            return false;
        }
        if (!in_text_) {
            out_ += "BT\n";
            in_text_ = true;
            font_face_ = -1;
        }
        const double size = r.size_pt;
        if (font_face_ != static_cast<std::int64_t>(r.face) || font_size_ != round_to(size)) {
            out_ += '/';
            out_ += fonts_.resource(r.face);
            out_ += ' ';
            append_number(out_, size);
            out_ += " Tf\n";
            font_face_ = r.face;
            font_size_ = round_to(size);
        }
        // The reader's pen, in pt from the page's left edge, exactly as it will compute it from
        // the numbers written (so each TJ number corrects the rounding of the ones before).
        double pen = round_to(r.origin.x + r.glyphs.front().x);
        out_ += "1 0 0 1 ";
        append_number(out_, pen);
        out_ += ' ';
        append_number(out_, page_.height_pt - r.origin.y);
        out_ += " Tm\n[";
        const double scale = round_to(size) / 1000.0;  // text space units per 1/1000 em
        double rise = 0;
        bool in_hex = false;
        for (const auto& g : r.glyphs) {
            const std::string_view text =
                g.text_end > g.text_begin ? std::string_view(r.text).substr(g.text_begin, g.text_end - g.text_begin)
                                          : std::string_view();
            const auto cid = plan->cid(g.glyph, text);
            if (!cid) {
                error = "glyph " + std::to_string(g.glyph) + " with text '" + std::string(text) + "' has no code";
                return false;
            }
            const double want_rise = round_to(g.y_offset);
            if (want_rise != rise) {
                if (in_hex) out_ += '>';
                in_hex = false;
                out_ += "] TJ\n";
                append_number(out_, want_rise);
                out_ += " Ts\n[";
                rise = want_rise;
            }
            // A gap under 1/1000 pt is invisible at any zoom; skipping it keeps solid-set text
            // one hex string. The error stays bounded: each glyph is compared with its own target.
            const double target = r.origin.x + g.x;
            const double adjust = std::abs(pen - target) < 0.001 ? 0.0 : round_to((pen - target) / scale);
            if (adjust != 0) {
                if (in_hex) out_ += '>';
                in_hex = false;
                append_number(out_, adjust);
                pen -= adjust * scale;
            }
            if (!in_hex) out_ += '<';
            in_hex = true;
            append_cid(out_, *cid);
            pen += plan->width(*cid) * scale;
        }
        if (in_hex) out_ += '>';
        out_ += "] TJ\n";
        if (rise != 0) out_ += "0 Ts\n";
        return true;
    }

    const layout::Page& page_;
    int page_index_;
    StructureBuilder& structure_;
    const ContentFonts& fonts_;
    std::string& out_;
    bool in_text_ = false;
    std::int64_t font_face_ = -1;
    double font_size_ = 0;
};

}  // namespace

bool write_page_content(const layout::Page& page, int page_index, StructureBuilder& structure,
                        const ContentFonts& fonts, std::string& out, std::string& error) {
    PageWriter w(page, page_index, structure, fonts, out);
    return w.run(error);
}

}  // namespace gijiroku::pdf
