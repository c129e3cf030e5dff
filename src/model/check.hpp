// model::check — the meaning rules of a minutes document that XSD cannot express
// (schemas/minutes.xsd, header comment): dates, weekdays and eras agree; times are in order;
// ids are unique and every reference resolves to the right kind of thing; absentees never
// speak; answers follow what they answer; the text holds no characters that cannot be printed
// or searched, and none of the labels the template generates.
//
// Every rule has its own stable code (E3xx error, W3xx warning), an English and a Japanese
// message, a hint, and the exact place: the attribute when an attribute is wrong, the
// character when a character is. docs/diagnostics.md lists them all.
#pragma once

#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/minutes.hpp"

namespace gijiroku::model {

// Runs every rule of check_rules() on `minutes`, reporting into `diags` in rule order (each
// rule reports in document order). Never modifies the model; never stops early.
void check(const Minutes& minutes, Diagnostics& diags);

// One semantic rule, for listings and documentation tests.
struct CheckRule {
    std::string_view code;      // "E301"
    Severity severity;          // error or warning
    std::string_view summary;   // one line, English
};

// The rules check() runs, in the order it runs them. Build's own codes (E320, E330) are not
// listed: they belong to model::build.
const std::vector<CheckRule>& check_rules();

}  // namespace gijiroku::model
