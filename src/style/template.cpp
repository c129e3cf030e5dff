#include "style/template.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "core/units.hpp"
#include "style/pattern.hpp"
#include "text/era_date.hpp"
#include "xml/xml.hpp"

namespace gijiroku::style {

namespace fs = std::filesystem;

// ------------------------------------------------------------------ vocabulary tables

namespace {

const std::vector<std::string>& person_fields() {
    static const std::vector<std::string> f{"name",  "family_name", "given_name",  "qualifier",
                                            "title", "role",        "affiliation", "reading"};
    return f;
}

const char* const group_kinds[] = {"members", "secretariat", "staff", "observers", "guests", "other"};

std::vector<std::string> with_person(std::vector<std::string> extra) {
    std::vector<std::string> v = person_fields();
    v.insert(v.end(), extra.begin(), extra.end());
    return v;
}

using KeyTable = std::vector<std::pair<std::string, std::vector<std::string>>>;

// Every pattern key and its placeholders. The keys with a group kind (attendee.members …)
// override the plain key for people of that kind of group.
const KeyTable& key_table() {
    static const KeyTable table = [] {
        KeyTable t{
            {"provisional", {}},
            {"subtitle", {"text"}},
            {"issuer", {"issuer"}},
            {"published", {"date"}},
            {"datetime", {"date", "start", "end", "opened", "closed"}},
            {"venue.in-person", {"text"}},
            {"venue.online", {"text"}},
            {"venue.hybrid", {"text"}},
            {"venue.written", {"text"}},
            {"attendance.group-caption", {"group"}},
            {"attendance.absent-caption", {"group"}},
            {"attendance.notes", {"notes"}},
            {"attendance.size", {"size"}},
            {"separator", {}},
            {"observers", {"count"}},
            {"observers.none", {}},
            {"handout", {"number", "title", "note"}},
            {"handout-ref", {"number", "title"}},
            {"next-meeting", {"date", "start", "text"}},
            {"proceedings-heading", {}},
            {"item-heading", {"title", "ref", "tag", "kind"}},
            {"explanation", {"speaker"}},
            {"explanation.handouts", {"speaker", "handouts"}},
            {"opinions-heading", {}},
            {"opinion", {"text", "speaker"}},
            {"question", {"text", "speaker"}},
            {"answer", {"text", "speaker"}},
            {"qa.question", {"text", "speaker"}},
            {"qa.answer", {"text", "speaker"}},
            {"supplement.verbal", {"speaker", "about"}},
            {"supplement.nominal", {"speaker", "about"}},
            {"information.verbal", {"speaker", "about"}},
            {"information.nominal", {"speaker", "about"}},
            {"speaker.group", {"group"}},
            {"interjection.voice", {"text"}},
            {"interjection.applause", {"text"}},
            {"interjection.laughter", {"text"}},
            {"interjection.other", {"text"}},
            {"decision.text", {"text", "kind"}},
            {"decision.kind", {"kind"}},
            {"closed-session", {"reason"}},
            {"end", {}},
            {"contact-heading", {}},
            {"contact.office", {"office"}},
            {"contact.phone", {"phone", "extension"}},
            {"contact.fax", {"fax"}},
            {"contact.email", {"email"}},
            {"contact.url", {"url"}},
            {"quote", {"text"}},
        };
        const std::vector<std::string> attendee =
            with_person({"proxy", "online", "in_person", "absent"});
        const std::vector<std::string> speech = with_person({"speaker"});
        t.push_back({"attendee", attendee});
        t.push_back({"attendee.with-role", attendee});
        t.push_back({"speaker", person_fields()});
        t.push_back({"speaker.with-role", person_fields()});
        t.push_back({"speech-turn", speech});
        t.push_back({"speech-turn.with-role", speech});
        for (const char* k : group_kinds) {
            const std::string kind = k;
            t.push_back({"attendee." + kind, attendee});
            t.push_back({"attendee." + kind + ".with-role", attendee});
            t.push_back({"speaker." + kind, person_fields()});
            t.push_back({"speaker." + kind + ".with-role", person_fields()});
            t.push_back({"speech-turn." + kind, speech});
            t.push_back({"speech-turn." + kind + ".with-role", speech});
        }
        std::sort(t.begin(), t.end());
        return t;
    }();
    return table;
}

const std::vector<std::string>& title_placeholders() {
    static const std::vector<std::string> v{"fiscal_year", "year",   "number", "extraordinary",
                                            "session_name", "body", "kind",   "issuer"};
    return v;
}

const std::vector<std::string>& mark_names() {
    static const std::vector<std::string> v{"answer", "bullet", "note", "qa-answer", "qa-question",
                                            "question"};
    return v;
}

// style name → the style used when a template does not define it.
const std::vector<std::pair<std::string, std::string>>& fallback_table() {
    static const std::vector<std::pair<std::string, std::string>> t{
        {"title", "body"},
        {"title-line", "title"},
        {"title-kind", "title"},
        {"banner", "body"},
        {"subtitle", "body"},
        {"issuer", "body"},
        {"published", "issuer"},
        {"particulars", "body"},
        {"particular", "particulars"},
        {"particular-term", "particular"},
        {"particular-value", "particular"},
        {"attendee-list", "particular-value"},
        {"attendance-notes", "particular-value"},
        {"handout-list", "list"},
        {"handout-item", "list-item"},
        {"handout-text", "list-text"},
        {"agenda-list", "list"},
        {"agenda-item", "list-item"},
        {"agenda-text", "list-text"},
        {"heading", "body"},
        {"proceedings-heading", "heading"},
        {"item-heading", "heading"},
        {"explanation", "body"},
        {"opinions-heading", "heading"},
        {"supplement-heading", "opinions-heading"},
        {"opinions", "list"},
        {"opinion-item", "list-item"},
        {"opinion", "list-text"},
        {"answers", "opinions"},
        {"answer-item", "opinion-item"},
        {"answer", "opinion"},
        {"qa", "list"},
        {"qa-item", "list-item"},
        {"qa-text", "list-text"},
        {"speech", "body"},
        {"speech-continued", "speech"},
        {"interjection", "body"},
        {"decision", "body"},
        {"note", "body"},
        {"list", "body"},
        {"list-item", "list"},
        {"list-text", "body"},
        {"table", "body"},
        {"table-caption", "table"},
        {"table-cell", "table"},
        {"closed-session", "body"},
        {"end", "body"},
        {"contact-heading", "heading"},
        {"contact", "body"},
    };
    return t;
}

// Levenshtein distance on bytes, for "did you mean".
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = 3;
    for (const std::string& c : candidates) {
        const std::size_t d = distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const std::string& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::string format_number(double v) {
    std::ostringstream os;
    os.precision(6);
    os << v;
    return os.str();
}

}  // namespace

const std::vector<std::string>& pattern_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& [key, names] : key_table()) k.push_back(key);
        return k;
    }();
    return keys;
}

const std::vector<std::string>* pattern_placeholders(std::string_view key) {
    for (const auto& [k, names] : key_table())
        if (k == key) return &names;
    return nullptr;
}

const char* style_fallback(std::string_view style_name) {
    if (style_name.size() > 13 && style_name.substr(0, 13) == "item-heading-") return "item-heading";
    for (const auto& [name, fallback] : fallback_table())
        if (name == style_name) return fallback.c_str();
    return style_name == "body" ? nullptr : "body";
}

const BlockStyle* Template::find_style(std::string_view style_name) const {
    for (const BlockStyle& s : styles)
        if (s.name == style_name) return &s;
    return nullptr;
}

const PatternText* Template::find_pattern(std::string_view key) const {
    auto it = patterns.find(std::string(key));
    return it == patterns.end() ? nullptr : &it->second;
}

const LabelWord* Template::find_label(std::string_view key) const {
    auto it = labels.find(std::string(key));
    return it == labels.end() ? nullptr : &it->second;
}

