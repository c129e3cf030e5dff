// Loading a font file: every check a hostile or mistaken file needs before HarfBuzz sees it, then
// the metrics that PDF and layout ask for, read once so the Face is immutable afterwards.
#include "font/face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>
#include <utility>

#include "font/face_impl.hpp"

namespace gijiroku::font {

namespace {

// --- diagnostics ----------------------------------------------------------------------------

void fail(Diagnostics& diags, const char* code, const std::string& path, std::string message,
          std::string message_ja, std::string hint, std::string hint_ja) {
    diags.error(code, path, SourceLoc{}, std::move(message), std::move(message_ja), std::move(hint),
                std::move(hint_ja));
}

std::string quoted(const std::string& path) { return "'" + path + "'"; }

// --- big-endian reads on a bounds-checked byte range ------------------------------------------

struct Bytes {
    const unsigned char* data = nullptr;
    std::size_t size = 0;

    bool has(std::size_t offset, std::size_t n) const { return offset <= size && n <= size - offset; }
    std::uint16_t u16(std::size_t o) const {
        return static_cast<std::uint16_t>((data[o] << 8) | data[o + 1]);
    }
    std::uint32_t u32(std::size_t o) const {
        return (std::uint32_t{data[o]} << 24) | (std::uint32_t{data[o + 1]} << 16) |
               (std::uint32_t{data[o + 2]} << 8) | std::uint32_t{data[o + 3]};
    }
};

constexpr std::uint32_t tag(char a, char b, char c, char d) {
    return (std::uint32_t(static_cast<unsigned char>(a)) << 24) |
           (std::uint32_t(static_cast<unsigned char>(b)) << 16) |
           (std::uint32_t(static_cast<unsigned char>(c)) << 8) |
           std::uint32_t(static_cast<unsigned char>(d));
}

std::string tag_name(std::uint32_t t) {
    std::string s(4, ' ');
    for (int i = 0; i < 4; ++i) {
        const auto c = static_cast<char>((t >> (24 - 8 * i)) & 0xFF);
        s[static_cast<std::size_t>(i)] = (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    return s;
}

struct TableRecord {
    std::uint32_t tag = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

// Kinds of sfnt data we recognise by the first four bytes (OpenType spec "Organization of an
// OpenType font": sfntVersion 0x00010000 or 'OTTO', Apple 'true', collections 'ttcf').
enum class Signature { truetype, cff, collection, woff, woff2, unknown };

Signature signature_of(std::uint32_t v) {
    switch (v) {
        case 0x00010000u:
        case tag('t', 'r', 'u', 'e'): return Signature::truetype;
        case tag('O', 'T', 'T', 'O'): return Signature::cff;
        case tag('t', 't', 'c', 'f'): return Signature::collection;
        case tag('w', 'O', 'F', 'F'): return Signature::woff;
        case tag('w', 'O', 'F', '2'): return Signature::woff2;
        default: return Signature::unknown;
    }
}

// Reads the table directory at `at`; returns an English description of the first problem, or
// an empty string. A truncated copy shows up here: its last tables end past the end of the file.
std::string read_directory(const Bytes& b, std::size_t at, std::vector<TableRecord>& out) {
    if (!b.has(at, 12)) return "the file ends inside the font header";
    const std::uint16_t count = b.u16(at + 4);
    if (count == 0) return "the font has no tables";
    if (!b.has(at + 12, std::size_t{count} * 16)) return "the file ends inside the table directory";
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t r = at + 12 + i * 16;
        TableRecord t{b.u32(r), b.u32(r + 8), b.u32(r + 12)};
        if (!b.has(t.offset, t.length)) {
            return "table '" + tag_name(t.tag) + "' ends at byte " +
                   std::to_string(std::uint64_t{t.offset} + t.length) + " but the file has only " +
                   std::to_string(b.size) + " bytes";
        }
        out.push_back(t);
    }
    return {};
}

const TableRecord* find_table(const std::vector<TableRecord>& tables, std::uint32_t t) {
    for (const auto& r : tables)
        if (r.tag == t) return &r;
    return nullptr;
}

std::string name_utf8(hb_face_t* face, hb_ot_name_id_t id, const char* language) {
    hb_language_t lang = hb_language_from_string(language, -1);
    unsigned int size = hb_ot_name_get_utf8(face, id, lang, nullptr, nullptr);
    if (size == 0) return {};
    std::string s(size + 1, '\0');
    unsigned int capacity = size + 1;
    hb_ot_name_get_utf8(face, id, lang, &capacity, s.data());
    s.resize(capacity);
    return s;
}

std::string read_family_name(hb_face_t* face, const char* language) {
    std::string s = name_utf8(face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, language);
    if (s.empty()) s = name_utf8(face, HB_OT_NAME_ID_FONT_FAMILY, language);
    return s;
}

std::int32_t metric(hb_font_t* font, hb_ot_metrics_tag_t t) {
    hb_position_t v = 0;
    hb_ot_metrics_get_position_with_fallback(font, t, &v);
    return v;
}

std::string freetype_error(FT_Error e) {
    const char* s = FT_Error_String(e);
    char buf[48];
    std::snprintf(buf, sizeof buf, "FreeType error 0x%02X", static_cast<unsigned>(e));
    return s ? std::string(s) + " (" + buf + ")" : std::string(buf);
}

// FreeType is used only here, while loading, for what HarfBuzz 6.0 does not expose (fsType, post
// italicAngle/isFixedPitch, weight class, PostScript name) and as a second parser: FT_Face is not
// thread-safe, so it is closed before the Face is shared.
struct FreeTypeFacts {
    std::uint16_t fs_type = 0;
    std::uint16_t weight_class = 400;
    double italic_angle = 0.0;
    bool fixed_pitch = false;
    FontBBox bbox;
    std::string postscript_name;
};

std::string read_with_freetype(const Bytes& b, unsigned index, FreeTypeFacts& facts) {
    FT_Library lib = nullptr;
    if (FT_Error e = FT_Init_FreeType(&lib)) return "cannot start FreeType: " + freetype_error(e);
    FT_Face face = nullptr;
    std::string problem;
    if (FT_Error e = FT_New_Memory_Face(lib, b.data, static_cast<FT_Long>(b.size),
                                        static_cast<FT_Long>(index), &face)) {
        problem = freetype_error(e);
    } else {
        if (!FT_IS_SCALABLE(face)) {
            problem = "the font has no scalable outlines";
        } else if (FT_Error ge = FT_Load_Glyph(face, 0, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING)) {
            // .notdef must load: a broken loca/glyf shows up here.
            problem = "glyph 0 cannot be read: " + freetype_error(ge);
        } else {
            facts.fs_type = FT_Get_FSType_Flags(face);
            if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
                os2 && os2->version != 0xFFFF) {
                facts.weight_class = os2->usWeightClass;
            }
            if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST))) {
                facts.italic_angle = static_cast<double>(post->italicAngle) / 65536.0;
                facts.fixed_pitch = post->isFixedPitch != 0;
            }
            facts.bbox = FontBBox{static_cast<std::int32_t>(face->bbox.xMin),
                                  static_cast<std::int32_t>(face->bbox.yMin),
                                  static_cast<std::int32_t>(face->bbox.xMax),
                                  static_cast<std::int32_t>(face->bbox.yMax)};
            if (const char* ps = FT_Get_Postscript_Name(face)) facts.postscript_name = ps;
        }
        FT_Done_Face(face);
    }
    FT_Done_FreeType(lib);
    return problem;
}

