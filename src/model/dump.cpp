#include "model/dump.hpp"

#include <cstdio>
#include <string_view>
#include <type_traits>
#include <variant>

namespace gijiroku::model {

namespace {

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char buf[12];
                    std::snprintf(buf, sizeof buf, "\\u{%02X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string iso(const Date& d) {
    std::string y = std::to_string(d.year);
    while (y.size() < 4) y.insert(0, "0");
    return y + "-" + two(d.month) + "-" + two(d.day);
}

std::string hhmm(const Time& t) { return two(t.hour) + ":" + two(t.minute); }

const char* kind_name(DocumentKind k) {
    switch (k) {
        case DocumentKind::summary: return "summary";
        case DocumentKind::outline: return "outline";
        case DocumentKind::record: return "record";
        case DocumentKind::proceedings: return "proceedings";
        case DocumentKind::results: return "results";
    }
    return "?";
}

const char* group_kind(GroupKind k) {
    switch (k) {
        case GroupKind::members: return "members";
        case GroupKind::secretariat: return "secretariat";
        case GroupKind::staff: return "staff";
        case GroupKind::observers: return "observers";
        case GroupKind::guests: return "guests";
        case GroupKind::other: return "other";
    }
    return "?";
}

const char* item_kind(ItemKind k) {
    switch (k) {
        case ItemKind::report: return "report";
        case ItemKind::deliberation: return "deliberation";
        case ItemKind::other: return "other";
        case ItemKind::procedural: return "procedural";
    }
    return "?";
}

const char* procedure_name(Procedure p) {
    switch (p) {
        case Procedure::none: return "";
        case Procedure::opening: return "opening";
        case Procedure::greeting: return "greeting";
        case Procedure::closing: return "closing";
        case Procedure::roll_call: return "roll-call";
        case Procedure::minutes_approval: return "minutes-approval";
        case Procedure::election: return "election";
    }
    return "?";
}

const char* decision_kind(Decision::Kind k) {
    switch (k) {
        case Decision::Kind::approved: return "approved";
        case Decision::Kind::decided: return "decided";
        case Decision::Kind::adopted: return "adopted";
        case Decision::Kind::rejected: return "rejected";
        case Decision::Kind::elected: return "elected";
        case Decision::Kind::continued: return "continued";
        case Decision::Kind::noted: return "noted";
    }
    return "?";
}

const char* interjection_kind(Interjection::Kind k) {
    switch (k) {
        case Interjection::Kind::voice: return "voice";
        case Interjection::Kind::applause: return "applause";
        case Interjection::Kind::laughter: return "laughter";
        case Interjection::Kind::other: return "other";
    }
    return "?";
}

const char* venue_mode(VenueMode m) {
    switch (m) {
        case VenueMode::in_person: return "in-person";
        case VenueMode::online: return "online";
        case VenueMode::hybrid: return "hybrid";
        case VenueMode::written: return "written";
    }
    return "?";
}

const char* utterance_kind(Utterance::Kind k) {
    switch (k) {
        case Utterance::Kind::opinion: return "opinion";
        case Utterance::Kind::question: return "question";
        case Utterance::Kind::answer: return "answer";
    }
    return "?";
}

class Dumper {
public:
    explicit Dumper(const Minutes& m) : m_(m) {}

    std::string run();

private:
    // Starts a line at `depth` with `head`; finish() appends the location and the newline.
    void line(int depth, std::string_view head) {
        out_.append(static_cast<std::size_t>(depth) * 2, ' ');
        out_ += head;
    }
    void field(std::string_view key, std::string_view value) {
        out_ += ' ';
        out_ += key;
        out_ += '=';
        out_ += value;
    }
    void text_field(std::string_view key, std::string_view value) {
        if (!value.empty()) field(key, quote(value));
    }
    void flag(std::string_view key) {
        out_ += ' ';
        out_ += key;
    }
    void finish(SourceLoc loc) {
        out_ += " @" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + "\n";
    }
    void finish(NodeId id) { finish(m_.loc(id)); }
    void lang(std::string_view l) {
        if (!l.empty()) field("lang", l);
    }
    // The position of the element of the next string field named `what` (elements whose id
    // the model does not keep: issuer, office, phone, ...).
    SourceLoc string_loc(std::string_view what) {
        for (; string_cursor_ < m_.strings.size(); ++string_cursor_) {
            if (m_.strings[string_cursor_].what == what) return m_.loc(m_.strings[string_cursor_++].owner);
        }
        string_cursor_ = 0;
        return {};
    }