const Mark* Template::find_mark(std::string_view mark_name) const {
    auto it = marks.find(std::string(mark_name));
    return it == marks.end() ? nullptr : &it->second;
}

// ------------------------------------------------------------------ loading

namespace {

constexpr std::string_view template_namespace = "urn:gijiroku:template:1";

struct Length {
    double value = 0;
    enum class Unit : unsigned char { none, pt, mm, q, zw } unit = Unit::none;
};

std::optional<Length> parse_length(std::string_view s) {
    Length l;
    std::size_t n = s.size();
    auto ends = [&](std::string_view suffix) {
        return n >= suffix.size() && s.substr(n - suffix.size()) == suffix;
    };
    if (ends("pt")) l.unit = Length::Unit::pt, n -= 2;
    else if (ends("mm")) l.unit = Length::Unit::mm, n -= 2;
    else if (ends("zw")) l.unit = Length::Unit::zw, n -= 2;
    else if (ends("Q")) l.unit = Length::Unit::q, n -= 1;
    const std::string number(s.substr(0, n));
    if (number.empty()) return std::nullopt;
    char* end = nullptr;
    l.value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(l.value)) return std::nullopt;
    return l;
}

// The raw page attributes of a template chain, merged, so the grid can be derived once the
// whole chain is known.
struct PageSpec {
    std::string paper = "A4";
    bool landscape = false;
    std::optional<double> width, height, body, pitch, top, bottom, left, right;
    std::optional<long long> chars, lines;
    std::map<std::string, TemplateLoc> where;  // attribute name → where it was given
    TemplateLoc element;                       // the <page> element that last spoke
};

// A template as loaded from one file and its `extends` chain, before the final checks.
struct Loaded {
    Template t;
    PageSpec page;
    // {@label} references of each pattern key (and "title#i" for title lines), for the check
    // that the label exists once the chain is merged.
    std::map<std::string, std::vector<std::pair<std::string, TemplateLoc>>> label_refs;
    // Style attributes given in zw-convertible units other than zw, for the range check.
    std::vector<std::pair<std::string, TemplateLoc>> font_refs;  // font role → where named
};

class Loader {
public:
    Loader(const std::string& templates_dir, Diagnostics& diags, const LoadOptions& options)
        : templates_dir_(templates_dir), diags_(diags), options_(options) {}

    std::optional<Loaded> load_file(const fs::path& path, const TemplateLoc& from);
    std::optional<Loaded> load_bytes(std::string_view bytes, const std::string& file,
                                     const fs::path& dir, const std::string& expected_id);
    bool finish(Loaded& l);

private:
    void error(const TemplateLoc& at, const char* code, std::string en, std::string ja,
               std::string hint = {}, std::string hint_ja = {}) {
        diags_.error(code, at.file, at.loc, std::move(en), std::move(ja), std::move(hint),
                     std::move(hint_ja));
        ok_ = false;
    }
    void warning(const TemplateLoc& at, const char* code, std::string en, std::string ja,
                 std::string hint = {}, std::string hint_ja = {}) {
        diags_.warning(code, at.file, at.loc, std::move(en), std::move(ja), std::move(hint),
                       std::move(hint_ja));
    }

    std::optional<fs::path> find_template(std::string_view id, const fs::path& near) const;

    void apply(const xml::Document& doc, const fs::path& dir, Loaded& l);
    void apply_page(const xml::Node& e, Loaded& l);
    void apply_fonts(const xml::Node& e, const fs::path& dir, Loaded& l);
    void apply_styles(const xml::Node& e, Loaded& l);
    void apply_numbering(const xml::Node& e, Loaded& l);
    void apply_dates(const xml::Node& e, Loaded& l);
    void apply_labels(const xml::Node& e, Loaded& l);
    void apply_wording(const xml::Node& e, Loaded& l);

    // A pattern's text with its location; checks syntax and placeholders now, while the
    // document is at hand for exact line:col.
    std::optional<PatternText> read_pattern(const xml::Node& e, std::string_view key,
                                            const std::vector<std::string>& allowed, Loaded& l,
                                            const std::string& ref_key);

    TemplateLoc at(const xml::Node& n) const { return {file_, n.loc}; }
    TemplateLoc at(const xml::Attribute& a) const { return {file_, a.value_loc}; }

    std::optional<double> length_pt(const xml::Attribute& a, double body_pt, bool allow_zw);
    std::optional<double> length_zw(const xml::Attribute& a, double body_pt);
    bool check_font_size(const xml::Attribute& a, double pt);

    std::string templates_dir_;
    Diagnostics& diags_;
    const LoadOptions& options_;
    std::vector<std::string> stack_;  // canonical paths being loaded (cycle detection)
    std::vector<std::string> ids_;    // the same, by id, for the message
    std::string file_;                // the file being applied
    const xml::Document* doc_ = nullptr;
    bool ok_ = true;
};

std::optional<std::string> read_whole_file(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream os;
    os << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return os.str();
}

