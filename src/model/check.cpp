#include "model/check.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/utf8.hpp"
#include "text/char_class.hpp"
#include "text/char_info.hpp"
#include "text/digits.hpp"
#include "text/era_date.hpp"

namespace gijiroku::model {

namespace {

// ------------------------------------------------------------------ small helpers

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string iso(const Date& d) {
    std::string y = std::to_string(d.year);
    while (y.size() < 4) y.insert(0, "0");
    return y + "-" + two(d.month) + "-" + two(d.day);
}

std::string hhmm(const Time& t) { return two(t.hour) + ":" + two(t.minute); }

std::string line_of(SourceLoc loc) { return std::to_string(loc.line); }

text::CivilDate civil(const Date& d) { return {d.year, d.month, d.day}; }

// Weekday names by text::weekday() number (0 = Sunday).
constexpr const char* weekday_ja[] = {"日", "月", "火", "水", "木", "金", "土"};
constexpr const char* weekday_en[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};

// "令和6" / "令和元" as a Japanese reader says a year of an era.
std::string era_text(const std::string& era, int year) {
    return era + (year == 1 ? std::string("元") : std::to_string(year));
}

// How a person is named in messages: 井上（愛）委員.
std::string display_name(const Person& p) {
    std::string s = p.name;
    if (!p.qualifier.empty()) s += "（" + p.qualifier + "）";
    s += p.title;
    return s;
}

// A text with each code point's byte offset, for mapping text:: ranges (code point indices)
// back to byte offsets and source positions.
struct Decoded {
    std::u32string text;
    std::vector<std::size_t> offsets;  // offsets[i]: byte offset of text[i]; one past: size
};

Decoded decode(std::string_view s) {
    Decoded d;
    std::size_t pos = 0;
    while (pos < s.size()) {
        d.offsets.push_back(pos);
        d.text.push_back(utf8::next(s, pos).value_or(U'\uFFFD'));
    }
    d.offsets.push_back(s.size());
    return d;
}

// XML white space, no-break space, the typographic spaces and U+3000: what an "empty" text
// may consist of (E316).
bool is_blank_char(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0' ||
           (c >= U'\u2000' && c <= U'\u200B') || c == U'\u3000';
}

// CJK ideographs that an Ideographic Variation Sequence may follow: unified ideographs and
// extensions A–H, compatibility ideographs (the IVD registers sequences on these only).
bool is_han(char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF);
}

// Levenshtein distance over code points, for "did you mean" (E307).
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// ------------------------------------------------------------------ walking the model

// Where a paragraph-like content stands; rules choose what they look at by role.
enum class Role : std::uint8_t {
    title,          // header title/subtitle, proceedings, item, opinions title
    paragraph,      // p in proceedings, explanation, speech, supplement, particular
    utterance,      // opinion, question, answer
    list_item,      // li
    note,           // note
    decision,       // decision text (may be empty)
    caption,        // table caption
    cell,           // table cell (may be empty; may hold numbers such as "1.")
    particular,     // venue, next-meeting, one-line particular, handout title
};

struct Para {
    const InlineContent* content;
    NodeId element;
    Role role;
    const Utterance* utterance = nullptr;  // when role == utterance
};

// A text whose characters checks look at: a run of inline content, or a plain string field.
struct TextRef {
    std::string_view text;
    NodeId run;                         // valid for an inline text run
    const StringField* field = nullptr;  // otherwise
};

enum class Target : std::uint8_t { person, group, handout, item };

const char* target_en(Target t) {
    switch (t) {
        case Target::person: return "a person";
        case Target::group: return "a group";
        case Target::handout: return "a handout";
        case Target::item: return "an agenda item";
    }
    return "";
}
const char* target_ja(Target t) {
    switch (t) {
        case Target::person: return "出席者";
        case Target::group: return "グループ";
        case Target::handout: return "配付資料";
        case Target::item: return "議題";
    }
    return "";
}

struct IdDef {
    std::string_view id;
    Target kind;
    SourceLoc loc;  // the id attribute
    const Person* person = nullptr;
    const Group* group = nullptr;
};

// What a reference may name.
enum class RefKind : std::uint8_t {
    speaker,   // `by`, person-ref: a person or a group
    handout,   // handout-ref, explanation/@handouts
};

struct Reference {
    const Located<std::string>* ref;
    RefKind kind;
    const char* what_en;  // "the speaker of this opinion"
    const char* what_ja;
    bool speaks;          // the named person speaks here (E308)
};

class Checker {
public:
    Checker(const Minutes& m, Diagnostics& d) : m_(m), d_(d) { index(); }

    // One function per rule (docs/diagnostics.md).
    void weekday();                 // E301
    void fiscal_year();             // E302
    void era_year();                // E303
    void calendar_year();           // E304
    void time_order();              // E305
    void duplicate_ids();           // E306
    void references();              // E307
    void absentee_speaks();         // E308
    void answer_order();            // E309
    void hand_numbering();          // W310
    void mixed_digits();            // W311
    void characters();              // E312, E313, E314, W315
    void empty_text();              // E316
    void link_scheme();             // E317
    void times_outside_span();      // W318
    void next_meeting_order();      // W319
    void untitled_item();           // W321
    void repeated_datetime();       // W322
    void observers_speak();         // W323
    void repeated_name();           // W324
    void hand_indent();             // W325
    void particular_form();         // E326
    void empty_interjection();      // E327
    void proxy_present();           // W328
    void absent_online();           // W329
    void published_order();         // W331
    void attendance_size();         // W332
    void procedure_kind();          // W333

private:
    void index();
    void add_ids(const std::vector<Group>& groups);
    void collect_blocks(const std::vector<Block>& blocks);
    void add_para(const InlineContent& c, NodeId element, Role role, const Utterance* u = nullptr) {
        paras_.push_back({&c, element, role, u});
    }
    void add_paragraph(const Paragraph& p, Role role) { add_para(p.content, p.id, role); }
    void add_utterance(const Utterance& u) {
        add_para(u.content, u.id, Role::utterance, &u);
        speaker(u.by ? &*u.by : nullptr, u.kind == Utterance::Kind::answer ? "the speaker of this answer"
                                         : u.kind == Utterance::Kind::question
                                             ? "the speaker of this question"
                                             : "the speaker of this opinion",
                u.kind == Utterance::Kind::answer     ? "この回答の発言者"
                : u.kind == Utterance::Kind::question ? "この質問の発言者"
                                                      : "この意見の発言者");
    }
    void speaker(const Located<std::string>* by, const char* en, const char* ja) {
        if (by) refs_.push_back({by, RefKind::speaker, en, ja, true});
    }
    void collect_inline_refs(const InlineContent& c);

    SourceLoc text_loc(const TextRef& t, std::size_t offset) const {
        return t.field ? m_.loc_in_string(*t.field, offset) : m_.loc_in_text(t.run, t.text, offset);
    }
    // The first text run of a paragraph, looking into em/span/link (whose text prints first),
    // not into q (the template prints an opening bracket first) or references.
    static const Inline* first_run(const InlineContent& c);

