// A font-free stand-in for the setter (typesetting.md §7.2 "reference model"): every character
// is 1 em, the half-width punctuation bodies of cl-01/02/05/06/07 and half-width digits and
// Latin letters ½ em; break opportunities come from the real text::LineBreaker.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "layout/jlreq_glue.hpp"
#include "layout/line_breaking.hpp"
#include "text/char_class.hpp"
#include "text/line_breaks.hpp"

namespace para_mock {

using gijiroku::layout::jlreq::Glue;
using gijiroku::layout::jlreq::Item;
using gijiroku::layout::jlreq::Line;
using gijiroku::text::CharClass;
using gijiroku::text::KinsokuLevel;

inline const gijiroku::text::LineBreaker& breaker(KinsokuLevel level) {
    static std::map<KinsokuLevel, gijiroku::text::LineBreaker> cache;
    auto it = cache.find(level);
    if (it == cache.end()) it = cache.emplace(level, gijiroku::text::LineBreaker(level)).first;
    return it->second;
}

inline double mock_width(CharClass c) {
    if (gijiroku::text::is_half_width_punctuation(c)) return 0.5;
    if (gijiroku::text::is_western(c) || c == CharClass::western_space) return 0.5;
    return 1.0;
}

struct Mock {
    std::u32string text;
    std::vector<Item> items;
    Glue glue;
};

inline Mock make(std::u32string_view text, KinsokuLevel level = KinsokuLevel::very_strict) {
    Mock m;
    m.text = text;
    const auto classes = gijiroku::text::classify(text);
    const auto breaks = breaker(level).breaks(text);
    for (std::size_t i = 0; i < text.size(); ++i) {
        Item it;
        it.cls = classes[i];
        it.ch = text[i];
        it.em = 1;
        it.width = mock_width(classes[i]);
        it.break_after = breaks[i + 1];
        m.items.push_back(it);
    }
    m.glue = gijiroku::layout::jlreq::compute_glue(m.items);
    return m;
}

inline std::vector<Line> lines_of(const Mock& m, double measure) {
    return gijiroku::layout::jlreq::break_lines(m.items, m.glue, {measure, measure}, [&] {
        gijiroku::layout::jlreq::EmergencyBreaks e;
        const auto& lb = breaker(KinsokuLevel::very_strict);
        e.emergency = lb.emergency_breaks(m.text);
        e.grapheme = lb.grapheme_breaks(m.text);
        return e;
    });
}

inline std::vector<std::string> texts(const Mock& m, const std::vector<Line>& lines) {
    std::vector<std::string> out;
    for (const Line& l : lines)
        out.push_back(gijiroku::utf8::encode(std::u32string_view(m.text).substr(l.begin, l.end - l.begin)));
    return out;
}

inline std::vector<std::string> set(std::u32string_view text, double measure,
                                    KinsokuLevel level = KinsokuLevel::very_strict) {
    const Mock m = make(text, level);
    return texts(m, lines_of(m, measure));
}

}  // namespace para_mock
