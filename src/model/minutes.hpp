// model::Minutes — the typed meaning of one minutes document (schemas/minutes.xsd, v1.0).
//
// Built from a schema-valid xml::Document by model::build (build.hpp) and checked by
// model::check (check.hpp). Holds what was said and decided, never how it is labelled: the
// numbering, bullets, bracket wording and era dates come from the template in style::resolve.
//
// Every element and every text run gets a NodeId in document order; `Minutes::locations`
// maps each NodeId back to its place in the XML, so later stages (layout, PDF) can still
// report "tokyo.xml:57:18" for a character no font has.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/node_id.hpp"
#include "core/source_loc.hpp"

namespace gijiroku::model {

// ------------------------------------------------------------------ values

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

// A civil time of day, Japan time. 24:00 is allowed as an end time.
struct Time {
    int hour = 0;
    int minute = 0;
    int minutes_since_midnight() const { return hour * 60 + minute; }
    friend bool operator==(const Time&, const Time&) = default;
};

// A value from an attribute together with where the attribute is, for diagnostics.
template <class T>
struct Located {
    T value{};
    SourceLoc loc;
};

// ------------------------------------------------------------------ inline content

struct Inline {
    enum class Kind : std::uint8_t {
        text,         // `text` holds the characters, exactly as written (never normalised)
        emphasis,     // <em>
        quote,        // <q>: the template supplies the brackets
        span,         // <span xml:lang>
        ruby,         // <ruby reading>: `text` is the base, `reading` the ruby
        link,         // <link href>
        person_ref,   // <person-ref ref>: prints a person's or group's name
        handout_ref,  // <handout-ref ref>: prints a handout's number
    };
    Kind kind = Kind::text;
    NodeId id;
    std::string text;
    std::string reading;
    Located<std::string> href;  // link
    Located<std::string> ref;   // person_ref, handout_ref: the id referred to
    std::string lang;           // xml:lang on this element; empty = inherited
    std::vector<Inline> children;
};
using InlineContent = std::vector<Inline>;

struct Paragraph {
    NodeId id;
    std::string lang;  // xml:lang; empty = inherited
    InlineContent content;
};

// ------------------------------------------------------------------ header

enum class DocumentKind : std::uint8_t { summary, outline, record, proceedings, results };
enum class Status : std::uint8_t { final_version, provisional };

struct FiscalYear {
    std::string written;  // as in the XML: "2024", "令和6", "R6", "令和元"
    int start_year = 0;   // the Gregorian year the fiscal year starts in; 0 if it cannot be resolved
    std::string era;      // "令和" when written with an era, else empty
    int era_year = 0;     // 1 for 元
    SourceLoc loc;
};

struct Session {
    NodeId id;
    std::optional<FiscalYear> fiscal_year;
    std::optional<Located<int>> year;  // calendar year, for bodies that count by it
    std::optional<int> number;         // 第３回
    bool extraordinary = false;        // 臨時
    std::string name;                  // 定例会, 部会, ...
};

struct Header {
    NodeId id;
    std::string body_name;
    NodeId body_name_id;
    std::optional<Session> session;
    std::optional<Paragraph> title;     // replaces the generated title line
    std::optional<Paragraph> subtitle;
    std::string issuer;
    std::optional<Located<Date>> published;
};

// ------------------------------------------------------------------ particulars

struct DateTime {
    NodeId id;
    Located<Date> date;
    std::optional<Located<std::string>> weekday;  // as written: 火, 火曜日
    std::optional<Located<Time>> start, end, opened, closed;
};

enum class VenueMode : std::uint8_t { in_person, online, hybrid, written };

struct Venue {
    NodeId id;
    VenueMode mode = VenueMode::in_person;
    std::string lang;
    InlineContent text;  // the room, when given
};

enum class GroupKind : std::uint8_t { members, secretariat, staff, observers, guests, other };
enum class AttendanceMode : std::uint8_t { unspecified, in_person, online };

struct Person {
    NodeId id;
    Located<std::string> xml_id;
    std::string name;       // never normalised
    std::string reading;
    std::string qualifier;  // 井上（愛）委員 → "愛"
    std::string title;      // 委員, 部長
    std::string role;       // 会長, 副会長, 座長 ...
    std::string affiliation;
    bool present = true;
    std::string proxy;      // who attended in their place
    AttendanceMode mode = AttendanceMode::unspecified;
};

struct Group {
    NodeId id;
    Located<std::string> xml_id;  // may be empty
    GroupKind kind = GroupKind::members;
    std::string name;             // overrides the template's name for the kind
    std::vector<Person> people;   // in document order
    std::vector<Group> subgroups; // in document order (printed after `people`)
};

enum class AttendanceOrder : std::uint8_t { unspecified, gojuon, seat, role };

struct Attendance {
    NodeId id;
    std::optional<int> size;  // 定数
    bool honorifics_omitted = false;
    AttendanceOrder order = AttendanceOrder::unspecified;
    std::vector<Group> groups;
};

struct Observers {
    NodeId id;
    int count = 0;
};

struct Handout {
    NodeId id;
    Located<std::string> xml_id;
    std::string number;  // 資料1, 参考資料
    std::string note;
    InlineContent title;
};

struct Handouts {
    NodeId id;
    std::vector<Handout> items;
};

struct Agenda {
    NodeId id;
};

struct NextMeeting {
    NodeId id;
    std::optional<Located<Date>> date;
    std::optional<Located<std::string>> weekday;
    std::optional<Located<Time>> start;
    std::string lang;
    InlineContent text;
};

struct OtherParticular {
    NodeId id;
    std::string label;  // 議題, 傍聴, ...
    std::string lang;
    InlineContent text;                 // one-line form
    std::vector<Paragraph> paragraphs;  // paragraph form
};

using Particular =
    std::variant<DateTime, Venue, Attendance, Observers, Handouts, Agenda, NextMeeting, OtherParticular>;

// ------------------------------------------------------------------ proceedings

struct Utterance {
    enum class Kind : std::uint8_t { opinion, question, answer };
    Kind kind = Kind::opinion;
    NodeId id;
    std::optional<Located<std::string>> by;  // person or group id
    std::string lang;
    InlineContent content;
};

struct Explanation {
    NodeId id;
    Located<std::string> by;
    std::vector<Located<std::string>> handouts;
    std::vector<Paragraph> paragraphs;
};

struct Opinions {
    NodeId id;
    bool heading = true;  // heading="none" → false
    std::optional<Paragraph> title;
    std::vector<Utterance> entries;
};

struct QA {
    NodeId id;
    std::vector<Utterance> entries;
};

struct Speech {
    NodeId id;
    Located<std::string> by;
    std::string lang;
    std::vector<Paragraph> paragraphs;
};

struct Interjection {
    enum class Kind : std::uint8_t { voice, applause, laughter, other };
    Kind kind = Kind::voice;
    NodeId id;
    std::string text;
};

struct Supplement {
    enum class Kind : std::uint8_t { supplement, information };
    enum class Phrasing : std::uint8_t { unspecified, verbal, nominal };
    NodeId id;
    Located<std::string> by;
    std::string about;
    Kind kind = Kind::supplement;
    Phrasing phrasing = Phrasing::unspecified;
    std::vector<std::variant<Utterance, Paragraph>> entries;
};

struct Decision {
    enum class Kind : std::uint8_t { approved, decided, adopted, rejected, elected, continued, noted };
    Kind kind = Kind::approved;
    Paragraph text;  // may be empty: the template then words the kind alone
};

struct Note {
    Paragraph text;
};

struct List {
    NodeId id;
    bool ordered = false;
    std::vector<Paragraph> items;
};

struct Cell {
    NodeId id;
    bool header = false;
    std::string lang;
    InlineContent content;
};

struct Row {
    NodeId id;
    std::vector<Cell> cells;
};

struct Table {
    NodeId id;
    std::optional<Paragraph> caption;
    std::vector<Row> rows;
};

struct ClosedSession {
    NodeId id;
    std::string reason;
};

struct Block;

enum class ItemKind : std::uint8_t { report, deliberation, other, procedural };
enum class Procedure : std::uint8_t { none, opening, greeting, closing, roll_call, minutes_approval, election };

struct Item {
    NodeId id;
    Located<std::string> xml_id;
    ItemKind kind = ItemKind::other;
    Procedure procedure = Procedure::none;
    std::string ref;  // 報告第32号
    std::string tag;  // 諮問, 答申, 案
    std::optional<Paragraph> title;
    std::vector<Block> blocks;
};

struct Block {
    std::variant<Item, Explanation, Opinions, QA, Speech, Interjection, Supplement, Decision, Note,
                 Paragraph, List, Table, ClosedSession>
        node;
};

struct Proceedings {
    NodeId id;
    std::optional<Paragraph> title;
    std::vector<Block> blocks;
};

// ------------------------------------------------------------------ end of document

struct Contact {
    NodeId id;
    std::vector<std::string> offices;
    std::string phone, extension, fax, email, url;
};

// ------------------------------------------------------------------ source positions

// Where a character of a stored text run is in the XML. build (build.hpp) takes the line breaks
// and indentation of hard-wrapped source lines out of paragraph text, so the stored text is not
// contiguous in the source: each anchor says that byte `offset` of the stored text is the
// character at `loc`. Counting code points from the nearest anchor gives any other position.
struct TextAnchor {
    std::uint32_t offset = 0;
    SourceLoc loc;
};

// A string the model keeps as a plain field (an attribute value such as a person's name, or the
// content of a simple element such as body-name or interjection), with where it is, so checks
// that look at single characters (control characters, unassigned code points, variation
// selectors, private use) can point at the exact character.
struct StringField {
    NodeId owner;        // the element the string belongs to
    std::string what;    // the attribute's name ("name", "reading", "href") or the element's
                         // name for element content ("body-name", "interjection", "phone")
    std::string value;   // as stored in the model
    NodeId text_id;      // element content: the text run (anchored as above); 0 for an attribute
    SourceLoc loc;       // the value's first character
};

// ------------------------------------------------------------------ the document

struct Minutes {
    std::string file;  // display name for diagnostics
    std::string version;
    DocumentKind kind = DocumentKind::summary;
    Status status = Status::final_version;
    std::string lang = "ja";  // xml:lang of the root; "ja" when absent
    NodeId id;

