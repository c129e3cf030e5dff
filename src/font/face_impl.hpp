// Private to src/font: the HarfBuzz objects behind a font::Face. Never include from a module
// header; tests/check_includes.cmake allows HarfBuzz headers only in src/font .cpp and *_impl.hpp.
#pragma once

#include <hb.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "font/face.hpp"

namespace gijiroku::font {

struct Face::Impl {
    std::string path;
    std::string display_name;
    unsigned index = 0;

    // Owned references; immutable after loading, so concurrent reads are safe (HarfBuzz objects
    // are thread-safe once made immutable).
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;

    std::int32_t upem = 0;
    std::int32_t ascender = 0;
    std::int32_t descender = 0;
    std::int32_t line_gap = 0;
    std::int32_t cap_height = 0;
    std::int32_t x_height = 0;
    FontBBox bbox;
    double italic_angle = 0.0;
    std::string postscript_name;
    std::string family_name;
    std::string family_name_ja;
    bool fixed_pitch = false;
    std::uint16_t weight_class = 400;
    std::int32_t stem_v = 0;
    EmbeddingFlags embedding;
    std::uint32_t glyph_count = 0;
    OutlineFormat outline_format = OutlineFormat::truetype;
    std::vector<std::string> features;

    // Face::nominal_glyph's answers for the BMP, filled as text asks: 0 = not asked yet,
    // 1 = no glyph, g + 2 = glyph g (glyph ids from 65534 on are not memoised). itemize asks
    // once per character and face, and HarfBuzz's cmap lookup cost as much as shaping
    // (bench/README.md). Relaxed atomics: racing threads store the same answer.
    std::unique_ptr<std::atomic<std::uint16_t>[]> bmp_glyphs{new std::atomic<std::uint16_t>[0x10000]()};

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
};

}  // namespace gijiroku::font
