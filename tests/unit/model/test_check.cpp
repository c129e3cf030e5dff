// Every rule of model::check against a fixture in tests/data/model/ that breaks it, asserting
// the exact codes and line:col of the whole diagnostic list. The positions were taken from the
// fixtures' text (the attribute or character each fixture changes), not from check's output.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "model_test_support.hpp"

using namespace model_test;

namespace {

// The check diagnostics of a fixture as "CODE@line:col ...", after asserting that it is
// schema-valid and builds without a word.
std::string check_briefs(const std::string& fixture) {
    const Loaded r = load_file(data_path(fixture));
    INFO(fixture);
    INFO(messages(r.read_diags));
    REQUIRE(r.minutes);
    REQUIRE(r.read_diags.empty());
    return briefs(r.check_diags);
}

}  // namespace

TEST_CASE("E301: a weekday that disagrees with the date, at the weekday attribute") {
    // The seed with 火曜日 changed to 水曜日 (examples/tokyo-2025-03-25.xml line 16).
    CHECK(check_briefs("seed-weekday-wednesday.xml") == "E301@16:33");
    CHECK(check_briefs("weekday-next-meeting.xml") == "E301@20:37");

    const Loaded r = load_file(data_path("seed-weekday-wednesday.xml"));
    REQUIRE(r.check_diags.all().size() == 1);
    const auto& d = r.check_diags.all()[0];
    CHECK(d.severity == gijiroku::Severity::error);
    // Says which weekday the date is.
    CHECK(d.message.find("Tuesday (火曜日)") != std::string::npos);
    CHECK(d.message_ja.find("2025-03-25 は火曜日です") != std::string::npos);
    CHECK(d.hint.find("weekday=\"火曜日\"") != std::string::npos);
    CHECK(!d.hint_ja.empty());
}

TEST_CASE("E302–E304: fiscal year, era year and calendar year") {
    CHECK(check_briefs("fiscal-year-outside.xml") == "E302@8:15");
    {
        const Loaded r = load_file(data_path("fiscal-year-outside.xml"));
        const auto& d = r.check_diags.all().at(0);
        // 令和６年度 covers 2024-04-01 to 2025-03-31; 2025-04-02 is in 令和７年度.
        CHECK(d.message.find("2024-04-01 to 2025-03-31") != std::string::npos);
        CHECK(d.message_ja.find("2024-04-01～2025-03-31") != std::string::npos);
        CHECK(d.hint.find("FY2025 (令和7年度)") != std::string::npos);
    }
    // R6 is 令和6; FY2019 may be written 令和元 or H31 (平成31).
    CHECK(check_briefs("fiscal-year-r6-inside.xml").empty());
    CHECK(check_briefs("fiscal-year-reiwa-gannen.xml").empty());
    CHECK(check_briefs("fiscal-year-h31.xml").empty());

    CHECK(check_briefs("era-heisei-32.xml") == "E303@5:14");
    CHECK(check_briefs("era-reiwa-0.xml") == "E303@5:14");
    CHECK(check_briefs("era-showa-64.xml") == "E303@5:14");
    {
        const Loaded r = load_file(data_path("era-heisei-32.xml"));
        // 平成32 would have been 2020 = 令和2.
        CHECK(r.check_diags.all().at(0).hint.find("fiscal-year=\"令和2\"") != std::string::npos);
    }
    CHECK(check_briefs("calendar-year.xml") == "E304@5:14");
}

TEST_CASE("E305, W318, W319, W322, W331: times and dates in order") {
    CHECK(check_briefs("time-order.xml") == "E305@8:47 E305@8:74 W318@8:74");
    CHECK(check_briefs("time-24.xml") == "E305@8:33");
    CHECK(check_briefs("time-outside.xml") == "W318@8:59 W318@8:74");
    CHECK(check_briefs("next-meeting-before.xml") == "W319@20:19");
    CHECK(check_briefs("two-datetimes.xml") == "W322@9:5");
    CHECK(check_briefs("published-before.xml") == "W331@6:16");
}

TEST_CASE("E306: a duplicate id points at the second and names the first's line") {
    CHECK(check_briefs("duplicate-id.xml") == "E306@14:17");
    CHECK(check_briefs("duplicate-id-item.xml") == "E306@27:13");
    const Loaded r = load_file(data_path("duplicate-id.xml"));
    CHECK(r.check_diags.all().at(0).message.find("line 11") != std::string::npos);
}

TEST_CASE("E307: references resolve, to the right kind, with a suggestion") {
    CHECK(check_briefs("unknown-speaker.xml") == "E307@25:18");
    {
        const Loaded r = load_file(data_path("unknown-speaker.xml"));
        CHECK(r.check_diags.all().at(0).message.find("did you mean \"iwasaki\"?") != std::string::npos);
    }
    CHECK(check_briefs("unknown-speaker-no-guess.xml") == "E307@25:18");
    {
        const Loaded r = load_file(data_path("unknown-speaker-no-guess.xml"));
        CHECK(r.check_diags.all().at(0).message.find("did you mean") == std::string::npos);
    }
    // Wrong kind: a handout-ref naming a person, a person-ref naming a handout.
    CHECK(check_briefs("handout-ref-person.xml") == "E307@25:31");
    CHECK(check_briefs("person-ref-handout.xml") == "E307@25:30");
    // handouts="h1 h2": the column of the unknown token itself.
    CHECK(check_briefs("explanation-handouts.xml") == "E307@24:48");
}

