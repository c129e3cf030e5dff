// Wording patterns (style/pattern.hpp): placeholders, optional parts, escapes, errors.
#include <catch2/catch.hpp>

#include "style/pattern.hpp"

using namespace gijiroku::style;

namespace {

std::string run(const std::string& pattern, const PatternValues& v) {
    PatternError err;
    auto p = parse_pattern(pattern, err);
    REQUIRE(p);
    auto labels = [](std::string_view key) { return key == "contact" ? std::string("問合せ先") : std::string("?"); };
    return plain_text(expand_pattern(*p, v, labels));
}

PatternError fail(const std::string& pattern) {
    PatternError err;
    CHECK_FALSE(parse_pattern(pattern, err));
    return err;
}

}  // namespace

TEST_CASE("optional parts print only when every value in them is present") {
    const std::string supp = "（{speaker}から[{about}について]補足）";
    PatternValues v;
    v.set_text("speaker", "岩﨑委員").set_text("about", "多摩");
    CHECK(run(supp, v) == "（岩﨑委員から多摩について補足）");
    PatternValues w;
    w.set_text("speaker", "冨田副会長");
    CHECK(run(supp, w) == "（冨田副会長から補足）");
    w.set_text("about", "");
    CHECK(run(supp, w) == "（冨田副会長から補足）");
}

TEST_CASE("nested optional parts decide for themselves") {
    const std::string p = "（非公開[：{reason}[（{article}）]]）";
    PatternValues none;
    CHECK(run(p, none) == "（非公開）");
    PatternValues reason;
    reason.set_text("reason", "個人情報");
    CHECK(run(p, reason) == "（非公開：個人情報）");
    reason.set_text("article", "第６条");
    CHECK(run(p, reason) == "（非公開：個人情報（第６条））");
    PatternValues only_inner;
    only_inner.set_text("article", "第６条");
    CHECK(run(p, only_inner) == "（非公開）");
}

TEST_CASE("conditions print nothing but gate their part") {
    const std::string p = "[{?extraordinary}臨時 ]{body}";
    PatternValues v;
    v.set_text("body", "協議会").set_flag("extraordinary", true);
    CHECK(run(p, v) == "臨時 協議会");
    v.set_flag("extraordinary", false);
    CHECK(run(p, v) == "協議会");
}

TEST_CASE("label words and escapes") {
    PatternValues v;
    CHECK(run("【{@contact}】", v) == "【問合せ先】");
    CHECK(run("\\{n\\} \\[注\\] \\\\", v) == "{n} [注] \\");
}

TEST_CASE("values are nodes: a value keeps its role, text around it merges") {
    PatternError err;
    auto p = parse_pattern("{date}から", err);
    REQUIRE(p);
    Node t;
    t.role = Role::time;
    t.datetime = "2025-03-25";
    t.children.push_back(text_node("令和７年３月25日"));
    PatternValues v;
    v.set("date", {t});
    auto out = expand_pattern(*p, v, [](std::string_view) { return std::string(); });
    REQUIRE(out.size() == 2);
    CHECK(out[0].role == Role::time);
    CHECK(out[0].datetime == "2025-03-25");
    CHECK(out[1].role == Role::text);
    CHECK(out[1].text == "から");
}

TEST_CASE("syntax errors name the offending byte") {
    CHECK(fail("（{speaker}から[{about}について補足）").offset == std::string("（{speaker}から").size());
    CHECK(fail("{speaker").offset == 0);
    CHECK(fail("abc}").offset == 3);
    CHECK(fail("a]").offset == 1);
    CHECK(fail("{}").offset == 0);
    CHECK(fail("{spe aker}").offset == 0);
    CHECK(fail("a\\b").offset == 1);
    CHECK(fail("行1\n行2").offset == std::string("行1").size());
}

TEST_CASE("pattern_names lists values, conditions and labels") {
    PatternError err;
    auto p = parse_pattern("[{?a}{b}]{@c}{d}", err);
    REQUIRE(p);
    std::vector<const PatternPart*> values, labels;
    pattern_names(*p, values, labels);
    REQUIRE(values.size() == 3);
    CHECK(values[0]->text == "a");
    CHECK(values[0]->kind == PatternPart::Kind::condition);
    CHECK(values[1]->text == "b");
    CHECK(values[2]->text == "d");
    REQUIRE(labels.size() == 1);
    CHECK(labels[0]->text == "c");
}
