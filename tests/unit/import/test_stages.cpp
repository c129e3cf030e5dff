// Stages 1–3 of import in isolation: reading lines, joining blocks, and the small recognisers
// (numbering, labels, era dates and times, the template's wording run backwards). Expected
// values come from the seed and its description (typesetting.md §0), the examples' XML and the
// era rules of text/era_date.hpp — never from the importer's own output.
#include <catch2/catch.hpp>

#include "import/blocks.hpp"
#include "import/datetime.hpp"
#include "import/import.hpp"
#include "import/people.hpp"
#include "import/recognise.hpp"
#include "import/source_lines.hpp"
#include "import/wording.hpp"
#include "import_test_support.hpp"

using namespace gijiroku;
using namespace gijiroku::import;
using import_test::tmpl;

namespace {

std::vector<Block> blocks_of(const std::string& text, Diagnostics& d) {
    auto lines = read_lines(text, "t.txt", 1 << 24, d);
    REQUIRE(lines);
    return make_blocks(*lines, "t.txt", d);
}

std::vector<std::string> texts(const std::vector<Block>& bs) {
    std::vector<std::string> out;
    for (const Block& b : bs) out.push_back(to_utf8(b.text));
    return out;
}

}  // namespace

TEST_CASE("lines: CRLF, CR and LF end lines alike; a BOM is skipped; trailing spaces go") {
    Diagnostics d;
    auto a = read_lines("\xEF\xBB\xBF" "一行目  \r\n二行目\r三行目\n", "t.txt", 1 << 20, d);
    REQUIRE(a);
    REQUIRE(a->size() == 3);
    CHECK(to_utf8((*a)[0].text) == "一行目");
    CHECK((*a)[1].number == 2);
    CHECK(to_utf8((*a)[2].text) == "三行目");
    CHECK(d.empty());
}

TEST_CASE("lines: page numbers in their usual forms are dropped, content numbers stay") {
    for (const char* p : {"- 1 -", "－１－", "― 12 ―", "1/10", "1 / 10", "- 3 / 10 -", "Page 3", "p. 3", "3頁", "3ページ"}) {
        INFO(p);
        CHECK(is_decorated_page_number(to_u32(p)));
    }
    for (const char* p : {"（１）", "1", "２１の区協議会", "資料1", "1.日時"}) {
        INFO(p);
        CHECK_FALSE(is_decorated_page_number(to_u32(p)));
    }
    Diagnostics d;
    std::vector<std::uint32_t> dropped;
    // A bare number alone between blank lines is a page number; 「1」 right before text is not.
    auto lines = read_lines("本文です。\n\n2\n\n続きです。\n1\n日時\n", "t.txt", 1 << 20, d, &dropped);
    REQUIRE(lines);
    CHECK(dropped == std::vector<std::uint32_t>{3});
}

TEST_CASE("lines: a running head repeated at page starts is dropped, the title on page one stays") {
    Diagnostics d;
    std::vector<std::uint32_t> dropped;
    const std::string text =
        "第１回 テスト協議会\n議事要旨\n本文一。\n- 1 -\n\f協議会会議録\n本文二。\n- 2 -\n\f協議会会議録\n本文三。\n- 3 -\n";
    auto lines = read_lines(text, "t.txt", 1 << 20, d, &dropped);
    REQUIRE(lines);
    CHECK(dropped == std::vector<std::uint32_t>{4, 5, 7, 8, 10});
    CHECK(to_utf8(lines->front().text) == "第１回 テスト協議会");
}

TEST_CASE("lines: what is not UTF-8 text is refused with a clear error") {
    auto code_of = [](const std::string& bytes) {
        Diagnostics d;
        auto r = read_lines(bytes, "t.txt", 1 << 20, d);
        CHECK_FALSE(r);
        REQUIRE(d.error_count() >= 1);
        return d.all().front();
    };
    CHECK(code_of("").code == "E602");
    CHECK(code_of(" \n\t\n　\n").code == "E602");
    // 「議事要旨」 in Shift_JIS.
    const Diagnostic sjis = code_of("\x8B\x63\x8E\x96\x97\x76\x8E\x7C\n");
    CHECK(sjis.code == "E601");
    CHECK(sjis.message.find("Shift_JIS") != std::string::npos);
    CHECK(sjis.hint.find("iconv -f CP932") != std::string::npos);
    CHECK(code_of(std::string("\xFF\xFE\x70\x8B", 4)).code == "E601");
    const Diagnostic pdf = code_of("%PDF-1.7\n...");
    CHECK(pdf.code == "E603");
    CHECK(pdf.hint.find("pdftotext -layout") != std::string::npos);
    CHECK(code_of(std::string("PK\x03\x04\x14\x00", 6)).code == "E603");
    CHECK(code_of(std::string("text\0more", 9)).code == "E603");
    const Diagnostic bell = code_of("一行目\n二行\a目\n");
    CHECK(bell.code == "E605");
    CHECK(bell.loc.line == 2);
    CHECK(bell.loc.column == 3);
    Diagnostics d;
    CHECK_FALSE(read_lines(std::string(100, 'a'), "t.txt", 99, d));
    CHECK(d.all().front().code == "E604");
}

