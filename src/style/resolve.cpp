#include "style/resolve.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "core/utf8.hpp"
#include "style/pattern.hpp"
#include "text/digits.hpp"
#include "text/era_date.hpp"

namespace gijiroku::style {

// ------------------------------------------------------------------ counters

std::string counter_text(Counter counter, int n, text::DigitStyle digits) {
    // 公用文 numbering (typesetting.md §4.2): ア イ ウ … in 五十音 order without ヰ ヱ ヲ ン,
    // イ ロ ハ in いろは order; Latin letters; kanji numerals; circled numbers.
    static const char32_t katakana[] = U"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
    static const char32_t iroha[] = U"イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";
    auto pick = [&](const char32_t* seq, std::size_t len) -> std::string {
        if (n >= 1 && static_cast<std::size_t>(n) <= len) return utf8::encode(seq[n - 1]);
        return text::apply_digit_style(std::to_string(n), digits);
    };
    switch (counter) {
        case Counter::decimal: return text::apply_digit_style(std::to_string(n), digits);
        case Counter::katakana: return pick(katakana, std::char_traits<char32_t>::length(katakana));
        case Counter::iroha: return pick(iroha, std::char_traits<char32_t>::length(iroha));
        case Counter::lower_latin:
            if (n >= 1 && n <= 26) return std::string(1, static_cast<char>('a' + n - 1));
            break;
        case Counter::upper_latin:
            if (n >= 1 && n <= 26) return std::string(1, static_cast<char>('A' + n - 1));
            break;
        case Counter::kanji: {
            if (n < 1 || n > 99) break;
            static const char* const units[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
            std::string s;
            const int tens = n / 10, ones = n % 10;
            if (tens > 1) s += units[tens];
            if (tens > 0) s += "十";
            s += units[ones];
            return s;
        }
        case Counter::circled:
            if (n >= 1 && n <= 20) return utf8::encode(static_cast<char32_t>(0x2460 + n - 1));
            if (n >= 21 && n <= 35) return utf8::encode(static_cast<char32_t>(0x3251 + n - 21));
            if (n >= 36 && n <= 50) return utf8::encode(static_cast<char32_t>(0x32B1 + n - 36));
            break;
    }
    return text::apply_digit_style(std::to_string(n), digits);
}

std::string number_label(const NumberFormat& format, int n, text::DigitStyle digits) {
    std::string out = format.format;
    const std::string value = counter_text(format.counter, n, digits);
    for (std::size_t at = out.find("{n}"); at != std::string::npos; at = out.find("{n}", at + value.size()))
        out.replace(at, 3, value);
    return out;
}

namespace {

using model::Inline;
using model::InlineContent;

const char* kind_key(model::DocumentKind k) {
    switch (k) {
        case model::DocumentKind::summary: return "kind.summary";
        case model::DocumentKind::outline: return "kind.outline";
        case model::DocumentKind::record: return "kind.record";
        case model::DocumentKind::proceedings: return "kind.proceedings";
        case model::DocumentKind::results: return "kind.results";
    }
    return "kind.summary";
}

const char* group_kind_name(model::GroupKind k) {
    switch (k) {
        case model::GroupKind::members: return "members";
        case model::GroupKind::secretariat: return "secretariat";
        case model::GroupKind::staff: return "staff";
        case model::GroupKind::observers: return "observers";
        case model::GroupKind::guests: return "guests";
        case model::GroupKind::other: return "other";
    }
    return "other";
}

const char* procedure_key(model::Procedure p) {
    switch (p) {
        case model::Procedure::none: return nullptr;
        case model::Procedure::opening: return "procedure.opening";
        case model::Procedure::greeting: return "procedure.greeting";
        case model::Procedure::closing: return "procedure.closing";
        case model::Procedure::roll_call: return "procedure.roll-call";
        case model::Procedure::minutes_approval: return "procedure.minutes-approval";
        case model::Procedure::election: return "procedure.election";
    }
    return nullptr;
}

const char* item_kind_key(model::ItemKind k) {
    switch (k) {
        case model::ItemKind::report: return "item-kind.report";
        case model::ItemKind::deliberation: return "item-kind.deliberation";
        case model::ItemKind::other: return "item-kind.other";
        case model::ItemKind::procedural: return "item-kind.procedural";
    }
    return "item-kind.other";
}

const char* decision_key(model::Decision::Kind k) {
    switch (k) {
        case model::Decision::Kind::approved: return "decision.approved";
        case model::Decision::Kind::decided: return "decision.decided";
        case model::Decision::Kind::adopted: return "decision.adopted";
        case model::Decision::Kind::rejected: return "decision.rejected";
        case model::Decision::Kind::elected: return "decision.elected";
        case model::Decision::Kind::continued: return "decision.continued";
        case model::Decision::Kind::noted: return "decision.noted";
    }
    return "decision.approved";
}

const char* interjection_key(model::Interjection::Kind k) {
    switch (k) {
        case model::Interjection::Kind::voice: return "interjection.voice";
        case model::Interjection::Kind::applause: return "interjection.applause";
        case model::Interjection::Kind::laughter: return "interjection.laughter";
        case model::Interjection::Kind::other: return "interjection.other";
    }
    return "interjection.other";
}

const char* venue_key(model::VenueMode m) {
    switch (m) {
        case model::VenueMode::in_person: return "venue.in-person";
        case model::VenueMode::online: return "venue.online";
        case model::VenueMode::hybrid: return "venue.hybrid";
        case model::VenueMode::written: return "venue.written";
    }
    return "venue.in-person";
}

std::string two(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string iso_date(const model::Date& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

model::Date next_day(model::Date d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int len = (d.month == 2 && leap(d.year)) ? 29 : days[(d.month - 1 + 12) % 12];
    if (++d.day > len) {
        d.day = 1;
        if (++d.month > 12) {
            d.month = 1;
            ++d.year;
        }
    }
    return d;
}

// ISO 8601 local date-time in Japan Standard Time (UTC+9, no daylight saving): the value of
// HTML's <time datetime>, which does not accept 24:00, so that becomes 00:00 the next day.
std::string iso_datetime(const model::Date& d, const model::Time& t) {
    if (t.hour >= 24) return iso_date(next_day(d)) + "T00:00+09:00";
    return iso_date(d) + "T" + two(t.hour) + ":" + two(t.minute) + "+09:00";
}

// Splits 「池田 正明」 at its first space (U+0020 or U+3000) into family and given name.
std::pair<std::string, std::string> split_name(const std::string& name) {
    std::size_t at = name.find(' ');
    std::size_t len = 1;
    const std::size_t wide = name.find("\u3000");
    if (wide != std::string::npos && (at == std::string::npos || wide < at)) {
        at = wide;
        len = 3;
    }
    if (at == std::string::npos) return {name, {}};
    return {name.substr(0, at), name.substr(at + len)};
}

struct PersonEntry {
    const model::Person* person = nullptr;
    model::GroupKind kind = model::GroupKind::members;
};

class Resolver {
public:
    Resolver(const model::Minutes& m, const Template& t, Diagnostics& d) : m_(m), t_(t), d_(d) {}

    StyledDoc run();

private:
    // ---- template access
    int style(const std::string& name);
    const CompiledPattern* pattern(const std::string& key, NodeId for_node);
    bool has_pattern(const std::string& key) const { return t_.find_pattern(key) != nullptr; }
    std::vector<Node> word(const std::string& key, const PatternValues& values, NodeId for_node);
    std::string label(const std::string& key, NodeId for_node);
    const Mark* mark(const std::string& name, NodeId for_node, const char* fallback = nullptr);
    void missing(const std::string& what_en, const std::string& what_ja, NodeId for_node);
    std::string digits(const std::string& s) const { return text::apply_digit_style(s, t_.digits); }
    std::string label_lookup(std::string_view key) const {
        const LabelWord* w = t_.find_label(key);
        return w ? w->text : std::string();
    }

    // ---- values
    std::string date_text(const model::Date& d, NodeId for_node);
    std::string time_text(const model::Time& t, NodeId for_node);
    Node date_node(const model::Date& d, NodeId for_node);
    Node time_node(const model::Date& d, const model::Time& t, NodeId for_node);
    std::string era_number(int n) const { return n == 1 ? "元" : digits(std::to_string(n)); }
    std::string fiscal_year_text(const model::FiscalYear& fy) const;
    void person_values(PatternValues& v, const model::Person& p) const;
    std::vector<Node> speaker(std::string_view id, NodeId for_node);
    std::string group_name(const model::Group& g, NodeId for_node);

    // ---- nodes
    Node block(Role role, const std::string& style_name, NodeId source);
    std::vector<Node> inlines(const InlineContent& content, const std::string& lang);
    void inline_node(const Inline& in, const std::string& lang, std::vector<Node>& out);
    Node paragraph(const model::Paragraph& p, const std::string& style_name);
    Node label_node(const Mark& m);

    void title(Node& root);
    void particulars(Node& root);
    void widen_particular_labels(std::size_t longest);
    void attendance(const model::Attendance& a, Node& def);
    void proceedings(Node& root);
    void blocks(const std::vector<model::Block>& bs, int level, int depth, Node& parent);
    void item(const model::Item& it, int number, int level, int depth, Node& parent);
    std::vector<Node> item_title(const model::Item& it);
    void utterances(const std::vector<const model::Utterance*>& entries, Node& parent);
    void qa(const model::QA& q, Node& parent);
    void contact(Node& root);

    const model::Minutes& m_;
    const Template& t_;
    Diagnostics& d_;
    StyledDoc doc_;
    std::map<std::string, int> style_index_;
    std::map<std::string, CompiledPattern> compiled_;
    std::set<std::string> reported_;
    std::map<std::string, PersonEntry> people_;
    std::map<std::string, const model::Group*> groups_;
    std::string lang_;  // the language of the document root
};

// ------------------------------------------------------------------ template access

void Resolver::missing(const std::string& what_en, const std::string& what_ja, NodeId for_node) {
    if (!reported_.insert(what_en).second) return;
    const SourceLoc at = m_.loc(for_node);
    const std::string where = m_.file + (at.line ? ":" + std::to_string(at.line) + ":" + std::to_string(at.column) : "");
    d_.error("E420", t_.where.file, t_.where.loc,
             "template '" + t_.id + "' cannot word " + what_en + " (needed by " + where + ")",
             "テンプレート「" + t_.id + "」に" + what_ja + "がありません（" + where + " で必要）",
             "add it to the template, or to a template it extends",
             "テンプレート（またはその extends 元）に追加してください");
}

int Resolver::style(const std::string& name) {
    auto it = style_index_.find(name);
    if (it != style_index_.end()) return it->second;
    int index = -1;
    for (std::size_t i = 0; i < doc_.styles.size(); ++i)
        if (doc_.styles[i].name == name) index = static_cast<int>(i);
    if (index < 0) {
        // Not defined: a copy of the nearest defined fallback, under the asked-for name, so
        // dumps and CSS classes name what the block is.
        std::string n = name;
        const BlockStyle* base = nullptr;
        while (!base) {
            const char* f = style_fallback(n);
            if (!f) break;
            n = f;
            base = t_.find_style(n);
        }
        if (!base) {
            if (reported_.insert("style:" + name).second)
                d_.error("E421", t_.where.file, t_.where.loc,
                         "template '" + t_.id + "' defines neither style '" + name +
                             "' nor the style 'body' every style falls back to",
                         "テンプレート「" + t_.id + "」にスタイル「" + name + "」も既定のスタイル「body」もありません",
                         "define <style name=\"body\"/> in <styles>", "<styles> に <style name=\"body\"/> を定義してください");
        } else {
            BlockStyle copy = *base;
            copy.name = name;
            doc_.styles.push_back(copy);
            index = static_cast<int>(doc_.styles.size() - 1);
        }
    }
    style_index_[name] = index;
    return index;
}

const CompiledPattern* Resolver::pattern(const std::string& key, NodeId for_node) {
    auto it = compiled_.find(key);
    if (it != compiled_.end()) return &it->second;
    const PatternText* p = t_.find_pattern(key);
    if (!p) {
        missing("'" + key + "' (no <pattern key=\"" + key + "\">)",
                "パターン「" + key + "」（<pattern key=\"" + key + "\">）", for_node);
        return nullptr;
    }
    PatternError err;
    std::optional<CompiledPattern> c = parse_pattern(p->text, err);
    if (!c) return nullptr;  // load_template has reported it
    return &compiled_.emplace(key, std::move(*c)).first->second;
}

std::vector<Node> Resolver::word(const std::string& key, const PatternValues& values, NodeId for_node) {
    const CompiledPattern* p = pattern(key, for_node);
    if (!p) return {};
    return expand_pattern(*p, values, [this](std::string_view k) { return label_lookup(k); });
}

std::string Resolver::label(const std::string& key, NodeId for_node) {
    const LabelWord* w = t_.find_label(key);
    if (!w) {
        missing("the label '" + key + "' (no <label key=\"" + key + "\">)",
                "ラベル「" + key + "」（<label key=\"" + key + "\">）", for_node);
        return {};
    }
    return w->text;
}

const Mark* Resolver::mark(const std::string& name, NodeId for_node, const char* fallback) {
    if (const Mark* mk = t_.find_mark(name)) return mk;
    if (fallback)
        if (const Mark* mk = t_.find_mark(fallback)) return mk;
    missing("the mark '" + name + "' (no <mark name=\"" + name + "\">)",
            "マーク「" + name + "」（<mark name=\"" + name + "\">）", for_node);
    return nullptr;
}

// ------------------------------------------------------------------ values

std::string Resolver::date_text(const model::Date& d, NodeId for_node) {
    std::optional<std::string> s = text::format_date({d.year, d.month, d.day}, t_.dates.date);
    if (!s) {
        // Before 1873 or not a date: model::check reports the date itself.
        (void)for_node;
        return digits(iso_date(d));
    }
    return digits(*s);
}

std::string Resolver::time_text(const model::Time& t, NodeId for_node) {
    const bool on_hour = t.minute == 0 && !t_.dates.time_on_the_hour.empty();
    std::string pat = on_hour ? t_.dates.time_on_the_hour : t_.dates.time;
    int hour = t.hour;
    if (hour >= 24) {
        // 24:00 ends a meeting at midnight: 午後12時, whichever hour letter the template uses.
        std::replace(pat.begin(), pat.end(), 'K', 'h');
        hour = 12;
    }
    std::optional<std::string> s = text::format_time(hour, t.minute, pat);
    if (!s) {
        (void)for_node;
        return digits(two(t.hour) + ":" + two(t.minute));
    }
    return digits(*s);
}

Node Resolver::date_node(const model::Date& d, NodeId for_node) {
    Node n;
    n.role = Role::time;
    n.source = for_node;
    n.datetime = iso_date(d);
    n.children.push_back(text_node(date_text(d, for_node)));
    return n;
}

Node Resolver::time_node(const model::Date& d, const model::Time& t, NodeId for_node) {
    Node n;
    n.role = Role::time;
    n.source = for_node;
    n.datetime = iso_datetime(d, t);
    n.children.push_back(text_node(time_text(t, for_node)));
    return n;
}

// A date followed by a time of the same day (directly or after spaces) is one instant: one
// <time> element 「令和７年３月25日（火曜日）午後６時30分」 with datetime 2025-03-25T18:30+09:00.
void merge_date_and_time(std::vector<Node>& nodes) {
    auto blank = [](const Node& n) {
        return n.role == Role::text && !n.text.empty() && n.text.find_first_not_of(" ") == std::string::npos;
    };
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
        if (nodes[i].role != Role::time || nodes[i].datetime.size() != 10) continue;
        const std::size_t j = blank(nodes[i + 1]) && i + 2 < nodes.size() ? i + 2 : i + 1;
        Node& b = nodes[j];
        if (b.role != Role::time || b.datetime.compare(0, 10, nodes[i].datetime) != 0) continue;
        Node& a = nodes[i];
        a.datetime = b.datetime;
        for (std::size_t k = i + 1; k <= j; ++k) {
            std::vector<Node> moved =
                nodes[k].role == Role::time ? std::move(nodes[k].children) : std::vector<Node>{std::move(nodes[k])};
            append_inline(a.children, std::move(moved));
        }
        nodes.erase(nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    nodes.begin() + static_cast<std::ptrdiff_t>(j) + 1);
    }
}

std::string Resolver::fiscal_year_text(const model::FiscalYear& fy) const {
    if (fy.start_year == 0) return fy.written;  // unresolvable: model::check reports it
    if (!t_.dates.japanese_era) return digits(std::to_string(fy.start_year));
    // The era as the clerk wrote it when it names this fiscal year (FY2019 may be 平成31年度
    // or 令和元年度); otherwise the conventional name (text::fiscal_era_year).
    for (const text::EraYear& e : text::accepted_fiscal_era_years(fy.start_year)) {
        if (fy.era_year == e.year && !fy.era.empty() &&
            (fy.era == e.era || text::gregorian_year(fy.era, fy.era_year) == text::gregorian_year(e.era, e.year)))
            return e.era + era_number(e.year);
    }
    if (std::optional<text::EraYear> e = text::fiscal_era_year(fy.start_year)) return e->era + era_number(e->year);
    return digits(std::to_string(fy.start_year));
}

void Resolver::person_values(PatternValues& v, const model::Person& p) const {
    auto [family, given] = split_name(p.name);
    v.set_text("name", p.name)
        .set_text("family_name", family)
        .set_text("given_name", given)
        .set_text("qualifier", p.qualifier)
        .set_text("title", p.title)
        .set_text("role", p.role)
        .set_text("affiliation", p.affiliation)
        .set_text("reading", p.reading);
}

std::string Resolver::group_name(const model::Group& g, NodeId for_node) {
    if (!g.name.empty()) return g.name;
    return label(std::string("group.") + group_kind_name(g.kind), for_node);
}

// 「岩﨑委員」 (name + title), 「冨田副会長」 (name + role), 「事務局」 (a group): the name a heading
// or a sentence uses for someone. Patterns per kind of group override the general ones.
std::vector<Node> Resolver::speaker(std::string_view id, NodeId for_node) {
    auto pit = people_.find(std::string(id));
    if (pit != people_.end()) {
        const model::Person& p = *pit->second.person;
        const std::string kind = group_kind_name(pit->second.kind);
        const bool role = !p.role.empty();
        std::vector<std::string> keys;
        if (role) keys = {"speaker." + kind + ".with-role", "speaker.with-role"};
        keys.push_back("speaker." + kind);
        keys.push_back("speaker");
        for (const std::string& k : keys) {
            if (!has_pattern(k)) continue;
            PatternValues v;
            person_values(v, p);
            std::vector<Node> out = word(k, v, for_node);
            for (Node& n : out) n.source = p.id;
            if (!out.empty()) return out;
            // A pattern that prints nothing for this person (say {title} with no title) falls
            // through to the next, ending with the name alone.
        }
        if (!has_pattern("speaker")) pattern("speaker", for_node);
        Node n = text_node(p.name);
        n.source = p.id;
        return {n};
    }
    auto git = groups_.find(std::string(id));
    if (git != groups_.end()) {
        PatternValues v;
        v.set_text("group", group_name(*git->second, for_node));
        std::vector<Node> out = word("speaker.group", v, for_node);
        for (Node& n : out) n.source = git->second->id;
        return out;
    }
    // An unknown id: model::check reports it; print the id so nothing is silently lost.
    return {text_node(std::string(id))};
}

// ------------------------------------------------------------------ nodes

Node Resolver::block(Role role, const std::string& style_name, NodeId source) {
    Node n;
    n.role = role;
    n.style = style(style_name);
    n.source = source;
    return n;
}

void Resolver::inline_node(const Inline& in, const std::string& lang, std::vector<Node>& out) {
    const std::string own = in.lang.empty() ? lang : in.lang;
    auto with_lang = [&](Node n) {
        if (own != lang) n.lang = own;
        return n;
    };
    switch (in.kind) {
        case Inline::Kind::text: {
            Node n = text_node(in.text);
            n.source = in.id;
            append_inline(out, {n});
            return;
        }
        case Inline::Kind::emphasis:
        case Inline::Kind::span:
        case Inline::Kind::link: {
            Node n;
            n.role = in.kind == Inline::Kind::emphasis ? Role::emphasis
                     : in.kind == Inline::Kind::span   ? Role::span
                                                       : Role::link;
            n.source = in.id;
            if (in.kind == Inline::Kind::link) n.href = in.href.value;
            n.children = inlines(in.children, own);
            out.push_back(with_lang(std::move(n)));
            return;
        }
        case Inline::Kind::quote: {
            Node q;
            q.role = Role::quote;
            q.source = in.id;
            q.children = inlines(in.children, own);
            PatternValues v;
            v.set("text", {with_lang(std::move(q))});
            append_inline(out, word("quote", v, in.id));
            return;
        }
        case Inline::Kind::ruby: {
            Node r;
            r.role = Role::ruby;
            r.source = in.id;
            r.reading = in.reading;
            Node base = text_node(in.text);
            base.source = in.id;
            r.children.push_back(std::move(base));
            out.push_back(with_lang(std::move(r)));
            return;
        }
        case Inline::Kind::person_ref:
            append_inline(out, speaker(in.ref.value, in.id));
            return;
        case Inline::Kind::handout_ref: {
            const model::Handout* h = m_.find_handout(in.ref.value);
            PatternValues v;
            v.set_text("number", h ? digits(h->number) : in.ref.value);
            if (h) v.set("title", inlines(h->title, lang));
            std::vector<Node> w = word("handout-ref", v, in.id);
            for (Node& n : w)
                if (!n.source) n.source = in.id;
            append_inline(out, std::move(w));
            return;
        }
    }
}

std::vector<Node> Resolver::inlines(const InlineContent& content, const std::string& lang) {
    std::vector<Node> out;
    for (const Inline& in : content) inline_node(in, lang, out);
    return out;
}

Node Resolver::paragraph(const model::Paragraph& p, const std::string& style_name) {
    Node n = block(Role::paragraph, style_name, p.id);
    const std::string own = p.lang.empty() ? lang_ : p.lang;
    if (own != lang_) n.lang = own;
    n.children = inlines(p.content, own);
    return n;
}

Node Resolver::label_node(const Mark& mk) {
    Node l;
    l.role = Role::label;
    l.alt = mk.alt;
    l.children.push_back(text_node(mk.text));
    return l;
}

// ------------------------------------------------------------------ header

void Resolver::title(Node& root) {
    const model::Header& h = m_.header;
    PatternValues v;
    v.set_text("body", h.body_name);
    v.set_text("issuer", h.issuer);
    v.set_text("kind", label(kind_key(m_.kind), m_.id));
    if (h.session) {
        const model::Session& s = *h.session;
        if (s.fiscal_year) v.set_text("fiscal_year", fiscal_year_text(*s.fiscal_year));
        if (s.year) {
            const int y = s.year->value;
            std::string year = digits(std::to_string(y));
            if (t_.dates.japanese_era)
                if (std::optional<text::EraYear> e = text::era_year({y, 12, 31})) year = e->era + era_number(e->year);
            v.set_text("year", year);
        }
        if (s.number) v.set_text("number", digits(std::to_string(*s.number)));
        v.set_flag("extraordinary", s.extraordinary);
        v.set_text("session_name", s.name);
    }

    Node heading = block(Role::heading, "title", h.id);
    heading.level = 1;
    if (t_.title.empty()) missing("the title (no <title> in <wording>)", "タイトル（<wording> の <title>）", m_.id);
    std::string plain;
    for (const TitleLine& line : t_.title) {
        Node l = block(Role::line, line.style, h.id);
        PatternError err;
        std::optional<CompiledPattern> p = parse_pattern(line.pattern.text, err);
        if (!p) continue;
        std::vector<const PatternPart*> names, labels;
        pattern_names(*p, names, labels);
        const bool names_body = std::any_of(names.begin(), names.end(),
                                            [](const PatternPart* q) { return q->text == "body"; });
        if (names_body && h.title) {
            // <title> replaces the line the template builds from body-name and session.
            l.source = h.title->id;
            l.children = inlines(h.title->content, h.title->lang.empty() ? lang_ : h.title->lang);
        } else {
            l.children = expand_pattern(*p, v, [this](std::string_view k) { return label_lookup(k); });
            for (Node& c : l.children) c.source = h.body_name_id;
        }
        const std::string words = plain_text(l.children);
        if (words.empty()) continue;
        const BlockStyle* st = doc_.style_of(l);
        if (st && (st->letter_spacing > 0 || st->jidori > 0)) l.actual_text = words;
        if (!plain.empty()) plain += ' ';
        plain += words;
        heading.children.push_back(std::move(l));
    }
    doc_.title = plain;
    root.children.push_back(std::move(heading));

    if (h.subtitle) {
        Node p = block(Role::paragraph, "subtitle", h.subtitle->id);
        PatternValues sv;
        sv.set("text", inlines(h.subtitle->content, lang_));
        p.children = word("subtitle", sv, h.subtitle->id);
        if (!p.children.empty()) root.children.push_back(std::move(p));
    }
    if (h.published) {
        Node p = block(Role::paragraph, "published", h.id);
        PatternValues pv;
        pv.set("date", {date_node(h.published->value, h.id)});
        p.children = word("published", pv, h.id);
        if (!p.children.empty()) root.children.push_back(std::move(p));
    }
    if (!h.issuer.empty()) {
        Node p = block(Role::paragraph, "issuer", h.id);
        PatternValues iv;
        iv.set_text("issuer", h.issuer);
        p.children = word("issuer", iv, h.id);
        if (!p.children.empty()) root.children.push_back(std::move(p));
    }
}

// ------------------------------------------------------------------ particulars

// The labels of the particulars are spread to one width (均等割り, JLREQ §3.7.3), the width of
// the longest: a template made for 日時・会場・出席者 (3 zw) that meets 配付資料 or 次回開催
// spreads every label to 4 zw and moves the value column out by the same 1 zw, as a clerk
// does in Word, instead of running the long label into its value.
void Resolver::widen_particular_labels(std::size_t longest) {
    BlockStyle* term = nullptr;
    BlockStyle* item = nullptr;
    for (auto& st : doc_.styles) {
        if (st.name == "particular-term") term = &st;
        if (st.name == "particular") item = &st;
    }
    if (!term || !item || term->jidori <= 0 || item->term_width <= 0) return;
    const double delta = static_cast<double>(longest) - term->jidori;
    if (delta <= 0) return;
    const double old_column = item->term_width;
    for (auto& st : doc_.styles) {
        const bool in_term = st.name.rfind("particular-term", 0) == 0;
        if (in_term && st.jidori > 0 && st.jidori < static_cast<double>(longest)) st.jidori = static_cast<double>(longest);
        // Everything set in the value column (its styles start at or beyond the column).
        const bool in_value = st.name.rfind("particular-value", 0) == 0 || st.name.rfind("attendee", 0) == 0 ||
                              st.name.rfind("attendance", 0) == 0 || st.name.rfind("handout", 0) == 0 ||
                              st.name.rfind("agenda", 0) == 0;
        if (in_value && st.start_indent >= old_column) st.start_indent += delta;
    }
    item->term_width += delta;
}

void Resolver::particulars(Node& root) {
    if (!m_.has_particulars || m_.particulars.empty()) return;
    Node list = block(Role::definition_list, "particulars", m_.particulars_id);
    auto key_and_word = [&](const model::Particular& part, NodeId id) -> std::pair<std::string, std::string> {
        if (std::holds_alternative<model::OtherParticular>(part))
            return {std::string{}, std::get<model::OtherParticular>(part).label};
        const std::string key = std::holds_alternative<model::DateTime>(part)      ? "datetime"
                                : std::holds_alternative<model::Venue>(part)       ? "venue"
                                : std::holds_alternative<model::Attendance>(part)  ? "attendance"
                                : std::holds_alternative<model::Observers>(part)   ? "observers"
                                : std::holds_alternative<model::Handouts>(part)    ? "handouts"
                                : std::holds_alternative<model::Agenda>(part)      ? "agenda"
                                                                                   : "next-meeting";
        return {key, label(key, id)};
    };
    widen_particular_labels([&] {
        std::size_t longest = 0;
        for (const model::Particular& part : m_.particulars) {
            NodeId id;
            std::visit([&](const auto& p) { id = p.id; }, part);
            longest = std::max(longest, utf8::length(key_and_word(part, id).second));
        }
        return longest;
    }());
    int number = 0;
    for (const model::Particular& part : m_.particulars) {
        NodeId id;
        std::visit([&](const auto& p) { id = p.id; }, part);
        auto [key, word_text] = key_and_word(part, id);

        Node item = block(Role::definition_item, "particular", id);
        Node term = block(Role::term, "particular-term", id);
        // A label word with its own 均等割り width gets a style of its own.
        if (const LabelWord* w = key.empty() ? nullptr : t_.find_label(key)) {
            const BlockStyle* st = doc_.style_of(term);
            if (w->jidori >= 0 && st && w->jidori != st->jidori) {
                const std::string derived = st->name + "." + key;
                if (style_index_.find(derived) == style_index_.end()) {
                    BlockStyle copy = *st;
                    copy.name = derived;
                    copy.jidori = w->jidori;
                    doc_.styles.push_back(copy);
                    style_index_[derived] = static_cast<int>(doc_.styles.size() - 1);
                }
                term.style = style_index_[derived];
            }
        }
        ++number;
        const std::string num = number_label(t_.particulars_numbering, number, t_.digits);
        if (!num.empty()) {
            Node span;
            span.role = Role::span;
            span.marker = true;
            span.children.push_back(text_node(num));
            term.children.push_back(std::move(span));
        }
        term.children.push_back(text_node(word_text));

        Node def = block(Role::definition, "particular-value", id);
        if (const auto* dt = std::get_if<model::DateTime>(&part)) {
            PatternValues v;
            const model::Date& date = dt->date.value;
            v.set("date", {date_node(date, dt->id)});
            auto t = [&](const char* name, const std::optional<model::Located<model::Time>>& tm) {
                if (tm) v.set(name, {time_node(date, tm->value, dt->id)});
            };
            t("start", dt->start);
            t("end", dt->end);
            t("opened", dt->opened);
            t("closed", dt->closed);
            def.children = word("datetime", v, dt->id);
            merge_date_and_time(def.children);
        } else if (const auto* ve = std::get_if<model::Venue>(&part)) {
            PatternValues v;
            const std::string own = ve->lang.empty() ? lang_ : ve->lang;
            v.set("text", inlines(ve->text, own));
            def.children = word(venue_key(ve->mode), v, ve->id);
        } else if (const auto* at = std::get_if<model::Attendance>(&part)) {
            attendance(*at, def);
        } else if (const auto* ob = std::get_if<model::Observers>(&part)) {
            PatternValues v;
            v.set_text("count", digits(std::to_string(ob->count)));
            def.children = word(ob->count == 0 ? "observers.none" : "observers", v, ob->id);
        } else if (const auto* hs = std::get_if<model::Handouts>(&part)) {
            Node l = block(Role::list, "handout-list", hs->id);
            l.level = 1;
            for (const model::Handout& h : hs->items) {
                Node li = block(Role::list_item, "handout-item", h.id);
                Node body = block(Role::list_body, "handout-item", h.id);
                Node p = block(Role::paragraph, "handout-text", h.id);
                PatternValues v;
                v.set_text("number", digits(h.number));
                v.set("title", inlines(h.title, lang_));
                v.set_text("note", h.note);
                p.children = word("handout", v, h.id);
                body.children.push_back(std::move(p));
                li.children.push_back(std::move(body));
                l.children.push_back(std::move(li));
            }
            def.children.push_back(std::move(l));
        } else if (const auto* ag = std::get_if<model::Agenda>(&part)) {
            Node l = block(Role::list, "agenda-list", ag->id);
            l.level = 1;
            l.ordered = true;
            int n = 0;
            if (m_.proceedings) {
                for (const model::Block& b : m_.proceedings->blocks) {
                    const auto* it = std::get_if<model::Item>(&b.node);
                    if (!it) continue;
                    const bool numbered = it->kind != model::ItemKind::procedural || t_.number_procedural;
                    if (!numbered) continue;
                    ++n;
                    Node li = block(Role::list_item, "agenda-item", it->id);
                    if (!t_.item_levels.empty()) {
                        Node lb;
                        lb.role = Role::label;
                        lb.children.push_back(text_node(number_label(t_.item_levels.front(), n, t_.digits)));
                        li.children.push_back(std::move(lb));
                    }
                    Node body = block(Role::list_body, "agenda-item", it->id);
                    Node p = block(Role::paragraph, "agenda-text", it->id);
                    p.children = item_title(*it);
                    body.children.push_back(std::move(p));
                    li.children.push_back(std::move(body));
                    l.children.push_back(std::move(li));
                }
            }
            if (!l.children.empty()) def.children.push_back(std::move(l));
        } else if (const auto* nm = std::get_if<model::NextMeeting>(&part)) {
            PatternValues v;
            if (nm->date) {
                v.set("date", {date_node(nm->date->value, nm->id)});
                if (nm->start) v.set("start", {time_node(nm->date->value, nm->start->value, nm->id)});
            }
            v.set("text", inlines(nm->text, nm->lang.empty() ? lang_ : nm->lang));
            def.children = word("next-meeting", v, nm->id);
            merge_date_and_time(def.children);
        } else if (const auto* op = std::get_if<model::OtherParticular>(&part)) {
            const std::string own = op->lang.empty() ? lang_ : op->lang;
            if (!op->paragraphs.empty()) {
                for (const model::Paragraph& p : op->paragraphs) def.children.push_back(paragraph(p, "particular-value"));
            } else {
                def.children = inlines(op->text, own);
            }
            if (own != lang_) def.lang = own;
        }
        item.children.push_back(std::move(term));
        item.children.push_back(std::move(def));
        list.children.push_back(std::move(item));
    }
    root.children.push_back(std::move(list));
}

// 出席者: one run-on list of names per group (with the group's name as its caption when more
// than one group prints), then the absentees 「（欠席）瀨委員、…」, then the notes (敬称略 …).
void Resolver::attendance(const model::Attendance& a, Node& def) {
    std::vector<const model::Group*> groups;
    auto collect = [&](const auto& self, const std::vector<model::Group>& gs) -> void {
        for (const model::Group& g : gs) {
            if (!g.people.empty()) groups.push_back(&g);
            self(self, g.subgroups);
        }
    };
    collect(collect, a.groups);
    const bool captions = groups.size() > 1;

    std::vector<Node> sep = word("separator", {}, a.id);
    auto person_text = [&](const model::Person& p, model::GroupKind kind) {
        const std::string k = std::string("attendee.") + group_kind_name(kind);
        PatternValues v;
        person_values(v, p);
        v.set_text("proxy", p.proxy);
        v.set_flag("online", p.mode == model::AttendanceMode::online);
        v.set_flag("in_person", p.mode == model::AttendanceMode::in_person);
        v.set_flag("absent", !p.present && p.proxy.empty());
        // Most specific first: attendee.members.with-role, attendee.with-role (for someone
        // with a role: 髙橋座長), attendee.members, attendee.
        std::vector<std::string> keys;
        if (!p.role.empty()) keys = {k + ".with-role", "attendee.with-role"};
        keys.push_back(k);
        std::string key = "attendee";
        for (const std::string& c : keys)
            if (has_pattern(c)) {
                key = c;
                break;
            }
        std::vector<Node> out = word(key, v, p.id);
        for (Node& n : out) n.source = p.id;
        return out;
    };
    auto run_on = [&](std::vector<std::pair<const model::Person*, model::GroupKind>> people, std::vector<Node> caption,
                      NodeId id, const char* css) {
        Node list = block(Role::list, "attendee-list", id);
        list.level = 1;
        list.inline_items = true;
        list.css_class = css;
        if (!caption.empty()) {
            Node c = block(Role::caption, "attendee-list", id);
            c.children = std::move(caption);
            list.children.push_back(std::move(c));
        }
        for (std::size_t i = 0; i < people.size(); ++i) {
            Node li = block(Role::list_item, "attendee-list", people[i].first->id);
            Node body = block(Role::list_body, "attendee-list", people[i].first->id);
            body.children = person_text(*people[i].first, people[i].second);
            if (i + 1 < people.size()) append_inline(body.children, sep);
            li.children.push_back(std::move(body));
            list.children.push_back(std::move(li));
        }
        def.children.push_back(std::move(list));
    };
    for (const model::Group* g : groups) {
        std::vector<std::pair<const model::Person*, model::GroupKind>> present, absent;
        for (const model::Person& p : g->people)
            ((p.present || !p.proxy.empty()) ? present : absent).emplace_back(&p, g->kind);
        PatternValues gv;
        gv.set_text("group", group_name(*g, g->id));
        if (!present.empty())
            run_on(present, captions ? word("attendance.group-caption", gv, g->id) : std::vector<Node>{}, g->id,
                   "present");
        if (!absent.empty()) run_on(absent, word("attendance.absent-caption", gv, g->id), g->id, "absent");
    }

    std::vector<Node> notes;
    auto add_note = [&](std::vector<Node> n) {
        if (n.empty()) return;
        if (!notes.empty()) append_inline(notes, sep);
        append_inline(notes, std::move(n));
    };
    if (a.size) {
        PatternValues sv;
        sv.set_text("size", digits(std::to_string(*a.size)));
        add_note(word("attendance.size", sv, a.id));
    }
    if (a.honorifics_omitted) add_note({text_node(label("honorifics-omitted", a.id))});
    switch (a.order) {
        case model::AttendanceOrder::unspecified: break;
        case model::AttendanceOrder::gojuon: add_note({text_node(label("order.gojuon", a.id))}); break;
        case model::AttendanceOrder::seat: add_note({text_node(label("order.seat", a.id))}); break;
        case model::AttendanceOrder::role: add_note({text_node(label("order.role", a.id))}); break;
    }
    if (!notes.empty()) {
        PatternValues nv;
        nv.set("notes", std::move(notes));
        Node p = block(Role::paragraph, "attendance-notes", a.id);
        p.children = word("attendance.notes", nv, a.id);
        if (!p.children.empty()) def.children.push_back(std::move(p));
    }
}

// ------------------------------------------------------------------ proceedings

std::vector<Node> Resolver::item_title(const model::Item& it) {
    PatternValues v;
    std::vector<Node> title;
    if (it.title) title = inlines(it.title->content, it.title->lang.empty() ? lang_ : it.title->lang);
    else if (const char* k = procedure_key(it.procedure)) title = {text_node(label(k, it.id))};
    v.set("title", std::move(title));
    v.set_text("ref", digits(it.ref));
    v.set_text("tag", it.tag);
    if (t_.find_label(item_kind_key(it.kind))) v.set_text("kind", label_lookup(item_kind_key(it.kind)));
    return word("item-heading", v, it.id);
}

void Resolver::item(const model::Item& it, int number, int level, int depth, Node& parent) {
    Node sec = block(Role::section, "body", it.id);
    sec.css_class = "item";
    Node h = block(Role::heading, "item-heading-" + std::to_string(depth), it.id);
    h.level = std::min(level + 1, 6);
    if (number > 0 && !t_.item_levels.empty()) {
        const NumberFormat& f = t_.item_levels[std::min<std::size_t>(static_cast<std::size_t>(depth - 1),
                                                                     t_.item_levels.size() - 1)];
        Node span;
        span.role = Role::span;
        span.marker = true;
        span.children.push_back(text_node(number_label(f, number, t_.digits)));
        h.children.push_back(std::move(span));
    } else if (number > 0) {
        missing("item numbers (no <items> in <numbering>)", "議題の番号（<numbering> の <items>）", it.id);
    }
    append_inline(h.children, item_title(it));
    // An item with neither number nor title has no heading; its contents then stay at the
    // level of the item's siblings, so no heading level is ever skipped.
    const int own_level = h.children.empty() ? level : h.level;
    if (!h.children.empty()) sec.children.push_back(std::move(h));
    blocks(it.blocks, own_level, depth + 1, sec);
    parent.children.push_back(std::move(sec));
}

void Resolver::utterances(const std::vector<const model::Utterance*>& entries, Node& parent) {
    if (entries.empty()) return;
    Node list = block(Role::list, "opinions", entries.front()->id);
    list.level = 1;
    for (const model::Utterance* u : entries) {
        const bool answer = u->kind == model::Utterance::Kind::answer;
        const std::string own = u->lang.empty() ? lang_ : u->lang;
        PatternValues v;
        v.set("text", inlines(u->content, own));
        if (u->by) v.set("speaker", speaker(u->by->value, u->id));
        const char* key = answer ? "answer" : u->kind == model::Utterance::Kind::question ? "question" : "opinion";
        const char* mark_name = answer ? "answer" : u->kind == model::Utterance::Kind::question ? "question" : "bullet";
        const Mark* mk = mark(mark_name, u->id, answer ? nullptr : "bullet");

        Node li = block(Role::list_item, answer ? "answer-item" : "opinion-item", u->id);
        if (mk && !mk->text.empty()) li.children.push_back(label_node(*mk));
        Node body = block(Role::list_body, answer ? "answer-item" : "opinion-item", u->id);
        Node p = block(Role::paragraph, answer ? "answer" : "opinion", u->id);
        if (own != lang_) p.lang = own;
        p.children = word(key, v, u->id);
        body.children.push_back(std::move(p));
        li.children.push_back(std::move(body));
        if (answer) li.css_class = "answer";

        // An answer belongs to the entry it answers: a nested list in that entry's body.
        if (answer && !list.children.empty() && list.children.back().css_class != "answer") {
            Node& prev_body = list.children.back().children.back();
            if (prev_body.children.empty() || prev_body.children.back().role != Role::list) {
                Node nested = block(Role::list, "answers", u->id);
                nested.level = 2;
                prev_body.children.push_back(std::move(nested));
            }
            prev_body.children.back().children.push_back(std::move(li));
        } else {
            list.children.push_back(std::move(li));
        }
    }
    parent.children.push_back(std::move(list));
}

void Resolver::qa(const model::QA& q, Node& parent) {
    Node list = block(Role::list, "qa", q.id);
    list.level = 1;
    list.css_class = "qa";
    for (const model::Utterance& u : q.entries) {
        const bool answer = u.kind == model::Utterance::Kind::answer;
        const std::string own = u.lang.empty() ? lang_ : u.lang;
        PatternValues v;
        v.set("text", inlines(u.content, own));
        if (u.by) v.set("speaker", speaker(u.by->value, u.id));
        Node li = block(Role::list_item, "qa-item", u.id);
        li.css_class = answer ? "answer" : "question";
        if (const Mark* mk = mark(answer ? "qa-answer" : "qa-question", u.id))
            if (!mk->text.empty()) li.children.push_back(label_node(*mk));
        Node body = block(Role::list_body, "qa-item", u.id);
        Node p = block(Role::paragraph, "qa-text", u.id);
        if (own != lang_) p.lang = own;
        p.children = word(answer ? "qa.answer" : "qa.question", v, u.id);
        body.children.push_back(std::move(p));
        li.children.push_back(std::move(body));
        list.children.push_back(std::move(li));
    }
    parent.children.push_back(std::move(list));
}

void Resolver::blocks(const std::vector<model::Block>& bs, int level, int depth, Node& parent) {
    int number = 0;
    const int sub = std::min(level + 1, 6);
    for (const model::Block& b : bs) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, model::Item>) {
                    const bool numbered = x.kind != model::ItemKind::procedural || t_.number_procedural;
                    item(x, numbered ? ++number : 0, level, depth, parent);
                } else if constexpr (std::is_same_v<T, model::Explanation>) {
                    Node p = block(Role::paragraph, "explanation", x.id);
                    PatternValues v;
                    v.set("speaker", speaker(x.by.value, x.id));
                    std::vector<Node> hs;
                    std::vector<Node> sep;
                    if (!x.handouts.empty()) sep = word("separator", {}, x.id);
                    for (const auto& h : x.handouts) {
                        if (!hs.empty()) append_inline(hs, sep);
                        const model::Handout* ho = m_.find_handout(h.value);
                        append_inline(hs, {text_node(ho ? digits(ho->number) : h.value)});
                    }
                    v.set("handouts", std::move(hs));
                    p.children = word(x.handouts.empty() ? "explanation" : "explanation.handouts", v, x.id);
                    if (!p.children.empty()) parent.children.push_back(std::move(p));
                    for (const model::Paragraph& para : x.paragraphs) parent.children.push_back(paragraph(para, "body"));
                } else if constexpr (std::is_same_v<T, model::Opinions>) {
                    std::vector<const model::Utterance*> entries;
                    for (const model::Utterance& u : x.entries) entries.push_back(&u);
                    std::vector<Node> heading;
                    if (x.heading) {
                        heading = x.title ? inlines(x.title->content, lang_) : word("opinions-heading", {}, x.id);
                    }
                    if (heading.empty()) {
                        utterances(entries, parent);
                    } else {
                        Node sec = block(Role::section, "body", x.id);
                        sec.css_class = "opinions";
                        Node h = block(Role::heading, "opinions-heading", x.id);
                        h.level = sub;
                        h.children = std::move(heading);
                        sec.children.push_back(std::move(h));
                        utterances(entries, sec);
                        parent.children.push_back(std::move(sec));
                    }
                } else if constexpr (std::is_same_v<T, model::QA>) {
                    qa(x, parent);
                } else if constexpr (std::is_same_v<T, model::Speech>) {
                    const std::string own = x.lang.empty() ? lang_ : x.lang;
                    Node turn;
                    turn.role = Role::span;
                    turn.css_class = "speaker";
                    turn.source = x.id;
                    auto pit = people_.find(x.by.value);
                    PatternValues v;
                    v.set("speaker", speaker(x.by.value, x.id));
                    std::string key = "speech-turn";
                    if (pit != people_.end()) {
                        person_values(v, *pit->second.person);
                        const std::string kind = group_kind_name(pit->second.kind);
                        const bool role = !pit->second.person->role.empty();
                        for (const std::string& k :
                             role ? std::vector<std::string>{"speech-turn." + kind + ".with-role", "speech-turn.with-role",
                                                             "speech-turn." + kind}
                                  : std::vector<std::string>{"speech-turn." + kind})
                            if (has_pattern(k)) {
                                key = k;
                                break;
                            }
                    }
                    turn.children = word(key, v, x.id);
                    bool first = true;
                    for (const model::Paragraph& para : x.paragraphs) {
                        Node p = block(Role::paragraph, first ? "speech" : "speech-continued", para.id);
                        const std::string plang = para.lang.empty() ? own : para.lang;
                        if (plang != lang_) p.lang = plang;
                        if (first && !turn.children.empty()) p.children.push_back(turn);
                        append_inline(p.children, inlines(para.content, plang));
                        first = false;
                        parent.children.push_back(std::move(p));
                    }
                } else if constexpr (std::is_same_v<T, model::Interjection>) {
                    Node p = block(Role::paragraph, "interjection", x.id);
                    PatternValues v;
                    Node t = text_node(x.text);
                    t.source = x.id;
                    v.set("text", x.text.empty() ? std::vector<Node>{} : std::vector<Node>{t});
                    p.children = word(interjection_key(x.kind), v, x.id);
                    parent.children.push_back(std::move(p));
                } else if constexpr (std::is_same_v<T, model::Supplement>) {
                    const bool nominal = x.phrasing == model::Supplement::Phrasing::nominal ||
                                         (x.phrasing == model::Supplement::Phrasing::unspecified &&
                                          t_.supplement_phrasing == Phrasing::nominal);
                    const std::string key = std::string(x.kind == model::Supplement::Kind::information ? "information"
                                                                                                       : "supplement") +
                                            (nominal ? ".nominal" : ".verbal");
                    PatternValues v;
                    v.set("speaker", speaker(x.by.value, x.id));
                    v.set_text("about", x.about);
                    Node sec = block(Role::section, "body", x.id);
                    sec.css_class = "supplement";
                    Node h = block(Role::heading, "supplement-heading", x.id);
                    h.level = sub;
                    h.children = word(key, v, x.id);
                    if (!h.children.empty()) sec.children.push_back(std::move(h));
                    std::vector<const model::Utterance*> run;
                    for (const auto& e : x.entries) {
                        if (const auto* u = std::get_if<model::Utterance>(&e)) {
                            run.push_back(u);
                        } else {
                            utterances(run, sec);
                            run.clear();
                            sec.children.push_back(paragraph(std::get<model::Paragraph>(e), "body"));
                        }
                    }
                    utterances(run, sec);
                    parent.children.push_back(std::move(sec));
                } else if constexpr (std::is_same_v<T, model::Decision>) {
                    Node p = block(Role::paragraph, "decision", x.text.id);
                    PatternValues v;
                    v.set_text("kind", label(decision_key(x.kind), x.text.id));
                    if (!x.text.content.empty()) {
                        v.set("text", inlines(x.text.content, x.text.lang.empty() ? lang_ : x.text.lang));
                        p.children = word("decision.text", v, x.text.id);
                    } else {
                        p.children = word("decision.kind", v, x.text.id);
                    }
                    if (!p.children.empty()) parent.children.push_back(std::move(p));
                } else if constexpr (std::is_same_v<T, model::Note>) {
                    Node n = block(Role::note, "note", x.text.id);
                    if (const Mark* mk = mark("note", x.text.id))
                        if (!mk->text.empty()) n.children.push_back(label_node(*mk));
                    const std::string own = x.text.lang.empty() ? lang_ : x.text.lang;
                    if (own != lang_) n.lang = own;
                    append_inline(n.children, inlines(x.text.content, own));
                    parent.children.push_back(std::move(n));
                } else if constexpr (std::is_same_v<T, model::Paragraph>) {
                    parent.children.push_back(paragraph(x, "body"));
                } else if constexpr (std::is_same_v<T, model::List>) {
                    Node l = block(Role::list, "list", x.id);
                    l.level = 1;
                    l.ordered = x.ordered;
                    int n = 0;
                    for (const model::Paragraph& li_p : x.items) {
                        Node li = block(Role::list_item, "list-item", li_p.id);
                        ++n;
                        if (x.ordered) {
                            Node lb;
                            lb.role = Role::label;
                            lb.children.push_back(text_node(number_label(t_.ordered_list, n, t_.digits)));
                            li.children.push_back(std::move(lb));
                        } else if (const Mark* mk = mark("bullet", li_p.id)) {
                            if (!mk->text.empty()) li.children.push_back(label_node(*mk));
                        }
                        Node body = block(Role::list_body, "list-item", li_p.id);
                        body.children.push_back(paragraph(li_p, "list-text"));
                        li.children.push_back(std::move(body));
                        l.children.push_back(std::move(li));
                    }
                    parent.children.push_back(std::move(l));
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    Node tb = block(Role::table, "table", x.id);
                    if (x.caption) {
                        Node c = block(Role::caption, "table-caption", x.caption->id);
                        c.children = inlines(x.caption->content, lang_);
                        tb.children.push_back(std::move(c));
                    }
                    for (const model::Row& r : x.rows) {
                        Node row = block(Role::table_row, "table", r.id);
                        for (const model::Cell& c : r.cells) {
                            Node cell = block(c.header ? Role::header_cell : Role::data_cell, "table-cell", c.id);
                            const std::string own = c.lang.empty() ? lang_ : c.lang;
                            if (own != lang_) cell.lang = own;
                            cell.children = inlines(c.content, own);
                            row.children.push_back(std::move(cell));
                        }
                        tb.children.push_back(std::move(row));
                    }
                    parent.children.push_back(std::move(tb));
                } else if constexpr (std::is_same_v<T, model::ClosedSession>) {
                    Node p = block(Role::paragraph, "closed-session", x.id);
                    PatternValues v;
                    v.set_text("reason", x.reason);
                    p.children = word("closed-session", v, x.id);
                    if (!p.children.empty()) parent.children.push_back(std::move(p));
                }
            },
            b.node);
    }
}

