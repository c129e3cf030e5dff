#include "font/itemize.hpp"

#include <hb.h>

#include <algorithm>
#include <utility>

#include "core/utf8.hpp"

namespace gijiroku::font {

namespace {

hb_unicode_general_category_t category(char32_t c) {
    return hb_unicode_general_category(hb_unicode_funcs_get_default(), c);
}

bool is_mark(char32_t c) {
    switch (category(c)) {
        case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
        case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK: return true;
        default: return false;
    }
}

// Characters the shaper hides or that end up as no glyph (HarfBuzz's default-ignorable handling
// and controls): they need no glyph from any face.
bool needs_no_glyph(char32_t c) {
    switch (category(c)) {
        case HB_UNICODE_GENERAL_CATEGORY_CONTROL:
        case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
        case HB_UNICODE_GENERAL_CATEGORY_LINE_SEPARATOR:
        case HB_UNICODE_GENERAL_CATEGORY_PARAGRAPH_SEPARATOR: return true;
        default: return is_variation_selector(c);  // a selector with no base before it
    }
}

// Whether `face` can set the cluster exactly as written.
bool has_cluster(const Face& face, std::u32string_view cl) {
    const char32_t base = cl[0];
    if (needs_no_glyph(base)) return true;
    std::size_t i = 1;
    bool base_done = false;
    char32_t current = base;
    if (i < cl.size() && is_variation_selector(cl[i])) {
        if (!face.variation_glyph(base, cl[i])) return false;
        base_done = true;
        ++i;
    }
    for (; i < cl.size(); ++i) {
        const char32_t c = cl[i];
        if (needs_no_glyph(c)) continue;
        if (!base_done) {
            // か + U+3099 is set as が when the font has が (HarfBuzz composes before mapping).
            hb_codepoint_t composed = 0;
            if (hb_unicode_compose(hb_unicode_funcs_get_default(), current, c, &composed) &&
                face.nominal_glyph(composed)) {
                current = composed;
                continue;
            }
        }
        if (!face.nominal_glyph(c)) return false;
    }
    return base_done || face.nominal_glyph(current).has_value();
}

constexpr std::size_t no_face = static_cast<std::size_t>(-1);

}  // namespace

std::size_t cluster_end(std::u32string_view text, std::size_t begin) {
    if (begin >= text.size()) return text.size();
    std::size_t i = begin + 1;
    while (i < text.size() && (is_mark(text[i]) || is_variation_selector(text[i]) || text[i] == 0x200D))
        ++i;
    return i;
}

ItemizeResult itemize(const FontSet& set, std::string_view role, std::u32string_view text,
                      const ItemizeOptions& options) {
    ItemizeResult result;
    const std::span<const std::size_t> chain = set.chain(role);
    if (chain.empty()) {
        result.unknown_role = true;
        return result;
    }

    auto usable = [&](std::size_t f) -> const Face* {
        const Face* face = set.face(f);
        if (!face && std::find(result.unavailable_faces.begin(), result.unavailable_faces.end(), f) ==
                         result.unavailable_faces.end())
            result.unavailable_faces.push_back(f);
        return face;
    };

    struct Cluster {
        std::size_t begin, end, face;  // face == no_face: inherit from the neighbours
    };
    std::vector<Cluster> clusters;
    for (std::size_t b = 0; b < text.size();) {
        const std::size_t e = cluster_end(text, b);
        const std::u32string_view cl = text.substr(b, e - b);
        std::size_t chosen = no_face;
        if (!needs_no_glyph(cl[0])) {
            for (std::size_t f : chain) {
                const Face* face = usable(f);
                if (face && has_cluster(*face, cl)) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == no_face) {
                // Only a miss lists the faces tried: every face of the chain that opened.
                std::vector<std::size_t> tried;
                for (std::size_t f : chain)
                    if (set.face(f)) tried.push_back(f);
                Miss miss{b, e, std::u32string(cl), tried, false, std::nullopt};
                if (options.allow_base_glyph && cl.size() > 1 && is_variation_selector(cl[1])) {
                    std::u32string without(cl);
                    without.erase(1, 1);
                    for (std::size_t f : tried) {
                        if (has_cluster(*set.face(f), without)) {
                            miss.downgraded = true;
                            miss.face = f;
                            chosen = f;
                            break;
                        }
                    }
                }
                result.misses.push_back(std::move(miss));
            }
        }
        clusters.push_back({b, e, chosen});
        b = e;
    }

    // Clusters without a face of their own (invisible characters and misses) join the run
    // before them; leading ones join the first run; if nothing was found at all, the first face
    // of the chain that opens (else the first one) takes the text, so .notdef comes from it.
    std::size_t fallback = chain[0];
    for (std::size_t f : chain)
        if (set.is_opened(f) && set.face(f)) {
            fallback = f;
            break;
        }
    std::size_t previous = no_face;
    for (const Cluster& c : clusters)
        if (c.face != no_face) {
            previous = c.face;
            break;
        }
    if (previous == no_face) previous = fallback;
    for (const Cluster& c : clusters) {
        const std::size_t f = c.face == no_face ? previous : c.face;
        previous = f;
        if (!result.runs.empty() && result.runs.back().face == f && result.runs.back().end == c.begin)
            result.runs.back().end = c.end;
        else
            result.runs.push_back(Run{f, c.begin, c.end});
    }
    return result;
}

Diagnostic miss_diagnostic(const FontSet& set, const Miss& miss, std::string file, SourceLoc loc) {
    std::string names;
    std::string visible;
    for (char32_t c : miss.code_points) {
        if (!names.empty()) names += ' ';
        names += utf8::code_point_name(c);
        if (!is_variation_selector(c)) visible += utf8::encode(c);
    }
    std::string tried;
    for (std::size_t f : miss.faces_tried) {
        if (!tried.empty()) tried += ", ";
        tried += set.face_spec(f).display_name.empty() ? set.face_spec(f).id
                                                        : set.face_spec(f).display_name;
    }
    if (tried.empty()) tried = "none could be opened";
    const std::string what = names + " (" + visible + ")";

    Diagnostic d;
    d.file = std::move(file);
    d.loc = loc;
    if (miss.downgraded && miss.face) {
        const FaceSpec& used = set.face_spec(*miss.face);
        const std::string used_name = used.display_name.empty() ? used.id : used.display_name;
        d.severity = Severity::warning;
        d.code = "W520";
        d.message = "variation sequence " + what + " is in none of the fonts (fonts tried: " + tried +
                    "); the base character is shown with " + used_name;
        d.message_ja = "異体字シーケンス " + what + " はどのフォントにもありません（試したフォント: " +
                       tried + "）。基底文字を " + used_name + " で表示します";
        d.hint = "add a font with this variation sequence (e.g. its IVD collection) to the role's "
                 "chain in fonts.xml, or accept the base glyph";
        d.hint_ja = "この異体字シーケンスを持つフォント（該当する IVD コレクション）を fonts.xml の役割の"
                    "連鎖に加えるか、基底文字の字形で構わないか確認してください";
    } else {
        d.severity = Severity::error;
        d.code = "E520";
        d.message = "character " + what + " is in none of the fonts (fonts tried: " + tried + ")";
        d.message_ja = "文字 " + what + " はどのフォントにもありません（試したフォント: " + tried + "）";
        d.hint = "add a font that has the character to the role's chain in fonts.xml, or check "
                 "the character (a wrong variation selector is a common cause)";
        d.hint_ja = "その文字を持つフォントを fonts.xml の役割の連鎖に加えるか、文字（異体字セレクタの誤り"
                    "がよくある原因です）を確認してください";
    }
    return d;
}

}  // namespace gijiroku::font
