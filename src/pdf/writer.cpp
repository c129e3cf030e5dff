#include "pdf/writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "pdf/content.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/haru.hpp"
#include "pdf/outline.hpp"
#include "pdf/page_labels.hpp"
#include "pdf/structure.hpp"
#include "pdf/xmp.hpp"

namespace gijiroku::pdf {

namespace {

// ------------------------------------------------------------------ diagnostics

// Stops checking after this many input errors: one bug upstream usually repeats on every run.
constexpr std::size_t kMaxInputErrors = 20;

class Reporter {
public:
    Reporter(Diagnostics& diags, std::string file) : diags_(diags), file_(std::move(file)) {}

    void error(const char* code, std::string en, std::string ja, std::string hint = {}, std::string hint_ja = {}) {
        ++errors_;
        diags_.error(code, file_, {}, std::move(en), std::move(ja), std::move(hint), std::move(hint_ja));
    }
    void warning(const char* code, std::string en, std::string ja) {
        diags_.warning(code, file_, {}, std::move(en), std::move(ja));
    }
    std::size_t errors() const { return errors_; }
    bool full() const { return errors_ >= kMaxInputErrors; }

    // E720: libharu (or the adapter's own guard) failed. No output.
    void haru_failed(const haru::Document& doc, const char* stage) {
        error("E720", std::string("internal error: libharu failed while writing ") + stage + ": " + doc.error(),
              std::string("内部エラー：PDF の書き出し中（") + stage + "）に libharu が失敗しました：" + doc.error(),
              "Report this as a bug, with the input file.", "入力ファイルを添えて不具合として報告してください。");
    }

private:
    Diagnostics& diags_;
    std::string file_;
    std::size_t errors_ = 0;
};

std::string where(std::size_t page, std::size_t run) {
    return "page " + std::to_string(page + 1) + ", run " + std::to_string(run + 1);
}
std::string where_ja(std::size_t page, std::size_t run) {
    return std::to_string(page + 1) + " ページ目の " + std::to_string(run + 1) + " 番目のラン";
}

bool finite(double v) { return std::isfinite(v); }
bool finite(const Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// BCP 47 in its common shape (RFC 5646 §2.1, without the grandfathered forms): what a /Lang
// must be (ISO 14289-1 §7.2), and ASCII, so it is written as a plain literal string.
bool valid_lang(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    std::size_t part = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '-') {
            if (part == 0 || part > 8) return false;
            part = 0;
            continue;
        }
        const char c = s[i];
        const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        const bool digit = c >= '0' && c <= '9';
        if (!alpha && !(digit && i > 0)) return false;
        ++part;
    }
    return true;
}

bool is_continuation(const std::string& s, std::size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

// ------------------------------------------------------------------ input checks

// Everything that only a bug upstream can produce is checked before anything is written, so a
// failure never leaves half a document and the messages name the page and run.
void check_input(const layout::PageSet& ps, const layout::StructTree& tree, const font::FontSet& fonts,
                 Reporter& r) {
    const auto n_elements = static_cast<int>(tree.elements.size());
    // `what` and `what_ja` are functions returning the description ("page 3, run 12"): it is
    // built only when something is wrong. Built for every element and run, the descriptions
    // cost more than the checks (bench/README.md: a tenth of pdf::write on 100 pages).
    auto bad_text = [&](std::string_view text, auto&& what, auto&& what_ja) {
        if (utf8::valid(text)) return false;
        r.error("E725", "internal error: " + what() + " is not valid UTF-8",
                "内部エラー：" + what_ja() + "が正しい UTF-8 ではありません");
        return true;
    };
    auto bad_lang = [&](const std::string& lang, auto&& what, auto&& what_ja) {
        if (lang.empty() || valid_lang(lang)) return;
        r.error("E725", "internal error: " + what() + " has the language tag '" + lang + "', which is not BCP 47",
                "内部エラー：" + what_ja() + "の言語タグ「" + lang + "」が BCP 47 の形式ではありません");
    };
    auto bad_mark = [&](const layout::Mark& m, auto&& what, auto&& what_ja) {
        if (m.artifact || (m.element >= 0 && m.element < n_elements)) return;
        r.error("E727",
                "internal error: " + what() + " belongs to structure element " + std::to_string(m.element) +
                    ", which does not exist (" + std::to_string(n_elements) + " elements)",
                "内部エラー：" + what_ja() + "が存在しない構造要素 " + std::to_string(m.element) + " を指しています");
    };
    auto text_of = [](std::string s) { return [s = std::move(s)] { return s; }; };

    if (bad_text(ps.title, text_of("the document title"), text_of("文書タイトル"))) return;
    if (ps.lang.empty() || !valid_lang(ps.lang))
        r.error("E725", "internal error: the document language '" + ps.lang + "' is not a BCP 47 tag",
                "内部エラー：文書の言語「" + ps.lang + "」が BCP 47 の言語タグではありません");
    for (int e = 0; e < n_elements && !r.full(); ++e) {
        const auto& el = tree.elements[static_cast<std::size_t>(e)];
        auto what = [e](const char* tail) {
            return [e, tail] { return "structure element " + std::to_string(e) + tail; };
        };
        auto what_ja = [e](const char* tail) {
            return [e, tail] { return "構造要素 " + std::to_string(e) + " " + tail; };
        };
        if (bad_text(el.alt, what(" /Alt"), what_ja("の Alt")) ||
            bad_text(el.actual_text, what(" /ActualText"), what_ja("の ActualText")) ||
            bad_text(el.id, what(" /ID"), what_ja("の ID")))
            continue;
        bad_lang(el.lang, what(""), what_ja(""));
    }

    for (std::size_t p = 0; p < ps.pages.size() && !r.full(); ++p) {
        const auto& page = ps.pages[p];
        // libharu 2.3.0 and ISO 32000-1 Annex C.2 both allow 3–14,400 pt.
        if (!finite(page.width_pt) || !finite(page.height_pt) || page.width_pt < 3 || page.height_pt < 3 ||
            page.width_pt > 14400 || page.height_pt > 14400) {
            r.error("E726", "internal error: page " + std::to_string(p + 1) + " has an impossible size",
                    "内部エラー：" + std::to_string(p + 1) + " ページ目の大きさが不正です");
            continue;
        }
        for (std::size_t i = 0; i < page.runs.size() && !r.full(); ++i) {
            const auto& run = page.runs[i];
            // Called only on the error paths below (see bad_text).
            const auto w = [&] { return where(p, i); };
            const auto wj = [&] { return where_ja(p, i); };
            if (run.face >= fonts.face_count()) {
                r.error("E723", "internal error: " + w() + " uses font " + std::to_string(run.face) +
                                    ", which is not in the font set",
                        "内部エラー：" + wj() + "がフォントセットにないフォント " + std::to_string(run.face) + " を使っています");
                continue;
            }
            if (!finite(run.origin) || !finite(run.size_pt) || run.size_pt <= 0 || run.size_pt > 10000) {
                r.error("E726", "internal error: " + w() + " has an impossible position or font size",
                        "内部エラー：" + wj() + "の位置または文字サイズが不正です");
                continue;
            }
            if (bad_text(run.text, [&] { return w() + " text"; }, [&] { return wj() + "の文字列"; }) ||
                bad_text(run.actual_text, [&] { return w() + " /ActualText"; },
                         [&] { return wj() + "の ActualText"; }))
                continue;
            bad_lang(run.lang, w, wj);
            bad_mark(run.mark, w, wj);
            for (std::size_t k = 0; k < run.glyphs.size(); ++k) {
                const auto& g = run.glyphs[k];
                if (g.glyph == 0) {
                    // ISO 14289-1 §7.21.8: .notdef must never be shown. Layout reports a missing
                    // character (E520) and must not place glyph 0.
                    r.error("E722",
                            "internal error: " + w() + " shows glyph 0 (.notdef) for '" +
                                run.text.substr(0, 40) + "'",
                            "内部エラー：" + wj() + "が .notdef（グリフ 0）を表示しようとしています（「" +
                                run.text.substr(0, 40) + "」）",
                            "A character is missing from every font; fix the font chain.",
                            "どのフォントにもない文字があります。フォントの設定を見直してください。");
                    break;
                }
                if (!finite(g.x) || !finite(g.y_offset) || std::abs(g.x) > 1e6 || std::abs(g.y_offset) > 1e4) {
                    r.error("E726", "internal error: " + w() + " places a glyph at an impossible position",
                            "内部エラー：" + wj() + "のグリフ位置が不正です");
                    break;
                }
                if (g.text_begin > g.text_end || g.text_end > run.text.size() ||
                    is_continuation(run.text, g.text_begin) || is_continuation(run.text, g.text_end)) {
                    r.error("E725", "internal error: " + w() + " gives a glyph a text range outside its text",
                            "内部エラー：" + wj() + "のグリフの文字範囲が文字列の外にあります");
                    break;
                }
            }
        }
        for (std::size_t i = 0; i < page.rules.size() && !r.full(); ++i) {
            const auto& rule = page.rules[i];
            if (!finite(rule.from) || !finite(rule.to) || !finite(rule.width_pt) || rule.width_pt < 0)
                r.error("E726", "internal error: a rule on page " + std::to_string(p + 1) + " has an impossible geometry",
                        "内部エラー：" + std::to_string(p + 1) + " ページ目の罫線の座標が不正です");
            bad_mark(rule.mark, [p] { return "a rule on page " + std::to_string(p + 1); },
                     [p] { return std::to_string(p + 1) + " ページ目の罫線"; });
        }
        for (std::size_t i = 0; i < page.links.size() && !r.full(); ++i) {
            const auto& link = page.links[i];
            const std::string w = "link " + std::to_string(i + 1) + " on page " + std::to_string(p + 1);
            const std::string wj = std::to_string(p + 1) + " ページ目の " + std::to_string(i + 1) + " 番目のリンク";
            // ISO 14289-1 §7.18.5: a link annotation is the OBJR child of a Link element.
            if (link.element < 0 || link.element >= n_elements ||
                tree.elements[static_cast<std::size_t>(link.element)].type != layout::StructType::Link) {
                r.error("E728", "internal error: " + w + " does not belong to a Link structure element",
                        "内部エラー：" + wj + "が Link 構造要素に属していません");
                continue;
            }
            if (bad_text(link.uri, text_of(w + " URI"), text_of(wj + "の URI")) ||
                bad_text(link.contents, text_of(w + " /Contents"), text_of(wj + "の Contents")))
                continue;
            if (link.uri.empty())
                r.error("E728", "internal error: " + w + " has no target", "内部エラー：" + wj + "にリンク先がありません");
            const auto& rc = link.rect;
            if (!finite(rc.x) || !finite(rc.y) || !finite(rc.width) || !finite(rc.height) || rc.width < 0 ||
                rc.height < 0 || std::abs(rc.x) > 14400 || std::abs(rc.y) > 14400 || rc.width > 14400 ||
                rc.height > 14400)
                r.error("E726", "internal error: " + w + " has an impossible rectangle",
                        "内部エラー：" + wj + "の矩形が不正です");
        }
    }
    for (std::size_t b = 0; b < ps.outline.size() && !r.full(); ++b) {
        const auto& bm = ps.outline[b];
        if (bm.page < 0 || static_cast<std::size_t>(bm.page) >= ps.pages.size() || !finite(bm.y_pt)) {
            r.error("E729", "internal error: bookmark " + std::to_string(b + 1) + " ('" + bm.title.substr(0, 40) +
                                "') points to page " + std::to_string(bm.page + 1) + ", which does not exist",
                    "内部エラー：しおり " + std::to_string(b + 1) + " が存在しないページ " + std::to_string(bm.page + 1) +
                        " を指しています");
            continue;
        }
        bad_text(bm.title, [b] { return "bookmark " + std::to_string(b + 1); },
                 [b] { return "しおり " + std::to_string(b + 1) + " "; });
    }
    for (std::size_t p = 0; p < ps.pages.size() && !r.full(); ++p)
        bad_text(ps.pages[p].label, [p] { return "the label of page " + std::to_string(p + 1); },
                 [p] { return std::to_string(p + 1) + " ページ目のページラベル"; });
}

// ------------------------------------------------------------------ helpers

// ISO 32000-1 §12.6.4.7: /URI is 7-bit ASCII. Bytes outside printable ASCII (UTF-8 of an IRI,
// spaces) are percent-encoded (RFC 3987 §3.1); everything else is kept as given.
std::string uri_ascii(std::string_view uri) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
        if (c > 0x20 && c < 0x7F) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 0xF]);
        }
    }
    return out;
}

