// Templates as data: the three shipped templates load and say what their pages are; hostile
// templates are refused with the documented code at the exact line:col; extends and cycles.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "core/units.hpp"
#include "style_test_support.hpp"

using namespace gijiroku;
using namespace style_test;
namespace fs = std::filesystem;

namespace {

std::optional<style::Template> load(const std::string& name_or_path, Diagnostics& d) {
    return style::load_template(name_or_path, templates_dir(), d);
}

struct Expect {
    const char* file;
    const char* code;
    unsigned line, column;
};

}  // namespace

TEST_CASE("the shipped templates load without any diagnostic") {
    for (const char* id : {"tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"}) {
        Diagnostics d;
        auto t = load(id, d);
        INFO(id << "\n" << all_messages(d));
        REQUIRE(t);
        CHECK(d.empty());
        CHECK(t->id == id);
        CHECK_FALSE(t->description.empty());
    }
}

TEST_CASE("list_templates names every shipped template with its description") {
    auto list = style::list_templates(templates_dir());
    std::vector<std::string> ids;
    for (const auto& i : list) {
        ids.push_back(i.id);
        CHECK(i.valid);
        CHECK_FALSE(i.description.empty());
    }
    CHECK(ids == std::vector<std::string>{"city-kaigiroku", "ministry-gijiroku", "tokyo-gijiyoshi"});
}

TEST_CASE("tokyo-gijiyoshi: A4, 10.5 pt, 40 zw x 36 lines at 18 pt, measure centred") {
    Diagnostics d;
    auto t = load("tokyo-gijiyoshi", d);
    REQUIRE(t);
    const style::PageSetup& p = t->page;
    CHECK(p.width_pt == Approx(units::mm_to_pt(210)));
    CHECK(p.height_pt == Approx(units::mm_to_pt(297)));
    CHECK(p.body_size_pt == 10.5);
    CHECK(p.chars_per_line == 40);
    CHECK(p.lines_per_page == 36);
    CHECK(p.line_pitch_pt == 18);
    // typesetting.md §4.7: measure 40 zw = 148.2 mm, side margins ≈ 30.9 mm.
    CHECK(units::pt_to_mm(p.margin_left_pt) == Approx(30.9).margin(0.05));
    CHECK(p.margin_left_pt == Approx(p.margin_right_pt));
    CHECK(p.margin_top_pt == Approx(units::mm_to_pt(35)));
    CHECK(p.margin_top_pt + 36 * 18 + p.margin_bottom_pt == Approx(p.height_pt));
    CHECK(p.page_number_format == "- {n} -");
    CHECK_FALSE(p.page_number_at_top);
    CHECK(p.page_number_align == style::Align::center);
    CHECK(t->digits == text::DigitStyle::office);
    CHECK(t->kinsoku.level == style::KinsokuSetting::Level::very_strict);

    // typesetting.md §7.2: bullet text is 39 zw (1 zw marker box); particular values start at
    // 6 zw (34 zw), the label spread over 3 zw after a 2 zw number box.
    const style::BlockStyle* item = t->find_style("opinion-item");
    const style::BlockStyle* opinion = t->find_style("opinion");
    REQUIRE(item);
    REQUIRE(opinion);
    CHECK(item->marker_width == 1);
    CHECK(p.chars_per_line - opinion->start_indent == 39);
    const style::BlockStyle* term = t->find_style("particular-term");
    const style::BlockStyle* value = t->find_style("particular-value");
    REQUIRE(term);
    REQUIRE(value);
    CHECK(term->marker_width == 2);
    CHECK(term->jidori == 3);
    CHECK(p.chars_per_line - value->start_indent == 34);
    CHECK(t->find_style("particular")->term_width == 6);
    CHECK(t->find_style("body")->font_role == "mincho");
    CHECK(t->find_style("item-heading")->font_role == "gothic-bold");
    CHECK(t->find_style("title-kind")->letter_spacing == 1);
}

