#include "test_pages_support.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "core/units.hpp"
#include "core/utf8.hpp"

namespace pages_test {

using namespace gijiroku;
using layout::GlyphRun;
using layout::InlinePiece;
using layout::LinkArea;
using layout::Mark;
using layout::PlacedGlyph;

namespace {

struct Ch {
    std::string utf8;
    char32_t cp = 0;
    double advance = 0;   // glyph advance
    double tracking = 0;  // added after it (not after a piece's last character)
    std::size_t piece = 0;
};

struct LineChars {
    std::vector<Ch> chars;
    double width = 0;
};

double width_of(const std::vector<Ch>& chars) {
    double w = 0;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        w += chars[i].advance;
        if (i + 1 < chars.size()) w += chars[i].tracking;
    }
    return w;
}

// Runs for `chars` placed from x = `start`, with `gap` extra after each character but the last.
void emit(const std::vector<Ch>& chars, const std::vector<InlinePiece>& pieces, double start, double gap,
          SetLine& line) {
    double x = start;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        const Ch& c = chars[i];
        const InlinePiece& p = pieces[c.piece];
        if (line.runs.empty() || i == 0 || chars[i - 1].piece != c.piece) {
            GlyphRun run;
            run.origin = Point{x, 0};
            run.size_pt = p.size_pt;
            run.mark = Mark::structure(p.element);
            run.lang = p.lang;
            run.actual_text = p.actual_text;
            line.runs.push_back(std::move(run));
            if (!p.uri.empty()) {
                LinkArea a;
                a.rect = Rect{x, -0.88 * p.size_pt, 0, p.size_pt};
                a.uri = p.uri;
                a.element = p.element;
                line.links.push_back(a);
            }
        }
        GlyphRun& run = line.runs.back();
        PlacedGlyph g;
        g.glyph = static_cast<std::uint32_t>(c.cp);
        g.x = x - run.origin.x;
        g.text_begin = static_cast<std::uint32_t>(run.text.size());
        run.text += c.utf8;
        g.text_end = static_cast<std::uint32_t>(run.text.size());
        run.glyphs.push_back(g);
        x += c.advance;
        if (i + 1 < chars.size()) x += c.tracking + gap;
        if (!p.uri.empty() && !line.links.empty()) line.links.back().rect.width = x - line.links.back().rect.x;
        line.text += c.utf8;
    }
}

}  // namespace

std::vector<SetLine> stub_set(const ParagraphSpec& spec, Diagnostics&) {
    std::vector<Ch> markers, body;
    double max_size = 0;
    for (std::size_t i = 0; i < spec.pieces.size(); ++i) {
        const InlinePiece& p = spec.pieces[i];
        max_size = std::max(max_size, p.size_pt);
        std::vector<Ch>& dest = p.marker ? markers : body;
        std::size_t pos = 0;
        const std::size_t first = dest.size();
        while (pos < p.text.size()) {
            const std::size_t at = pos;
            const auto cp = utf8::next(p.text, pos);
            Ch c;
            c.utf8 = p.text.substr(at, pos - at);
            c.cp = cp.value_or(U'?');
            c.advance = c.cp < 0x80 ? p.size_pt / 2 : p.size_pt;
            c.tracking = p.letter_spacing * spec.zw_pt;
            c.piece = i;
            dest.push_back(std::move(c));
        }
        if (dest.size() > first) dest.back().tracking = 0;
    }
    std::vector<SetLine> out;
    if (body.empty() && markers.empty()) return out;

    // Greedy fill, a break allowed anywhere.
    std::vector<LineChars> lines;
    std::size_t i = 0;
    bool first_line = true;
    do {
        const double start = spec.marker_width_pt + (first_line ? spec.first_line_indent_pt : 0);
        const double avail = spec.measure_pt - start;
        LineChars l;
        double w = 0;
        while (i < body.size()) {
            const double add = body[i].advance + (l.chars.empty() ? 0 : l.chars.back().tracking);
            if (!l.chars.empty() && w + add > avail + 1e-6) break;
            w += add;
            l.chars.push_back(body[i]);
            ++i;
        }
        l.width = width_of(l.chars);
        lines.push_back(std::move(l));
        first_line = false;
    } while (i < body.size());

    for (std::size_t k = 0; k < lines.size(); ++k) {
        SetLine line;
        const double start = spec.marker_width_pt + (k == 0 ? spec.first_line_indent_pt : 0);
        const double avail = spec.measure_pt - start;
        if (k == 0 && !markers.empty()) emit(markers, spec.pieces, 0, 0, line);
        const std::vector<Ch>& chars = lines[k].chars;
        double gap = 0;
        double offset = 0;
        double width = lines[k].width;
        if (spec.jidori_pt > 0 && lines.size() == 1 && chars.size() > 1 && width < spec.jidori_pt) {
            gap = (spec.jidori_pt - width) / static_cast<double>(chars.size() - 1);
            width = spec.jidori_pt;
        } else if (spec.align == style::Align::center) {
            offset = (avail - width) / 2;
        } else if (spec.align == style::Align::end) {
            offset = avail - width;
        }
        emit(chars, spec.pieces, start + offset, gap, line);
        line.natural_width_pt = lines[k].width;
        line.width_pt = width;
        line.ascent_pt = 0.88 * max_size;
        line.descent_pt = 0.12 * max_size;
        line.last = k + 1 == lines.size();
        out.push_back(std::move(line));
    }
    return out;
}