const char* scope_name(layout::HeaderScope s) {
    switch (s) {
        case layout::HeaderScope::row: return "Row";
        case layout::HeaderScope::column: return "Column";
        case layout::HeaderScope::both: return "Both";
        case layout::HeaderScope::none: break;
    }
    return nullptr;
}

struct EmbeddedFont {
    FontPlan plan;
    haru::Obj type0;
};

class Writer {
public:
    Writer(const layout::PageSet& ps, const layout::StructTree& tree, const font::FontSet& fonts,
           const PdfOptions& options, Reporter& r)
        : ps_(ps), tree_(tree), fonts_(fonts), options_(options), r_(r) {}

    std::optional<std::string> run() {
        std::string error;
        auto structure = StructureBuilder::create(tree_, ps_.lang, error);
        if (!structure) {
            r_.error("E721", "internal error: the structure tree is malformed: " + error,
                     "内部エラー：構造ツリーが不正です：" + error);
            return std::nullopt;
        }
        structure_ = &*structure;
        if (!plan_fonts()) return std::nullopt;

        doc_ = haru::Document::create(options_.compress);
        if (!doc_) {
            r_.error("E720", "internal error: libharu could not create a document",
                     "内部エラー：libharu が文書を作成できませんでした");
            return std::nullopt;
        }
        for (auto& [face, f] : fonts_used_) f.type0 = doc_->new_dict(true);
        // Intermediate /Pages nodes keep every /Kids array short (ISO 32000-1 §7.7.3.2).
        if (ps_.pages.size() > 512) doc_->set_pages_per_node(512);
        if (!check("the font dictionaries")) return std::nullopt;

        if (!write_pages()) return std::nullopt;
        write_structure();
        if (!check("the structure tree")) return std::nullopt;
        write_fonts();
        if (!check("the fonts")) return std::nullopt;
        write_outline();
        write_page_labels();
        write_document_info();
        if (!check("the document catalog")) return std::nullopt;

        // /ID: a digest of everything above (ISO 32000-1 §14.4), so equal input gives an equal
        // file and a different document a different identifier, with no clock involved.
        doc_->set_file_id(doc_->digest());
        auto bytes = doc_->save();
        if (!bytes) {
            r_.haru_failed(*doc_, "the file");
            return std::nullopt;
        }
        for (int e : structure_->unused_elements()) {
            const auto& el = tree_.elements[static_cast<std::size_t>(e)];
            r_.warning("W740",
                       std::string("structure element ") + std::to_string(e) + " (" + layout::struct_type_name(el.type) +
                           ") received no content and was left out of the PDF structure tree",
                       std::string("構造要素 ") + std::to_string(e) + "（" + layout::struct_type_name(el.type) +
                           "）に内容がないため、PDF の構造ツリーから除きました");
        }
        return bytes;
    }

private:
    bool check(const char* stage) {
        if (doc_->ok()) return true;
        r_.haru_failed(*doc_, stage);
        return false;
    }