TEST_CASE("blocks: hard-wrapped Japanese joins without a space, Latin words with one") {
    Diagnostics d;
    // Three lines at the measure make it a wrapped text (typesetting.md §0: join without a space).
    const std::string text =
        "・医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディネーターの仕事\n"
        "内容をよりわかりやすく伝えること、資格を取った方々が活躍できる場を増やしていくことが必要。\n"
        "・国際的な動向として、ＯＥＣＤの報告書を参照した。報告書の題名は、OECDのEducation at a\n"
        "Glance 2024であり、教育データのガバナンスを取り上げているところであり、参考となるもの。\n"
        "・研修の実施時期が年度後半に偏っているため、参加者の負担を考えても平均化した方がよいので\n"
        "は。\n";
    const auto bs = texts(blocks_of(text, d));
    REQUIRE(bs.size() == 3);
    CHECK(bs[0] ==
          "・医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディネーターの仕事内容をより"
          "わかりやすく伝えること、資格を取った方々が活躍できる場を増やしていくことが必要。");
    CHECK(bs[1].find("Education at a Glance 2024") != std::string::npos);
    CHECK(bs[2].find("平均化した方がよいのでは。") != std::string::npos);
}

TEST_CASE("blocks: a block split by a page break is joined; one blank line ends a paragraph") {
    Diagnostics d;
    const std::string text =
        "・在宅レスパイトの上限時間拡大については、利用者から感謝の声がある。一方、区部では半数以上の\n"
        "自治体が在宅以外の場所を独自事業として支援していると聞いている。学校関係については、本来教\n"
        "\n\n\n"
        "育現場で補填されるのが望ましいが、各区では看護師不足でやむなくこのような形で対応していると聞\n"
        "き、人材の取り合いにならなくて済むのではないか。\n"
        "・医療的ケア児の育ちの支援事業について、保育園に通えない子が多いため良い事業だと思うが、就学\n"
        "後の放課後の時間帯の支援についても広げていただきたいと考えているところである。\n"
        "\n"
        "閉会\n";
    const auto bs = texts(blocks_of(text, d));
    REQUIRE(bs.size() == 3);
    CHECK(bs[0].find("本来教育現場で補填") != std::string::npos);
    CHECK(bs[2] == "閉会");
}

TEST_CASE("blocks: a paragraph that opens with one character and a comma (「私、」) does not make the line before it a stray one") {
    // A wrapped paragraph ends in a short finished line (「である。」); the next paragraph starts
    // flush with 「私、」. Only a fragment (「は。」, small kana, 「（案）を」) goes on from a line
    // cut short; a word and a comma starts a sentence.
    Diagnostics d;
    const std::string text =
        "事務局から、委員６人中５人が出席しており、みどり市環境審議会条例第６条第\n"
        "２項の規定により会議が成立している旨の報告があった。\n"
        "計画期間の中間年に当たり、国の地球温暖化対策計画の改定や市内の土地利用の\n"
        "変化を踏まえて、再生可能エネルギーの導入目標と緑地の保全目標を見直すもの\n"
        "である。\n"
        "私、本日の議事進行を務めます。皆様の御協力をお願いいたします。なお、本日\n"
        "の会議は公開です。\n";
    const auto bs = texts(blocks_of(text, d));
    REQUIRE(bs.size() == 3);
    CHECK(bs[1] ==
          "計画期間の中間年に当たり、国の地球温暖化対策計画の改定や市内の土地利用の変化を踏まえて、再生可能エネルギーの導入目標と"
          "緑地の保全目標を見直すものである。");
    CHECK(bs[2] == "私、本日の議事進行を務めます。皆様の御協力をお願いいたします。なお、本日の会議は公開です。");
    CHECK(d.warning_count() == 0);
}

