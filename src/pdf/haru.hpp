// The one adapter over libharu 2.3.0's internal object API (DESIGN §3, libharu.md §3.2–3.3).
//
// libharu is the PDF skeleton only: document, pages, the object graph, deflate and the file
// layout. Everything else (fonts, text, tagging, XMP) is built by the rest of src/pdf/ as plain
// bytes and objects handed to this class. No libharu type appears in this header, and no other
// file of the project includes a libharu header.
//
// What the adapter guarantees, so its callers need not know libharu's pitfalls:
//  * libharu's error is sticky (libharu.md §3.3 item 1): once set, every later memory-stream write
//    is silently skipped. Each member function is a no-op after the first error, and `ok()` /
//    `error()` report it; the writer checks after every batch of calls and gives up on the first
//    failure (no output, an E720 diagnostic).
//  * 2.3.0's limits (item 2): arrays of more than 32,767 items and strings of more than 65,535
//    bytes are written anyway (the adapter appends past libharu's count check, see haru.cpp);
//    long /Nums and /Names are split into number and name trees with /Kids (ISO 32000-1
//    §7.9.6–7.9.7) by `number_tree` and `name_tree`; a dictionary never needs more than 4,095
//    keys in this writer, and reaching that limit is an error.
//  * Names come only from the writer's own vocabulary: `put_name`/`push_name` reject anything but
//    [A-Za-z0-9+._-] (libharu does not escape spaces in names, §1), so user text can never become
//    a PDF name by mistake.
//  * Numbers: integers are exact; reals pass through libharu's float-based formatter (5 decimals,
//    trimmed, ±32,767), used only for page geometry. Content-stream numbers are formatted by
//    number_format.hpp, never here.
//  * Every value handed in also feeds an MD5 digest (`digest()`), so the trailer /ID is derived
//    from the content and never from the clock (libharu.md §5).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gijiroku::pdf::haru {

// A handle to a libharu object owned by the Document (a dictionary, an array, a stream or a
// page). Direct objects may be put into exactly one container; indirect objects (made with
// `indirect = true`, and every stream and page) may be referenced any number of times.
class Obj {
public:
    Obj() = default;
    bool valid() const { return p_ != nullptr; }

private:
    friend class Document;
    explicit Obj(void* p) : p_(p) {}
    void* p_ = nullptr;
};

class Document {
public:
    // A new PDF 1.7 document. `compress` deflates page content and the streams made with
    // `new_stream(true)`. nullptr only when libharu cannot even allocate its document.
    static std::unique_ptr<Document> create(bool compress);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // No error so far (neither libharu's sticky error nor one of the adapter's own checks).
    bool ok() const;
    // "libharu error 0x1001 (detail 0) in 'array'" or the adapter's own message; empty when ok().
    std::string error() const;

    // --- objects -------------------------------------------------------------------------
    Obj new_dict(bool indirect);
    Obj new_array();
    // An indirect stream dictionary; `deflate` → /Filter /FlateDecode.
    Obj new_stream(bool deflate);
    void write(Obj stream, std::string_view bytes);

    // Appends a page of the given size (pt) to the page tree. Pages are grouped under
    // intermediate /Pages nodes of `pages_per_node` kids when that is not 0 (call
    // `set_pages_per_node` before the first page).
    void set_pages_per_node(unsigned pages_per_node);
    Obj add_page(double width_pt, double height_pt);
    // Appends bytes to the page's content stream (deflated when the document compresses).
    void write_content(Obj page, std::string_view bytes);
    // The page's resource name for `font` (an indirect dict), e.g. "F1", added to the page's
    // /Resources /Font on first use.
    std::string font_resource(Obj page, Obj font);

    Obj catalog();
    Obj info();

    // --- dictionary entries (the key is always one of the writer's literal names) --------------
    void put(Obj dict, const char* key, Obj value);
    void put_name(Obj dict, const char* key, std::string_view name);
    void put_int(Obj dict, const char* key, std::int64_t value);
    void put_real(Obj dict, const char* key, double value);
    void put_bool(Obj dict, const char* key, bool value);
    void put_null(Obj dict, const char* key);
    // A byte string written as <hex> (any bytes: UTF-16BE text strings, identifiers).
    void put_bytes(Obj dict, const char* key, std::string_view bytes);
    // A PDF text string (ISO 32000-1 §7.9.2.2) from UTF-8: printable ASCII is written as a
    // literal string, anything else as UTF-16BE with a byte order mark.
    void put_text(Obj dict, const char* key, std::string_view utf8);
    // Always UTF-16BE with BOM (Info /Title and /Producer: never libharu's own encoder).
    void put_utf16_text(Obj dict, const char* key, std::string_view utf8);

    // --- array items ----------------------------------------------------------------------
    void push(Obj array, Obj value);
    void push_name(Obj array, std::string_view name);
    void push_int(Obj array, std::int64_t value);
    void push_real(Obj array, double value);
    void push_null(Obj array);
    void push_text(Obj array, std::string_view utf8);
    void push_bytes(Obj array, std::string_view bytes);

    // A number tree (ISO 32000-1 §7.9.7) over `entries`, sorted by key, each value an object not
    // yet put anywhere. Split into leaves of at most `leaf_size` pairs under intermediate nodes
    // with /Kids and /Limits, built bottom-up in linear time. Returns the indirect root.
    Obj number_tree(std::vector<std::pair<std::int64_t, Obj>> entries, std::size_t leaf_size = 256);
    // A name tree (§7.9.6) over byte-string keys, sorted by the caller in byte order.
    Obj name_tree(std::vector<std::pair<std::string, Obj>> entries, std::size_t leaf_size = 256);

    // The MD5 of everything handed to the document so far.
    std::array<std::uint8_t, 16> digest();
    // Sets the trailer /ID [<id> <id>] (ISO 32000-1 §14.4).
    void set_file_id(const std::array<std::uint8_t, 16>& id);

    // Serialises the document. nullopt (and !ok()) on any libharu failure.
    std::optional<std::string> save();

    // libharu's fixed limits (2.3.0), exposed for tests.
    static constexpr std::size_t max_array_items = 32767;
    static constexpr std::size_t max_string_bytes = 65535;
    static constexpr std::size_t max_dict_keys = 4095;

private:
    struct Impl;
    explicit Document(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Whether `name` may become a PDF name here: 1–127 bytes of [A-Za-z0-9+._-].
bool is_safe_name(std::string_view name);

}  // namespace gijiroku::pdf::haru
