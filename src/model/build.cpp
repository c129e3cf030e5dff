#include "model/build.hpp"

#include <charconv>
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "core/utf8.hpp"
#include "model/loc_impl.hpp"
#include "text/char_class.hpp"
#include "text/era_date.hpp"

namespace gijiroku::model {

namespace {

// XML 1.0 §2.3 S. U+3000 is content, never layout.
constexpr bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Typed attribute values are xs:token-like: the schema validated them after collapsing
// white space, so a value may still carry it in the DOM (" true ").
std::string_view trim(std::string_view s) {
    while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> parse_int(std::string_view s) {
    s = trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

// xs:date: YYYY-MM-DD with an optional time zone (Z, +09:00), which a civil meeting date
// does not need and which is ignored. Years outside 1–9999 are not held by the model.
std::optional<Date> parse_date(std::string_view s) {
    s = trim(s);
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!is_digit(s[i])) return std::nullopt;
    const std::string_view zone = s.substr(10);
    if (!(zone.empty() || zone == "Z" ||
          (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':')))
        return std::nullopt;
    const Date d{*parse_int(s.substr(0, 4)), *parse_int(s.substr(5, 2)), *parse_int(s.substr(8, 2))};
    if (!text::valid_date(text::CivilDate{d.year, d.month, d.day})) return std::nullopt;
    return d;
}

// hh:mm, 00:00–23:59 or 24:00 (the schema's Time).
std::optional<Time> parse_time(std::string_view s) {
    s = trim(s);
    if (s.size() != 5 || s[2] != ':' || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[3]) ||
        !is_digit(s[4]))
        return std::nullopt;
    const Time t{(s[0] - '0') * 10 + (s[1] - '0'), (s[3] - '0') * 10 + (s[4] - '0')};
    if (t.minute > 59 || t.hour > 24 || (t.hour == 24 && t.minute != 0)) return std::nullopt;
    return t;
}

// xs:boolean.
bool parse_bool(std::string_view s) {
    s = trim(s);
    return s == "true" || s == "1";
}

// The era names the schema's FiscalYear pattern allows, with their one-letter forms
// (the letters ICU's narrow era names and Japanese forms use: R6 = 令和6).
struct EraName {
    std::string_view kanji;
    std::string_view letter;
};
constexpr EraName era_names[] = {
    {"令和", "R"}, {"平成", "H"}, {"昭和", "S"}, {"大正", "T"}, {"明治", "M"},
};

// "2024" | era + (1–2 digits | 元). nullopt when the text has neither form.
std::optional<FiscalYear> parse_fiscal_year(std::string_view written) {
    FiscalYear fy;
    fy.written = std::string(written);
    written = trim(written);
    if (written.size() == 4 && is_digit(written[0]) && is_digit(written[1]) &&
        is_digit(written[2]) && is_digit(written[3])) {
        fy.start_year = *parse_int(written);
        return fy;
    }
    for (const EraName& e : era_names) {
        std::string_view rest;
        if (written.starts_with(e.kanji))
            rest = written.substr(e.kanji.size());
        else if (written.starts_with(e.letter))
            rest = written.substr(e.letter.size());
        else
            continue;
        fy.era = std::string(e.kanji);
        if (rest == "元") {
            fy.era_year = 1;
        } else if (!rest.empty() && rest.size() <= 2 && is_digit(rest[0]) &&
                   (rest.size() == 1 || is_digit(rest[1]))) {
            fy.era_year = *parse_int(rest);
        } else {
            return std::nullopt;
        }
        // 0 when no fiscal year was ever called that (令和0, 平成32, 昭和64): check's E303.
        fy.start_year = text::fiscal_year_from_era(fy.era, fy.era_year).value_or(0);
        return fy;
    }
    return std::nullopt;
}

// Whether a character counts as Western for the hard-wrap rule (build.hpp rule 3).
bool is_western_char(char32_t c) { return text::is_western(text::char_class(c)); }

class Builder {
public:
    Builder(const xml::Document& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}

    std::optional<Minutes> run();

private:
    // ---------------------------------------------------------------- ids and diagnostics

    NodeId new_id(SourceLoc loc) {
        m_.locations.push_back(loc);
        m_.text_anchors.emplace_back();
        return NodeId{static_cast<std::uint32_t>(m_.locations.size() - 1)};
    }
    NodeId element_id(const xml::Node& e) { return new_id(e.loc); }