    void inlines(const InlineContent& c, int depth);
    void para(std::string_view name, const Paragraph& p, int depth) {
        line(depth, name);
        lang(p.lang);
        finish(p.id);
        inlines(p.content, depth + 1);
    }
    void utterance(const Utterance& u, int depth) {
        line(depth, utterance_kind(u.kind));
        if (u.by) field("by", u.by->value);
        lang(u.lang);
        finish(u.id);
        inlines(u.content, depth + 1);
    }
    void group(const Group& g, int depth);
    void particular(const Particular& p, int depth);
    void blocks(const std::vector<Block>& bs, int depth);

    const Minutes& m_;
    std::string out_;
    std::size_t string_cursor_ = 0;
};

void Dumper::inlines(const InlineContent& c, int depth) {
    for (const Inline& in : c) {
        switch (in.kind) {
            case Inline::Kind::text:
                line(depth, "text ");
                out_ += quote(in.text);
                break;
            case Inline::Kind::emphasis: line(depth, "em"); break;
            case Inline::Kind::quote: line(depth, "q"); break;
            case Inline::Kind::span: line(depth, "span"); break;
            case Inline::Kind::ruby:
                line(depth, "ruby ");
                out_ += quote(in.text);
                text_field("reading", in.reading);
                break;
            case Inline::Kind::link:
                line(depth, "link");
                field("href", quote(in.href.value));
                break;
            case Inline::Kind::person_ref:
                line(depth, "person-ref");
                field("ref", in.ref.value);
                break;
            case Inline::Kind::handout_ref:
                line(depth, "handout-ref");
                field("ref", in.ref.value);
                break;
        }
        lang(in.lang);
        finish(in.id);
        inlines(in.children, depth + 1);
    }
}

void Dumper::group(const Group& g, int depth) {
    line(depth, "group");
    if (!g.xml_id.value.empty()) field("id", g.xml_id.value);
    field("kind", group_kind(g.kind));
    text_field("name", g.name);
    finish(g.id);
    for (const Person& p : g.people) {
        line(depth + 1, "person");
        field("id", p.xml_id.value);
        text_field("name", p.name);
        text_field("reading", p.reading);
        text_field("qualifier", p.qualifier);
        text_field("title", p.title);
        text_field("role", p.role);
        text_field("affiliation", p.affiliation);
        if (!p.present) flag("absent");
        text_field("proxy", p.proxy);
        if (p.mode == AttendanceMode::online) field("mode", "online");
        if (p.mode == AttendanceMode::in_person) field("mode", "in-person");
        finish(p.id);
    }
    for (const Group& sub : g.subgroups) group(sub, depth + 1);
}

void Dumper::particular(const Particular& p, int depth) {
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, DateTime>) {
                line(depth, "datetime");
                field("date", iso(node.date.value));
                if (node.weekday) field("weekday", node.weekday->value);
                if (node.start) field("start", hhmm(node.start->value));
                if (node.end) field("end", hhmm(node.end->value));
                if (node.opened) field("opened", hhmm(node.opened->value));
                if (node.closed) field("closed", hhmm(node.closed->value));
                finish(node.id);
            } else if constexpr (std::is_same_v<T, Venue>) {
                line(depth, "venue");
                field("mode", venue_mode(node.mode));
                lang(node.lang);
                finish(node.id);
                inlines(node.text, depth + 1);
            } else if constexpr (std::is_same_v<T, Attendance>) {
                line(depth, "attendance");
                if (node.size) field("size", std::to_string(*node.size));
                if (node.honorifics_omitted) flag("honorifics-omitted");
                if (node.order == AttendanceOrder::gojuon) field("order", "gojuon");
                if (node.order == AttendanceOrder::seat) field("order", "seat");
                if (node.order == AttendanceOrder::role) field("order", "role");
                finish(node.id);
                for (const Group& g : node.groups) group(g, depth + 1);
            } else if constexpr (std::is_same_v<T, Observers>) {
                line(depth, "observers");
                field("count", std::to_string(node.count));
                finish(node.id);
            } else if constexpr (std::is_same_v<T, Handouts>) {
                line(depth, "handouts");
                finish(node.id);
                for (const Handout& h : node.items) {
                    line(depth + 1, "handout");
                    field("id", h.xml_id.value);
                    text_field("number", h.number);
                    text_field("note", h.note);
                    finish(h.id);
                    inlines(h.title, depth + 2);
                }
            } else if constexpr (std::is_same_v<T, Agenda>) {
                line(depth, "agenda");
                finish(node.id);
            } else if constexpr (std::is_same_v<T, NextMeeting>) {
                line(depth, "next-meeting");
                if (node.date) field("date", iso(node.date->value));
                if (node.weekday) field("weekday", node.weekday->value);
                if (node.start) field("start", hhmm(node.start->value));
                lang(node.lang);
                finish(node.id);
                inlines(node.text, depth + 1);
            } else {
                static_assert(std::is_same_v<T, OtherParticular>);
                line(depth, "particular");
                field("label", quote(node.label));
                lang(node.lang);
                finish(node.id);
                inlines(node.text, depth + 1);
                for (const Paragraph& para_node : node.paragraphs) para("p", para_node, depth + 1);
            }
        },
        p);
}

