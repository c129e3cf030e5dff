// The chosen template's wording, run backwards: which values make a pattern print a given
// text. 「（{speaker}から[{about}について]補足）」 matched against 「（岩﨑委員から多摩について補足）」
// gives speaker = 岩﨑委員, about = 多摩. This is how the importer recognises text the template
// generates (style/pattern.hpp), before it falls back to the spellings other minutes use.
//
// White space in the text is free around literal characters (PDF extraction adds and drops
// spaces); captured values are trimmed and never empty. An optional part [ … ] is tried
// present first, then absent; {?flag} is set when its optional part was present.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "import/chars.hpp"
#include "style/pattern.hpp"
#include "style/template.hpp"

namespace gijiroku::import {

struct PatternMatch {
    std::map<std::string, U32> values;
    std::set<std::string> flags;

    U32 value(const std::string& name) const {
        auto it = values.find(name);
        return it == values.end() ? U32() : it->second;
    }
};

// Every way (at most `limit`) `text` is what `pattern` prints. `label` gives {@key} words.
std::vector<PatternMatch> match_pattern(const style::CompiledPattern& pattern, U32View text,
                                        const std::function<std::string(std::string_view)>& label,
                                        std::size_t limit = 64);

// A template's patterns, compiled once, matched and expanded by key.
class Wording {
public:
    explicit Wording(const style::Template& t) : t_(t) {}

    const style::Template& tmpl() const { return t_; }
    bool has(std::string_view key) const { return t_.find_pattern(key) != nullptr; }
    // Matches of the pattern `key` (none when the template lacks it).
    std::vector<PatternMatch> match(std::string_view key, U32View text, std::size_t limit = 64) const;
    // Matches of a pattern written here rather than in the template (the spellings other
    // minutes use: 「{speaker}より資料説明」), compiled once per Wording.
    std::vector<PatternMatch> match_text(std::string_view pattern, U32View text, std::size_t limit = 64) const;
    // What the pattern `key` prints for these values ("" for an empty value; {?flag} set when
    // the flag's value is non-empty).
    U32 expand(std::string_view key, const std::map<std::string, U32>& values) const;
    // A label word of the template ("" when it has none).
    U32 label(std::string_view key) const;
    // A mark's text ("" when none).
    U32 mark(std::string_view name) const;

private:
    const style::CompiledPattern* compiled(std::string_view key) const;
    const style::Template& t_;
    mutable std::map<std::string, std::optional<style::CompiledPattern>, std::less<>> cache_;
    mutable std::map<std::string, std::optional<style::CompiledPattern>, std::less<>> general_;
};

}  // namespace gijiroku::import
