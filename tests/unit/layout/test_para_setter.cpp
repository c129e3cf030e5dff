// ParagraphSetter with the real fonts (BIZ UD明朝 10.5 pt, IPAmj明朝 fallback): the §7.2 widths,
// the six seed paragraphs line for line at 39 and 34 em, glyph runs and their text, the marker
// box, 均等割り, links, fallback fonts and missing characters.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "font/font_set.hpp"
#include "test_para_fonts.hpp"

using gijiroku::Diagnostics;
using gijiroku::layout::GlyphRun;
using gijiroku::layout::InlinePiece;
using gijiroku::layout::ParagraphSpec;
using gijiroku::layout::PlacedGlyph;
using gijiroku::layout::SetLine;
using gijiroku::style::Align;
using para_fonts::zw;

namespace {

using Lines = std::vector<std::string>;

struct AbsGlyph {
    std::uint32_t glyph;
    std::uint32_t face;
    double x;
    double y_offset;
    std::string text;  // the cluster text this glyph owns (empty for later glyphs of a cluster)
};

std::vector<AbsGlyph> glyphs_of(const SetLine& line) {
    std::vector<AbsGlyph> out;
    for (const GlyphRun& r : line.runs)
        for (const PlacedGlyph& g : r.glyphs)
            out.push_back({g.glyph, r.face, r.origin.x + g.x, g.y_offset,
                           r.text.substr(g.text_begin, g.text_end - g.text_begin)});
    return out;
}

// The width of a one-line paragraph set start-aligned on a wide measure, in em.
double width_em(const std::string& text) {
    const auto lines = para_fonts::set(para_fonts::spec(text, 100, Align::start));
    REQUIRE(lines.size() == 1);
    return lines[0].width_pt / zw;
}

ParagraphSpec bullet(const std::string& marker, const std::string& text, double measure_em = 40) {
    ParagraphSpec s;
    s.pieces.push_back(para_fonts::piece(marker, true));
    s.pieces.push_back(para_fonts::piece(text));
    s.measure_pt = measure_em * zw;
    s.marker_width_pt = 1 * zw;
    return s;
}

void check_justified(const std::vector<SetLine>& lines, double measure_pt) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i << ": " << lines[i].text);
        CHECK(lines[i].width_pt <= measure_pt + 0.01);
        if (i + 1 < lines.size()) CHECK(std::abs(lines[i].width_pt - measure_pt) <= 0.01);
    }
}

}  // namespace

TEST_CASE("§7.2 natural widths with BIZ UD明朝 at 10.5 pt", "[para][fonts]") {
    CHECK(width_em("委員（会長）、冨田") == Approx(8.5));
    CHECK(width_em("日（火曜日）午後") == Approx(8.0));
    CHECK(width_em("午後６時30分") == Approx(6.5));
    CHECK(width_em("）」、。「（") == Approx(3.5));
    CHECK(width_em("転入・転居") == Approx(5.0));
    CHECK(width_em("２～３年") == Approx(4.0));
    CHECK(width_em("３月2５日") == Approx(5.0));
    // 9.5 em and, as a line, the ½ em line-end aki after the last 」.
    CHECK(width_em("「「異字同訓」の漢字」") == Approx(9.5 + 0.5));
    // §4.5: the seed date line is 20.5 em.
    CHECK(width_em("令和７年３月2５日（火曜日）午後６時30分") == Approx(20.5));
}