    std::string_view glyph_text(const layout::GlyphRun& run, const layout::PlacedGlyph& g) {
        if (g.text_end <= g.text_begin) return {};
        return std::string_view(run.text).substr(g.text_begin, g.text_end - g.text_begin);
    }

    bool plan_fonts() {
        std::map<std::uint32_t, FontUsage> usage;  // ordered by face: deterministic object order
        for (const auto& page : ps_.pages)
            for (const auto& run : page.runs)
                for (const auto& g : run.glyphs) usage[run.face].add(g.glyph, glyph_text(run, g));
        for (auto& [face_index, use] : usage) {
            const font::Face* face = fonts_.face(face_index);
            const std::string name = fonts_.face_spec(face_index).display_name.empty()
                                         ? fonts_.face_spec(face_index).path
                                         : fonts_.face_spec(face_index).display_name;
            if (!face) {
                r_.error("E723", "the font " + name + " is needed for the PDF but could not be opened",
                         "PDF に必要なフォント " + name + " を開けませんでした",
                         "Check that the font file exists and is readable.",
                         "フォントファイルが存在し、読み取れることを確認してください。");
                continue;
            }
            std::string error;
            if (face->outline_format() != font::OutlineFormat::truetype) {
                error = "only TrueType (glyf) outlines can be embedded so far";
            } else if (face->embedding().restricted() || face->embedding().bitmap_only()) {
                error = "its licence (OS/2 fsType) does not allow embedding";
            } else if (face->embedding().no_subsetting()) {
                error = "its licence (OS/2 fsType) does not allow subsetting";
            } else if (auto plan = plan_font(*face, use, error)) {
                fonts_used_.emplace(face_index, EmbeddedFont{std::move(*plan), {}});
                continue;
            }
            r_.error("E724", "the font " + name + " cannot be embedded in the PDF: " + error,
                     "フォント " + name + " を PDF に埋め込めません：" + error,
                     "Use another font for this text (PDF/UA requires embedded fonts).",
                     "別のフォントを使ってください（PDF/UA ではフォントの埋め込みが必須です）。");
        }
        return r_.errors() == 0;
    }

