#include "import/classify.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "import/datetime.hpp"
#include "import/people.hpp"
#include "import/recognise.hpp"
#include "text/era_date.hpp"

namespace gijiroku::import {
namespace {

using model::GroupKind;

std::string u8(U32View s) { return to_utf8(s); }

// The first characters of a block, for naming it in a message.
std::string excerpt(U32View s) {
    constexpr std::size_t n = 24;
    return s.size() <= n ? u8(s) : u8(s.substr(0, n)) + "…";
}

bool same_words(U32View a, U32View b) { return without_spaces(a) == without_spaces(b); }

// Strips one pair of brackets around the whole text: （主な意見等） → 主な意見等.
std::optional<U32> bracketed(U32View s) {
    s = trim(s);
    static const std::pair<char32_t, char32_t> pairs[] = {{U'（', U'）'}, {U'(', U')'}, {U'【', U'】'}, {U'＜', U'＞'},
                                                          {U'〈', U'〉'}, {U'［', U'］'}, {U'[', U']'},   {U'《', U'》'}};
    if (s.size() < 3) return std::nullopt;
    for (const auto& [o, c] : pairs)
        if (s.front() == o && s.back() == c) {
            const U32View in = s.substr(1, s.size() - 2);
            // (a) … (b) is two bracketed parts, not one.
            if (in.find(c) != U32View::npos) return std::nullopt;
            return U32(trim(in));
        }
    return std::nullopt;
}

// An agenda line without its numbering or mark: 「（１）保育所等の整備計画について」 → the title.
U32 agenda_entry(U32View line) {
    line = trim(line);
    if (!line.empty() && (is_bullet(line[0]) || is_circle(line[0]))) line = trim(line.substr(1));
    else if (auto n = leading_numbering(line, true)) line = line.substr(n->length);
    return without_spaces(line);
}

enum class PKind { datetime, venue, attendance, observers, handouts, agenda, next_meeting, other, absentees, group };

struct ValueLine {
    U32 text;
    std::uint32_t line = 0;
};

struct Particular {
    PKind kind = PKind::other;
    U32 label;  // as written, spaces removed
    std::uint32_t line = 0;
    std::optional<Numbering> number;
    std::vector<ValueLine> lines;
};

struct TitleParts {
    U32 body;
    std::optional<int> fiscal_year;
    std::string fiscal_written;  // "平成31" when the era written is not the conventional one
    std::optional<int> year;
    std::optional<int> number;
    bool extraordinary = false;
    U32 session_name;
};

// Parses 「令和６年度 第３回 東京都医療的ケア児支援地域協議会」, 「教育データの利活用に関する
// 有識者会議（第2回）」, 「令和６年度 第２回 若葉台市介護保険運営協議会 臨時会」.
std::optional<TitleParts> parse_title(U32View text) {
    TitleParts t;
    U32 s(trim(text));
    auto era_year_at = [&](std::size_t pos, std::string& era, int& y, std::size_t& end) {
        static const std::pair<U32View, const char*> eras[] = {{U"令和", "令和"}, {U"平成", "平成"}, {U"昭和", "昭和"},
                                                               {U"R", "R"},       {U"Ｒ", "R"},       {U"H", "H"},
                                                               {U"Ｈ", "H"}};
        for (const auto& [name, e] : eras) {
            if (U32View(s).substr(pos, name.size()) != name) continue;
            std::size_t i = pos + name.size();
            if (i < s.size() && s[i] == U'元') {
                y = 1;
                end = i + 1;
                era = e;
                return true;
            }
            if (auto n = read_number(s, i)) {
                y = n->value;
                end = i + n->length;
                era = e;
                return true;
            }
        }
        if (auto n = read_number(s, pos); n && n->length == 4) {
            y = n->value;
            end = pos + 4;
            era.clear();
            return true;
        }
        return false;
    };
    // Leading tokens: 令和６年度, 令和７年, 第３回, 臨時.
    std::size_t i = 0;
    for (;;) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::string era;
        int y = 0;
        std::size_t end = 0;
        if (era_year_at(i, era, y, end) && end < s.size() && s[end] == U'年') {
            if (end + 1 < s.size() && s[end + 1] == U'度') {
                std::optional<int> fy = era.empty() ? std::optional<int>(y) : text::fiscal_year_from_era(era, y);
                if (!fy) return std::nullopt;
                t.fiscal_year = fy;
                if (!era.empty()) {
                    auto conv = text::fiscal_era_year(*fy);
                    const std::string full = era == "R" ? "令和" : era == "H" ? "平成" : era;
                    if (conv && conv->era != full) t.fiscal_written = full + (y == 1 ? "元" : std::to_string(y));
                }
                i = end + 2;
                continue;
            }
            if (!era.empty()) {
                auto g = text::gregorian_year(era, y);
                if (!g) return std::nullopt;
                t.year = g;
            } else {
                t.year = y;
            }
            i = end + 1;
            continue;
        }
        if (i < s.size() && s[i] == U'第') {
            if (auto n = read_number(s, i + 1); n && i + 1 + n->length < s.size() && s[i + 1 + n->length] == U'回') {
                t.number = n->value;
                i += 2 + n->length;
                continue;
            }
        }
        if (U32View(s).substr(i, 2) == U"臨時" && i + 2 < s.size() && is_space(s[i + 2])) {
            t.extraordinary = true;
            i += 2;
            continue;
        }
        break;
    }
    U32 rest(trim(U32View(s).substr(i)));
    // （第2回） （臨時 第2回） anywhere after the body.
    for (std::size_t open = rest.find_first_of(U"（("); open != U32::npos; open = rest.find_first_of(U"（(", open + 1)) {
        const std::size_t close = rest.find_first_of(U"）)", open);
        if (close == U32::npos) break;
        U32View in = trim(U32View(rest).substr(open + 1, close - open - 1));
        bool extra = false;
        if (starts_with(in, U"臨時")) {
            extra = true;
            in = trim(in.substr(2));
        }
        if (!in.empty() && in.front() == U'第' && ends_with(in, U"回")) {
            if (auto n = read_number(in, 1); n && 1 + n->length + 1 == in.size()) {
                t.number = n->value;
                t.extraordinary = t.extraordinary || extra;
                rest = U32(trim(U32View(rest).substr(0, open))) + U32(trim(U32View(rest).substr(close + 1)));
                // A session name in brackets right after it: （臨時会）.
                break;
            }
        }
    }
    // A session name after the body, set off by a space: 臨時会, 定例会, 部会 …
    static constexpr std::array<U32View, 9> session_names = {U"臨時会", U"定例会", U"部会", U"総会", U"分科会",
                                                             U"専門部会", U"小委員会", U"幹事会", U"作業部会"};
    if (auto sp = rest.find_last_of(U" 　"); sp != U32::npos) {
        const U32View last = trim(U32View(rest).substr(sp));
        for (U32View n : session_names)
            if (last == n) {
                t.session_name = U32(last);
                // `last` views `rest`: read it before `rest` is replaced (was a use after free).
                if (last.find(U"臨時") != U32View::npos) t.extraordinary = true;
                rest = U32(trim(U32View(rest).substr(0, sp)));
                break;
            }
    }
    // 「桜川町議会定例会」: an assembly's session kind written straight after its name.
    if (t.session_name.empty())
        for (U32View n : {U32View(U"定例会"), U32View(U"臨時会")})
            if (rest.size() >= n.size() + 2 && ends_with(rest, n)) {
                t.session_name = U32(n);
                if (n == U"臨時会") t.extraordinary = true;
                rest = U32(trim(U32View(rest).substr(0, rest.size() - n.size())));
                break;
            }
    if (rest.size() >= 2 && (rest.back() == U'）' || rest.back() == U')')) {
        const std::size_t open = rest.find_last_of(U"（(");
        if (open != U32::npos) {
            const U32View in = U32View(rest).substr(open + 1, rest.size() - open - 2);
            for (U32View n : session_names)
                if (in == n) {
                    t.session_name = U32(in);
                    rest = U32(trim(U32View(rest).substr(0, open)));
                    if (in.find(U"臨時") != U32View::npos) t.extraordinary = true;
                    break;
                }
        }
    }
    t.body = rest;
    return t;
}

// The entries below `e` that carry a mark of their own: opinions, questions, answers, speeches,
// supplements, list entries.
std::size_t marked_entries(const Element& e) {
    std::size_t n = 0;
    for (const Element& c : e.children) {
        if (c.name == "opinion" || c.name == "question" || c.name == "answer" || c.name == "speech" ||
            c.name == "supplement" || c.name == "li")
            ++n;
        n += marked_entries(c);
    }
    return n;
}

class Classifier {
public:
    Classifier(const std::vector<Block>& blocks, std::string_view file, const Wording& w, bool strict, Diagnostics& d)
        : b_(blocks), file_(file), w_(w), strict_(strict), d_(d), roster_(w) {}

    std::optional<Element> run();

private:
    // ---- diagnostics
    void warn(const char* code, std::uint32_t line, const std::string& en, const std::string& ja, const std::string& hint,
              const std::string& hint_ja, bool strict_applies = true);
    void note(const char* code, std::uint32_t line, const std::string& en, const std::string& ja);
    // W601 for `b`: why it was not recognised, and where it is kept (default: as a paragraph
    // where it stands).
    void unclassified(const Block& b, const std::string& why, const std::string& why_ja, const std::string& kept = "",
                      const std::string& kept_ja = "");
    // A block that is not one of the document's parts wherever it stands: a line of marks, or a
    // line that interrupted a paragraph (Block::stray).
    static bool odd_block(const Block& b) { return b.stray || is_symbol_line(b.text); }
    // Whether the block could be a stray line between two parts: odd, or a finished sentence.
    static bool strayish(const Block& b) { return odd_block(b) || ends_sentence(b.text); }

    // ---- header
    void header();
    bool is_banner(U32View t) const;
    std::optional<model::DocumentKind> kind_line(U32View t, U32& title_part) const;

    // ---- particulars
    std::optional<Particular> particular_start(const Block& b) const;
    bool particulars();
    void build_particulars(Element& parts);
    void attendance_into(const Particular& p, std::size_t group_hint);
    Element attendance_element();
    Element datetime_element(const Particular& p);
    Element venue_element(const Particular& p);
    std::optional<Element> observers_element(const Particular& p);
    Element handouts_element(const Particular& p);
    Element next_meeting_element(const Particular& p);
    Element other_particular(const Particular& p);
    U32 joined(const Particular& p) const;

    // ---- proceedings
    void proceedings();
    bool starts_proceedings(const Block& b) const;
    Element& container();
    Element& parent_for_depth();
    void close_open();
    void new_item(const Block& b, const Numbering& n, U32View heading);
    void procedural_item(const Block& b, const char* procedure, U32View written);
    void heading_parts(U32View heading, Element& item);
    bool try_end_and_contact();
    void contact_block(const Block& b);
    std::optional<std::pair<std::string, U32>> speech_turn(const Block& b);
    bool try_supplement(const Block& b);
    bool try_opinions_heading(const Block& b);
    bool try_explanation(const Block& b);
    bool try_qa(const Block& b);
    bool try_interjection(const Block& b);
    bool try_decision(const Block& b);
    bool try_closed_session(const Block& b);
    void table(const Block& caption_block, bool has_caption);
    void paragraph(const Block& b, bool prose);
    void stray_paragraph(const Block& b, const std::string& why, const std::string& why_ja);
    void before_entry(bool answer);
    void place_pending();
    bool particulars_continue_after(std::size_t i, const Particular& cur) const;
    // Splits off the lines joined into `b` that cannot be part of a particular's value (a
    // sentence among names, a line of marks): false when there are none.
    bool split_stray_lines(const Block& b, Block& clean, std::vector<Block>& strays) const;
    bool stray_in_particular(const Block& b, const Particular& cur) const;
    void end_paragraphs();
    void utterance(const Block& b, const char* kind, U32View text);
    std::optional<std::string> resolve(U32View who, bool create_group);
    const char* procedure_of(U32View t, bool& equals_label) const;
    std::vector<std::string> handout_ids(U32View list) const;
    void resolve_agenda(Element& parts);

    const std::vector<Block>& b_;
    std::size_t i_ = 0;
    std::string file_;
    const Wording& w_;
    bool strict_;
    Diagnostics& d_;
    Roster roster_;

    // header
    std::optional<model::DocumentKind> kind_;
    std::optional<Clock> closing_time_;  // 「午前10時25分散会」 at the end of the proceedings
    bool provisional_ = false;
    std::optional<TitleParts> title_;
    std::uint32_t title_line_ = 0;
    U32 subtitle_, issuer_;
    std::optional<text::CivilDate> published_;
    // Blocks that fit nowhere before the proceedings (in the header, among the typed
    // particulars, before the heading of the proceedings): they open the proceedings, each
    // reported with where it stood.
    struct Moved {
        const Block* block;
        std::string why, why_ja;
    };
    std::vector<Moved> moved_;
    std::deque<Block> owned_;  // blocks made here (split from the input's): moved_ points at them
    bool rejoin_ = false;      // the next block of the particulars is the rest of the last line

    // particulars
    std::vector<Particular> particulars_;
    bool has_attendance_ = false;
    std::optional<NumberStyle> particular_style_;
    struct HandoutRef {
        U32 number;
        std::string id;
    };
    std::vector<HandoutRef> handouts_;
    std::map<std::string, U32> attendance_attrs_;  // size, honorifics-omitted, order