std::optional<fs::path> Loader::find_template(std::string_view id, const fs::path& near) const {
    std::vector<fs::path> places;
    if (!near.empty()) places.push_back(near);
    if (!templates_dir_.empty()) places.emplace_back(templates_dir_);
    for (const fs::path& dir : places) {
        for (const fs::path& candidate :
             {dir / (std::string(id) + ".xml"), dir / std::string(id) / "template.xml"}) {
            std::error_code ec;
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
    }
    return std::nullopt;
}

std::optional<Loaded> Loader::load_file(const fs::path& path, const TemplateLoc& from) {
    std::optional<std::string> bytes = read_whole_file(path);
    if (!bytes) {
        error(from, "E401", "cannot read template file '" + path.string() + "'",
              "テンプレートファイル「" + path.string() + "」を読めません",
              "check the path, or run `gijiroku templates` for the installed templates",
              "パスを確認してください。導入済みのテンプレートは `gijiroku templates` で一覧できます");
        return std::nullopt;
    }
    const std::string stem = path.filename() == "template.xml" ? path.parent_path().filename().string()
                                                                : path.stem().string();
    return load_bytes(*bytes, path.string(), path.parent_path(), stem);
}

std::optional<Loaded> Loader::load_bytes(std::string_view bytes, const std::string& file,
                                         const fs::path& dir, const std::string& expected_id) {
    std::shared_ptr<const xml::Schema> schema = xml::template_schema(&diags_);
    if (!schema) {
        diags_.error("E425", file, {}, "the built-in template schema does not compile (a bug)",
                     "組み込みのテンプレートスキーマがコンパイルできません（不具合です）");
        ok_ = false;
        return std::nullopt;
    }
    std::optional<xml::Document> doc = xml::read(bytes, file, schema.get(), xml::ReadOptions{}, diags_);
    if (!doc || !doc->schema_valid) {
        ok_ = false;
        return std::nullopt;
    }
    const xml::Node& root = doc->root;
    if (!root.is("template", template_namespace)) {
        // The schema accepts only <template>; this guards against a schema change.
        error({file, root.loc}, "E402", "not a gijiroku template (the root must be <template>)",
              "gijiroku のテンプレートではありません（ルート要素は <template>）");
        return std::nullopt;
    }

    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(fs::absolute(file, ec), ec);
    const std::string key = canonical.string();
    const xml::Attribute* id_attr = root.find_attribute("id");
    const std::string id = id_attr ? id_attr->value : std::string();

    if (std::find(stack_.begin(), stack_.end(), key) != stack_.end()) {
        // Reported by the template that names this one (it knows where the `extends` is).
        return std::nullopt;
    }
    stack_.push_back(key);
    ids_.push_back(id);

    Loaded l;
    const xml::Attribute* ext = root.find_attribute("extends");
    if (ext) {
        const TemplateLoc ext_at{file, ext->value_loc};
        std::optional<fs::path> parent = find_template(ext->value, dir);
        if (!parent) {
            error(ext_at, "E403", "template '" + id + "' extends '" + ext->value + "', which is not installed",
                  "テンプレート「" + id + "」の extends に指定された「" + ext->value + "」が見つかりません",
                  "write the id of a template in the same folder or in the templates folder",
                  "同じフォルダーまたはテンプレートフォルダーにあるテンプレートの id を書いてください");
        } else {
            const std::string parent_key = fs::weakly_canonical(fs::absolute(*parent, ec), ec).string();
            const auto cycle_at = std::find(stack_.begin(), stack_.end(), parent_key);
            if (cycle_at != stack_.end()) {
                std::string chain;
                for (auto it = cycle_at; it != stack_.end(); ++it)
                    chain += ids_[static_cast<std::size_t>(it - stack_.begin())] + " → ";
                chain += ext->value;
                error(ext_at, "E404",
                      parent_key == key ? "template '" + id + "' extends itself"
                                        : "templates extend each other in a loop: " + chain,
                      parent_key == key ? "テンプレート「" + id + "」が自分自身を extends しています"
                                        : "テンプレートの extends が循環しています：" + chain,
                      "remove `extends` from one template of the loop",
                      "循環しているいずれかのテンプレートから extends を削除してください");
            } else if (static_cast<int>(stack_.size()) >= options_.max_extends_depth) {
                error(ext_at, "E404",
                      "`extends` chain longer than " + std::to_string(options_.max_extends_depth) +
                          " templates",
                      "extends の連鎖が " + std::to_string(options_.max_extends_depth) + " 段を超えています",
                      "extend a template that does not itself extend a long chain",
                      "連鎖の短いテンプレートを extends してください");
            } else {
                const std::string saved_file = file_;
                const xml::Document* saved_doc = doc_;
                std::optional<Loaded> base = load_file(*parent, ext_at);
                file_ = saved_file;
                doc_ = saved_doc;
                if (base) l = std::move(*base);
            }
        }
    }

    file_ = file;
    doc_ = &*doc;
    l.t.file = file;
    l.t.dir = fs::absolute(dir, ec).lexically_normal().string();
    l.t.where = {file, root.loc};
    l.t.extends = ext ? ext->value : std::string();
    l.t.chain.insert(l.t.chain.begin(), id);
    l.t.id = id;
    if (!expected_id.empty() && id != expected_id && id_attr)
        warning(at(*id_attr), "W401",
                "template id '" + id + "' differs from its file name '" + expected_id + "'",
                "テンプレートの id「" + id + "」がファイル名「" + expected_id + "」と異なります",
                "name the file " + id + ".xml (or the folder " + id + "/) so `--template " + id +
                    "` finds it",
                "`--template " + id + "` で見つかるよう、ファイル名を " + id + ".xml（またはフォルダー名を " +
                    id + "/）にしてください");
    apply(*doc, dir, l);
    doc_ = nullptr;
    stack_.pop_back();
    ids_.pop_back();
    if (!ok_) return std::nullopt;
    return l;
}

std::optional<double> Loader::length_pt(const xml::Attribute& a, double body_pt, bool allow_zw) {
    std::optional<Length> l = parse_length(a.value);
    if (!l) {
        error(at(a), "E405", "'" + a.value + "' is not a length", "「" + a.value + "」は長さではありません",
              "write a number with a unit: 10.5pt, 35mm, 14Q", "数値に単位を付けて書きます（10.5pt、35mm、14Q）");
        return std::nullopt;
    }
    switch (l->unit) {
        case Length::Unit::pt: return l->value;
        case Length::Unit::mm: return units::mm_to_pt(l->value);
        case Length::Unit::q: return units::q_to_pt(l->value);
        case Length::Unit::zw:
        case Length::Unit::none:
            if (!allow_zw) {
                error(at(a), "E405", "'" + a.name + "' needs an absolute unit (pt, mm or Q), not zw",
                      "「" + a.name + "」には zw ではなく絶対単位（pt、mm、Q）が必要です");
                return std::nullopt;
            }
            return l->value * body_pt;
    }
    return std::nullopt;
}

std::optional<double> Loader::length_zw(const xml::Attribute& a, double body_pt) {
    std::optional<Length> l = parse_length(a.value);
    if (!l) {
        error(at(a), "E409", "'" + a.value + "' is not a length", "「" + a.value + "」は長さではありません",
              "write a number of zw (1, 0.5) or a length with a unit (5mm)",
              "全角数（1、0.5）または単位付きの長さ（5mm）で書きます");
        return std::nullopt;
    }
    switch (l->unit) {
        case Length::Unit::zw:
        case Length::Unit::none: return l->value;
        case Length::Unit::pt: return l->value / body_pt;
        case Length::Unit::mm: return units::mm_to_pt(l->value) / body_pt;
        case Length::Unit::q: return units::q_to_pt(l->value) / body_pt;
    }
    return std::nullopt;
}

// Font sizes: JLREQ §2.3 gives 8 pt as the smallest body text; captions and page numbers go a
// little below. 4–200 pt covers every real document and rejects 0 and 10,000 pt.
constexpr double min_font_pt = 4.0;
constexpr double max_font_pt = 200.0;

bool Loader::check_font_size(const xml::Attribute& a, double pt) {
    if (pt >= min_font_pt && pt <= max_font_pt) return true;
    error(at(a), "E405",
          "font size " + format_number(pt) + " pt is out of range (" + format_number(min_font_pt) +
              "–" + format_number(max_font_pt) + " pt)",
          "文字サイズ " + format_number(pt) + " pt が範囲外です（" + format_number(min_font_pt) + "〜" +
              format_number(max_font_pt) + " pt）",
          "minutes are set in 10.5–12 pt; headings up to about 16 pt",
          "議事録の本文は 10.5〜12 pt、見出しは 16 pt 程度までが普通です");
    return false;
}

void Loader::apply(const xml::Document& doc, const fs::path& dir, Loaded& l) {
    const xml::Node& root = doc.root;
    for (const xml::Node& e : root.elements()) {
        if (e.name == "name") l.t.name = e.text_content();
        else if (e.name == "description") l.t.description = e.text_content();
        else if (e.name == "page") apply_page(e, l);
        else if (e.name == "fonts") apply_fonts(e, dir, l);
        else if (e.name == "typesetting") {
            if (const xml::Attribute* a = e.find_attribute("kinsoku")) {
                l.t.kinsoku.level = a->value == "4"   ? KinsokuSetting::Level::very_strict
                                    : a->value == "3" ? KinsokuSetting::Level::strict
                                                      : KinsokuSetting::Level::loose;
            }
            if (const xml::Attribute* a = e.find_attribute("latin-spacing")) {
                if (std::optional<double> v = length_zw(*a, l.page.body.value_or(10.5))) {
                    if (*v < 0 || *v > 1)
                        error(at(*a), "E409", "latin-spacing must be between 0 and 1 zw",
                              "和欧間（latin-spacing）は 0〜1 全角の範囲で指定します",
                              "JLREQ §3.2.6 uses 0.25 (四分)", "JLREQ §3.2.6 では 0.25（四分）です");
                    else l.t.latin_spacing = *v;
                }
            }
        } else if (e.name == "styles") apply_styles(e, l);
        else if (e.name == "numbering") apply_numbering(e, l);
        else if (e.name == "digits") {
            const std::string s = e.find_attribute("style") ? e.find_attribute("style")->value : "";
            l.t.digits = s == "halfwidth"   ? text::DigitStyle::halfwidth
                         : s == "fullwidth" ? text::DigitStyle::fullwidth
                         : s == "office"    ? text::DigitStyle::office
                                            : text::DigitStyle::preserve;
        } else if (e.name == "dates") apply_dates(e, l);
        else if (e.name == "labels") apply_labels(e, l);
        else if (e.name == "wording") apply_wording(e, l);
        else if (e.name == "css") l.t.css = e.text_content();
    }
}

void Loader::apply_page(const xml::Node& e, Loaded& l) {
    PageSpec& p = l.page;
    p.element = at(e);
    if (const xml::Attribute* a = e.find_attribute("paper")) p.paper = a->value;
    if (const xml::Attribute* a = e.find_attribute("orientation")) p.landscape = a->value == "landscape";
    auto absolute = [&](const char* name, std::optional<double>& into) {
        if (const xml::Attribute* a = e.find_attribute(name)) {
            const double body = p.body.value_or(10.5);
            if (std::optional<double> v = length_pt(*a, body, std::string_view(name) != "body-size")) {
                into = *v;
                p.where[name] = at(*a);
            }
        }
    };
    // body-size first: margins may be stated in zw of it.
    absolute("body-size", p.body);
    if (p.body && e.find_attribute("body-size")) check_font_size(*e.find_attribute("body-size"), *p.body);
    absolute("width", p.width);
    absolute("height", p.height);
    absolute("line-pitch", p.pitch);
    for (const char* m : {"margin-top", "margin-bottom", "margin-left", "margin-right"}) {
        std::optional<double>& slot = std::string_view(m) == "margin-top"      ? p.top
                                      : std::string_view(m) == "margin-bottom" ? p.bottom
                                      : std::string_view(m) == "margin-left"   ? p.left
                                                                               : p.right;
        absolute(m, slot);
        if (slot && e.find_attribute(m) && *slot <= 0) {
            const xml::Attribute& a = *e.find_attribute(m);
            error(at(a), "E406", std::string(m) + " must be greater than zero (it is " + a.value + ")",
                  std::string(m) + " は 0 より大きくなければなりません（" + a.value + "）",
                  "printers cannot print at the paper's edge: give at least 5mm, or leave the "
                  "attribute out to derive it from the grid",
                  "用紙の端には印刷できません。5mm 以上を指定するか、属性を省いて版面から求めてください");
            slot.reset();
        }
    }
    for (const char* c : {"chars-per-line", "lines-per-page"}) {
        if (const xml::Attribute* a = e.find_attribute(c)) {
            char* end = nullptr;
            const long long v = std::strtoll(a->value.c_str(), &end, 10);
            const bool chars = std::string_view(c) == "chars-per-line";
            if (v < 1 || v > 1000) {
                error(at(*a), "E407",
                      std::string(c) + " " + a->value + " is out of range (1–1000)" +
                          (chars && v < 1 ? ": the measure would be narrower than one character" : ""),
                      std::string(chars ? "1行の文字数" : "1ページの行数") + " " + a->value +
                          " が範囲外です（1〜1000）",
                      chars ? "A4 minutes are usually 40 characters per line"
                            : "A4 minutes are usually 36 lines per page",
                      chars ? "A4 の議事録は 1 行 40 字が普通です" : "A4 の議事録は 1 ページ 36 行が普通です");
                continue;
            }
            (chars ? p.chars : p.lines) = v;
            p.where[c] = at(*a);
        }
    }
    if (const xml::Node* pn = e.first_child("page-number")) {
        const xml::Attribute* f = pn->find_attribute("format");
        if (f) {
            if (f->value.find("{n}") == std::string::npos)
                error(at(*f), "E422", "page-number format has no {n}: the number would not be printed",
                      "ページ番号の書式に {n} がありません（番号が印刷されません）",
                      "write e.g. format=\"- {n} -\"", "例：format=\"- {n} -\"");
            l.t.page.page_number_format = f->value;
        }
        if (const xml::Attribute* a = pn->find_attribute("position")) {
            const std::string& v = a->value;
            l.t.page.page_number_at_top = v.rfind("top", 0) == 0;
            l.t.page.page_number_align = v.find("start") != std::string::npos ? Align::start
                                         : v.find("end") != std::string::npos ? Align::end
                                                                              : Align::center;
        }
        if (const xml::Attribute* a = pn->find_attribute("font")) {
            l.t.page.page_number_font_role = a->value;
            l.font_refs.emplace_back(a->value, at(*a));
        }
        if (const xml::Attribute* a = pn->find_attribute("size"))
            if (std::optional<double> v = length_pt(*a, p.body.value_or(10.5), false))
                if (check_font_size(*a, *v)) l.t.page.page_number_size_pt = *v;
    }
    if (const xml::Node* rh = e.first_child("running-head")) l.t.page.running_head = rh->text_content();
}

void Loader::apply_fonts(const xml::Node& e, const fs::path& dir, Loaded& l) {
    std::set<std::string> seen;
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    for (const xml::Node& f : e.elements()) {
        if (f.name == "font") {
            TemplateFont font;
            font.id = f.find_attribute("id")->value;
            font.where = at(f);
            if (!seen.insert(font.id).second) {
                error(at(*f.find_attribute("id")), "E414", "font id '" + font.id + "' is declared twice",
                      "フォント id「" + font.id + "」が２回宣言されています");
                continue;
            }
            const xml::Attribute& file_attr = *f.find_attribute("file");
            const std::string& rel = file_attr.value;
            const fs::path relpath(rel);
            bool escapes = rel.empty() || relpath.is_absolute() || rel.find('\\') != std::string::npos ||
                           (rel.size() > 1 && rel[1] == ':');
            for (const fs::path& part : relpath)
                if (part == "..") escapes = true;
            fs::path resolved;
            if (!escapes) {
                resolved = fs::weakly_canonical(base / relpath, ec);
                // A symbolic link inside the folder may still point out of it.
                const std::string b = base.string() + "/";
                if (ec || resolved.string().compare(0, b.size(), b) != 0) escapes = true;
            }
            if (escapes) {
                error(at(file_attr), "E412",
                      "font file '" + rel + "' is outside the template's folder",
                      "フォントファイル「" + rel + "」がテンプレートのフォルダーの外を指しています",
                      "put the font file in the template's folder (or a subfolder) and give its path "
                      "relative to it, e.g. file=\"fonts/MyMincho.ttf\"; absolute paths and '..' are "
                      "refused so that a template cannot read other files",
                      "フォントファイルをテンプレートのフォルダー（またはその下）に置き、相対パスで指定してください"
                      "（例：file=\"fonts/MyMincho.ttf\"）。絶対パスと「..」は使えません");
                continue;
            }
            if (!fs::is_regular_file(resolved, ec)) {
                error(at(file_attr), "E413", "font file '" + rel + "' does not exist",
                      "フォントファイル「" + rel + "」がありません",
                      "the path is relative to " + base.string(), "パスは " + base.string() + " からの相対です");
                continue;
            }
            font.path = resolved.string();
            if (const xml::Attribute* a = f.find_attribute("family")) font.family = a->value;
            if (font.family.empty()) font.family = font.id;
            if (const xml::Attribute* a = f.find_attribute("style")) font.bold = a->value == "bold";
            if (const xml::Attribute* a = f.find_attribute("fallback"))
                font.fallback = a->value == "true" || a->value == "1";
            auto it = std::find_if(l.t.fonts.begin(), l.t.fonts.end(),
                                   [&](const TemplateFont& x) { return x.id == font.id; });
            if (it != l.t.fonts.end()) *it = font;
            else l.t.fonts.push_back(font);
        } else if (f.name == "role") {
            TemplateFontRole role;
            role.name = f.find_attribute("name")->value;
            role.where = at(*f.find_attribute("chain"));
            std::istringstream words(f.find_attribute("chain")->value);
            for (std::string w; words >> w;) role.chain.push_back(w);
            auto it = std::find_if(l.t.font_roles.begin(), l.t.font_roles.end(),
                                   [&](const TemplateFontRole& x) { return x.name == role.name; });
            if (it != l.t.font_roles.end()) *it = role;
            else l.t.font_roles.push_back(role);
        }
    }
}

void Loader::apply_styles(const xml::Node& e, Loaded& l) {
    std::set<std::string> seen;
    const double body = l.page.body.value_or(l.t.page.body_size_pt);
    for (const xml::Node& s : e.elements()) {
        const std::string style_name = s.find_attribute("name")->value;
        if (!seen.insert(style_name).second) {
            error(at(*s.find_attribute("name")), "E414", "style '" + style_name + "' is defined twice",
                  "スタイル「" + style_name + "」が２回定義されています",
                  "merge the two definitions", "２つの定義を１つにまとめてください");
            continue;
        }
        auto it = std::find_if(l.t.styles.begin(), l.t.styles.end(),
                               [&](const BlockStyle& b) { return b.name == style_name; });
        if (it == l.t.styles.end()) {
            BlockStyle fresh;
            fresh.name = style_name;
            fresh.font_size_pt = body;
            l.t.styles.push_back(fresh);
            l.t.style_where.push_back(at(s));
            it = l.t.styles.end() - 1;
        } else {
            l.t.style_where[static_cast<std::size_t>(it - l.t.styles.begin())] = at(s);
        }
        BlockStyle& b = *it;
        for (const xml::Attribute& a : s.attributes) {
            const std::string& n = a.name;
            if (n == "font") {
                b.font_role = a.value;
                l.font_refs.emplace_back(a.value, at(a));
            } else if (n == "size") {
                if (std::optional<double> v = length_pt(a, body, true))
                    if (check_font_size(a, *v)) b.font_size_pt = *v;
            } else if (n == "line-pitch") {
                if (std::optional<double> v = length_pt(a, body, false)) {
                    if (*v <= 0 || *v > 500)
                        error(at(a), "E408", "line-pitch must be greater than zero",
                              "行送り（line-pitch）は 0 より大きくなければなりません");
                    else b.line_pitch_pt = *v;
                }
            } else if (n == "align") {
                b.align = a.value == "start"    ? Align::start
                          : a.value == "center" ? Align::center
                          : a.value == "end"    ? Align::end
                                                : Align::justify;
            } else if (n == "keep-with-next") {
                b.keep_with_next = a.value == "true" || a.value == "1";
            } else if (n == "space-before" || n == "space-after") {
                const double v = std::strtod(a.value.c_str(), nullptr);
                if (v < 0 || v > 10) {
                    error(at(a), "E409", n + " must be between 0 and 10 lines (it is " + a.value + ")",
                          n + " は 0〜10 行の範囲で指定します（" + a.value + "）");
                    continue;
                }
                (n == "space-before" ? b.space_before : b.space_after) = v;
            } else if (n != "name") {
                std::optional<double> v = length_zw(a, body);
                if (!v) continue;
                // Range against the measure is checked in finish(), when the grid is known.
                if (*v < 0 && n != "first-line-indent") {
                    error(at(a), "E409", n + " must not be negative (it is " + a.value + ")",
                          n + " に負の値は指定できません（" + a.value + "）",
                          "indents count from the start of the measure; a hanging indent is made "
                          "with marker-width",
                          "字下げは版面の行頭から数えます。ぶら下げは marker-width で指定します");
                    continue;
                }
                if (n == "start-indent") b.start_indent = *v;
                else if (n == "first-line-indent") b.first_line_indent = *v;
                else if (n == "marker-width") b.marker_width = *v;
                else if (n == "term-width") b.term_width = *v;
                else if (n == "letter-spacing") b.letter_spacing = *v;
                else if (n == "jidori") b.jidori = *v;
            }
        }
    }
}

void Loader::apply_numbering(const xml::Node& e, Loaded& l) {
    auto format = [&](const xml::Node& n) {
        NumberFormat f;
        const xml::Attribute* fa = n.find_attribute("format");
        f.format = fa->value;
        f.where = at(*fa);
        if (f.format.find("{n}") == std::string::npos)
            error(at(*fa), "E422", "numbering format '" + f.format + "' has no {n}",
                  "番号の書式「" + f.format + "」に {n} がありません", "write e.g. format=\"（{n}）\"",
                  "例：format=\"（{n}）\"");
        const std::string c = n.find_attribute("counter") ? n.find_attribute("counter")->value : "decimal";
        f.counter = c == "katakana"      ? Counter::katakana
                    : c == "iroha"       ? Counter::iroha
                    : c == "lower-latin" ? Counter::lower_latin
                    : c == "upper-latin" ? Counter::upper_latin
                    : c == "kanji"       ? Counter::kanji
                    : c == "circled"     ? Counter::circled
                                         : Counter::decimal;
        return f;
    };
    if (const xml::Attribute* a = e.find_attribute("procedural")) l.t.number_procedural = a->value == "numbered";
    std::set<std::string> seen;
    for (const xml::Node& c : e.elements()) {
        if (c.name == "particulars") l.t.particulars_numbering = format(c);
        else if (c.name == "ordered-list") l.t.ordered_list = format(c);
        else if (c.name == "items") {
            l.t.item_levels.clear();
            for (const xml::Node& lv : c.elements()) l.t.item_levels.push_back(format(lv));
        } else if (c.name == "mark") {
            const xml::Attribute& na = *c.find_attribute("name");
            const auto& known = mark_names();
            if (std::find(known.begin(), known.end(), na.value) == known.end()) {
                const std::string s = suggest(na.value, known);
                error(at(na), "E415", "unknown mark '" + na.value + "'", "不明なマーク名「" + na.value + "」",
                      (s.empty() ? "" : "did you mean '" + s + "'? ") + "marks: " + join(known, ", "),
                      (s.empty() ? "" : "「" + s + "」の誤りではありませんか。") + "マーク名：" + join(known, "、"));
                continue;
            }
            if (!seen.insert(na.value).second) {
                error(at(na), "E414", "mark '" + na.value + "' is defined twice",
                      "マーク「" + na.value + "」が２回定義されています");
                continue;
            }
            Mark m;
            m.text = c.text_content();
            if (const xml::Attribute* alt = c.find_attribute("alt")) m.alt = alt->value;
            m.where = at(c);
            l.t.marks[na.value] = m;
        }
    }
}

void Loader::apply_dates(const xml::Node& e, Loaded& l) {
    DateStyle& d = l.t.dates;
    d.where = at(e);
    if (const xml::Attribute* a = e.find_attribute("calendar")) d.japanese_era = a->value == "japanese";
    if (const xml::Attribute* a = e.find_attribute("date")) {
        if (!text::format_date({2025, 3, 25}, a->value)) {
            error(at(*a), "E419", "ICU rejects the date pattern '" + a->value + "'",
                  "日付パターン「" + a->value + "」を ICU が受け付けません",
                  "use ICU SimpleDateFormat letters, e.g. GGGGy年M月d日（EEEE）; quote literal Latin "
                  "letters with '",
                  "ICU SimpleDateFormat の記号で書きます（例：GGGGy年M月d日（EEEE））。ラテン文字そのものは ' で囲みます");
        } else {
            d.date = a->value;
        }
    }
    for (const char* name : {"time", "time-on-the-hour"}) {
        if (const xml::Attribute* a = e.find_attribute(name)) {
            if (!text::format_time(18, 30, a->value)) {
                error(at(*a), "E419", "ICU rejects the time pattern '" + a->value + "'",
                      "時刻パターン「" + a->value + "」を ICU が受け付けません",
                      "use ICU letters, e.g. aK時m分 (a 午前/午後, K hour 0–11, h hour 1–12, m minute)",
                      "ICU の記号で書きます（例：aK時m分。a 午前/午後、K 0〜11時、h 1〜12時、m 分）");
            } else {
                (std::string_view(name) == "time" ? d.time : d.time_on_the_hour) = a->value;
            }
        }
    }
}

void Loader::apply_labels(const xml::Node& e, Loaded& l) {
    std::set<std::string> seen;
    const double body = l.page.body.value_or(l.t.page.body_size_pt);
    for (const xml::Node& c : e.elements()) {
        const xml::Attribute& ka = *c.find_attribute("key");
        if (!seen.insert(ka.value).second) {
            error(at(ka), "E414", "label '" + ka.value + "' is defined twice",
                  "ラベル「" + ka.value + "」が２回定義されています");
            continue;
        }
        LabelWord w;
        w.text = c.text_content();
        w.where = at(c);
        if (const xml::Attribute* j = c.find_attribute("jidori")) {
            if (std::optional<double> v = length_zw(*j, body)) {
                if (*v < 0) {
                    error(at(*j), "E409", "jidori must not be negative", "均等割り幅（jidori）に負の値は指定できません");
                    continue;
                }
                w.jidori = *v;
            }
        }
        l.t.labels[ka.value] = w;
    }
}

std::optional<PatternText> Loader::read_pattern(const xml::Node& e, std::string_view key,
                                                const std::vector<std::string>& allowed, Loaded& l,
                                                const std::string& ref_key) {
    PatternText p;
    p.text = e.text_content();
    const xml::Node* text = nullptr;
    for (const xml::Node& c : e.children)
        if (c.is_text()) text = &c;
    p.where = text ? TemplateLoc{file_, text->loc} : at(e);
    auto loc_of = [&](std::size_t offset) {
        return text && doc_ ? TemplateLoc{file_, xml::loc_in_text(*doc_, *text, offset)} : at(e);
    };
    PatternError err;
    std::optional<CompiledPattern> compiled = parse_pattern(p.text, err);
    if (!compiled) {
        error(loc_of(err.offset), "E416", "pattern '" + std::string(key) + "': " + err.message,
              "パターン「" + std::string(key) + "」：" + err.message_ja);
        return std::nullopt;
    }
    std::vector<const PatternPart*> values, labels;
    pattern_names(*compiled, values, labels);
    bool good = true;
    for (const PatternPart* v : values) {
        if (std::find(allowed.begin(), allowed.end(), v->text) != allowed.end()) continue;
        const std::string s = suggest(v->text, allowed);
        error(loc_of(v->offset), "E417",
              "pattern '" + std::string(key) + "' has no placeholder {" + v->text + "}",
              "パターン「" + std::string(key) + "」にプレースホルダー {" + v->text + "} はありません",
              (s.empty() ? "" : "did you mean {" + s + "}? ") +
                  (allowed.empty() ? std::string("this pattern takes no placeholders")
                                   : "placeholders: {" + join(allowed, "}, {") + "}"),
              (s.empty() ? "" : "{" + s + "} の誤りではありませんか。") +
                  (allowed.empty() ? std::string("このパターンにはプレースホルダーがありません")
                                   : "使えるもの：{" + join(allowed, "}、{") + "}"));
        good = false;
    }
    auto& refs = l.label_refs[ref_key];
    refs.clear();
    for (const PatternPart* lb : labels) refs.emplace_back(lb->text, loc_of(lb->offset));
    if (!good) return std::nullopt;
    return p;
}

void Loader::apply_wording(const xml::Node& e, Loaded& l) {
    if (const xml::Attribute* a = e.find_attribute("supplement-phrasing"))
        l.t.supplement_phrasing = a->value == "nominal" ? Phrasing::nominal : Phrasing::verbal;
    std::set<std::string> seen;
    for (const xml::Node& c : e.elements()) {
        if (c.name == "title") {
            for (auto it = l.label_refs.begin(); it != l.label_refs.end();)
                it = it->first.rfind("title#", 0) == 0 ? l.label_refs.erase(it) : std::next(it);
            l.t.title.clear();
            int i = 0;
            for (const xml::Node& line : c.elements()) {
                TitleLine t;
                t.style = line.find_attribute("style")->value;
                if (std::optional<PatternText> p =
                        read_pattern(line, "title", title_placeholders(), l, "title#" + std::to_string(i++)))
                    t.pattern = *p;
                l.t.title.push_back(t);
            }
        } else if (c.name == "pattern") {
            const xml::Attribute& ka = *c.find_attribute("key");
            const std::vector<std::string>* allowed = pattern_placeholders(ka.value);
            if (!allowed) {
                const std::string s = suggest(ka.value, pattern_keys());
                error(at(ka), "E415", "unknown pattern key '" + ka.value + "'",
                      "不明なパターンキー「" + ka.value + "」",
                      s.empty() ? "schemas/template.xsd (<wording>) lists the pattern keys"
                                : "did you mean '" + s + "'?",
                      s.empty() ? "パターンキーの一覧は schemas/template.xsd（<wording>）にあります"
                                : "「" + s + "」の誤りではありませんか");
                continue;
            }
            if (!seen.insert(ka.value).second) {
                error(at(ka), "E414", "pattern '" + ka.value + "' is defined twice",
                      "パターン「" + ka.value + "」が２回定義されています");
                continue;
            }
            if (std::optional<PatternText> p = read_pattern(c, ka.value, *allowed, l, ka.value))
                l.t.patterns[ka.value] = *p;
        }
    }
}

// ------------------------------------------------------------------ final checks

struct Paper {
    const char* name;
    double w_mm, h_mm;
};
constexpr Paper papers[] = {{"A3", 297, 420}, {"A4", 210, 297},   {"A5", 148, 210},
                            {"B4", 257, 364}, {"B5", 182, 257},   {"letter", 215.9, 279.4}};

bool Loader::finish(Loaded& l) {
    Template& t = l.t;
    PageSpec& p = l.page;
    PageSetup& page = t.page;
    auto where = [&](const char* attr) {
        auto it = p.where.find(attr);
        return it != p.where.end() ? it->second : (p.element.file.empty() ? t.where : p.element);
    };
    auto mm = [](double pt) { return format_number(std::round(units::pt_to_mm(pt) * 10) / 10) + " mm"; };
    // When values that conflict come from different files of an `extends` chain, the error
    // points at the one this template wrote: the author who narrowed the margins of an
    // installed template must be shown their own file, not the installed one (issue 6).
    auto written_here = [&](std::initializer_list<const char*> attrs) {
        for (const char* a : attrs)
            if (auto it = p.where.find(a); it != p.where.end() && it->second.file == t.file) return it->second;
        return where(*attrs.begin());
    };

    // Paper.
    if (p.paper == "custom") {
        if (!p.width || !p.height) {
            error(p.element.file.empty() ? t.where : p.element, "E423",
                  "paper=\"custom\" needs width and height", "paper=\"custom\" には width と height が必要です",
                  "e.g. width=\"210mm\" height=\"297mm\"", "例：width=\"210mm\" height=\"297mm\"");
            return false;
        }
        page.width_pt = *p.width;
        page.height_pt = *p.height;
    } else {
        if (p.width || p.height) {
            error(where(p.width ? "width" : "height"), "E423",
                  "width and height are only for paper=\"custom\" (paper is " + p.paper + ")",
                  "width と height は paper=\"custom\" のときだけ指定できます（paper は " + p.paper + "）");
            return false;
        }
        for (const Paper& pp : papers)
            if (p.paper == pp.name) {
                page.width_pt = units::mm_to_pt(pp.w_mm);
                page.height_pt = units::mm_to_pt(pp.h_mm);
            }
    }
    if (p.landscape) std::swap(page.width_pt, page.height_pt);
    if (page.width_pt < units::mm_to_pt(50) || page.height_pt < units::mm_to_pt(50) ||
        page.width_pt > units::mm_to_pt(2000) || page.height_pt > units::mm_to_pt(2000)) {
        error(where("width"), "E423", "paper size out of range (50–2000 mm)",
              "用紙サイズが範囲外です（50〜2000 mm）");
        return false;
    }

    // The grid: measure = chars × body, text block = lines × pitch (JLREQ §2.3; Word's default
    // A4 page is 10.5 pt, 40 × 36 at 18 pt).
    page.body_size_pt = p.body.value_or(10.5);
    const double body = page.body_size_pt;
    bool grid_ok = true;
    if (p.chars) {
        page.chars_per_line = static_cast<int>(*p.chars);
    } else if (p.left && p.right) {
        const double room = page.width_pt - *p.left - *p.right;
        const double n = std::floor(room / body + 1e-9);
        if (n < 1) {
            error(where("margin-left"), "E407",
                  "the margins leave " + mm(std::max(room, 0.0)) +
                      " for the text: the measure is narrower than one character (" + mm(body) + ")",
                  "左右の余白を除くと本文の幅が " + mm(std::max(room, 0.0)) + " しかなく、1 字（" + mm(body) +
                      "）に足りません",
                  "make margin-left and margin-right smaller, or give chars-per-line and leave them out",
                  "左右の余白を小さくするか、chars-per-line を指定して余白を省いてください");
            return false;
        }
        page.chars_per_line = static_cast<int>(n);
    } else {
        page.chars_per_line = 40;
    }
    const double measure = page.chars_per_line * body;
    if (p.left && p.right) {
        if (*p.left + *p.right + measure > page.width_pt + 0.01) {
            error(written_here({"chars-per-line", "margin-left", "margin-right"}), "E407",
                  std::to_string(page.chars_per_line) + " characters of " + format_number(body) + " pt (" +
                      mm(measure) + ") do not fit between the margins (" +
                      mm(page.width_pt - *p.left - *p.right) + ")",
                  std::to_string(page.chars_per_line) + " 字 × " + format_number(body) + " pt（" + mm(measure) +
                      "）が左右の余白の間（" + mm(page.width_pt - *p.left - *p.right) + "）に収まりません",
                  "leave out margin-left or margin-right to derive it from the grid",
                  "margin-left か margin-right を省くと版面から求めます");
            grid_ok = false;
        }
        page.margin_left_pt = *p.left;
        page.margin_right_pt = page.width_pt - *p.left - measure;
    } else if (p.left || p.right) {
        const double given = p.left ? *p.left : *p.right;
        const double other = page.width_pt - given - measure;
        page.margin_left_pt = p.left ? given : other;
        page.margin_right_pt = p.left ? other : given;
    } else {
        page.margin_left_pt = page.margin_right_pt = (page.width_pt - measure) / 2;
    }
    if (grid_ok && (page.margin_left_pt <= 0 || page.margin_right_pt <= 0)) {
        error(where(p.chars ? "chars-per-line" : "body-size"), "E407",
              std::to_string(page.chars_per_line) + " characters of " + format_number(body) + " pt (" +
                  mm(measure) + ") are wider than the paper allows (" + mm(page.width_pt) + " wide)",
              std::to_string(page.chars_per_line) + " 字 × " + format_number(body) + " pt（" + mm(measure) +
                  "）が用紙の幅（" + mm(page.width_pt) + "）に収まりません",
              "give fewer characters per line or a smaller body size",
              "1 行の文字数を減らすか、本文の文字サイズを小さくしてください");
        grid_ok = false;
    }

    page.lines_per_page = p.lines ? static_cast<int>(*p.lines) : 36;
    const int lines = page.lines_per_page;
    if (p.pitch) {
        page.line_pitch_pt = *p.pitch;
    } else if (p.top && p.bottom) {
        page.line_pitch_pt = (page.height_pt - *p.top - *p.bottom) / lines;
    } else {
        // Word's default ratio: 18 pt pitch for 10.5 pt type.
        page.line_pitch_pt = body * 18.0 / 10.5;
    }
    if (page.line_pitch_pt < body) {
        error(where(p.pitch ? "line-pitch" : "lines-per-page"), "E408",
              "line pitch " + format_number(page.line_pitch_pt) + " pt is smaller than the body size " +
                  format_number(body) + " pt: lines would overlap",
              "行送り " + format_number(page.line_pitch_pt) + " pt が本文の文字サイズ " + format_number(body) +
                  " pt より小さく、行が重なります",
              "give fewer lines per page or a larger line-pitch (about 1.7 × the body size)",
              "1 ページの行数を減らすか、行送りを大きくしてください（本文サイズの 1.7 倍程度）");
        grid_ok = false;
    }
    const double block = lines * page.line_pitch_pt;
    if (p.top && p.bottom) {
        if (*p.top + *p.bottom + block > page.height_pt + 0.01 && grid_ok) {
            error(written_here({"lines-per-page", "margin-top", "margin-bottom"}), "E407",
                  std::to_string(lines) + " lines at " + format_number(page.line_pitch_pt) + " pt (" +
                      mm(block) + ") do not fit between the top and bottom margins (" +
                      mm(page.height_pt - *p.top - *p.bottom) + ")",
                  std::to_string(lines) + " 行 × " + format_number(page.line_pitch_pt) + " pt（" + mm(block) +
                      "）が上下の余白の間（" + mm(page.height_pt - *p.top - *p.bottom) + "）に収まりません",
                  "leave out margin-bottom to derive it from the grid, or give fewer lines",
                  "margin-bottom を省くと版面から求めます。または行数を減らしてください");
            grid_ok = false;
        }
        page.margin_top_pt = *p.top;
        page.margin_bottom_pt = page.height_pt - *p.top - block;
    } else if (p.top || p.bottom) {
        const double given = p.top ? *p.top : *p.bottom;
        page.margin_top_pt = p.top ? given : page.height_pt - given - block;
        page.margin_bottom_pt = p.top ? page.height_pt - given - block : given;
    } else {
        page.margin_top_pt = page.margin_bottom_pt = (page.height_pt - block) / 2;
    }
    if (grid_ok && (page.margin_top_pt <= 0 || page.margin_bottom_pt <= 0)) {
        error(where(p.lines ? "lines-per-page" : "line-pitch"), "E407",
              std::to_string(lines) + " lines at " + format_number(page.line_pitch_pt) + " pt (" + mm(block) +
                  ") are taller than the paper allows (" + mm(page.height_pt) + " high)",
              std::to_string(lines) + " 行 × " + format_number(page.line_pitch_pt) + " pt（" + mm(block) +
                  "）が用紙の高さ（" + mm(page.height_pt) + "）に収まりません",
              "give fewer lines per page or a smaller line-pitch",
              "1 ページの行数を減らすか、行送りを小さくしてください");
    }

    // Styles against the measure.
    const double cpl = page.chars_per_line;
    for (std::size_t i = 0; i < t.styles.size(); ++i) {
        const BlockStyle& s = t.styles[i];
        const TemplateLoc& w = t.style_where[i];
        auto over = [&](double v, const char* what) {
            if (v <= cpl) return;
            error(w, "E409",
                  "style '" + s.name + "': " + what + " " + format_number(v) + " zw is wider than the measure (" +
                      std::to_string(page.chars_per_line) + " zw)",
                  "スタイル「" + s.name + "」：" + what + " " + format_number(v) + " 全角が版面の幅（" +
                      std::to_string(page.chars_per_line) + " 全角）を超えています");
        };
        over(s.start_indent + s.marker_width, "start-indent + marker-width");
        over(s.term_width, "term-width");
        over(s.jidori, "jidori");
        over(s.start_indent + s.marker_width + std::max(s.first_line_indent, 0.0), "the first line's indent");
        if (s.start_indent + s.first_line_indent < 0)
            error(w, "E409", "style '" + s.name + "': first-line-indent reaches before the start of the measure",
                  "スタイル「" + s.name + "」：first-line-indent が版面の行頭より前に出ています");
        if (s.letter_spacing > 10)
            error(w, "E409", "style '" + s.name + "': letter-spacing above 10 zw",
                  "スタイル「" + s.name + "」：letter-spacing が 10 全角を超えています");
    }

    // Font roles and ids.
    std::vector<std::string> roles = options_.fonts.roles;
    std::vector<std::string> ids = options_.fonts.font_ids;
    for (const TemplateFont& f : t.fonts) ids.push_back(f.id);
    for (const TemplateFontRole& r : t.font_roles) {
        roles.push_back(r.name);
        if (r.chain.empty())
            error(r.where, "E411", "font role '" + r.name + "' has an empty chain",
                  "フォントロール「" + r.name + "」のフォールバック列が空です");
        for (const std::string& id : r.chain) {
            if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
            const std::string s = suggest(id, ids);
            error(r.where, "E411", "font role '" + r.name + "' names an unknown font '" + id + "'",
                  "フォントロール「" + r.name + "」に不明なフォント「" + id + "」があります",
                  (s.empty() ? "" : "did you mean '" + s + "'? ") + "fonts: " + join(ids, ", "),
                  (s.empty() ? "" : "「" + s + "」の誤りではありませんか。") + "フォント：" + join(ids, "、"));
        }
    }
    for (const auto& [role, w] : l.font_refs) {
        if (std::find(roles.begin(), roles.end(), role) != roles.end()) continue;
        const std::string s = suggest(role, roles);
        error(w, "E410", "unknown font role '" + role + "'", "不明なフォントロール「" + role + "」",
              (s.empty() ? "" : "did you mean '" + s + "'? ") + "roles: " + join(roles, ", ") +
                  " (fonts/fonts.xml, or <role> in the template's <fonts>)",
              (s.empty() ? "" : "「" + s + "」の誤りではありませんか。") + "ロール：" + join(roles, "、") +
                  "（fonts/fonts.xml またはテンプレートの <fonts> の <role>）");
    }

    // Title line styles and {@label} references.
    for (const TitleLine& line : t.title) {
        std::string n = line.style;
        while (!n.empty() && !t.find_style(n)) {
            const char* f = style_fallback(n);
            n = f ? f : "";
        }
        if (n.empty())
            error(line.pattern.where, "E421", "title line style '" + line.style + "' is not defined",
                  "タイトル行のスタイル「" + line.style + "」が定義されていません",
                  "define it in <styles>, or define the style 'body' every style falls back to",
                  "<styles> で定義するか、すべてのスタイルの既定となる「body」を定義してください");
    }
    for (const auto& [key, refs] : l.label_refs) {
        for (const auto& [label, w] : refs) {
            if (t.find_label(label)) continue;
            std::vector<std::string> keys;
            for (const auto& kv : t.labels) keys.push_back(kv.first);
            const std::string s = suggest(label, keys);
            error(w, "E418", "pattern uses {@" + label + "}, but the template has no label '" + label + "'",
                  "パターンが {@" + label + "} を使っていますが、ラベル「" + label + "」が定義されていません",
                  s.empty() ? "add <label key=\"" + label + "\"> to <labels>" : "did you mean {@" + s + "}?",
                  s.empty() ? "<labels> に <label key=\"" + label + "\"> を追加してください"
                            : "{@" + s + "} の誤りではありませんか");
        }
    }
    return ok_;
}

}  // namespace

