#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "probe.hpp"
#include "seed_doc.hpp"
#include "xhtml/xhtml.hpp"

using namespace gijiroku;
using gijiroku::xhtml::test::count;
using gijiroku::xhtml::test::has_line;
using gijiroku::xhtml::test::label;
using gijiroku::xhtml::test::node;
using gijiroku::xhtml::test::probe;
using gijiroku::xhtml::test::strip_spaces;
using gijiroku::xhtml::test::text;
using style::Node;
using style::Role;

namespace {

// A document with an H1 and the given blocks after it.
style::StyledDoc small_doc(std::vector<Node> blocks, std::string title = "会議録") {
    style::StyledDoc doc;
    doc.title = title;
    doc.source_file = "in.xml";
    doc.root.role = Role::document;
    Node h1 = node(Role::heading, -1, {text(title)});
    h1.level = 1;
    doc.root.children.push_back(std::move(h1));
    for (auto& b : blocks) doc.root.children.push_back(std::move(b));
    return doc;
}

Node para(std::vector<Node> inlines) { return node(Role::paragraph, -1, std::move(inlines)); }

Node heading(int level, std::string s) {
    Node h = node(Role::heading, -1, {text(std::move(s))});
    h.level = level;
    return h;
}

std::string write(const style::StyledDoc& doc, Diagnostics& diags, xhtml::XhtmlOptions options = {}) {
    return xhtml::write(doc, options, diags);
}

bool has_code(const Diagnostics& d, const std::string& code) {
    for (const auto& x : d.all())
        if (x.code == code) return true;
    return false;
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

std::string between(const std::string& s, const std::string& a, const std::string& b) {
    const auto i = s.find(a);
    if (i == std::string::npos) return {};
    const auto j = s.find(b, i + a.size());
    return j == std::string::npos ? std::string{} : s.substr(i + a.size(), j - i - a.size());
}

}  // namespace

TEST_CASE("the file is an XHTML5 document in the XML serialization") {
    Diagnostics d;
    const std::string x = write(small_doc({para({text("本文")})}), d);
    REQUIRE(d.empty());
    CHECK(x.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ja\" xml:lang=\"ja\">\n",
                  0) == 0);
    CHECK(x.find("<meta charset=\"UTF-8\"/>") != std::string::npos);
    CHECK(x.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>") !=
          std::string::npos);
    CHECK(x.find("<title>会議録</title>") != std::string::npos);
    CHECK(x.find("<main>") != std::string::npos);
    CHECK(x.find("<header class=\"title-block\">") != std::string::npos);
    CHECK(x.find("@media print") != std::string::npos);
    CHECK(x.find("@page") != std::string::npos);
    // Self-contained and script-free.
    CHECK(x.find("<script") == std::string::npos);
    CHECK(x.find("<link") == std::string::npos);
    CHECK(x.find("src=") == std::string::npos);
    CHECK(x.find("url(") == std::string::npos);
    CHECK(x.find("@import") == std::string::npos);
    CHECK(count(x, "http") == 1);  // the XHTML namespace only
    CHECK(x.back() == '\n');

    const auto p = probe(x);
    REQUIRE(p.at(0) == "ok");
    CHECK(has_line(p, "E html lang=\"ja\" xml:lang=\"ja\""));
    CHECK(has_line(p, "T html/body/main/p: 本文"));
}

TEST_CASE("hostile text is escaped and survives a real XML parser unchanged") {
    const std::string hostile = "A & B <議事録> \"引用\" 'x' ]]> &amp; <script>alert(1)</script>";
    Diagnostics d;
    auto doc = small_doc({para({text(hostile)})}, hostile);
    doc.root.children[0].children[0].text = "見出し";
    const std::string x = write(doc, d);
    REQUIRE(d.empty());
    CHECK(x.find("<title>A &amp; B &lt;議事録&gt; \"引用\" 'x' ]]&gt; &amp;amp; &lt;script&gt;alert(1)&lt;/script&gt;</title>") !=
          std::string::npos);
    CHECK(x.find("<script") == std::string::npos);
    CHECK(x.find("]]>") == std::string::npos);
    const auto p = probe(x);
    REQUIRE(p.at(0) == "ok");
    CHECK(has_line(p, "T html/head/title: " + hostile));
    CHECK(has_line(p, "T html/body/main/p: " + hostile));
}

