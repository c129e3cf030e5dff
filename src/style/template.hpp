// style::Template — one official layout's conventions as data (schemas/template.xsd), so a city
// hall can publish minutes in its own house style without recompiling (DESIGN §1: every label
// a reader sees is made from the template by style::resolve).
//
// A template is read like a document: xml::read against xml::template_schema(), then the
// semantic checks of this module (E4xx, docs/diagnostics.md): sizes and margins in range, a
// page grid that fits the paper, known font roles, font files inside the template's own
// folder, known pattern keys and placeholders, `extends` chains without cycles.
//
// Template files live in a templates folder as ID.xml or ID/template.xml (a folder when the
// template brings its own font files). `extends="ID"` is looked up in the extending
// template's folder first, then in the templates folder.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source_loc.hpp"
#include "style/styled_doc.hpp"
#include "text/digits.hpp"

namespace gijiroku::style {

// Where a template value was written: the file (an extended template's values keep their
// own file) and the line:col of the element or attribute. Diagnostics about a value name it.
struct TemplateLoc {
    std::string file;
    SourceLoc loc;
};

// How a number is written in a numbering label: 1 ア イ a A 一 ① (template.xsd Counter).
enum class Counter : std::uint8_t { decimal, katakana, iroha, lower_latin, upper_latin, kanji, circled };

// One numbering format: 「（{n}）」 with katakana → 「（ア）」.
struct NumberFormat {
    std::string format;  // the label with {n}
    Counter counter = Counter::decimal;
    TemplateLoc where;
};

// A list mark: 「・」, 「→」 said as 「回答」.
struct Mark {
    std::string text;
    std::string alt;  // what assistive technology says instead; empty: the text itself
    TemplateLoc where;
};

// A label word (日時, 会場, 議事要旨 …) and its 均等割り width.
struct LabelWord {
    std::string text;
    double jidori = -1;  // zw; < 0: the width of the style the label is set in
    TemplateLoc where;
};

// The wording of one generated phrase, with its placeholders (see pattern.hpp).
struct PatternText {
    std::string text;
    TemplateLoc where;  // where the pattern's text starts (for errors inside the pattern)
};

// One line of the title heading: its pattern and the style it is set in.
struct TitleLine {
    std::string style;
    PatternText pattern;
};

// A font file the template brings (schemas/template.xsd <font>), resolved against the
// template's folder. The path is absolute and known to stay inside that folder.
struct TemplateFont {
    std::string id;
    std::string path;
    std::string family;
    bool bold = false;
    bool fallback = false;
    TemplateLoc where;
};

// A fallback chain replacing fonts.xml's for a role (or defining a new role).
struct TemplateFontRole {
    std::string name;
    std::vector<std::string> chain;  // font ids
    TemplateLoc where;
};

// The date and time patterns of the template (ICU SimpleDateFormat, through text::).
struct DateStyle {
    bool japanese_era = true;                   // 令和７年 / fiscal year 令和６; else 2025年 / 2024
    std::string date = "GGGGy年M月d日（EEEE）";  // 令和７年３月25日（火曜日）
    std::string time = "aK時m分";               // 午後６時30分
    std::string time_on_the_hour;               // 午後２時; empty: `time` also on the hour
    TemplateLoc where;
};

enum class Phrasing : std::uint8_t { verbal, nominal };

struct Template {
    std::string id;
    std::string name;
    std::string description;
    std::string extends;    // the id of the extended template (empty: none)
    std::string file;       // path of the template file as loaded
    std::string dir;        // its folder (absolute): font paths are relative to it
    std::vector<std::string> chain;  // ids from this template up its `extends` chain

    PageSetup page;
    KinsokuSetting kinsoku;
    double latin_spacing = 0.25;  // zw

    std::vector<TemplateFont> fonts;
    std::vector<TemplateFontRole> font_roles;

    std::vector<BlockStyle> styles;         // by name, in the order first defined
    std::vector<TemplateLoc> style_where;   // parallel to `styles`

    NumberFormat particulars_numbering{"{n}", Counter::decimal, {}};
    std::vector<NumberFormat> item_levels;  // depth 1, 2, …; deeper items use the last
    NumberFormat ordered_list{"{n}", Counter::decimal, {}};
    bool number_procedural = true;          // procedural items (開会 …) take a number
    std::map<std::string, Mark> marks;      // bullet, answer, question, note, qa-question, qa-answer

    text::DigitStyle digits = text::DigitStyle::preserve;
    DateStyle dates;

    std::map<std::string, LabelWord> labels;
    std::vector<TitleLine> title;
    std::map<std::string, PatternText> patterns;
    Phrasing supplement_phrasing = Phrasing::verbal;

    std::string css;

    TemplateLoc where;  // the root element of the template file itself

    const BlockStyle* find_style(std::string_view name) const;
    const PatternText* find_pattern(std::string_view key) const;
    const LabelWord* find_label(std::string_view key) const;
    const Mark* find_mark(std::string_view name) const;
};

// The font names a template may refer to besides its own: the roles and font ids of the
// font manifest (fonts/fonts.xml). The default is the manifest as shipped.
struct FontNames {
    std::vector<std::string> roles{"mincho", "gothic", "gothic-bold"};
    std::vector<std::string> font_ids{"bizud-mincho", "bizud-gothic", "bizud-gothic-bold",
                                      "ipamj-mincho"};
};

// Reads the role names and font ids of a font manifest (fonts/fonts.xml, fonts/README.md).
// nullopt, with an E4xx diagnostic, when the file cannot be read.
std::optional<FontNames> read_font_names(const std::string& manifest_path, Diagnostics& diags);

struct LoadOptions {
    FontNames fonts;
    // Longest `extends` chain; a longer one is reported like a cycle (E4xx), never followed.
    int max_extends_depth = 16;
};

// Loads a template by id (looked up as ID.xml or ID/template.xml in `templates_dir`) or by
// path (anything containing '/' or ending in .xml), follows `extends`, and checks it. Returns
// nullopt when any error was reported; every problem is reported, not only the first.
std::optional<Template> load_template(std::string_view name_or_path,
                                      const std::string& templates_dir, Diagnostics& diags,
                                      const LoadOptions& options = {});

// The same from bytes already in memory (tests, stdin). `file_name` labels diagnostics and,
// with its folder, anchors font paths and `extends` look-ups.
std::optional<Template> load_template_bytes(std::string_view bytes, const std::string& file_name,
                                            const std::string& templates_dir, Diagnostics& diags,
                                            const LoadOptions& options = {});

// One entry of `gijiroku templates`.
struct TemplateInfo {
    std::string id;
    std::string name;
    std::string description;
    std::string path;
    bool valid = true;  // false: the file could not be read or is not a template
};

// The templates installed in `templates_dir` (ID.xml and ID/template.xml), sorted by id.
// Reads only each file's id, name and description; it does not check the templates.
std::vector<TemplateInfo> list_templates(const std::string& templates_dir);

// Every pattern key a template may define, sorted (for docs and "did you mean").
const std::vector<std::string>& pattern_keys();

// The placeholders a pattern key accepts ({name} and {?name}); nullptr for an unknown key.
const std::vector<std::string>* pattern_placeholders(std::string_view key);

// The style names resolve() uses, with the style each falls back to when a template does not
// define it ("answer-item" → "opinion-item" → "list-item" → "body"). "body" has no fallback.
const char* style_fallback(std::string_view style_name);

}  // namespace gijiroku::style