layout::SetParagraphFn stub_setter() { return stub_set; }

Node text(std::string s) {
    Node n;
    n.role = Role::text;
    n.text = std::move(s);
    return n;
}

Node marker(std::string s) {
    Node n;
    n.role = Role::span;
    n.marker = true;
    n.children.push_back(text(std::move(s)));
    return n;
}

Node label(std::string s, std::string alt) {
    Node n;
    n.role = Role::label;
    n.alt = std::move(alt);
    n.children.push_back(text(std::move(s)));
    return n;
}

Node node(Role role, int style, std::vector<Node> children) {
    Node n;
    n.role = role;
    n.style = style;
    n.children = std::move(children);
    return n;
}

Node heading(int level, int style, std::vector<Node> children) {
    Node n = node(Role::heading, style, std::move(children));
    n.level = level;
    return n;
}

style::PageSetup tokyo_page() {
    style::PageSetup p;
    p.width_pt = units::a4_width_pt;
    p.height_pt = units::a4_height_pt;
    p.body_size_pt = 10.5;
    p.chars_per_line = 40;
    p.lines_per_page = 36;
    p.line_pitch_pt = 18;
    p.margin_top_pt = units::mm_to_pt(35);
    p.margin_bottom_pt = units::mm_to_pt(30);
    p.margin_left_pt = (p.width_pt - 420) / 2;
    p.margin_right_pt = p.margin_left_pt;
    p.page_number_format = "- {n} -";
    p.page_number_size_pt = 9;
    return p;
}

std::vector<style::BlockStyle> seed_styles() {
    std::vector<style::BlockStyle> s(st_plain + 1);
    auto set = [&](int i, std::string name) -> style::BlockStyle& {
        s[static_cast<std::size_t>(i)].name = std::move(name);
        return s[static_cast<std::size_t>(i)];
    };
    {
        auto& t = set(st_title, "title");
        t.font_role = "gothic";
        t.font_size_pt = 14;
        t.align = style::Align::center;
        t.space_after = 1;
        t.keep_with_next = true;
    }
    {
        auto& t = set(st_title_name, "title-line");
        t.font_role = "gothic";
        t.font_size_pt = 14;
        t.align = style::Align::center;
    }
    {
        auto& t = set(st_title_kind, "title-kind");
        t.font_role = "gothic";
        t.font_size_pt = 14;
        t.align = style::Align::center;
        t.letter_spacing = 1;
    }
    set(st_particulars, "particulars").space_after = 1;
    set(st_particular, "particular").term_width = 6;
    {
        auto& t = set(st_particular_term, "particular-term");
        t.marker_width = 2;
        t.jidori = 3;
        t.align = style::Align::start;
    }
    set(st_particular_value, "particular-value").start_indent = 6;
    set(st_attendees, "attendees").start_indent = 6;
    {
        auto& t = set(st_section_heading, "section-heading");
        t.font_role = "gothic";
        t.space_before = 1;
        t.keep_with_next = true;
        t.align = style::Align::start;
    }
    {
        auto& t = set(st_item_heading, "item-heading");
        t.marker_width = 3;
        t.space_before = 1;
        t.keep_with_next = true;
        t.align = style::Align::start;
    }
    set(st_explanation, "explanation").start_indent = 1;
    {
        auto& t = set(st_opinions_heading, "opinions-heading");
        t.keep_with_next = true;
        t.align = style::Align::start;
    }
    set(st_opinion, "opinion").marker_width = 1;
    set(st_opinion_text, "opinion-text").start_indent = 1;
    {
        auto& t = set(st_answer, "answer");
        t.start_indent = 1;
        t.marker_width = 1;
    }
    set(st_answer_text, "answer-text").start_indent = 2;
    set(st_plain, "plain");
    return s;
}

