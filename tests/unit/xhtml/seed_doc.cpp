#include "seed_doc.hpp"

#include <utility>

namespace gijiroku::xhtml::test {

using style::Align;
using style::BlockStyle;
using style::Node;
using style::Role;

Node text(std::string s) {
    Node n;
    n.role = Role::text;
    n.text = std::move(s);
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

namespace {

Node heading(int level, int style, std::vector<Node> children) {
    Node n = node(Role::heading, style, std::move(children));
    n.level = level;
    return n;
}

Node time(std::string datetime, std::string s) {
    Node n = node(Role::time, -1, {text(std::move(s))});
    n.datetime = std::move(datetime);
    return n;
}

// Lbl + LBody, as style::resolve writes a list item (ISO 32000-1 §14.8.4.3.3).
Node item(int style, Node lbl, std::vector<Node> body) {
    return node(Role::list_item, style, {std::move(lbl), node(Role::list_body, -1, std::move(body))});
}

Node opinion(const char* s) { return item(st_opinion, label("・"), {text(s)}); }

// Attendees run on; the 「、」 after each name but the last is part of the item.
Node attendee_list(std::vector<const char*> names, const char* caption, const char* css_class) {
    Node list = node(Role::list, st_attendees, {});
    list.inline_items = true;
    list.css_class = css_class;
    if (caption) list.children.push_back(node(Role::caption, -1, {text(caption)}));
    for (std::size_t i = 0; i < names.size(); ++i) {
        Node li = node(Role::list_item, -1, {text(names[i])});
        if (i + 1 < names.size()) li.children.push_back(text("、"));
        list.children.push_back(std::move(li));
    }
    return list;
}

struct Supplement {
    const char* heading;
    std::vector<const char*> opinions;
};

struct Item {
    const char* title;
    std::vector<const char*> opinions;
    const char* answer;  // "" when none: answers the last opinion
    std::vector<Supplement> supplements;
};

// The proceedings, sentence by sentence as published (examples/tokyo-2025-03-25.xml).
const std::vector<Item>& items() {
    static const std::vector<Item> all = {
    // item 1
    {"令和６年度医療的ケア児支援関連事業の実施状況",
     {"医療的ケア児等コーディネーターの名称が保護者に浸透しつつある中、今後はコーディネーターの仕事内容をよりわかりやすく伝えること、資格を取った方々が活躍できる場を増やしていくことが必要。",
      "医療的ケア児を受け入れる放課後等デイサービスが増えている中、訪問の理学療法士に関して物足りなさを感じるという保護者の声がある。放課後等デイサービスが訪問看護ステーションの理学療法士を活用することで、医療的ケア児に対応する経験を積み、育成につなげることができるのでは。",
      "医療型短期入所開設支援事業や日中預かり事業等について、今後受け入れの状況をわかるように示していただきたい。",
      "研修の実施時期が年度後半に偏っているため、参加者の負担を考えても平均化した方がよいのでは。"},
     "",
     {}},
    // item 2
    {"医療的ケア児支援区市町村担当者連絡会の実施状況",
     {"コーディネーターの認知度や社会資源の少なさ、庁内連携の難しさについて現場で感じることもあり、他自治体の取組を聞くことは有意義と感じる。今後も引き続き開催していただきたい。",
      "自治体では２～３年で異動する方が多いため、顔の見える関係性を築くためにも、実施時期は年度前半が望ましい。"},
     "",
     {}},
    // item 3
    {"医療的ケア児支援センターの運営状況",
     {"相談支援事業所において、担当する医療的ケア児が他自治体へ引っ越しをする際、引き継ぐ事業所を探すのに苦労するが、医療的ケア児支援センターの協力でスムーズに引き継ぐことができて助かった。"},
     "",
     {{"（岩﨑委員から多摩について補足）",
       {"多摩地域では管轄内の自治体や先駆的に活動する事業所等、相当数の訪問を行った。訪問を行うことで顔が見えるようになり、その後の相談につながることもある。",
        "引っ越し先として多摩地域を選ぶ方が多くなっており、センターから地域の相談窓口や相談支援事業所につなげるに当たり、日頃から関係性づくりを意識している。"}},
      {"（中嶽委員から区部についての補足）",
       {"区部では今年度２１の区協議会に参加したほか、医療的ケア児等コーディネーター養成研修、フォローアップ研修など、都の研修事業を通じて支援者の方々と顔の見える関係性が築けていると実感している。",
        "各都道府県に設置されている医療的ケア児支援センター同士の連携も増えてきている。一年を通じて転入・転居の相談があるが、引っ越し先の支援の状況についてや、相談できる人とつながりたいというような相談があり、そのような場合は全国の医療的ケア児支援センターの方々と連携している。",
        "全国の医療的ケア児支援センターが集まる研修にも参加した。実際にお会いし、取り組みや課題を共有することで、日常的に他県のセンターの方々と情報交換できるようになりつつある。"}},
      {"（冨田副会長からの補足）",
       {"他地区への転居は、医療的ケア児支援センターが全国にできたことで、一番強みが発揮できる部分。特に他県の場合、今まではどこに相談してよいのか分からない状況だったが、全国の都道府県全てにセンターが設置され、窓口が明らかになった。その中で、全国のセンターの横のつながりが少しずつ形成できているのは良いこと。",
        "医療的ケア児支援センターの実績は電話相談の件数が正面に出るが、センターの職員が各自治体に出向くことにより、地域課題を掘り起こし、地域と話し合って解決していくのが今後の方向性ではないか。",
        "特に多摩地域では自治体間の格差があるため、戦略的に声をかけていきたい。",
        "センターが研修に積極的に関わっていくこと、場合によっては必要な研修を立ち上げるということも今後必要。"}}}},
    // item 4
    {"令和７年度医療的ケア児支援関連事業の概要",
     {"在宅レスパイトについては、多摩地域では実施している自治体が少なく、使いたくても使えない方が多いのが現状。都から活用を促していただきたい。",
      "在宅レスパイトの上限時間拡大については、利用者から感謝の声がある。一方、区部では半数以上の自治体が在宅以外の場所を独自事業として支援していると聞いている。学校関係については、本来教育現場で補填されるのが望ましいが、各区では看護師不足でやむなくこのような形で対応していると聞き、在宅レスパイト事業を在宅以外の部分にも認めてもらえると、人材の取り合いにならなくて済むのではないか。",
      "医療的ケア児の育ちの支援事業について、保育園に通えない子が多いため良い事業だと思うが、就学後の放課後の時間帯の支援についても広げていただきたい。",
      "医療的ケア児の育ちの支援事業について、区市町村では保育担当または障害者福祉担当等、どこの部署で実施することを想定されているか。"},
     "国の「こども誰でも通園制度」をもとにつくった事業で、都では保育の所管課が担当している。各自治体のどこが担当するについては、各自治体の事業割による。",
     {{"（前田会長から情報提供）",
       {"国において、これまで保育園については、医療的ケア児の看護師支援を行っていたが、今後は幼稚園においても支援を行うという話があった。都においても、幼稚園における支援体制の検討をお願いしたい。",
        "医療的ケア児支援法の改正に向けて、昨年、超党派医療的ケア児者支援議員連盟が結成され、役員会が３月に行われた。今後も進捗について共有していく。"}}}},
    };
    return all;
}

BlockStyle make_style(std::string name, std::string font, double size, Align align) {
    BlockStyle s;
    s.name = std::move(name);
    s.font_role = std::move(font);
    s.font_size_pt = size;
    s.align = align;
    return s;
}

}  // namespace

style::StyledDoc seed_doc() {
    style::StyledDoc doc;
    doc.title = "令和６年度 第３回 東京都医療的ケア児支援地域協議会 議事要旨";
    doc.lang = "ja";
    doc.template_name = "tokyo-gijiyoshi";
    doc.source_file = "tokyo-2025-03-25.xml";
    // Word's Japanese default (typesetting.md §4.7): A4, 10.5 pt, 40 zw × 36 lines at 18 pt.
    doc.page.width_pt = 595.276;
    doc.page.height_pt = 841.89;
    doc.page.body_size_pt = 10.5;
    doc.page.chars_per_line = 40;
    doc.page.lines_per_page = 36;
    doc.page.line_pitch_pt = 18;
    doc.page.margin_top_pt = 99.21;
    doc.page.margin_bottom_pt = 94.68;
    doc.page.margin_left_pt = 87.638;
    doc.page.margin_right_pt = 87.638;
    doc.page.page_number_format = "- {n} -";

    auto& st = doc.styles;
    st.resize(st_attendees + 1);
    st[st_title] = make_style("title", "mincho", 12, Align::center);
    st[st_title].space_after = 1;
    st[st_title_name] = make_style("title-name", "mincho", 12, Align::center);
    st[st_title_kind] = make_style("title-kind", "gothic-bold", 14, Align::center);
    st[st_title_kind].letter_spacing = 1;
    st[st_title_kind].line_pitch_pt = 27;
    st[st_particulars] = make_style("particulars", "mincho", 10.5, Align::justify);
    st[st_particulars].space_after = 1;
    st[st_particular] = make_style("particular", "mincho", 10.5, Align::justify);
    st[st_particular].term_width = 6;
    st[st_particular_term] = make_style("particular-term", "mincho", 10.5, Align::start);
    st[st_particular_term].marker_width = 2;
    st[st_particular_term].jidori = 3;
    st[st_particular_value] = make_style("particular-value", "mincho", 10.5, Align::justify);
    st[st_section_heading] = make_style("section-heading", "gothic-bold", 10.5, Align::start);
    st[st_section_heading].space_before = 1;
    st[st_section_heading].keep_with_next = true;
    st[st_item_heading] = make_style("item-heading", "gothic-bold", 10.5, Align::start);
    st[st_item_heading].marker_width = 3;
    st[st_item_heading].space_before = 1;
    st[st_item_heading].keep_with_next = true;
    st[st_explanation] = make_style("explanation", "mincho", 10.5, Align::justify);
    st[st_opinions_heading] = make_style("opinions-heading", "mincho", 10.5, Align::start);
    st[st_opinions_heading].keep_with_next = true;
    st[st_opinions] = make_style("opinions", "mincho", 10.5, Align::justify);
    st[st_opinion] = make_style("opinion", "mincho", 10.5, Align::justify);
    st[st_opinion].marker_width = 1;
    st[st_answer] = make_style("answer", "mincho", 10.5, Align::justify);
    st[st_answer].marker_width = 1;
    st[st_supplement] = make_style("supplement", "mincho", 10.5, Align::justify);
    st[st_supplement].space_before = 1;
    st[st_supplement_heading] = make_style("supplement-heading", "mincho", 10.5, Align::start);
    st[st_supplement_heading].keep_with_next = true;
    st[st_attendees] = make_style("attendees", "mincho", 10.5, Align::justify);

    Node& root = doc.root;
    root.role = Role::document;

    // The title: one H1 of two lines, the second tracked (議 事 要 旨 without spaces).
    root.children.push_back(heading(
        1, st_title,
        {node(Role::line, st_title_name, {text("令和６年度 第３回 東京都医療的ケア児支援地域協議会")}),
         node(Role::line, st_title_kind, {text("議事要旨")})}));

    // The particulars: numbered, 均等割り labels, values in a column.
    auto particular = [](const char* number, const char* word, std::vector<Node> value) {
        return node(Role::definition_item, st_particular,
                    {node(Role::term, st_particular_term, {label(number), text(word)}),
                     node(Role::definition, st_particular_value, std::move(value))});
    };
    root.children.push_back(node(
        Role::definition_list, st_particulars,
        {particular("１", "日時",
                    {time("2025-03-25T18:30+09:00", "令和７年３月2５日（火曜日）午後６時30分"), text("から"),
                     time("2025-03-25T20:15+09:00", "午後８時15分"), text("まで")}),
         particular("２", "会場", {text("オンライン開催")}),
         particular("３", "出席者",
                    {attendee_list({"前田委員（会長）", "冨田委員（副会長）", "川上委員", "吉澤委員",
                                    "井上（愛）委員", "岩﨑委員", "田沼委員", "等々力委員", "中嶽委員",
                                    "早野委員", "島添委員", "井上（弘）委員", "上坂委員", "髙山委員"},
                                   nullptr, "present"),
                     attendee_list({"瀨委員", "折井委員", "安岡委員"}, "（欠席）", "absent")})}));

    // The proceedings.
    Node proceedings = node(Role::section, -1,
                            {heading(2, st_section_heading, {text("議事概要（委員からの主な御意見等）")})});
    const char* numbers[] = {"（１）", "（２）", "（３）", "（４）"};
    std::size_t k = 0;
    for (const Item& it : items()) {
        Node sec = node(Role::section, -1,
                        {heading(3, st_item_heading, {label(numbers[k++]), text(it.title)}),
                         node(Role::paragraph, st_explanation, {text("事務局から資料説明")}),
                         heading(4, st_opinions_heading, {text("（主な意見等）")})});
        Node list = node(Role::list, st_opinions, {});
        for (std::size_t i = 0; i < it.opinions.size(); ++i) {
            const bool answered = *it.answer && i + 1 == it.opinions.size();
            if (!answered) {
                list.children.push_back(opinion(it.opinions[i]));
                continue;
            }
            // The answer is nested in the opinion it answers; 「→」 is said as 「回答」.
            Node answers = node(Role::list, -1, {item(st_answer, label("→", "回答"), {text(it.answer)})});
            answers.css_class = "answers";
            answers.level = 2;
            list.children.push_back(node(
                Role::list_item, st_opinion,
                {label("・"), node(Role::list_body, -1,
                                   {node(Role::paragraph, -1, {text(it.opinions[i])}), std::move(answers)})}));
        }
        list.level = 1;
        sec.children.push_back(std::move(list));
        for (const Supplement& sup : it.supplements) {
            Node ul = node(Role::list, st_opinions, {});
            ul.level = 1;
            for (const char* o : sup.opinions) ul.children.push_back(opinion(o));
            sec.children.push_back(node(Role::section, st_supplement,
                                        {heading(4, st_supplement_heading, {text(sup.heading)}), std::move(ul)}));
        }
        proceedings.children.push_back(std::move(sec));
    }
    root.children.push_back(std::move(proceedings));
    return doc;
}

}  // namespace gijiroku::xhtml::test