    // proceedings
    Element proc_{"proceedings"};
    bool proc_seen_ = false;
    std::vector<std::pair<NumberStyle, std::vector<std::size_t>>> stack_;  // numbered items: style, path
    std::vector<std::size_t> container_path_;                             // current item (empty: proceedings)
    enum class Open { none, opinions, supplement, qa, speech, list, explanation, table };
    Open open_ = Open::none;
    bool end_ = false;
    std::optional<Element> contact_;
    std::vector<std::pair<U32, std::uint32_t>> contact_lines_;
    // Paragraphs that interrupted a list of entries (opinions, Q&A, a supplement, a plain list),
    // placed after the entries before the next one that is not an answer (an answer must follow
    // what it answers, E309), or after the list when it closes.
    std::vector<Element> pending_;
    // Paragraphs of running text (in an item or an explanation) accepted without a warning:
    // when the proceedings hold just one among marked entries, that one is reported.
    std::vector<std::pair<std::uint32_t, U32>> loose_paragraphs_;
    // Those of them that stand on their own (not in an explanation).
    std::vector<std::pair<std::uint32_t, U32>> bare_paragraphs_;
    std::set<std::uint32_t> warned_lines_;  // lines a W6xx has named
    std::uint32_t resolve_line_ = 0;  // the line being read, for notes about speakers
};

// ------------------------------------------------------------------ diagnostics

void Classifier::warn(const char* code, std::uint32_t line, const std::string& en, const std::string& ja,
                      const std::string& hint, const std::string& hint_ja, bool strict_applies) {
    Diagnostic d;
    d.severity = strict_ && strict_applies ? Severity::error : Severity::warning;
    d.code = code;
    d.file = file_;
    d.loc = {line, 0};
    d.message = en + (d.severity == Severity::error ? " (an error with --strict)" : "");
    d.message_ja = ja + (d.severity == Severity::error ? "（--strict のためエラー）" : "");
    d.hint = hint;
    d.hint_ja = hint_ja;
    if (d.code.size() == 4 && d.code[0] == 'W' && d.code[1] == '6') warned_lines_.insert(line);
    d_.report(std::move(d));
}

void Classifier::note(const char* code, std::uint32_t line, const std::string& en, const std::string& ja) {
    Diagnostic d;
    d.severity = Severity::note;
    d.code = code;
    d.file = file_;
    d.loc = {line, 0};
    d.message = en;
    d.message_ja = ja;
    d_.report(std::move(d));
}

void Classifier::unclassified(const Block& b, const std::string& why, const std::string& why_ja, const std::string& kept,
                              const std::string& kept_ja) {
    warn("W601", b.line,
         "line " + std::to_string(b.line) + " 「" + excerpt(b.text) + "」 was not recognised" + (why.empty() ? "" : " (" + why + ")") +
             "; it is kept " + (kept.empty() ? "as a paragraph where it stands" : kept),
         std::to_string(b.line) + "行目「" + excerpt(b.text) + "」を認識できませんでした" + (why_ja.empty() ? "" : "（" + why_ja + "）") +
             "。" + (kept_ja.empty() ? "段落としてその位置に残します" : kept_ja),
         "check the line in the text (a numbering or label typed differently?), or correct the element in the XML",
         "テキストの該当行（番号や見出しの書き方）を確認するか、XML の要素を直してください");
}

// ------------------------------------------------------------------ header

bool Classifier::is_banner(U32View t) const {
    const U32 bare = without_spaces(t);
    if (w_.has("provisional") && bare == without_spaces(w_.expand("provisional", {}))) return true;
    for (U32View s : {U32View(U"速報"), U32View(U"【速報】"), U32View(U"（速報）"), U32View(U"（速報版）"), U32View(U"速報版"),
                      U32View(U"【速報版】")})
        if (bare == s) return true;
    return false;
}

std::optional<model::DocumentKind> Classifier::kind_line(U32View t, U32& title_part) const {
    title_part.clear();
    const U32 bare = without_spaces(t);
    static constexpr std::array<const char*, 5> keys = {"kind.summary", "kind.outline", "kind.record", "kind.proceedings",
                                                        "kind.results"};
    if (auto k = kind_of_word(bare)) return k;
    for (std::size_t k = 0; k < keys.size(); ++k)
        if (!bare.empty() && bare == without_spaces(w_.label(keys[k]))) return static_cast<model::DocumentKind>(k);
    // 「…有識者会議（第2回） 議事録」: the kind after the body, set off by a space.
    const U32View tt = trim(t);
    if (auto sp = tt.find_last_of(U" 　"); sp != U32View::npos) {
        if (auto k = kind_of_word(tt.substr(sp + 1))) {
            title_part = U32(trim(tt.substr(0, sp)));
            return k;
        }
    }
    // 「令和６年第４回桜川町議会定例会会議録」: the kind written straight after a session name
    // (定例会, 臨時会) or a body ending in 会 (…委員会会議録), with no space between.
    if (tt.find_first_of(U" 　") == U32View::npos) {
        for (std::size_t n : {std::size_t(4), std::size_t(3)}) {
            if (tt.size() < n + 3) continue;
            const U32View head = tt.substr(0, tt.size() - n);
            if (auto k = kind_of_word(tt.substr(tt.size() - n)); k && head.back() == U'会') {
                title_part = U32(head);
                return k;
            }
        }
    }
    return std::nullopt;
}

void Classifier::header() {
    // The header is what comes before the first particular or the proceedings.
    std::vector<const Block*> hs;
    U32 ignored;
    auto in_header = [&](const Block& b) {
        // 「議 事 要 旨」 is the kind of the document here, not the heading of the proceedings.
        if (is_banner(b.text) || (hs.size() < 4 && kind_line(b.text, ignored))) return true;
        return !particular_start(b) && !starts_proceedings(b);
    };
    while (i_ < b_.size() && in_header(b_[i_]) && hs.size() < 8) {
        hs.push_back(&b_[i_]);
        ++i_;
    }
    if (hs.empty() && i_ < b_.size() && !particular_start(b_[i_])) {
        // No header at all: the first block is taken as the title.
        hs.push_back(&b_[i_]);
        ++i_;
    }
    std::vector<const Block*> rest;
    std::vector<std::pair<U32, std::uint32_t>> title_texts;
    for (const Block* b : hs) {
        // A title, a kind, an issuer or a date is no sentence: a finished sentence joined to the
        // header's line (a title set to the measure, 「令和６年度 第２回 …協議会 臨時会」 then
        // 「本日の…。」) is a line of its own, out of place.
        if (b->starts.size() >= 2 && !odd_block(*b) && !is_prose(U32View(b->text).substr(0, b->starts[1].first))) {
            Block clean = *b;
            clean.text.clear();
            clean.starts.clear();
            std::vector<Block> strays;
            for (std::size_t j = 0; j < b->starts.size(); ++j) {
                const std::size_t from = b->starts[j].first, to = j + 1 < b->starts.size() ? b->starts[j + 1].first : b->text.size();
                const U32View part = U32View(b->text).substr(from, to - from);
                if (j > 0 && (is_symbol_line(part) || ends_sentence(part))) {
                    Block odd;
                    odd.text = U32(trim(part));
                    odd.line = b->starts[j].second;
                    odd.starts.emplace_back(0, odd.line);
                    strays.push_back(std::move(odd));
                    continue;
                }
                clean.starts.emplace_back(clean.text.size(), b->starts[j].second);
                clean.text += part;
            }
            if (!strays.empty()) {
                owned_.push_back(std::move(clean));
                b = &owned_.back();
                for (Block& odd : strays) {
                    owned_.push_back(std::move(odd));
                    moved_.push_back({&owned_.back(), "a sentence joined to a line of the header, which holds no sentence",
                                      "見出し部分の行（文を含まない）につながった文"});
                }
            }
        }
        if (is_banner(b->text)) {
            provisional_ = true;
            continue;
        }
        // A title is a name, never a sentence or a line of marks.
        if (strayish(*b)) {
            rest.push_back(b);
            continue;
        }
        U32 title_part;
        if (!kind_ && title_texts.size() <= 1) {
            if (auto k = kind_line(b->text, title_part)) {
                kind_ = k;
                if (!title_part.empty()) title_texts.emplace_back(title_part, b->line);
                continue;
            }
        }
        if (!kind_ && title_texts.empty()) {
            title_texts.emplace_back(b->text, b->line);
            continue;
        }
        // A second title line before the kind: the body name wrapped, or the session above it.
        if (!kind_ && title_texts.size() == 1 && !is_prose(b->text)) {
            title_texts.emplace_back(b->text, b->line);
            continue;
        }
        rest.push_back(b);
    }
    if (!title_texts.empty()) {
        U32 joined;
        for (const auto& [t, l] : title_texts) {
            if (!joined.empty()) joined += U' ';
            joined += t;
        }
        title_line_ = title_texts.front().second;
        title_ = parse_title(joined);
        if (!title_ || title_->body.empty()) {
            title_ = TitleParts{};
            title_->body = U32(trim(joined));
            warn("W605", title_line_, "the title line could not be read as session and body name; it is taken whole as the name",
                 "タイトル行を回と会議名に分けられませんでした。全体を会議名とします",
                 "check <body-name> and <session> in the XML", "XML の <body-name> と <session> を確認してください");
        }
    }
    if (!kind_) {
        warn("W605", title_line_ ? title_line_ : 1,
             "no document kind (議事要旨, 議事録, 会議録 …) was found in the title; the document is imported as a summary (議事要旨)",
             "タイトルに文書の種類（議事要旨・議事録・会議録など）が見つかりません。議事要旨として取り込みます",
             "add the kind to the title line of the text, or correct kind= in the XML",
             "テキストのタイトルに種類を書き加えるか、XML の kind= を直してください");
    }
    for (const Block* b : rest) {
        const U32View t = b->text;
        // 「令和7年6月26日（木曜日）公表」: the publication date.
        if (!published_) {
            bool done = false;
            for (const PatternMatch& m : w_.match("published", t)) {
                if (auto d = parse_date(m.value("date"), 0); d && d->end == m.value("date").size()) {
                    published_ = d->date;
                    done = true;
                    break;
                }
            }
            if (!done)
                if (auto d = parse_date(t, 0)) {
                    const U32View after = trim(t.substr(d->end));
                    for (U32View s : {U32View(U""), U32View(U"公表"), U32View(U"作成"), U32View(U"掲載"), U32View(U"公開"),
                                      U32View(U"発行"), U32View(U"更新")})
                        if (after == s) {
                            published_ = d->date;
                            done = true;
                        }
                }
            if (done) continue;
        }
        // An office: 文部科学省総合教育政策局教育DX推進室, 若葉台市健康福祉部介護保険課.
        static constexpr std::array<U32View, 12> org_ends = {U"省", U"庁", U"局", U"部", U"課", U"室",
                                                             U"係", U"センター", U"事務局", U"本部", U"市", U"区"};
        if (odd_block(*b)) {
            moved_.push_back({b, "a line in the header that is not the title, the kind, the issuer or the date",
                              "見出し部分にある、タイトル・種類・作成者・日付のどれでもない行"});
            continue;
        }
        if (issuer_.empty() && !is_prose(t) && t.size() <= 60 &&
            std::any_of(org_ends.begin(), org_ends.end(), [&](U32View e) { return ends_with(t, e); })) {
            issuer_ = U32(t);
            continue;
        }
        if (subtitle_.empty() && !is_prose(t)) {
            auto ms = w_.match("subtitle", t);
            if (!ms.empty()) {
                subtitle_ = ms.front().value("text");
                continue;
            }
        }
        moved_.push_back({b, "a line between the title and the particulars", "タイトルと開催要項の間の行"});
    }
}

// ------------------------------------------------------------------ particulars

std::optional<Particular> Classifier::particular_start(const Block& b) const {
    U32View t = b.text;
    Particular p;
    p.line = b.line;
    std::size_t pos = 0;
    // 「■日時」「【日時】」: a mark or a bracket around the label.
    bool bracket = false;
    if (!t.empty() && (t[0] == U'■' || t[0] == U'●' || t[0] == U'◆' || t[0] == U'□' || t[0] == U'◇')) pos = 1;
    else if (!t.empty() && t[0] == U'【') {
        pos = 1;
        bracket = true;
    } else if (auto n = leading_numbering(t, true)) {
        if (n->style == NumberStyle::decimal || n->style == NumberStyle::paren_decimal ||
            n->style == NumberStyle::close_decimal || n->style == NumberStyle::circled || n->style == NumberStyle::kanji ||
            n->style == NumberStyle::dai) {
            p.number = n;
            pos = n->length;
        }
    }
    const U32View s = t.substr(pos);
    struct Cand {
        U32View word;
        PKind kind;
    };
    std::vector<std::pair<U32, PKind>> words;
    auto add_label = [&](const char* key, PKind k) {
        const U32 l = w_.label(key);
        if (!l.empty()) words.emplace_back(l, k);
    };
    add_label("datetime", PKind::datetime);
    add_label("venue", PKind::venue);
    add_label("attendance", PKind::attendance);
    add_label("observers", PKind::observers);
    add_label("handouts", PKind::handouts);
    add_label("agenda", PKind::agenda);
    add_label("next-meeting", PKind::next_meeting);
    static const Cand general[] = {
        {U"日時", PKind::datetime},          {U"開催日時", PKind::datetime},     {U"開催日", PKind::datetime},
        {U"期日", PKind::datetime},          {U"会場", PKind::venue},            {U"場所", PKind::venue},
        {U"開催場所", PKind::venue},          {U"開催方法", PKind::venue},         {U"開催形式", PKind::venue},
        {U"出席者", PKind::attendance},      {U"出席委員", PKind::attendance},   {U"出席者等", PKind::attendance},
        {U"出席", PKind::attendance},        {U"参加者", PKind::attendance},     {U"構成員", PKind::attendance},
        {U"傍聴者", PKind::observers},       {U"傍聴人", PKind::observers},      {U"傍聴", PKind::observers},
        {U"配付資料", PKind::handouts},      {U"配布資料", PKind::handouts},     {U"資料", PKind::handouts},
        {U"会議資料", PKind::handouts},      {U"提出資料", PKind::handouts},     {U"議題", PKind::agenda},
        {U"次第", PKind::agenda},            {U"会議次第", PKind::agenda},       {U"案件", PKind::agenda},
        {U"議事日程", PKind::agenda},        {U"次回", PKind::next_meeting},     {U"次回開催", PKind::next_meeting},
        {U"次回日程", PKind::next_meeting},  {U"次回予定", PKind::next_meeting}, {U"次回の開催", PKind::next_meeting},
        {U"欠席者", PKind::absentees},       {U"欠席委員", PKind::absentees},    {U"欠席", PKind::absentees},
        {U"事務局", PKind::group},           {U"説明員", PKind::group},          {U"説明者", PKind::group},
        {U"出席職員", PKind::group},         {U"オブザーバー", PKind::group},
        // An assembly's 会議録: 出席議員（８名）, 欠席議員（なし）, the executive and the staff.
        {U"出席議員", PKind::attendance},    {U"欠席議員", PKind::absentees},
        {U"招集年月日", PKind::datetime},    {U"開会年月日", PKind::datetime},   {U"開議年月日", PKind::datetime},
        {U"招集場所", PKind::venue},         {U"招集の場所", PKind::venue},
        {U"説明のため出席した者", PKind::group},  {U"説明のため出席した者の職氏名", PKind::group},
        {U"職務のため出席した者", PKind::group},  {U"職務のため出席した者の職氏名", PKind::group},
        {U"職務のため議場に出席した者", PKind::group}};
    for (const Cand& c : general) words.emplace_back(U32(c.word), c.kind);

    std::size_t best = 0;
    for (const auto& [word, kind] : words) {
        const std::size_t len = match_spaced(s, word);
        if (len == 0 || len <= best) continue;
        // The label must end there: a space, a colon, the end, or its closing bracket.
        std::size_t after = len;
        if (bracket) {
            if (after >= s.size() || s[after] != U'】') continue;
            ++after;
        } else if (after < s.size() && !(is_space(s[after]) || s[after] == U'：' || s[after] == U':' || s[after] == U'（' ||
                                         s[after] == U'【')) {
            // 「出席者（委員）髙橋座長、…」: a caption may follow the label directly.
            continue;
        }
        best = len;
        p.kind = kind;
        p.label = without_spaces(s.substr(0, len));
        U32View v = s.substr(after);
        while (!v.empty() && (is_space(v.front()) || v.front() == U'：' || v.front() == U':')) v.remove_prefix(1);
        p.lines.clear();
        if (!v.empty()) p.lines.push_back({U32(v), b.line});
    }
    if (best) {
        // 「欠席」「事務局」「資料」 without a number are only labels inside the particulars.
        if (!p.number && !bracket && pos == 0 && (p.kind == PKind::group || p.kind == PKind::absentees) && particulars_.empty())
            return std::nullopt;
        return p;
    }
    // Any other numbered particular 「６会議の公開 公開（…）」: same numbering as the others, next number.
    if (p.number && particular_style_ && p.number->style == *particular_style_ && !particulars_.empty() &&
        particulars_.back().number && p.number->value == particulars_.back().number->value + 1) {
        std::size_t sp = 0;
        while (sp < s.size() && !is_space(s[sp]) && s[sp] != U'：' && s[sp] != U':') ++sp;
        const U32View label = s.substr(0, sp);
        if (label.empty() || label.size() > 12 || label.find_first_of(U"、。（") != U32View::npos) return std::nullopt;
        p.kind = PKind::other;
        p.label = U32(label);
        U32View v = s.substr(sp);
        while (!v.empty() && (is_space(v.front()) || v.front() == U'：' || v.front() == U':')) v.remove_prefix(1);
        if (!v.empty()) p.lines.push_back({U32(v), b.line});
        return p;
    }
    return std::nullopt;
}

// 「○議長（田中一郎君）　…」「町長（中村正君）　…」: the form of an assembly's speaker turn — an
// office or seat, the name with 君 in brackets, then a space — whoever it names.
bool assembly_turn_form(U32View t) {
    if (!t.empty() && is_circle(t[0])) t.remove_prefix(1);
    const auto open = t.find(U'（');
    if (open == U32View::npos || open < 1 || open > 12) return false;
    const auto close = t.find(U'）', open);
    return close != U32View::npos && close - open <= 14 && close - open >= 3 && t[close - 1] == U'君' &&
           (close + 1 == t.size() || is_space(t[close + 1])) && t.substr(0, open).find_first_of(U"、。「」 　") == U32View::npos;
}

// 「午前10時00分開議」「午前10時25分散会」「（散会　午前10時25分）」: the line that records when an
// assembly's sitting opened or ended. `closing` tells which; the time goes to `at`.
bool sitting_time_line(U32View t, Clock& at, bool& closing) {
    if (t.size() > 2 && (t.front() == U'（' || t.front() == U'(') && (t.back() == U'）' || t.back() == U')'))
        t = trim(t.substr(1, t.size() - 2));
    static constexpr std::array<U32View, 6> words = {U"開議", U"開会", U"散会", U"閉会", U"延会", U"閉議"};
    auto closing_word = [](U32View w) { return w == U"散会" || w == U"閉会" || w == U"延会" || w == U"閉議"; };
    if (auto tm = parse_time(t, 0, true)) {
        const U32View word = trim(t.substr(tm->second));
        for (U32View w : words)
            if (word == w) {
                at = tm->first;
                closing = closing_word(w);
                return true;
            }
        return false;
    }
    for (U32View w : words)
        if (starts_with(t, w) && t.size() > w.size() && is_space(t[w.size()]))
            if (auto tm = parse_time(t, w.size(), true); tm && trim(t.substr(w.size() + tm->second)).empty()) {
                at = tm->first;
                closing = closing_word(w);
                return true;
            }
    return false;
}

bool Classifier::starts_proceedings(const Block& b) const {
    const U32 heading = w_.expand("proceedings-heading", {});
    if (is_proceedings_heading(b.text, heading)) return true;
    if (b.text.empty()) return false;
    const char32_t c = b.text[0];
    if (is_circle(c) || c == U'・' || c == U'→' || c == U'※') return true;
    if (auto n = leading_numbering(b.text); n && n->separated && !ends_sentence(b.text)) {
        // A numbered heading in the item style of the template (（１） 日程第１ (1)).
        if (n->style == NumberStyle::paren_decimal || n->style == NumberStyle::nichitei ||
            n->style == NumberStyle::paren_katakana || n->style == NumberStyle::katakana)
            return true;
    }
    return false;
}

bool Classifier::particulars() {
    while (i_ < b_.size()) {
        if (is_proceedings_heading(b_[i_].text, w_.expand("proceedings-heading", {}))) break;
        // A block read without the lines joined into it that cannot be part of a value; they are
        // moved (reported) once the block is taken.
        std::vector<Block> strays;
        Block clean;
        const bool split = split_stray_lines(b_[i_], clean, strays);
        const Block& b = split ? clean : b_[i_];
        // A bracket at the start of a block that a comma follows is the note of the name before
        // it, not the label of a group (「（欠席）森田…」 names someone after it, 「（文部科学省）」
        // stands alone): 「…野村 美和」 odd line 「（介護支援専門員連絡会）、長谷川 聡…」.
        auto bracket_rest = [](U32View t) {
            if (t.empty() || (t[0] != U'（' && t[0] != U'(')) return false;
            const auto close = t.find_first_of(U"）)");
            return close != U32View::npos && close + 1 < t.size() && (t[close + 1] == U'、' || t[close + 1] == U',');
        };
        // The block before ended in a stray line that had been joined to its last line, and that
        // line stops mid-word (「…井上（愛）委」「本日の…。」「員、岩﨑委員…」): this block is its rest.
        const bool rejoin = std::exchange(rejoin_, false) && !b_[i_].text.empty() &&
                            (start_strength(b_[i_].text) == Strength::none || bracket_rest(b_[i_].text));
        auto take = [&] {
            rejoin_ = split && !strays.empty() && strays.back().line == b_[i_].starts.back().second && !clean.text.empty() &&
                      is_japanese(clean.text.back());
            for (Block& odd : strays) {
                owned_.push_back(std::move(odd));
                moved_.push_back({&owned_.back(), "a sentence among the lines of a particular whose value is not a sentence",
                                  "文でない値の開催要項の行の間にある文"});
            }
            ++i_;
        };
        if (auto p = odd_block(b) ? std::nullopt : particular_start(b)) {
            if (particulars_.empty() && p->number) particular_style_ = p->number->style;
            particulars_.push_back(std::move(*p));
            take();
            continue;
        }
        if (particulars_.empty()) break;
        Particular& cur = particulars_.back();
        // A speaker turn, or the time the sitting opened, is never part of a particular: the
        // proceedings start with it.
        Clock sitting;
        bool sitting_closing = false;
        // (A turn says something: 「委員長（山田太郎君）　副委員長（…君）」 in a list says no sentence.)
        if ((assembly_turn_form(b.text) && b.text.find(U'。') != U32::npos) || sitting_time_line(b.text, sitting, sitting_closing))
            break;
        // A line no particular can take (a sentence after a value, a line of marks, a sentence
        // among names or handouts) does not end the particulars when a particular with a known
        // label follows it: 「２ 会場 オンライン開催」「本日の資料は後日公開する。」「３ 出席者 …」.
        if (stray_in_particular(b, cur)) {
            if (!particulars_continue_after(i_, cur)) break;
            if (cur.kind == PKind::other) {
                // A generic particular holds paragraphs: the line stays in place, as one more.
                unclassified(b, "a line after the value of the particular 「" + u8(cur.label) + "」",
                             "開催要項「" + u8(cur.label) + "」の値の後の行", "as a paragraph of that particular, where it stands",
                             "その項目の段落としてその位置に残します");
                cur.lines.push_back({b.text, b.line});
            } else {
                // A typed particular (日時, 会場, 出席者, 配付資料, 議題 …) is printed from its values;
                // folded into it the line would cost the values read with confidence (the date,
                // the people the proceedings name, the handouts explanations refer to).
                owned_.push_back(b);
                moved_.push_back({&owned_.back(), "a line among the particulars that belongs to none of them (after 「" + u8(cur.label) + "」)",
                                  "開催要項の中にある、どの項目にも当たらない行（「" + u8(cur.label) + "」の後）"});
            }
            take();
            // The line after it, which the text could not tell from the start of a paragraph
            // (W606), is the rest of the last line: names and titles hold no sentence, so the
            // line it followed did not end there (「…井上（愛）委」「本日の…。」「員、岩﨑委員…」).
            if (i_ < b_.size() && !cur.lines.empty() && (b_[i_].maybe_rest || bracket_rest(b_[i_].text))) rejoin_ = true;
            continue;
        }
        const auto n = leading_numbering(b.text);
        if (cur.kind == PKind::agenda) {
            const bool marked = !b.text.empty() && (is_bullet(b.text[0]) || is_circle(b.text[0]));
            if ((n && n->separated) || marked) {
                // The agenda lists each item once: a number that does not go up, or an entry
                // seen before, starts the items themselves.
                const U32 entry = agenda_entry(b.text);
                bool seen = false;
                for (const ValueLine& l : cur.lines) seen = seen || agenda_entry(l.text) == entry;
                if (seen) break;
                if (n && !cur.lines.empty()) {
                    auto prev = leading_numbering(cur.lines.back().text, true);
                    if (prev && prev->style == n->style && n->value <= prev->value) break;
                }
                cur.lines.push_back({b.text, b.line});
                take();
                continue;
            }
            if (!is_prose(b.text) && start_strength(b.text) != Strength::strong) {
                // In a numbered agenda, a line without a number is the rest of the one before
                // (「…論点につい」「て」 as a PDF breaks them).
                auto numbered = [](const ValueLine& l) {
                    return leading_numbering(l.text, true) || (!l.text.empty() && (is_bullet(l.text[0]) || is_circle(l.text[0])));
                };
                if (!cur.lines.empty() && numbered(cur.lines.back()) && numbered(cur.lines.front())) {
                    cur.lines.back().text += b.text;
                } else {
                    cur.lines.push_back({b.text, b.line});
                }
                take();
                continue;
            }
            break;
        }
        const bool list_like = cur.kind == PKind::attendance || cur.kind == PKind::handouts ||
                               cur.kind == PKind::absentees || cur.kind == PKind::group;
        if (list_like) {
            if (starts_proceedings(b) && !(cur.kind == PKind::handouts && !b.text.empty() && b.text[0] == U'・')) break;
            // In a list of numbered handouts, a line without a number is the rest of the title
            // before it (「…調査結果」「（速報値）」 as a PDF breaks them).
            auto numbered = [](U32View t) {
                return starts_with(t, U"資料") || starts_with(t, U"参考") || starts_with(t, U"別紙") || starts_with(t, U"別添") ||
                       (!t.empty() && (is_bullet(t[0]) || is_circle(t[0])));
            };
            if (rejoin && !cur.lines.empty()) {
                cur.lines.back().text += b.text;
                take();
                continue;
            }
            if (cur.kind == PKind::handouts && !cur.lines.empty() && !numbered(b.text) && numbered(cur.lines.back().text) &&
                numbered(cur.lines.front().text)) {
                cur.lines.back().text += b.text;
                take();
                continue;
            }
            cur.lines.push_back({b.text, b.line});
            take();
            continue;
        }
        // A value on its own line after its label, or the rest of a long value.
        if (starts_proceedings(b) || start_strength(b.text) == Strength::strong) break;
        if (cur.kind == PKind::other || cur.lines.empty() || !is_prose(b.text)) {
            cur.lines.push_back({b.text, b.line});
            take();
            continue;
        }
        break;
    }
    if (!particulars_.empty() && particulars_.front().line > 0) {
        for (const Particular& p : particulars_)
            if (p.kind == PKind::attendance || p.kind == PKind::absentees || p.kind == PKind::group) has_attendance_ = true;
    }
    return !particulars_.empty();
}

bool Classifier::stray_in_particular(const Block& b, const Particular& cur) const {
    if (odd_block(b)) return true;
    switch (cur.kind) {
        // Names, handout titles and agenda entries never end with a full stop.
        case PKind::attendance:
        case PKind::absentees:
        case PKind::group:
        case PKind::handouts:
        case PKind::agenda: return ends_sentence(b.text);
        // A sentence after a value that is already there.
        default: return !cur.lines.empty() && is_prose(b.text);
    }
}

bool Classifier::particulars_continue_after(std::size_t i, const Particular& cur) const {
    std::size_t k = i + 1;
    while (k < b_.size() && k - i <= 3 && strayish(b_[k]) && !particular_start(b_[k])) ++k;
    if (k >= b_.size() || odd_block(b_[k]) || is_proceedings_heading(b_[k].text, w_.expand("proceedings-heading", {})))
        return false;
    const Block& next = b_[k];
    if (particular_start(next)) return true;
    // Or the particular goes on after the line: the next name, handout or agenda entry, or the
    // value of a label that stood alone (「3．出席者」「本日の…。」「（委員）佐藤座長、…」).
    switch (cur.kind) {
        case PKind::attendance:
        case PKind::absentees:
        case PKind::group: return !starts_proceedings(next) && !ends_sentence(next.text);
        case PKind::handouts:
            return (!starts_proceedings(next) || (!next.text.empty() && next.text[0] == U'・')) && !ends_sentence(next.text);
        case PKind::agenda: {
            // The next entry, or the rest of the last one (「（速報値）について」).
            const auto n = leading_numbering(next.text);
            return (n && n->separated) || (!next.text.empty() && (is_bullet(next.text[0]) || is_circle(next.text[0]))) ||
                   (!cur.lines.empty() && !is_prose(next.text) && start_strength(next.text) != Strength::strong);
        }
        default:
            // The value after a label that stood alone, or the rest of a value (「…まで（開」
            // 「会 午後１時３０分、閉会 午後２時５５分）」).
            return !starts_proceedings(next) && start_strength(next.text) != Strength::strong && !is_prose(next.text);
    }
}

bool Classifier::split_stray_lines(const Block& b, Block& clean, std::vector<Block>& strays) const {
    if (b.starts.size() < 2 || odd_block(b)) return false;
    std::optional<PKind> kind;
    if (auto p = particular_start(b)) kind = p->kind;
    else if (!particulars_.empty()) kind = particulars_.back().kind;
    // The values that can be sentences (次回: 「詳細は追って事務局から連絡する。」) keep theirs.
    if (!kind || *kind == PKind::other || *kind == PKind::next_meeting) return false;
    clean = b;
    clean.text.clear();
    clean.starts.clear();
    strays.clear();
    for (std::size_t j = 0; j < b.starts.size(); ++j) {
        const std::size_t from = b.starts[j].first, to = j + 1 < b.starts.size() ? b.starts[j + 1].first : b.text.size();
        const U32View part = U32View(b.text).substr(from, to - from);
        if (j > 0 && (is_symbol_line(part) || ends_sentence(part))) {
            Block odd;
            odd.text = U32(trim(part));
            odd.line = b.starts[j].second;
            odd.starts.emplace_back(0, odd.line);
            strays.push_back(std::move(odd));
            continue;
        }
        clean.starts.emplace_back(clean.text.size(), b.starts[j].second);
        clean.text += part;
    }
    return !strays.empty();
}

U32 Classifier::joined(const Particular& p) const {
    U32 s;
    for (const ValueLine& l : p.lines) {
        if (!s.empty() && is_latin_word_char(s.back()) && !l.text.empty() && is_latin_word_char(l.text.front())) s += U' ';
        s += l.text;
    }
    return s;
}

Element Classifier::datetime_element(const Particular& p) {
    const U32 v = joined(p);
    auto mt = parse_meeting_time(v);
    if (!mt) {
        warn("W602", p.line,
             "the date and time 「" + excerpt(v) + "」 could not be read; kept as text under the label " + u8(p.label),
             "日時「" + excerpt(v) + "」を読み取れませんでした。見出し「" + u8(p.label) + "」の文として残します",
             "write the date as 令和7年3月25日（火曜日） and times as 午後6時30分 or 18時30分, then import again, "
             "or write <datetime date=\"…\" start=\"…\"/> in the XML",
             "日付を「令和7年3月25日（火曜日）」、時刻を「午後6時30分」「18時30分」の形にして取り込み直すか、XML に <datetime> を書いてください");
        return other_particular(p);
    }
    if (mt->mixed_digits)
        note("N602", p.line, "a number in 「" + excerpt(v) + "」 mixes half- and full-width digits; it is read as one number",
             "「" + excerpt(v) + "」に半角と全角の数字が混在する数があります。一つの数として読みました");
    Element e("datetime", p.line);
    e.set("date", iso_date(mt->date.date));
    if (!mt->date.weekday.empty()) e.set("weekday", mt->date.weekday);
    if (mt->start) e.set("start", mt->start->iso());
    if (mt->end) e.set("end", mt->end->iso());
    else if (mt->start && closing_time_ && closing_time_->hour * 60 + closing_time_->minute > mt->start->hour * 60 + mt->start->minute)
        e.set("end", closing_time_->iso());
    if (mt->opened) e.set("opened", mt->opened->iso());
    if (mt->closed) e.set("closed", mt->closed->iso());
    return e;
}

Element Classifier::venue_element(const Particular& p) {
    const U32 v = joined(p);
    Element e("venue", p.line);
    const U32 bare = without_spaces(v);
    auto fixed = [&](const char* key, std::initializer_list<U32View> general) {
        if (w_.has(key) && bare == without_spaces(w_.expand(key, {}))) return true;
        for (U32View g : general)
            if (bare == g) return true;
        return false;
    };
    if (fixed("venue.online", {U"オンライン開催", U"オンライン会議", U"Web会議", U"WEB会議", U"ウェブ会議", U"オンライン"})) {
        e.set("mode", "online");
        return e;
    }
    if (fixed("venue.written", {U"書面開催", U"書面会議", U"書面による開催", U"書面審議", U"書面"})) {
        e.set("mode", "written");
        return e;
    }
    for (const PatternMatch& m : w_.match("venue.hybrid", v)) {
        e.set("mode", "hybrid");
        e.text = u8(m.value("text"));
        return e;
    }
    for (U32View suffix : {U32View(U"（オンライン併用）"), U32View(U"（オンライン会議を併用）"), U32View(U"（Web会議併用）"),
                           U32View(U"（WEB会議併用）"), U32View(U"（オンライン会議併用）")})
        if (ends_with(v, suffix) && v.size() > suffix.size()) {
            e.set("mode", "hybrid");
            e.text = u8(trim(U32View(v).substr(0, v.size() - suffix.size())));
            return e;
        }
    e.text = u8(v);
    return e;
}

std::optional<Element> Classifier::observers_element(const Particular& p) {
    const U32 v = without_spaces(joined(p));
    Element e("observers", p.line);
    if (w_.has("observers.none") && v == without_spaces(w_.expand("observers.none", {}))) {
        e.set("count", "0");
        return e;
    }
    if (v == U"なし" || v == U"無し" || v == U"0名" || v == U"0人" || v == U"０名" || v == U"０人") {
        e.set("count", "0");
        return e;
    }
    if (auto n = read_number(v, 0); n && (v.substr(n->length) == U"名" || v.substr(n->length) == U"人")) {
        e.set("count", std::to_string(n->value));
        return e;
    }
    return std::nullopt;
}

Element Classifier::handouts_element(const Particular& p) {
    Element e("handouts", p.line);
    static constexpr std::array<U32View, 14> notes = {U"委員限り", U"非公開", U"机上配布", U"机上配付", U"席上配布",
                                                      U"席上配付", U"当日配布", U"追加", U"差替え", U"差し替え",
                                                      U"回収",     U"取扱注意", U"委員のみ", U"非公表"};
    int unnumbered = 0;
    for (const ValueLine& l : p.lines) {
        U32View t = trim(l.text);
        if (!t.empty() && (is_bullet(t[0]) || is_circle(t[0]))) t = trim(t.substr(1));
        if (t.empty()) continue;
        // The number: 資料1, 資料1−2, 参考資料2, 資料Ａ, 別紙1.
        std::size_t end = 0;
        for (U32View pre : {U32View(U"参考資料"), U32View(U"資料"), U32View(U"別紙"), U32View(U"別添"), U32View(U"参考")})
            if (starts_with(t, pre)) {
                end = pre.size();
                break;
            }
        U32 number;
        if (end) {
            std::size_t k = end;
            while (k < t.size() && is_space(t[k])) ++k;
            const std::size_t num_start = k;
            while (k < t.size() && (digit_value(t[k]) >= 0 || t[k] == U'-' || t[k] == U'－' || t[k] == U'−' ||
                                    t[k] == U'‐' || (t[k] >= U'A' && t[k] <= U'Z') || (t[k] >= U'Ａ' && t[k] <= U'Ｚ')))
                ++k;
            // 「資料」 alone is a title (資料について …), not a number.
            if (k > num_start || (k < t.size() && is_space(t[k]))) {
                number = U32(t.substr(0, k));
                end = k;
            } else {
                end = 0;
            }
        }
        U32View title = trim(t.substr(end));
        while (!title.empty() && (title.front() == U'：' || title.front() == U':')) title = trim(title.substr(1));
        Element h("handout", l.line);
        const U32 bare_number = without_spaces(number);
        const std::string id = roster_.unique_id(bare_number.empty() ? U"資料-" + to_u32(std::to_string(++unnumbered)) : bare_number);
        h.set("id", id);
        if (!number.empty()) h.set("number", u8(number));
        // A trailing note the template prints in brackets: （委員限り）.
        if (title.size() > 2 && title.back() == U'）') {
            const auto open = title.find_last_of(U'（');
            if (open != U32View::npos) {
                const U32View in = title.substr(open + 1, title.size() - open - 2);
                if (std::find(notes.begin(), notes.end(), in) != notes.end()) {
                    h.set("note", u8(in));
                    title = trim(title.substr(0, open));
                }
            }
        }
        h.text = u8(title);
        handouts_.push_back({bare_number, id});
        e.children.push_back(std::move(h));
    }
    return e;
}

Element Classifier::next_meeting_element(const Particular& p) {
    const U32 v = joined(p);
    Element e("next-meeting", p.line);
    if (auto d = parse_date_then_text(v)) {
        e.set("date", iso_date(d->date.date));
        if (!d->date.weekday.empty()) e.set("weekday", d->date.weekday);
        if (d->start) e.set("start", d->start->iso());
        e.text = u8(d->rest);
        return e;
    }
    e.text = u8(v);
    return e;
}

Element Classifier::other_particular(const Particular& p) {
    Element e("particular", p.line);
    e.set("label", u8(p.label));
    if (p.lines.size() == 1) e.text = u8(p.lines.front().text);
    else
        for (const ValueLine& l : p.lines) e.add("p", l.line).text = u8(l.text);
    return e;
}

// Reads the lines of 出席者 (or of 欠席者 / 事務局 particulars) into the roster.
void Classifier::attendance_into(const Particular& p, std::size_t group_hint) {
    auto& groups = roster_.groups();
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t cur = group_hint;  // the group entries go to (none: not known yet)
    bool absent = p.kind == PKind::absentees;
    auto ensure_group = [&](std::uint32_t line) {
        if (cur != none) return cur;
        // The members, when no caption names the group.
        for (std::size_t g = 0; g < groups.size(); ++g)
            if (groups[g].kind == GroupKind::members && !groups[g].named_speaker) return cur = g;
        // 出席議員, 欠席議員: the assembly's members are 議員.
        return cur = roster_.add_group(GroupKind::members, ends_with(p.label, U"議員") ? U32(U"議員") : U32(), line);
    };
    std::set<std::size_t> seated;  // entries that began with a seat number: a member's name alone
    if (p.kind == PKind::group) {
        U32 name;
        const GroupKind k = roster_.kind_of_caption(p.label, name);
        cur = roster_.add_group(k, p.label, p.line);
    }
    // Notes: 「（委員定数１３人、敬称略、五十音順）」.
    auto notes = [&](U32View line) {
        auto inner = bracketed(line);
        if (!inner) return false;
        std::map<std::string, U32> found;
        for (const U32& part : split_top_level(*inner, U"、，,")) {
            const U32 w = without_spaces(part);
            if (w.empty()) return false;
            if (w == without_spaces(w_.label("honorifics-omitted")) || w == U"敬称略" || w == U"敬称省略") {
                found["honorifics-omitted"] = U"true";
            } else if (w == without_spaces(w_.label("order.gojuon")) || w == U"五十音順" || w == U"50音順") {
                found["order"] = U"gojuon";
            } else if (w == without_spaces(w_.label("order.seat")) || w == U"座席順") {
                found["order"] = U"seat";
            } else if (w == without_spaces(w_.label("order.role")) || w == U"役職順") {
                found["order"] = U"role";
            } else {
                std::optional<int> size;
                for (const PatternMatch& m : w_.match("attendance.size", w))
                    if (auto n = read_number(m.value("size"), 0); n && n->length == m.value("size").size()) size = n->value;
                if (!size)
                    for (U32View pre : {U32View(U"委員定数"), U32View(U"定数"), U32View(U"定員")})
                        if (starts_with(w, pre))
                            if (auto n = read_number(w, pre.size());
                                n && (w.substr(pre.size() + n->length) == U"人" || w.substr(pre.size() + n->length) == U"名"))
                                size = n->value;
                if (!size || *size < 1) return false;
                found["size"] = to_u32(std::to_string(*size));
            }
        }
        for (auto& [k, v] : found) attendance_attrs_[k] = v;
        return true;
    };
    // A line that ends inside brackets continues on the next: 「岡部 誠（…）（代理出席：中」
    // 「川 浩二（…））、加藤 由美…」 as a PDF breaks them.
    std::vector<ValueLine> lines;
    int depth = 0;
    for (const ValueLine& vl : p.lines) {
        if (depth > 0 && !lines.empty()) lines.back().text += vl.text;
        else lines.push_back(vl);
        for (char32_t c : vl.text) depth += (c == U'（' || c == U'(') - (c == U'）' || c == U')');
        if (depth < 0) depth = 0;
    }
    for (const ValueLine& vl : lines) {
        U32View t = trim(vl.text);
        if (t.empty()) continue;
        if (notes(t)) continue;
        // The notes run on after the last name: 「…遠藤 里美（委員定数１３人、敬称略、五十音順）」.
        if (t.back() == U'）') {
            int d = 0;
            for (std::size_t k = t.size(); k-- > 0;) {
                d += (t[k] == U'）') - (t[k] == U'（');
                if (d == 0) {
                    if (k > 0 && notes(t.substr(k))) t = trim(t.substr(0, k));
                    break;
                }
            }
        }
        // A caption: （委員） 【事務局】 ＜委員＞ 〈説明員〉 委員： — and （欠席）.
        for (;;) {
            if (t.empty()) break;
            U32 caption;
            std::size_t take = 0;
            static const std::pair<char32_t, char32_t> pairs[] = {{U'（', U'）'}, {U'(', U')'}, {U'【', U'】'},
                                                                  {U'＜', U'＞'}, {U'〈', U'〉'}, {U'［', U'］'}};
            for (const auto& [o, c] : pairs)
                if (t[0] == o) {
                    const auto close = t.find(c);
                    if (close != U32View::npos && close > 1 && close <= 16) {
                        caption = U32(trim(t.substr(1, close - 1)));
                        take = close + 1;
                    }
                }
            if (!take) {
                const auto colon = t.find_first_of(U"：:");
                if (colon != U32View::npos && colon >= 1 && colon <= 10 &&
                    t.substr(0, colon).find_first_of(U"、（") == U32View::npos) {
                    caption = U32(trim(t.substr(0, colon)));
                    take = colon + 1;
                }
            }
            if (!take) break;
            const U32 bare = without_spaces(caption);
            // 「出席議員（８名）」「欠席議員（なし）」: how many, or nobody — no caption.
            if (t[0] == U'（' || t[0] == U'(') {
                if (bare == U"なし" || bare == U"無し") {
                    t = trim(t.substr(take));
                    continue;
                }
                if (auto n = read_number(bare, 0); n && n->length + 1 == bare.size() && (bare.back() == U'名' || bare.back() == U'人')) {
                    t = trim(t.substr(take));
                    continue;
                }
            }
            const U32 absent_caption = w_.has("attendance.absent-caption")
                                           ? without_spaces(w_.expand("attendance.absent-caption", {}))
                                           : U32(U"（欠席）");
            if (bare == U"欠席" || bare == U"欠席者" || bare == U"欠席委員" ||
                (t[0] == U'（' && U32(U"（") + bare + U"）" == absent_caption)) {
                absent = true;
            } else if (caption.size() <= 12) {
                U32 name;
                const GroupKind k = roster_.kind_of_caption(caption, name);
                cur = roster_.add_group(k, caption, vl.line);
                absent = false;
            } else {
                break;
            }
            t = trim(t.substr(take));
        }
        if (t.empty()) continue;
        seated.clear();
        std::vector<U32> entries = split_top_level(t, U"、，,");
        // The seat number at k (「１番」), its length or 0.
        auto seat_at = [&](std::size_t k) -> std::size_t {
            auto n = read_number(t, k);
            return n && k + n->length < t.size() && t[k + n->length] == U'番' ? n->length + 1 : 0;
        };
        const bool seat_list = seat_at(0) > 0;
        if (entries.size() == 1 && (t.back() == U'君' || seat_list)) {
            // An assembly's list: 「１番　山田　太郎　君　　２番　佐藤　花子　君」「町長　中村　正　君」 —
            // each entry ends in 君, a member's begins with the seat number (…番); without 君,
            // 「１番　山田　太郎　　２番　佐藤　花子」, each seat number starts an entry.
            entries.clear();
            U32 cur_entry;
            auto flush = [&] {
                U32View e = trim(cur_entry);
                if (auto n = read_number(e, 0); n && n->length < e.size() && e[n->length] == U'番') {
                    e = trim(e.substr(n->length + 1));
                    seated.insert(entries.size());
                }
                if (!e.empty()) entries.emplace_back(e);
                cur_entry.clear();
            };
            for (std::size_t k = 0; k < t.size(); ++k) {
                if (seat_list && k > 0 && is_space(t[k - 1]) && seat_at(k) && !trim(cur_entry).empty()) flush();
                if (t[k] == U'君' && (k + 1 == t.size() || is_space(t[k + 1]))) {
                    flush();
                    continue;
                }
                cur_entry += t[k];
            }
            flush();
        } else if (auto wide = t.find(U"　　"); entries.size() == 1 && wide != U32View::npos && wide > 0 &&
                   title_score(t.substr(0, wide)) >= 3 && t.substr(0, wide).find_first_of(U" 　") == U32View::npos &&
                   trim(t.substr(wide)).find(U"　　") == U32View::npos) {
            // 「議会事務局長　　　中川　浩二」: a title set off from the name by a wide space, the
            // name's own space single — one entry.
            entries.assign(1, U32(t.substr(0, wide)) + U'　' + U32(trim(t.substr(wide))));
        } else if (entries.size() == 1 && t.find(U'　') != U32View::npos) {
            entries.clear();
            U32 curname;
            for (char32_t c : t) {
                if (c == U'　') {
                    if (!curname.empty()) entries.push_back(curname);
                    curname.clear();
                } else {
                    curname += c;
                }
            }
            if (!curname.empty()) entries.push_back(curname);
        }
        const std::size_t g = ensure_group(vl.line);
        for (std::size_t ei = 0; ei < entries.size(); ++ei) {
            const U32View entry = trim(entries[ei]);
            if (entry.empty()) continue;
            std::optional<Person> person;
            if (seated.count(ei)) {
                person = Person{};
                person->name = U32(entry);
            } else {
                person = roster_.parse_person(entry, groups[g].kind);
            }
            if (!person) {
                warn("W603", vl.line,
                     "the attendee 「" + excerpt(entry) + "」 could not be split into name, title and role; it is kept whole as the name",
                     "出席者「" + excerpt(entry) + "」を氏名・職名・役職に分けられませんでした。全体を氏名として残します",
                     "correct name=, title= and role= of the person in the XML",
                     "XML の person の name・title・role を直してください");
                person = Person{};
                person->name = U32(entry);
            }
            person->line = vl.line;
            if (absent) person->present = false;
            if (!person->proxy.empty()) person->present = false;
            U32 id = person->name;
            if (!person->qualifier.empty()) id += U"-" + person->qualifier;
            person->id = roster_.unique_id(id);
            groups[g].people.push_back(std::move(*person));
        }
    }
}

Element Classifier::attendance_element() {
    Element e("attendance");
    if (auto it = attendance_attrs_.find("size"); it != attendance_attrs_.end()) e.set("size", u8(it->second));
    if (attendance_attrs_.count("honorifics-omitted")) e.set("honorifics-omitted", "true");
    if (auto it = attendance_attrs_.find("order"); it != attendance_attrs_.end()) e.set("order", u8(it->second));
    for (const Group& g : roster_.groups()) {
        Element& ge = e.add("group", g.line);
        ge.set("id", g.id);
        ge.set("kind", group_kind_name(g.kind));
        if (!g.name.empty()) ge.set("name", u8(g.name));
        for (const Person& p : g.people) {
            Element& pe = ge.add("person", p.line);
            pe.set("id", p.id);
            pe.set("name", u8(p.name));
            if (!p.qualifier.empty()) pe.set("qualifier", u8(p.qualifier));
            if (!p.title.empty()) pe.set("title", u8(p.title));
            if (!p.role.empty()) pe.set("role", u8(p.role));
            if (!p.affiliation.empty()) pe.set("affiliation", u8(p.affiliation));
            if (!p.present) pe.set("present", "false");
            if (!p.proxy.empty()) pe.set("proxy", u8(p.proxy));
        }
    }
    return e;
}

void Classifier::build_particulars(Element& parts) {
    bool attendance_placed = false;
    for (const Particular& p : particulars_) {
        switch (p.kind) {
            case PKind::datetime: parts.children.push_back(datetime_element(p)); break;
            case PKind::venue: parts.children.push_back(venue_element(p)); break;
            case PKind::attendance:
            case PKind::absentees:
            case PKind::group:
                if (!attendance_placed) {
                    Element placeholder("attendance", p.line);
                    parts.children.push_back(std::move(placeholder));
                    attendance_placed = true;
                }
                break;
            case PKind::observers:
                if (auto o = observers_element(p)) parts.children.push_back(std::move(*o));
                else parts.children.push_back(other_particular(p));
                break;
            case PKind::handouts: break;  // built before the proceedings (explanations refer to them)
            case PKind::agenda: parts.children.push_back(Element("agenda", p.line)); break;
            case PKind::next_meeting: parts.children.push_back(next_meeting_element(p)); break;
            case PKind::other: parts.children.push_back(other_particular(p)); break;
        }
        if (p.kind == PKind::handouts) {
            Element h("handouts-placeholder", p.line);
            parts.children.push_back(std::move(h));
        }
    }
}

// ------------------------------------------------------------------ proceedings

Element& Classifier::container() {
    Element* e = &proc_;
    for (std::size_t k : container_path_) e = &e->children[k];
    return *e;
}

Element& Classifier::parent_for_depth() {
    Element* e = &proc_;
    if (!stack_.empty())
        for (std::size_t k : stack_.back().second) e = &e->children[k];
    return *e;
}

// Closes the open structure, mending what the schema would refuse: a heading with nothing
// under it is kept as the paragraph it was.
void Classifier::close_open() {
    Element& c = container();
    if (open_ != Open::none && !c.children.empty()) {
        Element& last = c.children.back();
        auto demote = [&](std::string text, std::uint32_t line) {  // a copy: `last` is replaced below
            Block fake;
            fake.text = to_u32(text);
            fake.line = line;
            unclassified(fake, "a heading with nothing under it", "見出しの後に内容がありません");
            last = Element("p", line);
            last.text = text;
        };
        if (last.name == "opinions" && std::none_of(last.children.begin(), last.children.end(),
                                                    [](const Element& x) { return x.name != "title"; })) {
            const std::string t = last.children.empty() ? u8(w_.expand("opinions-heading", {})) : last.children.front().text;
            demote(t, last.line);
        } else if (last.name == "supplement" && last.children.empty()) {
            demote(last.text, last.line);
        } else if (last.name == "speech" && last.children.empty()) {
            demote(last.text, last.line);
        }
    }
    // Clear the bookkeeping text kept on supplements and speeches for the check above.
    if (!c.children.empty()) {
        Element& last = c.children.back();
        if (last.name == "supplement" || last.name == "speech") last.text.clear();
    }
    open_ = Open::none;
    place_pending();
}

void Classifier::place_pending() {
    for (Element& p : pending_) container().children.push_back(std::move(p));
    pending_.clear();
}

// A paragraph that stood among the entries of an open list: placed after them when the next
// entry is not an answer; the list goes on after it (a supplement holds paragraphs; an
// opinions list, a Q&A or a plain list is continued by one more of its kind: <opinions
// heading="none">, as the text showed no heading there).
void Classifier::before_entry(bool answer) {
    if (pending_.empty() || answer) return;
    Element& c = container();
    const std::uint32_t line = i_ < b_.size() ? b_[i_].line : 0;
    switch (open_) {
        case Open::supplement:
            for (Element& p : pending_) c.children.back().children.push_back(std::move(p));
            pending_.clear();
            return;
        case Open::opinions: {
            place_pending();
            Element o("opinions", line);
            o.set("heading", "none");
            container().children.push_back(std::move(o));
            return;
        }
        case Open::qa:
            place_pending();
            container().children.push_back(Element("qa", line));
            return;
        case Open::list:
            place_pending();
            container().children.push_back(Element("list", line));
            return;
        default: place_pending(); return;
    }
}

void Classifier::stray_paragraph(const Block& b, const std::string& why, const std::string& why_ja) {
    // The block before ended in a finished line right after a line that stops mid-sentence: that
    // line may be the one out of place (taken into the paragraph), this block the paragraph's
    // rest (「…公共施設への太」「本日の…。」「陽光発電設備の…」). Both are named (W606).
    // So may a block before it of one finished line without a mark of its own (taken as the
    // text of a label that stood alone, 「質問 （岡部委員）」 then 「本日の…。」).
    const Block* before = i_ > 0 && i_ < b_.size() && &b == &b_[i_] && !b.stray ? &b_[i_ - 1] : nullptr;
    const std::uint32_t lone = before && before->starts.size() == 1 && !before->stray && ends_sentence(before->text) &&
                                       start_strength(before->text) == Strength::none
                                   ? before->line
                                   : 0;
    const std::uint32_t named = before ? (before->end_after_open ? before->end_after_open : lone) : 0;
    if (named && named < b.line && !warned_lines_.count(named)) {
        const std::uint32_t x = before->end_after_open ? before->end_after_open : lone, para = before->line;
        const std::string nx = std::to_string(x), nl = std::to_string(b.line), np = std::to_string(para);
        const bool end = before->end_after_open != 0;
        warn("W606", x,
             "line " + nx + " is read as " +
                 (end ? "the end of the paragraph of line " + np + ", whose line before it stops mid-sentence or at the measure"
                      : "one finished sentence standing alone") +
                 ", but line " + nl + " after it cannot start a paragraph there: one of the two may be out of place",
             nx + "行目を" + (end ? " " + np + "行目の段落の終わりと読みましたが、その前の行は文の途中か行末で終わり、" : "独立した一文と読みましたが、") +
                 "次の " + nl + "行目はその位置で段落を始められません。どちらかの行が場違いかもしれません",
             "check lines " + nx + " and " + nl + " in the text: remove a line that does not belong, or join the paragraph",
             "テキストの " + nx + " 行目と " + nl + " 行目を確認し、属さない行を削除するか段落をつなげてください");
    }
    Element p("p", b.line);
    p.text = u8(b.text);
    Element& c = container();
    const bool has_open = open_ != Open::none && !c.children.empty();
    if (has_open && (open_ == Open::speech || open_ == Open::explanation)) {
        unclassified(b, why, why_ja, "as a paragraph of the " + std::string(open_ == Open::speech ? "speech" : "explanation") + " it stands in",
                     std::string(open_ == Open::speech ? "発言" : "説明") + "の段落としてその位置に残します");
        c.children.back().children.push_back(std::move(p));
        return;
    }
    if (has_open && (open_ == Open::opinions || open_ == Open::supplement || open_ == Open::qa || open_ == Open::list)) {
        Element& list = c.children.back();
        const bool entries = std::any_of(list.children.begin(), list.children.end(), [](const Element& e) { return e.name != "title"; });
        if (open_ == Open::supplement && !entries) {
            unclassified(b, why, why_ja);
            list.children.push_back(std::move(p));
        } else if (!entries) {
            // Right under a heading such as （主な意見等）: before the heading, which stays with
            // the entries it announces.
            unclassified(b, why, why_ja, "as a paragraph right before the heading above it", "段落として直前の見出しの前に残します");
            c.children.insert(c.children.end() - 1, std::move(p));
        } else {
            unclassified(b, why, why_ja, "as a paragraph after the entry before it (and its answers); the list goes on after it",
                         "段落として直前の項目（とその回答）の後に残し、一覧はその後に続けます");
            pending_.push_back(std::move(p));
        }
        return;
    }
    close_open();
    unclassified(b, why, why_ja);
    container().children.push_back(std::move(p));
}

void Classifier::heading_parts(U32View heading, Element& item) {
    static constexpr std::array<U32View, 10> tags = {U"諮問", U"答申", U"報告", U"審議", U"協議", U"継続",
                                                     U"追加", U"非公開", U"継続審議", U"承認"};
    static constexpr std::array<U32View, 11> ref_words = {U"議案", U"報告", U"諮問", U"承認", U"認定", U"請願",
                                                          U"陳情", U"発議", U"同意", U"議員提出議案", U"意見書案"};
    auto good_ref = [&](U32View r) {
        for (U32View w : ref_words)
            if (starts_with(r, w)) {
                U32View rest = r.substr(w.size());
                if (!starts_with(rest, U"第")) return false;
                auto n = read_number(rest, 1);
                return n && (rest.substr(1 + n->length) == U"号");
            }
        return false;
    };
    auto good_tag = [&](U32View t) { return std::find(tags.begin(), tags.end(), t) != tags.end(); };
    U32 title(heading), ref, tag;
    for (const PatternMatch& m : w_.match("item-heading", heading)) {
        const U32 r = m.value("ref"), tg = m.value("tag"), ti = m.value("title");
        if (!r.empty() && !good_ref(r)) continue;
        if (!tg.empty() && !good_tag(tg)) continue;
        if (ti.empty()) continue;
        // Prefer the reading that explains most (ref and tag found).
        if ((r.size() + tg.size()) >= (ref.size() + tag.size())) {
            title = ti;
            ref = r;
            tag = tg;
        }
    }
    if (!ref.empty()) item.set("ref", u8(ref));
    if (!tag.empty()) item.set("tag", u8(tag));
    item.add("title", item.line).text = u8(title);
}

void Classifier::new_item(const Block& b, const Numbering& n, U32View heading) {
    close_open();
    // Siblings share a numbering style; a new style nests one level deeper.
    auto found = std::find_if(stack_.begin(), stack_.end(), [&](const auto& e) { return e.first == n.style; });
    if (found != stack_.end()) stack_.erase(found, stack_.end());
    std::vector<std::size_t> parent_path = stack_.empty() ? std::vector<std::size_t>{} : stack_.back().second;
    Element& parent = parent_for_depth();
    // An item under 報告事項 / 審議事項 is a report / deliberation: the text says so.
    std::string kind;
    if (parent.name == "item")
        if (const Element* t = parent.child("title")) {
            const U32 pt = without_spaces(to_u32(t->text));
            if (pt == U"報告事項" || pt == U"報告" || pt == w_.label("item-kind.report")) kind = "report";
            if (pt == U"審議事項" || pt == U"協議事項" || pt == U"議決事項" || pt == U"審議" ||
                pt == w_.label("item-kind.deliberation"))
                kind = "deliberation";
        }
    Element item("item", b.line);
    if (!kind.empty()) item.set("kind", kind);
    U32View h = trim(heading);
    if (h.empty() && i_ + 1 < b_.size() && !is_prose(b_[i_ + 1].text) &&
        start_strength(b_[i_ + 1].text) != Strength::strong && b_[i_ + 1].text.size() <= 80) {
        // 「（１）」 alone on its line, the title on the next.
        ++i_;
        h = b_[i_].text;
    }
    if (!h.empty()) heading_parts(h, item);
    parent.children.push_back(std::move(item));
    parent_path.push_back(parent.children.size() - 1);
    stack_.emplace_back(n.style, parent_path);
    container_path_ = parent_path;
}

const char* Classifier::procedure_of(U32View t, bool& equals_label) const {
    static const std::pair<const char*, std::array<U32View, 4>> procs[] = {
        {"opening", {U"開会", U"開会宣言", U"開会の辞", U""}},
        {"greeting", {U"挨拶", U"あいさつ", U"開会挨拶", U"開会あいさつ"}},
        {"closing", {U"閉会", U"閉会宣言", U"閉会の辞", U""}},
        {"roll-call", {U"会議の成立", U"出席者の確認", U"定足数の確認", U""}},
        {"minutes-approval", {U"前回議事録の確認", U"前回会議録の承認", U"前回議事要旨の確認", U"議事録の承認"}},
        {"election", {U"会長の選任", U"座長の選任", U"会長及び副会長の選出", U"委員長の選任"}}};
    const U32 bare = without_spaces(t);
    for (const auto& [name, words] : procs) {
        const U32 label = without_spaces(w_.label(std::string("procedure.") + name));
        if (!label.empty() && bare == label) {
            equals_label = true;
            return name;
        }
        for (U32View w : words)
            if (!w.empty() && bare == w) {
                equals_label = false;
                return name;
            }
    }
    return nullptr;
}

void Classifier::procedural_item(const Block& b, const char* procedure, U32View written) {
    close_open();
    stack_.clear();
    Element item("item", b.line);
    item.set("kind", "procedural");
    item.set("procedure", procedure);
    if (!written.empty()) item.add("title", b.line).text = u8(written);
    proc_.children.push_back(std::move(item));
    container_path_ = {proc_.children.size() - 1};
}

std::optional<std::string> Classifier::resolve(U32View who, bool create_group) {
    if (!has_attendance_) create_group = false;
    auto id = roster_.find_speaker(who, create_group);
    if (id && !roster_.printed_form(who, *id)) {
        const U32 printed = roster_.printed_speaker(*id);
        note("N604", resolve_line_,
             "「" + u8(trim(who)) + "」 is read as " + *id + ", whom the template names 「" + u8(printed) +
                 "」: the rendered text will say that",
             "「" + u8(trim(who)) + "」を " + *id + " と読みました。テンプレートでは「" + u8(printed) + "」と表記されます");
    }
    return id;
}

std::vector<std::string> Classifier::handout_ids(U32View list) const {
    std::vector<std::string> ids;
    U32 sep = w_.expand("separator", {});
    if (sep.empty()) sep = U"、";
    std::vector<U32> parts;
    U32 cur;
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (list.substr(k, sep.size()) == sep || list[k] == U'・' || list[k] == U'，') {
            parts.push_back(cur);
            cur.clear();
            k += (list.substr(k, sep.size()) == sep ? sep.size() : 1) - 1;
            continue;
        }
        cur += list[k];
    }
    parts.push_back(cur);
    for (const U32& p : parts) {
        const U32 bare = without_spaces(p);
        auto it = std::find_if(handouts_.begin(), handouts_.end(), [&](const HandoutRef& h) { return !h.number.empty() && h.number == bare; });
        if (it == handouts_.end()) return {};
        ids.push_back(it->id);
    }
    return ids;
}