namespace {

Node opinion(const std::string& words, std::vector<Node> answers = {}) {
    std::vector<Node> body{node(Role::paragraph, st_opinion_text, {text(words)})};
    if (!answers.empty()) {
        Node l = node(Role::list, -1, std::move(answers));
        l.level = 2;
        body.push_back(std::move(l));
    }
    return node(Role::list_item, st_opinion, {label("・"), node(Role::list_body, -1, std::move(body))});
}

Node answer(const std::string& words) {
    return node(Role::list_item, st_answer,
                {label("→", "回答"), node(Role::list_body, -1, {node(Role::paragraph, st_answer_text, {text(words)})})});
}

Node opinions(std::vector<Node> items) {
    Node l = node(Role::list, -1, std::move(items));
    l.level = 1;
    return l;
}

Node block_section(int level, const std::string& title, Node list) {
    return node(Role::section, -1, {heading(level, st_opinions_heading, {text(title)}), std::move(list)});
}

struct ItemText {
    const char* number;
    const char* title;
    std::vector<Node> sections;
};

std::vector<ItemText> seed_items() {
    std::vector<ItemText> items;
    items.push_back(ItemText{
        "（１）", "令和６年度医療的ケア児支援関連事業の実施状況",
        {block_section(4, "（主な意見等）",
                       opinions({opinion("医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディネーターの仕事内容をよりわかりやすく伝えること、資格を取った方々が活躍できる場を増やしていくことが必要。"),
                                 opinion("医療的ケア児を受け入れる放課後等デイサービスが増えている中、訪問の理学療法士に関して物足りなさを感じるという保護者の声がある。放課後等デイサービスが訪問看護ステーションの理学療法士を活用することで、医療的ケア児に対応する経験を積み、育成につなげることができるのでは。"),
                                 opinion("医療型短期入所開設支援事業や日中預かり事業等について、今後受け入れの状況をわかるように示していただきたい。"),
                                 opinion("研修の実施時期が年度後半に偏っているため、参加者の負担を考えても平均化した方がよいのでは。")}))}});
    items.push_back(ItemText{
        "（２）", "医療的ケア児支援区市町村担当者連絡会の実施状況",
        {block_section(4, "（主な意見等）",
                       opinions({opinion("コーディネーターの認知度や社会資源の少なさ、庁内連携の難しさについて現場で感じることもあり、他自治体の取組を聞くことは有意義と感じる。今後も引き続き開催していただきたい。"),
                                 opinion("自治体では２～３年で異動する方が多いため、顔の見える関係性を築くためにも、実施時期は年度前半が望ましい。")}))}});
    items.push_back(ItemText{
        "（３）", "医療的ケア児支援センターの運営状況",
        {block_section(4, "（主な意見等）",
                       opinions({opinion("相談支援事業所において、担当する医療的ケア児が他自治体へ引っ越しをする際、引き継ぐ事業所を探すのに苦労するが、医療的ケア児支援センターの協力でスムーズに引き継ぐことができて助かった。")})),
         block_section(4, "（岩﨑委員から多摩について補足）",
                       opinions({opinion("多摩地域では管轄内の自治体や先駆的に活動する事業所等、相当数の訪問を行った。訪問を行うことで顔が見えるようになり、その後の相談につながることもある。"),
                                 opinion("引っ越し先として多摩地域を選ぶ方が多くなっており、センターから地域の相談窓口や相談支援事業所につなげるに当たり、日頃から関係性づくりを意識している。")}))}});
    items.push_back(ItemText{
        "（４）", "令和７年度医療的ケア児支援関連事業の概要",
        {block_section(4, "（主な意見等）",
                       opinions({opinion("在宅レスパイトについては、多摩地域では実施している自治体が少なく、使いたくても使えない方が多いのが現状。都から活用を促していただきたい。"),
                                 opinion("医療的ケア児の育ちの支援事業について、区市町村では保育担当または障害者福祉担当等、どこの部署で実施することを想定されているか。",
                                         {answer("国の「こども誰でも通園制度」をもとにつくった事業で、都では保育の所管課が担当している。各自治体のどこが担当するについては、各自治体の事業割による。")})})),
         block_section(4, "（前田会長から情報提供）",
                       opinions({opinion("医療的ケア児支援法の改正に向けて、昨年、超党派医療的ケア児者支援議員連盟が結成され、役員会が３月に行われた。今後も進捗について共有していく。")}))}});
    return items;
}

Node item_section(const ItemText& it, const std::string& number) {
    std::vector<Node> kids;
    kids.push_back(heading(3, st_item_heading, {marker(number), text(it.title)}));
    kids.push_back(node(Role::paragraph, st_explanation, {text("事務局から資料説明")}));
    for (const Node& s : it.sections) kids.push_back(s);
    return node(Role::section, -1, std::move(kids));
}

Node time_node(std::string words, std::string datetime) {
    Node n;
    n.role = Role::time;
    n.datetime = std::move(datetime);
    n.children.push_back(text(std::move(words)));
    return n;
}

Node attendee(std::string s) {
    return node(Role::list_item, -1, {node(Role::list_body, -1, {text(std::move(s))})});
}

Node particulars() {
    auto item = [](std::string number, std::string word, std::vector<Node> value) {
        return node(Role::definition_item, st_particular,
                    {node(Role::term, st_particular_term, {marker(std::move(number)), text(std::move(word))}),
                     node(Role::definition, st_particular_value, std::move(value))});
    };
    Node present = node(Role::list, st_attendees,
                        {attendee("前田委員（会長）、"), attendee("冨田委員（副会長）、"), attendee("川上委員、"),
                         attendee("吉澤委員、"), attendee("井上（愛）委員、"), attendee("岩﨑委員、"),
                         attendee("田沼委員、"), attendee("等々力委員、"), attendee("中嶽委員、"),
                         attendee("早野委員、"), attendee("島添委員、"), attendee("井上（弘）委員、"),
                         attendee("上坂委員、"), attendee("髙山委員")});
    present.inline_items = true;
    Node absent = node(Role::list, st_attendees,
                       {node(Role::caption, -1, {text("（欠席）")}), attendee("瀨委員、"), attendee("折井委員、"),
                        attendee("安岡委員")});
    absent.inline_items = true;
    return node(Role::definition_list, st_particulars,
                {item("１", "日時",
                      {time_node("令和７年３月25日（火曜日）午後６時30分", "2025-03-25T18:30+09:00"), text("から"),
                       time_node("午後８時15分", "2025-03-25T20:15+09:00"), text("まで")}),
                 item("２", "会場", {text("オンライン開催")}),
                 item("３", "出席者", {std::move(present), std::move(absent)})});
}

Node title() {
    return heading(1, st_title,
                   {node(Role::line, st_title_name, {text("令和６年度 第３回 東京都医療的ケア児支援地域協議会")}),
                    node(Role::line, st_title_kind, {text("議事要旨")})});
}

std::string full_width_number(int n) {
    static const char* digits[] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};
    if (n < 10) return digits[n];
    return std::to_string(n);
}

}  // namespace