    void error(const char* code, SourceLoc loc, std::string en, std::string ja, std::string hint = {},
               std::string hint_ja = {}) {
        d_.error(code, m_.file, loc, std::move(en), std::move(ja), std::move(hint), std::move(hint_ja));
    }
    void warning(const char* code, SourceLoc loc, std::string en, std::string ja, std::string hint = {},
                 std::string hint_ja = {}) {
        d_.warning(code, m_.file, loc, std::move(en), std::move(ja), std::move(hint), std::move(hint_ja));
    }

    std::string suggestion(std::string_view id, RefKind kind);

    const Minutes& m_;
    Diagnostics& d_;
    std::vector<IdDef> defs_;                              // document order
    std::unordered_map<std::string_view, std::size_t> first_def_;  // id → index in defs_
    std::vector<const DateTime*> datetimes_;
    const DateTime* meeting_ = nullptr;                    // the first datetime particular
    std::vector<Para> paras_;                              // document order
    std::vector<TextRef> texts_;                           // every run and string field
    std::vector<Reference> refs_;                          // document order within each kind
    std::vector<const Explanation*> explanations_;
    std::vector<const Item*> items_;
    std::vector<const Interjection*> interjections_;
    std::vector<const std::vector<Utterance>*> entry_lists_;
    std::vector<const Supplement*> supplements_;
    std::size_t suggestion_budget_ = 20'000'000;  // edit-distance cells; bounds a hostile file
};

// ------------------------------------------------------------------ the index

void Checker::add_ids(const std::vector<Group>& groups) {
    for (const Group& g : groups) {
        if (!g.xml_id.value.empty())
            defs_.push_back({g.xml_id.value, Target::group, g.xml_id.loc, nullptr, &g});
        for (const Person& p : g.people)
            defs_.push_back({p.xml_id.value, Target::person, p.xml_id.loc, &p, nullptr});
        add_ids(g.subgroups);
    }
}

void Checker::collect_inline_refs(const InlineContent& c) {
    for (const Inline& in : c) {
        if (in.kind == Inline::Kind::person_ref)
            refs_.push_back({&in.ref, RefKind::speaker, "this person-ref", "この person-ref", false});
        else if (in.kind == Inline::Kind::handout_ref)
            refs_.push_back({&in.ref, RefKind::handout, "this handout-ref", "この handout-ref", false});
        collect_inline_refs(in.children);
    }
}

void Checker::collect_blocks(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, Item>) {
                    items_.push_back(&node);
                    if (!node.xml_id.value.empty())
                        defs_.push_back({node.xml_id.value, Target::item, node.xml_id.loc});
                    if (node.title) add_paragraph(*node.title, Role::title);
                    collect_blocks(node.blocks);
                } else if constexpr (std::is_same_v<T, Explanation>) {
                    explanations_.push_back(&node);
                    speaker(&node.by, "the explainer", "説明者");
                    for (const Located<std::string>& h : node.handouts)
                        refs_.push_back({&h, RefKind::handout, "this entry of handouts=",
                                         "handouts 属性のこの資料", false});
                    for (const Paragraph& p : node.paragraphs) add_paragraph(p, Role::paragraph);
                } else if constexpr (std::is_same_v<T, Opinions>) {
                    if (node.title) add_paragraph(*node.title, Role::title);
                    entry_lists_.push_back(&node.entries);
                    for (const Utterance& u : node.entries) add_utterance(u);
                } else if constexpr (std::is_same_v<T, QA>) {
                    entry_lists_.push_back(&node.entries);
                    for (const Utterance& u : node.entries) add_utterance(u);
                } else if constexpr (std::is_same_v<T, Speech>) {
                    speaker(&node.by, "the speaker of this speech", "この発言の発言者");
                    for (const Paragraph& p : node.paragraphs) add_paragraph(p, Role::paragraph);
                } else if constexpr (std::is_same_v<T, Interjection>) {
                    interjections_.push_back(&node);
                } else if constexpr (std::is_same_v<T, Supplement>) {
                    supplements_.push_back(&node);
                    speaker(&node.by, "the member giving this supplement", "この補足の発言者");
                    for (const auto& e : node.entries) {
                        if (const auto* u = std::get_if<Utterance>(&e))
                            add_utterance(*u);
                        else
                            add_paragraph(std::get<Paragraph>(e), Role::paragraph);
                    }
                } else if constexpr (std::is_same_v<T, Decision>) {
                    add_paragraph(node.text, Role::decision);
                } else if constexpr (std::is_same_v<T, Note>) {
                    add_paragraph(node.text, Role::note);
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    add_paragraph(node, Role::paragraph);
                } else if constexpr (std::is_same_v<T, List>) {
                    for (const Paragraph& p : node.items) add_paragraph(p, Role::list_item);
                } else if constexpr (std::is_same_v<T, Table>) {
                    if (node.caption) add_paragraph(*node.caption, Role::caption);
                    for (const Row& r : node.rows)
                        for (const Cell& c : r.cells) add_para(c.content, c.id, Role::cell);
                } else {
                    static_assert(std::is_same_v<T, ClosedSession>);
                }
            },
            b.node);
    }
}

void Checker::index() {
    const Header& h = m_.header;
    if (h.title) add_paragraph(*h.title, Role::title);
    if (h.subtitle) add_paragraph(*h.subtitle, Role::title);
    for (const Particular& p : m_.particulars) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, DateTime>) {
                    datetimes_.push_back(&node);
                } else if constexpr (std::is_same_v<T, Venue>) {
                    add_para(node.text, node.id, Role::particular);
                } else if constexpr (std::is_same_v<T, Attendance>) {
                    add_ids(node.groups);
                } else if constexpr (std::is_same_v<T, Handouts>) {
                    for (const Handout& item : node.items) {
                        defs_.push_back({item.xml_id.value, Target::handout, item.xml_id.loc});
                        add_para(item.title, item.id, Role::particular);
                    }
                } else if constexpr (std::is_same_v<T, NextMeeting>) {
                    add_para(node.text, node.id, Role::particular);
                } else if constexpr (std::is_same_v<T, OtherParticular>) {
                    add_para(node.text, node.id, Role::particular);
                    for (const Paragraph& para : node.paragraphs) add_paragraph(para, Role::paragraph);
                }
            },
            p);
    }
    if (!datetimes_.empty()) meeting_ = datetimes_.front();
    if (m_.proceedings) {
        if (m_.proceedings->title) add_paragraph(*m_.proceedings->title, Role::title);
        collect_blocks(m_.proceedings->blocks);
    }
    // Ids in document order (particulars come before proceedings, but be exact).
    std::stable_sort(defs_.begin(), defs_.end(), [](const IdDef& a, const IdDef& b) {
        return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
    });
    for (std::size_t i = 0; i < defs_.size(); ++i) first_def_.try_emplace(defs_[i].id, i);

    // Every character-bearing text: inline runs of all paragraphs, then the string fields.
    const std::function<void(const InlineContent&)> runs = [&](const InlineContent& c) {
        for (const Inline& in : c) {
            if (in.kind == Inline::Kind::text) texts_.push_back({in.text, in.id, nullptr});
            runs(in.children);
        }
    };
    for (const Para& p : paras_) {
        runs(*p.content);
        collect_inline_refs(*p.content);
    }
    for (const StringField& f : m_.strings) texts_.push_back({f.value, NodeId{}, &f});
    // Character rules report in document order.
    std::stable_sort(texts_.begin(), texts_.end(), [this](const TextRef& a, const TextRef& b) {
        const SourceLoc la = a.field ? a.field->loc : m_.loc(a.run);
        const SourceLoc lb = b.field ? b.field->loc : m_.loc(b.run);
        return std::pair(la.line, la.column) < std::pair(lb.line, lb.column);
    });
    // Report references in document order.
    std::stable_sort(refs_.begin(), refs_.end(), [](const Reference& a, const Reference& b) {
        return std::pair(a.ref->loc.line, a.ref->loc.column) < std::pair(b.ref->loc.line, b.ref->loc.column);
    });
}

