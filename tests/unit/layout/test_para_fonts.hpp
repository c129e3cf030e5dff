// The real fonts for the paragraph tests: BIZ UD明朝 and ゴシック from fonts/ and IPAmj明朝 as the
// fallback, as fonts/fonts.xml lists them (built by hand: layout reads no files).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "font/font_set.hpp"
#include "layout/paragraph.hpp"

namespace para_fonts {

inline constexpr double zw = 10.5;  // BIZ UD明朝 10.5 pt: the §7.2 reference model

inline const gijiroku::font::FontSet& fonts() {
    static const gijiroku::font::FontSet set = [] {
        gijiroku::font::FontSetSpec spec;
        spec.faces = {
            {"bizud-mincho", GIJIROKU_SOURCE_DIR "/fonts/BIZUDMincho-Regular.ttf", "BIZ UD明朝", false, 0, true},
            {"bizud-gothic", GIJIROKU_SOURCE_DIR "/fonts/BIZUDGothic-Regular.ttf", "BIZ UDゴシック", false, 0, true},
            {"ipamj-mincho", "/usr/share/fonts/truetype/ipamj/ipamjm.ttf", "IPAmj明朝", true, 0, false},
        };
        spec.chains = {
            {"mincho", {"bizud-mincho", "ipamj-mincho"}},
            {"gothic", {"bizud-gothic", "ipamj-mincho"}},
            {"mj", {"ipamj-mincho"}},  // a face with `halt` in GPOS
        };
        gijiroku::Diagnostics diags;
        return gijiroku::font::FontSet::build(spec, diags, "fonts.xml");
    }();
    return set;
}

inline std::size_t face_index(const char* id) { return *fonts().find_face(id); }

inline gijiroku::layout::ParagraphSetter& setter() {
    static gijiroku::layout::ParagraphSetter s(fonts(), gijiroku::layout::SetterOptions{});
    return s;
}

inline gijiroku::layout::InlinePiece piece(std::string text, bool marker = false) {
    gijiroku::layout::InlinePiece p;
    p.text = std::move(text);
    p.marker = marker;
    return p;
}

// One paragraph of plain text at `measure_em` × 10.5 pt.
inline gijiroku::layout::ParagraphSpec spec(std::string text, double measure_em,
                                            gijiroku::style::Align align = gijiroku::style::Align::justify) {
    gijiroku::layout::ParagraphSpec s;
    s.pieces.push_back(piece(std::move(text)));
    s.measure_pt = measure_em * zw;
    s.align = align;
    return s;
}

inline std::vector<gijiroku::layout::SetLine> set(const gijiroku::layout::ParagraphSpec& s,
                                                  gijiroku::Diagnostics& diags) {
    return setter().set(s, gijiroku::layout::SourceMap{}, diags);
}

inline std::vector<gijiroku::layout::SetLine> set(const gijiroku::layout::ParagraphSpec& s) {
    gijiroku::Diagnostics diags;
    auto lines = set(s, diags);
    return lines;
}

inline std::vector<std::string> texts(const std::vector<gijiroku::layout::SetLine>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
}

}  // namespace para_fonts