std::optional<std::pair<std::string, U32>> Classifier::speech_turn(const Block& b) {
    U32View t = b.text;
    if (t.empty()) return std::nullopt;
    auto split_rest = [](U32View r) { return U32(trim(r)); };
    // 「議長（山田太郎君）　…」「町長（中村正君）　…」「３番（鈴木一郎君）　…」: an assembly's
    // speaker turn, the office or seat, then the name with 君 in brackets.
    auto assembly_turn = [&](U32View u) -> std::optional<std::pair<std::string, U32>> {
        const auto open = u.find(U'（');
        if (open == U32View::npos || open < 1 || open > 12) return std::nullopt;
        const auto close = u.find(U'）', open);
        if (close == U32View::npos || close - open > 14 || close - open < 3 || u[close - 1] != U'君' ||
            !(close + 1 == u.size() || is_space(u[close + 1])))
            return std::nullopt;
        const U32View office = trim(u.substr(0, open)), name = trim(u.substr(open + 1, close - open - 2));
        if (office.empty() || name.empty() || office.find_first_of(U"、。「」（） 　") != U32View::npos ||
            name.find_first_of(U"、。「」（）") != U32View::npos)
            return std::nullopt;
        if (auto id = resolve(u.substr(0, close + 1), false)) return std::pair{*id, split_rest(u.substr(close + 1))};
        auto seat = read_number(office, 0);
        const bool seat_number = seat && seat->length + 1 == office.size() && office.back() == U'番';
        if (auto id = roster_.find_speaker(name, false); id && roster_.person(*id)) {
            // A listed member speaking in an office of the assembly (議長, 副議長, 委員長).
            Person* p = roster_.person(*id);
            if (!seat_number && p->role.empty() && p->title.empty()) roster_.set_role(*id, U32(office));
            // (resolve() again: the note N604 when the template names them otherwise, 「○上田委員」.)
            if (auto again = resolve(u.substr(0, close + 1), false); again && *again == *id)
                return std::pair{*id, split_rest(u.substr(close + 1))};
            const U32 printed = roster_.printed_speaker(*id);
            note("N604", resolve_line_,
                 "「" + u8(u.substr(0, close + 1)) + "」 is read as " + *id + ", whom the template names 「" + u8(printed) +
                     "」: the rendered text will say that",
                 "「" + u8(u.substr(0, close + 1)) + "」を " + *id + " と読みました。テンプレートでは「" + u8(printed) + "」と表記されます");
            return std::pair{*id, split_rest(u.substr(close + 1))};
        }
        if (seat_number) return std::nullopt;
        // Someone the attendance does not list, named by office: the executive who answer
        // (町長, 教育長, 総務課長) — listed among those present to explain (説明のため出席した者).
        Person p;
        p.name = U32(name);
        p.title = U32(office);
        p.line = b.line;
        warn("W604", b.line,
             "the speaker 「" + u8(u.substr(0, close + 1)) + "」 is not in the attendance list; they are added to the staff (説明のため出席した者) as " +
                 u8(office) + " " + u8(name),
             "発言者「" + u8(u.substr(0, close + 1)) + "」が出席者一覧にありません。説明のため出席した者に追加します",
             "check the person in the attendance of the XML", "XML の出席者を確認してください");
        return std::pair{roster_.add_person(GroupKind::staff, U"説明のため出席した者", std::move(p)), split_rest(u.substr(close + 1))};
    };
    if (is_circle(t[0])) {
        if (auto turn = assembly_turn(t.substr(1))) return turn;
        const U32View s = t.substr(1);
        // The longest prefix that names someone, followed by a space (or the end).
        const std::size_t max = std::min<std::size_t>(s.size(), 40);
        for (std::size_t k = max; k >= 1; --k) {
            const bool boundary = k == s.size() || is_space(s[k]);
            if (!boundary) continue;
            if (auto id = resolve(s.substr(0, k), true)) return std::pair{*id, split_rest(s.substr(k))};
        }
        for (std::size_t k = max; k >= 1; --k)
            if (auto id = resolve(s.substr(0, k), false)) return std::pair{*id, split_rest(s.substr(k))};
        // Someone the attendance does not list: 「○田中委員　…」.
        std::size_t sp = 0;
        while (sp < s.size() && !is_space(s[sp])) ++sp;
        const U32View who = s.substr(0, sp);
        if (has_attendance_ && sp < s.size() && who.size() >= 2 && who.size() <= 20 &&
            who.find_first_of(U"、。，．「」") == U32View::npos) {
            warn("W604", b.line,
                 "the speaker 「" + u8(who) + "」 is not in the attendance list; the speech is kept with the speaker as a named group",
                 "発言者「" + u8(who) + "」が出席者一覧にありません。発言者名をグループ名として発言を残します",
                 "add the person to the attendance in the text or the XML, and set by= to their id",
                 "テキストか XML の出席者に追加し、by= をその id にしてください");
            return std::pair{roster_.add_named_speaker(who, b.line), split_rest(s.substr(sp))};
        }
        return std::nullopt;
    }
    if (t[0] == U'【') {
        const auto close = t.find(U'】');
        if (close == U32View::npos || close < 2) return std::nullopt;
        if (auto id = resolve(t.substr(1, close - 1), true)) return std::pair{*id, split_rest(t.substr(close + 1))};
        return std::nullopt;
    }
    // 「議長（前田太郎君）　…」
    return assembly_turn(t);
}