TEST_CASE("§3.8 halt synthesised from BIZ UD ink boxes (the font has no halt)", "[para][fonts]") {
    const auto* face = para_fonts::fonts().face(para_fonts::face_index("bizud-mincho"));
    REQUIRE(face);
    REQUIRE_FALSE(face->has_layout_feature("halt"));
    const auto lines = para_fonts::set(para_fonts::spec("あ「い」、う・え", 100, Align::start));
    REQUIRE(lines.size() == 1);
    const auto g = glyphs_of(lines[0]);
    REQUIRE(g.size() == 8);
    // あ 0; ½ aki; 「 body at 1.5 em, drawn ½ em to the left (its ink is in the right half).
    CHECK(g[0].x == Approx(0.0));
    CHECK(g[1].x == Approx((1.5 - 0.5) * zw));
    CHECK(g[2].x == Approx(2.0 * zw));                 // い
    CHECK(g[3].x == Approx(3.0 * zw));                 // 」 at its pen position
    CHECK(g[4].x == Approx(3.5 * zw));                 // 、 solid after 」
    CHECK(g[5].x == Approx(4.5 * zw));                 // ½ aki after 、
    CHECK(g[6].x == Approx((5.75 - 0.25) * zw));       // ・ body at 5.75 em, drawn ¼ em left
    CHECK(g[7].x == Approx(6.5 * zw));                 // ¼ after the dot
}

TEST_CASE("§7.2 seed paragraphs at 39 em (bullets: 1 em marker box in 40 em)", "[para][fonts][seed]") {
    SECTION("・item 1") {
        const auto lines = para_fonts::set(bullet("・",
            "医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディネーターの仕事内容を"
            "よりわかりやすく伝えること、資格を取った方々が活躍できる場を増やしていくことが必要。"));
        CHECK(para_fonts::texts(lines) ==
              Lines{"・医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディ",
                    "ネーターの仕事内容をよりわかりやすく伝えること、資格を取った方々が活躍できる場",
                    "を増やしていくことが必要。"});
        REQUIRE(lines.size() == 3);
        // Both full lines are exactly 39 em of text after the 1 em box, at natural width.
        for (int i = 0; i < 2; ++i) {
            CHECK(lines[i].width_pt == Approx(40 * zw).margin(0.01));
            CHECK(lines[i].natural_width_pt == Approx(40 * zw).margin(0.01));
        }
        CHECK(lines[2].last);
        CHECK_FALSE(lines[0].last);
    }
    SECTION("・item (２～３年)") {
        const auto lines = para_fonts::set(bullet("・",
            "自治体では２～３年で異動する方が多いため、顔の見える関係性を築くためにも、実施時期は年度前半が望ましい。"));
        CHECK(para_fonts::texts(lines) ==
              Lines{"・自治体では２～３年で異動する方が多いため、顔の見える関係性を築くためにも、実施",
                    "時期は年度前半が望ましい。"});
        REQUIRE(lines.size() == 2);
        CHECK(lines[0].natural_width_pt == Approx(40 * zw).margin(0.01));
    }
    SECTION("→ reply") {
        const auto lines = para_fonts::set(bullet("→",
            "国の「こども誰でも通園制度」をもとにつくった事業で、都では保育の所管課が担当している。"
            "各自治体のどこが担当するについては、各自治体の事業割による。"));
        CHECK(para_fonts::texts(lines) ==
              Lines{"→国の「こども誰でも通園制度」をもとにつくった事業で、都では保育の所管課が担当し",
                    "ている。各自治体のどこが担当するについては、各自治体の事業割による。"});
        REQUIRE(lines.size() == 2);
        CHECK(lines[0].natural_width_pt == Approx(40 * zw).margin(0.01));
    }
    SECTION("・item (区部)") {
        const auto lines = para_fonts::set(bullet("・",
            "区部では今年度２１の区協議会に参加したほか、医療的ケア児等コーディネーター養成研修、"
            "フォローアップ研修など、都の研修事業を通じて支援者の方々と顔の見える関係性が築けていると実感している。"));
        CHECK(para_fonts::texts(lines) ==
              Lines{"・区部では今年度２１の区協議会に参加したほか、医療的ケア児等コーディネーター養成",
                    "研修、フォローアップ研修など、都の研修事業を通じて支援者の方々と顔の見える関係",
                    "性が築けていると実感している。"});
        REQUIRE(lines.size() == 3);
        for (int i = 0; i < 2; ++i) CHECK(lines[i].natural_width_pt == Approx(40 * zw).margin(0.01));
    }
}

