#include "font/font_set.hpp"

#include <atomic>
#include <mutex>
#include <utility>

namespace gijiroku::font {

struct FontSet::Slot {
    std::once_flag once;
    std::atomic<bool> attempted{false};
    std::atomic<bool> done{false};  // release-stored after `face` and `diagnostics` are final
    std::unique_ptr<Face> face;
    std::vector<Diagnostic> diagnostics;
};

FontSet::FontSet() = default;
FontSet::~FontSet() = default;
FontSet::FontSet(FontSet&&) noexcept = default;
FontSet& FontSet::operator=(FontSet&&) noexcept = default;

FontSet FontSet::build(const FontSetSpec& spec, Diagnostics& diags, const std::string& spec_file) {
    FontSet set;
    for (const FaceSpec& f : spec.faces) {
        if (set.find_face(f.id)) {
            diags.error("E511", spec_file, SourceLoc{}, "font id '" + f.id + "' is defined twice",
                        "フォント ID '" + f.id + "' が 2 回定義されています",
                        "give every font its own id; the second definition is ignored",
                        "フォントごとに別の ID を付けてください（2 つ目の定義は無視されます）");
            continue;
        }
        set.specs_.push_back(f);
        set.slots_.push_back(std::make_unique<Slot>());
    }
    for (const ChainSpec& c : spec.chains) {
        if (set.has_role(c.role)) {
            diags.error("E514", spec_file, SourceLoc{}, "font role '" + c.role + "' is defined twice",
                        "フォントの役割 '" + c.role + "' が 2 回定義されています",
                        "keep one definition of the role; the second is ignored",
                        "役割の定義を 1 つにしてください（2 つ目は無視されます）");
            continue;
        }
        Chain chain{c.role, {}};
        for (const std::string& id : c.face_ids) {
            if (auto i = set.find_face(id)) {
                chain.faces.push_back(*i);
            } else {
                diags.error("E512", spec_file, SourceLoc{},
                            "font role '" + c.role + "' names font id '" + id + "', which is not defined",
                            "フォントの役割 '" + c.role + "' が未定義のフォント ID '" + id + "' を指しています",
                            "define a font with that id or remove it from the chain",
                            "その ID のフォントを定義するか、連鎖から外してください");
            }
        }
        if (chain.faces.empty()) {
            diags.error("E513", spec_file, SourceLoc{},
                        "font role '" + c.role + "' has no usable fonts",
                        "フォントの役割 '" + c.role + "' に使えるフォントがありません",
                        "list at least one defined font id in the role's chain",
                        "役割の連鎖に定義済みのフォント ID を 1 つ以上書いてください");
            continue;
        }
        set.chains_.push_back(std::move(chain));
    }
    return set;
}

std::size_t FontSet::face_count() const { return specs_.size(); }
const FaceSpec& FontSet::face_spec(std::size_t face) const { return specs_.at(face); }

std::optional<std::size_t> FontSet::find_face(std::string_view id) const {
    for (std::size_t i = 0; i < specs_.size(); ++i)
        if (specs_[i].id == id) return i;
    return std::nullopt;
}

const Face* FontSet::face(std::size_t index) const {
    Slot& slot = *slots_.at(index);
    // Asked once per character cluster by itemize: the common case, a face already opened,
    // must not go through std::call_once (an out-of-line pthread_once each time).
    if (slot.done.load(std::memory_order_acquire)) return slot.face.get();
    std::call_once(slot.once, [&] {
        slot.attempted.store(true, std::memory_order_relaxed);
        const FaceSpec& spec = specs_[index];
        LoadOptions options;
        options.collection_index = spec.collection_index;
        options.require_japanese = spec.require_japanese;
        options.display_name = spec.display_name;
        Diagnostics d;
        slot.face = Face::load(spec.path, options, d);
        slot.diagnostics = d.all();
        slot.done.store(true, std::memory_order_release);
    });
    return slot.face.get();
}

bool FontSet::is_opened(std::size_t face) const {
    return slots_.at(face)->attempted.load(std::memory_order_relaxed);
}

std::vector<Diagnostic> FontSet::load_diagnostics(std::size_t face) const {
    const Slot& slot = *slots_.at(face);
    if (!slot.done.load(std::memory_order_acquire)) return {};
    return slot.diagnostics;
}

void FontSet::report_load_diagnostics(Diagnostics& diags) const {
    for (std::size_t i = 0; i < slots_.size(); ++i)
        for (Diagnostic& d : load_diagnostics(i)) diags.report(std::move(d));
}

bool FontSet::has_role(std::string_view role) const { return !chain(role).empty(); }

std::vector<std::string> FontSet::roles() const {
    std::vector<std::string> out;
    for (const Chain& c : chains_) out.push_back(c.role);
    return out;
}

std::span<const std::size_t> FontSet::chain(std::string_view role) const {
    for (const Chain& c : chains_)
        if (c.role == role) return c.faces;
    return {};
}

}  // namespace gijiroku::font
