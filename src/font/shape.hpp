// Shaping one run of a paragraph with one face (HarfBuzz behind the scenes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "font/face.hpp"

namespace gijiroku::font {

// One positioned glyph, in font units (divide by Face::units_per_em() for em).
struct ShapedGlyph {
    std::uint32_t glyph = 0;
    // Index into the paragraph of the first code point of the glyph's cluster. Clusters are
    // monotone characters: a base and its variation selector or marks share the base's index.
    std::size_t cluster = 0;
    std::int32_t x_advance = 0;
    std::int32_t x_offset = 0;
    std::int32_t y_offset = 0;

    friend bool operator==(const ShapedGlyph&, const ShapedGlyph&) = default;
};

// An OpenType feature to switch on or off for part of the run.
struct Feature {
    std::string tag;           // "halt", "vert", "jp90", ...; 1–4 characters
    std::uint32_t value = 1;   // 0 = off, 1 = on, n = alternate n
    // Paragraph indices (the same as ShapedGlyph::cluster) the feature applies to; the default
    // is the whole run.
    std::size_t begin = 0;
    std::size_t end = static_cast<std::size_t>(-1);
};

struct ShapeOptions {
    // Japanese run (typesetting.md §3.8): kern off (it breaks solid setting), and palt, vpal,
    // pwid, pkna, chws off (proportional or contextual spacing; the layout engine applies JLREQ
    // aki itself). Off: a Western run, with kern and liga on.
    bool japanese = true;
    // Added after the defaults above, so they can override them (e.g. {"halt", 1, b, e} for the
    // punctuation the engine has decided to set half-width, when the face has `halt`).
    std::vector<Feature> features;
    // ISO 15924 script tag ("Hani", "Latn"); empty → guessed from the text.
    std::string script;
    // BCP 47 language; "ja" selects Japanese glyph forms (OpenType `locl` under JAN).
    std::string language = "ja";
};

// Reusable shaping state (a HarfBuzz buffer and scratch space). Not thread-safe: keep one per
// thread, e.g. in the layout worker, to avoid an allocation per call.
class ShapeBuffer {
public:
    ShapeBuffer();
    ~ShapeBuffer();
    ShapeBuffer(ShapeBuffer&&) noexcept;
    ShapeBuffer& operator=(ShapeBuffer&&) noexcept;
    ShapeBuffer(const ShapeBuffer&) = delete;
    ShapeBuffer& operator=(const ShapeBuffer&) = delete;

    struct Impl;
    Impl& impl();  // module-internal (a moved-from buffer gets fresh state here)

private:
    std::unique_ptr<Impl> impl_;
};

// Shapes paragraph[begin, end) with `face`, left to right, passing the code points around the run
// as context (so contextual forms and the `BOT`/`EOT` state are right at run boundaries). Glyphs
// come out in visual (= logical, LTR) order. Variation selectors are consumed by their base;
// default-ignorable characters (ZWJ, unsupported selectors) yield no glyph. An empty range or
// begin > end gives no glyphs; indices past the paragraph are clamped.
// Thread-safe for different buffers on the same Face.
std::vector<ShapedGlyph> shape(const Face& face, std::u32string_view paragraph, std::size_t begin,
                               std::size_t end, const ShapeOptions& options, ShapeBuffer& buffer);

// As above with a buffer made for this call.
std::vector<ShapedGlyph> shape(const Face& face, std::u32string_view paragraph, std::size_t begin,
                               std::size_t end, const ShapeOptions& options = {});

}  // namespace gijiroku::font