    void unexpected(const xml::Node& n) {
        if (n.is_text()) {
            if (n.is_blank()) return;  // indentation between elements (build.hpp rule 1)
            diags_.error("E330", doc_.file, n.loc,
                         "text is not allowed here (was the document validated against minutes.xsd?)",
                         "ここには文字列を書けません（minutes.xsd で検証されていますか）");
            return;
        }
        diags_.error("E330", doc_.file, n.loc,
                     "element <" + n.name + "> is not expected here; it is skipped",
                     "ここに要素 <" + n.name + "> は置けません（読み飛ばします）",
                     "validate the document against schemas/minutes.xsd",
                     "schemas/minutes.xsd で検証してください");
    }

    void bad_value(const xml::Attribute& a, std::string_view what_en, std::string_view what_ja) {
        diags_.error("E320", doc_.file, a.loc,
                     "the value \"" + a.value + "\" of attribute '" + a.name +
                         "' cannot be used: " + std::string(what_en),
                     "属性 " + a.name + " の値「" + a.value + "」は使えません：" +
                         std::string(what_ja));
    }

    bool ours(const xml::Node& n) const { return n.is_element() && n.ns_uri == minutes_namespace; }
    bool is(const xml::Node& n, std::string_view name) const { return ours(n) && n.name == name; }

    // ---------------------------------------------------------------- attributes

    static std::string attr(const xml::Node& e, std::string_view name) {
        const xml::Attribute* a = e.find_attribute(name);
        return a ? a->value : std::string{};
    }
    static std::string lang_of(const xml::Node& e) {
        const xml::Attribute* a = e.lang_attribute();
        return a ? a->value : std::string{};
    }
    static Located<std::string> located(const xml::Node& e, std::string_view name) {
        const xml::Attribute* a = e.find_attribute(name);
        if (!a) return {};
        return {std::string(trim(a->value)), a->loc};
    }
    // A string attribute that is content (a name, a title): kept as written and registered
    // for character checks.
    std::string string_attr(const xml::Node& e, NodeId owner, std::string_view name) {
        const xml::Attribute* a = e.find_attribute(name);
        if (!a) return {};
        m_.strings.push_back(StringField{owner, a->name, a->value, NodeId{}, a->value_loc});
        return a->value;
    }
    std::optional<Located<Date>> date_attr(const xml::Node& e, std::string_view name) {
        const xml::Attribute* a = e.find_attribute(name);
        if (!a) return std::nullopt;
        if (auto d = parse_date(a->value)) return Located<Date>{*d, a->loc};
        bad_value(*a, "not a date from 0001-01-01 to 9999-12-31 (YYYY-MM-DD)",
                  "0001-01-01 から 9999-12-31 までの日付（YYYY-MM-DD）ではありません");
        return std::nullopt;
    }
    std::optional<Located<Time>> time_attr(const xml::Node& e, std::string_view name) {
        const xml::Attribute* a = e.find_attribute(name);
        if (!a) return std::nullopt;
        if (auto t = parse_time(a->value)) return Located<Time>{*t, a->loc};
        bad_value(*a, "not a time hh:mm from 00:00 to 24:00", "00:00 から 24:00 までの時刻 hh:mm ではありません");
        return std::nullopt;
    }
    std::optional<int> int_attr(const xml::Node& e, std::string_view name) {
        const xml::Attribute* a = e.find_attribute(name);
        if (!a) return std::nullopt;
        if (auto v = parse_int(a->value); v && *v >= 0) return v;
        bad_value(*a, "not a whole number from 0 to 2147483647", "0 から 2147483647 までの整数ではありません");
        return std::nullopt;
    }

    // ---------------------------------------------------------------- text (build.hpp rules)

    // One text node of a paragraph, or a reference (person-ref/handout-ref: text == nullptr),
    // which prints characters and so separates runs of white space.
    struct Piece {
        const xml::Node* text = nullptr;
    };
    // A text node after the whitespace rule.
    struct Norm {
        std::string text;
        std::vector<TextAnchor> anchors;  // anchors[0]: the first kept character
    };

    static bool is_ref_element(const xml::Node& n) {
        return n.name == "person-ref" || n.name == "handout-ref";
    }
    void collect(const xml::Node& n, std::vector<Piece>& out) const {
        if (n.is_text()) {
            out.push_back({&n});
            return;
        }
        if (!ours(n)) return;
        if (is_ref_element(n)) {
            out.push_back({nullptr});
            return;
        }
        const bool ruby = n.name == "ruby";  // simple content: only its text counts
        for (const xml::Node& c : n.children)
            if (!ruby || c.is_text()) collect(c, out);
    }

    std::vector<Norm> normalise(const std::vector<Piece>& pieces);
    SourceLoc exact_loc(const xml::Node& text, std::size_t offset, SourceLoc counted);
    NodeId text_run_id(const Norm& n) {
        const NodeId id = new_id(n.anchors.empty() ? SourceLoc{} : n.anchors.front().loc);
        if (n.anchors.size() > 1) m_.text_anchors[id.value] = n.anchors;
        return id;
    }

