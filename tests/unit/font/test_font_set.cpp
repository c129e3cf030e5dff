// font::FontSet and itemize(): per-cluster fallback along a role's chain (typesetting.md §6.3),
// lazy opening of the fallback, misses named with the fonts tried (DESIGN §3 "Fonts").
#include <catch2/catch.hpp>

#include <thread>

#include "font/font_set.hpp"
#include "font/itemize.hpp"
#include "font_test_util.hpp"

using namespace gijiroku;
using namespace gijiroku::font;

namespace {

// The spec fonts/fonts.xml describes, with paths resolved.
FontSetSpec shipped_spec(std::string ipamj = font_test::ipamj_path()) {
    FontSetSpec spec;
    spec.faces = {
        {"bizud-mincho", font_test::mincho_path(), "BIZ UD明朝", false, 0, true},
        {"bizud-gothic", font_test::gothic_path(), "BIZ UDゴシック", false, 0, true},
        {"bizud-gothic-bold", font_test::gothic_bold_path(), "BIZ UDゴシック", false, 0, true},
        {"ipamj-mincho", std::move(ipamj), "IPAmj明朝", true, 0, false},
    };
    spec.chains = {
        {"mincho", {"bizud-mincho", "ipamj-mincho"}},
        {"gothic", {"bizud-gothic", "ipamj-mincho"}},
        {"gothic-bold", {"bizud-gothic-bold", "ipamj-mincho"}},
    };
    return spec;
}

FontSet shipped_set(std::string ipamj = font_test::ipamj_path()) {
    Diagnostics diags;
    FontSet set = FontSet::build(shipped_spec(std::move(ipamj)), diags, "fonts.xml");
    REQUIRE(diags.empty());
    return set;
}

constexpr std::size_t mincho = 0, ipamj = 3;

}  // namespace

TEST_CASE("building a font set opens no font", "[font][set]") {
    const FontSet set = shipped_set();
    CHECK(set.face_count() == 4);
    CHECK(set.roles() == std::vector<std::string>{"mincho", "gothic", "gothic-bold"});
    const auto chain = set.chain("mincho");
    CHECK(std::vector<std::size_t>(chain.begin(), chain.end()) == std::vector<std::size_t>{mincho, ipamj});
    CHECK(set.find_face("ipamj-mincho") == ipamj);
    CHECK_FALSE(set.find_face("noto"));
    CHECK(set.chain("body").empty());
    for (std::size_t i = 0; i < set.face_count(); ++i) CHECK_FALSE(set.is_opened(i));
}

TEST_CASE("itemize 吉𠮷﨑: BIZ UD, IPAmj, BIZ UD", "[font][set][itemize]") {
    const FontSet set = shipped_set();
    const ItemizeResult r = itemize(set, "mincho", U"吉𠮷﨑");
    CHECK(r.misses.empty());
    CHECK_FALSE(r.unknown_role);
    CHECK(r.runs == std::vector<Run>{{mincho, 0, 1}, {ipamj, 1, 2}, {mincho, 2, 3}});
    CHECK(set.is_opened(ipamj));
}

TEST_CASE("text BIZ UD covers never opens the IPAmj fallback", "[font][set][itemize]") {
    const FontSet set = shipped_set();
    // The seed's names and punctuation (typesetting.md §0), a variation sequence BIZ UD has, a
    // control character and a combining sound mark.
    const std::u32string text =
        U"議事要旨　前田委員（会長）、岩﨑委員、髙山委員、瀨、等々力委員。３月2５日～\u845B\U000E0100\nか\u3099";
    const ItemizeResult r = itemize(set, "mincho", text);
    CHECK(r.misses.empty());
    CHECK(r.runs == std::vector<Run>{{mincho, 0, text.size()}});
    CHECK(set.is_opened(mincho));
    CHECK_FALSE(set.is_opened(ipamj));
    CHECK_FALSE(set.is_opened(1));
    CHECK(set.load_diagnostics(ipamj).empty());
}