std::optional<FontNames> read_font_names(const std::string& manifest_path, Diagnostics& diags) {
    std::optional<std::string> bytes = read_whole_file(manifest_path);
    if (!bytes) {
        diags.error("E424", manifest_path, {}, "cannot read the font manifest", "フォント定義ファイルを読めません");
        return std::nullopt;
    }
    std::optional<xml::Document> doc = xml::read(*bytes, manifest_path, nullptr, xml::ReadOptions{}, diags);
    if (!doc) return std::nullopt;
    FontNames names;
    names.roles.clear();
    names.font_ids.clear();
    for (const xml::Node& e : doc->root.elements()) {
        if (e.name == "font")
            if (const xml::Attribute* a = e.find_attribute("id")) names.font_ids.push_back(a->value);
        if (e.name == "role")
            if (const xml::Attribute* a = e.find_attribute("name")) names.roles.push_back(a->value);
    }
    return names;
}

namespace {

bool looks_like_path(std::string_view s) {
    return s.find('/') != std::string_view::npos ||
           (s.size() > 4 && s.substr(s.size() - 4) == ".xml");
}

}  // namespace

std::optional<Template> load_template(std::string_view name_or_path, const std::string& templates_dir,
                                      Diagnostics& diags, const LoadOptions& options) {
    Loader loader(templates_dir, diags, options);
    fs::path path;
    if (looks_like_path(name_or_path)) {
        path = fs::path(std::string(name_or_path));
    } else {
        bool found = false;
        for (const fs::path& candidate :
             {fs::path(templates_dir) / (std::string(name_or_path) + ".xml"),
              fs::path(templates_dir) / std::string(name_or_path) / "template.xml"}) {
            std::error_code ec;
            if (fs::is_regular_file(candidate, ec)) {
                path = candidate;
                found = true;
                break;
            }
        }
        if (!found) {
            std::vector<std::string> ids;
            for (const TemplateInfo& info : list_templates(templates_dir)) ids.push_back(info.id);
            const std::string s = suggest(name_or_path, ids);
            diags.error("E401", std::string(name_or_path), {},
                        "no template named '" + std::string(name_or_path) + "' in " + templates_dir,
                        templates_dir + " にテンプレート「" + std::string(name_or_path) + "」がありません",
                        (s.empty() ? "" : "did you mean '" + s + "'? ") + "installed: " + join(ids, ", "),
                        (s.empty() ? "" : "「" + s + "」の誤りではありませんか。") + "導入済み：" + join(ids, "、"));
            return std::nullopt;
        }
    }
    std::optional<Loaded> l = loader.load_file(path, TemplateLoc{path.string(), {}});
    if (!l || !loader.finish(*l)) return std::nullopt;
    return std::move(l->t);
}

