// libharu 2.3.0 internals live here and nowhere else (DESIGN §3). Debian builds libhpdf without
// HPDF_SHARED, so hpdf.h pulls in hpdf_doc.h and the object structs are visible; the functions
// used are exported from libhpdf-2.3.0.so (libharu.md §3.2).
#include "pdf/haru.hpp"

#include <hpdf.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_set>

#include "pdf/text_string.hpp"

namespace gijiroku::pdf::haru {

static_assert(Document::max_array_items == HPDF_LIMIT_MAX_ARRAY);
static_assert(Document::max_string_bytes == HPDF_LIMIT_MAX_STRING_LEN);
static_assert(Document::max_dict_keys == HPDF_LIMIT_MAX_DICT_ELEMENT);

bool is_safe_name(std::string_view name) {
    if (name.empty() || name.size() > HPDF_LIMIT_MAX_NAME_LEN) return false;
    for (char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '+' || c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

struct Document::Impl {
    HPDF_Doc pdf = nullptr;
    bool compress = true;
    std::string own_error;  // the adapter's own checks; libharu's error is in pdf->error
    HPDF_MD5_CTX md5{};

    // Direct arrays and dictionaries made by new_array()/new_dict(false) that were never handed
    // to libharu to put into a container. libharu frees only what hangs from the document, so
    // such a loose container (an error stopped the writer before it was attached) leaked; the
    // sanitizer build found it (issue 6). One is taken out of the set when it is handed over,
    // whatever happens then: libharu owns it from that call on (it frees a value it refuses, and
    // a value a later key replaces), so the set never holds memory libharu may have freed.
    std::unordered_set<void*> loose;

    ~Impl() {
        if (!pdf) return;
        // A loose container may hold attached children; freeing it frees them (HPDF_Obj_Free
        // leaves indirect objects to the document), and no loose container is inside another.
        for (void* obj : loose) HPDF_Obj_Free(pdf->mmgr, obj);
        HPDF_Free(pdf);
    }

    void handed_over(void* value) {
        if (!loose.empty()) loose.erase(value);
    }

    bool ok() const { return own_error.empty() && HPDF_GetError(pdf) == HPDF_OK; }

    void fail(std::string message) {
        if (own_error.empty()) own_error = std::move(message);
    }

    // ---- digest: every value handed in, in call order (deterministic by construction) ----
    // The bytes go through `pending` so that MD5 sees a few large updates instead of three
    // tiny ones per name, number and key (hundreds of thousands in a 100-page document): MD5
    // is a stream, so the digest is the same, and the per-call overhead went (bench/).
    std::string pending;

    void md5_update(const char* data, std::size_t size) {
        const auto* p = reinterpret_cast<const HPDF_BYTE*>(data);
        while (size > 0) {  // HPDF_MD5Update takes a 32-bit length.
            const std::size_t chunk = size > (1u << 30) ? (1u << 30) : size;
            HPDF_MD5Update(&md5, p, static_cast<HPDF_UINT32>(chunk));
            p += chunk;
            size -= chunk;
        }
    }
    void flush_hash() {
        md5_update(pending.data(), pending.size());
        pending.clear();
    }
    void hash(char tag, std::string_view bytes) {
        char head[9];
        head[0] = tag;
        const std::uint64_t n = bytes.size();
        for (int i = 0; i < 8; ++i) head[i + 1] = static_cast<char>(n >> (8 * i));
        pending.append(head, sizeof head);
        if (bytes.size() >= 4096) {  // a stream's data: straight to MD5, not copied
            flush_hash();
            md5_update(bytes.data(), bytes.size());
            return;
        }
        pending.append(bytes);
        if (pending.size() >= 16384) flush_hash();
    }
    void hash_key(char tag, const char* key) { hash(tag, key ? std::string_view(key) : std::string_view()); }

    // ---- object creation ----
    HPDF_Binary binary(std::string_view bytes) {
        if (bytes.size() <= HPDF_LIMIT_MAX_STRING_LEN) {
            // HPDF_Binary_New copies; with length 0 it still allocates (glibc malloc(0) is
            // non-null), which is what an empty string needs.
            return HPDF_Binary_New(pdf->mmgr,
                                   reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())),
                                   static_cast<HPDF_UINT>(bytes.size()));
        }
        if (bytes.size() > std::numeric_limits<HPDF_UINT>::max()) {
            fail("a string of more than 4 GiB");
            return nullptr;
        }
        // 2.3.0 refuses strings over 65,535 bytes in HPDF_Binary_SetValue, but HPDF_Binary_Write
        // has no limit (PDF itself has none, ISO 32000-1 Annex C.2): make a one-byte binary and
        // give it the whole value.
        HPDF_BYTE one = 0;
        HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, &one, 1);
        if (!b) return nullptr;
        auto* value = static_cast<HPDF_BYTE*>(HPDF_GetMem(pdf->mmgr, static_cast<HPDF_UINT>(bytes.size())));
        if (!value) return nullptr;  // HPDF_GetMem has set the sticky error
        std::memcpy(value, bytes.data(), bytes.size());
        HPDF_FreeMem(pdf->mmgr, b->value);
        b->value = value;
        b->len = static_cast<HPDF_UINT>(bytes.size());
        return b;
    }