bool Classifier::try_supplement(const Block& b) {
    const U32View t = b.text;
    if (t.size() < 5 || (t.front() != U'（' && t.front() != U'(')) return false;
    struct Try {
        std::string pattern;  // a template key, or a pattern text
        bool key;
        bool information;
        bool nominal;
    };
    const std::vector<Try> tries = {
        {"supplement.verbal", true, false, false},
        {"supplement.nominal", true, false, true},
        {"information.verbal", true, true, false},
        {"information.nominal", true, true, true},
        {"（{speaker}より[{about}について]補足）", false, false, false},
        {"（{speaker}から[{about}に関して]補足）", false, false, false},
        {"（{speaker}から[{about}について]補足説明）", false, false, false},
        {"（{speaker}から[{about}について]の補足説明）", false, false, true},
        {"（{speaker}より[{about}について]情報提供）", false, true, false},
        {"（{speaker}から[{about}について]の情報提供）", false, true, true},
    };
    auto emit = [&](const Try& tr, const PatternMatch& m, const std::string& id) {
        close_open();
        Element s("supplement", b.line);
        s.set("by", id);
        if (!m.value("about").empty()) s.set("about", u8(m.value("about")));
        if (tr.information) s.set("kind", "information");
        const bool default_nominal = w_.tmpl().supplement_phrasing == style::Phrasing::nominal;
        if (tr.nominal != default_nominal) s.set("phrasing", tr.nominal ? "nominal" : "verbal");
        s.text = u8(t);  // kept only until the supplement closes (for the empty check)
        container().children.push_back(std::move(s));
        open_ = Open::supplement;
        return true;
    };
    for (const Try& tr : tries)
        for (const PatternMatch& m : tr.key ? w_.match(tr.pattern, t) : w_.match_text(tr.pattern, t))
            if (auto id = resolve(m.value("speaker"), true)) return emit(tr, m, *id);
    // The wording is a supplement's whoever the speaker is: one the attendance does not list is
    // kept as a named group, as for a speaker turn (W604).
    if (!has_attendance_) return false;
    for (const Try& tr : tries)
        for (const PatternMatch& m : tr.key ? w_.match(tr.pattern, t) : w_.match_text(tr.pattern, t)) {
            const U32 who = m.value("speaker");
            if (who.size() < 2 || who.size() > 20 || who.find_first_of(U"、。，．「」（）") != U32::npos) continue;
            warn("W604", b.line,
                 "the speaker 「" + u8(who) + "」 is not in the attendance list; the supplement is kept with the speaker as a named group",
                 "発言者「" + u8(who) + "」が出席者一覧にありません。発言者名をグループ名として補足を残します",
                 "add the person to the attendance in the text or the XML, and set by= to their id",
                 "テキストか XML の出席者に追加し、by= をその id にしてください");
            return emit(tr, m, roster_.add_named_speaker(who, b.line));
        }
    return false;
}