    bool write_pages() {
        const std::int64_t annotation_key_base = static_cast<std::int64_t>(ps_.pages.size());
        ContentFonts cf;
        haru::Obj current_page;
        cf.plan = [this](std::uint32_t face) -> const FontPlan* {
            auto it = fonts_used_.find(face);
            return it == fonts_used_.end() ? nullptr : &it->second.plan;
        };
        cf.resource = [this, &current_page](std::uint32_t face) {
            return doc_->font_resource(current_page, fonts_used_.at(face).type0);
        };
        std::string content;
        for (std::size_t p = 0; p < ps_.pages.size(); ++p) {
            const auto& page = ps_.pages[p];
            current_page = doc_->add_page(page.width_pt, page.height_pt);
            pages_.push_back(current_page);
            content.clear();
            std::string error;
            if (!write_page_content(page, static_cast<int>(p), *structure_, cf, content, error)) {
                r_.error("E725", "internal error on page " + std::to_string(p + 1) + ": " + error,
                         std::to_string(p + 1) + " ページ目で内部エラー：" + error);
                return false;
            }
            doc_->write_content(current_page, content);
            const auto& mcids = structure_->page_mcids();
            const bool has_mcids = p < mcids.size() && !mcids[p].empty();
            // ISO 32000-1 §14.7.4.4: a page with marked content has /StructParents, the key of its
            // MCID array in the ParentTree (page index; annotations follow after the last page).
            if (has_mcids) doc_->put_int(current_page, "StructParents", static_cast<std::int64_t>(p));
            if (!page.links.empty()) {
                haru::Obj annots = doc_->new_array();
                for (const auto& link : page.links) {
                    const int number = static_cast<int>(annotations_.size());
                    haru::Obj a = doc_->new_dict(true);
                    doc_->put_name(a, "Type", "Annot");
                    doc_->put_name(a, "Subtype", "Link");
                    haru::Obj rect = doc_->new_array();
                    doc_->push_real(rect, link.rect.x);
                    doc_->push_real(rect, page.height_pt - link.rect.bottom());
                    doc_->push_real(rect, link.rect.right());
                    doc_->push_real(rect, page.height_pt - link.rect.y);
                    doc_->put(a, "Rect", rect);
                    haru::Obj border = doc_->new_array();
                    for (int k = 0; k < 3; ++k) doc_->push_int(border, 0);
                    doc_->put(a, "Border", border);
                    doc_->put_int(a, "F", 4);  // Print
                    // ISO 14289-1 §7.18.1: annotations other than widgets carry /Contents.
                    doc_->put_text(a, "Contents", link.contents.empty() ? link.uri : link.contents);
                    haru::Obj action = doc_->new_dict(false);
                    doc_->put_name(action, "S", "URI");
                    doc_->put_text(action, "URI", uri_ascii(link.uri));
                    doc_->put(a, "A", action);
                    doc_->put_int(a, "StructParent", annotation_key_base + number);
                    doc_->push(annots, a);
                    annotations_.push_back(a);
                    structure_->add_annotation(static_cast<int>(p), link.element, number);
                }
                doc_->put(current_page, "Annots", annots);
                // ISO 14289-1 §7.18.3: pages with annotations order tabs by structure.
                doc_->put_name(current_page, "Tabs", "S");
            }
            if (!check("a page")) return false;
        }
        return true;
    }