TEST_CASE("§7.2 seed values at 34 em", "[para][fonts][seed]") {
    SECTION("出席者 value") {
        const auto lines = para_fonts::set(para_fonts::spec(
            "前田委員（会長）、冨田委員（副会長）、川上委員、吉澤委員、井上（愛）委員、岩﨑委員、田沼委員、"
            "等々力委員、中嶽委員、早野委員、島添委員、井上（弘）委員、上坂委員、髙山委員", 34));
        CHECK(para_fonts::texts(lines) ==
              Lines{"前田委員（会長）、冨田委員（副会長）、川上委員、吉澤委員、井上（愛）委",
                    "員、岩﨑委員、田沼委員、等々力委員、中嶽委員、早野委員、島添委員、井",
                    "上（弘）委員、上坂委員、髙山委員"});
        REQUIRE(lines.size() == 3);
        for (int i = 0; i < 2; ++i) {
            CHECK(lines[i].natural_width_pt == Approx(34 * zw).margin(0.01));
            CHECK(lines[i].width_pt == Approx(34 * zw).margin(0.01));
        }
        // 﨑 U+FA11 and 髙 come from BIZ UD明朝 (no fallback needed).
        for (const auto& l : lines)
            for (const auto& r : l.runs) CHECK(r.face == para_fonts::face_index("bizud-mincho"));
    }
    SECTION("日時 value, with the value column starting at 6 em of 40") {
        ParagraphSpec s = para_fonts::spec("令和７年３月2５日（火曜日）午後６時30分から午後８時15分まで", 40);
        s.marker_width_pt = 6 * zw;
        const auto lines = para_fonts::set(s);
        CHECK(para_fonts::texts(lines) == Lines{"令和７年３月2５日（火曜日）午後６時30分から午後８時15分まで"});
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].width_pt - 6 * zw == Approx(31.0 * zw));
        CHECK(glyphs_of(lines[0]).front().x == Approx(6 * zw));
    }
}

TEST_CASE("justification: every line but the last is the measure within 0.01 pt", "[para][fonts]") {
    const std::string text =
        "医療的ケア児を受け入れる放課後等デイサービスが増えている中、訪問の理学療法士に関して物足りなさを感じるという"
        "保護者の声がある。放課後等デイサービスが訪問看護ステーションの理学療法士を活用することで、医療的ケア児に"
        "対応する経験を積み、育成につなげることができるのでは。令和７年３月25日（火曜日）午後６時30分、「異字同訓」の"
        "漢字・用語（Japanese–Western）について ICU 72.1 と HarfBuzz 6.0.0 を使う。";
    for (double m = 12; m <= 45; m += 0.5) {
        INFO("measure " << m << " em");
        const auto lines = para_fonts::set(para_fonts::spec(text, m));
        check_justified(lines, m * zw);
        std::string joined;
        for (const auto& l : lines) joined += l.text;
        CHECK(joined == text);
    }
}

TEST_CASE("alignment: start, center, end never expand", "[para][fonts]") {
    const auto c = para_fonts::set(para_fonts::spec("議事要旨", 40, Align::center));
    REQUIRE(c.size() == 1);
    CHECK(glyphs_of(c[0]).front().x == Approx(18 * zw));
    CHECK(c[0].width_pt == Approx(22 * zw));
    const auto e = para_fonts::set(para_fonts::spec("議事要旨", 40, Align::end));
    CHECK(glyphs_of(e[0]).front().x == Approx(36 * zw));
    // Letter spacing (議 事 要 旨, 1 zw): between the characters only.
    ParagraphSpec t = para_fonts::spec("議事要旨", 40, Align::center);
    t.pieces[0].letter_spacing = 1;
    const auto tl = para_fonts::set(t);
    const auto g = glyphs_of(tl[0]);
    REQUIRE(g.size() == 4);
    CHECK(g[0].x == Approx(16.5 * zw));
    CHECK(g[1].x == Approx(18.5 * zw));
    CHECK(g[3].x == Approx(22.5 * zw));
    CHECK(tl[0].text == "議事要旨");
}

