// Line adjustment (typesetting.md §2.6): the six worked examples at 20 em and case 7.4-A, with
// the 1-em mock. Where a line can close by reduction or by expansion the expected result is the
// 追い込み one (§7.2, §7.4).
#include <catch2/catch.hpp>

#include "test_para_mock.hpp"

using gijiroku::layout::jlreq::LineFit;
using gijiroku::layout::jlreq::LineMode;
using gijiroku::layout::jlreq::Placement;
using gijiroku::layout::jlreq::place_jidori;
using gijiroku::layout::jlreq::place_line;
using gijiroku::layout::jlreq::natural_width;

namespace {

struct Set {
    para_mock::Mock mock;
    std::vector<gijiroku::layout::jlreq::Line> lines;
    std::vector<std::string> texts;
    std::vector<Placement> placed;
};

Set set(std::u32string_view text, double measure, LineMode mode = LineMode::justify) {
    Set s{para_mock::make(text), {}, {}, {}};
    s.lines = para_mock::lines_of(s.mock, measure);
    s.texts = para_mock::texts(s.mock, s.lines);
    for (const auto& l : s.lines) s.placed.push_back(place_line(s.mock.glue, l, mode));
    return s;
}

// The space between item i's body and item i + 1 on a placed line.
double aki_after(const Set& s, std::size_t line, std::size_t i) {
    const auto& p = s.placed[line];
    const std::size_t r = i - s.lines[line].begin;
    return p.x[r + 1] - (p.x[r] + p.width[r]);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("§2.6-1 追い出し: 。 cannot start a line, と moves down", "[justify]") {
    const Set s = set(U"あいうえおかきくけこさしすせそたちつてと。なにぬ", 20);
    CHECK(s.texts == Lines{"あいうえおかきくけこさしすせそたちつて", "と。なにぬ"});
    REQUIRE(s.lines.size() == 2);
    CHECK(s.lines[0].fit == LineFit::expanded);
    CHECK(s.placed[0].width_total == Approx(20.0).margin(1e-9));
    // 1 em over the 18 kana gaps: 1/18 em each (stage 3, limit ¼).
    for (std::size_t i = 0; i + 1 < 19; ++i) CHECK(aki_after(s, 0, i) == Approx(1.0 / 18));
    // The last line is not justified.
    CHECK(s.lines[1].fit == LineFit::natural);
    CHECK(s.placed[1].width_total == Approx(5.0));  // と 。‹½› な に ぬ
}

TEST_CASE("§2.6-2 追い込み: line-end aki after 。 and the ½ after 、 go", "[justify]") {
    const Set s = set(U"あいう、えおかきくけこさしすせそたちつて。なにぬ", 20);
    CHECK(s.texts == Lines{"あいう、えおかきくけこさしすせそたちつて。", "なにぬ"});
    REQUIRE(s.lines.size() == 2);
    CHECK(s.lines[0].fit == LineFit::reduced);
    CHECK(s.lines[0].natural == Approx(21.0));
    CHECK(s.placed[0].width_total == Approx(20.0).margin(1e-9));
    CHECK(aki_after(s, 0, 3) == Approx(0.0).margin(1e-9));  // 、 → え
    // 。 ends flush with the measure: its body ends at 20 em.
    const std::size_t last = s.lines[0].end - 1 - s.lines[0].begin;
    CHECK(s.placed[0].x[last] + s.placed[0].width[last] == Approx(20.0));
    for (std::size_t i = 4; i < 19; ++i) CHECK(aki_after(s, 0, i) == Approx(0.0).margin(1e-9));
}

TEST_CASE("§2.6-3 追い出し: 「 may not end a line", "[justify]") {
    const Set s = set(U"あいうえおかきくけこさしすせそたちつて「とな」にぬ", 20);
    CHECK(s.texts == Lines{"あいうえおかきくけこさしすせそたちつて", "「とな」にぬ"});
    CHECK(s.placed[0].width_total == Approx(20.0).margin(1e-9));
    for (std::size_t i = 0; i + 1 < 19; ++i) CHECK(aki_after(s, 0, i) == Approx(1.0 / 18));
    // 天付き: the opener starts the wrapped line without aki.
    CHECK(s.placed[1].x[0] == 0);
}

TEST_CASE("§2.6-4 level 4: ー may not start a line, so コ goes down", "[justify]") {
    const Set s = set(U"あいうえおかきくけこさしすせそたちつてコーヒー", 20);
    CHECK(s.texts == Lines{"あいうえおかきくけこさしすせそたちつて", "コーヒー"});
    CHECK(s.placed[0].width_total == Approx(20.0).margin(1e-9));
}

TEST_CASE("§2.6-5 ～ (U+FF5E, cl-03) may not start a line, so ２ moves down", "[justify]") {
    const Set s = set(U"あいうえおかきくけこさしすせそたちつて２～３年", 20);
    CHECK(s.texts == Lines{"あいうえおかきくけこさしすせそたちつて", "２～３年"});
    CHECK(s.placed[0].width_total == Approx(20.0).margin(1e-9));
}

TEST_CASE("§2.6-6 て、 fills the line with its ½ em line-end aki (solid)", "[justify]") {
    const Set s = set(U"あいうえおかきくけこさしすせそたちつて、「となに」ぬ", 20);
    CHECK(s.texts == Lines{"あいうえおかきくけこさしすせそたちつて、", "「となに」ぬ"});
    REQUIRE(s.lines.size() == 2);
    CHECK(s.lines[0].fit == LineFit::solid);
    CHECK(s.lines[0].natural == Approx(20.0));
    for (std::size_t i = 0; i + 1 < 20; ++i) CHECK(aki_after(s, 0, i) == Approx(0.0).margin(1e-9));
}

TEST_CASE("§7.4-A 追い込み: line-end aki, then three mid-line ½ em reduced to ⅓ em", "[justify]") {
    const Set s = set(U"あい、うえ「おか」きくけこさしすせそたち。なに", 20);
    CHECK(s.texts == Lines{"あい、うえ「おか」きくけこさしすせそたち。", "なに"});
    REQUIRE(s.lines.size() == 2);
    CHECK(s.lines[0].fit == LineFit::reduced);
    CHECK(s.placed[0].width_total == Approx(20.0).margin(1e-9));
    CHECK(aki_after(s, 0, 2) == Approx(1.0 / 3));  // after 、
    CHECK(aki_after(s, 0, 4) == Approx(1.0 / 3));  // before 「
    CHECK(aki_after(s, 0, 8) == Approx(1.0 / 3));  // after 」
    const std::size_t last = s.lines[0].end - 1;
    CHECK(s.placed[0].x[last] + s.placed[0].width[last] == Approx(20.0));  // 。 flush
}

TEST_CASE("§2.6 stage 4 reduces ・ aki before bracket aki", "[justify]") {
    // After the line-end aki (stage 2), ¼ em more must come from the dots (stage 4), not from
    // the ½ before （ (stage 5).
    // あ×18 ・ あ （ い ）: 18 + ¼ + ½ + ¼ + 1 + ½ + ½ + 1 + ½ + line-end ½ = 23.
    const para_mock::Mock m = para_mock::make(U"ああああああああああああああああああ・あ（い）");
    const double natural = natural_width(m.glue, 0, m.items.size());
    gijiroku::layout::jlreq::Line line;
    line.begin = 0;
    line.end = line.content_end = m.items.size();
    line.measure = natural - 0.75;  // ½ line-end aki (stage 2) + ¼ from the dots
    line.fit = LineFit::reduced;
    const Placement p = place_line(m.glue, line, LineMode::justify);
    CHECK(p.width_total == Approx(line.measure));
    // ・ at index 18: its ¼ aki on each side halved (⅛ each); the ½ before （ untouched.
    CHECK(p.x[18] - (p.x[17] + p.width[17]) == Approx(0.125));
    CHECK(p.x[19] - (p.x[18] + p.width[18]) == Approx(0.125));
    CHECK(p.x[20] - (p.x[19] + p.width[19]) == Approx(0.5));
}

TEST_CASE("§2.6 a line-end ・ loses its ¼ before and after together", "[justify]") {
    const para_mock::Mock m = para_mock::make(U"あいう・");
    gijiroku::layout::jlreq::Line line;
    line.begin = 0;
    line.end = line.content_end = 4;
    line.measure = 3.5;  // natural 3 + ¼ + ½ + ¼ = 4
    line.fit = LineFit::reduced;
    const Placement p = place_line(m.glue, line, LineMode::justify);
    CHECK(p.natural == Approx(4.0));
    CHECK(p.width_total == Approx(3.5));
    CHECK(p.x[3] == Approx(3.0));
}

TEST_CASE("§2.6 expansion: J–W aki up to ½ em before kana gaps", "[justify]") {
    // あい 30 うえ: J–W gaps (¼ each) can take ¼ more each before the kana gaps move.
    const para_mock::Mock m = para_mock::make(U"あい30うえ");
    gijiroku::layout::jlreq::Line line;
    line.begin = 0;
    line.end = line.content_end = m.items.size();
    const double natural = natural_width(m.glue, 0, m.items.size());
    CHECK(natural == Approx(5.5));
    line.measure = natural + 0.5;
    line.fit = LineFit::expanded;
    const Placement p = place_line(m.glue, line, LineMode::justify);
    CHECK(p.width_total == Approx(6.0));
    CHECK(p.x[1] == Approx(1.0));                 // あ|い unchanged
    CHECK(p.x[2] - p.x[1] - 1 == Approx(0.5));    // い ‹½› 3
    CHECK(p.x[3] - p.x[2] == Approx(0.5));        // 3|0 never
    CHECK(p.x[4] - p.x[3] - 0.5 == Approx(0.5));  // 0 ‹½› う
    // Beyond that, kana gaps (≤ ¼ em each).
    line.measure = natural + 0.5 + 0.25;
    const Placement q = place_line(m.glue, line, LineMode::justify);
    CHECK(q.x[1] == Approx(1.125));
    CHECK(q.width_total == Approx(6.25));
}

TEST_CASE("§2.6 the last line and ragged lines are not expanded", "[justify]") {
    const Set s = set(U"あいうえお", 20);
    REQUIRE(s.lines.size() == 1);
    CHECK(s.lines[0].fit == LineFit::natural);
    CHECK(s.placed[0].width_total == Approx(5.0));
    const Set r = set(U"あいうえおかきくけこさしすせそたちつてと。なにぬ", 20, LineMode::ragged);
    CHECK(r.placed[0].width_total == Approx(19.0));
}

TEST_CASE("§2.6 a last line that overflows is reduced (追い込み), not broken", "[justify]") {
    const Set s = set(U"あいう、えおかきくけこさしすせそたちつて。", 20);
    CHECK(s.texts == Lines{"あいう、えおかきくけこさしすせそたちつて。"});
    CHECK(s.placed[0].width_total == Approx(20.0));
}

TEST_CASE("§4.6 均等割り", "[justify][jidori]") {
    // 日時 in 3 em: 日 + 1 em + 時.
    const para_mock::Mock m = para_mock::make(U"日時");
    const Placement p = place_jidori(m.glue, 0, 2, 3);
    CHECK(p.x[0] == 0);
    CHECK(p.x[1] == Approx(2.0));
    CHECK(p.width_total == Approx(3.0));
    // 出席者 in 3 em: solid.
    const para_mock::Mock q = para_mock::make(U"出席者");
    const Placement pq = place_jidori(q.glue, 0, 3, 3);
    CHECK(pq.x[2] == Approx(2.0));
    // Formula (W − n) / (n − 1): 会場 in 5 em → 3 em between.
    const Placement p5 = place_jidori(m.glue, 0, 2, 5);
    CHECK(p5.x[1] == Approx(4.0));
    // A single character is start-aligned.
    const para_mock::Mock one = para_mock::make(U"日");
    const Placement p1 = place_jidori(one.glue, 0, 1, 3);
    CHECK(p1.x[0] == 0);
    CHECK(p1.width_total == Approx(1.0));
    // Unbreakable sequences stay solid: 第30回 in 6 em spreads only 第|30 and 30|回.
    const para_mock::Mock num = para_mock::make(U"第30回");
    const Placement pn = place_jidori(num.glue, 0, 4, 6);  // natural 1 + ¼ + 1 + ¼ + 1 = 3.5
    CHECK(pn.x[2] - pn.x[1] == Approx(0.5));             // 3|0 solid
    CHECK(pn.x[1] == Approx(1 + 0.25 + 1.25));
    CHECK(pn.width_total == Approx(6.0));
}