std::vector<std::string> feature_tags(hb_face_t* face) {
    std::vector<std::string> out;
    for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
        unsigned int start = 0;
        for (;;) {
            hb_tag_t tags[64];
            unsigned int n = 64;
            const unsigned int total =
                hb_ot_layout_table_get_feature_tags(face, table, start, &n, tags);
            for (unsigned int i = 0; i < n; ++i) out.push_back(tag_name(tags[i]));
            start += n;
            if (n == 0 || start >= total) break;
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

bool is_variation_selector(char32_t c) {
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
           (c >= 0x180B && c <= 0x180D) || c == 0x180F;
}

Face::Face(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Face::~Face() = default;

std::unique_ptr<Face> Face::load(const std::string& path, const LoadOptions& options,
                                 Diagnostics& diags) {
    namespace fs = std::filesystem;
    const std::string shown = quoted(path);

    // --- the file itself ---------------------------------------------------------------------
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (path.empty() || st.type() == fs::file_type::not_found) {
        fail(diags, "E501", path, "font file " + shown + " does not exist",
             "フォントファイル " + shown + " がありません",
             "install the font (scripts/setup installs fonts-ipamj-mincho) or correct the path in "
             "fonts.xml or the template",
             "フォントをインストールする（scripts/setup が fonts-ipamj-mincho を入れます）か、"
             "fonts.xml またはテンプレートのパスを直してください");
        return nullptr;
    }
    if (ec || st.type() != fs::file_type::regular) {
        const std::string why = ec ? ec.message() : "it is not a regular file";
        fail(diags, "E502", path, "cannot read font file " + shown + ": " + why,
             "フォントファイル " + shown + " を読めません: " + why,
             "point the font path at a readable .ttf/.otf/.ttc file",
             "フォントのパスを読み取り可能な .ttf/.otf/.ttc ファイルにしてください");
        return nullptr;
    }
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
        std::fclose(f);
    } else {
        const std::string why = std::strerror(errno);
        fail(diags, "E502", path, "cannot read font file " + shown + ": " + why,
             "フォントファイル " + shown + " を読めません: " + why,
             "check the file's permissions (it must be readable by the user running gijiroku)",
             "ファイルの権限を確認してください（gijiroku を実行するユーザーが読める必要があります）");
        return nullptr;
    }
    const auto file_size = fs::file_size(path, ec);
    if (!ec && file_size == 0) {
        fail(diags, "E503", path, "font file " + shown + " is empty (0 bytes)",
             "フォントファイル " + shown + " が空です（0 バイト）",
             "the copy or download was interrupted; reinstall the font",
             "コピーかダウンロードが途中で止まっています。フォントを入れ直してください");
        return nullptr;
    }

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->index = options.collection_index;
    impl->display_name = options.display_name.empty() ? fs::path(path).filename().string()
                                                       : options.display_name;

    // Memory-mapped (HarfBuzz falls back to reading the file once); the blob owns the bytes for
    // the Face's life and FreeType reads the same bytes.
    impl->blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!impl->blob) {
        fail(diags, "E502", path, "cannot read font file " + shown,
             "フォントファイル " + shown + " を読めません",
             "check that the file is readable and not being replaced",
             "ファイルが読み取り可能で、置き換え中でないことを確認してください");
        return nullptr;
    }
    unsigned int blob_length = 0;
    const char* blob_data = hb_blob_get_data(impl->blob, &blob_length);
    const Bytes bytes{reinterpret_cast<const unsigned char*>(blob_data), blob_length};
    if (bytes.size == 0) {
        fail(diags, "E503", path, "font file " + shown + " is empty (0 bytes)",
             "フォントファイル " + shown + " が空です（0 バイト）",
             "the copy or download was interrupted; reinstall the font",
             "コピーかダウンロードが途中で止まっています。フォントを入れ直してください");
        return nullptr;
    }

    // --- what kind of file -------------------------------------------------------------------
    const Signature sig = bytes.has(0, 4) ? signature_of(bytes.u32(0)) : Signature::unknown;
    if (sig == Signature::woff || sig == Signature::woff2) {
        fail(diags, "E504", path, "font file " + shown + " is a compressed web font (WOFF)",
             "フォントファイル " + shown + " は圧縮されたウェブフォント（WOFF）です",
             "use the TrueType (.ttf) or OpenType (.otf) file of the font instead",
             "そのフォントの TrueType（.ttf）か OpenType（.otf）ファイルを指定してください");
        return nullptr;
    }
    if (sig == Signature::unknown) {
        fail(diags, "E504", path, "file " + shown + " is not a font (no TrueType/OpenType header)",
             "ファイル " + shown + " はフォントではありません（TrueType/OpenType のヘッダーがありません）",
             "point the font path at a .ttf, .otf or .ttc file",
             "フォントのパスを .ttf、.otf、.ttc のいずれかのファイルにしてください");
        return nullptr;
    }

    std::size_t sfnt_offset = 0;
    if (sig == Signature::collection) {
        if (!bytes.has(0, 12)) {
            fail(diags, "E505", path, "font collection " + shown + " is truncated",
                 "フォントコレクション " + shown + " が途中で切れています",
                 "reinstall the font", "フォントを入れ直してください");
            return nullptr;
        }
        const std::uint32_t count = bytes.u32(8);
        if (options.collection_index >= count) {
            const std::string n = std::to_string(count);
            const std::string i = std::to_string(options.collection_index);
            fail(diags, "E506", path,
                 "font collection " + shown + " has " + n + " faces; index " + i + " does not exist",
                 "フォントコレクション " + shown + " の書体は " + n + " 個で、番号 " + i + " はありません",
                 "use a face index from 0 to " + std::to_string(count == 0 ? 0 : count - 1),
                 "書体番号は 0 から " + std::to_string(count == 0 ? 0 : count - 1) +
                     " の範囲で指定してください");
            return nullptr;
        }
        const std::size_t entry = 12 + std::size_t{options.collection_index} * 4;
        if (!bytes.has(entry, 4)) {
            fail(diags, "E505", path, "font collection " + shown + " is truncated",
                 "フォントコレクション " + shown + " が途中で切れています",
                 "reinstall the font", "フォントを入れ直してください");
            return nullptr;
        }
        sfnt_offset = bytes.u32(entry);
        if (!bytes.has(sfnt_offset, 4) ||
            (signature_of(bytes.u32(sfnt_offset)) != Signature::truetype &&
             signature_of(bytes.u32(sfnt_offset)) != Signature::cff)) {
            fail(diags, "E505", path, "font collection " + shown + " is damaged: face " +
                 std::to_string(options.collection_index) + " has no font header",
                 "フォントコレクション " + shown + " が壊れています（書体 " +
                     std::to_string(options.collection_index) + " にヘッダーがありません）",
                 "reinstall the font", "フォントを入れ直してください");
            return nullptr;
        }
    } else if (options.collection_index != 0) {
        const std::string i = std::to_string(options.collection_index);
        fail(diags, "E506", path,
             "font file " + shown + " holds a single face, so face index " + i + " does not exist",
             "フォントファイル " + shown + " の書体は 1 個だけで、番号 " + i + " はありません",
             "use face index 0 (or omit it) for a .ttf/.otf file",
             ".ttf/.otf ファイルでは書体番号を 0 にしてください（省略しても構いません）");
        return nullptr;
    }

    std::vector<TableRecord> tables;
    std::string problem = read_directory(bytes, sfnt_offset, tables);
    if (problem.empty()) {
        for (std::uint32_t required : {tag('c', 'm', 'a', 'p'), tag('h', 'e', 'a', 'd'),
                                       tag('h', 'h', 'e', 'a'), tag('h', 'm', 't', 'x'),
                                       tag('m', 'a', 'x', 'p')}) {
            if (!find_table(tables, required)) {
                problem = "the required table '" + tag_name(required) + "' is missing";
                break;
            }
        }
    }
    if (problem.empty()) {
        if (find_table(tables, tag('g', 'l', 'y', 'f')) && find_table(tables, tag('l', 'o', 'c', 'a')))
            impl->outline_format = OutlineFormat::truetype;
        else if (find_table(tables, tag('C', 'F', 'F', ' ')))
            impl->outline_format = OutlineFormat::cff;
        else if (find_table(tables, tag('C', 'F', 'F', '2')))
            impl->outline_format = OutlineFormat::cff2;
        else
            problem = "the font has no outlines (no 'glyf'/'loca', 'CFF ' or 'CFF2' table)";
    }
    const TableRecord* head = find_table(tables, tag('h', 'e', 'a', 'd'));
    // head: magicNumber at 12 must be 0x5F0F3CF5, unitsPerEm at 18 (OpenType spec, head table).
    if (problem.empty() && (head->length < 54 || bytes.u32(head->offset + 12) != 0x5F0F3CF5u))
        problem = "the 'head' table is damaged";
    if (!problem.empty()) {
        fail(diags, "E505", path, "font file " + shown + " is truncated or damaged: " + problem,
             "フォントファイル " + shown + " が途中で切れているか壊れています: " + problem,
             "reinstall the font or copy the file again", "フォントを入れ直すか、ファイルをコピーし直してください");
        return nullptr;
    }
    // OpenType spec: "Valid range is from 16 to 16384". 0 makes every em-based division fail;
    // a huge value makes every scaled metric 0 (libharu.md §1 lists the division by zero).
    const std::uint16_t upem = bytes.u16(head->offset + 18);
    if (upem < 16 || upem > 16384) {
        const std::string v = std::to_string(upem);
        fail(diags, "E507", path,
             "font file " + shown + " declares " + v + " units per em; valid fonts use 16 to 16384",
             "フォントファイル " + shown + " の units per em が " + v + " です（正しい範囲は 16〜16384）",
             "the font is damaged or not meant for typesetting; use another font",
             "フォントが壊れているか組版用ではありません。別のフォントを使ってください");
        return nullptr;
    }
    impl->upem = upem;

    // --- second parser: FreeType ----------------------------------------------------------------
    FreeTypeFacts facts;
    problem = read_with_freetype(bytes, options.collection_index, facts);
    if (!problem.empty()) {
        fail(diags, "E505", path, "font file " + shown + " is damaged: " + problem,
             "フォントファイル " + shown + " が壊れています: " + problem,
             "reinstall the font or copy the file again", "フォントを入れ直すか、ファイルをコピーし直してください");
        return nullptr;
    }

    // --- HarfBuzz objects ----------------------------------------------------------------------
    impl->face = hb_face_create(impl->blob, options.collection_index);
    hb_face_make_immutable(impl->face);
    impl->glyph_count = hb_face_get_glyph_count(impl->face);
    if (impl->glyph_count == 0) {
        fail(diags, "E505", path, "font file " + shown + " is damaged: it has no glyphs",
             "フォントファイル " + shown + " が壊れています（グリフがありません）",
             "reinstall the font or copy the file again", "フォントを入れ直すか、ファイルをコピーし直してください");
        return nullptr;
    }
    impl->font = hb_font_create(impl->face);  // OpenType font functions by default
    hb_font_set_scale(impl->font, impl->upem, impl->upem);  // positions in font units
    hb_font_make_immutable(impl->font);

    // --- licence bits ---------------------------------------------------------------------------
    impl->embedding = EmbeddingFlags{facts.fs_type};
    if (options.require_embeddable) {
        if (impl->embedding.restricted() || impl->embedding.bitmap_only()) {
            const std::string what = impl->embedding.restricted()
                                         ? "restricted licence embedding"
                                         : "bitmap embedding only";
            fail(diags, "E508", path,
                 "the licence bits of font " + shown + " forbid embedding its outlines in a PDF (OS/2 fsType: " + what + ")",
                 "フォント " + shown + " のライセンス設定は PDF へのアウトライン埋め込みを禁じています（OS/2 fsType: " + what + "）",
                 "use a font whose licence permits embedding, such as the bundled BIZ UD fonts",
                 "同梱の BIZ UD フォントなど、埋め込みが許されたフォントを使ってください");
            return nullptr;
        }
        if (impl->embedding.no_subsetting()) {
            fail(diags, "E509", path,
                 "the licence bits of font " + shown + " forbid subsetting (OS/2 fsType bit 8), and gijiroku embeds subsets",
                 "フォント " + shown + " のライセンス設定はサブセット化を禁じています（OS/2 fsType ビット 8）。gijiroku はサブセットを埋め込みます",
                 "use a font whose licence permits subsetting, such as the bundled BIZ UD fonts",
                 "同梱の BIZ UD フォントなど、サブセット化が許されたフォントを使ってください");
            return nullptr;
        }
    }

    // --- coverage ------------------------------------------------------------------------------
    if (options.require_japanese) {
        hb_codepoint_t g = 0;
        const bool has_a = hb_font_get_nominal_glyph(impl->font, 0x3042, &g) && g != 0;
        const bool has_kan = hb_font_get_nominal_glyph(impl->font, 0x6F22, &g) && g != 0;
        if (!has_a && !has_kan) {
            fail(diags, "E510", path,
                 "font " + shown + " has no Japanese glyphs (neither あ U+3042 nor 漢 U+6F22)",
                 "フォント " + shown + " に日本語のグリフがありません（あ U+3042 も 漢 U+6F22 もありません）",
                 "choose a Japanese font for this role, e.g. BIZ UD明朝 (fonts/BIZUDMincho-Regular.ttf)",
                 "この役割には日本語フォント（例: BIZ UD明朝 fonts/BIZUDMincho-Regular.ttf）を指定してください");
            return nullptr;
        }
    }

    // --- metrics -------------------------------------------------------------------------------
    impl->ascender = metric(impl->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER);
    impl->descender = metric(impl->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER);
    impl->line_gap = metric(impl->font, HB_OT_METRICS_TAG_HORIZONTAL_LINE_GAP);
    impl->cap_height = metric(impl->font, HB_OT_METRICS_TAG_CAP_HEIGHT);
    impl->x_height = metric(impl->font, HB_OT_METRICS_TAG_X_HEIGHT);
    impl->bbox = facts.bbox;
    impl->italic_angle = facts.italic_angle;
    impl->fixed_pitch = facts.fixed_pitch;
    impl->weight_class = facts.weight_class;
    {
        // A common heuristic (TrueType has no stem width): 88 for weight 400, 166 for 700.
        const double w = facts.weight_class / 65.0;
        impl->stem_v = static_cast<std::int32_t>(std::lround((50.0 + w * w) * impl->upem / 1000.0));
    }
    impl->postscript_name = facts.postscript_name;
    if (impl->postscript_name.empty())
        impl->postscript_name = name_utf8(impl->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, "en");
    impl->family_name = read_family_name(impl->face, "en");
    impl->family_name_ja = read_family_name(impl->face, "ja");
    if (impl->family_name_ja.empty()) impl->family_name_ja = impl->family_name;
    impl->features = feature_tags(impl->face);

    return std::unique_ptr<Face>(new Face(std::move(impl)));
}

const std::string& Face::path() const { return impl_->path; }
unsigned Face::collection_index() const { return impl_->index; }
const std::string& Face::display_name() const { return impl_->display_name; }
std::int32_t Face::units_per_em() const { return impl_->upem; }
std::int32_t Face::ascender() const { return impl_->ascender; }
std::int32_t Face::descender() const { return impl_->descender; }
std::int32_t Face::line_gap() const { return impl_->line_gap; }
std::int32_t Face::cap_height() const { return impl_->cap_height; }
std::int32_t Face::x_height() const { return impl_->x_height; }
FontBBox Face::font_bbox() const { return impl_->bbox; }
double Face::italic_angle() const { return impl_->italic_angle; }
const std::string& Face::postscript_name() const { return impl_->postscript_name; }
const std::string& Face::family_name() const { return impl_->family_name; }
const std::string& Face::family_name_ja() const { return impl_->family_name_ja; }
bool Face::fixed_pitch() const { return impl_->fixed_pitch; }
std::int32_t Face::stem_v() const { return impl_->stem_v; }
std::uint16_t Face::weight_class() const { return impl_->weight_class; }
EmbeddingFlags Face::embedding() const { return impl_->embedding; }
std::uint32_t Face::glyph_count() const { return impl_->glyph_count; }
OutlineFormat Face::outline_format() const { return impl_->outline_format; }

std::int32_t Face::advance(std::uint32_t glyph) const {
    if (glyph >= impl_->glyph_count) return 0;
    return hb_font_get_glyph_h_advance(impl_->font, glyph);
}

std::optional<GlyphExtents> Face::ink_extents(std::uint32_t glyph) const {
    if (glyph >= impl_->glyph_count) return std::nullopt;
    hb_glyph_extents_t e{};
    if (!hb_font_get_glyph_extents(impl_->font, glyph, &e)) return std::nullopt;
    if (e.width == 0 && e.height == 0) return std::nullopt;
    // HarfBuzz gives the top-left bearing and a negative height for y-up fonts.
    GlyphExtents g;
    g.x_min = std::min(e.x_bearing, e.x_bearing + e.width);
    g.x_max = std::max(e.x_bearing, e.x_bearing + e.width);
    g.y_min = std::min(e.y_bearing, e.y_bearing + e.height);
    g.y_max = std::max(e.y_bearing, e.y_bearing + e.height);
    return g;
}

bool Face::has_layout_feature(std::string_view t) const {
    if (t.empty() || t.size() > 4) return false;
    std::string padded(t);
    padded.resize(4, ' ');  // OpenType tags are space-padded ("cv1" would be "cv1 ")
    return std::binary_search(impl_->features.begin(), impl_->features.end(), padded);
}

const std::vector<std::string>& Face::layout_features() const { return impl_->features; }

std::optional<std::uint32_t> Face::nominal_glyph(char32_t c) const {
    if (c > 0x10FFFF) return std::nullopt;
    if (c < 0x10000) {
        const std::uint16_t known = impl_->bmp_glyphs[c].load(std::memory_order_relaxed);
        if (known == 1) return std::nullopt;
        if (known != 0) return known - 2u;
    }
    hb_codepoint_t g = 0;
    const bool found = hb_font_get_nominal_glyph(impl_->font, c, &g) && g != 0;
    if (c < 0x10000 && (!found || g < 0xFFFE))
        impl_->bmp_glyphs[c].store(static_cast<std::uint16_t>(found ? g + 2 : 1), std::memory_order_relaxed);
    if (!found) return std::nullopt;
    return g;
}

std::optional<std::uint32_t> Face::variation_glyph(char32_t base, char32_t selector) const {
    if (base > 0x10FFFF || !is_variation_selector(selector)) return std::nullopt;
    // HarfBuzz's cmap lookup answers false for a sequence missing from format 14 (it is the
    // shaper, not this call, that falls back to the base glyph), and the nominal glyph for a
    // sequence in the default-UVS list, which the font does support.
    hb_codepoint_t g = 0;
    if (!hb_font_get_variation_glyph(impl_->font, base, selector, &g) || g == 0) return std::nullopt;
    return g;
}

}  // namespace gijiroku::font
