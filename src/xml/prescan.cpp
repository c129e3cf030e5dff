#include "xml/prescan_impl.hpp"

#include <cstdio>
#include <string>

#include "core/utf8.hpp"
#include "xml/markup_impl.hpp"
#include "xml/text_util_impl.hpp"

namespace gijiroku::xml {
namespace {

const std::string save_as_utf8 =
    "save the file as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)";
const std::string save_as_utf8_ja =
    "UTF-8 で保存し直してください（メモ帳では「名前を付けて保存」の「文字コード」で UTF-8 を選びます）";

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
    return buf;
}

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

void not_utf8(Diagnostics& diags, std::string_view file, std::string_view what,
              std::string_view what_ja) {
    diags.error("E104", std::string(file), {},
                "the file is saved as " + std::string(what) + "; only UTF-8 is accepted",
                "ファイルが " + std::string(what_ja) + " で保存されています。UTF-8 のみ受け付けます",
                save_as_utf8, save_as_utf8_ja);
}

void not_xml(Diagnostics& diags, std::string_view file, std::string_view what,
             std::string_view what_ja, std::string hint, std::string hint_ja) {
    diags.error("E103", std::string(file), {},
                "this is " + std::string(what) + ", not an XML file",
                "これは" + std::string(what_ja) + "で、XML ファイルではありません", std::move(hint),
                std::move(hint_ja));
}

}  // namespace