TEST_CASE("characters XML cannot carry never reach the output") {
    Diagnostics d;
    const std::string x = write(small_doc({para({text("前\x01後\x0B\xEF\xBF\xBF")})}), d);
    REQUIRE_FALSE(x.empty());
    CHECK(d.error_count() == 0);
    REQUIRE(d.warning_count() == 1);
    CHECK(d.all()[0].code == "W705");
    CHECK(d.all()[0].file == "in.xml");
    CHECK(x.find("前\xEF\xBF\xBD後\xEF\xBF\xBD\xEF\xBF\xBD") != std::string::npos);
    CHECK(probe(x).at(0) == "ok");
}

TEST_CASE("attribute values from the document are escaped") {
    Node s = node(Role::span, -1, {text("x")});
    s.css_class = "a\" onclick=\"alert(1)";
    Node lbl = label("→", "回答 \"&<>");
    Diagnostics d;
    const std::string x = write(small_doc({para({s}), para({lbl, text("本文")})}), d);
    REQUIRE(d.empty());
    CHECK(x.find("class=\"a&quot; onclick=&quot;alert(1)\"") != std::string::npos);
    CHECK(x.find("aria-label=\"回答 &quot;&amp;&lt;&gt;\"") != std::string::npos);
    const auto p = probe(x);
    REQUIRE(p.at(0) == "ok");
    CHECK(has_line(p, "E html/body/main/p/span class=\"a\" onclick=\"alert(1)\""));
}

TEST_CASE("links: http, https and mailto are written, anything else is refused") {
    auto link = [](std::string href, std::string s) {
        Node a = node(Role::link, -1, {text(std::move(s))});
        a.href = std::move(href);
        return a;
    };
    {
        Diagnostics d;
        const std::string x = write(small_doc({para({link("https://example.jp/a?b=1&c=2", "資料"),
                                                      link("mailto:info@example.jp", "問合せ")})}),
                                    d);
        REQUIRE(d.empty());
        CHECK(x.find("<a href=\"https://example.jp/a?b=1&amp;c=2\">資料</a>") != std::string::npos);
        CHECK(x.find("<a href=\"mailto:info@example.jp\">問合せ</a>") != std::string::npos);
    }
    for (const char* bad : {"javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "java\tscript:x",
                            "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "file:///etc/passwd",
                            "../secret.html"}) {
        INFO(bad);
        Diagnostics d;
        const std::string x = write(small_doc({para({link(bad, "ここ")})}), d);
        CHECK(x.empty());  // an error: nothing to write
        REQUIRE(d.error_count() == 1);
        CHECK(d.all()[0].code == "E701");
        CHECK_FALSE(d.all()[0].message_ja.empty());
    }
}

TEST_CASE("a link without text is named by its address, a link in a link is text") {
    Node inner = node(Role::link, -1, {text("内")});
    inner.href = "https://b.example.jp/";
    Node outer = node(Role::link, -1, {text("外"), inner});
    outer.href = "https://a.example.jp/";
    Node empty = node(Role::link, -1, {});
    empty.href = "https://c.example.jp/";
    Diagnostics d;
    const std::string x = write(small_doc({para({outer, empty})}), d);
    CHECK(has_code(d, "W710"));
    CHECK(x.find("<a href=\"https://a.example.jp/\">外内</a>") != std::string::npos);
    CHECK(x.find("<a href=\"https://c.example.jp/\">https://c.example.jp/</a>") != std::string::npos);
}