const Inline* Checker::first_run(const InlineContent& c) {
    if (c.empty()) return nullptr;
    const Inline& in = c.front();
    switch (in.kind) {
        case Inline::Kind::text: return &in;
        case Inline::Kind::emphasis:
        case Inline::Kind::span:
        case Inline::Kind::link: return first_run(in.children);
        default: return nullptr;
    }
}

std::string Checker::suggestion(std::string_view id, RefKind kind) {
    const std::u32string wanted = utf8::decode(id);
    std::size_t best = SIZE_MAX;
    std::string_view best_id;
    for (const IdDef& def : defs_) {
        const bool fits = kind == RefKind::handout ? def.kind == Target::handout
                                                   : (def.kind == Target::person || def.kind == Target::group);
        if (!fits) continue;
        const std::u32string candidate = utf8::decode(def.id);
        const std::size_t cost = (wanted.size() + 1) * (candidate.size() + 1);
        if (cost > suggestion_budget_) return {};
        suggestion_budget_ -= cost;
        const std::size_t dist = edit_distance(wanted, candidate);
        if (dist < best) {
            best = dist;
            best_id = def.id;
        }
    }
    // Close enough to be a slip of the keyboard: one edit per three characters, at least one.
    const std::size_t limit = std::max<std::size_t>(1, wanted.size() / 3);
    if (best == 0 || best > limit) return {};
    return std::string(best_id);
}

// ------------------------------------------------------------------ dates and times

// E301: the weekday written next to a date must be that date's weekday.
void Checker::weekday() {
    const auto one = [&](const Date& date, const Located<std::string>& written, const char* what_en,
                         const char* what_ja) {
        const int wd = text::weekday(civil(date));
        if (wd < 0 || written.value.empty()) return;
        if (written.value.rfind(weekday_ja[wd], 0) == 0) return;
        const std::string right = std::string(weekday_ja[wd]) + "曜日";
        error("E301", written.loc,
              "the weekday " + written.value + " does not agree with the " + what_en + " " + iso(date) +
                  ", which is a " + weekday_en[wd] + " (" + right + ")",
              std::string(what_ja) + " " + iso(date) + " は" + right + "です。曜日「" + written.value +
                  "」と合いません",
              "write weekday=\"" + right + "\", or correct the date",
              "weekday=\"" + right + "\" とするか、日付を直してください");
    };
    for (const DateTime* dt : datetimes_)
        if (dt->weekday) one(dt->date.value, *dt->weekday, "date", "日付");
    for (const Particular& p : m_.particulars)
        if (const auto* n = std::get_if<NextMeeting>(&p); n && n->date && n->weekday)
            one(n->date->value, *n->weekday, "next meeting's date", "次回の日付");
}

// E302: the meeting date lies in the fiscal year the session states (April to March).
void Checker::fiscal_year() {
    const Session* s = m_.header.session ? &*m_.header.session : nullptr;
    if (!s || !s->fiscal_year || s->fiscal_year->start_year == 0) return;
    const FiscalYear& fy = *s->fiscal_year;
    const Date first{fy.start_year, 4, 1};
    const Date last{fy.start_year + 1, 3, 31};
    for (const DateTime* dt : datetimes_) {
        const Date& d = dt->date.value;
        if (d.year == 0 || (first <= d && d <= last)) continue;
        const int actual = text::fiscal_year_of(civil(d));
        std::string actual_ja = std::to_string(actual) + "年度";
        if (auto era = text::fiscal_era_year(actual)) actual_ja = era_text(era->era, era->year) + "年度";
        const std::string range = iso(first) + " to " + iso(last);
        const std::string range_ja = iso(first) + "～" + iso(last);
        error("E302", dt->date.loc,
              "the meeting date " + iso(d) + " is outside the stated fiscal year " + fy.written +
                  " (FY" + std::to_string(fy.start_year) + ": " + range + "; fiscal-year at line " +
                  line_of(fy.loc) + ")",
              "会議の日付 " + iso(d) + " が、記載された年度「" + fy.written + "年度」（" + range_ja + "、" +
                  line_of(fy.loc) + "行目）の範囲外です",
              "the date falls in FY" + std::to_string(actual) + " (" + actual_ja +
                  "): correct fiscal-year or the date",
              "この日付は" + actual_ja + "に当たります。fiscal-year か日付を直してください");
    }
}

// E303: an era year that never named a fiscal year (令和0, 平成32, 昭和64).
void Checker::era_year() {
    const Session* s = m_.header.session ? &*m_.header.session : nullptr;
    if (!s || !s->fiscal_year) return;
    const FiscalYear& fy = *s->fiscal_year;
    if (fy.era.empty() || fy.start_year != 0) return;
    const std::string written = era_text(fy.era, fy.era_year);
    std::string why_en, why_ja, hint_en, hint_ja;
    if (fy.era_year < 1) {
        why_en = "era years start at 1 (元年)";
        why_ja = "元号の年は元年（1年）から始まります";
    } else if (text::gregorian_year(fy.era, fy.era_year)) {
        // The year existed, but its fiscal year carries another name (昭和64 → FY1988 昭和63年度).
        why_en = "that era year ended before April, so no fiscal year was named after it";
        why_ja = "その年は4月より前に改元されたため、その名の年度はありません";
    } else {
        why_en = "the " + fy.era + " era had already ended";
        why_ja = fy.era + "はその年より前に終わっています";
    }
    // What the author probably meant: the same number of years counted on from the era's
    // first year, renamed to the era in use then (平成32 → 2020 → 令和2).
    if (fy.era_year >= 1) {
        if (auto first = text::gregorian_year(fy.era, 1)) {
            const int year = *first + fy.era_year - 1;
            if (auto right = text::fiscal_era_year(year)) {
                const std::string r = era_text(right->era, right->year);
                hint_en = "FY" + std::to_string(year) + " is " + r + "年度: write fiscal-year=\"" + r +
                          "\" or \"" + std::to_string(year) + "\"";
                hint_ja = std::to_string(year) + "年度は" + r + "年度です。fiscal-year=\"" + r + "\" または \"" +
                          std::to_string(year) + "\" と書いてください";
            }
        }
    }
    error("E303", fy.loc, "there is no fiscal year " + written + "年度 (" + fy.written + "): " + why_en,
          "「" + written + "年度」（" + fy.written + "）という年度はありません：" + why_ja, hint_en, hint_ja);
}