    void* text(std::string_view utf8, bool force_utf16) {
        if (!force_utf16 && is_printable_ascii(utf8) && utf8.size() <= HPDF_LIMIT_MAX_STRING_LEN) {
            const std::string copy(utf8);  // NUL-terminated; printable ASCII has no NUL
            return HPDF_String_New(pdf->mmgr, copy.c_str(), nullptr);
        }
        return binary(utf16be(utf8, true));
    }

    void* name(std::string_view n) {
        if (!is_safe_name(n)) {
            fail("refused to write '" + std::string(n.substr(0, 40)) + "' as a PDF name");
            return nullptr;
        }
        const std::string copy(n);
        return HPDF_Name_New(pdf->mmgr, copy.c_str());
    }

    void* integer(std::int64_t v) {
        if (v > HPDF_LIMIT_MAX_INT || v < HPDF_LIMIT_MIN_INT) {
            fail("integer " + std::to_string(v) + " out of the PDF range");
            return nullptr;
        }
        return HPDF_Number_New(pdf->mmgr, static_cast<HPDF_INT32>(v));
    }

    void* real(double v) {
        if (!std::isfinite(v) || v > HPDF_LIMIT_MAX_REAL || v < HPDF_LIMIT_MIN_REAL) {
            fail("real number out of range for libharu (±32767)");
            return nullptr;
        }
        // Round first so that the float libharu stores prints as the intended 3 decimals.
        return HPDF_Real_New(pdf->mmgr, static_cast<HPDF_REAL>(std::round(v * 1000.0) / 1000.0));
    }

    // ---- containers ----
    void dict_add(void* dict, const char* key, void* value) {
        if (!value) {
            // The constructor failed and set the error (sticky) or fail() did.
            if (ok()) fail(std::string("could not create the value of /") + key);
            return;
        }
        if (!is_safe_name(key)) {
            fail(std::string("refused dictionary key '") + key + "'");
            return;
        }
        handed_over(value);
        HPDF_Dict_Add(static_cast<HPDF_Dict>(dict), key, value);
    }

    // libharu grows a list by a fixed block (20 items for arrays, 1,024 for the xref), copying
    // it each time: quadratic for the 90,000 kids of a 10,000-page document. Setting the block to
    // the current capacity makes the growth geometric (amortised linear). HPDF_List_Rec is an
    // installed struct, and Resize reads items_per_block afresh on every growth.
    static void grow_geometrically(HPDF_List list) {
        if (list && list->items_per_block < list->block_siz) list->items_per_block = list->block_siz;
    }

    // HPDF_Array_Add without the 32,767-item check of 2.3.0 (libharu.md §3.3 item 2): the same
    // steps (direct objects are marked as owned, indirect ones are wrapped in a proxy that
    // writes "n 0 R"), appended straight to the item list, which has no limit of its own.
    void array_add(void* array, void* value) {
        if (!value) {
            if (ok()) fail("could not create an array item");
            return;
        }
        auto a = static_cast<HPDF_Array>(array);
        handed_over(value);
        grow_geometrically(a->list);
        if (a->list->count < HPDF_LIMIT_MAX_ARRAY) {
            HPDF_Array_Add(a, value);
            return;
        }
        auto* header = static_cast<HPDF_Obj_Header*>(value);
        if (header->obj_id & HPDF_OTYPE_DIRECT) {
            fail("an object was put into two containers");
            return;
        }
        void* item = value;
        if (header->obj_id & HPDF_OTYPE_INDIRECT) {
            HPDF_Proxy proxy = HPDF_Proxy_New(a->mmgr, value);
            if (!proxy) return;
            proxy->header.obj_id |= HPDF_OTYPE_DIRECT;
            item = proxy;
        } else {
            header->obj_id |= HPDF_OTYPE_DIRECT;
        }
        if (HPDF_List_Add(a->list, item) != HPDF_OK) fail("out of memory growing an array");
    }
};

