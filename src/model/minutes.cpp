#include "model/minutes.hpp"

#include <algorithm>

#include "model/loc_impl.hpp"

namespace gijiroku::model {

namespace {

const Person* find_person_in(const std::vector<Group>& groups, std::string_view id) {
    for (const Group& g : groups) {
        for (const Person& p : g.people)
            if (p.xml_id.value == id) return &p;
        if (const Person* p = find_person_in(g.subgroups, id)) return p;
    }
    return nullptr;
}

const Group* find_group_in(const std::vector<Group>& groups, std::string_view id) {
    for (const Group& g : groups) {
        if (!g.xml_id.value.empty() && g.xml_id.value == id) return &g;
        if (const Group* found = find_group_in(g.subgroups, id)) return found;
    }
    return nullptr;
}

const Item* find_item_in(const std::vector<Block>& blocks, std::string_view id) {
    for (const Block& b : blocks) {
        const Item* item = std::get_if<Item>(&b.node);
        if (!item) continue;
        if (!item->xml_id.value.empty() && item->xml_id.value == id) return item;
        if (const Item* found = find_item_in(item->blocks, id)) return found;
    }
    return nullptr;
}

}  // namespace

SourceLoc Minutes::loc_in_text(NodeId text_id, std::string_view text,
                               std::size_t byte_offset) const {
    SourceLoc base = loc(text_id);
    std::size_t from = 0;
    if (text_id.value < text_anchors.size()) {
        // The last anchor at or before the offset; anchors are sorted by offset.
        for (const TextAnchor& a : text_anchors[text_id.value]) {
            if (a.offset > byte_offset) break;
            base = a.loc;
            from = a.offset;
        }
    }
    if (base.line == 0) return base;
    return advance_loc(base, text, from, byte_offset);
}

SourceLoc Minutes::loc_in_string(const StringField& field, std::size_t byte_offset) const {
    if (field.text_id.valid()) return loc_in_text(field.text_id, field.value, byte_offset);
    if (field.loc.line == 0) return field.loc;
    return advance_loc(field.loc, field.value, 0, byte_offset);
}

const Person* Minutes::find_person(std::string_view xml_id) const {
    for (const Particular& p : particulars)
        if (const auto* a = std::get_if<Attendance>(&p))
            if (const Person* person = find_person_in(a->groups, xml_id)) return person;
    return nullptr;
}

const Group* Minutes::find_group(std::string_view xml_id) const {
    if (xml_id.empty()) return nullptr;
    for (const Particular& p : particulars)
        if (const auto* a = std::get_if<Attendance>(&p))
            if (const Group* g = find_group_in(a->groups, xml_id)) return g;
    return nullptr;
}

const Handout* Minutes::find_handout(std::string_view xml_id) const {
    for (const Particular& p : particulars)
        if (const auto* h = std::get_if<Handouts>(&p))
            for (const Handout& item : h->items)
                if (item.xml_id.value == xml_id) return &item;
    return nullptr;
}

const Item* Minutes::find_item(std::string_view xml_id) const {
    if (xml_id.empty() || !proceedings) return nullptr;
    return find_item_in(proceedings->blocks, xml_id);
}

}  // namespace gijiroku::model
