// The spellings issue 8 lists beyond the templates' own: particulars numbered 「１．」「(1)」 or
// not at all with 均等割り labels 「日　　時」, labels on their own line, captions on their own line,
// 24-hour times, bullets before handouts and agenda headings, explanations worded 「より…に基づき」,
// speaker turns 「【委員】」 and 「議長（氏名君）」, Q&A turns 「委員：」「事務局：」「（委員）」,
// interjections, a spaced 「以　上」.
#include <catch2/catch.hpp>

#include "import_test_support.hpp"

using namespace import_test;

namespace {

std::string element_text(const std::string& xml, const std::string& open) {
    const auto at = xml.find(open);
    if (at == std::string::npos) return "";
    const auto start = xml.find('>', at) + 1;
    return xml.substr(start, xml.find('<', start) - start);
}

}  // namespace

TEST_CASE("variants: a ward's 議事録 typed in Word with its own spellings") {
    const std::string text =
        "令和６年度第２回　みなと区子ども・子育て会議\n"
        "議　事　録\n"
        "\n"
        "１．日　　時　令和6年10月3日(木) 18:30～20:00\n"
        "２．場　　所\n"
        "　　区役所本庁舎５階　第一会議室\n"
        "３．出席者\n"
        "　（委員）\n"
        "　　山田会長、鈴木副会長、佐藤委員、高橋委員\n"
        "　（欠席）\n"
        "　　田中委員\n"
        "　（事務局）\n"
        "　　中川子ども家庭部長、小野子育て支援課長\n"
        "４．配付資料\n"
        "　・資料１　令和７年度保育所等の整備計画（案）\n"
        "　・資料２　子育て支援アンケートの結果\n"
        "５．議題\n"
        "　○保育所等の整備計画について\n"
        "　○子育て支援アンケートの結果について\n"
        "\n"
        "議事\n"
        "○保育所等の整備計画について\n"
        "事務局より資料１に基づき説明があった。\n"
        "【佐藤委員】待機児童の解消の見通しはどうか。\n"
        "【小野子育て支援課長】令和７年度末には解消する見込みである。\n"
        "○子育て支援アンケートの結果について\n"
        "事務局から資料２について説明。\n"
        "委員：回答率が低いのではないか。\n"
        "事務局：前回調査より５ポイント上昇している。\n"
        "（委員）自由記述の分析もお願いしたい。\n"
        "（拍手）\n"
        "以　上\n";
    const auto r = import_text(text, "ministry-gijiroku");
    INFO(r.messages());
    REQUIRE(r.xml);
    CHECK(r.diags.warning_count() == 0);
    const std::string& x = *r.xml;
    INFO(x);
    CHECK(x.find("<minutes xmlns=\"urn:gijiroku:minutes:1\" version=\"1.0\" kind=\"record\"") != std::string::npos);
    CHECK(element_text(x, "<body-name") == "みなと区子ども・子育て会議");
    CHECK(x.find("<session fiscal-year=\"2024\" number=\"2\"/>") != std::string::npos);
    CHECK(x.find("<datetime date=\"2024-10-03\" weekday=\"木\" start=\"18:30\" end=\"20:00\"/>") != std::string::npos);
    CHECK(element_text(x, "<venue") == "区役所本庁舎５階　第一会議室");
    CHECK(x.find("<person id=\"山田\" name=\"山田\" role=\"会長\"/>") != std::string::npos);
    CHECK(x.find("<person id=\"田中\" name=\"田中\" title=\"委員\" present=\"false\"/>") != std::string::npos);
    CHECK(x.find("<group id=\"事務局\" kind=\"secretariat\">") != std::string::npos);
    CHECK(x.find("<person id=\"小野\" name=\"小野\" title=\"子育て支援課長\"/>") != std::string::npos);
    CHECK(x.find("<handout id=\"資料１\" number=\"資料１\">令和７年度保育所等の整備計画（案）</handout>") != std::string::npos);
    CHECK(x.find("<agenda/>") != std::string::npos);
    CHECK(x.find("<explanation by=\"事務局\" handouts=\"資料１\"/>") != std::string::npos);
    CHECK(x.find("<explanation by=\"事務局\" handouts=\"資料２\"/>") != std::string::npos);
    CHECK(x.find("<speech by=\"佐藤\">") != std::string::npos);
    CHECK(x.find("<speech by=\"小野\">") != std::string::npos);
    CHECK(x.find("<question by=\"委員\">回答率が低いのではないか。</question>") != std::string::npos);
    CHECK(x.find("<answer by=\"事務局\">前回調査より５ポイント上昇している。</answer>") != std::string::npos);
    CHECK(x.find("<question by=\"委員\">自由記述の分析もお願いしたい。</question>") != std::string::npos);
    CHECK(x.find("<interjection kind=\"applause\"/>") != std::string::npos);
    CHECK(x.find("<end/>") != std::string::npos);
    // Two items, by the headings the agenda lists.
    std::size_t items = 0;
    for (auto at = x.find("<item"); at != std::string::npos; at = x.find("<item", at + 1)) ++items;
    CHECK(items == 2);
}