// E304: a session counted by calendar year is in the year of its meeting.
void Checker::calendar_year() {
    const Session* s = m_.header.session ? &*m_.header.session : nullptr;
    if (!s || !s->year) return;
    for (const DateTime* dt : datetimes_) {
        const Date& d = dt->date.value;
        if (d.year == 0 || d.year == s->year->value) continue;
        error("E304", s->year->loc,
              "the session year " + std::to_string(s->year->value) + " disagrees with the meeting date " +
                  iso(d) + " (line " + line_of(dt->date.loc) + ")",
              "session の year（" + std::to_string(s->year->value) + "年）が会議の日付 " + iso(d) + "（" +
                  line_of(dt->date.loc) + "行目）と合いません",
              "write year=\"" + std::to_string(d.year) + "\", or correct the date",
              "year=\"" + std::to_string(d.year) + "\" とするか、日付を直してください");
    }
}

// E305: a span starts before it ends; 24:00 only ends a span.
void Checker::time_order() {
    for (const DateTime* dt : datetimes_) {
        const auto pair = [&](const std::optional<Located<Time>>& a, const std::optional<Located<Time>>& b,
                              const char* a_name, const char* b_name) {
            if (a && a->value.hour == 24) {
                error("E305", a->loc, std::string("24:00 cannot be a ") + a_name + " time",
                      std::string("24:00 は ") + a_name + " の時刻にできません",
                      "24:00 is only allowed as an end time; write 00:00 on the next day's date",
                      "24:00 は終了の時刻にだけ使えます");
                return;
            }
            if (!a || !b || a->value.minutes_since_midnight() < b->value.minutes_since_midnight()) return;
            error("E305", b->loc,
                  std::string("the ") + b_name + " time " + hhmm(b->value) + " is not after the " + a_name +
                      " time " + hhmm(a->value),
                  std::string(b_name) + " の時刻 " + hhmm(b->value) + " が " + a_name + " の時刻 " +
                      hhmm(a->value) + " より後になっていません",
                  "check both times (24-hour clock: 午後6時 is 18:00)",
                  "両方の時刻を確かめてください（24時間制：午後6時は 18:00）");
        };
        pair(dt->start, dt->end, "start", "end");
        pair(dt->opened, dt->closed, "opened", "closed");
    }
}

// W318: 開会/閉会 recorded outside the scheduled span.
void Checker::times_outside_span() {
    for (const DateTime* dt : datetimes_) {
        if (dt->opened && dt->start &&
            dt->opened->value.minutes_since_midnight() < dt->start->value.minutes_since_midnight())
            warning("W318", dt->opened->loc,
                    "the meeting opened at " + hhmm(dt->opened->value) + ", before its start time " +
                        hhmm(dt->start->value),
                    "開会 " + hhmm(dt->opened->value) + " が開始時刻 " + hhmm(dt->start->value) + " より前です",
                    "check opened and start", "opened と start を確かめてください");
        if (dt->closed && dt->end &&
            dt->closed->value.minutes_since_midnight() > dt->end->value.minutes_since_midnight())
            warning("W318", dt->closed->loc,
                    "the meeting closed at " + hhmm(dt->closed->value) + ", after its end time " +
                        hhmm(dt->end->value),
                    "閉会 " + hhmm(dt->closed->value) + " が終了時刻 " + hhmm(dt->end->value) + " より後です",
                    "check closed and end", "closed と end を確かめてください");
    }
}

// W319: the next meeting comes after this one.
void Checker::next_meeting_order() {
    if (!meeting_ || meeting_->date.value.year == 0) return;
    for (const Particular& p : m_.particulars) {
        const auto* n = std::get_if<NextMeeting>(&p);
        if (!n || !n->date || meeting_->date.value < n->date->value) continue;
        warning("W319", n->date->loc,
                "the next meeting's date " + iso(n->date->value) + " is not after this meeting (" +
                    iso(meeting_->date.value) + ")",
                "次回の日付 " + iso(n->date->value) + " が今回の会議（" + iso(meeting_->date.value) + "）より後ではありません",
                "check the next meeting's date", "次回の日付を確かめてください");
    }
}

// W322: one meeting, one date line.
void Checker::repeated_datetime() {
    for (std::size_t i = 1; i < datetimes_.size(); ++i)
        warning("W322", m_.loc(datetimes_[i]->id),
                "a second datetime particular; the first (line " + line_of(m_.loc(datetimes_[0]->id)) +
                    ") is taken as the meeting date",
                "日時が２回書かれています。最初のもの（" + line_of(m_.loc(datetimes_[0]->id)) +
                    "行目）を会議の日時とします",
                "keep one <datetime>; a meeting over two days can be described in a <particular>",
                "<datetime> は一つにしてください（２日にわたる会議は <particular> で書けます）");
}

// W331: minutes are published after the meeting.
void Checker::published_order() {
    const auto& pub = m_.header.published;
    if (!pub || !meeting_ || meeting_->date.value.year == 0) return;
    if (!(pub->value < meeting_->date.value)) return;
    warning("W331", pub->loc,
            "the publication date " + iso(pub->value) + " is before the meeting (" + iso(meeting_->date.value) + ")",
            "公表日 " + iso(pub->value) + " が会議の日（" + iso(meeting_->date.value) + "）より前です",
            "check the published date", "published の日付を確かめてください");
}

// ------------------------------------------------------------------ ids and references

// E306: ids are unique in the document (persons, groups, handouts and items share one space).
void Checker::duplicate_ids() {
    for (std::size_t i = 0; i < defs_.size(); ++i) {
        const std::size_t first = first_def_.at(defs_[i].id);
        if (first == i) continue;
        const IdDef& a = defs_[first];
        const IdDef& b = defs_[i];
        error("E306", b.loc,
              "duplicate id \"" + std::string(b.id) + "\": already used at line " + line_of(a.loc) + " for " +
                  target_en(a.kind),
              "id「" + std::string(b.id) + "」が重複しています（" + line_of(a.loc) + "行目の" + target_ja(a.kind) +
                  "で使用済み）",
              "give each person, group, handout and item its own id",
              "出席者・グループ・資料・議題ごとに別の id を付けてください");
    }
}

