// Embedded fonts: from the glyphs a document shows to everything a Type0 / CIDFontType2 font
// needs (ISO 32000-1 §9.7, §9.8, §9.10; ISO 14289-1 §7.21), as plain data. The writer turns a
// FontPlan into PDF objects; nothing here knows about libharu.
//
// Codes are 2-byte CIDs under /Identity-H. CID n is glyph n of the compact hb-subset program
// (/CIDToGIDMap /Identity), so the /W widths are exactly the program's advances (check-pdfua
// 31-030). One exception: a glyph that shows two different texts (some fonts draw 「～」 U+FF5E
// and 「〜」 U+301C with one glyph; an IVS glyph may be the default glyph of its base) cannot
// have one ToUnicode entry that says both. The most frequent text keeps CID = glyph; each other
// text gets an extra CID above the program's glyph count that a /CIDToGIDMap stream maps to the
// same glyph, and its own ToUnicode entry. Text extraction then gives back exactly what was
// typed in every reader, which /ActualText on a marked-content span does not (pdf.js ignores it).
// The second and later glyphs of a cluster carry the empty text: their CID maps to an empty
// string (`<0001> <>`), so the cluster's text is read once, from its first glyph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "font/face.hpp"
#include "font/subset.hpp"

namespace gijiroku::pdf {

// The uses of one face across the document: which glyphs, with which texts, how often.
class FontUsage {
public:
    // One occurrence of `glyph` showing `text` (the UTF-8 its cluster owns; empty for the second
    // and later glyphs of a cluster).
    void add(std::uint32_t glyph, std::string_view text);
    bool empty() const { return glyphs_.empty(); }

    struct Variant {
        std::string text;
        std::uint64_t count = 0;
        std::uint64_t first_seen = 0;  // order of first occurrence in the document
    };
    const std::unordered_map<std::uint32_t, std::vector<Variant>>& glyphs() const { return glyphs_; }

private:
    std::unordered_map<std::uint32_t, std::vector<Variant>> glyphs_;
    std::uint64_t seq_ = 0;
};

// Everything the PDF font objects of one face say.
struct FontPlan {
    std::string base_font;      // "ABCDEF+BIZUDMincho-Regular" (ISO 32000-1 §9.6.4 subset tag)
    std::string subset_tag;     // "ABCDEF": six upper-case letters from a digest of the glyph set
    std::string program;        // /FontFile2 bytes (TrueType from hb-subset)
    std::uint32_t cid_count = 0;           // CIDs 0 .. cid_count-1 exist
    std::uint32_t program_glyphs = 0;      // glyphs in the program (CIDs below map to themselves)
    // Empty for /CIDToGIDMap /Identity; otherwise the glyph of every CID (2 bytes each, §9.7.4.2).
    std::vector<std::uint16_t> cid_to_gid;
    // Widths in 1/1000 em: /DW, and /W for every used CID whose width differs from it.
    int default_width = 1000;
    std::vector<std::pair<std::uint32_t, int>> widths;  // sorted by CID
    // ToUnicode: every used CID with the UTF-16BE of its text (no BOM), sorted by CID.
    std::vector<std::pair<std::uint32_t, std::string>> to_unicode;
    // FontDescriptor, in 1/1000 em (§9.8).
    int ascent = 0, descent = 0, cap_height = 0, stem_v = 0;
    int bbox[4] = {0, 0, 0, 0};
    double italic_angle = 0;
    int flags = 4;
    std::string cid_set;  // /CIDSet bytes: one bit per CID, most significant bit first

    // The CID that shows `glyph` with `text`; nullopt when that pair was never added to the usage.
    std::optional<std::uint32_t> cid(std::uint32_t glyph, std::string_view text) const;
    // Width in 1/1000 em of `cid` as written in /W or /DW, which is what a reader advances by.
    int width(std::uint32_t cid) const;

    // (glyph → [(text, cid)]), for cid().
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string, std::uint32_t>>> lookup;
    std::unordered_map<std::uint32_t, int> width_of;  // CID → width, every used CID
};

// Subsets `face` to the glyphs of `usage` and assigns CIDs. On failure returns nullopt and a
// reason in `error` (hb-subset failed, a glyph id is out of range, more than 65,535 CIDs).
std::optional<FontPlan> plan_font(const font::Face& face, const FontUsage& usage, std::string& error);

// The ToUnicode CMap stream (ISO 32000-1 §9.10.3; Adobe TN 5411): bfchar entries, at most 100
// per block, targets in UTF-16BE (surrogate pairs for characters beyond the BMP, several code
// points for a cluster such as 葛 + U+E0100).
std::string to_unicode_cmap(const FontPlan& plan);

// The /W array as (first CID, widths of consecutive CIDs) groups, each at most `max_group` long.
std::vector<std::pair<std::uint32_t, std::vector<int>>> width_groups(const FontPlan& plan,
                                                                    std::size_t max_group);

// A PostScript name fit for /BaseFont: the face's name with anything outside [A-Za-z0-9._-]
// dropped ("Font" when nothing is left). The name comes from the font file, not from the user,
// but is still never trusted into a PDF name unchecked.
std::string sanitize_postscript_name(std::string_view name);

}  // namespace gijiroku::pdf