TEST_CASE("variants: particulars numbered (1) or unnumbered, values on the next line, a municipal speaker turn") {
    const std::string text =
        "第５回 あおば町議会全員協議会\n"
        "会議録\n"
        "(1)日時 令和７年１月２０日（月）午前１０時から午前１１時まで\n"
        "(2)場所 議場\n"
        "(3)出席者\n"
        "議長 前田 太郎、副議長 石川 花子、木下 進\n"
        "議事の経過\n"
        "○議長（前田 太郎君） ただいまから全員協議会を開きます。\n"
        "（「異議なし」と呼ぶ者あり）\n"
        "以上\n";
    const auto r = import_text(text, "city-kaigiroku");
    INFO(r.messages());
    REQUIRE(r.xml);
    const std::string& x = *r.xml;
    INFO(x);
    CHECK(x.find("<datetime date=\"2025-01-20\" weekday=\"月\" start=\"10:00\" end=\"11:00\"/>") != std::string::npos);
    CHECK(element_text(x, "<venue") == "議場");
    CHECK(x.find("<interjection>異議なし</interjection>") != std::string::npos);
    CHECK(x.find("<speech by=") != std::string::npos);

    const std::string plain =
        "テスト協議会\n議事要旨\n日　　時　令和７年３月25日（火）午後２時から午後３時まで\n会　　場　第一会議室\n"
        "出 席 者　前田委員、田中委員\n議事概要\n（１）報告\n・意見です。\n";
    const auto u = import_text(plain, "tokyo-gijiyoshi");
    INFO(u.messages());
    REQUIRE(u.xml);
    CHECK(u.diags.warning_count() == 0);
    CHECK(u.xml->find("<datetime date=\"2025-03-25\" weekday=\"火\" start=\"14:00\" end=\"15:00\"/>") != std::string::npos);
    CHECK(element_text(*u.xml, "<venue") == "第一会議室");
    CHECK(u.xml->find("<person id=\"田中\" name=\"田中\" title=\"委員\"/>") != std::string::npos);
}

TEST_CASE("variants: a speaker missing from the list is kept, named, with a warning; an answer opening a list is kept as text") {
    const std::string text =
        "テスト協議会\n議事録\n１ 出席者 前田座長、田中委員\n議事\n○前田座長　始めます。\n○佐々木委員　質問があります。\n"
        "（１）報告\n→回答だけがある。\n";
    const auto r = import_text(text, "ministry-gijiroku");
    INFO(r.messages());
    REQUIRE(r.xml);
    CHECK(r.count("W604") == 1);
    CHECK(r.xml->find("<group id=\"佐々木委員\" kind=\"other\" name=\"佐々木委員\"/>") != std::string::npos);
    CHECK(r.xml->find("<speech by=\"佐々木委員\">") != std::string::npos);
    CHECK(r.count("W601") == 1);
    CHECK(r.xml->find("<p>→回答だけがある。</p>") != std::string::npos);
}