TEST_CASE("heading levels are checked: the first is 1, none is skipped") {
    {
        Diagnostics d;
        auto doc = small_doc({heading(2, "a"), heading(3, "b"), heading(2, "c"), heading(3, "d"), heading(4, "e"),
                              heading(2, "f")});
        const std::string x = write(doc, d);
        REQUIRE(d.empty());
        CHECK(x.find("<h4>e</h4>") != std::string::npos);
    }
    {
        Diagnostics d;
        CHECK(write(small_doc({heading(3, "skips 2")}), d).empty());
        REQUIRE(d.error_count() == 1);
        CHECK(d.all()[0].code == "E702");
    }
    {
        style::StyledDoc doc;
        doc.title = "t";
        doc.root.role = Role::document;
        doc.root.children.push_back(heading(2, "first is 2"));
        Diagnostics d;
        CHECK(write(doc, d).empty());
        CHECK(has_code(d, "E702"));
    }
    {
        Diagnostics d;
        CHECK(write(small_doc({heading(7, "too deep")}), d).empty());
        CHECK(has_code(d, "E702"));
    }
    {
        Diagnostics d;
        CHECK(write(small_doc({heading(2, " ")}), d).empty());
        CHECK(has_code(d, "E703"));
    }
}

TEST_CASE("a document without a title takes its first heading's, or is refused") {
    {
        auto doc = small_doc({}, "議事要旨");
        doc.title.clear();
        Diagnostics d;
        CHECK(write(doc, d).find("<title>議事要旨</title>") != std::string::npos);
        CHECK(d.empty());
    }
    {
        style::StyledDoc doc;
        doc.root.role = Role::document;
        doc.root.children.push_back(para({text("本文")}));
        Diagnostics d;
        CHECK(write(doc, d).empty());
        CHECK(has_code(d, "E704"));
    }
}

TEST_CASE("spans in other languages carry lang and xml:lang") {
    Node en = node(Role::span, -1, {text("Wi-Fi")});
    en.lang = "en";
    Node bad = node(Role::span, -1, {text("x")});
    bad.lang = "en US";
    Diagnostics d;
    const std::string x = write(small_doc({para({text("会場の"), en, text("と"), bad})}), d);
    CHECK(x.find("会場の<span lang=\"en\" xml:lang=\"en\">Wi-Fi</span>と") != std::string::npos);
    CHECK(has_code(d, "W707"));
    CHECK(x.find("en US") == std::string::npos);
}

TEST_CASE("time, ruby, emphasis and quote") {
    Node t = node(Role::time, -1, {text("令和７年３月25日")});
    t.datetime = "2025-03-25";
    Node bad = node(Role::time, -1, {text("某日")});
    bad.datetime = "2025-02-30";
    Node r = node(Role::ruby, -1, {text("﨑")});
    r.reading = "さき";
    Node q = node(Role::quote, -1, {text("「こども誰でも通園制度」")});
    Node em = node(Role::emphasis, -1, {text("重要")});
    Diagnostics d;
    const std::string x = write(small_doc({para({t, bad, r, q, em})}), d);
    CHECK(x.find("<time datetime=\"2025-03-25\">令和７年３月25日</time>") != std::string::npos);
    CHECK(x.find("<span>某日</span>") != std::string::npos);
    CHECK(has_code(d, "W706"));
    CHECK(x.find("<ruby>﨑<rp>（</rp><rt>さき</rt><rp>）</rp></ruby>") != std::string::npos);
    CHECK(x.find("<q>「こども誰でも通園制度」</q>") != std::string::npos);
    CHECK(x.find("<em>重要</em>") != std::string::npos);
    // <q> adds no quotation marks of its own: the template wrote 「」.
    CHECK(x.find("quotes: none;") != std::string::npos);
    CHECK(probe(x).at(0) == "ok");
}