// E307: every reference names something of the right kind.
void Checker::references() {
    for (const Reference& r : refs_) {
        const std::string& id = r.ref->value;
        if (id.empty()) continue;
        const auto it = first_def_.find(id);
        const bool speaker = r.kind == RefKind::speaker;
        const char* want_en = speaker ? "a person or group" : "a handout";
        const char* want_ja = speaker ? "出席者またはグループ" : "配付資料";
        if (it == first_def_.end()) {
            const std::string guess = suggestion(id, r.kind);
            error("E307", r.ref->loc,
                  std::string(r.what_en) + " names \"" + id + "\", but no " + (speaker ? "person or group" : "handout") +
                      " has that id" + (guess.empty() ? "" : "; did you mean \"" + guess + "\"?"),
                  std::string(r.what_ja) + "の「" + id + "」に当たる" + want_ja + "がありません" +
                      (guess.empty() ? "" : "（「" + guess + "」の誤りですか）"),
                  guess.empty() ? std::string("use the id of ") + want_en + " listed in the particulars"
                                : "write \"" + guess + "\"",
                  guess.empty() ? std::string("開催概要に記載した") + want_ja + "の id を使ってください"
                                : "「" + guess + "」と書いてください");
            continue;
        }
        const IdDef& def = defs_[it->second];
        const bool fits = speaker ? (def.kind == Target::person || def.kind == Target::group)
                                  : def.kind == Target::handout;
        if (fits) continue;
        error("E307", r.ref->loc,
              std::string(r.what_en) + " names \"" + id + "\", which is " + target_en(def.kind) + " (line " +
                  line_of(def.loc) + "), not " + want_en,
              std::string(r.what_ja) + "の「" + id + "」は" + target_ja(def.kind) + "（" + line_of(def.loc) +
                  "行目）で、" + want_ja + "ではありません",
              speaker ? "name the person or group who spoke" : "name a handout's id, or use person-ref for a person",
              speaker ? "発言した出席者またはグループの id を書いてください"
                      : "資料の id を書いてください（人名には person-ref を使います）");
    }
}

// E308: someone listed as absent (and not represented by a proxy) cannot speak.
void Checker::absentee_speaks() {
    for (const Reference& r : refs_) {
        if (!r.speaks) continue;
        const auto it = first_def_.find(r.ref->value);
        if (it == first_def_.end()) continue;
        const Person* p = defs_[it->second].person;
        if (!p || p->present || !p->proxy.empty()) continue;
        const std::string who = display_name(*p);
        error("E308", r.ref->loc,
              who + " (id \"" + p->xml_id.value + "\") is listed as absent at line " + line_of(m_.loc(p->id)) +
                  " but is named as " + r.what_en,
              who + "（id「" + p->xml_id.value + "」）は" + line_of(m_.loc(p->id)) + "行目で欠席とされていますが、" +
                  r.what_ja + "になっています",
              "correct the speaker, or the attendance (present=\"true\", or proxy=\"...\" for 代理出席)",
              "発言者か出欠（present=\"true\"、代理出席なら proxy=\"...\"）を直してください");
    }
}

// W323: an observers group as a whole does not speak.
void Checker::observers_speak() {
    for (const Reference& r : refs_) {
        if (!r.speaks) continue;
        const auto it = first_def_.find(r.ref->value);
        if (it == first_def_.end()) continue;
        const Group* g = defs_[it->second].group;
        if (!g || g->kind != GroupKind::observers) continue;
        warning("W323", r.ref->loc,
                "the observers group \"" + g->xml_id.value + "\" is named as " + r.what_en,
                "オブザーバーのグループ「" + g->xml_id.value + "」が" + r.what_ja + "になっています",
                "name the observer who spoke (a person in the group)",
                "発言したオブザーバー本人（グループ内の person）の id を書いてください");
    }
}

// ------------------------------------------------------------------ structure

// E309: an answer follows the opinion or question it answers (several answers may follow one
// question), so the template can print it under it (→).
void Checker::answer_order() {
    const auto report = [&](const Utterance& u, bool after_paragraph) {
        error("E309", m_.loc(u.id),
              after_paragraph ? "an answer follows a paragraph, not the opinion or question it answers"
                              : "an answer opens the list: there is no opinion or question before it",
              after_paragraph ? "回答の前にあるのが段落で、答える意見・質問ではありません"
                              : "回答が一覧の最初にあり、その前に意見・質問がありません",
              "put the answer right after the opinion or question it answers, or make it an <opinion>",
              "回答は答える意見・質問の直後に置くか、<opinion> にしてください");
    };
    for (const auto* list : entry_lists_) {
        bool open = false;  // an opinion or question (and its answers so far) precede
        for (const Utterance& u : *list) {
            if (u.kind == Utterance::Kind::answer && !open) report(u, false);
            if (u.kind != Utterance::Kind::answer) open = true;
        }
    }
    for (const Supplement* s : supplements_) {
        bool open = false;
        bool after_paragraph = false;
        for (const auto& e : s->entries) {
            const auto* u = std::get_if<Utterance>(&e);
            if (!u) {
                open = false;
                after_paragraph = true;
                continue;
            }
            if (u->kind == Utterance::Kind::answer && !open) report(*u, after_paragraph);
            if (u->kind != Utterance::Kind::answer) open = true;
        }
    }
}

// W321: an item without a title prints an empty agenda line and heading.
void Checker::untitled_item() {
    for (const Item* it : items_) {
        if (it->title) continue;
        if (it->kind == ItemKind::procedural && it->procedure != Procedure::none) continue;
        warning("W321", m_.loc(it->id),
                it->kind == ItemKind::procedural ? "a procedural item without a title or procedure prints no heading"
                                                 : "this item has no title: its heading and agenda line are empty",
                it->kind == ItemKind::procedural ? "title も procedure もない議事進行の項目は見出しが出ません"
                                                 : "この議題には title がなく、見出しと議題の行が空になります",
                it->kind == ItemKind::procedural ? "add procedure=\"opening\" (or closing, greeting, ...) or a <title>"
                                                 : "add a <title>, or kind=\"procedural\" with a procedure",
                it->kind == ItemKind::procedural ? "procedure=\"opening\" などか <title> を付けてください"
                                                 : "<title> を付けるか、kind=\"procedural\" と procedure を指定してください");
    }
}

// W333: `procedure` only means something on a procedural item.
void Checker::procedure_kind() {
    for (const Item* it : items_) {
        if (it->procedure == Procedure::none || it->kind == ItemKind::procedural) continue;
        warning("W333", m_.loc(it->id), "procedure is given on an item whose kind is not procedural; it is ignored",
                "kind が procedural でない議題に procedure が指定されています（無視されます）",
                "write kind=\"procedural\", or remove procedure",
                "kind=\"procedural\" とするか、procedure を削除してください");
    }
}

// E326: a particular is one line or paragraphs, not both (minutes.xsd, Particular).
void Checker::particular_form() {
    for (const Particular& p : m_.particulars) {
        const auto* o = std::get_if<OtherParticular>(&p);
        if (!o || o->text.empty() || o->paragraphs.empty()) continue;
        error("E326", m_.loc(o->text.front().id),
              "particular \"" + o->label + "\" mixes one-line text with <p> paragraphs",
              "事項「" + o->label + "」に一行の文と <p> の段落が混在しています",
              "put all of its text into <p> elements, or write it as one line without <p>",
              "文をすべて <p> に入れるか、<p> を使わず一行で書いてください");
    }
}

// E327: a voice from the floor has its words (（「異議なし」の声あり）).
void Checker::empty_interjection() {
    for (const Interjection* i : interjections_) {
        if (i->kind != Interjection::Kind::voice && i->kind != Interjection::Kind::other) continue;
        const std::u32string t = utf8::decode(i->text);
        if (!std::all_of(t.begin(), t.end(), is_blank_char)) continue;
        error("E327", m_.loc(i->id), "this interjection has no words",
              "不規則発言（声）の文言がありません",
              "write what was said (<interjection>異議なし</interjection>), or use kind=\"applause\" or \"laughter\"",
              "発言の文言を書くか（<interjection>異議なし</interjection>）、kind=\"applause\" / \"laughter\" を使ってください");
    }
}