    void write_structure() {
        const auto& out = structure_->elements();
        root_ = doc_->new_dict(true);
        std::vector<haru::Obj> dicts;
        dicts.reserve(out.size());
        for (std::size_t i = 0; i < out.size(); ++i) dicts.push_back(doc_->new_dict(true));

        // /ID (ISO 32000-1 §14.7.2, Table 323) with the IDTree; a Note must have one (ISO 14289-1
        // §7.9). A Note without an ID from layout gets a generated, unique one.
        std::set<std::string> ids;
        for (const auto& e : out)
            if (e.source >= 0 && !tree_.elements[static_cast<std::size_t>(e.source)].id.empty())
                ids.insert(tree_.elements[static_cast<std::size_t>(e.source)].id);
        std::vector<std::pair<std::string, haru::Obj>> id_entries;
        std::set<std::string> written_ids;

        for (std::size_t i = 0; i < out.size(); ++i) {
            const OutElement& e = out[i];
            haru::Obj d = dicts[i];
            doc_->put_name(d, "Type", "StructElem");
            doc_->put_name(d, "S", layout::struct_type_name(e.type));
            doc_->put(d, "P", e.parent < 0 ? root_ : dicts[static_cast<std::size_t>(e.parent)]);
            if (e.page >= 0) doc_->put(d, "Pg", pages_[static_cast<std::size_t>(e.page)]);
            if (!e.lang.empty()) doc_->put_text(d, "Lang", e.lang);
            std::string actual = e.actual_text;
            if (e.source >= 0) {
                const auto& src = tree_.elements[static_cast<std::size_t>(e.source)];
                if (!src.alt.empty()) doc_->put_text(d, "Alt", src.alt);
                if (!src.actual_text.empty()) actual = src.actual_text;
                if (const char* scope = scope_name(src.scope); scope && e.type == layout::StructType::TH) {
                    haru::Obj a = doc_->new_dict(false);
                    doc_->put_name(a, "O", "Table");
                    doc_->put_name(a, "Scope", scope);
                    doc_->put(d, "A", a);
                }
                std::string id = src.id;
                if (id.empty() && e.type == layout::StructType::Note) {
                    id = "note-" + std::to_string(e.source);
                    while (ids.count(id)) id += "-x";
                    ids.insert(id);
                }
                if (!id.empty()) {
                    if (!written_ids.insert(id).second) {
                        r_.error("E730", "internal error: two structure elements have the ID '" + id + "'",
                                 "内部エラー：二つの構造要素が同じ ID「" + id + "」を持っています");
                    } else {
                        doc_->put_bytes(d, "ID", id);
                        id_entries.emplace_back(id, dicts[i]);
                    }
                }
            }
            if (!actual.empty()) doc_->put_text(d, "ActualText", actual);

            haru::Obj kids = doc_->new_array();
            for (const StructKid& k : e.kids) {
                switch (k.kind) {
                    case StructKid::Kind::element: doc_->push(kids, dicts[static_cast<std::size_t>(k.value)]); break;
                    case StructKid::Kind::mcid:
                        if (k.page == e.page) {
                            doc_->push_int(kids, k.value);
                        } else {
                            // Content on another page than /Pg: a marked-content reference
                            // (ISO 32000-1 §14.7.4.2, Table 324).
                            haru::Obj mcr = doc_->new_dict(false);
                            doc_->put_name(mcr, "Type", "MCR");
                            doc_->put(mcr, "Pg", pages_[static_cast<std::size_t>(k.page)]);
                            doc_->put_int(mcr, "MCID", k.value);
                            doc_->push(kids, mcr);
                        }
                        break;
                    case StructKid::Kind::annotation: {
                        // ISO 32000-1 §14.7.4.3, Table 325.
                        haru::Obj objr = doc_->new_dict(false);
                        doc_->put_name(objr, "Type", "OBJR");
                        doc_->put(objr, "Obj", annotations_[static_cast<std::size_t>(k.value)]);
                        doc_->put(objr, "Pg", pages_[static_cast<std::size_t>(k.page)]);
                        doc_->push(kids, objr);
                        break;
                    }
                }
            }
            doc_->put(d, "K", kids);
        }

        // ParentTree (ISO 32000-1 §14.7.4.4): page key → array of the elements owning its MCIDs;
        // annotation key → its Link element.
        std::vector<std::pair<std::int64_t, haru::Obj>> entries;
        const auto& page_mcids = structure_->page_mcids();
        for (std::size_t p = 0; p < page_mcids.size(); ++p) {
            if (page_mcids[p].empty()) continue;
            haru::Obj a = doc_->new_array();
            for (int owner : page_mcids[p]) doc_->push(a, dicts[static_cast<std::size_t>(owner)]);
            entries.emplace_back(static_cast<std::int64_t>(p), a);
        }
        const std::int64_t base = static_cast<std::int64_t>(ps_.pages.size());
        for (std::size_t a = 0; a < annotations_.size(); ++a) {
            const int owner = annotation_owner(static_cast<int>(a));
            entries.emplace_back(base + static_cast<std::int64_t>(a), dicts[static_cast<std::size_t>(owner)]);
        }
        doc_->put_name(root_, "Type", "StructTreeRoot");
        haru::Obj k = doc_->new_array();
        doc_->push(k, dicts[0]);
        doc_->put(root_, "K", k);
        doc_->put(root_, "ParentTree", doc_->number_tree(std::move(entries)));
        doc_->put_int(root_, "ParentTreeNextKey", base + static_cast<std::int64_t>(annotations_.size()));
        if (!id_entries.empty()) {
            std::sort(id_entries.begin(), id_entries.end(),
                      [](const auto& a, const auto& b) { return a.first < b.first; });
            doc_->put(root_, "IDTree", doc_->name_tree(std::move(id_entries)));
        }
    }