TEST_CASE("variation sequences choose the face that has the exact sequence", "[font][set][itemize]") {
    const FontSet set = shipped_set();
    // 葛+E0100 (Adobe-Japan1) is BIZ UD's; 葛+E0102 (Moji_Joho) only IPAmj's (typesetting.md §6.2).
    const std::u32string text = U"葛\U000E0100葛\U000E0102葛";
    const ItemizeResult r = itemize(set, "mincho", text);
    CHECK(r.misses.empty());
    CHECK(r.runs == std::vector<Run>{{mincho, 0, 2}, {ipamj, 2, 4}, {mincho, 4, 5}});
}

TEST_CASE("a sequence no font has is a miss naming the fonts tried", "[font][set][itemize]") {
    const FontSet set = shipped_set();
    const std::u32string text = U"岩葛\U000E01EF委員";
    const ItemizeResult r = itemize(set, "mincho", text);
    REQUIRE(r.misses.size() == 1);
    const Miss& m = r.misses[0];
    CHECK(m.begin == 1);
    CHECK(m.end == 3);
    CHECK(m.code_points == U"葛\U000E01EF");
    CHECK(m.faces_tried == std::vector<std::size_t>{mincho, ipamj});
    CHECK_FALSE(m.downgraded);
    // The whole text is still covered by runs; the miss stays with the face before it.
    CHECK(r.runs == std::vector<Run>{{mincho, 0, text.size()}});

    const Diagnostic d = miss_diagnostic(set, m, "minutes.xml", SourceLoc{12, 5});
    CHECK(d.code == "E520");
    CHECK(d.severity == Severity::error);
    CHECK(d.file == "minutes.xml");
    CHECK(d.loc == SourceLoc{12, 5});
    CHECK(d.message.find("U+845B U+E01EF") != std::string::npos);
    CHECK(d.message.find("fonts tried: BIZ UD明朝, IPAmj明朝") != std::string::npos);
    CHECK(d.message_ja.find("BIZ UD明朝, IPAmj明朝") != std::string::npos);
    CHECK_FALSE(d.hint.empty());
}

TEST_CASE("allow_base_glyph downgrades an unsupported sequence to its base", "[font][set][itemize]") {
    const FontSet set = shipped_set();
    const std::u32string text = U"𠮷葛\U000E01EF";
    ItemizeOptions options;
    options.allow_base_glyph = true;
    const ItemizeResult r = itemize(set, "mincho", text, options);
    REQUIRE(r.misses.size() == 1);
    CHECK(r.misses[0].downgraded);
    CHECK(r.misses[0].face == mincho);  // the first face with 葛
    CHECK(r.runs == std::vector<Run>{{ipamj, 0, 1}, {mincho, 1, 3}});
    const Diagnostic d = miss_diagnostic(set, r.misses[0], "minutes.xml", SourceLoc{3, 1});
    CHECK(d.code == "W520");
    CHECK(d.severity == Severity::warning);
    CHECK(d.message.find("U+845B U+E01EF") != std::string::npos);
    CHECK(d.message.find("BIZ UD明朝") != std::string::npos);

    // A character nobody has stays an error even with the option: U+0378 is unassigned.
    const ItemizeResult none = itemize(set, "mincho", U"\u0378", options);
    REQUIRE(none.misses.size() == 1);
    CHECK_FALSE(none.misses[0].downgraded);
    CHECK(none.misses[0].faces_tried == std::vector<std::size_t>{mincho, ipamj});
}

