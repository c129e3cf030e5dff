// Random StyledDoc trees, hostile strings everywhere: write never crashes, and whatever it
// returns is well-formed XML (our strict reader for all of them, expat for a sample) with no
// character XML forbids and no link but http, https and mailto.
#include <catch2/catch.hpp>

#include <random>

#include "probe.hpp"
#include "seed_doc.hpp"
#include "core/utf8.hpp"
#include "xhtml/escape.hpp"
#include "xhtml/xhtml.hpp"

using namespace gijiroku;
using style::Node;
using style::Role;

namespace {

const char* const texts[] = {"議事要旨", "A & B <議事録>", "\"quoted\" 'x'", "]]>", "&amp;", "\x01\x02",
                             "\xC0\xAF", "\xEF\xBF\xBE", "岩﨑\U000E0100", "𠮷", "<script>alert(1)</script>",
                             " ", "", "\r\n", "--><!--", "<![CDATA[x]]>", "\xE2\x80\xAE右から左"};
const char* const hrefs[] = {"https://example.jp/?a=1&b=2", "javascript:alert(1)", "mailto:x@example.jp",
                             "http://", "data:,x", "https://a.jp/\"onmouseover=\"x", ""};
const char* const langs[] = {"", "en", "zh-Hant", "x y", "\"", "ja-Latn"};
const char* const datetimes[] = {"2025-03-25T18:30+09:00", "2025-02-30", "", "<", "18:30"};
const char* const classes[] = {"", "answer", "a\"b", "<x>", "absent present"};

struct Gen {
    std::mt19937 rng;
    explicit Gen(unsigned seed) : rng(seed) {}
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
    template <class T, std::size_t N>
    const char* any(T (&a)[N]) {
        return a[pick(N)];
    }

    Node random_node(int depth, int nstyles) {
        Node n;
        n.role = static_cast<Role>(pick(static_cast<std::size_t>(Role::text) + 1));
        n.style = static_cast<int>(pick(static_cast<std::size_t>(nstyles) + 1)) - 1;
        n.level = static_cast<int>(pick(8));
        n.ordered = pick(2) == 0;
        n.inline_items = pick(4) == 0;
        n.marker = pick(4) == 0;
        n.text = any(texts);
        n.lang = any(langs);
        n.alt = pick(3) == 0 ? any(texts) : "";
        n.href = any(hrefs);
        n.reading = pick(2) == 0 ? any(texts) : "";
        n.datetime = any(datetimes);
        n.css_class = any(classes);
        if (depth > 0 && n.role != Role::text) {
            const std::size_t k = pick(4);
            for (std::size_t i = 0; i < k; ++i) n.children.push_back(random_node(depth - 1, nstyles));
        }
        return n;
    }
};

}  // namespace

TEST_CASE("random trees with hostile strings give well-formed XML or an error, never a crash") {
    const auto seed_styles = xhtml::test::seed_doc().styles;
    std::size_t written = 0, refused = 0, probed = 0;
    for (unsigned seed = 1; seed <= 2000; ++seed) {
        Gen g(seed);
        style::StyledDoc doc;
        doc.title = g.any(texts);
        doc.lang = g.any(langs);
        doc.styles = seed_styles;
        doc.css = g.pick(3) == 0 ? ".x { color: red }" : "";
        doc.root.role = Role::document;
        // Half the documents start with a proper title heading so that more of them are written.
        if (seed % 2 == 0) {
            Node h = xhtml::test::node(Role::heading, 0, {xhtml::test::text("題")});
            h.level = 1;
            doc.root.children.push_back(h);
        }
        const std::size_t k = 1 + g.pick(6);
        for (std::size_t i = 0; i < k; ++i) doc.root.children.push_back(g.random_node(4, static_cast<int>(doc.styles.size())));

        Diagnostics d;
        const std::string x = xhtml::write(doc, xhtml::XhtmlOptions{}, d);
        INFO("seed " << seed);
        if (x.empty()) {
            CHECK(d.has_errors());
            ++refused;
            continue;
        }
        ++written;
        CHECK_FALSE(d.has_errors());
        CHECK(xhtml::visible_text(x).has_value());
        // No forbidden character, no javascript: or data: link.
        std::size_t pos = 0;
        bool clean = true;
        while (pos < x.size()) {
            const auto c = utf8::next(x, pos);
            if (!c || !xhtml::output_char_allowed(*c)) clean = false;
        }
        CHECK(clean);
        CHECK(x.find("href=\"javascript") == std::string::npos);
        CHECK(x.find("href=\"data") == std::string::npos);
        CHECK(x.find("<script") == std::string::npos);
        if (written % 20 == 1) {
            CHECK(xhtml::test::probe(x).at(0) == "ok");
            ++probed;
        }
    }
    CHECK(written > 80);
    CHECK(refused > 80);
    CHECK(probed > 1);
}