TEST_CASE("marker box and hanging indent (§2.7)", "[para][fonts]") {
    SECTION("text starts at the box on every line; the marker is natural width, no aki") {
        ParagraphSpec s = bullet("・", "あいうえおかきくけこさしすせそたちつてとなにぬねの", 11);
        const auto lines = para_fonts::set(s);
        REQUIRE(lines.size() == 3);
        const auto g0 = glyphs_of(lines[0]);
        CHECK(g0[0].text == "・");
        CHECK(g0[0].x == Approx(0.0));  // full-width glyph, not halved, no ¼ aki
        CHECK(g0[1].x == Approx(1 * zw));
        CHECK(glyphs_of(lines[1])[0].x == Approx(1 * zw));
        CHECK(glyphs_of(lines[2])[0].x == Approx(1 * zw));
        CHECK(lines[0].text == "・あいうえおかきくけこ");
        CHECK(lines[1].text == "さしすせそたちつてと");
    }
    SECTION("a marker wider than the box pushes the first line's text; later lines keep the box") {
        ParagraphSpec s = bullet("（１０）", "あいうえおかきくけこさしすせそたち", 10);
        s.marker_width_pt = 2 * zw;
        const auto lines = para_fonts::set(s);
        REQUIRE(lines.size() >= 2);
        const auto g0 = glyphs_of(lines[0]);
        // （１０） in full-width glyphs: 4 em.
        CHECK(g0[4].x == Approx(4 * zw));
        CHECK(lines[0].text == "（１０）あいうえおか");
        CHECK(glyphs_of(lines[1])[0].x == Approx(2 * zw));
    }
    SECTION("first_line_indent shifts only the first line") {
        ParagraphSpec s = para_fonts::spec("あいうえおかきくけこさしすせそ", 10);
        s.first_line_indent_pt = 1 * zw;
        const auto lines = para_fonts::set(s);
        REQUIRE(lines.size() == 2);
        CHECK(glyphs_of(lines[0])[0].x == Approx(1 * zw));
        CHECK(lines[0].text == "あいうえおかきくけ");
        CHECK(glyphs_of(lines[1])[0].x == Approx(0.0));
    }
    SECTION("an opener at the head of a wrapped line and of the paragraph: no aki (天付き)") {
        const auto lines = para_fonts::set(para_fonts::spec("「あいうえおかきく」「けこ」", 10));
        REQUIRE(lines.size() == 2);
        CHECK(glyphs_of(lines[0])[0].x == Approx(-0.5 * zw));  // the body starts at 0
        CHECK(lines[1].text == "「けこ」");
        CHECK(glyphs_of(lines[1])[0].x == Approx(-0.5 * zw));
    }
}

TEST_CASE("§4.6 均等割り of labels", "[para][fonts][jidori]") {
    ParagraphSpec s = para_fonts::spec("日時", 40, Align::start);
    s.jidori_pt = 3 * zw;
    const auto lines = para_fonts::set(s);
    REQUIRE(lines.size() == 1);
    const auto g = glyphs_of(lines[0]);
    REQUIRE(g.size() == 2);
    CHECK(g[0].x == Approx(0.0));
    CHECK(g[1].x == Approx(2 * zw));
    CHECK(lines[0].width_pt == Approx(3 * zw));
    CHECK(lines[0].text == "日時");  // no space characters anywhere
    CHECK(lines[0].runs.size() == 1);
    CHECK(lines[0].runs[0].text == "日時");
    s.pieces[0].text = "出席者";
    const auto solid = para_fonts::set(s);
    CHECK(glyphs_of(solid[0])[2].x == Approx(2 * zw));
}