// ------------------------------------------------------------------ attendance

template <class F>
void for_each_person(const std::vector<Group>& groups, F&& f) {
    for (const Group& g : groups) {
        for (const Person& p : g.people) f(g, p);
        for_each_person(g.subgroups, f);
    }
}

// W324: the same name twice in the attendance without a qualifier to tell them apart.
void Checker::repeated_name() {
    std::unordered_map<std::string, const Person*> seen;
    for (const Particular& part : m_.particulars) {
        const auto* a = std::get_if<Attendance>(&part);
        if (!a) continue;
        for_each_person(a->groups, [&](const Group&, const Person& p) {
            const auto [it, fresh] = seen.try_emplace(p.name + '\0' + p.qualifier, &p);
            if (fresh) return;
            warning("W324", m_.loc(p.id),
                    display_name(p) + " is listed twice (also at line " + line_of(m_.loc(it->second->id)) + ")",
                    display_name(p) + "が２回記載されています（" + line_of(m_.loc(it->second->id)) + "行目にも）",
                    "if they are two people, tell them apart with qualifier (井上（愛）委員); otherwise remove one",
                    "別人なら qualifier で区別し（井上（愛）委員）、同一人物なら一方を削除してください");
        });
    }
}

// W328: a proxy attends in the place of someone absent.
void Checker::proxy_present() {
    for (const IdDef& def : defs_) {
        const Person* p = def.person;
        if (!p || !p->present || p->proxy.empty()) continue;
        warning("W328", m_.loc(p->id),
                display_name(*p) + " has a proxy (" + p->proxy + ") but is not marked absent",
                display_name(*p) + "に代理出席者（" + p->proxy + "）がいますが、欠席になっていません",
                "write present=\"false\" together with proxy", "proxy と一緒に present=\"false\" を書いてください");
    }
}

// W329: an absentee cannot attend online.
void Checker::absent_online() {
    for (const IdDef& def : defs_) {
        const Person* p = def.person;
        if (!p || p->present || p->mode == AttendanceMode::unspecified) continue;
        warning("W329", m_.loc(p->id),
                display_name(*p) + " is marked absent but has an attendance mode",
                display_name(*p) + "は欠席ですが、出席方法（mode）が指定されています",
                "remove mode, or present=\"false\"", "mode か present=\"false\" のどちらかを削除してください");
    }
}

// W332: the body's full membership (定数) is at least the number of members listed.
void Checker::attendance_size() {
    for (const Particular& part : m_.particulars) {
        const auto* a = std::get_if<Attendance>(&part);
        if (!a || !a->size) continue;
        int members = 0;
        const std::function<void(const std::vector<Group>&, bool)> count = [&](const std::vector<Group>& gs,
                                                                               bool inside) {
            for (const Group& g : gs) {
                const bool m = inside || g.kind == GroupKind::members;
                if (m) members += static_cast<int>(g.people.size());
                count(g.subgroups, m);
            }
        };
        count(a->groups, false);
        if (members <= *a->size) continue;
        warning("W332", m_.loc(a->id),
                std::to_string(members) + " members are listed, more than the full membership size=\"" +
                    std::to_string(*a->size) + "\"",
                "委員が" + std::to_string(members) + "人記載されており、定数（size=\"" + std::to_string(*a->size) +
                    "\"）を超えています",
                "check size and the members groups", "size と委員のグループを確かめてください");
    }
}

// ------------------------------------------------------------------ text

// W310: numbering and bullets are generated by the template (DESIGN §1); typed by hand they
// print twice (「・・意見」「（１）（１）議題」).
std::size_t hand_label_length(const std::u32string& t) {
    const auto is_digit = [](char32_t c) { return text::is_digit(c); };
    const auto is_kanji_numeral = [](char32_t c) {
        return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
    };
    const auto is_space = [](char32_t c) { return c == U' ' || c == U'\u3000'; };
    if (t.empty()) return 0;
    const char32_t c0 = t[0];
    // 〇〇区, ○○委員, ●●: a doubled mark is a placeholder for a withheld name, not a bullet.
    if (t.size() > 1 && t[1] == c0 && std::u32string_view(U"○◯●〇").find(c0) != std::u32string_view::npos)
        return 0;
    // Bullets and marks: one character.
    if (std::u32string_view(U"・･•●○◯◎■□◆◇▼▽▲△★☆→⇒➡➔※＊").find(c0) != std::u32string_view::npos)
        return 1;
    if ((c0 == U'-' || c0 == U'*') && t.size() > 1 && is_space(t[1])) return 1;
    // Circled and parenthesised numbers: ① ㉑ ㊱ ❶ ⑴ ⒈.
    if ((c0 >= 0x2460 && c0 <= 0x249B) || (c0 >= 0x3251 && c0 <= 0x325F) || (c0 >= 0x32B1 && c0 <= 0x32BF) ||
        (c0 >= 0x2776 && c0 <= 0x2793))
        return 1;
    // (1) （１） (ア) （一）
    if (c0 == U'(' || c0 == U'（') {
        std::size_t i = 1;
        if (i < t.size() && ((t[i] >= U'ア' && t[i] <= U'ン') || (t[i] >= U'ｱ' && t[i] <= U'ﾝ'))) {
            ++i;
        } else {
            while (i < t.size() && i <= 3 && (is_digit(t[i]) || is_kanji_numeral(t[i]))) ++i;
            if (i == 1) return 0;
        }
        if (i < t.size() && (t[i] == U')' || t[i] == U'）')) return i + 1;
        return 0;
    }
    // 1. １． 1) １） and "１ " (a number then a space)
    if (is_digit(c0)) {
        std::size_t i = 0;
        while (i < t.size() && i < 3 && is_digit(t[i])) ++i;
        if (i >= t.size()) return 0;
        if ((t[i] == U'.' || t[i] == U'．') && !(i + 1 < t.size() && is_digit(t[i + 1]))) return i + 1;
        if (t[i] == U')' || t[i] == U'）' || is_space(t[i])) return i + 1;
        return 0;
    }
    // ア + space, ア．
    if ((c0 >= U'ア' && c0 <= U'ン') && t.size() > 1 && (is_space(t[1]) || t[1] == U'．' || t[1] == U'.'))
        return 2;
    // 第１ + space (第１ 総則)
    if (c0 == U'第') {
        std::size_t i = 1;
        while (i < t.size() && i <= 3 && (is_digit(t[i]) || is_kanji_numeral(t[i]))) ++i;
        if (i > 1 && i < t.size() && is_space(t[i])) return i + 1;
    }
    return 0;
}