bool Classifier::try_opinions_heading(const Block& b) {
    const U32View t = b.text;
    const U32 mine = without_spaces(w_.expand("opinions-heading", {}));
    const U32 bare = without_spaces(t);
    bool is_heading = !mine.empty() && bare == mine;
    if (!is_heading) {
        U32 inner = bare;
        if (auto in = bracketed(bare)) inner = *in;
        static constexpr std::array<U32View, 12> words = {U"主な意見等", U"主な意見", U"主な御意見", U"主な御意見等",
                                                          U"意見等",     U"委員意見",  U"主な質疑等", U"主な質疑",
                                                          U"質疑応答",   U"意見交換",  U"主な発言",  U"委員からの主な意見"};
        is_heading = std::find(words.begin(), words.end(), inner) != words.end();
    }
    if (!is_heading) return false;
    close_open();
    Element o("opinions", b.line);
    if (bare != mine) o.add("title", b.line).text = u8(trim(t));
    container().children.push_back(std::move(o));
    open_ = Open::opinions;
    return true;
}

bool Classifier::try_explanation(const Block& b) {
    const U32View t = b.text;
    if (t.size() > 120 || t.find(U"説明") == U32View::npos) return false;
    struct Try {
        std::string pattern;
        bool key;
    };
    const std::vector<Try> tries = {{"explanation.handouts", true},
                                    {"explanation", true},
                                    {"{speaker}から資料説明", false},
                                    {"{speaker}より資料説明", false},
                                    {"{speaker}から資料に基づき説明", false},
                                    {"{speaker}から資料について説明", false},
                                    {"{speaker}から説明", false},
                                    {"{speaker}から説明があった。", false},
                                    {"{speaker}より説明があった。", false},
                                    {"{speaker}から資料の説明があった。", false},
                                    {"{speaker}から資料に基づき説明があった。", false},
                                    {"{speaker}から{handouts}について説明", false},
                                    {"{speaker}から{handouts}について説明があった。", false},
                                    {"{speaker}から{handouts}に基づき説明があった。", false},
                                    {"{speaker}から、{handouts}に基づき説明があった。", false},
                                    {"{speaker}から{handouts}により説明があった。", false},
                                    {"{speaker}より{handouts}に基づき説明があった。", false},
                                    {"{speaker}から{handouts}を説明", false}};
    // 「事務局から資料２について説明。」: the usual wordings, with or without a full stop.
    const U32View bare = ends_with(t, U"。") ? t.substr(0, t.size() - 1) : t;
    for (const Try& tr : tries) {
        auto ms = tr.key ? w_.match(tr.pattern, t) : w_.match_text(tr.pattern, t);
        if (ms.empty() && !tr.key && bare.size() != t.size()) ms = w_.match_text(tr.pattern, bare);
        for (const PatternMatch& m : ms) {
            std::vector<std::string> hs;
            if (!m.value("handouts").empty()) {
                hs = handout_ids(m.value("handouts"));
                if (hs.empty()) continue;
            }
            auto id = resolve(m.value("speaker"), true);
            if (!id) continue;
            close_open();
            Element e("explanation", b.line);
            e.set("by", *id);
            if (!hs.empty()) {
                std::string list;
                for (const auto& h : hs) list += (list.empty() ? "" : " ") + h;
                e.set("handouts", list);
            }
            container().children.push_back(std::move(e));
            open_ = Open::explanation;
            return true;
        }
    }
    return false;
}