std::unique_ptr<Document> Document::create(bool compress) {
    auto impl = std::make_unique<Impl>();
    impl->pdf = HPDF_New(nullptr, nullptr);
    if (!impl->pdf) return nullptr;
    impl->compress = compress;
    impl->pdf->pdf_version = HPDF_VER_17;
    // Before the first HPDF_AddPage: the content filter is fixed when a page is created.
    HPDF_SetCompressionMode(impl->pdf, compress ? HPDF_COMP_TEXT : HPDF_COMP_NONE);
    HPDF_MD5Init(&impl->md5);
    return std::unique_ptr<Document>(new Document(std::move(impl)));
}

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Document::~Document() = default;

bool Document::ok() const { return impl_->ok(); }

std::string Document::error() const {
    if (!impl_->own_error.empty()) return impl_->own_error;
    const HPDF_STATUS e = HPDF_GetError(impl_->pdf);
    if (e == HPDF_OK) return {};
    char buf[96];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(e),
                  static_cast<unsigned>(HPDF_GetErrorDetail(impl_->pdf)));
    return buf;
}

Obj Document::new_dict(bool indirect) {
    if (!ok()) return {};
    impl_->hash('d', indirect ? "i" : "d");
    Impl::grow_geometrically(impl_->pdf->xref->entries);
    HPDF_Dict d = HPDF_Dict_New(impl_->pdf->mmgr);
    if (!d) return {};
    if (indirect && HPDF_Xref_Add(impl_->pdf->xref, d) != HPDF_OK) return {};
    if (!indirect) impl_->loose.insert(d);
    return Obj(d);
}

Obj Document::new_array() {
    if (!ok()) return {};
    impl_->hash('a', {});
    HPDF_Array a = HPDF_Array_New(impl_->pdf->mmgr);
    if (a) impl_->loose.insert(a);
    return Obj(a);
}

Obj Document::new_stream(bool deflate) {
    if (!ok()) return {};
    impl_->hash('s', deflate ? "z" : "n");
    Impl::grow_geometrically(impl_->pdf->xref->entries);
    HPDF_Dict d = HPDF_DictStream_New(impl_->pdf->mmgr, impl_->pdf->xref);
    if (!d) return {};
    d->filter = deflate ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
    return Obj(d);
}

void Document::write(Obj stream, std::string_view bytes) {
    if (!ok() || !stream.valid()) return;
    impl_->hash('w', bytes);
    auto d = static_cast<HPDF_Dict>(stream.p_);
    // HPDF_Stream_Write takes a 32-bit count.
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0 && ok()) {
        const std::size_t chunk = left > (1u << 24) ? (1u << 24) : left;
        HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(p), static_cast<HPDF_UINT>(chunk));
        p += chunk;
        left -= chunk;
    }
}

void Document::set_pages_per_node(unsigned pages_per_node) {
    if (!ok() || pages_per_node == 0) return;
    impl_->hash('N', std::to_string(pages_per_node));
    HPDF_SetPagesConfiguration(impl_->pdf, pages_per_node);
}

Obj Document::add_page(double width_pt, double height_pt) {
    if (!ok()) return {};
    impl_->hash('p', std::to_string(std::llround(width_pt * 1000)) + "x" +
                         std::to_string(std::llround(height_pt * 1000)));
    HPDF_Page page = HPDF_AddPage(impl_->pdf);
    if (!page) return {};
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(std::round(width_pt * 1000.0) / 1000.0));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(std::round(height_pt * 1000.0) / 1000.0));
    return Obj(page);
}

void Document::write_content(Obj page, std::string_view bytes) {
    if (!ok() || !page.valid()) return;
    impl_->hash('c', bytes);
    auto p = static_cast<HPDF_Page>(page.p_);
    HPDF_Stream s = static_cast<HPDF_PageAttr>(p->attr)->stream;
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0 && ok()) {
        const std::size_t chunk = left > (1u << 24) ? (1u << 24) : left;
        HPDF_Stream_Write(s, reinterpret_cast<const HPDF_BYTE*>(data), static_cast<HPDF_UINT>(chunk));
        data += chunk;
        left -= chunk;
    }
}

std::string Document::font_resource(Obj page, Obj font) {
    if (!ok() || !page.valid() || !font.valid()) return {};
    const char* name =
        HPDF_Page_GetLocalFontName(static_cast<HPDF_Page>(page.p_), static_cast<HPDF_Font>(font.p_));
    if (!name) {
        if (ok()) impl_->fail("no resource name for a font");
        return {};
    }
    impl_->hash('f', name);
    return name;
}