void Resolver::proceedings(Node& root) {
    if (!m_.proceedings) return;
    const model::Proceedings& pr = *m_.proceedings;
    Node sec = block(Role::section, "body", pr.id);
    sec.css_class = "proceedings";
    Node h = block(Role::heading, "proceedings-heading", pr.id);
    h.level = 2;
    h.children = pr.title ? inlines(pr.title->content, pr.title->lang.empty() ? lang_ : pr.title->lang)
                          : word("proceedings-heading", {}, pr.id);
    int level = 1;
    if (!h.children.empty()) {
        sec.children.push_back(std::move(h));
        level = 2;
    }
    blocks(pr.blocks, level, 1, sec);
    root.children.push_back(std::move(sec));
}

void Resolver::contact(Node& root) {
    if (!m_.contact) return;
    const model::Contact& c = *m_.contact;
    Node sec = block(Role::section, "body", c.id);
    sec.css_class = "contact";
    Node h = block(Role::heading, "contact-heading", c.id);
    h.level = 2;
    h.children = word("contact-heading", {}, c.id);
    if (!h.children.empty()) sec.children.push_back(std::move(h));
    Node p = block(Role::paragraph, "contact", c.id);
    auto line = [&](const std::string& key, PatternValues v) {
        Node l = block(Role::line, "contact", c.id);
        l.children = word(key, v, c.id);
        if (!l.children.empty()) p.children.push_back(std::move(l));
    };
    for (const std::string& office : c.offices) {
        PatternValues v;
        v.set_text("office", office);
        line("contact.office", v);
    }
    if (!c.phone.empty()) {
        PatternValues v;
        v.set_text("phone", c.phone);
        v.set_text("extension", c.extension);
        line("contact.phone", v);
    }
    if (!c.fax.empty()) {
        PatternValues v;
        v.set_text("fax", c.fax);
        line("contact.fax", v);
    }
    auto link = [](const std::string& href, const std::string& text) {
        Node a;
        a.role = Role::link;
        a.href = href;
        a.children.push_back(text_node(text));
        return a;
    };
    if (!c.email.empty()) {
        PatternValues v;
        v.set("email", {link("mailto:" + c.email, c.email)});
        line("contact.email", v);
    }
    if (!c.url.empty()) {
        PatternValues v;
        v.set("url", {link(c.url, c.url)});
        line("contact.url", v);
    }
    if (!p.children.empty()) sec.children.push_back(std::move(p));
    root.children.push_back(std::move(sec));
}

