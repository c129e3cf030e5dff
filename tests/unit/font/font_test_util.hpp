// Shared helpers for the font tests: font paths, a temporary folder, byte-level sfnt patching.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace font_test {

inline std::string mincho_path() { return GIJIROKU_SOURCE_DIR "/fonts/BIZUDMincho-Regular.ttf"; }
inline std::string gothic_path() { return GIJIROKU_SOURCE_DIR "/fonts/BIZUDGothic-Regular.ttf"; }
inline std::string gothic_bold_path() { return GIJIROKU_SOURCE_DIR "/fonts/BIZUDGothic-Bold.ttf"; }
// Installed by Debian's fonts-ipamj-mincho (fonts/README.md), not shipped.
inline std::string ipamj_path() { return "/usr/share/fonts/truetype/ipamj/ipamjm.ttf"; }

// A fresh folder under the system temp dir, removed with everything in it at scope end.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "gijiroku-font-XXXXXX").string();
        if (char* made = ::mkdtemp(tmpl.data())) path_ = made;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(std::string_view name) const { return (path_ / name).string(); }
    bool ok() const { return !path_.empty(); }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

inline std::uint32_t be32(std::string_view b, std::size_t o) {
    return (std::uint32_t(static_cast<unsigned char>(b[o])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(b[o + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(b[o + 2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(b[o + 3]));
}
inline std::uint16_t be16(std::string_view b, std::size_t o) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(b[o]) << 8) |
                                      static_cast<unsigned char>(b[o + 1]));
}
inline void put16(std::string& b, std::size_t o, std::uint16_t v) {
    b[o] = static_cast<char>(v >> 8);
    b[o + 1] = static_cast<char>(v & 0xFF);
}
inline void put32(std::string& b, std::size_t o, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b[o + static_cast<std::size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
}

// Offset of table `tag` in a plain (non-collection) sfnt, by the table directory.
inline std::optional<std::size_t> table_offset(std::string_view font, std::string_view tag) {
    const std::uint16_t n = be16(font, 4);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t r = 12 + 16 * i;
        if (font.substr(r, 4) == tag) return be32(font, r + 8);
    }
    return std::nullopt;
}

inline bool have_ots_sanitize() { return std::system("command -v ots-sanitize >/dev/null 2>&1") == 0; }
inline bool ots_sanitizes(const std::string& path) {
    return std::system(("ots-sanitize '" + path + "' >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace font_test