Obj Document::catalog() { return ok() ? Obj(impl_->pdf->catalog) : Obj(); }
Obj Document::info() { return ok() ? Obj(impl_->pdf->info) : Obj(); }

void Document::put(Obj dict, const char* key, Obj value) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->dict_add(dict.p_, key, value.p_);
}

void Document::put_name(Obj dict, const char* key, std::string_view name) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('n', name);
    impl_->dict_add(dict.p_, key, impl_->name(name));
}

void Document::put_int(Obj dict, const char* key, std::int64_t value) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('i', std::to_string(value));
    impl_->dict_add(dict.p_, key, impl_->integer(value));
}

void Document::put_real(Obj dict, const char* key, double value) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('r', std::to_string(std::llround(value * 1000)));
    impl_->dict_add(dict.p_, key, impl_->real(value));
}

void Document::put_bool(Obj dict, const char* key, bool value) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('b', value ? "1" : "0");
    impl_->dict_add(dict.p_, key, HPDF_Boolean_New(impl_->pdf->mmgr, value ? HPDF_TRUE : HPDF_FALSE));
}

void Document::put_null(Obj dict, const char* key) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('0', {});
    impl_->dict_add(dict.p_, key, HPDF_Null_New(impl_->pdf->mmgr));
}

void Document::put_bytes(Obj dict, const char* key, std::string_view bytes) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('x', bytes);
    impl_->dict_add(dict.p_, key, impl_->binary(bytes));
}

void Document::put_text(Obj dict, const char* key, std::string_view utf8) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('t', utf8);
    impl_->dict_add(dict.p_, key, impl_->text(utf8, false));
}

void Document::put_utf16_text(Obj dict, const char* key, std::string_view utf8) {
    if (!ok() || !dict.valid()) return;
    impl_->hash_key('K', key);
    impl_->hash('u', utf8);
    impl_->dict_add(dict.p_, key, impl_->text(utf8, true));
}

void Document::push(Obj array, Obj value) {
    if (!ok() || !array.valid()) return;
    impl_->hash('A', {});
    impl_->array_add(array.p_, value.p_);
}

void Document::push_name(Obj array, std::string_view name) {
    if (!ok() || !array.valid()) return;
    impl_->hash('n', name);
    impl_->array_add(array.p_, impl_->name(name));
}

void Document::push_int(Obj array, std::int64_t value) {
    if (!ok() || !array.valid()) return;
    impl_->hash('i', std::to_string(value));
    impl_->array_add(array.p_, impl_->integer(value));
}

void Document::push_real(Obj array, double value) {
    if (!ok() || !array.valid()) return;
    impl_->hash('r', std::to_string(std::llround(value * 1000)));
    impl_->array_add(array.p_, impl_->real(value));
}

void Document::push_null(Obj array) {
    if (!ok() || !array.valid()) return;
    impl_->hash('0', {});
    impl_->array_add(array.p_, HPDF_Null_New(impl_->pdf->mmgr));
}

void Document::push_text(Obj array, std::string_view utf8) {
    if (!ok() || !array.valid()) return;
    impl_->hash('t', utf8);
    impl_->array_add(array.p_, impl_->text(utf8, false));
}

void Document::push_bytes(Obj array, std::string_view bytes) {
    if (!ok() || !array.valid()) return;
    impl_->hash('x', bytes);
    impl_->array_add(array.p_, impl_->binary(bytes));
}

namespace {

// One node of a number or name tree under construction: the indirect dict and its key range.
template <typename Key>
struct TreeNode {
    Obj dict;
    Key first{};
    Key last{};
};

}  // namespace