TEST_CASE("E308: an absentee speaks, at the `by` attribute, naming the absence line") {
    // The seed with an opinion given by="se" (瀨委員, absent at line 34).
    CHECK(check_briefs("seed-absentee-speaks.xml") == "E308@52:18");
    CHECK(check_briefs("seed-absentee-supplement.xml") == "E308@71:19");
    const Loaded r = load_file(data_path("seed-absentee-speaks.xml"));
    const auto& d = r.check_diags.all().at(0);
    CHECK(d.message.find("瀨委員") != std::string::npos);
    CHECK(d.message.find("line 34") != std::string::npos);
    CHECK(d.message_ja.find("34行目") != std::string::npos);

    CHECK(check_briefs("absentee-speech.xml") == "E308@24:15 E308@27:20");
    // Represented by a proxy (代理出席): may speak.
    CHECK(check_briefs("absentee-with-proxy.xml").empty());
}

TEST_CASE("E309: an answer follows an opinion or question") {
    CHECK(check_briefs("answer-first.xml") == "E309@25:9 E309@31:9 E309@35:9");
}

TEST_CASE("W310, W325: labels and indentation the template generates") {
    CHECK(check_briefs("hand-numbering.xml") ==
          "W310@25:18 W310@26:18 W310@27:18 W310@28:18 W310@29:18 W310@30:32 W310@35:10 W310@36:13 "
          "W310@37:14");
    CHECK(check_briefs("hand-indent.xml") == "W325@25:18");
}

TEST_CASE("W311: one number mixing half-width and full-width digits") {
    CHECK(check_briefs("mixed-digits.xml") == "W311@14:62 W311@26:24");
}

TEST_CASE("E312–W315: characters, at the character") {
    CHECK(check_briefs("characters.xml") ==
          "W315@14:34 E312@26:20 E313@27:21 E314@28:18 E314@29:23 E314@29:31 E314@30:27 W315@31:20 "
          "W315@31:25");
}

TEST_CASE("E316: empty paragraphs and entries; a reference is content, a decision may be empty") {
    CHECK(check_briefs("empty-text.xml") == "E316@25:9 E316@26:9 E316@29:7");
}

TEST_CASE("E317: only http, https and mailto links") {
    CHECK(check_briefs("link-scheme.xml") == "E317@25:28 E317@26:28 E317@27:28 E317@34:10");
}

TEST_CASE("structure warnings and errors: W321, W333, E326, E327") {
    CHECK(check_briefs("untitled-item.xml") == "W321@27:7");
    CHECK(check_briefs("procedure-kind.xml") == "W333@27:7");
    CHECK(check_briefs("particular-mixed.xml") == "E326@20:28");
    CHECK(check_briefs("interjection-empty.xml") == "E327@27:7");
}

TEST_CASE("attendance: W323, W324, W328, W329, W332") {
    CHECK(check_briefs("speaker-observers.xml") == "W323@25:15");
    CHECK(check_briefs("repeated-name.xml") == "W324@14:9");
    CHECK(check_briefs("proxy-present.xml") == "W328@14:9");
    CHECK(check_briefs("absent-online.xml") == "W329@14:9");
    CHECK(check_briefs("attendance-size.xml") == "W332@9:5");
}

TEST_CASE("every diagnostic has both languages and a hint") {
    for (const char* f : {"characters.xml", "link-scheme.xml", "answer-first.xml", "era-showa-64.xml",
                          "hand-numbering.xml", "empty-text.xml", "time-order.xml"}) {
        const Loaded r = load_file(data_path(f));
        for (const auto& d : r.check_diags.all()) {
            INFO(f << " " << brief(d));
            CHECK(!d.message.empty());
            CHECK(!d.message_ja.empty());
            CHECK(!d.hint.empty());
            CHECK(!d.hint_ja.empty());
            CHECK(d.file == data_path(f));
        }
    }
}

TEST_CASE("check_rules lists unique codes, each documented in docs/diagnostics.md") {
    const std::string doc = slurp(std::string(GIJIROKU_SOURCE_DIR) + "/docs/diagnostics.md");
    std::set<std::string_view> seen;
    for (const auto& rule : gijiroku::model::check_rules()) {
        INFO(rule.code);
        CHECK(seen.insert(rule.code).second);
        CHECK((rule.code[0] == 'E') == (rule.severity == gijiroku::Severity::error));
        CHECK(doc.find("| " + std::string(rule.code) + " |") != std::string::npos);
    }
    for (const char* build_code : {"E320", "E330"}) CHECK(doc.find("| " + std::string(build_code) + " |") != std::string::npos);
}