    // The output element holding annotation `a`'s OBJR.
    int annotation_owner(int a) {
        if (annotation_owner_.empty()) {
            annotation_owner_.assign(annotations_.size(), 0);
            const auto& out = structure_->elements();
            for (std::size_t i = 0; i < out.size(); ++i)
                for (const StructKid& k : out[i].kids)
                    if (k.kind == StructKid::Kind::annotation)
                        annotation_owner_[static_cast<std::size_t>(k.value)] = static_cast<int>(i);
        }
        return annotation_owner_[static_cast<std::size_t>(a)];
    }

    void write_fonts() {
        for (auto& [face, f] : fonts_used_) {
            const FontPlan& plan = f.plan;
            // ISO 32000-1 §9.9: the TrueType program, with /Length1 its decoded length.
            haru::Obj file = doc_->new_stream(options_.compress);
            doc_->write(file, plan.program);
            doc_->put_int(file, "Length1", static_cast<std::int64_t>(plan.program.size()));
            haru::Obj cid_set = doc_->new_stream(options_.compress);
            doc_->write(cid_set, plan.cid_set);

            haru::Obj fd = doc_->new_dict(true);
            doc_->put_name(fd, "Type", "FontDescriptor");
            doc_->put_name(fd, "FontName", plan.base_font);
            doc_->put_int(fd, "Flags", plan.flags);
            haru::Obj bbox = doc_->new_array();
            for (int v : plan.bbox) doc_->push_int(bbox, v);
            doc_->put(fd, "FontBBox", bbox);
            if (plan.italic_angle == std::floor(plan.italic_angle))
                doc_->put_int(fd, "ItalicAngle", static_cast<std::int64_t>(plan.italic_angle));
            else
                doc_->put_real(fd, "ItalicAngle", plan.italic_angle);
            doc_->put_int(fd, "Ascent", plan.ascent);
            doc_->put_int(fd, "Descent", plan.descent);
            doc_->put_int(fd, "CapHeight", plan.cap_height);
            doc_->put_int(fd, "StemV", plan.stem_v);
            doc_->put(fd, "FontFile2", file);
            doc_->put(fd, "CIDSet", cid_set);

            haru::Obj cidfont = doc_->new_dict(true);
            doc_->put_name(cidfont, "Type", "Font");
            doc_->put_name(cidfont, "Subtype", "CIDFontType2");
            doc_->put_name(cidfont, "BaseFont", plan.base_font);
            haru::Obj csi = doc_->new_dict(false);
            doc_->put_text(csi, "Registry", "Adobe");
            doc_->put_text(csi, "Ordering", "Identity");
            doc_->put_int(csi, "Supplement", 0);
            doc_->put(cidfont, "CIDSystemInfo", csi);
            doc_->put(cidfont, "FontDescriptor", fd);
            doc_->put_int(cidfont, "DW", plan.default_width);
            if (!plan.widths.empty()) {
                haru::Obj w = doc_->new_array();
                for (const auto& [first, widths] : width_groups(plan, haru::Document::max_array_items)) {
                    doc_->push_int(w, first);
                    haru::Obj group = doc_->new_array();
                    for (int v : widths) doc_->push_int(group, v);
                    doc_->push(w, group);
                }
                doc_->put(cidfont, "W", w);
            }
            if (plan.cid_to_gid.empty()) {
                doc_->put_name(cidfont, "CIDToGIDMap", "Identity");
            } else {
                // Extra CIDs for glyphs that show more than one text (font_embed.hpp).
                haru::Obj map = doc_->new_stream(options_.compress);
                std::string bytes;
                bytes.reserve(plan.cid_to_gid.size() * 2);
                for (std::uint16_t g : plan.cid_to_gid) {
                    bytes.push_back(static_cast<char>(g >> 8));
                    bytes.push_back(static_cast<char>(g & 0xFF));
                }
                doc_->write(map, bytes);
                doc_->put(cidfont, "CIDToGIDMap", map);
            }

            haru::Obj tu = doc_->new_stream(options_.compress);
            doc_->write(tu, to_unicode_cmap(plan));

            haru::Obj t0 = f.type0;
            doc_->put_name(t0, "Type", "Font");
            doc_->put_name(t0, "Subtype", "Type0");
            doc_->put_name(t0, "BaseFont", plan.base_font);
            doc_->put_name(t0, "Encoding", "Identity-H");
            haru::Obj desc = doc_->new_array();
            doc_->push(desc, cidfont);
            doc_->put(t0, "DescendantFonts", desc);
            doc_->put(t0, "ToUnicode", tu);
            if (!doc_->ok()) return;
        }
    }

