#include "font/shape.hpp"

#include <hb.h>

#include <algorithm>
#include <climits>

#include "font/face_impl.hpp"

namespace gijiroku::font {

struct ShapeBuffer::Impl {
    hb_buffer_t* buffer = hb_buffer_create();
    std::vector<std::uint32_t> text;
    std::vector<hb_feature_t> features;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() { hb_buffer_destroy(buffer); }
};

ShapeBuffer::ShapeBuffer() : impl_(std::make_unique<Impl>()) {}
ShapeBuffer::~ShapeBuffer() = default;
ShapeBuffer::ShapeBuffer(ShapeBuffer&&) noexcept = default;
ShapeBuffer& ShapeBuffer::operator=(ShapeBuffer&&) noexcept = default;
ShapeBuffer::Impl& ShapeBuffer::impl() {
    if (!impl_) impl_ = std::make_unique<Impl>();
    return *impl_;
}

namespace {

// HarfBuzz looks at most HB_BUFFER_CONTEXT_LENGTH (5) code points on each side of the item;
// copying a little more than that keeps each call O(run length) however long the paragraph is.
constexpr std::size_t context_length = 16;

hb_feature_t feature(const char* tag, std::uint32_t value) {
    return hb_feature_t{hb_tag_from_string(tag, -1), value, HB_FEATURE_GLOBAL_START,
                        HB_FEATURE_GLOBAL_END};
}

}  // namespace

std::vector<ShapedGlyph> shape(const Face& face, std::u32string_view paragraph, std::size_t begin,
                               std::size_t end, const ShapeOptions& options, ShapeBuffer& scratch) {
    end = std::min(end, paragraph.size());
    if (begin >= end || end - begin > static_cast<std::size_t>(INT_MAX) / 2) return {};

    ShapeBuffer::Impl& s = scratch.impl();
    const std::size_t window_begin = begin - std::min(begin, context_length);
    const std::size_t window_end = std::min(paragraph.size(), end + context_length);
    s.text.assign(paragraph.begin() + static_cast<std::ptrdiff_t>(window_begin),
                  paragraph.begin() + static_cast<std::ptrdiff_t>(window_end));

    hb_buffer_t* buf = s.buffer;
    hb_buffer_clear_contents(buf);
    // Cluster values are indices into s.text (hb_buffer_add_utf32 numbers code units).
    hb_buffer_add_utf32(buf, s.text.data(), static_cast<int>(s.text.size()),
                        static_cast<unsigned int>(begin - window_begin),
                        static_cast<int>(end - begin));
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    if (!options.script.empty())
        hb_buffer_set_script(buf, hb_script_from_string(options.script.data(),
                                                        static_cast<int>(options.script.size())));
    if (!options.language.empty())
        hb_buffer_set_language(buf, hb_language_from_string(options.language.data(),
                                                            static_cast<int>(options.language.size())));
    hb_buffer_guess_segment_properties(buf);
    // A base and its variation selector or marks keep the base's index (libharu.md §6.1: the
    // first glyph of a cluster carries the cluster's text for ToUnicode).
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    unsigned int flags = HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES;
    if (begin == 0) flags |= HB_BUFFER_FLAG_BOT;
    if (end == paragraph.size()) flags |= HB_BUFFER_FLAG_EOT;
    hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(flags));

    s.features.clear();
    if (options.japanese) {
        // typesetting.md §3.8: no pair kerning and no proportional or contextual spacing in
        // Japanese runs; JLREQ aki come from the layout engine.
        for (const char* t : {"kern", "palt", "vpal", "pwid", "pkna", "chws", "vchw"})
            s.features.push_back(feature(t, 0));
    } else {
        s.features.push_back(feature("kern", 1));
        s.features.push_back(feature("liga", 1));
    }
    for (const Feature& f : options.features) {
        if (f.tag.empty() || f.tag.size() > 4) continue;
        hb_feature_t hf = feature("    ", f.value);
        hf.tag = hb_tag_from_string(f.tag.data(), static_cast<int>(f.tag.size()));
        auto local = [&](std::size_t i) -> unsigned int {
            if (i <= window_begin) return 0;
            if (i >= window_end) return HB_FEATURE_GLOBAL_END;
            return static_cast<unsigned int>(i - window_begin);
        };
        hf.start = local(f.begin);
        hf.end = f.end == static_cast<std::size_t>(-1) ? HB_FEATURE_GLOBAL_END : local(f.end);
        if (hf.start >= hf.end) continue;
        s.features.push_back(hf);
    }

    hb_shape(face.impl().font, buf, s.features.data(), static_cast<unsigned int>(s.features.size()));

    unsigned int n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
    std::vector<ShapedGlyph> out;
    out.reserve(n);
    for (unsigned int i = 0; i < n; ++i) {
        out.push_back(ShapedGlyph{info[i].codepoint, window_begin + info[i].cluster,
                                  pos[i].x_advance, pos[i].x_offset, pos[i].y_offset});
    }
    return out;
}

std::vector<ShapedGlyph> shape(const Face& face, std::u32string_view paragraph, std::size_t begin,
                               std::size_t end, const ShapeOptions& options) {
    ShapeBuffer buffer;
    return shape(face, paragraph, begin, end, options, buffer);
}

}  // namespace gijiroku::font
