// libxml2's schema validity errors, re-said in words a clerk understands (English and
// Japanese), each kind with its own stable code, pointing at the element or attribute.
//
// libxml2 2.9 writes every validity error as
//     Element '<name>'[, attribute '<name>']: <detail>
// where a name in a namespace is written "{uri}local". The details matched here are those of
// xmlschemas.c (2.9.x); anything not recognised is kept verbatim under E299.

#include <libxml/tree.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "core/utf8.hpp"
#include "xml/libxml_impl.hpp"
#include "xml/markup_impl.hpp"
#include "xml/reader_impl.hpp"
#include "xml/text_util_impl.hpp"

namespace gijiroku::xml {
namespace {

std::string to_string(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

std::string local_part(std::string_view qname) {
    const std::size_t colon = qname.find(':');
    return std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
}

// "{urn:x}title" → {"urn:x", "title"}.
std::pair<std::string, std::string> split_clark(std::string_view name) {
    if (name.starts_with("{")) {
        const std::size_t close = name.find('}');
        if (close != std::string_view::npos)
            return {std::string(name.substr(1, close - 1)), std::string(name.substr(close + 1))};
    }
    return {"", std::string(name)};
}

// How a document writes an attribute libxml2 names "{uri}local".
std::string attribute_display(std::string_view clark) {
    const auto [ns, local] = split_clark(clark);
    if (ns == xml_namespace) return "xml:" + local;
    return local;
}

// Text between `before` and the next `after`, or "".
std::string between(std::string_view s, std::string_view before, std::string_view after) {
    const std::size_t a = s.find(before);
    if (a == std::string_view::npos) return "";
    const std::size_t start = a + before.size();
    const std::size_t b = s.find(after, start);
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(start, b - start));
}

// Values are quoted in messages; a whole paragraph would drown the message.
std::string shorten(std::string_view value) {
    constexpr std::size_t max_chars = 40;
    if (utf8::length(value) <= max_chars) return std::string(value);
    std::size_t pos = 0;
    for (std::size_t i = 0; i < max_chars; ++i) utf8::next(value, pos);
    return std::string(value.substr(0, pos)) + "…";
}

// The last '…'-quoted text of a libxml2 message (the limit of a length facet, a fixed value).
std::string last_quoted(std::string_view s) {
    const std::size_t close = s.rfind('\'');
    if (close == std::string_view::npos || close == 0) return "";
    const std::size_t open = s.rfind('\'', close - 1);
    if (open == std::string_view::npos) return "";
    return std::string(s.substr(open + 1, close - open - 1));
}

struct Expected {
    std::vector<std::string> names;  // local names of elements
    std::vector<std::string> ns;     // their namespaces
    std::vector<std::string> shown;  // as shown: "<title>", "any element from another namespace"
    std::vector<std::string> shown_ja;
};

// "Expected is ( {urn:x}a )." / "Expected is one of ( {urn:x}a, b, ##other{urn:x}* )."
Expected parse_expected(std::string_view detail) {
    Expected e;
    std::size_t at = detail.find("Expected is ");
    if (at == std::string_view::npos) return e;
    const std::size_t open = detail.find("( ", at);
    const std::size_t close = detail.rfind(" )");
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return e;
    std::string_view list = detail.substr(open + 2, close - open - 2);
    while (!list.empty()) {
        const std::size_t comma = list.find(", ");
        const std::string_view item = list.substr(0, comma);
        if (item.ends_with("*")) {
            if (item.starts_with("##other")) {
                e.shown.push_back("any element from another namespace");
                e.shown_ja.push_back("別の名前空間の任意の要素");
            } else {
                e.shown.push_back("any element");
                e.shown_ja.push_back("任意の要素");
            }
        } else {
            auto [ns, local] = split_clark(item);
            e.shown.push_back("<" + local + ">");
            e.shown_ja.push_back("<" + local + ">");
            e.names.push_back(std::move(local));
            e.ns.push_back(std::move(ns));
        }
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 2);
    }
    return e;
}

std::string expected_en(const Expected& e) {
    return e.shown.size() == 1 ? e.shown[0] : "one of " + join_en(e.shown);
}
// "置けるのは <title> です" / "置けるのは <a>、<b> のいずれかです".
std::string expected_ja(const Expected& e) {
    return e.shown.size() == 1 ? e.shown_ja[0] + " です" : join_ja(e.shown_ja) + " のいずれかです";
}

struct Description {
    std::string en, ja;
};

// What a value of a built-in XSD type (XSD 1.0 Part 2 §3.2–3.3) looks like, in a clerk's words.
Description describe_builtin(std::string_view local) {
    static const struct {
        std::string_view type, en, ja;
    } table[] = {
        {"date", "a date like 2025-03-25", "2025-03-25 のような日付"},
        {"time", "a time like 18:30:00", "18:30:00 のような時刻"},
        {"dateTime", "a date and time like 2025-03-25T18:30:00",
         "2025-03-25T18:30:00 のような日時"},
        {"gYear", "a year like 2025", "2025 のような西暦年"},
        {"gYearMonth", "a year and month like 2025-03", "2025-03 のような年月"},
        {"duration", "a duration like PT1H30M (1 hour 30 minutes)",
         "PT1H30M（1 時間 30 分）のような期間"},
        {"integer", "a whole number", "整数"},
        {"int", "a whole number", "整数"},
        {"long", "a whole number", "整数"},
        {"short", "a whole number", "整数"},
        {"positiveInteger", "a whole number of 1 or more", "1 以上の整数"},
        {"nonNegativeInteger", "a whole number of 0 or more", "0 以上の整数"},
        {"unsignedInt", "a whole number of 0 or more", "0 以上の整数"},
        {"decimal", "a number like 10.5", "10.5 のような数"},
        {"boolean", "true or false", "true か false"},
        {"language", "a language code like ja or en", "ja や en のような言語コード"},
        {"anyURI", "a URI", "URI"},
        {"ID", "an identifier: letters, digits, '-', '_' or '.', not starting with a digit",
         "識別子（英字・数字・「-」「_」「.」。数字で始めない）"},
        {"NCName", "a name: letters, digits, '-', '_' or '.', not starting with a digit",
         "名前（英字・数字・「-」「_」「.」。数字で始めない）"},
        {"IDREF", "the identifier (id) of another element", "別の要素の識別子（id）"},
        {"IDREFS", "identifiers (ids) of other elements, separated by spaces",
         "空白で区切った、別の要素の識別子（id）"},
        {"NMTOKEN", "a single word without spaces", "空白を含まない語"},
    };
    for (const auto& row : table)
        if (row.type == local) return {std::string(row.en), std::string(row.ja)};
    return {};
}

// `qname` as the schema writes it ("xs:date", "t:meetingDate") or as libxml2 reports it
// ("{urn:x}meetingDate"); named simple types are followed to the built-in type they restrict.
Description describe_type(const Schema* schema, std::string qname) {
    for (int step = 0; step < 16 && !qname.empty(); ++step) {
        bool builtin = qname.starts_with("xs:") || qname.starts_with("xsd:");
        std::string local;
        if (qname.starts_with("{")) {
            auto [ns, name] = split_clark(qname);
            builtin = ns == "http://www.w3.org/2001/XMLSchema";
            local = std::move(name);
        } else {
            local = local_part(qname);
        }
        if (schema && !builtin) {
            const auto& bases = schema->impl().names().simple_type_bases;
            const auto it = bases.find(local);
            if (it != bases.end()) {
                qname = it->second;
                continue;
            }
        }
        return describe_builtin(local);
    }
    return {};
}

// The local name of the built-in type `qname` is or restricts ("" when unknown).
std::string builtin_base(const Schema* schema, std::string qname) {
    for (int step = 0; step < 16 && !qname.empty(); ++step) {
        std::string local = qname.starts_with("{") ? split_clark(qname).second : local_part(qname);
        const bool builtin = qname.starts_with("xs:") || qname.starts_with("xsd:") ||
                             qname.starts_with("{http://www.w3.org/2001/XMLSchema}");
        if (!builtin && schema) {
            const auto& bases = schema->impl().names().simple_type_bases;
            const auto it = bases.find(local);
            if (it != bases.end()) {
                qname = it->second;
                continue;
            }
        }
        return local;
    }
    return "";
}

bool has_full_width_digit(std::string_view s) {
    for (char32_t c : utf8::decode(s))
        if (c >= U'\uFF10' && c <= U'\uFF19') return true;
    return false;
}

// What libxml2 said is wrong with a value, as "expected …" sentences. `value` is the value as
// the document has it.
struct ValueProblem {
    std::string en, ja;           // the explanation
    std::string hint, hint_ja;    // e.g. "did you mean …?"
    bool duplicate_id = false;    // an xs:ID used twice (libxml2 reports it as an invalid value)
};

ValueProblem explain_value(const ReadState& st, std::string_view detail, const std::string& value,
                           const std::string& declared_type_key) {
    ValueProblem p;
    const std::string facet = between(detail, "[facet '", "']");
    if (facet == "enumeration") {
        std::vector<std::string> allowed;
        std::string set = between(detail, "set {", "}.");
        std::string_view rest = set;
        while (!rest.empty()) {
            const std::size_t end = rest.find("', '");
            std::string item(rest.substr(0, end));
            if (item.starts_with("'")) item.erase(0, 1);
            if (end == std::string_view::npos && item.ends_with("'")) item.pop_back();
            allowed.push_back(std::move(item));
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 3);
        }
        p.en = "use one of: " + join_en(allowed);
        p.ja = "次のいずれかにしてください: " + join_ja(allowed);
        const std::string guess = closest(value, allowed);
        if (!guess.empty()) {
            p.hint = "did you mean '" + guess + "'?";
            p.hint_ja = "「" + guess + "」の誤りではありませんか？";
        }
        return p;
    }
    if (facet == "pattern") {
        const std::string pattern = between(detail, "by the pattern '", "'.");
        p.en = "it does not have the required form (the pattern " + pattern + ")";
        p.ja = "決められた形式（パターン " + pattern + "）に合っていません";
        return p;
    }
    if (facet == "maxLength" || facet == "minLength" || facet == "length") {
        const std::string n = last_quoted(detail);
        const std::string have = std::to_string(utf8::length(value));
        if (facet == "maxLength") {
            p.en = "it is " + have + " characters long; at most " + n + " are allowed";
            p.ja = have + " 文字あります。" + n + " 文字以内にしてください";
        } else if (facet == "minLength") {
            p.en = "it is " + have + " characters long; at least " + n + " are needed";
            p.ja = have + " 文字しかありません。" + n + " 文字以上必要です";
        } else {
            p.en = "it must be exactly " + n + " characters long";
            p.ja = n + " 文字ちょうどにしてください";
        }
        return p;
    }
    if (facet == "minInclusive" || facet == "maxInclusive") {
        const std::string limit = between(detail, "allowed ('", "')");
        p.en = (facet == "minInclusive" ? "it must be at least " : "it must be at most ") + limit;
        p.ja = limit + (facet == "minInclusive" ? " 以上にしてください" : " 以下にしてください");
        return p;
    }
    if (facet == "minExclusive" || facet == "maxExclusive") {
        const std::string limit =
            between(detail, facet == "minExclusive" ? "greater than '" : "less than '", "'");
        p.en = (facet == "minExclusive" ? "it must be greater than " : "it must be less than ") + limit;
        p.ja = limit + (facet == "minExclusive" ? " より大きくしてください" : " 未満にしてください");
        return p;
    }
    if (!facet.empty()) {  // totalDigits, fractionDigits, ...: keep libxml2's words
        p.en = std::string(detail);
        p.ja = std::string(detail);
        return p;
    }
    if (detail.find("fixed value constraint") != std::string_view::npos ||
        detail.find("does not match the fixed value") != std::string_view::npos) {
        const std::string f = last_quoted(detail);
        p.en = "it must be '" + f + "'";
        p.ja = "「" + f + "」でなければなりません";
        return p;
    }
    // "'x' is not a valid value of the atomic type 'xs:date'." / "... of the local atomic type."
    // / "... of the list type 'T'." / "... of the union type 'T'."
    std::string type = between(detail, " type '", "'");
    if (type.empty()) {
        const auto& types = st.schema->impl().names().value_types;
        const auto it = types.find(declared_type_key);
        if (it != types.end()) type = it->second;
    }
    if (local_part(type) == "ID" && xmlValidateNCName(reinterpret_cast<const xmlChar*>(value.c_str()), 0) == 0) {
        p.duplicate_id = true;
        return p;
    }
    const Description d = describe_type(st.schema, type);
    // XSD 1.0 names follow XML 1.0 4th edition (Appendix B), whose letters leave out, among
    // others, the CJK compatibility ideographs: 﨑 U+FA11 cannot be part of an id although 崎 can.
    const std::string base = builtin_base(st.schema, type);
    if (base == "ID" || base == "IDREF" || base == "IDREFS" || base == "NCName" || base == "NMTOKEN" ||
        base == "NMTOKENS" || base == "Name") {
        std::string compat;
        for (char32_t c : utf8::decode(value))
            if (c >= 0xF900 && c <= 0xFAFF && compat.empty())
                compat = utf8::encode(c) + " (" + utf8::code_point_name(c) + ")";
        if (!compat.empty()) {
            p.hint = compat + " is a CJK compatibility ideograph, which XML names may not contain; "
                              "write identifiers in ASCII letters and digits, e.g. iwasaki";
            p.hint_ja = compat + " は CJK 互換漢字で、XML の名前には使えません。識別子は iwasaki のように"
                                 "半角英数字で書いてください";
        }
    }
    if (has_full_width_digit(value)) {
        p.hint = "write digits half-width (0-9), not full-width (０-９)";
        p.hint_ja = "数字は全角（０～９）ではなく半角（0～9）で書いてください";
    }
    if (!d.en.empty()) {
        p.en = "expected " + d.en;
        p.ja = d.ja + "を指定してください";
    } else if (!type.empty() && type.find(':') == std::string::npos && !type.starts_with("{")) {
        p.en = "it is not a valid " + type;
        p.ja = type + " として正しくありません";
    } else {
        p.en = std::string(detail);
        p.ja = std::string(detail);
    }
    return p;
}

