#include "import/wording.hpp"

#include <algorithm>

namespace gijiroku::import {
namespace {

using style::PatternPart;

class Matcher {
public:
    Matcher(U32View text, const std::function<std::string(std::string_view)>& label, std::size_t limit)
        : text_(text), label_(label), limit_(limit) {}

    std::vector<PatternMatch> run(const std::vector<PatternPart>& parts) {
        PatternMatch st;
        seq(parts, 0, 0, st, [this](std::size_t pos, PatternMatch& m) {
            while (pos < text_.size() && is_space(text_[pos])) ++pos;
            if (pos == text_.size()) out_.push_back(m);
        });
        return std::move(out_);
    }

private:
    using Cont = std::function<void(std::size_t, PatternMatch&)>;

    bool done() { return out_.size() >= limit_ || budget_ == 0; }

    // Matches literal characters at `pos`: white space in the pattern matches any run of white
    // space (or none); white space in the text before a literal character is skipped.
    std::optional<std::size_t> literal(U32View lit, std::size_t pos) const {
        for (char32_t c : lit) {
            if (is_space(c)) {
                while (pos < text_.size() && is_space(text_[pos])) ++pos;
                continue;
            }
            while (pos < text_.size() && is_space(text_[pos])) ++pos;
            if (pos >= text_.size() || text_[pos] != c) return std::nullopt;
            ++pos;
        }
        return pos;
    }

    // The first non-space character a part must begin with, when it is a literal (or label).
    std::optional<char32_t> first_char(const std::vector<PatternPart>& parts, std::size_t idx) const {
        if (idx >= parts.size()) return std::nullopt;
        const PatternPart& p = parts[idx];
        U32 lit;
        if (p.kind == PatternPart::Kind::literal) lit = to_u32(p.text);
        else if (p.kind == PatternPart::Kind::label) lit = to_u32(label_(p.text));
        else return std::nullopt;
        for (char32_t c : lit)
            if (!is_space(c)) return c;
        return std::nullopt;
    }

    void seq(const std::vector<PatternPart>& parts, std::size_t idx, std::size_t pos, PatternMatch& st, const Cont& k) {
        if (done()) return;
        --budget_;
        if (idx == parts.size()) {
            k(pos, st);
            return;
        }
        const PatternPart& p = parts[idx];
        switch (p.kind) {
            case PatternPart::Kind::literal:
            case PatternPart::Kind::label: {
                const U32 lit = to_u32(p.kind == PatternPart::Kind::literal ? p.text : label_(p.text));
                if (auto next = literal(lit, pos)) seq(parts, idx + 1, *next, st, k);
                return;
            }
            case PatternPart::Kind::condition:
                // Outside an optional part a condition prints nothing and decides nothing.
                seq(parts, idx + 1, pos, st, k);
                return;
            case PatternPart::Kind::value: {
                if (auto it = st.values.find(p.text); it != st.values.end()) {
                    // The same name twice: it must print the same text again.
                    if (auto next = literal(it->second, pos)) seq(parts, idx + 1, *next, st, k);
                    return;
                }
                const std::optional<char32_t> stop = first_char(parts, idx + 1);
                for (std::size_t end = pos + 1; end <= text_.size() && !done(); ++end) {
                    if (stop) {
                        std::size_t e = end;
                        while (e < text_.size() && is_space(text_[e])) ++e;
                        if (e >= text_.size() || text_[e] != *stop) continue;
                    }
                    const U32View v = trim(text_.substr(pos, end - pos));
                    if (v.empty()) continue;
                    st.values[p.text] = U32(v);
                    seq(parts, idx + 1, end, st, k);
                    st.values.erase(p.text);
                }
                return;
            }
            case PatternPart::Kind::group: {
                std::vector<std::string> direct_flags;
                bool has_names = false;
                for (const PatternPart& q : p.parts) {
                    if (q.kind == PatternPart::Kind::condition) direct_flags.push_back(q.text);
                    if (q.kind == PatternPart::Kind::condition || q.kind == PatternPart::Kind::value) has_names = true;
                }
                // Present.
                {
                    PatternMatch inner = st;
                    for (const auto& f : direct_flags) inner.flags.insert(f);
                    seq(p.parts, 0, pos, inner, [&](std::size_t p2, PatternMatch& m) { seq(parts, idx + 1, p2, m, k); });
                }
                // Absent: possible only when a name in it can be empty.
                if (has_names) seq(parts, idx + 1, pos, st, k);
                return;
            }
        }
    }

    U32View text_;
    const std::function<std::string(std::string_view)>& label_;
    std::size_t limit_;
    std::size_t budget_ = 200000;
    std::vector<PatternMatch> out_;
};

}  // namespace

std::vector<PatternMatch> match_pattern(const style::CompiledPattern& pattern, U32View text,
                                        const std::function<std::string(std::string_view)>& label, std::size_t limit) {
    Matcher m(text, label, limit);
    return m.run(pattern.parts);
}

const style::CompiledPattern* Wording::compiled(std::string_view key) const {
    auto it = cache_.find(key);
    if (it == cache_.end()) {
        std::optional<style::CompiledPattern> c;
        if (const style::PatternText* p = t_.find_pattern(key)) {
            style::PatternError err;
            c = style::parse_pattern(p->text, err);
        }
        it = cache_.emplace(std::string(key), std::move(c)).first;
    }
    return it->second ? &*it->second : nullptr;
}

std::vector<PatternMatch> Wording::match(std::string_view key, U32View text, std::size_t limit) const {
    const style::CompiledPattern* p = compiled(key);
    if (!p) return {};
    auto label = [this](std::string_view k) -> std::string {
        const style::LabelWord* w = t_.find_label(k);
        return w ? w->text : std::string();
    };
    return match_pattern(*p, text, label, limit);
}

std::vector<PatternMatch> Wording::match_text(std::string_view pattern, U32View text, std::size_t limit) const {
    auto it = general_.find(pattern);
    if (it == general_.end()) {
        style::PatternError err;
        it = general_.emplace(std::string(pattern), style::parse_pattern(pattern, err)).first;
    }
    if (!it->second) return {};
    auto label = [this](std::string_view k) -> std::string {
        const style::LabelWord* w = t_.find_label(k);
        return w ? w->text : std::string();
    };
    return match_pattern(*it->second, text, label, limit);
}

U32 Wording::expand(std::string_view key, const std::map<std::string, U32>& values) const {
    const style::CompiledPattern* p = compiled(key);
    if (!p) return {};
    style::PatternValues v;
    // A non-empty value also makes {?name} present (PatternValues::set_flag does the same).
    for (const auto& [name, value] : values) v.set_text(name, to_utf8(value));
    auto label = [this](std::string_view k) -> std::string {
        const style::LabelWord* w = t_.find_label(k);
        return w ? w->text : std::string();
    };
    return to_u32(style::plain_text(style::expand_pattern(*p, v, label)));
}

U32 Wording::label(std::string_view key) const {
    const style::LabelWord* w = t_.find_label(key);
    return w ? to_u32(w->text) : U32();
}

U32 Wording::mark(std::string_view name) const {
    const style::Mark* m = t_.find_mark(name);
    return m ? to_u32(m->text) : U32();
}

}  // namespace gijiroku::import