TEST_CASE("ministry-gijiroku and city-kaigiroku state their own grids") {
    Diagnostics d;
    auto m = load("ministry-gijiroku", d);
    auto c = load("city-kaigiroku", d);
    REQUIRE(m);
    REQUIRE(c);
    CHECK(m->page.body_size_pt == 12);
    CHECK(m->page.chars_per_line == 35);
    CHECK(m->page.lines_per_page == 32);
    CHECK(units::pt_to_mm(m->page.margin_bottom_pt) == Approx(29.9).margin(0.05));
    CHECK(c->page.body_size_pt == 11);
    CHECK(c->page.chars_per_line == 38);
    CHECK(units::pt_to_mm(c->page.margin_bottom_pt) == Approx(30.7).margin(0.05));
    CHECK(m->digits == text::DigitStyle::halfwidth);
    CHECK(c->digits == text::DigitStyle::fullwidth);
}

TEST_CASE("hostile templates: each refused with its code at the value's line:col") {
    const Expect cases[] = {
        {"size-zero.xml", "E405", 5, 30},
        {"size-huge.xml", "E405", 5, 36},
        {"margin-negative.xml", "E406", 4, 22},
        {"margin-zero.xml", "E406", 4, 21},
        {"chars-zero.xml", "E407", 4, 25},
        {"measure-narrow.xml", "E407", 4, 41},
        {"grid-too-wide.xml", "E407", 4, 42},
        {"lines-too-many.xml", "E407", 4, 25},
        {"pitch-small.xml", "E408", 4, 21},
        {"indent-negative.xml", "E409", 5, 41},
        {"indent-too-wide.xml", "E409", 5, 5},
        {"font-role-unknown.xml", "E410", 5, 33},
        {"font-chain-unknown.xml", "E411", 5, 32},
        {"font-absolute.xml", "E412", 5, 27},
        {"font-dotdot.xml", "E412", 5, 27},
        {"font-missing.xml", "E413", 5, 27},
        {"style-twice.xml", "E414", 6, 18},
        {"pattern-key-unknown.xml", "E415", 5, 19},
        {"mark-unknown.xml", "E415", 5, 17},
        {"pattern-syntax.xml", "E416", 5, 50},
        {"placeholder-unknown.xml", "E417", 5, 32},
        {"label-unknown.xml", "E418", 5, 37},
        {"time-pattern-bad.xml", "E419", 4, 16},
        {"page-number-no-n.xml", "E422", 5, 26},
        {"custom-paper.xml", "E423", 4, 3},
        {"extends-missing.xml", "E403", 2, 87},
        {"extends-self.xml", "E404", 2, 84},
    };
    for (const Expect& e : cases) {
        Diagnostics d;
        const std::string path = data(e.file);
        auto t = load(path, d);
        INFO(e.file << "\n" << all_messages(d));
        CHECK_FALSE(t);
        REQUIRE(d.error_count() >= 1);
        const Diagnostic& first = d.all().front();
        CHECK(first.code == e.code);
        CHECK(first.file == path);
        CHECK(first.loc == SourceLoc{e.line, e.column});
        CHECK_FALSE(first.message.empty());
        CHECK_FALSE(first.message_ja.empty());
    }
}

TEST_CASE("a grid conflict across an extends chain points at the extending template's own value") {
    // tokyo-gijiyoshi states chars-per-line="40"; the extending template's margins leave 4 mm.
    // The error belongs at the margin its author wrote, not at the installed template's line.
    Diagnostics d;
    const std::string path = data("measure-narrow-extends.xml");
    auto t = load(path, d);
    INFO(all_messages(d));
    CHECK_FALSE(t);
    REQUIRE(d.error_count() == 1);
    const Diagnostic& e = d.all().front();
    CHECK(e.code == "E407");
    CHECK(e.file == path);
    CHECK(e.loc == SourceLoc{4, 22});
    CHECK(e.hint == "leave out margin-left or margin-right to derive it from the grid");
}