void Classifier::utterance(const Block& b, const char* kind, U32View text) {
    before_entry(std::string(kind) == "answer");
    Element u(kind, b.line);
    const std::string key = std::string(kind) == "answer" ? "answer" : std::string(kind) == "question" ? "question" : "opinion";
    // 「…。（山田委員）」: a speaker the template prints after the text.
    for (const PatternMatch& m : w_.match(key, text)) {
        if (m.value("speaker").empty()) continue;
        if (auto id = resolve(m.value("speaker"), true)) {
            u.set("by", *id);
            u.text = u8(m.value("text"));
            break;
        }
    }
    if (u.text.empty()) u.text = u8(trim(text));
    Element& c = container();
    Element* list = nullptr;
    if (open_ == Open::supplement || open_ == Open::opinions || open_ == Open::qa) list = &c.children.back();
    if (!list) {
        close_open();
        Element o("opinions", b.line);
        o.set("heading", "none");
        c.children.push_back(std::move(o));
        open_ = Open::opinions;
        list = &c.children.back();
    }
    list->children.push_back(std::move(u));
}

bool Classifier::try_qa(const Block& b) {
    const U32View t = b.text;
    struct Mark {
        U32 text;
        bool answer;
    };
    std::vector<Mark> marks;
    if (U32 m = w_.mark("qa-question"); !m.empty()) marks.push_back({m, false});
    if (U32 m = w_.mark("qa-answer"); !m.empty()) marks.push_back({m, true});
    for (U32View m : {U32View(U"質問"), U32View(U"問"), U32View(U"Ｑ"), U32View(U"Q")}) marks.push_back({U32(m), false});
    for (U32View m : {U32View(U"回答"), U32View(U"答弁"), U32View(U"答"), U32View(U"Ａ"), U32View(U"A")}) marks.push_back({U32(m), true});
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& c) { return a.text.size() > c.text.size(); });
    std::optional<bool> answer;
    U32View rest;
    for (const Mark& m : marks) {
        if (!starts_with(t, m.text) || t.size() <= m.text.size()) continue;
        const char32_t next = t[m.text.size()];
        if (!(is_space(next) || next == U'：' || next == U':' || next == U'．' || next == U'.' || next == U'（' || next == U'(' ||
              next == U'）'))
            continue;
        answer = m.answer;
        rest = t.substr(m.text.size());
        while (!rest.empty() && (is_space(rest.front()) || rest.front() == U'：' || rest.front() == U':' ||
                                 rest.front() == U'．' || rest.front() == U'.'))
            rest.remove_prefix(1);
        break;
    }
    std::optional<std::string> by;
    U32 text;
    // 「質問 （岡部委員）」 with the question on the next line.
    U32 joined_rest;
    if (answer && i_ + 1 < b_.size() && bracketed(rest) && !b_[i_ + 1].table_row &&
        start_strength(b_[i_ + 1].text) == Strength::none) {
        joined_rest = U32(rest) + b_[i_ + 1].text;
        rest = joined_rest;
        ++i_;
    }
    if (answer) {
        for (const PatternMatch& m : w_.match(*answer ? "qa.answer" : "qa.question", rest)) {
            if (m.value("speaker").empty()) {
                if (text.empty()) text = m.value("text");
                continue;
            }
            if (auto id = resolve(m.value("speaker"), true)) {
                by = id;
                text = m.value("text");
                break;
            }
        }
        if (text.empty()) text = U32(rest);
    } else {
        // 「委員：…」「事務局：…」「（委員）…」: who speaks decides question or answer.
        U32View who, said;
        if (const auto colon = t.find_first_of(U"：:"); colon != U32View::npos && colon >= 1 && colon <= 12) {
            who = t.substr(0, colon);
            said = t.substr(colon + 1);
        } else if (!t.empty() && t[0] == U'（') {
            const auto close = t.find(U'）');
            if (close == U32View::npos || close > 14) return false;
            who = t.substr(1, close - 1);
            said = t.substr(close + 1);
        } else {
            return false;
        }
        said = trim(said);
        if (said.empty() || who.find_first_of(U"、。") != U32View::npos) return false;
        auto id = resolve(who, true);
        if (!id) return false;
        const Group* group = nullptr;
        for (const Group& g : roster_.groups()) {
            if (g.id == *id) group = &g;
            for (const Person& p : g.people)
                if (p.id == *id) group = &g;
        }
        if (!group) return false;
        answer = group->kind == GroupKind::secretariat || group->kind == GroupKind::staff;
        by = id;
        text = U32(said);
    }
    if (text.empty()) return false;
    if (open_ != Open::qa) {
        close_open();
        container().children.push_back(Element("qa", b.line));
        open_ = Open::qa;
    } else {
        before_entry(*answer);
    }
    Element u(*answer ? "answer" : "question", b.line);
    if (by) u.set("by", *by);
    u.text = u8(text);
    container().children.back().children.push_back(std::move(u));
    return true;
}