    // Paragraph-level content of `nodes` (build.hpp rule 2).
    InlineContent mixed(std::span<const xml::Node> nodes);
    Inline inline_element(const xml::Node& e, const std::vector<Norm>& norms, std::size_t& cursor);
    InlineContent inline_nodes(std::span<const xml::Node> nodes, const std::vector<Norm>& norms,
                               std::size_t& cursor);
    Paragraph paragraph(const xml::Node& e) {
        Paragraph p;
        p.id = element_id(e);
        p.lang = lang_of(e);
        p.content = mixed(e.children);
        return p;
    }
    // Content of a simple text element (body-name, interjection, office, ...), registered for
    // character checks under the element's name.
    std::string simple_text(const xml::Node& e, NodeId owner);

    // ---------------------------------------------------------------- structure

    void header(const xml::Node& e);
    void session(const xml::Node& e);
    void particulars(const xml::Node& e);
    Attendance attendance(const xml::Node& e);
    Group group(const xml::Node& e);
    Person person(const xml::Node& e);
    Handouts handouts(const xml::Node& e);
    OtherParticular other_particular(const xml::Node& e);
    std::vector<Block> blocks(std::span<const xml::Node> nodes);
    std::optional<Block> block(const xml::Node& e);
    Item item(const xml::Node& e);
    Utterance utterance(const xml::Node& e);
    std::vector<Utterance> entries(const xml::Node& e, bool skip_title);
    Explanation explanation(const xml::Node& e);
    Supplement supplement(const xml::Node& e);
    Table table(const xml::Node& e);
    void contact(const xml::Node& e);

    const xml::Document& doc_;
    Diagnostics& diags_;
    Minutes m_;
    // Bytes that xml::loc_in_text may still rescan; past it, positions are counted (bounds the
    // time a hostile file with very long hard-wrapped text can cost).
    std::size_t exact_budget_ = 16u << 20;
};

SourceLoc Builder::exact_loc(const xml::Node& text, std::size_t offset, SourceLoc counted) {
    if (offset > exact_budget_ || !doc_.source) return counted;
    exact_budget_ -= offset;
    return xml::loc_in_text(doc_, text, offset);
}

std::vector<Builder::Norm> Builder::normalise(const std::vector<Piece>& pieces) {
    struct Edit {
        std::size_t start, end;
        bool space;  // replaced by one U+0020 rather than removed
    };
    struct Span {
        std::size_t piece, start, end;
    };
    enum class Side : std::uint8_t { edge, western, other };

    std::vector<std::vector<Edit>> edits(pieces.size());
    std::vector<Span> pending;  // the current run of white space, possibly across pieces
    bool pending_newline = false;
    Side before = Side::edge;

    const auto resolve = [&](Side after) {
        if (pending.empty()) return;
        const bool edge = before == Side::edge || after == Side::edge;
        if (edge || pending_newline) {
            const bool space = !edge && before == Side::western && after == Side::western;
            for (std::size_t i = 0; i < pending.size(); ++i)
                edits[pending[i].piece].push_back({pending[i].start, pending[i].end, space && i == 0});
        }
        pending.clear();
        pending_newline = false;
    };

    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (!pieces[i].text) {
            resolve(Side::other);
            before = Side::other;
            continue;
        }
        const std::string& t = pieces[i].text->text;
        std::size_t pos = 0;
        while (pos < t.size()) {
            if (is_xml_space(t[pos])) {
                const std::size_t start = pos;
                while (pos < t.size() && is_xml_space(t[pos])) {
                    if (t[pos] == '\n') pending_newline = true;
                    ++pos;
                }
                pending.push_back({i, start, pos});
                continue;
            }
            const char32_t c = utf8::next(t, pos).value_or(U'\uFFFD');
            const Side side = is_western_char(c) ? Side::western : Side::other;
            resolve(side);
            before = side;
        }
    }
    resolve(Side::edge);