TEST_CASE("tables have header cells with a scope") {
    auto cell = [](Role r, const char* s) { return node(r, -1, {text(s)}); };
    Node table = node(Role::table, -1,
                      {node(Role::caption, -1, {text("出席者")}),
                       node(Role::table_row, -1, {cell(Role::header_cell, "区分"), cell(Role::header_cell, "氏名")}),
                       node(Role::table_row, -1, {cell(Role::header_cell, "委員"), cell(Role::data_cell, "前田")})});
    Diagnostics d;
    const std::string x = write(small_doc({table}), d);
    REQUIRE(d.empty());
    CHECK(x.find("<caption>出席者</caption>") != std::string::npos);
    CHECK(x.find("<th scope=\"col\">区分</th>") != std::string::npos);
    CHECK(x.find("<th scope=\"row\">委員</th>") != std::string::npos);
    CHECK(x.find("<td>前田</td>") != std::string::npos);
    const auto v = xhtml::visible_text(x);
    REQUIRE(v);
    CHECK(v->find("出席者\n区分\t氏名\n委員\t前田") != std::string::npos);
}

TEST_CASE("labels: bullets hidden from AT, alt spoken, numbers read, no list marker of the browser") {
    Node ol = node(Role::list, -1,
                   {node(Role::list_item, -1, {label("ア"), node(Role::list_body, -1, {text("一つ目")})})});
    ol.ordered = true;
    Node note = node(Role::note, -1, {text("※注記")});
    Diagnostics d;
    const std::string x = write(small_doc({ol, note}), d);
    REQUIRE(d.empty());
    CHECK(x.find("<ol>") != std::string::npos);
    CHECK(x.find("<li><span class=\"lbl\">ア</span>一つ目</li>") != std::string::npos);
    CHECK(x.find("<p role=\"note\">※注記</p>") != std::string::npos);
    CHECK(x.find("list-style: none;") != std::string::npos);
}

TEST_CASE("template CSS comes after ours; CSS that could load something is left out") {
    auto doc = small_doc({para({text("x")})});
    doc.css = ".absent { color: #333333; }\n";
    Diagnostics d;
    std::string x = write(doc, d);
    REQUIRE(d.empty());
    const auto ours = x.find("@page");
    const auto theirs = x.find(".absent { color: #333333; }");
    REQUIRE(theirs != std::string::npos);
    CHECK(ours < theirs);
    CHECK(theirs < x.find("</style>"));

    xhtml::XhtmlOptions no_template;
    no_template.include_template_css = false;
    CHECK(write(doc, d, no_template).find(".absent") == std::string::npos);

    doc.css = "body { background: url(https://tracker.example/p.gif) }";
    Diagnostics d2;
    x = write(doc, d2);
    CHECK(has_code(d2, "W708"));
    CHECK(x.find("tracker") == std::string::npos);
}

TEST_CASE("the page setup becomes @page; fonts are BIZ UD first") {
    auto doc = xhtml::test::seed_doc();
    Diagnostics d;
    const std::string x = write(doc, d);
    REQUIRE(d.empty());
    CHECK(x.find("size: 595.276pt 841.89pt;") != std::string::npos);
    CHECK(x.find("margin: 99.21pt 87.638pt 94.68pt 87.638pt;") != std::string::npos);
    CHECK(x.find("content: \"- \" counter(page) \" -\";") != std::string::npos);
    CHECK(x.find("font-size: 10.5pt;") != std::string::npos);  // print: 1rem = 1 zw
    CHECK(x.find("--mincho: \"BIZ UDMincho\"") != std::string::npos);
    CHECK(x.find("--gothic: \"BIZ UDGothic\"") != std::string::npos);
    CHECK(x.find("line-break: strict;") != std::string::npos);  // JLREQ level 4 = CSS strict
    CHECK(x.find("font-kerning: none;") != std::string::npos);
    // Hanging indents from the template: 1 zw for ・, 3 zw for （１）, 2 zw for the particulars'
    // number and a 6 zw term column.
    CHECK(x.find(".s-opinion {") != std::string::npos);
    CHECK(between(x, ".s-opinion {", "}").find("padding-inline-start: 1rem;") != std::string::npos);
    CHECK(between(x, ".s-item-heading {", "}").find("padding-inline-start: 3rem;") != std::string::npos);
    CHECK(between(x, ".s-particular {", "}").find("grid-template-columns: 6rem minmax(0, 1fr);") !=
          std::string::npos);
    CHECK(between(x, ".s-particular-term {", "}").find("--jd: 3rem;") != std::string::npos);
    CHECK(between(x, ".s-title-kind {", "}").find("letter-spacing: 1rem;") != std::string::npos);
    CHECK(between(x, ".s-title-kind {", "}").find("padding-inline-start: 1rem;") != std::string::npos);
    CHECK(between(x, ".ind-m1 {", "}").find("margin-inline-start: -1rem;") != std::string::npos);
}