TEST_CASE("glyph runs: split where face, size, element, language or link changes", "[para][fonts][runs]") {
    ParagraphSpec s;
    s.measure_pt = 40 * zw;
    s.pieces = {para_fonts::piece("あい"), para_fonts::piece("うえ"), para_fonts::piece("おか"),
                para_fonts::piece("きく"), para_fonts::piece("けこ")};
    s.pieces[0].element = 3;
    s.pieces[1].element = 3;            // same element: one run with piece 0
    s.pieces[2].element = 4;            // new element
    s.pieces[3].element = 4;
    s.pieces[3].size_pt = 12;           // new size
    s.pieces[4].element = 4;
    s.pieces[4].size_pt = 12;
    s.pieces[4].font_role = "gothic";   // new face
    const auto lines = para_fonts::set(s);
    REQUIRE(lines.size() == 1);
    const auto& runs = lines[0].runs;
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].text == "あいうえ");
    CHECK(runs[0].mark.element == 3);
    CHECK(runs[1].text == "おか");
    CHECK(runs[1].mark.element == 4);
    CHECK(runs[2].text == "きく");
    CHECK(runs[2].size_pt == 12);
    CHECK(runs[3].text == "けこ");
    CHECK(runs[3].face == para_fonts::face_index("bizud-gothic"));
    // Same baseline; ascent from the largest face/size used.
    const auto* m = para_fonts::fonts().face(para_fonts::face_index("bizud-mincho"));
    CHECK(lines[0].ascent_pt >= m->ascender() * 12.0 / m->units_per_em() - 1e-9);
    for (const auto& r : runs) CHECK(r.origin.y == 0);
}

TEST_CASE("text_begin/text_end map each cluster's first glyph to its bytes", "[para][fonts][runs]") {
    const std::string kuzu = "葛\xF3\xA0\x84\x80";  // U+845B U+E0100 (Adobe-Japan1 IVS in BIZ UD)
    const std::string text = "前" + kuzu + "西さんと、ABC 1,000円";
    const auto lines = para_fonts::set(para_fonts::spec(text, 40));
    REQUIRE(lines.size() == 1);
    std::string joined;
    for (const auto& r : lines[0].runs) {
        std::uint32_t covered = 0;
        for (const auto& g : r.glyphs) {
            CHECK(g.glyph != 0);
            if (g.text_end > g.text_begin) {
                CHECK(g.text_begin == covered);  // consecutive, nothing skipped
                covered = g.text_end;
            }
        }
        CHECK(covered == r.text.size());
        joined += r.text;
    }
    CHECK(joined == text);
    const auto g = glyphs_of(lines[0]);
    CHECK(g[1].text == kuzu);  // base + selector stay together, one glyph
    const auto* m = para_fonts::fonts().face(para_fonts::face_index("bizud-mincho"));
    CHECK(g[1].glyph == *m->variation_glyph(0x845B, 0xE0100));
    CHECK(g[1].glyph != *m->nominal_glyph(0x845B));
    // …and JLREQ spacing around it is that of a kanji: solid, on the baseline.
    CHECK(g[1].x == Approx(1 * zw));
    CHECK(g[2].x == Approx(2 * zw));
    CHECK(g[1].y_offset == 0);
}

TEST_CASE("𠮷 from IPAmj明朝 keeps the baseline and JLREQ spacing", "[para][fonts]") {
    const auto lines = para_fonts::set(para_fonts::spec("山田𠮷田（事務局）", 40, Align::start));
    REQUIRE(lines.size() == 1);
    const auto& runs = lines[0].runs;
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].text == "山田");
    CHECK(runs[1].text == "𠮷");
    CHECK(runs[1].face == para_fonts::face_index("ipamj-mincho"));
    CHECK(runs[2].face == para_fonts::face_index("bizud-mincho"));
    const auto g = glyphs_of(lines[0]);
    CHECK(g[2].x == Approx(2 * zw));
    CHECK(g[2].y_offset == 0);
    CHECK(g[3].x == Approx(3 * zw));
    CHECK(g[4].x == Approx((4.5 - 0.5) * zw));  // ½ em before （
    CHECK(lines[0].width_pt == Approx(9.0 * zw));  // 山田𠮷田 ‹½› （事務局） 8.5 em + line-end ½
}