TEST_CASE("blocks: stray spaces after 、 and the ） of a numbering are removed with a note at their column") {
    Diagnostics d;
    const auto bs = texts(blocks_of("早野委員、島添委員、井上（弘）委員、上坂委員、 髙山委員\n（３） 医療的ケア児支援センターの運営状況\n"
                                    "令和６年１１月２０日（水） 午後２時から\n",
                                    d));
    REQUIRE(bs.size() == 3);
    CHECK(bs[0] == "早野委員、島添委員、井上（弘）委員、上坂委員、髙山委員");
    CHECK(bs[1] == "（３）医療的ケア児支援センターの運営状況");
    // A space after any other ） may be the template's own: it stays.
    CHECK(bs[2] == "令和６年１１月２０日（水） 午後２時から");
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].code == "N601");
    CHECK(d.all()[0].severity == Severity::note);
    CHECK(d.all()[0].loc == SourceLoc{1, 24});
    CHECK(d.all()[1].loc == SourceLoc{2, 4});
}

TEST_CASE("recognise: numbering in its many spellings") {
    struct Case {
        const char* text;
        NumberStyle style;
        int value;
        bool separated;
    };
    for (const Case& c : {Case{"（１）令和６年度", NumberStyle::paren_decimal, 1, true},
                          Case{"(12) 議題", NumberStyle::paren_decimal, 12, true},
                          Case{"１ 日時", NumberStyle::decimal, 1, true},
                          Case{"1.日時", NumberStyle::decimal, 1, true},
                          Case{"１．日時", NumberStyle::decimal, 1, true},
                          Case{"2) 議題", NumberStyle::close_decimal, 2, true},
                          Case{"ア　意見", NumberStyle::katakana, 1, true},
                          Case{"（イ）意見", NumberStyle::paren_katakana, 2, true},
                          Case{"日程第３議案", NumberStyle::nichitei, 3, true},
                          Case{"第２ 報告", NumberStyle::dai, 2, true},
                          Case{"③議題", NumberStyle::circled, 3, true}}) {
        INFO(c.text);
        auto n = leading_numbering(to_u32(c.text));
        REQUIRE(n);
        CHECK(n->style == c.style);
        CHECK(n->value == c.value);
        CHECK(n->separated == c.separated);
    }
    for (const char* t : {"２１の区協議会", "第３回 東京都", "アップ研修", "2,418,000", "95.2%", "1日時"}) {
        INFO(t);
        CHECK_FALSE(leading_numbering(to_u32(t)));
    }
    // Copied text loses the space after the number of a particular: 「1日時」 with `loose`.
    auto loose = leading_numbering(to_u32("1日時"), true);
    REQUIRE(loose);
    CHECK(loose->length == 1);
}

TEST_CASE("recognise: which lines start a block") {
    CHECK(start_strength(to_u32("・医療的ケア児")) == Strength::strong);
    CHECK(start_strength(to_u32("→国の「こども誰でも通園制度」")) == Strength::strong);
    CHECK(start_strength(to_u32("（１）令和６年度")) == Strength::strong);
    CHECK(start_strength(to_u32("○髙橋座長　定刻")) == Strength::strong);
    CHECK(start_strength(to_u32("以上")) == Strength::strong);
    CHECK(start_strength(to_u32("（主な意見等）")) == Strength::weak);
    CHECK(start_strength(to_u32("（欠席）瀨委員")) == Strength::weak);
    CHECK(start_strength(to_u32("委員：質問です。")) == Strength::weak);
    CHECK(start_strength(to_u32("育現場で補填される")) == Strength::none);
    CHECK(start_strength(to_u32("ーアップ研修など")) == Strength::none);
    CHECK(start_strength(to_u32("２１の区協議会")) == Strength::none);
}

TEST_CASE("recognise: labels spread by 均等割り, kinds, headings of the proceedings") {
    CHECK(match_spaced(to_u32("日  時 令和７年"), to_u32("日時")) == 4);
    CHECK(match_spaced(to_u32("日　　時　令和"), to_u32("日時")) == 4);
    CHECK(match_spaced(to_u32("日程"), to_u32("日時")) == 0);
    CHECK(kind_of_word(to_u32("議 事 要 旨")) == model::DocumentKind::summary);
    CHECK(kind_of_word(to_u32("議事録")) == model::DocumentKind::record);
    CHECK(kind_of_word(to_u32("会議録")) == model::DocumentKind::proceedings);
    CHECK_FALSE(kind_of_word(to_u32("議事概要（委員からの主な御意見等）")));
    CHECK(is_proceedings_heading(to_u32(" 議事概要（委員からの主な御意見等） "), to_u32("議事概要")));
    CHECK(is_proceedings_heading(to_u32("議事の経過"), to_u32("議事概要")));
    CHECK_FALSE(is_proceedings_heading(to_u32("議事概要について説明があった。"), to_u32("議事概要")));
}