void Dumper::blocks(const std::vector<Block>& bs, int depth) {
    for (const Block& b : bs) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, Item>) {
                    line(depth, "item");
                    if (!node.xml_id.value.empty()) field("id", node.xml_id.value);
                    field("kind", item_kind(node.kind));
                    if (node.procedure != Procedure::none) field("procedure", procedure_name(node.procedure));
                    text_field("ref", node.ref);
                    text_field("tag", node.tag);
                    finish(node.id);
                    if (node.title) para("title", *node.title, depth + 1);
                    blocks(node.blocks, depth + 1);
                } else if constexpr (std::is_same_v<T, Explanation>) {
                    line(depth, "explanation");
                    field("by", node.by.value);
                    if (!node.handouts.empty()) {
                        std::string list;
                        for (const auto& h : node.handouts) list += (list.empty() ? "" : ",") + h.value;
                        field("handouts", list);
                    }
                    finish(node.id);
                    for (const Paragraph& p : node.paragraphs) para("p", p, depth + 1);
                } else if constexpr (std::is_same_v<T, Opinions>) {
                    line(depth, "opinions");
                    if (!node.heading) field("heading", "none");
                    finish(node.id);
                    if (node.title) para("title", *node.title, depth + 1);
                    for (const Utterance& u : node.entries) utterance(u, depth + 1);
                } else if constexpr (std::is_same_v<T, QA>) {
                    line(depth, "qa");
                    finish(node.id);
                    for (const Utterance& u : node.entries) utterance(u, depth + 1);
                } else if constexpr (std::is_same_v<T, Speech>) {
                    line(depth, "speech");
                    field("by", node.by.value);
                    lang(node.lang);
                    finish(node.id);
                    for (const Paragraph& p : node.paragraphs) para("p", p, depth + 1);
                } else if constexpr (std::is_same_v<T, Interjection>) {
                    line(depth, "interjection");
                    field("kind", interjection_kind(node.kind));
                    if (!node.text.empty()) out_ += " " + quote(node.text);
                    finish(node.id);
                } else if constexpr (std::is_same_v<T, Supplement>) {
                    line(depth, "supplement");
                    field("by", node.by.value);
                    text_field("about", node.about);
                    field("kind", node.kind == Supplement::Kind::information ? "information" : "supplement");
                    if (node.phrasing == Supplement::Phrasing::verbal) field("phrasing", "verbal");
                    if (node.phrasing == Supplement::Phrasing::nominal) field("phrasing", "nominal");
                    finish(node.id);
                    for (const auto& e : node.entries) {
                        if (const auto* u = std::get_if<Utterance>(&e))
                            utterance(*u, depth + 1);
                        else
                            para("p", std::get<Paragraph>(e), depth + 1);
                    }
                } else if constexpr (std::is_same_v<T, Decision>) {
                    line(depth, "decision");
                    field("kind", decision_kind(node.kind));
                    lang(node.text.lang);
                    finish(node.text.id);
                    inlines(node.text.content, depth + 1);
                } else if constexpr (std::is_same_v<T, Note>) {
                    para("note", node.text, depth);
                } else if constexpr (std::is_same_v<T, Paragraph>) {
                    para("p", node, depth);
                } else if constexpr (std::is_same_v<T, List>) {
                    line(depth, "list");
                    if (node.ordered) flag("ordered");
                    finish(node.id);
                    for (const Paragraph& p : node.items) para("li", p, depth + 1);
                } else if constexpr (std::is_same_v<T, Table>) {
                    line(depth, "table");
                    finish(node.id);
                    if (node.caption) para("caption", *node.caption, depth + 1);
                    for (const Row& r : node.rows) {
                        line(depth + 1, "row");
                        finish(r.id);
                        for (const Cell& c : r.cells) {
                            line(depth + 2, "cell");
                            if (c.header) flag("header");
                            lang(c.lang);
                            finish(c.id);
                            inlines(c.content, depth + 3);
                        }
                    }
                } else {
                    static_assert(std::is_same_v<T, ClosedSession>);
                    line(depth, "closed-session");
                    text_field("reason", node.reason);
                    finish(node.id);
                }
            },
            b.node);
    }
}

