#include "sample.hpp"

#include <vector>

#include "core/utf8.hpp"
#include "font/shape.hpp"

namespace gijiroku::pdf::test {

using layout::Mark;
using layout::StructType;

font::FontSet test_fonts() {
    font::FontSetSpec spec;
    const std::string fonts_dir = std::string(GIJIROKU_SOURCE_DIR) + "/fonts/";
    spec.faces.push_back({"mincho", fonts_dir + "BIZUDMincho-Regular.ttf", "BIZ UD明朝", false, 0, true});
    spec.faces.push_back({"gothic-bold", fonts_dir + "BIZUDGothic-Bold.ttf", "BIZ UDゴシック Bold", false, 0, true});
    spec.faces.push_back({"ipamj", "/usr/share/fonts/truetype/ipamj/ipamjm.ttf", "IPAmj明朝", true, 0, false});
    spec.chains.push_back({"mincho", {"mincho", "ipamj"}});
    spec.chains.push_back({"gothic-bold", {"gothic-bold", "ipamj"}});
    Diagnostics diags;
    return font::FontSet::build(spec, diags);
}

layout::GlyphRun shape_run(const font::FontSet& fonts, std::size_t face_index, const std::string& text, double x,
                           double y, double size_pt, Mark mark) {
    const font::Face& face = *fonts.face(face_index);
    const std::u32string cps = utf8::decode(text);
    // Byte offset of every code point, plus the end.
    std::vector<std::uint32_t> byte_of;
    std::size_t pos = 0;
    while (pos < text.size()) {
        byte_of.push_back(static_cast<std::uint32_t>(pos));
        utf8::next(text, pos);
    }
    byte_of.push_back(static_cast<std::uint32_t>(text.size()));

    const auto shaped = font::shape(face, cps, 0, cps.size());
    layout::GlyphRun run;
    run.origin = {x, y};
    run.face = static_cast<std::uint32_t>(face_index);
    run.size_pt = size_pt;
    run.text = text;
    run.mark = mark;
    const double scale = size_pt / face.units_per_em();
    double pen = 0;
    for (std::size_t i = 0; i < shaped.size(); ++i) {
        const auto& s = shaped[i];
        layout::PlacedGlyph g;
        g.glyph = s.glyph;
        g.x = pen + s.x_offset * scale;
        g.y_offset = s.y_offset * scale;
        const bool starts_cluster = i == 0 || shaped[i - 1].cluster != s.cluster;
        if (starts_cluster) {
            std::size_t next = cps.size();
            for (std::size_t j = i + 1; j < shaped.size(); ++j)
                if (shaped[j].cluster != s.cluster) {
                    next = shaped[j].cluster;
                    break;
                }
            g.text_begin = byte_of[s.cluster];
            g.text_end = byte_of[next];
        }
        run.glyphs.push_back(g);
        pen += s.x_advance * scale;
    }
    return run;
}

double run_width(const font::FontSet& fonts, const layout::GlyphRun& run) {
    const font::Face& face = *fonts.face(run.face);
    double w = 0;
    for (const auto& g : run.glyphs) w = g.x + face.advance(g.glyph) * run.size_pt / face.units_per_em();
    return w;
}

namespace {

// Lays runs of one line one after another.
struct Line {
    Sample& s;
    layout::Page& page;
    double x;
    double y;
    layout::GlyphRun& add(std::size_t face, const std::string& text, double size, Mark mark) {
        page.runs.push_back(shape_run(s.fonts, face, text, x, y, size, mark));
        x += run_width(s.fonts, page.runs.back());
        return page.runs.back();
    }
};

int add(layout::StructTree& t, StructType type, int parent) { return t.add(type, parent); }

}  // namespace

Sample make_sample() {
    Sample s{test_fonts(), {}, {}};
    auto& tree = s.tree;
    const int doc = add(tree, StructType::Document, -1);
    const int h1 = add(tree, StructType::H1, doc);
    const int h2a = add(tree, StructType::H2, doc);
    const int table = add(tree, StructType::Table, doc);
    const int tr1 = add(tree, StructType::TR, table);
    const int th1 = add(tree, StructType::TH, tr1);
    const int td1 = add(tree, StructType::TD, tr1);
    const int tr2 = add(tree, StructType::TR, table);
    const int th2 = add(tree, StructType::TH, tr2);
    const int td2 = add(tree, StructType::TD, tr2);
    tree.elements[static_cast<std::size_t>(th1)].scope = layout::HeaderScope::row;
    tree.elements[static_cast<std::size_t>(th2)].scope = layout::HeaderScope::row;
    const int p_ivs = add(tree, StructType::P, doc);
    const int p_en = add(tree, StructType::P, doc);
    const int p_at = add(tree, StructType::P, doc);
    const int p_link = add(tree, StructType::P, doc);
    const int link = add(tree, StructType::Link, p_link);
    const int note = add(tree, StructType::Note, doc);
    tree.elements[static_cast<std::size_t>(note)].id = "note-1";
    const int list = add(tree, StructType::L, doc);
    const int li1 = add(tree, StructType::LI, list);
    const int lbl1 = add(tree, StructType::Lbl, li1);
    const int body1 = add(tree, StructType::LBody, li1);
    const int li2 = add(tree, StructType::LI, list);
    const int lbl2 = add(tree, StructType::Lbl, li2);
    const int body2 = add(tree, StructType::LBody, li2);
    const int h2b = add(tree, StructType::H2, doc);
    const int p_wave = add(tree, StructType::P, doc);

    s.pages.title = "地域交通検討会議 A & B <議事録>";
    s.pages.lang = "ja";
    s.pages.pages.resize(2);
    auto& p1 = s.pages.pages[0];
    auto& p2 = s.pages.pages[1];
    p1.label = "1";
    p2.label = "2";

    constexpr double body = 10.5;
    Line{s, p1, 72, 100}.add(kGothicBold, "第１回 地域交通検討会議 議事録", 16, Mark::structure(h1));
    p1.rules.push_back({{72, 108}, {523.276, 108}, 0.5, Mark::as_artifact(layout::ArtifactKind::layout)});
    Line{s, p1, 72, 135}.add(kGothicBold, "開催概要", 12, Mark::structure(h2a));
    Line{s, p1, 72, 160}.add(kMincho, "日時", body, Mark::structure(th1));
    Line{s, p1, 150, 160}.add(kMincho, "令和７年３月25日（火曜日）午後６時30分", body, Mark::structure(td1));
    Line{s, p1, 72, 180}.add(kMincho, "出席者", body, Mark::structure(th2));
    {
        Line l{s, p1, 150, 180};
        l.add(kMincho, "岩﨑委員、髙橋委員、瀨川委員、", body, Mark::structure(td2));
        l.add(kIpamj, "𠮷", body, Mark::structure(td2));  // U+20BB7: not in BIZ UD
        l.add(kMincho, "田委員", body, Mark::structure(td2));
    }
    Line{s, p1, 72, 205}.add(kMincho, "所在地：東京都葛\U000E0100飾区", body, Mark::structure(p_ivs));
    {
        Line l{s, p1, 72, 225};
        l.add(kMincho, "会議資料は", body, Mark::structure(p_en));
        l.add(kMincho, "Meeting materials", body, Mark::structure(p_en)).lang = "en";
        l.add(kMincho, "を参照。", body, Mark::structure(p_en));
    }
    {
        Line l{s, p1, 72, 245};
        l.add(kMincho, "期間は", body, Mark::structure(p_at));
        // typesetting.md §5.4: an opt-in reading for a digit～digit range.
        l.add(kMincho, "２～３年", body, Mark::structure(p_at)).actual_text = "２から３年";
        l.add(kMincho, "とする。", body, Mark::structure(p_at));
    }
    {
        Line l{s, p1, 72, 265};
        l.add(kMincho, "詳細は", body, Mark::structure(p_link));
        const double x0 = l.x;
        l.add(kMincho, "https://www.example.go.jp/", body, Mark::structure(link));
        p1.links.push_back({{x0, 265 - 9.5, l.x - x0, 12}, "https://www.example.go.jp/", link,
                            "地域交通検討会議のページ（www.example.go.jp）"});
        l.add(kMincho, "を参照。", body, Mark::structure(p_link));
    }
    Line{s, p1, 72, 290}.add(kMincho, "※注記：資料は後日公開。", 9, Mark::structure(note));
    Line{s, p1, 72, 315}.add(kMincho, "・", body, Mark::structure(lbl1));
    Line{s, p1, 82.5, 315}.add(kMincho, "第一の項目。", body, Mark::structure(body1));
    Line{s, p1, 72, 335}.add(kMincho, "・", body, Mark::structure(lbl2));
    Line{s, p1, 82.5, 335}.add(kMincho, "第二の項目は次のページに続く", body, Mark::structure(body2));
    Line{s, p1, 290, 800}.add(kMincho, "- 1 -", 9, Mark::as_artifact(layout::ArtifactKind::page_number));

    Line{s, p2, 82.5, 100}.add(kMincho, "長い説明である。", body, Mark::structure(body2));
    Line{s, p2, 72, 135}.add(kGothicBold, "議事", 12, Mark::structure(h2b));
    {
        // IPAmj draws 〜 U+301C and ～ U+FF5E with one glyph (436): the ToUnicode must still
        // give back each as typed.
        Line l{s, p2, 72, 160};
        l.add(kMincho, "記号", body, Mark::structure(p_wave));
        l.add(kIpamj, "〜", body, Mark::structure(p_wave));
        l.add(kMincho, "と", body, Mark::structure(p_wave));
        l.add(kIpamj, "～", body, Mark::structure(p_wave));
        l.add(kMincho, "と", body, Mark::structure(p_wave));
        l.add(kIpamj, "～", body, Mark::structure(p_wave));
        l.add(kMincho, "を区別する。", body, Mark::structure(p_wave));
    }
    Line{s, p2, 290, 800}.add(kMincho, "- 2 -", 9, Mark::as_artifact(layout::ArtifactKind::page_number));

    s.pages.outline.push_back({"第１回 地域交通検討会議 議事録", 1, 0, 84});
    s.pages.outline.push_back({"開催概要", 2, 0, 123});
    s.pages.outline.push_back({"議事", 2, 1, 123});
    return s;
}

std::string sample_expected_text() {
    return "第１回 地域交通検討会議 議事録\n"
           "開催概要\n"
           "日時\t令和７年３月25日（火曜日）午後６時30分\n"
           "出席者\t岩﨑委員、髙橋委員、瀨川委員、𠮷田委員\n"
           "所在地：東京都葛\U000E0100飾区\n"
           "会議資料はMeeting materialsを参照。\n"
           "期間は２から３年とする。\n"
           "詳細はhttps://www.example.go.jp/を参照。\n"
           "※注記：資料は後日公開。\n"
           "・第一の項目。\n"
           "・第二の項目は次のページに続く長い説明である。\n"
           "議事\n"
           "記号〜と～と～を区別する。\n";
}

Sample make_large(std::size_t pages) {
    Sample s{test_fonts(), {}, {}};
    auto& tree = s.tree;
    const int doc = tree.add(StructType::Document, -1);
    s.pages.title = "長い文書";
    // Shape each kind of line once and copy it: the measurement is of the writer, not HarfBuzz.
    const auto heading = shape_run(s.fonts, kGothicBold, "第１回 地域交通検討会議 議事録", 72, 100, 16, Mark{});
    const auto line = shape_run(s.fonts, kMincho, "議事の概要：事務局から、バス路線再編案について説明があった。", 72, 0, 10.5, Mark{});
    s.pages.pages.resize(pages);
    for (std::size_t p = 0; p < pages; ++p) {
        auto& page = s.pages.pages[p];
        page.label = std::to_string(p + 1);
        // A flat document: the Document element gets 9 kids per page, 90,000 for 10,000 pages,
        // far past libharu 2.3.0's 32,767-item arrays.
        const int h = tree.add(p == 0 ? StructType::H1 : StructType::H2, doc);
        page.runs.push_back(heading);
        page.runs.back().mark = Mark::structure(h);
        for (int k = 0; k < 8; ++k) {
            const int para = tree.add(StructType::P, doc);
            for (int j = 0; j < 3; ++j) {
                page.runs.push_back(line);
                page.runs.back().origin.y = 140 + (k * 3 + j) * 18.0;
                page.runs.back().mark = Mark::structure(para);
            }
        }
        page.runs.push_back(shape_run(s.fonts, kMincho, "- " + std::to_string(p + 1) + " -", 280, 800, 9,
                                      Mark::as_artifact(layout::ArtifactKind::page_number)));
        if (p % 10 == 0)
            s.pages.outline.push_back({"第" + std::to_string(p + 1) + "ページ", p == 0 ? 1 : 2, static_cast<int>(p), 84});
    }
    return s;
}

}  // namespace gijiroku::pdf::test
