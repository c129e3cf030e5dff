// Hostile and mistaken font files: every case is a diagnostic naming the file and a fix, never a
// crash. All bad files are made here, at run time, in a temporary folder.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <random>

#include "font/face.hpp"
#include "font/shape.hpp"
#include "font/subset.hpp"
#include "font_test_util.hpp"

using namespace gijiroku;
using namespace gijiroku::font;
using font_test::TempDir;

namespace {

struct Outcome {
    std::unique_ptr<Face> face;
    Diagnostics diags;
};

Outcome try_load(const std::string& path, LoadOptions options = {}) {
    Outcome o;
    o.face = Face::load(path, options, o.diags);
    return o;
}

// Exactly one error with `code`, naming the file, with both languages and a fix.
void check_rejected(const Outcome& o, const std::string& code, const std::string& path) {
    CHECK_FALSE(o.face);
    REQUIRE(o.diags.all().size() == 1);
    const Diagnostic& d = o.diags.all()[0];
    CHECK(d.code == code);
    CHECK(d.severity == Severity::error);
    CHECK(d.file == path);
    CHECK(d.message.find(path) != std::string::npos);
    CHECK_FALSE(d.message_ja.empty());
    CHECK_FALSE(d.hint.empty());
    CHECK_FALSE(d.hint_ja.empty());
}

const std::string& mincho_bytes() {
    static const std::string bytes = font_test::read_file(font_test::mincho_path());
    return bytes;
}

std::string with_u16(std::string font, const char* table, std::size_t field, std::uint16_t v) {
    const auto at = font_test::table_offset(font, table);
    REQUIRE(at);
    font_test::put16(font, *at + field, v);
    return font;
}

// A one-face TrueType collection wrapping `font` (OpenType spec, "TTC Header"): table offsets
// are from the start of the file, so each moves by the 16-byte header.
std::string as_collection(const std::string& font) {
    std::string ttc = "ttcf";
    ttc += std::string("\x00\x01\x00\x00", 4);  // version 1.0
    ttc += std::string("\x00\x00\x00\x01", 4);  // numFonts
    ttc += std::string("\x00\x00\x00\x10", 4);  // offset of face 0
    std::string body = font;
    const std::uint16_t n = font_test::be16(body, 4);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t r = 12 + 16 * i + 8;
        font_test::put32(body, r, font_test::be32(body, r) + 16);
    }
    return ttc + body;
}

}  // namespace

TEST_CASE("missing, unreadable and empty font files", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());

    const std::string missing = dir.file("no-such-font.ttf");
    check_rejected(try_load(missing), "E501", missing);

    const std::string folder = dir.file("a-folder.ttf");
    std::filesystem::create_directory(folder);
    check_rejected(try_load(folder), "E502", folder);

    const std::string empty = font_test::write_file(dir.file("empty.ttf"), "");
    check_rejected(try_load(empty), "E503", empty);

    if (::geteuid() != 0) {  // root reads any file, so the permission case needs a normal user
        const std::string locked = font_test::write_file(dir.file("locked.ttf"), mincho_bytes());
        ::chmod(locked.c_str(), 0);
        check_rejected(try_load(locked), "E502", locked);
    }
}

TEST_CASE("files that are not fonts", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());

    const std::string text = font_test::write_file(
        dir.file("notes.ttf"), "root:x:0:0:root:/root:/bin/bash\n議事要旨\n");
    check_rejected(try_load(text), "E504", text);

    if (std::filesystem::exists("/etc/passwd")) check_rejected(try_load("/etc/passwd"), "E504", "/etc/passwd");

    std::mt19937 rng(20250325);
    std::string noise(4096, '\0');
    for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
    noise[0] = 'Z';  // not by chance an sfnt signature
    const std::string random = font_test::write_file(dir.file("random.ttf"), noise);
    check_rejected(try_load(random), "E504", random);

    const std::string tiny = font_test::write_file(dir.file("tiny.ttf"), "ab");
    check_rejected(try_load(tiny), "E504", tiny);

    const std::string woff = font_test::write_file(dir.file("font.woff"), std::string("wOFF\0\1\0\0", 8) + noise);
    check_rejected(try_load(woff), "E504", woff);
}

TEST_CASE("truncated and corrupt fonts", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());
    const std::string& font = mincho_bytes();

    for (std::size_t size : {std::size_t{8}, std::size_t{100}, std::size_t{4096}, font.size() / 2,
                             font.size() - 1}) {
        INFO("truncated to " << size << " bytes");
        const std::string path = font_test::write_file(dir.file("cut.ttf"), font.substr(0, size));
        check_rejected(try_load(path), "E505", path);
    }

    // A valid signature followed by random bytes: a table directory pointing anywhere.
    std::mt19937 rng(7);
    std::string noise(std::string("\x00\x01\x00\x00", 4));
    for (int i = 0; i < 8192; ++i) noise += static_cast<char>(rng() & 0xFF);
    const std::string garbage = font_test::write_file(dir.file("garbage.ttf"), noise);
    check_rejected(try_load(garbage), "E505", garbage);

    // head.magicNumber (offset 12) broken.
    std::string bad_magic = font;
    font_test::put32(bad_magic, *font_test::table_offset(bad_magic, "head") + 12, 0x12345678);
    const std::string magic = font_test::write_file(dir.file("magic.ttf"), bad_magic);
    check_rejected(try_load(magic), "E505", magic);

    // No tables at all.
    const std::string none = font_test::write_file(dir.file("none.ttf"), std::string("\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 12));
    check_rejected(try_load(none), "E505", none);
}

TEST_CASE("collection index out of range", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());
    const std::string ttf = font_test::mincho_path();
    check_rejected(try_load(ttf, LoadOptions{1, false, true, {}}), "E506", ttf);

    const std::string ttc = font_test::write_file(dir.file("one.ttc"), as_collection(mincho_bytes()));
    check_rejected(try_load(ttc, LoadOptions{1, false, true, {}}), "E506", ttc);
    check_rejected(try_load(ttc, LoadOptions{1000000, false, true, {}}), "E506", ttc);
    // Face 0 of the collection is the font itself.
    Outcome ok = try_load(ttc, LoadOptions{0, true, true, {}});
    CHECK(ok.diags.empty());
    REQUIRE(ok.face);
    CHECK(ok.face->postscript_name() == "BIZUDMincho-Regular");
    CHECK(ok.face->nominal_glyph(U'﨑'));
}