std::string Dumper::run() {
    line(0, "minutes");
    field("kind", kind_name(m_.kind));
    field("status", m_.status == Status::provisional ? "provisional" : "final");
    field("version", m_.version);
    field("lang", m_.lang);
    finish(m_.id);

    const Header& h = m_.header;
    line(1, "header");
    finish(h.id);
    line(2, "body-name ");
    out_ += quote(h.body_name);
    finish(h.body_name_id);
    if (h.session) {
        const Session& s = *h.session;
        line(2, "session");
        if (s.fiscal_year) {
            field("fiscal-year", s.fiscal_year->written);
            field("start-year", std::to_string(s.fiscal_year->start_year));
        }
        if (s.year) field("year", std::to_string(s.year->value));
        if (s.number) field("number", std::to_string(*s.number));
        if (s.extraordinary) flag("extraordinary");
        text_field("name", s.name);
        finish(s.id);
    }
    if (h.title) para("title", *h.title, 2);
    if (h.subtitle) para("subtitle", *h.subtitle, 2);
    if (!h.issuer.empty()) {
        line(2, "issuer ");
        out_ += quote(h.issuer);
        finish(string_loc("issuer"));
    }
    if (h.published) {
        line(2, "published");
        field("date", iso(h.published->value));
        finish(h.published->loc);
    }

    if (m_.has_particulars) {
        line(1, "particulars");
        finish(m_.particulars_id);
        for (const Particular& p : m_.particulars) particular(p, 2);
    }
    if (m_.proceedings) {
        line(1, "proceedings");
        finish(m_.proceedings->id);
        if (m_.proceedings->title) para("title", *m_.proceedings->title, 2);
        blocks(m_.proceedings->blocks, 2);
    }
    if (m_.end_mark) out_ += "  end\n";
    if (m_.contact) {
        const Contact& c = *m_.contact;
        line(1, "contact");
        finish(c.id);
        const auto entry = [&](std::string_view name, const std::string& value) {
            if (value.empty()) return;
            line(2, name);
            out_ += " " + quote(value);
            finish(string_loc(name));
        };
        for (const std::string& o : c.offices) entry("office", o);
        entry("phone", c.phone);
        entry("extension", c.extension);
        entry("fax", c.fax);
        entry("email", c.email);
        entry("url", c.url);
    }
    return out_;
}

}  // namespace

std::string dump(const Minutes& minutes) { return Dumper(minutes).run(); }

}  // namespace gijiroku::model