void Checker::hand_numbering() {
    for (const Para& p : paras_) {
        if (p.role == Role::cell || p.role == Role::particular) continue;
        const Inline* run = first_run(*p.content);
        if (!run) continue;
        const std::u32string head = utf8::decode(std::string_view(run->text).substr(0, 32));
        const std::size_t n = hand_label_length(head);
        if (n == 0) continue;
        const std::string label = utf8::encode(std::u32string_view(head).substr(0, n));
        std::string hint = "remove it: the template numbers and marks items";
        std::string hint_ja = "削除してください。番号や記号はテンプレートが付けます";
        if (head[0] == U'→' && p.utterance && p.utterance->kind == Utterance::Kind::answer) {
            hint = "remove it: the template prints → before an answer";
            hint_ja = "削除してください。回答の → はテンプレートが付けます";
        } else if (head[0] == U'→') {
            hint = "remove it, and make the entry an <answer> if it answers the one before";
            hint_ja = "削除し、直前への回答なら <answer> にしてください";
        } else if (head[0] == U'※' && p.role != Role::note) {
            hint = "remove it, and make the paragraph a <note>: the template prints ※";
            hint_ja = "削除し、段落を <note> にしてください（※はテンプレートが付けます）";
        } else if (head[0] == U'○' && p.role == Role::paragraph) {
            hint = "remove it: a speaker's mark is printed from <speech by=...>";
            hint_ja = "削除してください。発言者の記号は <speech by=...> から付きます";
        }
        warning("W310", m_.loc_in_text(run->id, run->text, 0),
                "the text starts with \"" + label + "\", which looks like hand-typed numbering or a bullet",
                "文頭の「" + label + "」は手入力の番号・記号のようです", hint, hint_ja);
    }
}

// W325: indentation is the template's (JLREQ §4.1 字下げ), not a typed U+3000.
void Checker::hand_indent() {
    for (const Para& p : paras_) {
        if (p.role == Role::cell) continue;
        const Inline* run = first_run(*p.content);
        if (!run || !run->text.starts_with("\u3000")) continue;
        const std::u32string t = utf8::decode(run->text);
        if (p.content->size() == 1 && std::all_of(t.begin(), t.end(), is_blank_char)) continue;  // E316's
        warning("W325", m_.loc_in_text(run->id, run->text, 0),
                "the text starts with an ideographic space (U+3000), typed as indentation",
                "文頭に全角スペース（U+3000）があります（字下げの手入力）",
                "remove it: the template indents paragraphs", "削除してください。字下げはテンプレートが行います");
    }
}

// W311: one numeral, one width (typesetting.md §4.3: 「2５」 is an input error).
void Checker::mixed_digits() {
    for (const TextRef& t : texts_) {
        bool any = false;
        for (char c : t.text)
            if (c >= '0' && c <= '9') any = true;
        if (!any) continue;  // a mixed numeral has an ASCII digit
        const Decoded d = decode(t.text);
        for (const text::TextRange& r : text::mixed_width_numerals(d.text)) {
            const std::size_t from = d.offsets[r.begin];
            const std::string numeral(t.text.substr(from, d.offsets[r.end] - from));
            warning("W311", text_loc(t, from),
                    "the number \"" + numeral + "\" mixes half-width and full-width digits",
                    "数字「" + numeral + "」に半角と全角が混在しています",
                    "type all digits of the number in one width", "一つの数の数字は半角か全角のどちらかにそろえてください");
        }
    }
}

// E312–W315: characters that cannot be printed, searched or read aloud reliably.
void Checker::characters() {
    for (const TextRef& t : texts_) {
        std::size_t pos = 0;
        char32_t prev = 0;  // 0: start of the text
        while (pos < t.text.size()) {
            const std::size_t at = pos;
            const char32_t c = utf8::next(t.text, pos).value_or(U'\uFFFD');
            if (c >= 0x20 && c < 0x7F) {  // printable ASCII: nothing to report
                prev = c;
                continue;
            }
            const auto name = [c] { return utf8::code_point_name(c); };
            if (text::is_control(c)) {
                error("E312", text_loc(t, at), "control character " + name() + " in the text",
                      "制御文字 " + name() + " が含まれています",
                      "remove it (often pasted from a word processor)",
                      "削除してください（ワープロからの貼り付けで混入しがちです）");
            } else if (text::is_noncharacter(c)) {
                warning("W315", text_loc(t, at), name() + " is a noncharacter: it must not be exchanged in text",
                        name() + " は非文字（noncharacter）で、文書に使えません", "remove it", "削除してください");
            } else if (text::is_unassigned(c)) {
                error("E313", text_loc(t, at), name() + " is not an assigned Unicode character",
                      name() + " は Unicode で未割り当ての符号位置です",
                      "replace it with the intended character", "意図した文字に置き換えてください");
            } else if (text::is_private_use(c)) {
                warning("W315", text_loc(t, at),
                        name() + " is a private-use character (外字): it prints only with the font it was made for "
                               "and cannot be searched",
                        name() + " は私用領域の文字（外字）です。作成したフォントでしか表示されず、検索もできません",
                        "use the standard character, or a standard character with a variation selector (IVS)",
                        "標準の文字か、異体字セレクタ付きの文字（IVS）を使ってください");
            } else if (text::is_variation_selector(c)) {
                const bool ivs = text::is_ideographic_variation_selector(c);
                bool ok;
                if (prev == 0) {
                    ok = false;
                } else if (ivs) {
                    ok = is_han(prev);
                } else {
                    const text::CharClass k = text::char_class(prev);
                    ok = !(text::is_variation_selector(prev) || prev == U' ' || prev == U'\t' || prev == U'\n' ||
                           text::is_control(prev) || k == text::CharClass::opening_bracket ||
                           k == text::CharClass::closing_bracket || k == text::CharClass::middle_dot ||
                           k == text::CharClass::full_stop || k == text::CharClass::comma ||
                           k == text::CharClass::ideographic_space || k == text::CharClass::western_space ||
                           k == text::CharClass::combining);
                }
                if (!ok) {
                    const std::string after = prev == 0 ? std::string("at the start of the text")
                                                        : "after " + utf8::code_point_name(prev);
                    const std::string after_ja = prev == 0 ? std::string("文字列の先頭")
                                                           : utf8::code_point_name(prev) + " の後";
                    error("E314", text_loc(t, at),
                          "variation selector " + name() + " " + after + " has no character to modify" +
                              (ivs ? " (an ideographic variation selector follows a kanji)" : ""),
                          "異体字セレクタ " + name() + " が" + after_ja + "にあり、修飾する文字がありません" +
                              (ivs ? "（IVS は漢字の直後に置きます）" : ""),
                          "put it right after the character it selects a glyph for, or remove it",
                          "字形を選ぶ文字の直後に置くか、削除してください");
                }
            }
            prev = c;
        }
    }
}