TEST_CASE("a character no font has: E520 with the XML place, no .notdef", "[para][fonts][diag]") {
    std::vector<gijiroku::SourceLoc> locs(10);
    locs[7] = {12, 7};
    gijiroku::layout::SourceMap where{"minutes.xml", &locs};
    ParagraphSpec s = para_fonts::spec("あ\xE0\xB8\x81い", 40);  // U+0E01 THAI CHARACTER KO KAI
    s.pieces[0].source = gijiroku::NodeId{7};
    Diagnostics diags;
    const auto lines = para_fonts::setter().set(s, where, diags);
    REQUIRE(diags.all().size() == 1);
    const auto& d = diags.all()[0];
    CHECK(d.code == "E520");
    CHECK(d.file == "minutes.xml");
    CHECK(d.loc == gijiroku::SourceLoc{12, 7});
    CHECK(d.message.find("U+0E01") != std::string::npos);
    CHECK(d.message.find("BIZ UD明朝") != std::string::npos);
    CHECK(d.message.find("IPAmj明朝") != std::string::npos);
    REQUIRE(lines.size() == 1);
    for (const auto& r : lines[0].runs)
        for (const auto& g : r.glyphs) CHECK(g.glyph != 0);
}

TEST_CASE("an unknown font role: E541, set with mincho", "[para][fonts][diag]") {
    ParagraphSpec s = para_fonts::spec("あい", 40);
    s.pieces[0].font_role = "no-such-role";
    Diagnostics diags;
    gijiroku::layout::ParagraphSetter own(para_fonts::fonts(), {});
    const auto lines = own.set(s, {}, diags);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "E541");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].runs.at(0).face == para_fonts::face_index("bizud-mincho"));
    own.set(s, {}, diags);
    CHECK(diags.all().size() == 1);  // once per setter
}

TEST_CASE("§2.8 a URL longer than the measure breaks without overflowing", "[para][fonts]") {
    const std::string url =
        "https://www.example.go.jp/kenko/iryo/iryotekicare/shienkyogikai/documents/r6-dai3kai-gijiyoshi-"
        "shiryou-ichiran-saishuban.pdf";
    const std::string text = "資料は" + url + "を参照。";
    for (double m : {10.0, 15.0, 20.0, 25.0}) {
        INFO("measure " << m);
        const auto lines = para_fonts::set(para_fonts::spec(text, m));
        std::string joined;
        for (const auto& l : lines) {
            CHECK(l.width_pt <= m * zw + 0.01);
            joined += l.text;
        }
        CHECK(joined == text);  // nothing added: no hyphen
        CHECK(lines.size() >= 3);
    }
}

TEST_CASE("links: one area per line fragment, the whole link text as contents", "[para][fonts][links]") {
    ParagraphSpec s;
    s.measure_pt = 10 * zw;
    s.pieces = {para_fonts::piece("詳しくは"), para_fonts::piece("東京都のホームページの案内"),
                para_fonts::piece("を見る。")};
    s.pieces[1].uri = "https://www.metro.tokyo.lg.jp/";
    s.pieces[1].element = 9;
    const auto lines = para_fonts::set(s);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "詳しくは東京都のホー");  // ー|ム: ー may end a line
    REQUIRE(lines[0].links.size() == 1);
    REQUIRE(lines[1].links.size() == 1);
    CHECK(lines[2].links.empty());
    const auto& a = lines[0].links[0];
    CHECK(a.uri == "https://www.metro.tokyo.lg.jp/");
    CHECK(a.element == 9);
    CHECK(a.contents == "東京都のホームページの案内");
    CHECK(a.rect.x == Approx(4 * zw));
    CHECK(a.rect.right() == Approx(10 * zw));
    CHECK(a.rect.y == Approx(-lines[0].ascent_pt));
    CHECK(a.rect.height == Approx(lines[0].ascent_pt + lines[0].descent_pt));
    CHECK(lines[1].links[0].rect.x == Approx(0.0));
}

