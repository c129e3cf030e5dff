#include "api/web_fonts.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/utf8.hpp"
#include "font/itemize.hpp"
#include "font/subset.hpp"

namespace gijiroku::api {

namespace {

// What one fallback face must give the page.
struct Wanted {
    std::set<char32_t> code_points;
    std::set<std::pair<char32_t, char32_t>> sequences;  // (base, selector)
    std::set<std::string> roles;
};

class Collector {
public:
    explicit Collector(const font::FontSet& fonts) : fonts_(fonts) {}

    // The role layout sets text of `role` with: the role itself, else mincho, else the first
    // role (layout/paragraph.cpp, resolve_role; E541 is layout's to report).
    std::string effective_role(const std::string& role) const {
        const std::string r = role.empty() ? std::string("mincho") : role;
        if (fonts_.has_role(r)) return r;
        if (fonts_.has_role("mincho")) return "mincho";
        const std::vector<std::string> roles = fonts_.roles();
        return roles.empty() ? std::string() : roles.front();
    }

    // The primary face of `role`: the first face of its chain that opens (what the CSS font
    // stack names first, and what most of the text is set with).
    std::optional<std::size_t> primary(const std::string& role) {
        if (auto it = primary_.find(role); it != primary_.end()) return it->second;
        std::optional<std::size_t> found;
        for (std::size_t f : fonts_.chain(role))
            if (fonts_.face(f)) {
                found = f;
                break;
            }
        primary_.emplace(role, found);
        return found;
    }

    void add(std::string_view text, const std::string& block_role) {
        if (text.empty()) return;
        // Pure ASCII never needs a fallback face in a Japanese primary font (E510 makes sure the
        // primary font is Japanese; every Japanese font has ASCII): skip it without decoding.
        bool ascii = true;
        for (unsigned char c : text)
            if (c >= 0x80) {
                ascii = false;
                break;
            }
        if (ascii) return;
        const std::string role = effective_role(block_role);
        if (role.empty()) return;
        const std::optional<std::size_t> first = primary(role);
        if (!first) return;
        const std::u32string u = utf8::decode(text);
        const font::Face* face = fonts_.face(*first);
        // The common case: every character in the primary face's cmap. Only then does the chain
        // need walking (itemize opens a fallback face only for a cluster the faces before lack).
        bool all_primary = true;
        for (char32_t c : u)
            if (c >= 0x80 && !face->nominal_glyph(c)) {
                all_primary = false;
                break;
            }
        if (all_primary && !has_selector(u)) return;

        font::ItemizeOptions options;
        // A sequence no face has is E520 (layout reports it; nothing is written) or, with
        // --allow-base-glyph, its base is shown: what the page must then show too.
        options.allow_base_glyph = true;
        const font::ItemizeResult items = font::itemize(fonts_, role, u, options);
        for (const font::Run& run : items.runs) {
            if (run.face == *first) continue;
            Wanted& w = wanted_[run.face];
            for (std::size_t b = run.begin; b < run.end;) {
                const std::size_t e = font::cluster_end(u, b);
                const std::u32string_view cl = std::u32string_view(u).substr(b, e - b);
                std::size_t i = 0;
                if (cl.size() > 1 && font::is_variation_selector(cl[1])) {
                    w.sequences.emplace(cl[0], cl[1]);
                    i = 2;
                }
                for (; i < cl.size(); ++i) w.code_points.insert(cl[i]);
                b = e;
            }
            w.roles.insert(role);
        }
    }

    std::map<std::size_t, Wanted>& wanted() { return wanted_; }

private:
    static bool has_selector(std::u32string_view u) {
        for (char32_t c : u)
            if (font::is_variation_selector(c)) return true;
        return false;
    }

    const font::FontSet& fonts_;
    std::map<std::string, std::optional<std::size_t>> primary_;
    std::map<std::size_t, Wanted> wanted_;
};

// The text of `n` and its descendants with the font role layout gives it: the role of the
// nearest block with a style (layout/blocks.cpp, context_for); the items of a run-on list
// (attendee names) take the list's.
void walk(const style::StyledDoc& doc, const style::Node& n, std::string role, bool pinned,
          Collector& out) {
    if (!pinned)
        if (const style::BlockStyle* st = doc.style_of(n); st && !style::is_inline(n.role))
            role = st->font_role.empty() ? std::string("mincho") : st->font_role;
    if (n.role == style::Role::list && n.inline_items) pinned = true;
    out.add(n.text, role);
    out.add(n.reading, role);
    for (const style::Node& c : n.children) walk(doc, c, role, pinned, out);
}

// A CSS family name made of the face id: letters, digits and hyphens only, so it needs no
// escaping and cannot collide with a family a reader has installed.
std::string family_for(const std::string& id, std::size_t face, std::set<std::string>& used) {
    std::string name = "gijiroku-fallback-";
    for (unsigned char c : id) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            name += static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z')
            name += static_cast<char>(c - 'A' + 'a');
        else
            name += '-';
    }
    if (!used.insert(name).second) {
        name += "-" + std::to_string(face);
        used.insert(name);
    }
    return name;
}

}  // namespace

std::vector<xhtml::WebFont> fallback_web_fonts(const style::StyledDoc& doc, const font::FontSet& fonts,
                                                Diagnostics& diags) {
    Collector collect(fonts);
    walk(doc, doc.root, "mincho", false, collect);
    const std::string page_role =
        doc.page.page_number_font_role.empty() ? std::string("mincho") : doc.page.page_number_font_role;
    collect.add(doc.page.running_head, page_role);
    collect.add(doc.page.page_number_format, page_role);

    std::vector<xhtml::WebFont> out;
    std::set<std::string> families;
    for (auto& [index, w] : collect.wanted()) {
        const font::Face* face = fonts.face(index);
        if (!face) continue;
        const std::vector<char32_t> cps(w.code_points.begin(), w.code_points.end());
        std::vector<font::VariationSequence> seqs;
        for (const auto& [base, selector] : w.sequences) seqs.push_back({base, selector});
        std::optional<font::WebFont> web = font::subset_for_web(*face, cps, seqs);
        const font::FaceSpec& spec = fonts.face_spec(index);
        const std::string name = spec.display_name.empty() ? spec.id : spec.display_name;
        if (!web) {
            diags.warning("W712", doc.source_file, {},
                          "the characters set with " + name +
                              " could not be embedded in the XHTML as a web font; readers without " + name +
                              " may see other glyphs for them",
                          name + " で組んだ文字を XHTML にウェブフォントとして埋め込めませんでした。" + name +
                              " のない環境では別の字形で表示されることがあります",
                          "check that the font file is a TrueType font hb-subset can read; the PDF is not affected",
                          "フォントファイルが hb-subset で読める TrueType フォントか確認してください。PDF には影響しません");
            continue;
        }
        xhtml::WebFont wf;
        wf.family = family_for(spec.id, index, families);
        wf.sfnt = std::move(web->bytes);
        wf.unicode_range = font::css_unicode_range(web->code_points);
        wf.font_roles.assign(w.roles.begin(), w.roles.end());
        out.push_back(std::move(wf));
    }
    return out;
}

}  // namespace gijiroku::api