TEST_CASE("the seed: title, labels and names keep their characters, spacing is CSS only") {
    Diagnostics d;
    const std::string x = write(xhtml::test::seed_doc(), d);
    REQUIRE(d.empty());
    CHECK(x.find("<title>令和６年度 第３回 東京都医療的ケア児支援地域協議会 議事要旨</title>") != std::string::npos);
    CHECK(x.find("<h1 class=\"s-title\"><span class=\"line s-title-name\">令和６年度 第３回 "
                 "東京都医療的ケア児支援地域協議会</span><span class=\"line s-title-kind\">議事要旨</span></h1>") !=
          std::string::npos);
    // 均等割り labels: the words themselves, spread by CSS.
    CHECK(x.find("<dt class=\"s-particular-term\"><span class=\"lbl pull-2 gap-1\">１</span><span class=\"jd\">日時</span></dt>") !=
          std::string::npos);
    CHECK(x.find("<span class=\"jd\">会場</span>") != std::string::npos);
    CHECK(x.find("<span class=\"jd\">出席者</span>") != std::string::npos);
    // No spacing characters anywhere in the document's text (the seed had 議 事 要 旨, 日  時).
    CHECK(x.find("議 事") == std::string::npos);
    CHECK(x.find("日 時") == std::string::npos);
    CHECK(x.find("\xE3\x80\x80") == std::string::npos);  // U+3000
    CHECK(x.find("&#") == std::string::npos);            // no &#x3000; or &nbsp; stand-ins
    CHECK(x.find("\xC2\xA0") == std::string::npos);      // U+00A0
    // Names as written: 﨑 U+FA11, 髙 U+9AD9, 瀨 U+7028.
    CHECK(x.find("岩\xEF\xA8\x91委員") != std::string::npos);
    CHECK(x.find("\xE9\xAB\x99山委員") != std::string::npos);
    CHECK(x.find("\xE7\x80\xA8委員") != std::string::npos);
    CHECK(x.find("<time datetime=\"2025-03-25T18:30+09:00\">令和７年３月2５日（火曜日）午後６時30分</time>から"
                 "<time datetime=\"2025-03-25T20:15+09:00\">午後８時15分</time>まで") != std::string::npos);
}