    void write_outline() {
        if (ps_.outline.empty()) return;
        const auto nodes = outline_tree(ps_.outline);
        haru::Obj root = doc_->new_dict(true);
        std::vector<haru::Obj> items;
        items.reserve(nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i) items.push_back(doc_->new_dict(true));
        int first_top = -1, last_top = -1;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const OutlineNode& n = nodes[i];
            const auto& bm = ps_.outline[i];
            haru::Obj d = items[i];
            if (n.parent < 0) {
                if (first_top < 0) first_top = static_cast<int>(i);
                last_top = static_cast<int>(i);
            }
            // ISO 32000-1 §12.3.3, Table 153; the title always as UTF-16BE.
            doc_->put_utf16_text(d, "Title", bm.title);
            doc_->put(d, "Parent", n.parent < 0 ? root : items[static_cast<std::size_t>(n.parent)]);
            if (n.prev >= 0) doc_->put(d, "Prev", items[static_cast<std::size_t>(n.prev)]);
            if (n.next >= 0) doc_->put(d, "Next", items[static_cast<std::size_t>(n.next)]);
            if (n.first >= 0) {
                doc_->put(d, "First", items[static_cast<std::size_t>(n.first)]);
                doc_->put(d, "Last", items[static_cast<std::size_t>(n.last)]);
                doc_->put_int(d, "Count", n.descendants);
            }
            const auto& page = ps_.pages[static_cast<std::size_t>(bm.page)];
            haru::Obj dest = doc_->new_array();  // [page /XYZ left top zoom], §12.3.2.2
            doc_->push(dest, pages_[static_cast<std::size_t>(bm.page)]);
            doc_->push_name(dest, "XYZ");
            doc_->push_null(dest);
            doc_->push_real(dest, std::min(page.height_pt, std::max(0.0, page.height_pt - bm.y_pt)));
            doc_->push_null(dest);
            doc_->put(d, "Dest", dest);
        }
        doc_->put_name(root, "Type", "Outlines");
        doc_->put(root, "First", items[static_cast<std::size_t>(first_top)]);
        doc_->put(root, "Last", items[static_cast<std::size_t>(last_top)]);
        doc_->put_int(root, "Count", static_cast<std::int64_t>(nodes.size()));
        doc_->put(doc_->catalog(), "Outlines", root);
    }

    void write_page_labels() {
        std::vector<std::string> labels;
        labels.reserve(ps_.pages.size());
        for (const auto& p : ps_.pages) labels.push_back(p.label);
        const auto ranges = label_ranges(labels);
        if (ranges.empty()) return;
        std::vector<std::pair<std::int64_t, haru::Obj>> entries;
        for (const auto& r : ranges) {
            // ISO 32000-1 §12.4.2, Table 159.
            haru::Obj d = doc_->new_dict(false);
            if (r.decimal) {
                doc_->put_name(d, "S", "D");
                if (r.start != 1) doc_->put_int(d, "St", r.start);
            }
            if (!r.prefix.empty()) doc_->put_text(d, "P", r.prefix);
            entries.emplace_back(static_cast<std::int64_t>(r.first_page), d);
        }
        doc_->put(doc_->catalog(), "PageLabels", doc_->number_tree(std::move(entries)));
    }

    void write_document_info() {
        if (ps_.title.empty())
            r_.warning("W741", "the document has no title; PDF/UA requires one (dc:title, ISO 14289-1 §7.1)",
                       "文書にタイトルがありません。PDF/UA ではタイトル（dc:title）が必須です");
        haru::Obj catalog = doc_->catalog();
        doc_->put_text(catalog, "Lang", ps_.lang);
        haru::Obj mark = doc_->new_dict(false);
        doc_->put_bool(mark, "Marked", true);
        doc_->put(catalog, "MarkInfo", mark);
        haru::Obj vp = doc_->new_dict(false);
        doc_->put_bool(vp, "DisplayDocTitle", true);
        doc_->put(catalog, "ViewerPreferences", vp);
        doc_->put(catalog, "StructTreeRoot", root_);
        if (!ps_.outline.empty()) doc_->put_name(catalog, "PageMode", "UseOutlines");

        XmpFields x;
        x.title = ps_.title;
        x.language = ps_.lang;
        x.producer = options_.producer;
        x.date_epoch = options_.source_date_epoch;
        // Never compressed: PDF/A and XMP tools expect to find the packet by scanning the file.
        haru::Obj meta = doc_->new_stream(false);
        doc_->put_name(meta, "Type", "Metadata");
        doc_->put_name(meta, "Subtype", "XML");
        doc_->write(meta, xmp_packet(x));
        doc_->put(catalog, "Metadata", meta);

        haru::Obj info = doc_->info();
        doc_->put_utf16_text(info, "Title", ps_.title);
        doc_->put_utf16_text(info, "Producer", options_.producer);
        if (options_.source_date_epoch) {
            const std::string d = pdf_date(*options_.source_date_epoch);
            doc_->put_text(info, "CreationDate", d);
            doc_->put_text(info, "ModDate", d);
        }
    }

    const layout::PageSet& ps_;
    const layout::StructTree& tree_;
    const font::FontSet& fonts_;
    const PdfOptions& options_;
    Reporter& r_;
    StructureBuilder* structure_ = nullptr;
    std::map<std::uint32_t, EmbeddedFont> fonts_used_;
    std::unique_ptr<haru::Document> doc_;
    std::vector<haru::Obj> pages_;
    std::vector<haru::Obj> annotations_;
    std::vector<int> annotation_owner_;
    haru::Obj root_;
};

}  // namespace

std::optional<std::string> write(const layout::PageSet& pages, const layout::StructTree& tree,
                                 const font::FontSet& fonts, const PdfOptions& options, Diagnostics& diags) {
    Reporter r(diags, options.file);
    check_input(pages, tree, fonts, r);
    if (r.errors() != 0) return std::nullopt;
    Writer w(pages, tree, fonts, options, r);
    auto bytes = w.run();
    if (r.errors() != 0) return std::nullopt;
    return bytes;
}

}  // namespace gijiroku::pdf