const xmlNode* first_child_element(const xmlNode* n) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return c;
    return nullptr;
}

// The first character of non-blank text directly inside `n`, or its first text.
bool first_text_offset(const ReadState& st, const xmlNode* n, bool non_blank, std::size_t& out) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) continue;
        std::size_t start = 0;
        if (!node_offset(c, start)) continue;
        const std::string value = to_string(c->content);
        std::size_t i = 0;
        if (non_blank) {
            while (i < value.size() && is_xml_space(value[i])) ++i;
            if (i == value.size()) continue;
        }
        out = source_offset_in_text(st.src, start, i);
        return true;
    }
    return false;
}

std::string text_of(const xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string s = to_string(v);
    if (v) xmlFree(v);
    return s;
}

}  // namespace

void report_schema_error(ReadState& st, const xmlError* err) {
    const std::string raw = error_text(err);
    const std::string& f = st.file;

    // Which element (and attribute) libxml2 means.
    const xmlNode* node = static_cast<const xmlNode*>(err->node);
    const xmlNode* element = node;
    if (node && node->type == XML_ATTRIBUTE_NODE) element = node->parent;
    std::string attribute;  // as the document writes it
    std::string attribute_ns, attribute_local;
    std::string detail = raw;
    if (raw.starts_with("Element '")) {
        const std::size_t name_end = raw.find('\'', 9);
        std::size_t rest = name_end == std::string::npos ? raw.size() : name_end + 1;
        if (raw.compare(rest, 13, ", attribute '") == 0) {
            const std::size_t a_end = raw.find('\'', rest + 13);
            const std::string clark = raw.substr(rest + 13, a_end - rest - 13);
            attribute = attribute_display(clark);
            std::tie(attribute_ns, attribute_local) = split_clark(clark);
            rest = a_end + 1;
        }
        if (raw.compare(rest, 2, ": ") == 0) rest += 2;
        detail = raw.substr(std::min(rest, raw.size()));
    }
    const std::string elem = element ? to_string(element->name) : "";
    const std::string tag = "<" + elem + ">";

    std::size_t element_offset = 0;
    const bool have_offset = node_offset(element, element_offset);
    SourceLoc element_loc = have_offset ? st.loc(element_offset)
                                        : SourceLoc{static_cast<std::uint32_t>(std::max(err->line, 0)), 0};
    SourceLoc attribute_loc = element_loc, value_loc = element_loc;
    std::string attribute_value;
    if (have_offset && !attribute.empty()) {
        const auto raw_attributes = scan_start_tag(st.src, element_offset);
        const RawAttribute* match = nullptr;
        for (const RawAttribute& a : raw_attributes)
            if (!match && a.qname == attribute) match = &a;
        for (const RawAttribute& a : raw_attributes)  // any prefix bound to the same namespace
            if (!match && !attribute_ns.empty() && a.qname.find(':') != std::string_view::npos &&
                local_part(a.qname) == attribute_local)
                match = &a;
        if (match) {
            attribute_loc = st.loc(match->name_offset);
            value_loc = st.loc(match->value_offset);
        }
        if (node && node->type == XML_ATTRIBUTE_NODE) attribute_value = text_of(node);
        else if (element) {
            const auto* local = reinterpret_cast<const xmlChar*>(attribute_local.c_str());
            xmlChar* v = attribute_ns.empty()
                             ? xmlGetNoNsProp(element, local)
                             : xmlGetNsProp(element, local,
                                            reinterpret_cast<const xmlChar*>(attribute_ns.c_str()));
            attribute_value = to_string(v);
            if (v) xmlFree(v);
        }
    }

    // E207: the root element is not one the schema declares.
    // (libxml2 uses the same code for an undeclared element under a strict wildcard.)
    if (err->code == XML_SCHEMAV_CVC_ELT_1 &&
        detail.starts_with("No matching global declaration available for the validation root")) {
        const std::string& want_ns = st.schema->target_namespace();
        const auto& roots = st.schema->root_elements();
        const std::string have_ns = element && element->ns ? to_string(element->ns->href) : "";
        std::vector<std::string> shown;
        for (const std::string& r : roots) shown.push_back("<" + r + ">");
        const std::string want = shown.size() == 1 ? shown[0] : "one of " + join_en(shown);
        const std::string want_ja = shown.size() == 1 ? shown[0] : join_ja(shown) + " のいずれか";
        const std::string ns_en = want_ns.empty() ? "in no namespace" : "in the namespace " + want_ns;
        const std::string ns_ja = want_ns.empty() ? "名前空間なし" : "名前空間 " + want_ns;
        if (std::find(roots.begin(), roots.end(), elem) != roots.end() && have_ns != want_ns) {
            st.diags.error("E207", f, element_loc,
                           "the root element " + tag + " must be " + ns_en + " (it is " +
                               (have_ns.empty() ? std::string("in no namespace") : "in " + have_ns) + ")",
                           "ルート要素 " + tag + " の名前空間が違います（" + ns_ja + " である必要があります）",
                           want_ns.empty() ? "remove the xmlns declaration from the root element"
                                           : "write the root element as <" + elem + " xmlns=\"" + want_ns + "\">",
                           want_ns.empty() ? "ルート要素の xmlns 宣言を削除してください"
                                           : "ルート要素を <" + elem + " xmlns=\"" + want_ns + "\"> と書いてください");
        } else {
            const std::string guess = closest(elem, roots);
            st.diags.error("E207", f, element_loc,
                           "the root element is " + tag + ", but " + st.schema->name() + " expects " +
                               want + " " + ns_en,
                           "ルート要素が " + tag + " ですが、" + st.schema->name() + " では " + want_ja +
                               "（" + ns_ja + "）である必要があります",
                           guess.empty() ? "check that this is the right file for this schema"
                                         : "did you mean <" + guess + ">?",
                           guess.empty() ? "このスキーマ用の正しいファイルか確かめてください"
                                         : "<" + guess + "> の誤りではありませんか？");
        }
        return;
    }

    // E201: an element where the content model does not allow it.
    if (detail.starts_with("This element is not expected.")) {
        const Expected e = parse_expected(detail);
        const std::string parent =
            element && element->parent && element->parent->type == XML_ELEMENT_NODE
                ? "<" + to_string(element->parent->name) + ">"
                : "the document";
        const std::string have_ns = element && element->ns ? to_string(element->ns->href) : "";
        std::string hint = "move it to where it belongs, or delete it";
        std::string hint_ja = "正しい位置に移すか、削除してください";
        if (e.shown.empty()) {
            // libxml2 lists what was expected only when the content model cannot end here;
            // otherwise say what the parent may contain at all.
            const std::vector<std::string> children =
                element && element->parent ? st.schema->children_of(to_string(element->parent->name))
                                           : std::vector<std::string>{};
            const std::string guess = closest(elem, children);
            std::vector<std::string> shown;
            for (const std::string& c : children) shown.push_back("<" + c + ">");
            if (!guess.empty()) {
                hint = "did you mean <" + guess + ">?";
                hint_ja = "<" + guess + "> の誤りではありませんか？";
            } else if (!shown.empty()) {
                hint = parent + " may contain " + join_en(shown) + "; move " + tag +
                       " to where it belongs, or delete it";
                hint_ja = parent + " の中に置けるのは " + join_ja(shown) + " です。" + tag +
                          " を正しい位置に移すか、削除してください";
            }
            st.diags.error("E201", f, element_loc,
                           tag + " is not allowed at this point inside " + parent,
                           parent + " の中のこの位置に " + tag + " は置けません", hint, hint_ja);
            return;
        }
        for (std::size_t i = 0; i < e.names.size(); ++i) {
            if (e.names[i] == elem && e.ns[i] != have_ns) {
                const std::string want = e.ns[i].empty() ? "no namespace" : "the namespace " + e.ns[i];
                st.diags.error("E201", f, element_loc,
                               tag + " is in the wrong namespace (" +
                                   (have_ns.empty() ? std::string("none") : have_ns) + "); " + want +
                                   " is expected here",
                               tag + " の名前空間が違います（ここでは" +
                                   (e.ns[i].empty() ? std::string("名前空間なし") : "名前空間 " + e.ns[i]) +
                                   "である必要があります）",
                               "check the xmlns declarations: child elements take the default "
                               "namespace of their parent",
                               "xmlns 宣言を確かめてください。子要素は親要素の既定の名前空間を受け継ぎます");
                return;
            }
        }
        const std::string guess = closest(elem, e.names);
        if (!guess.empty()) {
            hint = "did you mean <" + guess + ">?";
            hint_ja = "<" + guess + "> の誤りではありませんか？";
        }
        st.diags.error("E201", f, element_loc,
                       tag + " is not allowed here; expected " + expected_en(e),
                       "ここに " + tag + " は置けません。置けるのは " + expected_ja(e), hint,
                       hint_ja);
        return;
    }

    // E201 too: child elements inside an element that may hold none.
    if (detail.starts_with("Element content is not allowed")) {
        const xmlNode* child = first_child_element(element);
        std::size_t off = 0;
        const bool simple = detail.find("simple") != std::string::npos;
        const std::string child_tag = child ? "<" + to_string(child->name) + ">" : "an element";
        st.diags.error("E201", f, child && node_offset(child, off) ? st.loc(off) : element_loc,
                       child_tag + " is not allowed inside " + tag + ", which " +
                           (simple ? "holds only text" : "must be empty"),
                       tag + " の中に " + child_tag + " は置けません（" + tag +
                           (simple ? " には文字だけを書きます）" : " は空でなければなりません）"),
                       "move it out of " + tag + ", or delete it",
                       tag + " の外に移すか、削除してください");
        return;
    }

    // E202: the content model ended before a required element.
    if (detail.starts_with("Missing child element(s).")) {
        const Expected e = parse_expected(detail);
        const std::string want = e.shown.empty() ? "a required element" : expected_en(e);
        const std::string want_ja =
            e.shown.empty() ? "必要な要素"
            : e.shown.size() == 1 ? "必要な " + e.shown_ja[0] + " "
                                  : "必要な要素（" + join_ja(e.shown_ja) + " のいずれか）";
        st.diags.error("E202", f, element_loc, tag + " is missing " + want,
                       tag + " に" + want_ja + "がありません",
                       "add it inside " + tag + ", in the order the schema gives",
                       tag + " の中に、スキーマの定める順序で追加してください");
        return;
    }

    // E203 / E204: attributes.
    if (detail.starts_with("The attribute '") && detail.ends_with("is required but missing.")) {
        const std::string name = attribute_display(between(detail, "The attribute '", "'"));
        st.diags.error("E203", f, element_loc, tag + " needs the attribute '" + name + "'",
                       tag + " には属性 " + name + " が必要です",
                       "add " + name + "=\"…\" to " + tag, tag + " に " + name + "=\"…\" を追加してください");
        return;
    }
    if (detail.starts_with("The attribute '") && detail.ends_with("is not allowed.")) {
        std::vector<std::string> allowed = st.schema->attributes_of(elem);
        std::vector<std::string> unused;
        for (const std::string& a : allowed) {
            const bool present = a.starts_with("xml:")
                                     ? element && xmlHasNsProp(element, reinterpret_cast<const xmlChar*>(a.c_str() + 4),
                                                               reinterpret_cast<const xmlChar*>(xml_namespace.data()))
                                     : element && xmlHasNsProp(element, reinterpret_cast<const xmlChar*>(a.c_str()), nullptr);
            if (!present) unused.push_back(a);
        }
        const std::string guess = closest(attribute, unused);
        std::string hint, hint_ja;
        if (!guess.empty()) {
            hint = "did you mean '" + guess + "'?";
            hint_ja = guess + " の誤りではありませんか？";
        } else if (allowed.empty()) {
            hint = tag + " takes no attributes";
            hint_ja = tag + " には属性を指定できません";
        } else {
            hint = tag + " takes: " + join_en(allowed, "and");
            hint_ja = tag + " に指定できる属性: " + join_ja(allowed);
        }
        st.diags.error("E204", f, attribute_loc,
                       "the attribute '" + attribute + "' is not allowed on " + tag,
                       tag + " には属性 " + attribute + " を指定できません", hint, hint_ja);
        return;
    }

    // E206: text where only elements (or nothing) may be.
    if (detail.starts_with("Character content other than whitespace is not allowed") ||
        detail.starts_with("Character content is not allowed")) {
        std::size_t off = 0;
        const bool empty_type = detail.find("empty") != std::string::npos;
        st.diags.error("E206", f, first_text_offset(st, element, true, off) ? st.loc(off) : element_loc,
                       empty_type ? tag + " must be empty: no text is allowed inside it"
                                  : "text is not allowed directly inside " + tag,
                       empty_type ? tag + " は空でなければなりません（中に文字は書けません）"
                                  : tag + " の直下には文字を書けません",
                       empty_type ? "delete the text" : "put the text inside a suitable child element, or delete it",
                       empty_type ? "文字を削除してください" : "適切な子要素の中に入れるか、削除してください");
        return;
    }

    // E208 / E209: identity constraints (xs:unique, xs:key, xs:keyref).
    if (detail.starts_with("Duplicate key-sequence")) {
        const std::string key = between(detail, "['", "']");
        const std::string constraint = between(detail, "identity-constraint '", "'");
        st.diags.error("E208", f, element_loc,
                       "'" + key + "' is used more than once, but must be unique (" + constraint + ")",
                       "「" + key + "」が重複しています。一意でなければなりません（" + constraint + "）",
                       "give each one a different value", "それぞれ別の値にしてください");
        return;
    }
    if (detail.starts_with("No match found for key-sequence")) {
        const std::string key = between(detail, "['", "']");
        const std::string constraint = between(detail, "keyref '", "'");
        st.diags.error("E209", f, element_loc,
                       "'" + key + "' refers to nothing: no element has this identifier (" + constraint + ")",
                       "「" + key + "」が指す要素がありません（" + constraint + "）",
                       "check the spelling of the reference, or add the element it refers to",
                       "参照の綴りを確かめるか、参照先の要素を追加してください");
        return;
    }

    // E205: a value that its type does not allow.
    const bool value_error = detail.starts_with("[facet '") ||
                             detail.find("is not a valid value of the") != std::string::npos ||
                             detail.find("fixed value") != std::string::npos;
    if (value_error) {
        const void* target = element;
        const bool follow_up = detail.find("is not a valid value of the") != std::string::npos &&
                               target == st.last_value_node && attribute == st.last_value_attribute;
        if (follow_up) return;  // already explained by the facet error just reported
        st.last_value_node = target;
        st.last_value_attribute = attribute;

        const bool on_attribute = !attribute.empty();
        const std::string value = on_attribute ? attribute_value : (element ? text_of(element) : "");
        const ValueProblem p =
            explain_value(st, detail, value, on_attribute ? elem + "@" + attribute : elem);
        SourceLoc loc = value_loc;
        if (!on_attribute) {
            std::size_t off = 0;
            loc = first_text_offset(st, element, false, off) ? st.loc(off) : element_loc;
        }
        if (p.duplicate_id) {
            st.diags.error("E208", f, on_attribute ? value_loc : loc,
                           "the identifier '" + value + "' is already used by another element",
                           "識別子「" + value + "」はすでに別の要素で使われています",
                           "each identifier must be unique within the document",
                           "識別子は文書の中で重複しないようにしてください");
            return;
        }
        const std::string what = on_attribute ? "the value '" + shorten(value) + "' of the attribute '" +
                                                    attribute + "' of " + tag
                                              : "the content '" + shorten(value) + "' of " + tag;
        const std::string what_ja = on_attribute ? tag + " の属性 " + attribute + " の値「" + shorten(value) + "」"
                                                 : tag + " の内容「" + shorten(value) + "」";
        st.diags.error("E205", f, loc,
                       (value.empty() ? (on_attribute ? "the attribute '" + attribute + "' of " + tag + " is empty"
                                                      : tag + " is empty")
                                      : what + " is not valid") +
                           ": " + p.en,
                       (value.empty() ? (on_attribute ? tag + " の属性 " + attribute + " が空です"
                                                      : tag + " が空です")
                                      : what_ja + "は正しくありません") +
                           "。" + p.ja,
                       p.hint, p.hint_ja);
        return;
    }

    st.diags.error("E299", f, attribute.empty() ? element_loc : attribute_loc,
                   "the document does not conform to the schema: " + raw,
                   "文書がスキーマに適合しません: " + raw);
}

}  // namespace gijiroku::xml