std::optional<Template> load_template_bytes(std::string_view bytes, const std::string& file_name,
                                            const std::string& templates_dir, Diagnostics& diags,
                                            const LoadOptions& options) {
    Loader loader(templates_dir, diags, options);
    const fs::path p(file_name);
    std::optional<Loaded> l = loader.load_bytes(bytes, file_name, p.has_parent_path() ? p.parent_path() : fs::path("."),
                                                std::string());
    if (!l || !loader.finish(*l)) return std::nullopt;
    return std::move(l->t);
}

std::vector<TemplateInfo> list_templates(const std::string& templates_dir) {
    std::vector<TemplateInfo> out;
    std::error_code ec;
    fs::directory_iterator it(templates_dir, ec), end;
    if (ec) return out;
    for (; it != end; it.increment(ec)) {
        if (ec) break;
        fs::path file;
        std::string stem;
        if (it->is_regular_file(ec) && it->path().extension() == ".xml") {
            file = it->path();
            stem = file.stem().string();
        } else if (it->is_directory(ec) && fs::is_regular_file(it->path() / "template.xml", ec)) {
            file = it->path() / "template.xml";
            stem = it->path().filename().string();
        } else {
            continue;
        }
        TemplateInfo info;
        info.id = stem;
        info.path = file.string();
        std::optional<std::string> bytes = read_whole_file(file);
        Diagnostics ignored;
        std::optional<xml::Document> doc;
        if (bytes) doc = xml::read(*bytes, file.string(), nullptr, xml::ReadOptions{}, ignored);
        if (!doc || !doc->root.is("template", template_namespace)) {
            info.valid = false;
        } else {
            if (const xml::Attribute* a = doc->root.find_attribute("id")) info.id = a->value;
            if (const xml::Node* n = doc->root.first_child("name")) info.name = n->text_content();
            if (const xml::Node* d = doc->root.first_child("description")) info.description = d->text_content();
        }
        out.push_back(std::move(info));
    }
    std::sort(out.begin(), out.end(), [](const TemplateInfo& a, const TemplateInfo& b) { return a.id < b.id; });
    return out;
}

}  // namespace gijiroku::style
