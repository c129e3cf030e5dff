// Reads the font manifest fonts/fonts.xml (format: fonts/README.md) into the plain spec the
// font module builds a FontSet from. The manifest is our own file, but it is read with the
// same hardened XML reader as any document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "font/font_set.hpp"

namespace gijiroku::api {

struct FontManifest {
    font::FontSetSpec spec;          // paths resolved against the manifest's folder
    std::vector<std::string> roles;     // role names, in order
    std::vector<std::string> font_ids;  // font ids, in order
};

std::optional<FontManifest> read_font_manifest(const std::string& path, Diagnostics& diags);

}  // namespace gijiroku::api
