// A set of font faces and the fallback chain of each font role (DESIGN §3 "Fonts").
//
// The set is built from a plain FontSetSpec, which the module reading fonts/fonts.xml (or a
// template) fills in; this module never parses XML. Faces are opened lazily, the first time a
// caller asks for them, so a document whose characters are all in BIZ UD never opens the 45 MB
// IPAmj fallback.
//
// Thread-safety: a FontSet may be shared between threads (e.g. documents rendered in parallel);
// each face slot is loaded exactly once (std::call_once), and the Face it yields is immutable.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "font/face.hpp"

namespace gijiroku::font {

// One font face of the set (one `font` element of fonts.xml).
struct FaceSpec {
    std::string id;            // unique token, referenced by ChainSpec::face_ids
    std::string path;          // file path, already resolved (absolute, or relative to the cwd)
    std::string display_name;  // "BIZ UD明朝": how messages name the font
    bool fallback = false;     // only a per-character fallback (documentation; loading is lazy anyway)
    unsigned collection_index = 0;  // face index in a .ttc/.otc
    // Check at load time that the font covers Japanese (LoadOptions::require_japanese).
    bool require_japanese = false;
};

// A font role and its fallback chain (one `role` element of fonts.xml).
struct ChainSpec {
    std::string role;                   // "mincho", "gothic", "gothic-bold"
    std::vector<std::string> face_ids;  // tried in this order for each character cluster
};

struct FontSetSpec {
    std::vector<FaceSpec> faces;
    std::vector<ChainSpec> chains;
};

class FontSet {
public:
    // Checks the spec and builds the set without opening any font file. Problems (duplicate face
    // id E511, a chain naming an unknown face E512, an empty chain E513, a duplicate role E514)
    // are reported to `diags` with `spec_file` as the file; the offending face or chain entry is
    // left out and the rest is still usable.
    static FontSet build(const FontSetSpec& spec, Diagnostics& diags,
                         const std::string& spec_file = {});

    FontSet();
    ~FontSet();
    FontSet(FontSet&&) noexcept;
    FontSet& operator=(FontSet&&) noexcept;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    std::size_t face_count() const;
    const FaceSpec& face_spec(std::size_t face) const;
    std::optional<std::size_t> find_face(std::string_view id) const;

    // The face at `face` (< face_count()), opened on the first call. nullptr when the file could
    // not be loaded; the reasons are in load_diagnostics(face). Blocks while another thread is
    // loading the same face.
    const Face* face(std::size_t face) const;
    // Whether face(face) has been called (the file was opened or its opening was attempted).
    bool is_opened(std::size_t face) const;
    // The diagnostics (E501–E510) of opening `face`; empty while it is unopened or loaded fine.
    std::vector<Diagnostic> load_diagnostics(std::size_t face) const;
    // Appends the load diagnostics of every face opened so far to `diags`, in face order: how a
    // caller surfaces "a fallback font was needed but is missing" once per document.
    void report_load_diagnostics(Diagnostics& diags) const;

    bool has_role(std::string_view role) const;
    std::vector<std::string> roles() const;
    // The face indices of the role's chain, in fallback order; empty for an unknown role.
    std::span<const std::size_t> chain(std::string_view role) const;

private:
    struct Slot;
    struct Chain {
        std::string role;
        std::vector<std::size_t> faces;
    };
    std::vector<FaceSpec> specs_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::vector<Chain> chains_;
};

}  // namespace gijiroku::font