TEST_CASE("a missing fallback font surfaces at first use", "[font][set][itemize]") {
    font_test::TempDir dir;
    REQUIRE(dir.ok());
    const std::string gone = dir.file("ipamjm.ttf");
    const FontSet set = shipped_set(gone);

    const ItemizeResult plain = itemize(set, "mincho", U"岩﨑");
    CHECK(plain.misses.empty());
    CHECK(plain.unavailable_faces.empty());
    CHECK_FALSE(set.is_opened(ipamj));

    const ItemizeResult r = itemize(set, "mincho", U"吉𠮷");
    CHECK(r.unavailable_faces == std::vector<std::size_t>{ipamj});
    REQUIRE(r.misses.size() == 1);
    CHECK(r.misses[0].faces_tried == std::vector<std::size_t>{mincho});
    CHECK(r.runs == std::vector<Run>{{mincho, 0, 2}});
    const auto load = set.load_diagnostics(ipamj);
    REQUIRE(load.size() == 1);
    CHECK(load[0].code == "E501");
    CHECK(load[0].file == gone);
    Diagnostics diags;
    set.report_load_diagnostics(diags);
    CHECK(diags.error_count() == 1);
    CHECK(set.face(ipamj) == nullptr);
}

TEST_CASE("itemize edge cases", "[font][set][itemize]") {
    const FontSet set = shipped_set();
    CHECK(itemize(set, "body", U"あ").unknown_role);
    CHECK(itemize(set, "mincho", U"").runs.empty());
    // Only invisible characters: one run on the first face, no misses.
    const ItemizeResult ctrl = itemize(set, "mincho", U"\n\u200B");
    CHECK(ctrl.misses.empty());
    CHECK(ctrl.runs == std::vector<Run>{{mincho, 0, 2}});
    // A leading control joins the first real run.
    const ItemizeResult lead = itemize(set, "mincho", U"\t𠮷");
    CHECK(lead.runs == std::vector<Run>{{ipamj, 0, 2}});
    // Clusters: base + selector + marks; ZWJ joins.
    const std::u32string t = U"葛\U000E0100\u3099a\u200Db";
    CHECK(cluster_end(t, 0) == 3);
    CHECK(cluster_end(t, 3) == 5);
    CHECK(cluster_end(t, 5) == 6);
    CHECK(cluster_end(t, 6) == 6);
}

TEST_CASE("font set spec errors", "[font][set]") {
    FontSetSpec spec = shipped_spec();
    spec.faces.push_back({"bizud-mincho", "/elsewhere.ttf", "dup", false, 0, false});
    spec.chains.push_back({"mincho", {"bizud-mincho"}});
    spec.chains.push_back({"body", {"bizud-mincho", "noto-serif"}});
    spec.chains.push_back({"empty", {"nothing"}});
    Diagnostics diags;
    const FontSet set = FontSet::build(spec, diags, "fonts.xml");
    std::vector<std::string> codes;
    for (const Diagnostic& d : diags.all()) {
        codes.push_back(d.code);
        CHECK(d.file == "fonts.xml");
        CHECK_FALSE(d.message_ja.empty());
    }
    CHECK(codes == std::vector<std::string>{"E511", "E514", "E512", "E512", "E513"});
    CHECK(set.face_count() == 4);
    CHECK(set.face_spec(0).path == font_test::mincho_path());  // the first definition wins
    const auto body = set.chain("body");
    CHECK(std::vector<std::size_t>(body.begin(), body.end()) == std::vector<std::size_t>{mincho});
    CHECK_FALSE(set.has_role("empty"));
}

TEST_CASE("a font set shared by threads opens each face once", "[font][set][threads]") {
    const FontSet set = shipped_set();
    std::vector<const Face*> seen(8, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            const ItemizeResult r = itemize(set, "gothic", U"吉𠮷﨑");
            if (r.runs.size() == 3 && r.misses.empty()) seen[t] = set.face(ipamj);
        });
    for (auto& th : threads) th.join();
    for (const Face* f : seen) {
        CHECK(f != nullptr);
        CHECK(f == seen[0]);
    }
    CHECK_FALSE(set.is_opened(mincho));  // the gothic chain does not touch the mincho face
}
