#include "api/font_manifest.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "xml/reader.hpp"

namespace gijiroku::api {
namespace {

constexpr std::string_view fonts_namespace = "urn:gijiroku:fonts:1";

void manifest_error(Diagnostics& diags, const std::string& file, SourceLoc loc, const std::string& en,
                    const std::string& ja) {
    diags.error("E003", file, loc, en, ja, "restore fonts/fonts.xml from the gijiroku distribution",
                "gijiroku の配布物から fonts/fonts.xml を戻してください");
}

std::string attribute(const xml::Node& n, std::string_view name) {
    const auto* a = n.find_attribute(name);
    return a ? a->value : std::string{};
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

}  // namespace

std::optional<FontManifest> read_font_manifest(const std::string& path, Diagnostics& diags) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        manifest_error(diags, path, {}, "cannot read the font manifest " + path,
                       "フォント一覧 " + path + " を読めません");
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << f.rdbuf();
    auto doc = xml::read(bytes.str(), path, nullptr, xml::ReadOptions{}, diags);
    if (!doc) return std::nullopt;
    const xml::Node& root = doc->root;
    if (root.name != "fonts" || root.ns_uri != fonts_namespace) {
        manifest_error(diags, path, root.loc, "the font manifest's root must be <fonts xmlns=\"urn:gijiroku:fonts:1\">",
                       "フォント一覧の最上位要素は <fonts xmlns=\"urn:gijiroku:fonts:1\"> でなければなりません");
        return std::nullopt;
    }
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    FontManifest m;
    for (const auto& n : root.children) {
        if (n.kind != xml::Node::Kind::element) continue;
        if (n.name == "font") {
            font::FaceSpec face;
            face.id = attribute(n, "id");
            const std::string file = attribute(n, "file");
            if (face.id.empty() || file.empty()) {
                manifest_error(diags, path, n.loc, "a <font> needs id and file attributes",
                               "<font> には id と file の属性が必要です");
                continue;
            }
            const std::filesystem::path p(file);
            face.path = (p.is_absolute() ? p : folder / p).string();
            face.display_name = attribute(n, "family");
            if (face.display_name.empty()) face.display_name = face.id;
            face.fallback = attribute(n, "fallback") == "true";
            face.require_japanese = !face.fallback;
            m.font_ids.push_back(face.id);
            m.spec.faces.push_back(std::move(face));
        } else if (n.name == "role") {
            font::ChainSpec chain;
            chain.role = attribute(n, "name");
            chain.face_ids = split_words(attribute(n, "chain"));
            if (chain.role.empty() || chain.face_ids.empty()) {
                manifest_error(diags, path, n.loc, "a <role> needs name and chain attributes",
                               "<role> には name と chain の属性が必要です");
                continue;
            }
            m.roles.push_back(chain.role);
            m.spec.chains.push_back(std::move(chain));
        }
    }
    if (m.spec.faces.empty() || m.spec.chains.empty()) {
        manifest_error(diags, path, root.loc, "the font manifest lists no fonts or no roles",
                       "フォント一覧にフォントまたは役割がありません");
        return std::nullopt;
    }
    return m;
}

}  // namespace gijiroku::api