bool Classifier::try_interjection(const Block& b) {
    const U32View t = b.text;
    if (t.empty() || (t.front() != U'（' && t.front() != U'(' && t.front() != U'〔')) return false;
    for (const PatternMatch& m : w_.match("interjection.voice", t)) {
        Element e("interjection", b.line);
        e.text = u8(m.value("text"));
        close_open();
        container().children.push_back(std::move(e));
        return true;
    }
    for (const char* p : {"（「{text}」の声あり）", "（「{text}」と呼ぶ者あり）", "（「{text}」との声あり）", "（「{text}」の声）",
                          "〔「{text}」と呼ぶ者あり〕", "〔「{text}」の声あり〕", "〔「{text}」との声あり〕", "〔「{text}」の声〕"}) {
        for (const PatternMatch& m : w_.match_text(p, t)) {
            Element e("interjection", b.line);
            e.text = u8(m.value("text"));
            close_open();
            container().children.push_back(std::move(e));
            return true;
        }
    }
    const U32 bare = without_spaces(t);
    auto fixed = [&](const char* key, std::initializer_list<U32View> general, const char* kind) {
        bool hit = w_.has(key) && bare == without_spaces(w_.expand(key, {}));
        for (U32View g : general) hit = hit || bare == g;
        if (!hit) return false;
        Element e("interjection", b.line);
        e.set("kind", kind);
        close_open();
        container().children.push_back(std::move(e));
        return true;
    };
    if (fixed("interjection.applause", {U"（拍手）", U"〔拍手〕", U"(拍手)"}, "applause")) return true;
    if (fixed("interjection.laughter", {U"（笑声）", U"（笑い）", U"〔笑声〕", U"(笑声)"}, "laughter")) return true;
    for (U32View other : {U32View(U"発言する者あり"), U32View(U"私語する者あり"), U32View(U"議場騒然")}) {
        if (auto in = bracketed(t); in && *in == other) {
            Element e("interjection", b.line);
            e.set("kind", "other");
            e.text = u8(*in);
            close_open();
            container().children.push_back(std::move(e));
            return true;
        }
    }
    return false;
}

bool Classifier::try_decision(const Block& b) {
    const U32View t = b.text;
    const U32 bare = without_spaces(t);
    static const std::pair<const char*, const char*> kinds[] = {{"approved", "decision.approved"}, {"decided", "decision.decided"},
                                                                {"adopted", "decision.adopted"},   {"rejected", "decision.rejected"},
                                                                {"elected", "decision.elected"},   {"continued", "decision.continued"},
                                                                {"noted", "decision.noted"}};
    // The kind alone, as the template words it: 「（了承）」「【報告了承】」「了承された。」.
    if (w_.has("decision.kind") && bare.size() <= 20) {
        for (const auto& [kind, key] : kinds) {
            const U32 label = w_.label(key);
            if (label.empty()) continue;
            if (bare == without_spaces(w_.expand("decision.kind", {{"kind", label}}))) {
                close_open();
                Element e("decision", b.line);
                e.set("kind", kind);
                container().children.push_back(std::move(e));
                return true;
            }
        }
    }
    if (!ends_sentence(t) || t.size() > 300) return false;
    static const std::pair<U32View, const char*> endings[] = {
        {U"原案のとおり可決された。", "adopted"}, {U"可決された。", "adopted"},     {U"可決した。", "adopted"},
        {U"否決された。", "rejected"},           {U"否決した。", "rejected"},     {U"承認された。", "approved"},
        {U"承認した。", "approved"},             {U"了承された。", "approved"},   {U"了承した。", "approved"},
        {U"一任された。", "approved"},           {U"決定された。", "decided"},    {U"決定した。", "decided"},
        {U"選任された。", "elected"},            {U"選出された。", "elected"},    {U"継続審議とされた。", "continued"},
        {U"継続審議とした。", "continued"},      {U"報告を受けた。", "noted"}};
    for (const auto& [end, kind] : endings) {
        if (!ends_with(t, end)) continue;
        close_open();
        Element e("decision", b.line);
        e.set("kind", kind);
        e.text = u8(trim(t));
        container().children.push_back(std::move(e));
        return true;
    }
    return false;
}

bool Classifier::try_closed_session(const Block& b) {
    const U32View t = b.text;
    if (t.empty() || (t.front() != U'（' && t.front() != U'(')) return false;
    auto emit = [&](const U32& reason) {
        close_open();
        Element e("closed-session", b.line);
        if (!reason.empty()) e.set("reason", u8(reason));
        container().children.push_back(std::move(e));
        return true;
    };
    for (const PatternMatch& m : w_.match("closed-session", t)) return emit(m.value("reason"));
    for (const char* p : {"（非公開[：{reason}]）", "（以下非公開[：{reason}]）", "（以下、非公開[。{reason}]）",
                          "（非公開[　理由：{reason}]）", "（以下非公開[　理由：{reason}]）"})
        for (const PatternMatch& m : w_.match_text(p, t)) return emit(m.value("reason"));
    return false;
}

void Classifier::table(const Block& caption_block, bool has_caption) {
    close_open();
    Element tb("table", has_caption ? caption_block.line : b_[i_].line);
    if (has_caption) tb.add("caption", caption_block.line).text = u8(caption_block.text);
    std::vector<std::vector<U32>> rows;
    std::vector<std::uint32_t> lines;
    std::vector<const Block*> inside;  // odd lines between rows: kept after the table
    while (i_ < b_.size() && (b_[i_].table_row || (i_ + 1 < b_.size() && b_[i_ + 1].table_row && !rows.empty() &&
                                                   strayish(b_[i_]) && !b_[i_].table_row))) {
        if (!b_[i_].table_row) {
            inside.push_back(&b_[i_++]);
            continue;
        }
        std::vector<U32> cells;
        const U32View r = b_[i_].text;
        U32 cur;
        for (std::size_t k = 0; k < r.size(); ++k) {
            if (k + 2 < r.size() + 1 && is_space(r[k]) && k + 1 < r.size() && (r[k + 1] == U'|' || r[k + 1] == U'｜') &&
                (k + 2 == r.size() || is_space(r[k + 2]))) {
                cells.push_back(U32(trim(cur)));
                cur.clear();
                k += 2;
                continue;
            }
            cur += r[k];
        }
        cells.push_back(U32(trim(cur)));
        rows.push_back(std::move(cells));
        lines.push_back(b_[i_].line);
        ++i_;
    }
    --i_;  // the caller advances past the last row
    // Header cells: the first row; and the first column when it names the rows of a table of
    // figures (every other row starts with words, and some column holds numbers).
    auto numeric = [](const U32& c) {
        if (c.empty()) return false;
        return std::all_of(c.begin(), c.end(), [](char32_t ch) {
            return digit_value(ch) >= 0 || ch == U',' || ch == U'.' || ch == U'%' || ch == U'，' || ch == U'．' ||
                   ch == U'％' || ch == U'-' || ch == U'－' || ch == U'△' || ch == U'▲';
        });
    };
    bool first_column = rows.size() > 1;
    bool any_numeric = false;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].empty() || numeric(rows[r][0])) first_column = false;
        for (std::size_t c = 1; c < rows[r].size(); ++c) any_numeric = any_numeric || numeric(rows[r][c]);
    }
    first_column = first_column && any_numeric;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        Element& row = tb.add("row", lines[r]);
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            Element& cell = row.add("cell", lines[r]);
            if (r == 0 || (c == 0 && first_column)) cell.set("header", "true");
            cell.text = u8(rows[r][c]);
        }
    }
    container().children.push_back(std::move(tb));
    for (const Block* b : inside) {
        unclassified(*b, "a line between the rows of a table", "表の行の間にある行", "as a paragraph right after the table",
                     "段落として表の直後に残します");
        Element p("p", b->line);
        p.text = u8(b->text);
        container().children.push_back(std::move(p));
    }
}

void Classifier::paragraph(const Block& b, bool prose) {
    Element& c = container();
    if (open_ == Open::speech && !c.children.empty() && prose) {
        Element& speech = c.children.back();
        // One paragraph per line, but a speech's line broken mid-sentence by hand
        // (「…改定するもので」「あります。…」): the line before stops on a kana with no mark,
        // and this one starts flush with a kana, which no paragraph of a speech does.
        auto hiragana = [](char32_t ch) { return ch >= U'ぁ' && ch <= U'ゖ'; };
        if (!speech.children.empty() && speech.children.back().name == "p" && b.indent == 0 && !b.text.empty() &&
            hiragana(b.text.front())) {
            Element& last = speech.children.back();
            const U32 prev = to_u32(last.text);
            if (!prev.empty() && hiragana(prev.back()) && !ends_sentence(prev)) {
                last.text += u8(b.text);
                return;
            }
        }
        speech.add("p", b.line).text = u8(b.text);
        return;
    }
    if (open_ == Open::explanation && !c.children.empty() && prose) {
        c.children.back().add("p", b.line).text = u8(b.text);
        loose_paragraphs_.emplace_back(b.line, b.text);
        return;
    }
    // Among marked entries (・ opinions, → answers, Q&A, a supplement's opinions) a line without
    // a mark is not one of them; it does not end the list either.
    if (open_ == Open::opinions || open_ == Open::supplement || open_ == Open::qa || open_ == Open::list) {
        stray_paragraph(b, "a line without a mark among the entries of a list", "記号のない行が一覧の途中にあります");
        return;
    }
    close_open();
    if (!prose) {
        unclassified(b, "", "");
    } else {
        loose_paragraphs_.emplace_back(b.line, b.text);
        bare_paragraphs_.emplace_back(b.line, b.text);
    }
    Element p("p", b.line);
    p.text = u8(b.text);
    container().children.push_back(std::move(p));
}

bool Classifier::try_end_and_contact() {
    const Block& b = b_[i_];
    const U32 bare = without_spaces(b.text);
    auto is_contact_heading = [&](const Block& x) {
        U32 t = without_spaces(x.text);
        if (w_.has("contact-heading") && t == without_spaces(w_.expand("contact-heading", {}))) return true;
        if (auto in = bracketed(t)) t = *in;
        while (!t.empty() && (t.back() == U'：' || t.back() == U':')) t.pop_back();
        for (U32View w : {U32View(U"問合せ先"), U32View(U"問い合わせ先"), U32View(U"お問合せ先"), U32View(U"お問い合わせ先"),
                          U32View(U"問合わせ先"), U32View(U"連絡先"), U32View(U"本件に関する問合せ先"),
                          U32View(U"本件に関するお問合せ先"), U32View(U"担当"), U32View(U"お問い合わせ")})
            if (t == w) return true;
        return false;
    };
    auto is_end = [&](const U32& t) {
        if (w_.has("end") && t == without_spaces(w_.expand("end", {}))) return true;
        for (U32View w : {U32View(U"以上"), U32View(U"了"), U32View(U"――了――"), U32View(U"－了－"), U32View(U"―了―"),
                          U32View(U"（以上）"), U32View(U"-了-")})
            if (t == w) return true;
        return false;
    };
    if (is_end(bare)) {
        // 以上 ends the proceedings when only the contact block follows — or stray lines before
        // it, which cannot follow <end/> and are kept as the last paragraphs before it.
        std::size_t k = i_ + 1;
        while (k < b_.size() && k - i_ <= 3 && strayish(b_[k]) && !is_contact_heading(b_[k])) ++k;
        const bool contact_next = k < b_.size() && is_contact_heading(b_[k]);
        if (k == b_.size() || contact_next) {
            close_open();
            for (std::size_t j = i_ + 1; j < k; ++j) {
                unclassified(b_[j], "a line after 以上", "「以上」の後の行", "as the last paragraph of the proceedings, before 以上",
                             "議事の最後の段落として「以上」の前に残します");
                Element p("p", b_[j].line);
                p.text = u8(b_[j].text);
                container().children.push_back(std::move(p));
            }
            end_ = true;
            if (contact_next) contact_ = Element("contact", b_[k].line);
            i_ = contact_next ? k : k - 1;
            return true;
        }
        return false;
    }
    if (is_contact_heading(b)) {
        close_open();
        contact_ = Element("contact", b.line);
        return true;
    }
    return false;
}

void Classifier::contact_block(const Block& b) { contact_lines_.emplace_back(b.text, b.line); }