TEST_CASE("units per em of 0 or beyond 16384", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());
    for (std::uint16_t upem : {std::uint16_t{0}, std::uint16_t{15}, std::uint16_t{16385}, std::uint16_t{65535}}) {
        INFO("unitsPerEm " << upem);
        const std::string path =
            font_test::write_file(dir.file("upem.ttf"), with_u16(mincho_bytes(), "head", 18, upem));
        check_rejected(try_load(path), "E507", path);
    }
}

TEST_CASE("OS/2 fsType forbids embedding or subsetting", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());
    auto path_with = [&](std::uint16_t fs) {
        return font_test::write_file(dir.file("fs" + std::to_string(fs) + ".ttf"),
                                     with_u16(mincho_bytes(), "OS/2", 8, fs));
    };
    const std::string restricted = path_with(0x0002);
    check_rejected(try_load(restricted), "E508", restricted);
    const std::string bitmap = path_with(0x0200);
    check_rejected(try_load(bitmap), "E508", bitmap);
    const std::string no_subset = path_with(0x0100);
    check_rejected(try_load(no_subset), "E509", no_subset);

    // Preview & print, and editable, permit embedding in a PDF.
    for (std::uint16_t fs : {std::uint16_t{0x0004}, std::uint16_t{0x0008}}) {
        Outcome o = try_load(path_with(fs));
        CHECK(o.diags.empty());
        REQUIRE(o.face);
        CHECK(o.face->embedding().fs_type == fs);
        CHECK_FALSE(o.face->embedding().restricted());
    }
    // Old fonts may set restricted together with a less restrictive bit: the latter applies.
    CHECK_FALSE(EmbeddingFlags{0x0006}.restricted());
    // A caller that does not embed (a report, say) may load it anyway.
    Outcome relaxed = try_load(restricted, LoadOptions{0, false, false, {}});
    CHECK(relaxed.diags.empty());
    REQUIRE(relaxed.face);
    CHECK(relaxed.face->embedding().restricted());
}

TEST_CASE("a font without Japanese glyphs where Japanese is required", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());
    Outcome m = try_load(font_test::mincho_path());
    REQUIRE(m.face);
    const std::u32string latin = U"ABCabc0123";
    const auto web = subset_for_web(*m.face, std::span<const char32_t>(latin.data(), latin.size()));
    REQUIRE(web);
    const std::string path = font_test::write_file(dir.file("latin-only.ttf"), web->bytes);

    check_rejected(try_load(path, LoadOptions{0, true, true, {}}), "E510", path);
    Outcome plain = try_load(path);  // not required: it loads
    CHECK(plain.diags.empty());
    REQUIRE(plain.face);
    CHECK(plain.face->nominal_glyph(U'A'));
    CHECK_FALSE(plain.face->nominal_glyph(U'あ'));
}

TEST_CASE("damaged bytes never crash loading, mapping, shaping or subsetting", "[font][hostile]") {
    TempDir dir;
    REQUIRE(dir.ok());
    Outcome m = try_load(font_test::mincho_path());
    REQUIRE(m.face);
    const std::u32string text = U"議事要旨（岩﨑）、0123";
    const auto small = subset_for_web(*m.face, std::span<const char32_t>(text.data(), text.size()));
    REQUIRE(small);

    std::mt19937 rng(42);
    int loaded = 0, rejected = 0;
    for (int round = 0; round < 150; ++round) {
        std::string bytes = small->bytes;
        const int flips = 1 + static_cast<int>(rng() % 16);
        for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xFF);
        const std::string path = font_test::write_file(dir.file("flip.ttf"), bytes);
        Outcome o = try_load(path);
        if (!o.face) {
            ++rejected;
            REQUIRE(o.diags.error_count() == 1);
            continue;
        }
        ++loaded;
        std::vector<std::uint32_t> glyphs;
        for (char32_t c : text)
            if (auto g = o.face->nominal_glyph(c)) {
                glyphs.push_back(*g);
                (void)o.face->advance(*g);
                (void)o.face->ink_extents(*g);
            }
        (void)shape(*o.face, text, 0, text.size());
        (void)subset(*o.face, glyphs);
    }
    CHECK(loaded + rejected == 150);
}