TEST_CASE("dates: era dates in full-width, half-width and mixed digits, with the weekday as written") {
    auto d = parse_date(to_u32("令和７年３月2５日（火曜日）"), 0);
    REQUIRE(d);
    CHECK(d->date == text::CivilDate{2025, 3, 25});
    CHECK(d->weekday == "火曜日");
    CHECK(d->mixed_digits);
    auto g = parse_date(to_u32("令和元年5月1日(水)"), 0);
    REQUIRE(g);
    CHECK(g->date == text::CivilDate{2019, 5, 1});
    CHECK(g->weekday == "水");
    // 令和元年4月30日 never existed (still 平成31年): text/era_date.hpp.
    CHECK_FALSE(parse_date(to_u32("令和元年4月30日"), 0));
    auto w = parse_date(to_u32("2025年3月25日（火）"), 0);
    REQUIRE(w);
    CHECK(w->date == text::CivilDate{2025, 3, 25});
    auto spaced = parse_date(to_u32("令和 7 年 3 月 25 日"), 0);
    REQUIRE(spaced);
    CHECK(spaced->date == text::CivilDate{2025, 3, 25});
    auto h = parse_date(to_u32("平成31年4月30日"), 0);
    REQUIRE(h);
    CHECK(h->date == text::CivilDate{2019, 4, 30});
}

TEST_CASE("dates: the 日時 particular with 午前/午後, 24-hour times, spans and 開会/閉会") {
    auto seed = parse_meeting_time(to_u32("令和７年３月2５日（火曜日）午後６時30分から午後８時15分まで"));
    REQUIRE(seed);
    CHECK(seed->date.date == text::CivilDate{2025, 3, 25});
    CHECK(seed->start->iso() == "18:30");
    CHECK(seed->end->iso() == "20:15");
    CHECK(seed->mixed_digits);
    auto city = parse_meeting_time(
        to_u32("令和６年１１月２０日（水） 午後２時から午後３時３０分まで（開会 午後２時、閉会 午後３時２２分）"));
    REQUIRE(city);
    CHECK(city->start->iso() == "14:00");
    CHECK(city->end->iso() == "15:30");
    CHECK(city->opened->iso() == "14:00");
    CHECK(city->closed->iso() == "15:22");
    auto ministry = parse_meeting_time(to_u32("令和7年6月12日（木曜日）10時00分～12時00分"));
    REQUIRE(ministry);
    CHECK(ministry->start->iso() == "10:00");
    CHECK(ministry->end->iso() == "12:00");
    auto colon = parse_meeting_time(to_u32("2025年3月25日(火) １８：３０－２０：１５"));
    REQUIRE(colon);
    CHECK(colon->start->iso() == "18:30");
    CHECK(colon->end->iso() == "20:15");
    auto noon = parse_meeting_time(to_u32("令和７年３月25日（火）正午から午後１時半まで"));
    REQUIRE(noon);
    CHECK(noon->start->iso() == "12:00");
    CHECK(noon->end->iso() == "13:30");
    // 午後12時 ends a meeting at midnight (style/resolve.cpp prints 24:00 as 午後12時).
    auto midnight = parse_meeting_time(to_u32("令和７年３月25日（火）午後10時から午後12時まで"));
    REQUIRE(midnight);
    CHECK(midnight->end->iso() == "24:00");
    CHECK_FALSE(parse_meeting_time(to_u32("令和７年３月25日（火）夕方から")));
    CHECK_FALSE(parse_meeting_time(to_u32("令和７年３月25日（火）午後25時")));
    auto next = parse_date_then_text(to_u32("令和7年7月17日（木曜日）10時00分から　詳細は追って事務局から連絡する。"));
    REQUIRE(next);
    CHECK(next->date.date == text::CivilDate{2025, 7, 17});
    CHECK(next->start->iso() == "10:00");
    CHECK(to_utf8(next->rest) == "詳細は追って事務局から連絡する。");
}

TEST_CASE("wording: the template's patterns run backwards") {
    const Wording w(tmpl("tokyo-gijiyoshi"));
    auto m = w.match("supplement.verbal", to_u32("（岩﨑委員から多摩について補足）"));
    REQUIRE(m.size() == 1);
    CHECK(to_utf8(m[0].value("speaker")) == "岩﨑委員");
    CHECK(to_utf8(m[0].value("about")) == "多摩");
    CHECK(w.match("supplement.verbal", to_u32("（中嶽委員から区部についての補足）")).empty());
    auto n = w.match("supplement.nominal", to_u32("（冨田副会長からの補足）"));
    REQUIRE(n.size() == 1);
    CHECK(to_utf8(n[0].value("speaker")) == "冨田副会長");
    CHECK(n[0].value("about").empty());
    // White space in the text is free around literal characters.
    CHECK(w.match("explanation", to_u32("事務局から 資料説明")).size() == 1);
    const Wording city(tmpl("city-kaigiroku"));
    auto phone = city.match("contact.phone", to_u32("電話 042-000-3100（内線 2315）"));
    REQUIRE_FALSE(phone.empty());
    CHECK(to_utf8(phone[0].value("phone")) == "042-000-3100");
    CHECK(to_utf8(phone[0].value("extension")) == "2315");
}