void Classifier::proceedings() {
    {
        // Stray lines right before the heading of the proceedings: the heading is its title and
        // comes first, so they follow it.
        std::size_t k = i_;
        while (k < b_.size() && k - i_ < 3 && strayish(b_[k]) &&
               !is_proceedings_heading(b_[k].text, w_.expand("proceedings-heading", {})))
            ++k;
        if (k > i_ && k < b_.size() && is_proceedings_heading(b_[k].text, w_.expand("proceedings-heading", {}))) {
            for (std::size_t j = i_; j < k; ++j)
                moved_.push_back({&b_[j], "a line before the heading of the proceedings", "議事の見出しの前の行"});
            i_ = k;
        }
    }
    if (i_ < b_.size() && is_proceedings_heading(b_[i_].text, w_.expand("proceedings-heading", {}))) {
        proc_seen_ = true;
        proc_.line = b_[i_].line;
        if (!same_words(b_[i_].text, w_.expand("proceedings-heading", {})))
            proc_.add("title", b_[i_].line).text = u8(trim(b_[i_].text));
        ++i_;
    }
    // Lines that fit nowhere before the proceedings open them.
    for (const Moved& m : moved_) {
        unclassified(*m.block, m.why, m.why_ja, "as a paragraph at the start of the proceedings",
                     "議事の最初に段落として残します");
        Element p("p", m.block->line);
        p.text = u8(m.block->text);
        proc_.children.push_back(std::move(p));
    }
    for (; i_ < b_.size(); ++i_) {
        const Block& b = b_[i_];
        resolve_line_ = b.line;
        if (contact_) {
            contact_block(b);
            continue;
        }
        if (b.table_row) {
            table(b, false);
            continue;
        }
        if (try_end_and_contact()) continue;
        if (odd_block(b)) {
            if (b.stray)
                stray_paragraph(b, "it stands inside the paragraph of line " + std::to_string(b.interrupted) + ", which is read around it",
                                std::to_string(b.interrupted) + "行目の段落の途中にあり、段落はこの行を挟んで続けて読みました");
            else
                stray_paragraph(b, "a line of marks, not text", "文字のない記号の行");
            continue;
        }
        const U32View t = b.text;
        // A caption right before a table.
        if (i_ + 1 < b_.size() && b_[i_ + 1].table_row && !is_prose(t) && t.size() <= 80 && start_strength(t) != Strength::strong) {
            ++i_;
            table(b, true);
            continue;
        }
        if (is_proceedings_heading(t, w_.expand("proceedings-heading", {})) && !proc_seen_ && proc_.children.empty()) {
            proc_seen_ = true;
            if (!same_words(t, w_.expand("proceedings-heading", {}))) proc_.add("title", b.line).text = u8(trim(t));
            continue;
        }
        // Numbered headings.
        if (auto n = leading_numbering(t); n && n->separated && !ends_sentence(t) && t.size() <= 120 &&
                                            n->style != NumberStyle::kanji) {
            new_item(b, *n, t.substr(n->length));
            continue;
        }
        // 「○保育所等の整備計画について」「・報告事項」: a marked heading the agenda lists.
        if (!t.empty() && (is_bullet(t[0]) || is_circle(t[0])) && !agenda_entry(t).empty()) {
            bool listed = false;
            for (const Particular& p : particulars_)
                if (p.kind == PKind::agenda)
                    for (const ValueLine& l : p.lines) listed = listed || agenda_entry(l.text) == agenda_entry(t);
            if (listed) {
                Numbering mark;
                mark.style = NumberStyle::mark;
                mark.length = 1;
                new_item(b, mark, t.substr(1));
                continue;
            }
        }
        bool equals_label = false;
        if (const char* proc = procedure_of(t, equals_label)) {
            procedural_item(b, proc, equals_label ? U32View() : trim(t));
            continue;
        }
        if (try_decision(b)) continue;
        if (auto turn = speech_turn(b)) {
            close_open();
            Element s("speech", b.line);
            s.set("by", turn->first);
            if (!turn->second.empty()) s.add("p", b.line).text = u8(turn->second);
            else s.text = u8(t);  // a speaker alone on the line: their words follow
            container().children.push_back(std::move(s));
            open_ = Open::speech;
            continue;
        }
        if (try_supplement(b)) continue;
        if (try_opinions_heading(b)) continue;
        if (try_explanation(b)) continue;
        if (try_interjection(b)) continue;
        if (try_closed_session(b)) continue;
        if (try_qa(b)) continue;
        const char32_t c0 = t.empty() ? 0 : t[0];
        const U32 bullet = w_.mark("bullet"), question = w_.mark("question"), answer = w_.mark("answer");
        auto after_mark = [&](std::size_t n) { return trim(t.substr(n)); };
        if (!answer.empty() && starts_with(t, answer) && t.size() > answer.size()) {
            if (open_ == Open::opinions || open_ == Open::supplement || open_ == Open::qa || open_ == Open::list) {
                if (open_ == Open::list) {
                    // Bullets followed by an answer are opinions.
                    Element& l = container().children.back();
                    l.name = "opinions";
                    l.set("heading", "none");
                    for (Element& li : l.children) li.name = "opinion";
                    open_ = Open::opinions;
                }
                utterance(b, "answer", after_mark(answer.size()));
                continue;
            }
        }
        if (c0 == U'→' || c0 == U'⇒') {
            if (open_ == Open::opinions || open_ == Open::supplement || open_ == Open::qa) {
                utterance(b, "answer", after_mark(1));
                continue;
            }
            // An answer needs what it answers before it (E309): kept as the paragraph it is.
            close_open();
            unclassified(b, "an answer (→) with no opinion or question before it", "答える意見・質問のない回答（→）");
            Element p("p", b.line);
            p.text = u8(t);
            container().children.push_back(std::move(p));
            continue;
        }
        if ((!bullet.empty() && starts_with(t, bullet) && t.size() > bullet.size()) || is_bullet(c0)) {
            const std::size_t n = !bullet.empty() && starts_with(t, bullet) ? bullet.size() : 1;
            if (open_ == Open::opinions || open_ == Open::supplement) {
                utterance(b, "opinion", after_mark(n));
            } else {
                if (open_ != Open::list) {
                    close_open();
                    container().children.push_back(Element("list", b.line));
                    open_ = Open::list;
                } else {
                    before_entry(false);
                }
                container().children.back().add("li", b.line).text = u8(after_mark(n));
            }
            continue;
        }
        if (!question.empty() && question != bullet && starts_with(t, question) && t.size() > question.size() &&
            (open_ == Open::opinions || open_ == Open::supplement)) {
            utterance(b, "question", after_mark(question.size()));
            continue;
        }
        // 「午前10時25分散会」 (set to the right at the end of an assembly's 会議録): when the
        // sitting ended. Kept as a note; the time is the end of the meeting when 日時 gives none.
        // 「午前10時00分開議」 before the first speech: a note too.
        {
            Clock at;
            bool closing = false;
            if (sitting_time_line(t, at, closing)) {
                close_open();
                if (closing && !closing_time_) closing_time_ = at;
                Element e("note", b.line);
                e.text = u8(t);
                proc_.children.push_back(std::move(e));
                continue;
            }
        }
        if (c0 == U'※' && t.size() > 1) {
            close_open();
            Element e("note", b.line);
            e.text = u8(after_mark(1));
            container().children.push_back(std::move(e));
            continue;
        }
        paragraph(b, is_prose(t));
    }
    close_open();
    // One paragraph of running text in proceedings otherwise made of marked entries (the seed:
    // headings, 事務局から資料説明, ・ opinions, supplements) is not the document's way of writing;
    // it may be a stray line. Two or more are (a 会議録's 「池田会長が開会を宣言した。」).
    if (loose_paragraphs_.size() == 1) {
        if (marked_entries(proc_) >= 3) {
            Block fake;
            fake.line = loose_paragraphs_.front().first;
            fake.text = loose_paragraphs_.front().second;
            unclassified(fake, "the only paragraph without a mark in proceedings made of marked entries",
                         "記号のある項目からなる議事の中で、ただ一つの記号のない段落");
        }
    }
    // A paragraph before the first item, in proceedings divided into items: the items hold what
    // was said and done, and nothing of the text is written before them (a heading 議事の経過
    // is followed by its first item).
    {
        bool item_after = false;
        for (auto it = proc_.children.rbegin(); it != proc_.children.rend(); ++it) {
            if (it->name == "item") item_after = true;
            if (it->name != "p" || !item_after || warned_lines_.count(it->line)) continue;
            Block fake;
            fake.line = it->line;
            fake.text = to_u32(it->text);
            unclassified(fake, "a paragraph before the first item of the proceedings", "議事の最初の項目の前にある段落",
                         "as a paragraph at the start of the proceedings", "段落として議事の冒頭に残します");
        }
    }
    // One paragraph standing on its own (not in an explanation) where the proceedings are
    // otherwise written as speeches and marked entries: the document writes no running text of
    // its own, and the one paragraph may be a stray line. Two or more are its way of writing.
    if (bare_paragraphs_.size() == 1 && !warned_lines_.count(bare_paragraphs_.front().first)) {
        if (marked_entries(proc_) >= 3) {
            Block fake;
            fake.line = bare_paragraphs_.front().first;
            fake.text = bare_paragraphs_.front().second;
            unclassified(fake, "the only paragraph of its own in proceedings written as speeches and marked entries",
                         "発言や記号のある項目で書かれた議事の中で、ただ一つの独立した段落");
        }
    }
}

void Classifier::resolve_agenda(Element& parts) {
    Element* agenda = nullptr;
    for (Element& e : parts.children)
        if (e.name == "agenda") agenda = &e;
    if (!agenda) return;
    const Particular* p = nullptr;
    for (const Particular& q : particulars_)
        if (q.kind == PKind::agenda) p = &q;
    // What <agenda/> prints: the numbered top-level items' headings.
    std::vector<U32> printed;
    for (const Element& it : proc_.children) {
        if (it.name != "item") continue;
        const std::string* kind = it.get("kind");
        if (kind && *kind == "procedural" && w_.tmpl().number_procedural == false) continue;
        std::map<std::string, U32> v;
        if (const Element* t = const_cast<Element&>(it).child("title")) v["title"] = to_u32(t->text);
        if (const std::string* r = it.get("ref")) v["ref"] = to_u32(*r);
        if (const std::string* tg = it.get("tag")) v["tag"] = to_u32(*tg);
        printed.push_back(without_spaces(w_.expand("item-heading", v)));
    }
    bool same = p && p->lines.size() == printed.size();
    for (std::size_t k = 0; same && k < printed.size(); ++k) same = agenda_entry(p->lines[k].text) == printed[k];
    if (same) return;
    if (p) {
        note("N603", p->line, "the agenda does not list the items' headings as they stand; it is kept as text",
             "議題の一覧が議事の見出しと一致しないため、文として残します");
        *agenda = other_particular(*p);
    }
}

std::optional<Element> Classifier::run() {
    header();
    particulars();
    // Attendance and handouts first: the proceedings name people and handouts.
    {
        std::size_t last_group = static_cast<std::size_t>(-1);
        for (const Particular& p : particulars_) {
            if (p.kind == PKind::attendance || p.kind == PKind::absentees || p.kind == PKind::group) {
                attendance_into(p, p.kind == PKind::absentees ? last_group : static_cast<std::size_t>(-1));
                if (!roster_.groups().empty()) last_group = roster_.groups().size() - 1;
            }
            if (p.kind == PKind::handouts) (void)0;
        }
    }
    std::vector<Element> built_handouts;
    for (const Particular& p : particulars_)
        if (p.kind == PKind::handouts) built_handouts.push_back(handouts_element(p));
    proceedings();
    if (!title_ || title_->body.empty()) {
        // The meeting's name is what the minutes are of (<body-name> is required); it is never
        // guessed from elsewhere in the text.
        Diagnostic e;
        e.severity = Severity::error;
        e.code = "E607";
        e.file = file_;
        e.loc = {b_.empty() ? 0 : b_.front().line, 0};
        e.message = "the text has no title line naming the meeting before its particulars";
        e.message_ja = "開催要項の前に、会議名を示すタイトル行がありません";
        e.hint = "add the title as the first line (令和６年度 第３回 …協議会) and the kind under it (議事要旨)";
        e.hint_ja = "１行目にタイトル（令和６年度 第３回 …協議会）、その下に種類（議事要旨）を書いてください";
        d_.report(std::move(e));
        return std::nullopt;
    }

    Element minutes("minutes", title_line_);
    minutes.set("xmlns", "urn:gijiroku:minutes:1");
    minutes.set("version", "1.0");
    static constexpr std::array<const char*, 5> kind_names = {"summary", "outline", "record", "proceedings", "results"};
    minutes.set("kind", kind_names[static_cast<std::size_t>(kind_.value_or(model::DocumentKind::summary))]);
    if (provisional_) minutes.set("status", "provisional");
    minutes.set("xml:lang", "ja");

    Element& header = minutes.add("header", title_line_);
    header.add("body-name", title_line_).text = title_ ? u8(title_->body) : std::string();
    if (title_ && (title_->fiscal_year || title_->year || title_->number || title_->extraordinary || !title_->session_name.empty())) {
        Element& s = header.add("session", title_line_);
        if (title_->fiscal_year)
            s.set("fiscal-year", title_->fiscal_written.empty() ? std::to_string(*title_->fiscal_year) : title_->fiscal_written);
        if (title_->year) s.set("year", std::to_string(*title_->year));
        if (title_->number) s.set("number", std::to_string(*title_->number));
        if (title_->extraordinary) s.set("extraordinary", "true");
        if (!title_->session_name.empty()) s.set("name", u8(title_->session_name));
    }
    if (!subtitle_.empty()) header.add("subtitle").text = u8(subtitle_);
    if (!issuer_.empty()) header.add("issuer").text = u8(issuer_);
    if (published_) header.add("published").set("date", iso_date(*published_));

    if (!particulars_.empty()) {
        Element parts("particulars", particulars_.front().line);
        build_particulars(parts);
        std::size_t h = 0;
        for (Element& e : parts.children) {
            if (e.name == "attendance") {
                const std::uint32_t line = e.line;
                e = attendance_element();
                e.line = line;
            } else if (e.name == "handouts-placeholder") {
                e = std::move(built_handouts[h++]);
            }
        }
        resolve_agenda(parts);
        minutes.children.push_back(std::move(parts));
    }
    if (proc_seen_ || !proc_.children.empty()) minutes.children.push_back(std::move(proc_));
    if (end_) minutes.add("end");
    if (contact_) {
        Element& c = *contact_;
        std::vector<Element> offices;
        std::optional<Element> phone, ext, fax, email, url;
        auto value_after = [](U32View t, std::initializer_list<U32View> words) -> std::optional<U32> {
            for (U32View w : words)
                if (starts_with(t, w)) {
                    U32View v = t.substr(w.size());
                    while (!v.empty() && (is_space(v.front()) || v.front() == U'：' || v.front() == U':')) v.remove_prefix(1);
                    if (!v.empty()) return U32(v);
                }
            return std::nullopt;
        };
        for (const auto& [text, line] : contact_lines_) {
            const U32View t = trim(text);
            bool done = false;
            // Phone, with its extension: the template's wording, then the usual ones.
            if (!phone) {
                for (const PatternMatch& m : w_.match("contact.phone", t)) {
                    phone = Element("phone", line);
                    phone->text = u8(m.value("phone"));
                    if (!m.value("extension").empty()) {
                        ext = Element("extension", line);
                        ext->text = u8(m.value("extension"));
                    }
                    done = true;
                    break;
                }
                if (!done)
                    if (auto v = value_after(t, {U"電話番号", U"電話", U"TEL", U"Tel", U"ＴＥＬ", U"℡"})) {
                        U32 number = *v;
                        for (U32View pre : {U32View(U"（内線"), U32View(U"(内線")}) {
                            const auto at = number.find(pre);
                            if (at != U32::npos && (number.back() == U'）' || number.back() == U')')) {
                                ext = Element("extension", line);
                                ext->text = u8(trim(U32View(number).substr(at + pre.size(), number.size() - at - pre.size() - 1)));
                                number = U32(trim(U32View(number).substr(0, at)));
                            }
                        }
                        phone = Element("phone", line);
                        phone->text = u8(number);
                        done = true;
                    }
            }
            if (!done && !fax) {
                for (const PatternMatch& m : w_.match("contact.fax", t)) {
                    fax = Element("fax", line);
                    fax->text = u8(m.value("fax"));
                    done = true;
                    break;
                }
                if (!done)
                    if (auto v = value_after(t, {U"ファクシミリ", U"ファックス", U"FAX", U"ＦＡＸ", U"Fax"})) {
                        fax = Element("fax", line);
                        fax->text = u8(*v);
                        done = true;
                    }
            }
            if (!done && !email) {
                for (const PatternMatch& m : w_.match("contact.email", t)) {
                    email = Element("email", line);
                    email->text = u8(m.value("email"));
                    done = true;
                    break;
                }
                if (!done)
                    if (auto v = value_after(t, {U"電子メール", U"メールアドレス", U"メール", U"E-mail", U"e-mail", U"Email", U"Ｅメール"})) {
                        email = Element("email", line);
                        email->text = u8(*v);
                        done = true;
                    }
            }
            if (!done && !url && (starts_with(t, U"https://") || starts_with(t, U"http://")) &&
                std::none_of(t.begin(), t.end(), is_space)) {
                url = Element("url", line);
                url->text = u8(t);
                done = true;
            }
            if (!done) {
                if (is_symbol_line(t) || ends_sentence(t)) {
                    // An office is a name; a sentence or a line of marks is not one, but the
                    // contact block holds nothing else.
                    Block fake;
                    fake.line = line;
                    fake.text = U32(t);
                    unclassified(fake, "a line in the contact block that names no office, phone, fax, e-mail or URL",
                                 "問合せ先の中の、部署・電話・FAX・メール・URL のどれでもない行",
                                 "as a line of the contact block, where it stands", "問合せ先の行としてその位置に残します");
                }
                Element o("office", line);
                o.text = u8(t);
                offices.push_back(std::move(o));
            }
        }
        if (offices.empty()) {
            // The schema asks for an office: the heading line itself names where to ask.
            Element o("office", c.line);
            o.text = u8(w_.expand("contact-heading", {}));
            offices.push_back(std::move(o));
        }
        for (Element& o : offices) c.children.push_back(std::move(o));
        for (auto* e : {&phone, &ext, &fax, &email, &url})
            if (*e) c.children.push_back(std::move(**e));
        minutes.children.push_back(std::move(c));
    }
    return minutes;
}

}  // namespace

std::optional<Element> classify(const std::vector<Block>& blocks, std::string_view file, const Wording& wording, bool strict,
                                Diagnostics& diags) {
    Classifier c(blocks, file, wording, strict, diags);
    return c.run();
}

}  // namespace gijiroku::import

