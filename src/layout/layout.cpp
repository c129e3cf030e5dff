// layout() with the real paragraph engine. Kept apart from build_pages.cpp so that code and
// tests using the page builder with another paragraph setter do not link the engine.
#include "layout/layout.hpp"

#include "layout/build_pages.hpp"
#include "layout/paragraph.hpp"

namespace gijiroku::layout {

std::optional<LayoutResult> layout(const style::StyledDoc& doc, const font::FontSet& fonts,
                                   const LayoutOptions& options, Diagnostics& diags) {
    SetterOptions setter_options;
    setter_options.kinsoku = doc.kinsoku.level;
    setter_options.latin_spacing_zw = doc.latin_spacing;
    setter_options.allow_base_glyph = options.allow_base_glyph;
    ParagraphSetter setter(fonts, setter_options);
    const SourceMap where{doc.source_file, &doc.locations};
    const SetParagraphFn set = [&](const ParagraphSpec& spec, Diagnostics& d) {
        return setter.set(spec, where, d);
    };
    return build_pages(doc, set, options, diags);
}

}  // namespace gijiroku::layout
