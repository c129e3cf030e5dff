// Font itemization: which face of a role's fallback chain sets each character cluster
// (typesetting.md §6.3 item 3: fall back per character, not per run; check every variation
// sequence, because the shaper silently shows the base glyph for one the font lacks).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_loc.hpp"
#include "font/font_set.hpp"

namespace gijiroku::font {

// A maximal stretch of text set with one face. Indices are code-point offsets into the text
// given to itemize(); `face` indexes the FontSet.
struct Run {
    std::size_t face = 0;
    std::size_t begin = 0;
    std::size_t end = 0;

    friend bool operator==(const Run&, const Run&) = default;
};

// A cluster that no face of the chain has.
struct Miss {
    std::size_t begin = 0;  // code-point offsets of the cluster in the text
    std::size_t end = 0;
    std::u32string code_points;             // the cluster, e.g. U+845B U+E01EF
    std::vector<std::size_t> faces_tried;   // chain faces that were consulted, in order
    // With ItemizeOptions::allow_base_glyph: the variation sequence is in no face, so the base
    // character alone is set with `face` (a warning, not an error).
    bool downgraded = false;
    std::optional<std::size_t> face;        // the face used when downgraded
};

struct ItemizeOptions {
    // Let a variation sequence that no face supports fall back to the first face that has its
    // base character (reported as a downgraded Miss). Off: the cluster is an error-level Miss.
    bool allow_base_glyph = false;
};

struct ItemizeResult {
    // Contiguous runs covering the whole text. A missed cluster stays in the run of the cluster
    // before it (or the first usable face of the chain), so shaping it yields .notdef there.
    std::vector<Run> runs;
    std::vector<Miss> misses;
    // Chain faces that could not be opened (their reasons: FontSet::load_diagnostics) and were
    // skipped.
    std::vector<std::size_t> unavailable_faces;
    bool unknown_role = false;  // `role` is not in the set: runs and misses are empty
};

// The end of the cluster starting at `begin`: the character at `begin` plus every following
// combining mark (general category M*), variation selector and ZERO WIDTH JOINER. Line breaking
// must never split such a cluster (typesetting.md §6.3 item 2).
std::size_t cluster_end(std::u32string_view text, std::size_t begin);

// Chooses, for each cluster of `text`, the first face of `role`'s chain that has that exact
// cluster: for base + variation selector, Face::variation_glyph must succeed; otherwise every
// code point needs a nominal glyph (or the canonical composition of base and mark must). Control
// and format characters (Cc, Cf, Zl, Zp) need no glyph and join the run around them. Faces after
// the first are opened only when a cluster is missing from the ones before, so text covered by
// BIZ UD never opens IPAmj.
ItemizeResult itemize(const FontSet& set, std::string_view role, std::u32string_view text,
                      const ItemizeOptions& options = {});

// The diagnostic for a miss: E520 (error) "U+845B U+E01EF … is in none of the fonts (fonts
// tried: BIZ UD明朝, IPAmj明朝)", or W520 (warning) for a downgraded miss. `file` and `loc`
// are where the cluster is in the source document.
Diagnostic miss_diagnostic(const FontSet& set, const Miss& miss, std::string file, SourceLoc loc);

}  // namespace gijiroku::font