style::StyledDoc seed_doc(int items) {
    style::StyledDoc doc;
    doc.title = "令和６年度 第３回 東京都医療的ケア児支援地域協議会 議事要旨";
    doc.lang = "ja";
    doc.template_name = "tokyo-gijiyoshi";
    doc.page = tokyo_page();
    doc.styles = seed_styles();
    doc.source_file = "seed.xml";
    doc.root.role = Role::document;
    doc.root.children.push_back(title());
    doc.root.children.push_back(particulars());
    std::vector<Node> proceedings{heading(2, st_section_heading, {text("議事概要（委員からの主な御意見等）")})};
    const auto texts = seed_items();
    for (int i = 0; i < items; ++i)
        proceedings.push_back(item_section(texts[static_cast<std::size_t>(i) % texts.size()],
                                           "（" + full_width_number(i + 1) + "）"));
    doc.root.children.push_back(node(Role::section, -1, std::move(proceedings)));
    return doc;
}

style::StyledDoc repeated_doc(int copies) {
    style::StyledDoc doc = seed_doc(4);
    const Node proceedings = doc.root.children.back();
    for (int i = 1; i < copies; ++i) doc.root.children.push_back(proceedings);
    return doc;
}

Node filled_paragraph(int style, int lines, int chars, char32_t fill) {
    std::string s;
    for (int i = 0; i < lines * chars; ++i) utf8::append(s, fill);
    return node(Role::paragraph, style, {text(std::move(s))});
}

style::StyledDoc plain_doc(const std::vector<int>& lines_per_paragraph) {
    style::StyledDoc doc;
    doc.title = "plain";
    doc.page = tokyo_page();
    doc.styles = seed_styles();
    doc.root.role = Role::document;
    char32_t fill = U'あ';
    for (int n : lines_per_paragraph) doc.root.children.push_back(filled_paragraph(st_plain, n, 40, fill++));
    return doc;
}

std::vector<RunRef> all_runs(const layout::PageSet& pages) {
    std::vector<RunRef> out;
    for (std::size_t p = 0; p < pages.pages.size(); ++p)
        for (const GlyphRun& r : pages.pages[p].runs) out.push_back(RunRef{static_cast<int>(p), &r});
    return out;
}

std::optional<layout::LayoutResult> lay_out(const style::StyledDoc& doc, Diagnostics& diags,
                                            const layout::LayoutOptions& options) {
    return layout::build_pages(doc, stub_setter(), options, diags);
}

}  // namespace pages_test
