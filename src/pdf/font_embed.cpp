#include "pdf/font_embed.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.hpp"
#include "pdf/text_string.hpp"

namespace gijiroku::pdf {

void FontUsage::add(std::uint32_t glyph, std::string_view text) {
    auto& variants = glyphs_[glyph];
    for (auto& v : variants) {
        if (v.text == text) {
            ++v.count;
            return;
        }
    }
    variants.push_back(Variant{std::string(text), 1, seq_++});
}

std::optional<std::uint32_t> FontPlan::cid(std::uint32_t glyph, std::string_view text) const {
    auto it = lookup.find(glyph);
    if (it == lookup.end()) return std::nullopt;
    for (const auto& [t, c] : it->second)
        if (t == text) return c;
    return std::nullopt;
}

int FontPlan::width(std::uint32_t c) const {
    auto it = width_of.find(c);
    return it == width_of.end() ? default_width : it->second;
}

std::string sanitize_postscript_name(std::string_view name) {
    std::string out;
    for (char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-';
        if (ok) out.push_back(c);
        if (out.size() == 100) break;  // names are at most 127 bytes; leave room for the tag
    }
    return out.empty() ? std::string("Font") : out;
}

namespace {

// FNV-1a, 64 bits: a stable digest (same on every machine) for the subset tag.
struct Fnv {
    std::uint64_t h = 0xcbf29ce484222325ull;
    void bytes(std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001b3ull;
        }
    }
    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) {
            h ^= (v >> (8 * i)) & 0xFF;
            h *= 0x100000001b3ull;
        }
    }
};

int scale_round(std::int32_t v, std::int32_t upem) {
    return static_cast<int>(std::lround(static_cast<double>(v) * 1000.0 / upem));
}

}  // namespace