TEST_CASE("messages say what is wrong and suggest the fix") {
    Diagnostics d;
    load(data("font-role-unknown.xml"), d);
    REQUIRE_FALSE(d.all().empty());
    CHECK(d.all()[0].message == "unknown font role 'mincyo'");
    CHECK(d.all()[0].hint.find("did you mean 'mincho'?") == 0);

    Diagnostics p;
    load(data("placeholder-unknown.xml"), p);
    REQUIRE_FALSE(p.all().empty());
    CHECK(p.all()[0].message == "pattern 'explanation' has no placeholder {speeker}");
    CHECK(p.all()[0].hint == "did you mean {speaker}? placeholders: {speaker}");

    Diagnostics k;
    load(data("pattern-key-unknown.xml"), k);
    REQUIRE_FALSE(k.all().empty());
    CHECK(k.all()[0].hint == "did you mean 'explanation'?");

    Diagnostics f;
    load(data("font-absolute.xml"), f);
    REQUIRE_FALSE(f.all().empty());
    CHECK(f.all()[0].message == "font file '/etc/passwd' is outside the template's folder");
}

TEST_CASE("extends: a loop of two templates is an error, not a hang") {
    Diagnostics d;
    auto t = load(data("loop-a.xml"), d);
    INFO(all_messages(d));
    CHECK_FALSE(t);
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].code == "E404");
    CHECK(d.all()[0].file == data("loop-b.xml"));
    CHECK(d.all()[0].loc == SourceLoc{2, 78});
    CHECK(d.all()[0].message == "templates extend each other in a loop: loop-a → loop-b → loop-a");
}

TEST_CASE("extends: values merge down a chain of three templates") {
    Diagnostics d;
    auto t = load(data("grandchild.xml"), d);
    INFO(all_messages(d));
    REQUIRE(t);
    CHECK(d.empty());
    CHECK(t->chain == std::vector<std::string>{"grandchild", "child-halfwidth", "tokyo-gijiyoshi"});
    CHECK(t->digits == text::DigitStyle::halfwidth);              // from the child
    CHECK(t->supplement_phrasing == style::Phrasing::nominal);    // from the child
    CHECK(t->find_style("opinion")->font_size_pt == 12);          // grandchild's own attribute
    CHECK(t->find_style("opinion")->start_indent == 1);           // kept from tokyo's style
    CHECK(t->find_label("venue")->jidori == 4);
    CHECK(t->find_label("datetime")->text == "日時");             // from tokyo
    CHECK(t->page.chars_per_line == 40);                          // from tokyo
    CHECK(t->find_pattern("opinions-heading")->text == "（主な意見等）");
    CHECK(t->find_pattern("opinions-heading")->where.file == templates_dir() + "/tokyo-gijiyoshi.xml");
}

TEST_CASE("a template is validated against template.xsd first (E1xx / E2xx from the xml module)") {
    Diagnostics d;
    CHECK_FALSE(load(data("schema-unknown-element.xml"), d));
    REQUIRE_FALSE(d.all().empty());
    CHECK(d.all()[0].code.substr(0, 2) == "E2");
    CHECK(d.all()[0].loc == SourceLoc{4, 3});

    Diagnostics x;
    CHECK_FALSE(load(data("not-xml.xml"), x));
    REQUIRE_FALSE(x.all().empty());
    CHECK(x.all()[0].code.substr(0, 2) == "E1");
}

TEST_CASE("an id that differs from the file name is a warning") {
    Diagnostics d;
    auto t = load(data("id-mismatch-file.xml"), d);
    REQUIRE(t);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "W401");
    CHECK(d.all()[0].loc == SourceLoc{2, 61});
}