StyledDoc Resolver::run() {
    doc_.lang = m_.lang.empty() ? "ja" : m_.lang;
    lang_ = doc_.lang;
    doc_.template_name = t_.id;
    doc_.page = t_.page;
    doc_.kinsoku = t_.kinsoku;
    doc_.latin_spacing = t_.latin_spacing;
    doc_.styles = t_.styles;
    for (const TemplateFont& f : t_.fonts) doc_.fonts.push_back({f.id, f.path, f.family, f.bold, f.fallback});
    for (const TemplateFontRole& r : t_.font_roles) doc_.font_roles.push_back({r.name, r.chain});
    doc_.css = t_.css;
    doc_.source_file = m_.file;
    doc_.locations = m_.locations;

    auto index_groups = [&](const auto& self, const std::vector<model::Group>& gs) -> void {
        for (const model::Group& g : gs) {
            if (!g.xml_id.value.empty()) groups_[g.xml_id.value] = &g;
            for (const model::Person& p : g.people) people_[p.xml_id.value] = {&p, g.kind};
            self(self, g.subgroups);
        }
    };
    for (const model::Particular& part : m_.particulars)
        if (const auto* a = std::get_if<model::Attendance>(&part)) index_groups(index_groups, a->groups);

    Node root;
    root.role = Role::document;
    root.source = m_.id;
    root.style = style("body");
    if (m_.status == model::Status::provisional) {
        Node p = block(Role::paragraph, "banner", m_.id);
        p.children = word("provisional", {}, m_.id);
        if (!p.children.empty()) root.children.push_back(std::move(p));
    }
    title(root);
    particulars(root);
    proceedings(root);
    if (m_.end_mark) {
        Node p = block(Role::paragraph, "end", m_.id);
        p.children = word("end", {}, m_.id);
        if (!p.children.empty()) root.children.push_back(std::move(p));
    }
    contact(root);
    doc_.root = std::move(root);
    return std::move(doc_);
}

}  // namespace

StyledDoc resolve(const model::Minutes& minutes, const Template& tmpl, Diagnostics& diags) {
    Resolver r(minutes, tmpl, diags);
    return r.run();
}

}  // namespace gijiroku::style