// Number and name trees share their shape (ISO 32000-1 §7.9.6, §7.9.7): leaves hold the pairs
// and /Limits, intermediate nodes /Kids and /Limits, the root only /Kids (or only the pairs when
// one leaf suffices). Each level is built in one pass, so the whole tree takes linear time.
template <typename Key, typename PushKey>
static Obj build_tree(Document& doc, std::vector<std::pair<Key, Obj>>& entries, std::size_t leaf_size,
                      const char* pairs_key, PushKey push_key) {
    if (leaf_size < 2) leaf_size = 2;
    if (entries.size() <= leaf_size) {
        Obj root = doc.new_dict(true);
        Obj pairs = doc.new_array();
        for (auto& [k, v] : entries) {
            push_key(pairs, k);
            doc.push(pairs, v);
        }
        doc.put(root, pairs_key, pairs);
        return root;
    }
    auto limits = [&](Obj node, const Key& first, const Key& last) {
        Obj l = doc.new_array();
        push_key(l, first);
        push_key(l, last);
        doc.put(node, "Limits", l);
    };
    std::vector<TreeNode<Key>> level;
    for (std::size_t i = 0; i < entries.size(); i += leaf_size) {
        const std::size_t end = std::min(entries.size(), i + leaf_size);
        TreeNode<Key> node{doc.new_dict(true), entries[i].first, entries[end - 1].first};
        Obj pairs = doc.new_array();
        for (std::size_t j = i; j < end; ++j) {
            push_key(pairs, entries[j].first);
            doc.push(pairs, entries[j].second);
        }
        limits(node.dict, node.first, node.last);
        doc.put(node.dict, pairs_key, pairs);
        level.push_back(std::move(node));
    }
    while (level.size() > leaf_size) {
        std::vector<TreeNode<Key>> up;
        for (std::size_t i = 0; i < level.size(); i += leaf_size) {
            const std::size_t end = std::min(level.size(), i + leaf_size);
            TreeNode<Key> node{doc.new_dict(true), level[i].first, level[end - 1].last};
            Obj kids = doc.new_array();
            for (std::size_t j = i; j < end; ++j) doc.push(kids, level[j].dict);
            limits(node.dict, node.first, node.last);
            doc.put(node.dict, "Kids", kids);
            up.push_back(std::move(node));
        }
        level = std::move(up);
    }
    Obj root = doc.new_dict(true);
    Obj kids = doc.new_array();
    for (auto& node : level) doc.push(kids, node.dict);
    doc.put(root, "Kids", kids);
    return root;
}

Obj Document::number_tree(std::vector<std::pair<std::int64_t, Obj>> entries, std::size_t leaf_size) {
    if (!ok()) return {};
    return build_tree<std::int64_t>(*this, entries, leaf_size, "Nums",
                                    [this](Obj a, std::int64_t k) { push_int(a, k); });
}

Obj Document::name_tree(std::vector<std::pair<std::string, Obj>> entries, std::size_t leaf_size) {
    if (!ok()) return {};
    return build_tree<std::string>(*this, entries, leaf_size, "Names",
                                   [this](Obj a, const std::string& k) { push_bytes(a, k); });
}

std::array<std::uint8_t, 16> Document::digest() {
    impl_->flush_hash();
    HPDF_MD5_CTX copy = impl_->md5;  // finalising destroys the context; keep hashing possible
    HPDF_BYTE out[16];
    HPDF_MD5Final(out, &copy);
    std::array<std::uint8_t, 16> d{};
    for (int i = 0; i < 16; ++i) d[static_cast<std::size_t>(i)] = out[i];
    return d;
}

void Document::set_file_id(const std::array<std::uint8_t, 16>& id) {
    if (!ok()) return;
    const std::string bytes(reinterpret_cast<const char*>(id.data()), id.size());
    Obj a = new_array();
    push_bytes(a, bytes);
    push_bytes(a, bytes);
    if (!ok()) return;
    impl_->handed_over(a.p_);
    HPDF_Dict_Add(impl_->pdf->trailer, "ID", a.p_);
}

namespace {

// libharu's write callback for save(): appends to the std::string in stream->attr.
HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size) {
    try {
        static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(ptr), size);
    } catch (...) {
        // HPDF_Stream_Write passes the status up without recording it: make it sticky.
        return HPDF_SetError(stream->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    }
    return HPDF_OK;
}

}  // namespace

std::optional<std::string> Document::save() {
    if (!ok()) return std::nullopt;
    // libharu writes the file straight into `out` through a callback stream. Its default, a
    // memory stream, copied every byte into 4 KiB buffers with HPDF_MemCpy (a plain byte loop)
    // and then out again (bench/, issue 6). HPDF_SaveToStream keeps a stream it finds in
    // pdf->stream (it empties only memory streams) and writes through HPDF_Stream_Write, which
    // keeps the stream's size for the xref offsets whatever its type.
    HPDF_Doc pdf = impl_->pdf;
    std::string out;
    HPDF_Stream writer = HPDF_CallbackWriter_New(pdf->mmgr, append_to_string, &out);
    if (!writer) {
        if (ok()) impl_->fail("out of memory starting to save");
        return std::nullopt;
    }
    if (pdf->stream) HPDF_Stream_Free(pdf->stream);
    pdf->stream = writer;
    const bool saved = HPDF_SaveToStream(pdf) == HPDF_OK && ok();
    // `out` is about to go: the stream must not outlive it.
    HPDF_Stream_Free(pdf->stream);
    pdf->stream = nullptr;
    if (!saved || !ok()) return std::nullopt;
    return out;
}

}  // namespace gijiroku::pdf::haru