TEST_CASE("§2.4 an ASCII space between Japanese is 1 em; between Latin words a word space", "[para][fonts]") {
    CHECK(width_em("令和６年度 第３回 東京都") == Approx(13.0));
    CHECK(width_em("ICU 72") == Approx(2.5 + 1.0 / 3));  // I C U 7 2: 2.5 em + 1/3 em
}

TEST_CASE("§7.2 widths with IPAmj明朝, whose GPOS has halt", "[para][fonts]") {
    const auto* face = para_fonts::fonts().face(para_fonts::face_index("ipamj-mincho"));
    REQUIRE(face);
    REQUIRE(face->has_layout_feature("halt"));
    const auto mj = [](const std::string& text) {
        ParagraphSpec s = para_fonts::spec(text, 100, Align::start);
        s.pieces[0].font_role = "mj";
        Diagnostics diags;
        const auto lines = para_fonts::set(s, diags);
        CHECK(diags.empty());
        REQUIRE(lines.size() == 1);
        return lines[0];
    };
    CHECK(mj("委員（会長）、冨田").width_pt == Approx(8.5 * zw));
    CHECK(mj("日（火曜日）午後").width_pt == Approx(8.0 * zw));
    CHECK(mj("）」、。「（").width_pt == Approx(3.5 * zw));
    CHECK(mj("転入・転居").width_pt == Approx(5.0 * zw));
    // The opener's ink stays where its body is: halt moves the glyph, not only the pen.
    const auto line = mj("あ「い」");
    const auto g = glyphs_of(line);
    REQUIRE(g.size() == 4);
    CHECK(g[2].x == Approx(2.0 * zw));
    CHECK(g[1].x == Approx(1.0 * zw));  // body at 1.5 em, drawn ½ em to the left
}

TEST_CASE("§2.6 worked examples with BIZ UD明朝 (20 em)", "[para][fonts][justify]") {
    const std::vector<std::pair<std::string, Lines>> cases = {
        {"あいうえおかきくけこさしすせそたちつてと。なにぬ", {"あいうえおかきくけこさしすせそたちつて", "と。なにぬ"}},
        {"あいう、えおかきくけこさしすせそたちつて。なにぬ", {"あいう、えおかきくけこさしすせそたちつて。", "なにぬ"}},
        {"あいうえおかきくけこさしすせそたちつて「とな」にぬ", {"あいうえおかきくけこさしすせそたちつて", "「とな」にぬ"}},
        {"あいうえおかきくけこさしすせそたちつてコーヒー", {"あいうえおかきくけこさしすせそたちつて", "コーヒー"}},
        {"あいうえおかきくけこさしすせそたちつて２～３年", {"あいうえおかきくけこさしすせそたちつて", "２～３年"}},
        {"あいうえおかきくけこさしすせそたちつて、「となに」ぬ", {"あいうえおかきくけこさしすせそたちつて、", "「となに」ぬ"}},
        {"あい、うえ「おか」きくけこさしすせそたち。なに", {"あい、うえ「おか」きくけこさしすせそたち。", "なに"}},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        const auto lines = para_fonts::set(para_fonts::spec(text, 20));
        CHECK(para_fonts::texts(lines) == expected);
        REQUIRE(lines.size() == 2);
        CHECK(lines[0].width_pt == Approx(20 * zw).margin(0.01));
    }
    // 2.6-1: 1 em over 18 gaps.
    const auto lines = para_fonts::set(para_fonts::spec(cases[0].first, 20));
    const auto g = glyphs_of(lines[0]);
    for (std::size_t i = 0; i < g.size(); ++i) CHECK(g[i].x == Approx(static_cast<double>(i) * (1 + 1.0 / 18) * zw));
}