TEST_CASE("the seed: lists, labels and their spoken form") {
    Diagnostics d;
    const std::string x = write(xhtml::test::seed_doc(), d);
    REQUIRE(d.empty());
    // Bullets: shown, hidden from AT (the <li> already says "item"; NVDA would say ナカテン).
    // 22 opinions; the seed's 23rd 「・」 is the one in 「転入・転居」, which stays text.
    CHECK(count(x, "<span class=\"lbl pull-1\" aria-hidden=\"true\">・</span>") == 22);
    CHECK(x.find("転入・転居") != std::string::npos);
    // The answer: nested in the opinion it answers, its arrow said as 回答.
    CHECK(x.find("<ul class=\"answers\">") != std::string::npos);
    CHECK(x.find("<span class=\"lbl pull-1\" role=\"img\" aria-label=\"回答\">→</span>国の「こども誰でも通園制度」") !=
          std::string::npos);
    // Attendees: a list run on as text, the 「、」 inside the items, no white space between them.
    CHECK(x.find("<ul class=\"inline s-attendees present\"><li>前田委員（会長）、</li><li>冨田委員（副会長）、</li>") !=
          std::string::npos);
    CHECK(x.find("<li>上坂委員、</li><li>髙山委員</li></ul>") != std::string::npos);
    CHECK(x.find("<div class=\"captioned s-attendees absent\"><span class=\"caption\" id=\"gj-cap-1\">（欠席）</span>"
                 "<ul class=\"inline\" aria-labelledby=\"gj-cap-1\"><li>瀨委員、</li><li>折井委員、</li><li>安岡委員</li></ul></div>") !=
          std::string::npos);
    // The numbers of items are text (they are read).
    CHECK(x.find("<h3 class=\"s-item-heading\"><span class=\"lbl pull-3\">（１）</span>令和６年度医療的ケア児支援関連事業の実施状況</h3>") !=
          std::string::npos);
    // Supplements are sections with their bracketed heading.
    CHECK(x.find("<section class=\"s-supplement\">\n            <h4 class=\"s-supplement-heading\">（岩﨑委員から多摩について補足）</h4>") !=
          std::string::npos);
}

TEST_CASE("the seed parses with expat and has the outline of the minutes") {
    Diagnostics d;
    const auto p = probe(write(xhtml::test::seed_doc(), d));
    REQUIRE(p.at(0) == "ok");
    std::vector<std::string> headings;
    for (const auto& l : p) {
        if (l.rfind("E ", 0) != 0) continue;
        const std::string path = l.substr(2, l.find(' ', 2) - 2);
        const std::string last = path.substr(path.rfind('/') + 1);
        if (last.size() == 2 && last[0] == 'h' && last[1] >= '1' && last[1] <= '6') headings.push_back(last);
    }
    const std::vector<std::string> expected = {"h1", "h2", "h3", "h4", "h3", "h4", "h3", "h4", "h4", "h4",
                                               "h4", "h3", "h4", "h4"};
    CHECK(headings == expected);
    CHECK(has_line(p, "E html/body/main/dl/div/dd/div/ul aria-labelledby=\"gj-cap-1\" class=\"inline\""));
    CHECK(has_line(p, "T html/body/main/dl/div/dd/div/span: （欠席）"));
}

TEST_CASE("the XHTML shows the seed's words and nothing else") {
    Diagnostics d;
    const auto doc = xhtml::test::seed_doc();
    const std::string x = write(doc, d);
    REQUIRE(d.empty());
    const auto v = xhtml::visible_text(x);
    REQUIRE(v);
    // The published text (PDF-extracted, with spacing characters and hard line breaks) has
    // exactly the same characters once white space is removed.
    const std::string seed = read_file(GIJIROKU_SHARED_DIR "/seeds/000_5aba5523e865b097.txt");
    REQUIRE_FALSE(seed.empty());
    CHECK(strip_spaces(*v) == strip_spaces(seed));
    // Lines as a reader sees them.
    CHECK(v->rfind("令和６年度 第３回 東京都医療的ケア児支援地域協議会\n議事要旨\n１日時\n"
                   "令和７年３月2５日（火曜日）午後６時30分から午後８時15分まで\n２会場\nオンライン開催\n３出席者\n"
                   "前田委員（会長）、冨田委員（副会長）、川上委員、吉澤委員、井上（愛）委員、岩﨑委員、田沼委員、"
                   "等々力委員、中嶽委員、早野委員、島添委員、井上（弘）委員、上坂委員、髙山委員\n"
                   "（欠席）瀨委員、折井委員、安岡委員\n議事概要（委員からの主な御意見等）\n",
                   0) == 0);
    CHECK(v->find("\n・医療的ケア児の育ちの支援事業について、区市町村では保育担当または障害者福祉担当等、どこの部署で"
                  "実施することを想定されているか。\n→国の「こども誰でも通園制度」") != std::string::npos);
}

