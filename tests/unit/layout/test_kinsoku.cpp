// Kinsoku: the one-line cases of tests/data/layout/kinsoku.txt with the 1-em mock, and a
// property test over the seed document's text with the real fonts at 10…45 em: no line starts
// with a character JLREQ level 4 forbids there, none ends with an opener, none overflows.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "test_para_fonts.hpp"
#include "test_para_mock.hpp"

using para_mock::KinsokuLevel;

namespace {

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.push_back({});
    return out;
}

struct Case {
    int line = 0;
    std::string text;
    double measure = 0;
    std::vector<std::string> expected;
    KinsokuLevel level = KinsokuLevel::very_strict;
};

std::vector<Case> read_cases() {
    std::ifstream in(GIJIROKU_TEST_DATA_DIR "/layout/kinsoku.txt");
    REQUIRE(in);
    std::vector<Case> cases;
    std::string raw;
    int number = 0;
    while (std::getline(in, raw)) {
        ++number;
        const auto hash = raw.find('#');
        const std::string line = trim(hash == std::string::npos ? raw : raw.substr(0, hash));
        if (line.empty()) continue;
        const auto fields = split(line, ';');
        INFO("kinsoku.txt:" << number);
        REQUIRE((fields.size() == 3 || fields.size() == 4));
        Case c;
        c.line = number;
        c.text = trim(fields[0]);
        c.measure = std::stod(trim(fields[1]));
        for (const auto& l : split(trim(fields[2]), '|')) c.expected.push_back(trim(l));
        if (fields.size() == 4) {
            const int level = std::stoi(trim(fields[3]));
            c.level = level == 3 ? KinsokuLevel::strict : level == 2 ? KinsokuLevel::loose : KinsokuLevel::very_strict;
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

// JLREQ level 4: cl-02 … cl-07 and cl-09 … cl-11 never start a line; cl-01 never ends one.
bool starts_badly(char32_t c) {
    using gijiroku::text::CharClass;
    switch (gijiroku::text::char_class(c)) {
        case CharClass::closing_bracket:
        case CharClass::hyphen:
        case CharClass::dividing_punctuation:
        case CharClass::middle_dot:
        case CharClass::full_stop:
        case CharClass::comma:
        case CharClass::iteration_mark:
        case CharClass::prolonged_sound_mark:
        case CharClass::small_kana: return true;
        default: return false;
    }
}

// The seed's body text as paragraphs: PDF-extracted lines joined (typesetting.md §0), each
// bullet or reply a paragraph of its own with its marker taken off.
std::vector<std::u32string> seed_paragraphs() {
    std::ifstream in(GIJIROKU_SHARED_DIR "/seeds/000_5aba5523e865b097.txt");
    REQUIRE(in);
    std::vector<std::u32string> paras;
    std::string raw;
    while (std::getline(in, raw)) {
        std::u32string line = gijiroku::utf8::decode(raw);
        while (!line.empty() && (line.back() == U' ' || line.back() == U'\r')) line.pop_back();
        while (!line.empty() && line.front() == U' ') line.erase(0, 1);
        if (line.empty()) continue;
        const bool starts = line[0] == U'・' || line[0] == U'→' || line[0] == U'（' || paras.empty() ||
                            (line.size() > 1 && line[1] == U' ');
        if (line[0] == U'・' || line[0] == U'→') line.erase(0, 1);
        if (starts)
            paras.push_back(line);
        else
            paras.back() += line;
    }
    return paras;
}

}  // namespace

TEST_CASE("kinsoku.txt one-line cases (1-em mock)", "[kinsoku]") {
    const auto cases = read_cases();
    CHECK(cases.size() >= 30);
    for (const Case& c : cases) {
        INFO("kinsoku.txt:" << c.line << "  " << c.text << " at " << c.measure << " em");
        const para_mock::Mock m = para_mock::make(gijiroku::utf8::decode(c.text), c.level);
        const auto lines = para_mock::lines_of(m, c.measure);
        CHECK(para_mock::texts(m, lines) == c.expected);
        for (const auto& l : lines) {
            const auto p = gijiroku::layout::jlreq::place_line(m.glue, l, gijiroku::layout::jlreq::LineMode::justify);
            CHECK(p.width_total <= c.measure + 1e-9);
        }
    }
}

TEST_CASE("level 4 property over the seed at 10…45 em (BIZ UD明朝)", "[kinsoku][fonts][seed]") {
    const auto paras = seed_paragraphs();
    REQUIRE(paras.size() > 40);
    std::size_t checked = 0;
    for (int m = 10; m <= 45; ++m) {
        for (const std::u32string& p : paras) {
            const std::string text = gijiroku::utf8::encode(p);
            const auto lines = para_fonts::set(para_fonts::spec(text, m));
            std::string joined;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const std::u32string lt = gijiroku::utf8::decode(lines[i].text);
                INFO(m << " em, line " << i << ": " << lines[i].text);
                REQUIRE_FALSE(lt.empty());
                if (i > 0) CHECK_FALSE(starts_badly(lt.front()));
                std::size_t e = lt.size();
                while (e > 0 && (lt[e - 1] == U' ' || lt[e - 1] == U'　')) --e;
                if (e > 0 && i + 1 < lines.size())
                    CHECK_FALSE(gijiroku::text::never_ends_line(gijiroku::text::char_class(lt[e - 1])));
                CHECK(lines[i].width_pt <= m * para_fonts::zw + 0.01);
                if (i + 1 < lines.size()) CHECK(lines[i].width_pt == Approx(m * para_fonts::zw).margin(0.01));
                joined += lines[i].text;
                ++checked;
            }
            CHECK(joined == text);
        }
    }
    CHECK(checked > 1000);
}