std::optional<std::size_t> check_file_bytes(std::string_view bytes, std::string_view file,
                                            const ReadOptions& options, Diagnostics& diags) {
    const std::string f(file);
    if (bytes.size() > options.max_bytes) {
        diags.error("E102", f, {},
                    "the file is too large: " + with_commas(bytes.size()) +
                        " bytes, more than the limit of " + with_commas(options.max_bytes),
                    "ファイルが大きすぎます（" + with_commas(bytes.size()) + " バイト。上限は " +
                        with_commas(options.max_bytes) + " バイト）",
                    "split the minutes into several files, or check that this is the right file",
                    "議事録を複数のファイルに分けるか、正しいファイルか確かめてください");
        return std::nullopt;
    }
    if (bytes.empty()) {
        diags.error("E101", f, {}, "the file is empty", "ファイルが空です",
                    "the file should contain the minutes as XML",
                    "議事録を XML で記述したファイルを指定してください");
        return std::nullopt;
    }
    // Byte order marks (Unicode §23.8): UTF-32 first, as its little-endian BOM begins with the
    // UTF-16 one.
    if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
        not_utf8(diags, file, "UTF-32 (little-endian)", "UTF-32（リトルエンディアン）");
        return std::nullopt;
    }
    if (starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
        not_utf8(diags, file, "UTF-32 (big-endian)", "UTF-32（ビッグエンディアン）");
        return std::nullopt;
    }
    if (starts_with(bytes, "\xFF\xFE")) {
        not_utf8(diags, file, "UTF-16 (little-endian)", "UTF-16（リトルエンディアン）");
        return std::nullopt;
    }
    if (starts_with(bytes, "\xFE\xFF")) {
        not_utf8(diags, file, "UTF-16 (big-endian)", "UTF-16（ビッグエンディアン）");
        return std::nullopt;
    }
    // XML 1.0 Appendix F.1: '<' next to a zero byte is UTF-16 or UTF-32 without a BOM.
    if (starts_with(bytes, std::string_view("<\0", 2)) ||
        starts_with(bytes, std::string_view("\0<", 2))) {
        not_utf8(diags, file, "UTF-16 or UTF-32", "UTF-16 または UTF-32");
        return std::nullopt;
    }
    // A UTF-8 BOM is what Windows Notepad writes; it is harmless and dropped.
    const std::size_t bom = starts_with(bytes, "\xEF\xBB\xBF") ? 3 : 0;
    const std::string_view body = bytes.substr(bom);

    if (starts_with(body, "%PDF-")) {
        not_xml(diags, file, "a PDF file", " PDF ファイル",
                "give the XML file the minutes were written in, not a PDF made from it",
                "PDF ではなく、議事録を記述した XML ファイルを指定してください");
        return std::nullopt;
    }
    if (starts_with(body, "PK\x03\x04")) {
        not_xml(diags, file, "a ZIP archive (such as a Word .docx or Excel .xlsx file)",
                " ZIP 形式のファイル（Word の .docx や Excel の .xlsx など）",
                "save or export the minutes as XML", "議事録を XML 形式で保存してください");
        return std::nullopt;
    }
    if (starts_with(body, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        not_xml(diags, file, "an old Microsoft Office file (.doc or .xls)",
                "古い Microsoft Office のファイル（.doc や .xls）",
                "save or export the minutes as XML", "議事録を XML 形式で保存してください");
        return std::nullopt;
    }
    if (starts_with(body, "{\\rtf")) {
        not_xml(diags, file, "an RTF document", " RTF 文書", "save or export the minutes as XML",
                "議事録を XML 形式で保存してください");
        return std::nullopt;
    }

    // The first character that is not white space must open markup (XML 1.0 §2.8 prolog).
    std::uint32_t line = 1, column = 1;
    std::size_t i = 0;
    for (; i < body.size() && is_xml_space(body[i]); ++i) {
        if (body[i] == '\n' || (body[i] == '\r' && (i + 1 >= body.size() || body[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    if (i == body.size()) {
        diags.error("E101", f, {}, "the file contains only blank space", "ファイルには空白しかありません",
                    "the file should contain the minutes as XML",
                    "議事録を XML で記述したファイルを指定してください");
        return std::nullopt;
    }
    if (body[i] != '<') {
        diags.error("E103", f, {line, column},
                    "this is not an XML file: it does not begin with '<'",
                    "これは XML ファイルではありません（先頭が「<」ではありません）",
                    "an XML file begins with <?xml version=\"1.0\" encoding=\"UTF-8\"?> or with its "
                    "first element; plain text must first be converted",
                    "XML ファイルは <?xml version=\"1.0\" encoding=\"UTF-8\"?> か最初の要素で始まります。"
                    "テキストファイルはまず XML に変換してください");
        return std::nullopt;
    }
    return bom;
}

bool check_characters(const SourceText& text, std::size_t bom, std::string_view file,
                      Diagnostics& diags) {
    const std::string_view s = text.text();
    const std::string f(file);

    // XML 1.0 §4.3.3: the encoding declaration names the encoding. Only UTF-8 is read, so any
    // other name means the bytes are not what we would read them as.
    if (s.starts_with("<?xml") && s.size() > 5 && is_xml_space(s[5])) {
        const std::size_t decl_end = s.find("?>");
        const std::string_view decl = s.substr(0, decl_end);
        const std::size_t at = decl.find("encoding");
        if (at != std::string_view::npos && is_xml_space(decl[at - 1])) {
            std::size_t p = at + 8;
            while (p < decl.size() && is_xml_space(decl[p])) ++p;
            if (p < decl.size() && decl[p] == '=') {
                ++p;
                while (p < decl.size() && is_xml_space(decl[p])) ++p;
                if (p < decl.size() && (decl[p] == '"' || decl[p] == '\'')) {
                    const std::size_t close = decl.find(decl[p], p + 1);
                    if (close != std::string_view::npos) {
                        const std::string_view name = decl.substr(p + 1, close - p - 1);
                        if (!equals_ignoring_case(name, "UTF-8") &&
                            !equals_ignoring_case(name, "UTF8")) {
                            diags.error(
                                "E104", f, text.loc(p + 1),
                                "the file declares the encoding \"" + std::string(name) +
                                    "\"; only UTF-8 is accepted",
                                "文字コードが「" + std::string(name) +
                                    "」と宣言されています。UTF-8 のみ受け付けます",
                                save_as_utf8 + ", and change the declaration to encoding=\"UTF-8\"",
                                save_as_utf8_ja + "。宣言も encoding=\"UTF-8\" に直してください");
                            return false;
                        }
                    }
                }
            }
        }
    }

    constexpr int max_reported = 5;
    int bad_chars = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t at = pos;
        const auto c = utf8::next(s, pos);
        if (!c) {
            const std::string byte = hex_byte(static_cast<unsigned char>(s[at]));
            const std::string offset = std::to_string(at + bom);
            diags.error("E105", f, text.loc(at),
                        "the byte " + byte + " at byte offset " + offset + " is not valid UTF-8",
                        "バイト位置 " + offset + " のバイト " + byte + " は UTF-8 として正しくありません",
                        "the file may have been saved as Shift_JIS; " + save_as_utf8,
                        "Shift_JIS で保存されている可能性があります。" + save_as_utf8_ja);
            return false;
        }
        if (!is_xml_char(*c)) {
            if (++bad_chars <= max_reported) {
                const std::string name = utf8::code_point_name(*c);
                if (*c == 0)
                    diags.error("E106", f, text.loc(at),
                                "the file contains a NUL byte (U+0000), which XML does not allow",
                                "XML では使えない NUL バイト（U+0000）が含まれています",
                                "delete it; if there are many, the file is probably not text",
                                "削除してください。多数ある場合はテキストファイルではない可能性があります");
                else
                    diags.error("E106", f, text.loc(at),
                                "the character " + name + " is not allowed in XML",
                                "文字 " + name + " は XML では使えません",
                                "delete it: it is an invisible control character, often left by "
                                "copying and pasting",
                                "削除してください。コピー＆ペーストで紛れ込む、目に見えない制御文字です");
            }
        }
    }
    return bad_chars == 0;
}

bool check_markup_limits(const SourceText& text, std::string_view file,
                         const ReadOptions& options, Diagnostics& diags) {
    const std::string_view s = text.text();
    const std::string f(file);
    const std::string hint =
        "no minutes need that many; the file is probably damaged or was generated by mistake";
    const std::string hint_ja =
        "議事録でこれほど必要になることはありません。ファイルの破損か、誤って生成された可能性があります";
    std::size_t namespaces = 0;
    std::size_t pos = 0;
    while (true) {
        const std::size_t lt = s.find('<', pos);
        if (lt == std::string_view::npos) return true;
        const std::string_view rest = s.substr(lt);
        auto skip_to = [&](std::string_view close, std::size_t from) {
            const std::size_t end = s.find(close, from);
            return end == std::string_view::npos ? s.size() : end + close.size();
        };
        if (rest.starts_with("<!--")) {
            pos = skip_to("-->", lt + 4);
        } else if (rest.starts_with("<![CDATA[")) {
            pos = skip_to("]]>", lt + 9);
        } else if (rest.starts_with("<?")) {
            pos = skip_to("?>", lt + 2);
        } else if (rest.starts_with("<!")) {
            return true;  // a DOCTYPE: the parser refuses the file there (E107)
        } else if (rest.starts_with("</")) {
            pos = skip_to(">", lt + 2);
        } else {
            std::size_t end = 0;
            const auto attrs = scan_start_tag(s, lt, options.max_attributes + 1, &end);
            std::size_t name_end = lt + 1;
            while (name_end < s.size() && !is_xml_space(s[name_end]) && s[name_end] != '>' &&
                   s[name_end] != '/')
                ++name_end;
            const std::string name(s.substr(lt + 1, std::min<std::size_t>(name_end - lt - 1, 100)));
            if (attrs.size() > options.max_attributes) {
                diags.error("E117", f, text.loc(lt),
                            "the element <" + name + "> has more than " +
                                with_commas(options.max_attributes) + " attributes",
                            "要素 <" + name + "> の属性が " + with_commas(options.max_attributes) +
                                " 個を超えています",
                            hint, hint_ja);
                return false;
            }
            for (const RawAttribute& a : attrs) {
                if (a.qname == "xmlns" || a.qname.starts_with("xmlns:")) {
                    if (++namespaces > options.max_namespace_declarations) {
                        diags.error("E117", f, text.loc(a.name_offset),
                                    "the document declares more than " +
                                        with_commas(options.max_namespace_declarations) +
                                        " namespaces",
                                    "名前空間の宣言が " +
                                        with_commas(options.max_namespace_declarations) +
                                        " 個を超えています",
                                    hint, hint_ja);
                        return false;
                    }
                }
            }
            pos = std::max(end, lt + 1);
        }
    }
}

}  // namespace gijiroku::xml