TEST_CASE("an unknown template name suggests the installed ones") {
    Diagnostics d;
    CHECK_FALSE(load("tokyo-gijiyosi", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "E401");
    CHECK(d.all()[0].hint.find("did you mean 'tokyo-gijiyoshi'?") == 0);
}

TEST_CASE("font files: inside the template's folder only, symbolic links included") {
    const fs::path dir = fs::temp_directory_path() / "gijiroku-style-fonts";
    fs::remove_all(dir);
    fs::create_directories(dir / "mine" / "fonts");
    { std::ofstream(dir / "mine" / "fonts" / "Mine.ttf") << "not really a font"; }
    fs::create_directory_symlink("/etc", dir / "mine" / "etc-link");
    const std::string head =
        "<?xml version=\"1.0\"?>\n<template xmlns=\"urn:gijiroku:template:1\" version=\"1.0\" id=\"mine\">\n"
        "  <description>own font</description>\n  <fonts>\n";
    const std::string tail = "  </fonts>\n</template>\n";

    {
        std::ofstream(dir / "mine" / "template.xml")
            << head << "    <font id=\"mine\" file=\"fonts/Mine.ttf\" family=\"わたしの明朝\"/>\n"
            << "    <role name=\"mincho\" chain=\"mine ipamj-mincho\"/>\n" << tail;
        Diagnostics d;
        auto t = style::load_template("mine", dir.string(), d);
        INFO(all_messages(d));
        REQUIRE(t);
        REQUIRE(t->fonts.size() == 1);
        CHECK(t->fonts[0].path == fs::weakly_canonical(dir / "mine" / "fonts" / "Mine.ttf").string());
        CHECK(t->fonts[0].family == "わたしの明朝");
        REQUIRE(t->font_roles.size() == 1);
        CHECK(t->font_roles[0].chain == std::vector<std::string>{"mine", "ipamj-mincho"});
    }
    {
        std::ofstream(dir / "mine" / "template.xml")
            << head << "    <font id=\"evil\" file=\"etc-link/passwd\"/>\n" << tail;
        Diagnostics d;
        CHECK_FALSE(style::load_template("mine", dir.string(), d));
        REQUIRE_FALSE(d.all().empty());
        CHECK(d.all()[0].code == "E412");
        CHECK(d.all()[0].loc == SourceLoc{5, 27});
    }
    fs::remove_all(dir);
}

TEST_CASE("the default font names are those of fonts/fonts.xml") {
    Diagnostics d;
    auto names = style::read_font_names(source("fonts/fonts.xml"), d);
    REQUIRE(names);
    const style::FontNames defaults;
    CHECK(names->roles == defaults.roles);
    CHECK(names->font_ids == defaults.font_ids);
}

TEST_CASE("every pattern key resolve uses is known, and the shipped templates define them all") {
    for (const char* id : {"tokyo-gijiyoshi", "ministry-gijiroku", "city-kaigiroku"}) {
        Diagnostics d;
        auto t = load(id, d);
        REQUIRE(t);
        for (const char* key :
             {"provisional", "subtitle", "issuer", "published", "datetime", "venue.in-person", "venue.online",
              "venue.hybrid", "venue.written", "attendee", "attendance.group-caption", "attendance.absent-caption",
              "attendance.notes", "attendance.size", "separator", "observers", "observers.none", "handout",
              "handout-ref", "next-meeting", "proceedings-heading", "item-heading", "explanation",
              "explanation.handouts", "opinions-heading", "opinion", "question", "answer", "qa.question", "qa.answer",
              "supplement.verbal", "supplement.nominal", "information.verbal", "information.nominal", "speaker",
              "speaker.with-role", "speaker.group", "speech-turn", "interjection.voice", "interjection.applause",
              "interjection.laughter", "interjection.other", "decision.text", "decision.kind", "closed-session", "end",
              "contact-heading", "contact.office", "contact.phone", "contact.fax", "contact.email", "contact.url",
              "quote"}) {
            INFO(id << " " << key);
            CHECK(style::pattern_placeholders(key));
            CHECK(t->find_pattern(key));
        }
    }
}