    std::vector<Norm> out(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (!pieces[i].text) continue;
        const xml::Node& node = *pieces[i].text;
        const std::string& raw = node.text;
        Norm& n = out[i];
        // Positions: the first kept character exactly; later lines exactly while the budget
        // lasts, else counted from the previous anchor.
        std::size_t last_raw = 0;
        SourceLoc last_loc = node.loc;
        const auto anchor = [&](std::size_t raw_offset) {
            const SourceLoc counted = advance_loc(last_loc, raw, last_raw, raw_offset);
            const SourceLoc loc = exact_loc(node, raw_offset, counted);
            n.anchors.push_back({static_cast<std::uint32_t>(n.text.size()), loc});
            last_raw = raw_offset;
            last_loc = loc;
        };
        std::size_t pos = 0;
        for (const Edit& e : edits[i]) {
            if (pos < e.start) {
                anchor(pos);
                n.text.append(raw, pos, e.start - pos);
            }
            if (e.space) {
                anchor(e.start);
                n.text.push_back(' ');
            }
            pos = e.end;
        }
        if (pos < raw.size()) {
            anchor(pos);
            n.text.append(raw, pos, raw.size() - pos);
        }
    }
    return out;
}

InlineContent Builder::mixed(std::span<const xml::Node> nodes) {
    std::vector<Piece> pieces;
    for (const xml::Node& n : nodes) collect(n, pieces);
    const std::vector<Norm> norms = normalise(pieces);
    std::size_t cursor = 0;
    return inline_nodes(nodes, norms, cursor);
}

InlineContent Builder::inline_nodes(std::span<const xml::Node> nodes, const std::vector<Norm>& norms,
                                    std::size_t& cursor) {
    InlineContent out;
    for (const xml::Node& n : nodes) {
        if (n.is_text()) {
            const Norm& norm = norms[cursor++];
            if (norm.text.empty()) continue;
            Inline run;
            run.kind = Inline::Kind::text;
            run.id = text_run_id(norm);
            run.text = norm.text;
            out.push_back(std::move(run));
            continue;
        }
        if (!ours(n)) {
            unexpected(n);
            continue;
        }
        out.push_back(inline_element(n, norms, cursor));
    }
    return out;
}

Inline Builder::inline_element(const xml::Node& e, const std::vector<Norm>& norms,
                               std::size_t& cursor) {
    Inline in;
    in.id = element_id(e);
    in.lang = lang_of(e);
    if (e.name == "person-ref" || e.name == "handout-ref") {
        ++cursor;  // the reference's own Piece
        in.kind = e.name == "person-ref" ? Inline::Kind::person_ref : Inline::Kind::handout_ref;
        in.ref = located(e, "ref");
        return in;
    }
    if (e.name == "ruby") {
        in.kind = Inline::Kind::ruby;
        for (const xml::Node& c : e.children) {
            if (!c.is_text()) {
                unexpected(c);
                continue;
            }
            const Norm& norm = norms[cursor++];
            if (norm.text.empty()) continue;
            const NodeId run = text_run_id(norm);
            in.text += norm.text;
            m_.strings.push_back(StringField{in.id, "ruby", norm.text, run, m_.loc(run)});
        }
        in.reading = string_attr(e, in.id, "reading");
        return in;
    }
    if (e.name == "em")
        in.kind = Inline::Kind::emphasis;
    else if (e.name == "q")
        in.kind = Inline::Kind::quote;
    else if (e.name == "span")
        in.kind = Inline::Kind::span;
    else if (e.name == "link") {
        in.kind = Inline::Kind::link;
        in.href = located(e, "href");
    } else {
        unexpected(e);
        in.kind = Inline::Kind::span;
    }
    in.children = inline_nodes(e.children, norms, cursor);
    return in;
}

std::string Builder::simple_text(const xml::Node& e, NodeId owner) {
    std::vector<Piece> pieces;
    for (const xml::Node& c : e.children) {
        if (c.is_text())
            pieces.push_back({&c});
        else
            unexpected(c);
    }
    const std::vector<Norm> norms = normalise(pieces);
    std::string value;
    NodeId first_run;
    for (const Norm& n : norms) {
        if (n.text.empty()) continue;
        const NodeId run = text_run_id(n);
        if (!first_run) first_run = run;
        value += n.text;
    }
    if (first_run)
        m_.strings.push_back(StringField{owner, e.name, value, first_run, m_.loc(first_run)});
    return value;
}

// ---------------------------------------------------------------- the document

std::optional<Minutes> Builder::run() {
    if (!doc_.schema_valid) return std::nullopt;
    const xml::Node& root = doc_.root;
    if (!is(root, "minutes")) {
        diags_.error("E330", doc_.file, root.loc,
                     "the root element is <" + root.name + ">" +
                         (root.ns_uri.empty() ? std::string{} : " in namespace " + root.ns_uri) +
                         ", not <minutes> in namespace " + std::string(minutes_namespace),
                     "ルート要素が名前空間 " + std::string(minutes_namespace) +
                         " の <minutes> ではありません（<" + root.name + ">）",
                     "start the document with <minutes xmlns=\"urn:gijiroku:minutes:1\" ...>",
                     "文書を <minutes xmlns=\"urn:gijiroku:minutes:1\" ...> で始めてください");
        return std::nullopt;
    }
    m_.file = doc_.file;
    m_.locations.assign(1, SourceLoc{});  // index 0: no node
    m_.text_anchors.assign(1, {});
    m_.id = element_id(root);
    m_.version = std::string(trim(attr(root, "version")));
    const std::string kind(trim(attr(root, "kind")));
    m_.kind = kind == "outline"       ? DocumentKind::outline
              : kind == "record"      ? DocumentKind::record
              : kind == "proceedings" ? DocumentKind::proceedings
              : kind == "results"     ? DocumentKind::results
                                      : DocumentKind::summary;
    m_.status = trim(attr(root, "status")) == "provisional" ? Status::provisional : Status::final_version;
    if (const std::string lang = lang_of(root); !lang.empty()) m_.lang = lang;

    for (const xml::Node& c : root.children) {
        if (is(c, "header"))
            header(c);
        else if (is(c, "particulars"))
            particulars(c);
        else if (is(c, "proceedings")) {
            Proceedings p;
            p.id = element_id(c);
            std::span<const xml::Node> rest(c.children);
            for (std::size_t i = 0; i < c.children.size(); ++i) {
                const xml::Node& t = c.children[i];
                if (t.is_text() && t.is_blank()) continue;
                if (is(t, "title")) {
                    p.title = paragraph(t);
                    rest = rest.subspan(i + 1);
                }
                break;
            }
            p.blocks = blocks(rest);
            m_.proceedings = std::move(p);
        } else if (is(c, "end")) {
            element_id(c);
            m_.end_mark = true;
        } else if (is(c, "contact"))
            contact(c);
        else
            unexpected(c);
    }
    return std::move(m_);
}

void Builder::header(const xml::Node& e) {
    Header& h = m_.header;
    h.id = element_id(e);
    for (const xml::Node& c : e.children) {
        if (is(c, "body-name")) {
            h.body_name_id = element_id(c);
            h.body_name = simple_text(c, h.body_name_id);
        } else if (is(c, "session"))
            session(c);
        else if (is(c, "title"))
            h.title = paragraph(c);
        else if (is(c, "subtitle"))
            h.subtitle = paragraph(c);
        else if (is(c, "issuer")) {
            const NodeId id = element_id(c);
            h.issuer = simple_text(c, id);
        } else if (is(c, "published")) {
            element_id(c);
            h.published = date_attr(c, "date");
        } else
            unexpected(c);
    }
}

void Builder::session(const xml::Node& e) {
    Session s;
    s.id = element_id(e);
    if (const xml::Attribute* a = e.find_attribute("fiscal-year")) {
        if (auto fy = parse_fiscal_year(a->value)) {
            fy->loc = a->loc;
            s.fiscal_year = std::move(fy);
        } else {
            bad_value(*a, "not a fiscal year such as 2024, 令和6, R6 or 令和元",
                      "2024、令和6、R6、令和元 のような年度ではありません");
        }
    }
    if (const xml::Attribute* a = e.find_attribute("year")) {
        // xs:gYear: a year with an optional time zone; the model holds 1–9999.
        const std::string_view v = trim(a->value);
        std::size_t digits = 0;
        while (digits < v.size() && is_digit(v[digits])) ++digits;
        const auto y = digits == 4 ? parse_int(v.substr(0, 4)) : std::nullopt;
        if (y && *y >= 1)
            s.year = Located<int>{*y, a->loc};
        else
            bad_value(*a, "not a year from 0001 to 9999", "0001 から 9999 までの年ではありません");
    }
    if (const xml::Attribute* a = e.find_attribute("number")) {
        if (auto v = parse_int(a->value); v && *v >= 1)
            s.number = v;
        else
            bad_value(*a, "not a whole number from 1 to 2147483647", "1 から 2147483647 までの整数ではありません");
    }
    s.extraordinary = parse_bool(attr(e, "extraordinary"));
    s.name = string_attr(e, s.id, "name");
    for (const xml::Node& c : e.children) unexpected(c);
    m_.header.session = std::move(s);
}

void Builder::particulars(const xml::Node& e) {
    m_.has_particulars = true;
    m_.particulars_id = element_id(e);
    for (const xml::Node& c : e.children) {
        if (is(c, "datetime")) {
            DateTime d;
            d.id = element_id(c);
            if (auto date = date_attr(c, "date")) d.date = *date;
            if (const xml::Attribute* w = c.find_attribute("weekday"))
                d.weekday = Located<std::string>{std::string(trim(w->value)), w->loc};
            d.start = time_attr(c, "start");
            d.end = time_attr(c, "end");
            d.opened = time_attr(c, "opened");
            d.closed = time_attr(c, "closed");
            m_.particulars.emplace_back(std::move(d));
        } else if (is(c, "venue")) {
            Venue v;
            v.id = element_id(c);
            const std::string mode(trim(attr(c, "mode")));
            v.mode = mode == "online"    ? VenueMode::online
                     : mode == "hybrid"  ? VenueMode::hybrid
                     : mode == "written" ? VenueMode::written
                                         : VenueMode::in_person;
            v.lang = lang_of(c);
            v.text = mixed(c.children);
            m_.particulars.emplace_back(std::move(v));
        } else if (is(c, "attendance")) {
            m_.particulars.emplace_back(attendance(c));
        } else if (is(c, "observers")) {
            Observers o;
            o.id = element_id(c);
            o.count = int_attr(c, "count").value_or(0);
            m_.particulars.emplace_back(o);
        } else if (is(c, "handouts")) {
            m_.particulars.emplace_back(handouts(c));
        } else if (is(c, "agenda")) {
            m_.particulars.emplace_back(Agenda{element_id(c)});
        } else if (is(c, "next-meeting")) {
            NextMeeting n;
            n.id = element_id(c);
            n.date = date_attr(c, "date");
            if (const xml::Attribute* w = c.find_attribute("weekday"))
                n.weekday = Located<std::string>{std::string(trim(w->value)), w->loc};
            n.start = time_attr(c, "start");
            n.lang = lang_of(c);
            n.text = mixed(c.children);
            m_.particulars.emplace_back(std::move(n));
        } else if (is(c, "particular")) {
            m_.particulars.emplace_back(other_particular(c));
        } else {
            unexpected(c);
        }
    }
}

Attendance Builder::attendance(const xml::Node& e) {
    Attendance a;
    a.id = element_id(e);
    a.size = int_attr(e, "size");
    a.honorifics_omitted = parse_bool(attr(e, "honorifics-omitted"));
    const std::string order(trim(attr(e, "order")));
    a.order = order == "gojuon" ? AttendanceOrder::gojuon
              : order == "seat" ? AttendanceOrder::seat
              : order == "role" ? AttendanceOrder::role
                                : AttendanceOrder::unspecified;
    for (const xml::Node& c : e.children) {
        if (is(c, "group"))
            a.groups.push_back(group(c));
        else
            unexpected(c);
    }
    return a;
}

Group Builder::group(const xml::Node& e) {
    Group g;
    g.id = element_id(e);
    g.xml_id = located(e, "id");
    const std::string kind(trim(attr(e, "kind")));
    g.kind = kind == "secretariat" ? GroupKind::secretariat
             : kind == "staff"     ? GroupKind::staff
             : kind == "observers" ? GroupKind::observers
             : kind == "guests"    ? GroupKind::guests
             : kind == "other"     ? GroupKind::other
                                   : GroupKind::members;
    g.name = string_attr(e, g.id, "name");
    for (const xml::Node& c : e.children) {
        if (is(c, "person"))
            g.people.push_back(person(c));
        else if (is(c, "group"))
            g.subgroups.push_back(group(c));
        else
            unexpected(c);
    }
    return g;
}

Person Builder::person(const xml::Node& e) {
    Person p;
    p.id = element_id(e);
    p.xml_id = located(e, "id");
    p.name = string_attr(e, p.id, "name");
    p.reading = string_attr(e, p.id, "reading");
    p.qualifier = string_attr(e, p.id, "qualifier");
    p.title = string_attr(e, p.id, "title");
    p.role = string_attr(e, p.id, "role");
    p.affiliation = string_attr(e, p.id, "affiliation");
    if (e.find_attribute("present")) p.present = parse_bool(attr(e, "present"));
    p.proxy = string_attr(e, p.id, "proxy");
    const std::string mode(trim(attr(e, "mode")));
    p.mode = mode == "online"      ? AttendanceMode::online
             : mode == "in-person" ? AttendanceMode::in_person
                                   : AttendanceMode::unspecified;
    for (const xml::Node& c : e.children) unexpected(c);
    return p;
}

Handouts Builder::handouts(const xml::Node& e) {
    Handouts hs;
    hs.id = element_id(e);
    for (const xml::Node& c : e.children) {
        if (!is(c, "handout")) {
            unexpected(c);
            continue;
        }
        Handout h;
        h.id = element_id(c);
        h.xml_id = located(c, "id");
        h.number = string_attr(c, h.id, "number");
        h.note = string_attr(c, h.id, "note");
        h.title = mixed(c.children);
        hs.items.push_back(std::move(h));
    }
    return hs;
}

OtherParticular Builder::other_particular(const xml::Node& e) {
    OtherParticular o;
    o.id = element_id(e);
    o.label = string_attr(e, o.id, "label");
    o.lang = lang_of(e);
    // Content is one line or paragraphs (minutes.xsd, Particular). Inline content between
    // paragraphs is kept in `text`, in document order, for check to report (E326).
    std::size_t i = 0;
    const std::span<const xml::Node> all(e.children);
    while (i < all.size()) {
        if (is(all[i], "p")) {
            o.paragraphs.push_back(paragraph(all[i]));
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < all.size() && !is(all[j], "p")) ++j;
        InlineContent part = mixed(all.subspan(i, j - i));
        for (Inline& in : part) o.text.push_back(std::move(in));
        i = j;
    }
    return o;
}

// ---------------------------------------------------------------- proceedings

std::vector<Block> Builder::blocks(std::span<const xml::Node> nodes) {
    std::vector<Block> out;
    for (const xml::Node& c : nodes) {
        if (!c.is_element() || !ours(c)) {
            unexpected(c);
            continue;
        }
        if (auto b = block(c)) out.push_back(std::move(*b));
    }
    return out;
}

std::optional<Block> Builder::block(const xml::Node& e) {
    const std::string& n = e.name;
    if (n == "item") return Block{item(e)};
    if (n == "explanation") return Block{explanation(e)};
    if (n == "opinions") {
        Opinions o;
        o.id = element_id(e);
        o.heading = trim(attr(e, "heading")) != "none";
        if (const xml::Node* t = e.first_child("title")) o.title = paragraph(*t);
        o.entries = entries(e, true);
        return Block{std::move(o)};
    }
    if (n == "qa") {
        QA q;
        q.id = element_id(e);
        q.entries = entries(e, false);
        return Block{std::move(q)};
    }
    if (n == "speech") {
        Speech s;
        s.id = element_id(e);
        s.by = located(e, "by");
        s.lang = lang_of(e);
        for (const xml::Node& c : e.children) {
            if (is(c, "p"))
                s.paragraphs.push_back(paragraph(c));
            else
                unexpected(c);
        }
        return Block{std::move(s)};
    }
    if (n == "interjection") {
        Interjection i;
        i.id = element_id(e);
        const std::string kind(trim(attr(e, "kind")));
        i.kind = kind == "applause"   ? Interjection::Kind::applause
                 : kind == "laughter" ? Interjection::Kind::laughter
                 : kind == "other"    ? Interjection::Kind::other
                                      : Interjection::Kind::voice;
        i.text = simple_text(e, i.id);
        return Block{std::move(i)};
    }
    if (n == "supplement") return Block{supplement(e)};
    if (n == "decision") {
        Decision d;
        const std::string kind(trim(attr(e, "kind")));
        d.kind = kind == "decided"     ? Decision::Kind::decided
                 : kind == "adopted"   ? Decision::Kind::adopted
                 : kind == "rejected"  ? Decision::Kind::rejected
                 : kind == "elected"   ? Decision::Kind::elected
                 : kind == "continued" ? Decision::Kind::continued
                 : kind == "noted"     ? Decision::Kind::noted
                                       : Decision::Kind::approved;
        d.text = paragraph(e);
        return Block{std::move(d)};
    }
    if (n == "note") return Block{Note{paragraph(e)}};
    if (n == "p") return Block{paragraph(e)};
    if (n == "list") {
        List l;
        l.id = element_id(e);
        l.ordered = parse_bool(attr(e, "ordered"));
        for (const xml::Node& c : e.children) {
            if (is(c, "li"))
                l.items.push_back(paragraph(c));
            else
                unexpected(c);
        }
        return Block{std::move(l)};
    }
    if (n == "table") return Block{table(e)};
    if (n == "closed-session") {
        ClosedSession c;
        c.id = element_id(e);
        c.reason = string_attr(e, c.id, "reason");
        for (const xml::Node& child : e.children) unexpected(child);
        return Block{std::move(c)};
    }
    unexpected(e);
    return std::nullopt;
}

Item Builder::item(const xml::Node& e) {
    Item it;
    it.id = element_id(e);
    it.xml_id = located(e, "id");
    const std::string kind(trim(attr(e, "kind")));
    it.kind = kind == "report"         ? ItemKind::report
              : kind == "deliberation" ? ItemKind::deliberation
              : kind == "procedural"   ? ItemKind::procedural
                                       : ItemKind::other;
    const std::string procedure(trim(attr(e, "procedure")));
    it.procedure = procedure == "opening"            ? Procedure::opening
                   : procedure == "greeting"         ? Procedure::greeting
                   : procedure == "closing"          ? Procedure::closing
                   : procedure == "roll-call"        ? Procedure::roll_call
                   : procedure == "minutes-approval" ? Procedure::minutes_approval
                   : procedure == "election"         ? Procedure::election
                                                     : Procedure::none;
    it.ref = string_attr(e, it.id, "ref");
    it.tag = string_attr(e, it.id, "tag");
    std::span<const xml::Node> rest(e.children);
    for (std::size_t i = 0; i < e.children.size(); ++i) {
        const xml::Node& c = e.children[i];
        if (c.is_text() && c.is_blank()) continue;
        if (is(c, "title")) {
            it.title = paragraph(c);
            rest = rest.subspan(i + 1);
        }
        break;
    }
    it.blocks = blocks(rest);
    return it;
}

Utterance Builder::utterance(const xml::Node& e) {
    Utterance u;
    u.kind = e.name == "question" ? Utterance::Kind::question
             : e.name == "answer" ? Utterance::Kind::answer
                                  : Utterance::Kind::opinion;
    u.id = element_id(e);
    if (e.find_attribute("by")) u.by = located(e, "by");
    u.lang = lang_of(e);
    u.content = mixed(e.children);
    return u;
}

std::vector<Utterance> Builder::entries(const xml::Node& e, bool skip_title) {
    std::vector<Utterance> out;
    for (const xml::Node& c : e.children) {
        if (skip_title && is(c, "title")) continue;
        if (is(c, "opinion") || is(c, "question") || is(c, "answer"))
            out.push_back(utterance(c));
        else
            unexpected(c);
    }
    return out;
}

Explanation Builder::explanation(const xml::Node& e) {
    Explanation x;
    x.id = element_id(e);
    x.by = located(e, "by");
    if (const xml::Attribute* a = e.find_attribute("handouts")) {
        // Each id of the list with its own column, so E307 points at the misspelt one. The
        // value is already normalised (XML 1.0 §3.3.3), so each byte before the token is one
        // source character unless the author wrote a character reference there.
        const std::string& v = a->value;
        std::size_t pos = 0;
        while (pos < v.size()) {
            while (pos < v.size() && is_xml_space(v[pos])) ++pos;
            const std::size_t start = pos;
            while (pos < v.size() && !is_xml_space(v[pos])) ++pos;
            if (pos > start)
                x.handouts.push_back({v.substr(start, pos - start), advance_loc(a->value_loc, v, 0, start)});
        }
    }
    for (const xml::Node& c : e.children) {
        if (is(c, "p"))
            x.paragraphs.push_back(paragraph(c));
        else
            unexpected(c);
    }
    return x;
}

Supplement Builder::supplement(const xml::Node& e) {
    Supplement s;
    s.id = element_id(e);
    s.by = located(e, "by");
    s.about = string_attr(e, s.id, "about");
    s.kind = trim(attr(e, "kind")) == "information" ? Supplement::Kind::information
                                                    : Supplement::Kind::supplement;
    const std::string phrasing(trim(attr(e, "phrasing")));
    s.phrasing = phrasing == "verbal"    ? Supplement::Phrasing::verbal
                 : phrasing == "nominal" ? Supplement::Phrasing::nominal
                                         : Supplement::Phrasing::unspecified;
    for (const xml::Node& c : e.children) {
        if (is(c, "opinion") || is(c, "question") || is(c, "answer"))
            s.entries.emplace_back(utterance(c));
        else if (is(c, "p"))
            s.entries.emplace_back(paragraph(c));
        else
            unexpected(c);
    }
    return s;
}

Table Builder::table(const xml::Node& e) {
    Table t;
    t.id = element_id(e);
    for (const xml::Node& c : e.children) {
        if (is(c, "caption")) {
            t.caption = paragraph(c);
        } else if (is(c, "row")) {
            Row r;
            r.id = element_id(c);
            for (const xml::Node& cell : c.children) {
                if (!is(cell, "cell")) {
                    unexpected(cell);
                    continue;
                }
                Cell x;
                x.id = element_id(cell);
                x.header = parse_bool(attr(cell, "header"));
                x.lang = lang_of(cell);
                x.content = mixed(cell.children);
                r.cells.push_back(std::move(x));
            }
            t.rows.push_back(std::move(r));
        } else {
            unexpected(c);
        }
    }
    return t;
}

void Builder::contact(const xml::Node& e) {
    Contact k;
    k.id = element_id(e);
    for (const xml::Node& c : e.children) {
        if (!c.is_element() || !ours(c)) {
            unexpected(c);
            continue;
        }
        const NodeId id = element_id(c);
        std::string value = simple_text(c, id);
        if (c.name == "office")
            k.offices.push_back(std::move(value));
        else if (c.name == "phone")
            k.phone = std::move(value);
        else if (c.name == "extension")
            k.extension = std::move(value);
        else if (c.name == "fax")
            k.fax = std::move(value);
        else if (c.name == "email")
            k.email = std::move(value);
        else if (c.name == "url")
            k.url = std::move(value);
        else
            unexpected(c);
    }
    m_.contact = std::move(k);
}

}  // namespace

std::optional<Minutes> build(const xml::Document& doc, Diagnostics& diags) {
    return Builder(doc, diags).run();
}

}  // namespace gijiroku::model