// E316: a paragraph, entry or title with nothing to print.
void Checker::empty_text() {
    const std::function<bool(const InlineContent&)> has_content = [&](const InlineContent& c) {
        for (const Inline& in : c) {
            switch (in.kind) {
                case Inline::Kind::text: {
                    const std::u32string t = utf8::decode(in.text);
                    if (!std::all_of(t.begin(), t.end(), is_blank_char)) return true;
                    break;
                }
                case Inline::Kind::person_ref:
                case Inline::Kind::handout_ref:
                case Inline::Kind::ruby: return true;
                default:
                    if (has_content(in.children)) return true;
            }
        }
        return false;
    };
    for (const Para& p : paras_) {
        if (p.role == Role::cell || p.role == Role::decision || p.role == Role::particular) continue;
        if (has_content(*p.content)) continue;
        const char* what_en = p.role == Role::title       ? "title"
                              : p.role == Role::utterance ? "entry"
                              : p.role == Role::list_item ? "list item"
                              : p.role == Role::note      ? "note"
                              : p.role == Role::caption   ? "caption"
                                                          : "paragraph";
        const char* what_ja = p.role == Role::title       ? "見出し"
                              : p.role == Role::utterance ? "意見・質問・回答"
                              : p.role == Role::list_item ? "箇条"
                              : p.role == Role::note      ? "注記"
                              : p.role == Role::caption   ? "表題"
                                                          : "段落";
        error("E316", m_.loc(p.element), std::string("empty ") + what_en + ": it holds only white space",
              std::string(what_ja) + "が空です（空白のみ）", "write its text, or remove the element",
              "本文を書くか、要素を削除してください");
    }
}

// E317: links lead to the web or to mail; nothing else is safe in a published PDF or page.
void Checker::link_scheme() {
    const auto check_one = [&](std::string_view href, SourceLoc loc) {
        const std::string_view v = href;
        std::size_t colon = 0;
        const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
        if (!v.empty() && alpha(v[0])) {
            colon = 1;
            while (colon < v.size() && (alpha(v[colon]) || (v[colon] >= '0' && v[colon] <= '9') ||
                                        v[colon] == '+' || v[colon] == '-' || v[colon] == '.'))
                ++colon;
            if (colon >= v.size() || v[colon] != ':') colon = 0;
        }
        std::string scheme(v.substr(0, colon));
        for (char& c : scheme)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const std::string_view rest = colon ? v.substr(colon + 1) : v;
        const bool web = (scheme == "http" || scheme == "https") && rest.size() > 2 && rest.starts_with("//");
        const bool mail = scheme == "mailto" && !rest.empty();
        if (web || mail) return;
        const std::string shown(v);
        if (colon == 0)
            error("E317", loc, "the link \"" + shown + "\" is relative or has no scheme",
                  "リンク先「" + shown + "」が相対アドレスか、スキームがありません",
                  "write the full address (https://...)", "完全なアドレス（https://...）を書いてください");
        else if (scheme == "http" || scheme == "https")
            error("E317", loc, "the link \"" + shown + "\" has no host (write " + scheme + "://host/...)",
                  "リンク先「" + shown + "」にホスト名がありません", "write " + scheme + "://host/path",
                  scheme + "://ホスト名/パス の形で書いてください");
        else
            error("E317", loc,
                  "the link scheme \"" + scheme + ":\" is not allowed: only http, https and mailto links are",
                  "リンクのスキーム「" + scheme + ":」は使えません（http、https、mailto のみ）",
                  "link to an http(s) page or a mailto: address",
                  "http(s) のページか mailto: のアドレスにしてください");
    };
    const std::function<void(const InlineContent&)> walk = [&](const InlineContent& c) {
        for (const Inline& in : c) {
            if (in.kind == Inline::Kind::link) check_one(in.href.value, in.href.loc);
            walk(in.children);
        }
    };
    for (const Para& p : paras_) walk(*p.content);
    for (const StringField& f : m_.strings)
        if (f.what == "url") check_one(f.value, f.loc);
}

// ------------------------------------------------------------------ the rule table

struct RuleEntry {
    CheckRule info;
    void (Checker::*run)();
};

const std::vector<RuleEntry>& rule_table() {
    static const std::vector<RuleEntry> table = {
        {{"E301", Severity::error, "weekday disagrees with the date"}, &Checker::weekday},
        {{"E302", Severity::error, "meeting date outside the stated fiscal year"}, &Checker::fiscal_year},
        {{"E303", Severity::error, "fiscal year names an era year that does not exist"}, &Checker::era_year},
        {{"E304", Severity::error, "session year disagrees with the meeting date"}, &Checker::calendar_year},
        {{"E305", Severity::error, "start not before end, or opened not before closed"}, &Checker::time_order},
        {{"E306", Severity::error, "duplicate id"}, &Checker::duplicate_ids},
        {{"E307", Severity::error, "reference to an unknown id or to the wrong kind of thing"}, &Checker::references},
        {{"E308", Severity::error, "an absentee speaks"}, &Checker::absentee_speaks},
        {{"E309", Severity::error, "answer without an opinion or question before it"}, &Checker::answer_order},
        {{"W310", Severity::warning, "hand-typed numbering or bullet"}, &Checker::hand_numbering},
        {{"W311", Severity::warning, "number mixing half-width and full-width digits"}, &Checker::mixed_digits},
        {{"E312", Severity::error, "control character; E313 unassigned code point; E314 stray variation "
                                   "selector; W315 private-use or noncharacter"},
         &Checker::characters},
        {{"E316", Severity::error, "empty paragraph, entry or title"}, &Checker::empty_text},
        {{"E317", Severity::error, "link scheme other than http, https, mailto"}, &Checker::link_scheme},
        {{"W318", Severity::warning, "opened/closed outside start–end"}, &Checker::times_outside_span},
        {{"W319", Severity::warning, "next meeting not after this meeting"}, &Checker::next_meeting_order},
        {{"W321", Severity::warning, "item without a title"}, &Checker::untitled_item},
        {{"W322", Severity::warning, "more than one datetime particular"}, &Checker::repeated_datetime},
        {{"W323", Severity::warning, "an observers group named as speaker"}, &Checker::observers_speak},
        {{"W324", Severity::warning, "the same name listed twice"}, &Checker::repeated_name},
        {{"W325", Severity::warning, "text starts with an ideographic space"}, &Checker::hand_indent},
        {{"E326", Severity::error, "particular mixes one-line text and paragraphs"}, &Checker::particular_form},
        {{"E327", Severity::error, "interjection without words"}, &Checker::empty_interjection},
        {{"W328", Severity::warning, "proxy for someone not marked absent"}, &Checker::proxy_present},
        {{"W329", Severity::warning, "absentee with an attendance mode"}, &Checker::absent_online},
        {{"W331", Severity::warning, "published before the meeting"}, &Checker::published_order},
        {{"W332", Severity::warning, "more members listed than the full membership"}, &Checker::attendance_size},
        {{"W333", Severity::warning, "procedure on a non-procedural item"}, &Checker::procedure_kind},
    };
    return table;
}

}  // namespace

void check(const Minutes& minutes, Diagnostics& diags) {
    Checker c(minutes, diags);
    for (const RuleEntry& r : rule_table()) (c.*r.run)();
}

const std::vector<CheckRule>& check_rules() {
    static const std::vector<CheckRule> rules = [] {
        std::vector<CheckRule> out;
        for (const RuleEntry& r : rule_table()) out.push_back(r.info);
        // The character rule reports four codes; list each.
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i].code != "E312") continue;
            out[i].summary = "control character";
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                       {{"E313", Severity::error, "unassigned code point"},
                        {"E314", Severity::error, "variation selector with nothing to modify"},
                        {"W315", Severity::warning, "private-use character or noncharacter"}});
            break;
        }
        return out;
    }();
    return rules;
}

}  // namespace gijiroku::model