    Header header;
    bool has_particulars = false;
    NodeId particulars_id;
    std::vector<Particular> particulars;  // in document order
    std::optional<Proceedings> proceedings;
    bool end_mark = false;  // <end/>: the template prints 以上
    std::optional<Contact> contact;

    // locations[n.value] is where node `n` starts in `file` (index 0 unused).
    std::vector<SourceLoc> locations;

    SourceLoc loc(NodeId node) const {
        return node.value < locations.size() ? locations[node.value] : SourceLoc{};
    }

    // text_anchors[id.value]: the anchors of text run `id` when build removed whitespace inside
    // it; empty when the run is contiguous in the source (its location is then locations[id]).
    // Same size as `locations`.
    std::vector<std::vector<TextAnchor>> text_anchors;

    // Every plain string field (see StringField), in document order.
    std::vector<StringField> strings;

    // Where the character at `byte_offset` of the text run `text_id` is. Counts code points
    // and newlines of the run's own text from the nearest anchor before it (build anchors each
    // source line of a run exactly; the count is exact unless the source wrote a character or
    // entity reference between that anchor and the character). An offset at or past the end
    // gives the position just after the last character.
    SourceLoc loc_in_text(NodeId text_id, std::string_view text, std::size_t byte_offset) const;

    // Where the character at `byte_offset` of `field.value` is (same precision as loc_in_text).
    SourceLoc loc_in_string(const StringField& field, std::size_t byte_offset) const;

    // Look-ups by XML id; nullptr when absent.
    const Person* find_person(std::string_view xml_id) const;
    const Group* find_group(std::string_view xml_id) const;
    const Handout* find_handout(std::string_view xml_id) const;
    const Item* find_item(std::string_view xml_id) const;
};

}  // namespace gijiroku::model