TEST_CASE("people: attendee entries read with the template's pattern and scored") {
    const Wording w(tmpl("tokyo-gijiyoshi"));
    Roster r(w);
    auto maeda = r.parse_person(to_u32("前田委員（会長）"), model::GroupKind::members);
    REQUIRE(maeda);
    CHECK(to_utf8(maeda->name) == "前田");
    CHECK(to_utf8(maeda->title) == "委員");
    CHECK(to_utf8(maeda->role) == "会長");
    auto inoue = r.parse_person(to_u32("井上（愛）委員"), model::GroupKind::members);
    REQUIRE(inoue);
    CHECK(to_utf8(inoue->name) == "井上");
    CHECK(to_utf8(inoue->qualifier) == "愛");
    auto todoroki = r.parse_person(to_u32("等々力委員"), model::GroupKind::members);
    REQUIRE(todoroki);
    CHECK(to_utf8(todoroki->name) == "等々力");
    const Wording m(tmpl("ministry-gijiroku"));
    Roster rm(m);
    for (auto [entry, name, title] : {std::tuple{"德永総合教育政策局長", "德永", "総合教育政策局長"},
                                      std::tuple{"森教育DX推進室室長補佐", "森", "教育DX推進室室長補佐"},
                                      std::tuple{"山本医政局長", "山本", "医政局長"},
                                      std::tuple{"原参事官", "原", "参事官"}}) {
        INFO(entry);
        auto p = rm.parse_person(to_u32(entry), model::GroupKind::staff);
        REQUIRE(p);
        CHECK(to_utf8(p->name) == name);
        CHECK(to_utf8(p->title) == title);
    }
    auto chair = rm.parse_person(to_u32("髙橋座長"), model::GroupKind::members);
    REQUIRE(chair);
    CHECK(to_utf8(chair->role) == "座長");
    const Wording c(tmpl("city-kaigiroku"));
    Roster rc(c);
    auto staff = rc.parse_person(to_u32("健康福祉部長 小林 隆之"), model::GroupKind::secretariat);
    REQUIRE(staff);
    CHECK(to_utf8(staff->name) == "小林 隆之");
    CHECK(to_utf8(staff->title) == "健康福祉部長");
    auto proxy = rc.parse_person(to_u32("岡部 誠（若葉台市医師会）（代理出席：中川 浩二（若葉台市医師会理事））"),
                                 model::GroupKind::members);
    REQUIRE(proxy);
    CHECK(to_utf8(proxy->affiliation) == "若葉台市医師会");
    CHECK(to_utf8(proxy->proxy) == "中川 浩二（若葉台市医師会理事）");
}

TEST_CASE("kind: an assembly's title names its kind straight after the session (…定例会会議録)") {
    using gijiroku::model::DocumentKind;
    using gijiroku::import::guess_kind;
    CHECK(guess_kind("令和６年第４回桜川町議会定例会会議録\n") == DocumentKind::proceedings);
    CHECK(guess_kind("令和７年第１回若葉台市議会臨時会会議録\n") == DocumentKind::proceedings);
    CHECK(guess_kind("総務常任委員会会議録\n") == DocumentKind::proceedings);
    CHECK(guess_kind("第３回 教育データ有識者会議 議事録\n") == DocumentKind::record);
    // A word that merely ends in 会議録 after no 会 is not read as the kind.
    CHECK(guess_kind("令和６年度市民会議録画について\n") == std::nullopt);
}

TEST_CASE("datetime: an assembly's 開議 after the start and 散会 after the end") {
    using namespace gijiroku::import;
    auto mt = parse_meeting_time(U"令和６年12月10日（火）午前10時00分開議");
    REQUIRE(mt);
    CHECK(mt->start->iso() == "10:00");
    CHECK(mt->date.weekday == "火");
    mt = parse_meeting_time(U"令和６年12月10日（火）午前10時から午前11時30分散会");
    REQUIRE(mt);
    CHECK(mt->end->iso() == "11:30");
}