TEST_CASE("output is deterministic") {
    Diagnostics d1, d2;
    const auto doc = xhtml::test::seed_doc();
    const auto copy = doc;
    const std::string a = write(doc, d1);
    const std::string b = write(copy, d2);
    CHECK(a == b);
    CHECK(a.size() > 10000);
}

TEST_CASE("options: screen spreading and justification") {
    auto doc = xhtml::test::seed_doc();
    Diagnostics d;
    xhtml::XhtmlOptions plain;
    plain.spread_labels_on_screen = false;
    const std::string x = write(doc, d, plain);
    // The spread moves into @media print; the screen rule has none.
    const std::string screen_jd = between(x, ".jd {", "}");
    CHECK(screen_jd.find("text-align-last") == std::string::npos);
    CHECK(between(x, "@media print {", "@page").find("text-align-last: justify;") != std::string::npos);
    // Default: justify only in print.
    const std::string y = write(doc, d);
    CHECK(between(y, ".s-opinion {", "}").find("text-align: start;") != std::string::npos);
    CHECK(between(y, "@media print {", "@page").find(".s-opinion { text-align: justify; }") != std::string::npos);
    xhtml::XhtmlOptions justify;
    justify.justify_on_screen = true;
    CHECK(between(write(doc, d, justify), ".s-opinion {", "}").find("text-align: justify;") != std::string::npos);
}

TEST_CASE("visible_text reads only well-formed XML and leaves out what is not shown") {
    CHECK_FALSE(xhtml::visible_text("<html><body><p>a</body></html>"));
    CHECK_FALSE(xhtml::visible_text("<html><body><p>&nbsp;</p></body></html>"));
    CHECK_FALSE(xhtml::visible_text("<html><body><p>&#1;</p></body></html>"));
    CHECK_FALSE(xhtml::visible_text("<html><body><p>]]></p></body></html>"));
    CHECK_FALSE(xhtml::visible_text("<html/><html/>"));
    CHECK_FALSE(xhtml::visible_text("<html><body><p a=\"1\" a=\"2\">x</p></body></html>"));
    const auto v = xhtml::visible_text(
        "<?xml version=\"1.0\"?><!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>"
        "<body><p>A &amp; <span aria-hidden=\"true\">・</span>B<!-- c --><![CDATA[<C>]]></p>"
        "<p hidden=\"hidden\">secret</p><p><ruby>﨑<rp>（</rp><rt>さき</rt><rp>）</rp></ruby>&#x9AD9;</p>"
        "<ul class=\"inline\"><li>甲、</li><li>乙</li></ul><p><span class=\"line\">一</span><span class=\"line\">二</span></p>"
        "</body></html>");
    REQUIRE(v);
    CHECK(*v == "A & ・B<C>\n﨑髙\n甲、乙\n一\n二");
}

TEST_CASE("page numbers where the template puts them; the template's own font families first") {
    auto doc = xhtml::test::seed_doc();
    doc.page.page_number_at_top = true;
    doc.page.page_number_align = style::Align::end;
    doc.page.running_head = "令和６年度 \"第３回\"";
    doc.fonts.push_back({"kyokasho", "/t/fonts/kyokasho.ttf", "UD デジタル 教科書体", false, false});
    doc.font_roles.push_back({"gothic-bold", {"kyokasho", "bizud-gothic-bold"}});
    Diagnostics d;
    const std::string x = write(doc, d);
    REQUIRE(d.empty());
    CHECK(x.find("@top-right {\n          content: \"- \" counter(page) \" -\";") != std::string::npos);
    CHECK(x.find("@top-center {\n          content: \"令和６年度 \\22 第３回\\22 \";") != std::string::npos);
    CHECK(between(x, ".s-section-heading {", "}").find("font-family: \"UD デジタル 教科書体\", var(--gothic);") !=
          std::string::npos);
    CHECK(between(x, ".s-opinion {", "}").find("font-family: var(--mincho);") != std::string::npos);
}