TEST_CASE("hard line breaks end a line without justifying it", "[para][fonts]") {
    const auto lines = para_fonts::set(para_fonts::spec("あいう\nえお", 20));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].width_pt == Approx(3 * zw));
    CHECK_FALSE(lines[0].last);
    CHECK(lines[1].text == "えお");
    CHECK(lines[1].last);
}

TEST_CASE("§2.8 a long word without delimiters breaks at grapheme boundaries", "[para][fonts]") {
    const std::string word(60, 'a');
    const auto lines = para_fonts::set(para_fonts::spec("語" + word + "語", 10));
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].width_pt <= 10 * zw + 0.01);
        joined += lines[i].text;
    }
    CHECK(joined == "語" + word + "語");
    CHECK(lines.size() >= 4);
}

TEST_CASE("empty paragraphs give no lines; a marker alone gives one", "[para][fonts]") {
    CHECK(para_fonts::set(para_fonts::spec("", 20)).empty());
    ParagraphSpec s = bullet("・", "");
    const auto lines = para_fonts::set(s);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].text == "・");
    CHECK(lines[0].ascent_pt > 0);
}

TEST_CASE("an invalid UTF-8 byte is set as U+FFFD, its neighbours as themselves", "[para][fonts]") {
    // The engine never sees invalid text from a document (the reader refuses it), but a piece
    // with a stray byte must be set exactly as one with U+FFFD in its place.
    Diagnostics d1, d2;
    const auto bad = para_fonts::set(para_fonts::spec("議\x80" "事a\xE8\xAD" "b", 20, Align::start), d1);
    const auto good = para_fonts::set(para_fonts::spec("議\uFFFD事a\uFFFD\uFFFDb", 20, Align::start), d2);
    REQUIRE(bad.size() == 1);
    REQUIRE(good.size() == 1);
    CHECK(bad[0].text == good[0].text);
    CHECK(bad[0].text == "議\uFFFD事a\uFFFD\uFFFDb");
    CHECK(bad[0].width_pt == good[0].width_pt);
    CHECK(d1.all().size() == d2.all().size());
}

TEST_CASE("random mixes: text kept, no .notdef, no line wider than the measure", "[para][fonts][property]") {
    const std::vector<std::string> pool = {
        "あ", "い", "漢", "字", "カ", "ー", "ッ", "ャ", "々", "、", "。", "・", "「", "」", "（", "）", "～",
        "１", "２", "1", "2", "a", "b", "c", ".", "/", "-", " ", "　", "𠮷", "葛\xF3\xA0\x84\x80", "\n", "？", "…"};
    std::uint32_t seed = 12345;
    const auto next = [&] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) & 0x7FFF;
    };
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const std::uint32_t len = 1 + next() % 80;
        for (std::uint32_t i = 0; i < len; ++i) text += pool[next() % pool.size()];
        const double measure = 2 + next() % 29;
        ParagraphSpec s = para_fonts::spec(text, measure, next() % 2 ? Align::justify : Align::center);
        Diagnostics diags;
        const auto lines = para_fonts::set(s, diags);
        INFO(text << " at " << measure << " em");
        CHECK_FALSE(diags.has_errors());
        std::string joined;
        for (const auto& l : lines) {
            CHECK(l.width_pt <= measure * zw + 0.01);
            for (const auto& r : l.runs)
                for (const auto& g : r.glyphs) CHECK(g.glyph != 0);
            joined += l.text;
        }
        CHECK(joined == text);
    }
}
