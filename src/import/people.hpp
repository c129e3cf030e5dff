// Attendees and speakers. The attendance particular is read into groups of people (captions
// 「（委員）」「【事務局】」, 「（欠席）」 absentees, roles in brackets, qualifiers 「井上（愛）委員」,
// 代理出席); each entry is matched against the template's attendee patterns first (so what
// the template prints back is what was read) and scored by how much each part looks like a
// name, a title or a role. Ids are the names as written (岩﨑, 井上-愛), deduplicated.
//
// Speakers named in the proceedings (「○髙橋座長」「（岩﨑委員から…補足）」「事務局から資料説明」)
// are looked up by every way the template (and common usage) names a person; a group word
// (事務局) that names no listed group adds an empty group, which prints nothing in the list.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "import/chars.hpp"
#include "import/wording.hpp"
#include "model/minutes.hpp"

namespace gijiroku::import {

struct Person {
    std::string id;
    U32 name, qualifier, title, role, affiliation, proxy;
    bool present = true;
    std::uint32_t line = 0;
};

struct Group {
    std::string id;
    model::GroupKind kind = model::GroupKind::members;
    U32 name;  // only when it differs from the template's word for the kind
    std::vector<Person> people;
    std::uint32_t line = 0;
    bool named_speaker = false;  // made for a speaker missing from the list (W604)
};

const char* group_kind_name(model::GroupKind k);  // "members", …

class Roster {
public:
    explicit Roster(const Wording& w) : w_(w) {}

    std::vector<Group>& groups() { return groups_; }
    const std::vector<Group>& groups() const { return groups_; }

    // A new id from `base` (white space removed; "-2", "-3" … when taken).
    std::string unique_id(const U32& base);
    void reserve_id(const std::string& id) { ids_.insert(id); }

    // Adds a group; its id is its printed name. Returns its index.
    std::size_t add_group(model::GroupKind kind, const U32& caption, std::uint32_t line);

    // The group kind a caption names (委員 members, 事務局 secretariat, 説明員 staff,
    // オブザーバー observers, 参考人 guests; an organisation name such as 文部科学省 staff);
    // `name` is set when the caption is not the template's word for that kind.
    model::GroupKind kind_of_caption(const U32& caption, U32& name) const;

    // Reads one entry of an attendee list (「前田委員（会長）」) for a group of kind `kind`.
    // nullopt when it does not read as a person.
    std::optional<Person> parse_person(U32View entry, model::GroupKind kind) const;

    // The id of the person or group `who` names, or nullopt. With `create_group`, a group word
    // that no listed group answers to (事務局, 委員) adds an empty group of that kind.
    std::optional<std::string> find_speaker(U32View who, bool create_group);

    // Whether `who` is the way the template prints the speaker `id` (in a sentence, a heading
    // or a speaker turn); when not, the printed text will name them differently.
    bool printed_form(U32View who, const std::string& id);

    // The person with this id, or nullptr.
    Person* person(const std::string& id);
    // Sets a listed person's role (「議長（山田太郎君）」 names the member 山田太郎 as 議長).
    void set_role(const std::string& id, const U32& role);
    // Adds a person to the first group of `kind` (a new one captioned `caption` when there is
    // none); returns their id.
    std::string add_person(model::GroupKind kind, const U32& caption, Person p);

    // Adds an empty group named `who` for a speaker missing from the list; returns its id.
    std::string add_named_speaker(U32View who, std::uint32_t line);

    // The string the template prints for the speaker with this id (for checking a round trip).
    U32 printed_speaker(const std::string& id);

private:
    void build_index();
    const Wording& w_;
    std::vector<Group> groups_;
    std::set<std::string> ids_;
    std::map<U32, std::vector<std::string>> primary_, secondary_;  // speaker strings → ids
    std::map<std::string, U32> printed_;                           // id → what the template prints
    bool index_valid_ = false;
};

// Scores how much `s` looks like a title (委員, 部長, 総合教育政策局長 …): higher is likelier.
double title_score(U32View s);
// How much `s` looks like a role in the body (会長, 副座長, 委員長代理 …).
double role_score(U32View s);

}  // namespace gijiroku::import