std::optional<FontPlan> plan_font(const font::Face& face, const FontUsage& usage, std::string& error) {
    const std::int32_t upem = face.units_per_em();
    if (upem <= 0) {
        error = "the font has no units per em";
        return std::nullopt;
    }
    std::vector<std::uint32_t> glyphs;
    glyphs.reserve(usage.glyphs().size());
    for (const auto& [g, variants] : usage.glyphs()) glyphs.push_back(g);
    std::sort(glyphs.begin(), glyphs.end());
    if (!glyphs.empty() && glyphs.front() == 0) {
        error = "glyph 0 (.notdef) is shown";
        return std::nullopt;
    }
    // The characters each glyph shows: hb-subset is much faster given characters (subset.hpp).
    std::vector<char32_t> characters;
    for (const auto& [g, variants] : usage.glyphs()) {
        for (const auto& v : variants) {
            std::size_t pos = 0;
            while (pos < v.text.size())
                if (const std::optional<char32_t> c = utf8::next(v.text, pos)) characters.push_back(*c);
        }
    }
    std::sort(characters.begin(), characters.end());
    characters.erase(std::unique(characters.begin(), characters.end()), characters.end());
    auto sub = font::subset(face, glyphs, characters);
    if (!sub) {
        error = "hb-subset could not subset the font";
        return std::nullopt;
    }

    FontPlan plan;
    plan.program = std::move(sub->bytes);
    std::uint32_t program_glyphs = 0;
    for (const auto& [o, n] : sub->old_to_new) program_glyphs = std::max(program_glyphs, n + 1);
    plan.program_glyphs = program_glyphs;
    auto new_of = [&](std::uint32_t old) -> std::optional<std::uint32_t> {
        auto it = std::lower_bound(sub->old_to_new.begin(), sub->old_to_new.end(),
                                   std::make_pair(old, std::uint32_t{0}));
        if (it == sub->old_to_new.end() || it->first != old) return std::nullopt;
        return it->second;
    };

    // CIDs: the most frequent text of a glyph (then the one seen first) keeps CID = subset glyph;
    // every other text gets the next extra CID. Glyphs in id order, so the result is stable.
    std::uint32_t next_cid = program_glyphs;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> extras;  // (cid, subset glyph)
    std::map<std::uint32_t, std::pair<std::uint32_t, const std::string*>> used;  // cid → (old glyph, text)
    Fnv tag;
    tag.bytes(face.postscript_name());
    for (std::uint32_t g : glyphs) {
        auto variants = usage.glyphs().at(g);
        std::sort(variants.begin(), variants.end(), [](const auto& a, const auto& b) {
            return a.count != b.count ? a.count > b.count : a.first_seen < b.first_seen;
        });
        const auto base = new_of(g);
        if (!base) {
            error = "hb-subset dropped glyph " + std::to_string(g);
            return std::nullopt;
        }
        auto& entry = plan.lookup[g];
        tag.u32(g);
        for (std::size_t i = 0; i < variants.size(); ++i) {
            std::uint32_t c = *base;
            if (i > 0) {
                c = next_cid++;
                extras.emplace_back(c, *base);
            }
            entry.emplace_back(variants[i].text, c);
            tag.u32(c);
        }
    }
    if (next_cid > 0x10000) {
        error = "more than 65,536 character codes in one font";
        return std::nullopt;
    }
    for (const auto& [g, entry] : plan.lookup)
        for (const auto& [text, c] : entry) used[c] = {g, &text};
    plan.cid_count = next_cid;
    if (!extras.empty()) {
        plan.cid_to_gid.resize(next_cid);
        for (std::uint32_t c = 0; c < program_glyphs; ++c) plan.cid_to_gid[c] = static_cast<std::uint16_t>(c);
        for (const auto& [c, g] : extras) plan.cid_to_gid[c] = static_cast<std::uint16_t>(g);
    }

    // Widths: what the program says, in 1/1000 em, rounded to whole units (within 0.5/1000 em of
    // the program, inside check-pdfua's 1/1000 tolerance); the content writer positions glyphs
    // with these same numbers, so nothing drifts. /DW is the most common width.
    std::map<int, std::size_t> histogram;
    for (const auto& [c, use] : used) {
        const int w = scale_round(face.advance(use.first), upem);
        plan.width_of[c] = w;
        ++histogram[w];
    }
    std::size_t best = 0;
    for (const auto& [w, n] : histogram) {
        if (n > best) {
            best = n;
            plan.default_width = w;
        }
    }
    for (const auto& [c, use] : used) {
        const int w = plan.width_of[c];
        if (w != plan.default_width) plan.widths.emplace_back(c, w);
        plan.to_unicode.emplace_back(c, utf16be(*use.second, false));
    }

    // FontDescriptor (ISO 32000-1 §9.8.1, Table 122).
    plan.ascent = scale_round(face.ascender(), upem);
    plan.descent = scale_round(face.descender(), upem);
    plan.cap_height = scale_round(face.cap_height(), upem);
    plan.stem_v = scale_round(face.stem_v(), upem);
    const font::FontBBox bb = face.font_bbox();
    plan.bbox[0] = static_cast<int>(std::floor(bb.x_min * 1000.0 / upem));
    plan.bbox[1] = static_cast<int>(std::floor(bb.y_min * 1000.0 / upem));
    plan.bbox[2] = static_cast<int>(std::ceil(bb.x_max * 1000.0 / upem));
    plan.bbox[3] = static_cast<int>(std::ceil(bb.y_max * 1000.0 / upem));
    plan.italic_angle = face.italic_angle();
    // Symbolic (bit 3): the glyphs are outside the standard Latin set, which is the rule for a
    // CJK font (§9.8.2); FixedPitch (bit 1) and Italic (bit 7) from the font's own tables.
    plan.flags = 4;
    if (face.fixed_pitch()) plan.flags |= 1;
    if (plan.italic_angle != 0) plan.flags |= 64;

    // CIDSet (ISO 14289-1 §7.21.4.2 by way of PDF/A): every CID the font defines.
    plan.cid_set.assign((plan.cid_count + 7) / 8, '\0');
    for (std::uint32_t c = 0; c < plan.cid_count; ++c)
        plan.cid_set[c / 8] = static_cast<char>(static_cast<unsigned char>(plan.cid_set[c / 8]) |
                                                (0x80u >> (c % 8)));

    std::uint64_t h = tag.h;
    for (int i = 0; i < 6; ++i) {
        plan.subset_tag.push_back(static_cast<char>('A' + h % 26));
        h /= 26;
    }
    plan.base_font = plan.subset_tag + "+" + sanitize_postscript_name(face.postscript_name());
    return plan;
}

std::string to_unicode_cmap(const FontPlan& plan) {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    const auto& entries = plan.to_unicode;
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t end = std::min(entries.size(), i + 100);
        s += std::to_string(end - i) + " beginbfchar\n";
        for (std::size_t j = i; j < end; ++j) {
            const std::uint32_t c = entries[j].first;
            const char code[2] = {static_cast<char>((c >> 8) & 0xFF), static_cast<char>(c & 0xFF)};
            s += "<" + hex_upper(std::string_view(code, 2)) + "> <" + hex_upper(entries[j].second) + ">\n";
        }
        s += "endbfchar\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
}

std::vector<std::pair<std::uint32_t, std::vector<int>>> width_groups(const FontPlan& plan,
                                                                    std::size_t max_group) {
    std::vector<std::pair<std::uint32_t, std::vector<int>>> groups;
    if (max_group == 0) max_group = 1;
    for (const auto& [c, w] : plan.widths) {
        if (groups.empty() || groups.back().first + groups.back().second.size() != c ||
            groups.back().second.size() >= max_group)
            groups.emplace_back(c, std::vector<int>{});
        groups.back().second.push_back(w);
    }
    return groups;
}

}  // namespace gijiroku::pdf
