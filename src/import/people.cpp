#include "import/people.hpp"

#include <algorithm>
#include <array>

#include "import/recognise.hpp"

namespace gijiroku::import {
namespace {

using model::GroupKind;

constexpr std::array<GroupKind, 6> all_kinds = {GroupKind::members,   GroupKind::secretariat, GroupKind::staff,
                                                GroupKind::observers, GroupKind::guests,      GroupKind::other};

// Titles printed after a name (委員, 参事官 …) and roles in the body (会長, 座長 …). Roles
// are kept out of the title list so that 「髙橋座長」 reads as name + role.
constexpr std::array<U32View, 62> known_titles = {
    U"委員", U"臨時委員", U"専門委員", U"特別委員", U"幹事", U"理事", U"監事", U"参与", U"顧問", U"参事官",
    U"審議官", U"局長", U"部長", U"課長", U"室長", U"次長", U"所長", U"係長", U"主査", U"主事", U"主任",
    U"専門官", U"調査官", U"企画官", U"課長補佐", U"室長補佐", U"補佐", U"参事", U"教授", U"准教授", U"講師",
    U"助教", U"弁護士", U"医師", U"大臣", U"副大臣", U"政務官", U"知事", U"副知事", U"市長", U"副市長",
    U"町長", U"村長", U"区長", U"教育長", U"議員", U"事務局長", U"事務局次長", U"統括官", U"総括官", U"技監",
    U"主幹", U"課長代理", U"担当", U"氏", U"さん", U"様", U"君", U"先生", U"主任研究員", U"研究員", U"事務官"};
constexpr std::array<U32View, 26> known_roles = {
    U"会長", U"副会長", U"座長", U"副座長", U"委員長", U"副委員長", U"議長", U"副議長", U"部会長", U"副部会長",
    U"分科会長", U"会長代理", U"座長代理", U"委員長代理", U"会長職務代理者", U"職務代理者", U"代表", U"理事長",
    U"幹事長", U"部会長代理", U"小委員長", U"主査", U"副主査", U"会長代行", U"議長代理", U"オブザーバー"};
// Words that begin a post's name (a bureau, a department, an office): 「德永|総合教育政策局長」.
constexpr std::array<U32View, 104> title_starts = {
    U"総合", U"総務", U"総括", U"初等", U"中等", U"高等", U"教育", U"生涯", U"文化", U"科学", U"研究", U"学術",
    U"スポーツ", U"大臣", U"副", U"政務", U"事務", U"審議", U"参事", U"企画", U"調査", U"主任", U"主査", U"主事",
    U"専門", U"課長", U"室長", U"局長", U"部長", U"係長", U"次長", U"所長", U"理事", U"委員", U"健康", U"福祉",
    U"介護", U"高齢", U"保険", U"医療", U"子ども", U"こども", U"子育て", U"障害", U"社会", U"地域", U"財政",
    U"経済", U"環境", U"都市", U"建設", U"市民", U"生活", U"危機", U"税務", U"会計", U"監査", U"議会", U"選挙",
    U"農林", U"産業", U"観光", U"商工", U"消防", U"学校", U"指導", U"学務", U"情報", U"デジタル", U"国際",
    U"政策", U"官房", U"技術", U"統計", U"人事", U"秘書", U"広報", U"法務", U"管理", U"施設", U"土木", U"道路",
    U"住宅", U"防災", U"交通", U"水道", U"病院", U"保健", U"衛生", U"看護", U"児童", U"家庭", U"青少年", U"人権",
    U"厚生", U"労働", U"国土", U"内閣", U"外務", U"財務", U"文部", U"参考", U"事業", U"推進"};
constexpr std::array<U32View, 14> title_ends = {U"長", U"官", U"員", U"補佐", U"主査", U"主事", U"参与", U"顧問",
                                                U"教授", U"監", U"士", U"理事", U"幹", U"代理"};

bool contains_any(U32View s, U32View chars) { return s.find_first_of(chars) != U32View::npos; }

double name_score(U32View name) {
    if (name.empty() || contains_any(name, U"、。，（）()「」【】：:")) return -10;
    const std::size_t spaces = static_cast<std::size_t>(std::count_if(name.begin(), name.end(), is_space));
    const std::size_t len = name.size() - spaces;
    if (spaces == 1 && len >= 2 && len <= 8) return 1.2;
    if (spaces > 0) return -3;
    switch (len) {
        case 1: return 0.2;
        case 2: return 1;
        case 3: return 0.4;
        case 4: return -1.5;
        case 5: return -0.5;
        default: return len <= 10 ? -2 : -5;
    }
}

std::pair<U32, U32> split_family(const U32& name) {
    for (std::size_t i = 0; i < name.size(); ++i)
        if (is_space(name[i])) return {name.substr(0, i), U32(trim(U32View(name).substr(i)))};
    return {name, {}};
}

}  // namespace

const char* group_kind_name(GroupKind k) {
    switch (k) {
        case GroupKind::members: return "members";
        case GroupKind::secretariat: return "secretariat";
        case GroupKind::staff: return "staff";
        case GroupKind::observers: return "observers";
        case GroupKind::guests: return "guests";
        case GroupKind::other: return "other";
    }
    return "other";
}

double title_score(U32View s) {
    s = trim(s);
    if (s.empty()) return 0;
    if (contains_any(s, U"、。，（）()「」【】")) return -5;
    if (std::any_of(s.begin(), s.end(), is_space)) return -2;
    // A bare post (局長, 課長) usually follows the name of its bureau: 「山本医政局長」 is 山本 +
    // 医政局長 more likely than 山本医政 + 局長.
    static constexpr std::array<U32View, 9> posts = {U"局長", U"部長", U"課長", U"室長", U"次長",
                                                     U"所長", U"係長", U"補佐", U"課長補佐"};
    for (U32View t : posts)
        if (s == t) return 3;
    for (U32View t : known_titles)
        if (s == t) return 5;
    double score = 0;
    for (U32View t : posts)
        if (s.size() > t.size() && ends_with(s, t)) {
            score += 1;
            break;
        }
    for (U32View t : title_starts)
        if (starts_with(s, t)) {
            score += 3;
            break;
        }
    for (U32View t : title_ends)
        if (ends_with(s, t)) {
            score += 1.5;
            break;
        }
    return score > 0 ? score : -1;
}

double role_score(U32View s) {
    s = trim(s);
    if (s.empty()) return 0;
    for (U32View r : known_roles)
        if (s == r) return 5;
    if (contains_any(s, U"、。，（）()「」【】") || std::any_of(s.begin(), s.end(), is_space)) return -5;
    if (s.size() <= 6 && (ends_with(s, U"長") || ends_with(s, U"代理"))) return 2;
    return -3;
}

std::string Roster::unique_id(const U32& base) {
    U32 b = without_spaces(base);
    if (b.size() > 90) b.resize(90);
    if (b.empty()) b = U"id";
    std::string id = to_utf8(b);
    if (ids_.insert(id).second) return id;
    for (int n = 2;; ++n) {
        std::string alt = id + "-" + std::to_string(n);
        if (ids_.insert(alt).second) return alt;
    }
}

model::GroupKind Roster::kind_of_caption(const U32& caption, U32& name) const {
    const U32 bare = without_spaces(caption);
    name.clear();
    for (GroupKind k : all_kinds)
        if (bare == w_.label(std::string("group.") + group_kind_name(k)) && !bare.empty()) return k;
    name = caption;
    static const std::pair<U32View, GroupKind> words[] = {
        {U"委員", GroupKind::members},         {U"構成員", GroupKind::members},     {U"委員等", GroupKind::members},
        {U"出席委員", GroupKind::members},     {U"事務局", GroupKind::secretariat}, {U"説明員", GroupKind::staff},
        {U"説明者", GroupKind::staff},         {U"出席職員", GroupKind::staff},     {U"職員", GroupKind::staff},
        {U"関係職員", GroupKind::staff},       {U"市側", GroupKind::staff},         {U"県側", GroupKind::staff},
        {U"区側", GroupKind::staff},           {U"幹事", GroupKind::staff},         {U"オブザーバー", GroupKind::observers},
        {U"陪席", GroupKind::observers},       {U"参考人", GroupKind::guests},      {U"ゲスト", GroupKind::guests},
        {U"招へい者", GroupKind::guests},      {U"招聘者", GroupKind::guests},
        // An assembly's 会議録: the executive who answer, and the assembly's own staff.
        {U"説明のため出席した者", GroupKind::staff}, {U"説明のため出席した者の職氏名", GroupKind::staff},
        {U"職務のため出席した者", GroupKind::secretariat}, {U"職務のため出席した者の職氏名", GroupKind::secretariat},
        {U"職務のため議場に出席した者", GroupKind::secretariat}, {U"議会事務局職員", GroupKind::secretariat},
        {U"出席議員", GroupKind::members}, {U"議員", GroupKind::members}};
    for (const auto& [w, k] : words)
        if (bare == w) return k;
    // An organisation (文部科学省, 福祉局, 若葉台市): its staff.
    static constexpr std::array<U32View, 16> org_ends = {U"省", U"庁", U"局", U"部", U"課", U"室", U"市", U"町",
                                                         U"村", U"県", U"都", U"府", U"区", U"センター", U"機構", U"本部"};
    for (U32View e : org_ends)
        if (ends_with(bare, e)) return GroupKind::staff;
    return GroupKind::other;
}

std::size_t Roster::add_group(GroupKind kind, const U32& caption, std::uint32_t line) {
    Group g;
    g.kind = kind;
    U32 name;
    if (!caption.empty()) {
        const GroupKind k = kind_of_caption(caption, name);
        (void)k;
    }
    g.name = name;
    const U32 printed = !name.empty() ? name : w_.label(std::string("group.") + group_kind_name(kind));
    g.id = unique_id(printed.empty() ? to_u32(group_kind_name(kind)) : printed);
    g.line = line;
    groups_.push_back(std::move(g));
    index_valid_ = false;
    return groups_.size() - 1;
}

std::optional<Person> Roster::parse_person(U32View entry, GroupKind kind) const {
    entry = trim(entry);
    if (entry.empty()) return std::nullopt;
    const std::string k = std::string("attendee.") + group_kind_name(kind);
    const U32 want = without_spaces(entry);

    // The key resolve() would choose for a person with (or without) a role.
    auto key_for = [&](bool has_role) -> std::string {
        std::vector<std::string> keys;
        if (has_role) keys = {k + ".with-role", "attendee.with-role"};
        keys.push_back(k);
        for (const std::string& c : keys)
            if (w_.has(c)) return c;
        return "attendee";
    };
    auto person_from = [](const PatternMatch& m) {
        Person p;
        p.name = m.value("name");
        p.qualifier = m.value("qualifier");
        p.title = m.value("title");
        p.role = m.value("role");
        p.affiliation = m.value("affiliation");
        p.proxy = m.value("proxy");
        return p;
    };
    auto score_of = [](const Person& p) {
        double s = name_score(p.name);
        if (!p.title.empty()) s += title_score(p.title);
        if (!p.role.empty()) s += role_score(p.role);
        if (!p.qualifier.empty()) s += p.qualifier.size() <= 2 ? 1 : -3;
        if (!p.affiliation.empty()) s += 0.3;
        if (!p.proxy.empty()) s += 0.5;
        return s;
    };

    std::optional<Person> best;
    double best_score = -1e9;
    for (const std::string& key : {k + ".with-role", std::string("attendee.with-role"), k, std::string("attendee")}) {
        if (!w_.has(key)) continue;
        for (const PatternMatch& m : w_.match(key, entry)) {
            Person p = person_from(m);
            if (p.name.empty()) continue;
            // Only a reading the template prints back the same way is taken.
            if (key_for(!p.role.empty()) != key) continue;
            auto [family, given] = split_family(p.name);
            const U32 back = w_.expand(key, {{"name", p.name},
                                             {"family_name", family},
                                             {"given_name", given},
                                             {"qualifier", p.qualifier},
                                             {"title", p.title},
                                             {"role", p.role},
                                             {"affiliation", p.affiliation},
                                             {"proxy", p.proxy}});
            if (without_spaces(back) != want) continue;
            const double s = score_of(p);
            if (s > best_score) {
                best_score = s;
                best = p;
            }
        }
    }
    if (best && best_score > -3) return best;

    // Common spellings the template does not print: name（role）, name（qualifier）title,
    // name title（affiliation）, 「（代理：X）」.
    Person p;
    U32 rest(entry);
    auto take_trailing_bracket = [&](U32& inner) {
        if (rest.empty() || (rest.back() != U'）' && rest.back() != U')')) return false;
        int depth = 0;
        for (std::size_t i = rest.size(); i-- > 0;) {
            if (rest[i] == U'）' || rest[i] == U')') ++depth;
            if (rest[i] == U'（' || rest[i] == U'(') {
                if (--depth == 0) {
                    inner = rest.substr(i + 1, rest.size() - i - 2);
                    rest = U32(trim(U32View(rest).substr(0, i)));
                    return true;
                }
            }
        }
        return false;
    };
    for (int round = 0; round < 3; ++round) {
        U32 inner;
        const U32 saved = rest;
        if (!take_trailing_bracket(inner)) break;
        const U32View in = trim(inner);
        if (starts_with(in, U"代理")) {
            U32View v = in.substr(2);
            if (starts_with(v, U"出席")) v.remove_prefix(2);
            while (!v.empty() && (v.front() == U'：' || v.front() == U':' || is_space(v.front()))) v.remove_prefix(1);
            p.proxy = U32(v);
        } else if (role_score(in) > 0 && p.role.empty()) {
            p.role = U32(in);
        } else if (p.affiliation.empty()) {
            p.affiliation = U32(in);
        } else {
            rest = saved;
            break;
        }
    }
    // name（qualifier）title
    if (auto open = rest.find(U'（'); open != U32::npos) {
        const auto close = rest.find(U'）', open);
        if (close != U32::npos && close - open - 1 <= 2 && close > open + 1) {
            p.qualifier = rest.substr(open + 1, close - open - 1);
            p.name = U32(trim(U32View(rest).substr(0, open)));
            p.title = U32(trim(U32View(rest).substr(close + 1)));
            if (name_score(p.name) > 0 && (p.title.empty() || title_score(p.title) > 0)) return p;
            return std::nullopt;
        }
    }
    if (contains_any(rest, U"（）()「」【】、")) return std::nullopt;
    // 「健康福祉部長 小林 隆之」: a title, then the name; 「議長 前田 太郎」: a role, then the name.
    if (auto sp = std::find_if(rest.begin(), rest.end(), is_space); sp != rest.end()) {
        const U32 first(rest.begin(), sp);
        const U32 after(trim(U32View(rest).substr(static_cast<std::size_t>(sp - rest.begin()))));
        if (p.role.empty() && role_score(first) >= 2 && name_score(after) > 0) {
            p.role = first;
            p.name = after;
            return p;
        }
        if (title_score(first) >= 3 && name_score(after) > 0) {
            p.title = first;
            p.name = after;
            return p;
        }
        if (name_score(rest) > 0) {
            p.name = rest;
            return p;
        }
        return std::nullopt;
    }
    // name + title without a space: the split whose title looks likeliest.
    double best_split = name_score(rest) + (rest.size() <= 4 ? 0.5 : -5);
    std::size_t cut = rest.size();
    for (std::size_t n = 1; n < rest.size() && n <= 5; ++n) {
        const double s = name_score(U32View(rest).substr(0, n)) + title_score(U32View(rest).substr(n));
        if (s > best_split) {
            best_split = s;
            cut = n;
        }
    }
    if (best_split <= 0) return std::nullopt;
    p.name = rest.substr(0, cut);
    p.title = rest.substr(cut);
    return p;
}

void Roster::build_index() {
    primary_.clear();
    secondary_.clear();
    printed_.clear();
    auto add = [](std::map<U32, std::vector<std::string>>& m, const U32& key, const std::string& id) {
        const U32 k = without_spaces(key);
        if (k.empty()) return;
        auto& v = m[k];
        if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
    };
    for (const Group& g : groups_) {
        const std::string kind = group_kind_name(g.kind);
        const U32 printed = !g.name.empty() ? g.name : w_.label("group." + kind);
        const U32 as_speaker = w_.has("speaker.group") ? w_.expand("speaker.group", {{"group", printed}}) : printed;
        add(primary_, as_speaker, g.id);
        printed_[g.id] = as_speaker;
        add(secondary_, printed, g.id);
        for (const Person& p : g.people) {
            auto [family, given] = split_family(p.name);
            const std::map<std::string, U32> v = {{"name", p.name},         {"family_name", family},
                                                  {"given_name", given},    {"qualifier", p.qualifier},
                                                  {"title", p.title},       {"role", p.role},
                                                  {"affiliation", p.affiliation}};
            // The form resolve() prints (style/resolve.cpp Resolver::speaker).
            std::vector<std::string> keys;
            if (!p.role.empty()) keys = {"speaker." + kind + ".with-role", "speaker.with-role"};
            keys.push_back("speaker." + kind);
            keys.push_back("speaker");
            U32 printed_name;
            for (const std::string& k : keys) {
                if (!w_.has(k)) continue;
                printed_name = w_.expand(k, v);
                if (!printed_name.empty()) break;
            }
            if (printed_name.empty()) printed_name = p.name;
            add(primary_, printed_name, p.id);
            printed_[p.id] = printed_name;
            // The speaker turn, when the template words it without {speaker}
            // (「○{role}（{name}君） 」).
            for (const std::string& k : {"speech-turn." + kind + ".with-role", std::string("speech-turn.with-role"),
                                         "speech-turn." + kind, std::string("speech-turn")}) {
                if (!w_.has(k)) continue;
                std::map<std::string, U32> tv = v;
                tv["speaker"] = printed_name;
                U32 turn(trim(w_.expand(k, tv)));
                while (!turn.empty() && is_circle(turn.front())) turn.erase(0, 1);
                add(primary_, turn, p.id);
            }
            // Common usage.
            for (const U32& s : {p.name + p.title, p.name + p.role, family + p.title, family + p.role, p.name,
                                 p.name + U"（" + p.qualifier + U"）" + p.title, family + U"委員", p.name + U"君",
                                 p.role + U"（" + p.name + U"君）", p.role + U"（" + family + U"君）", p.title, p.role,
                                 p.name + U"氏", family + U"氏"}) {
                if (s == p.title && p.title.empty()) continue;
                add(secondary_, s, p.id);
            }
        }
    }
    index_valid_ = true;
}

std::optional<std::string> Roster::find_speaker(U32View who, bool create_group) {
    if (!index_valid_) build_index();
    const U32 key = without_spaces(who);
    if (key.empty()) return std::nullopt;
    for (auto* m : {&primary_, &secondary_}) {
        auto it = m->find(key);
        if (it != m->end()) {
            if (it->second.size() == 1) return it->second.front();
            return std::nullopt;  // two people answer to it: leave it to the clerk
        }
    }
    if (!create_group) return std::nullopt;
    for (GroupKind k : all_kinds) {
        if (k == GroupKind::other) continue;
        const U32 label = w_.label(std::string("group.") + group_kind_name(k));
        if (label.empty() || label != key) continue;
        for (const Group& g : groups_)
            if (g.kind == k && g.name.empty()) return g.id;
        const std::size_t at = add_group(k, {}, 0);
        return groups_[at].id;
    }
    if (key == U"事務局") {
        for (const Group& g : groups_)
            if (g.kind == GroupKind::secretariat) return g.id;
        const std::size_t at = add_group(GroupKind::secretariat, U32(who), 0);
        return groups_[at].id;
    }
    return std::nullopt;
}

bool Roster::printed_form(U32View who, const std::string& id) {
    if (!index_valid_) build_index();
    auto it = primary_.find(without_spaces(who));
    return it != primary_.end() && std::find(it->second.begin(), it->second.end(), id) != it->second.end();
}

Person* Roster::person(const std::string& id) {
    for (Group& g : groups_)
        for (Person& p : g.people)
            if (p.id == id) return &p;
    return nullptr;
}

void Roster::set_role(const std::string& id, const U32& role) {
    if (Person* p = person(id)) {
        p->role = role;
        index_valid_ = false;
    }
}

std::string Roster::add_person(GroupKind kind, const U32& caption, Person p) {
    std::size_t at = groups_.size();
    for (std::size_t g = 0; g < groups_.size(); ++g)
        if (groups_[g].kind == kind && !groups_[g].named_speaker) {
            at = g;
            break;
        }
    if (at == groups_.size()) at = add_group(kind, caption, p.line);
    U32 id = p.name;
    if (!p.qualifier.empty()) id += U"-" + p.qualifier;
    p.id = unique_id(id);
    groups_[at].people.push_back(std::move(p));
    index_valid_ = false;
    return groups_[at].people.back().id;
}

std::string Roster::add_named_speaker(U32View who, std::uint32_t line) {
    Group g;
    g.kind = GroupKind::other;
    g.name = U32(trim(who));
    g.id = unique_id(g.name);
    g.line = line;
    g.named_speaker = true;
    groups_.push_back(std::move(g));
    index_valid_ = false;
    return groups_.back().id;
}

U32 Roster::printed_speaker(const std::string& id) {
    if (!index_valid_) build_index();
    auto it = printed_.find(id);
    return it == printed_.end() ? U32() : it->second;
}

}  // namespace gijiroku::import
