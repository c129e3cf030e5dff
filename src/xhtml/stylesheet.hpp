// The embedded CSS of the XHTML: toolkit rules, one rule per template BlockStyle, the
// indentation classes the document uses, print rules and @page. Internal to the module.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "style/styled_doc.hpp"
#include "xhtml/xhtml.hpp"

namespace gijiroku::xhtml {

// `style_classes[i]` is the class written for doc.styles[i] ("s-opinion"). `indents` maps an
// indentation class ("ind-m1") to its margin-inline-start in zw (-1); `pulls` and `gaps` a
// marker label's classes ("pull-1", "gap-1") to how far it is pulled back into the marker box
// and how much of the box is left after it, in zw. Returns plain CSS text (not yet escaped for
// XML), lines indented by `indent`.
std::string stylesheet(const style::StyledDoc& doc, const XhtmlOptions& options,
                       const std::vector<std::string>& style_classes,
                       const std::map<std::string, double>& indents,
                       const std::map<std::string, double>& pulls,
                       const std::map<std::string, double>& gaps, const std::string& indent);

// The CSS font stack for a font role of the manifest: "gothic"/"gothic-bold" → BIZ UDゴシック
// and Japanese sans-serif fallbacks; anything else → BIZ UD明朝, IPAmj明朝 (names BIZ UD
// lacks, DESIGN §3) and Japanese serif fallbacks.
std::string font_stack_var(const std::string& font_role);  // "var(--gothic)"

// font_stack_var preceded by the families of the template's own font files when the
// template gives the role a chain of its own (StyledDoc::font_roles, StyledDoc::fonts).
std::string font_family(const style::StyledDoc& doc, const std::string& font_role);
bool font_role_bold(const std::string& font_role);

}  // namespace gijiroku::xhtml
