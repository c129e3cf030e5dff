#include "pdf/structure.hpp"

#include <utility>

namespace gijiroku::pdf {

std::optional<StructureBuilder> StructureBuilder::create(const layout::StructTree& tree,
                                                         std::string document_lang, std::string& error) {
    const auto& els = tree.elements;
    const int n = static_cast<int>(els.size());
    if (n == 0) {
        error = "the structure tree is empty (elements[0] must be the Document element)";
        return std::nullopt;
    }
    if (els[0].parent != -1) {
        error = "element 0 (the root) has a parent";
        return std::nullopt;
    }
    StructureBuilder b;
    b.tree_ = &tree;
    b.document_lang_ = std::move(document_lang);
    b.effective_lang_.assign(static_cast<std::size_t>(n), std::string());
    b.out_of_.assign(static_cast<std::size_t>(n), -1);
    // Breadth-first from the root: each element must be reached exactly once, through its
    // parent's `children`, so the walk also proves there are no cycles or shared nodes.
    std::vector<char> seen(static_cast<std::size_t>(n), 0);
    std::vector<int> queue{0};
    seen[0] = 1;
    b.effective_lang_[0] = els[0].lang.empty() ? b.document_lang_ : els[0].lang;
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const int e = queue[q];
        for (int c : els[static_cast<std::size_t>(e)].children) {
            if (c <= 0 || c >= n) {
                error = "element " + std::to_string(e) + " lists child " + std::to_string(c) + ", which does not exist";
                return std::nullopt;
            }
            const auto& child = els[static_cast<std::size_t>(c)];
            if (child.parent != e) {
                error = "element " + std::to_string(c) + " is a child of " + std::to_string(e) +
                        " but names " + std::to_string(child.parent) + " as its parent";
                return std::nullopt;
            }
            if (seen[static_cast<std::size_t>(c)]) {
                error = "element " + std::to_string(c) + " appears twice in the tree";
                return std::nullopt;
            }
            seen[static_cast<std::size_t>(c)] = 1;
            b.effective_lang_[static_cast<std::size_t>(c)] =
                child.lang.empty() ? b.effective_lang_[static_cast<std::size_t>(e)] : child.lang;
            queue.push_back(c);
        }
    }
    for (int e = 0; e < n; ++e) {
        if (!seen[static_cast<std::size_t>(e)]) {
            error = "element " + std::to_string(e) + " (" +
                    layout::struct_type_name(els[static_cast<std::size_t>(e)].type) +
                    ") is not reachable from the root";
            return std::nullopt;
        }
    }
    b.ensure(0);  // the Document element is always written, even for a document of artifacts
    return b;
}

void StructureBuilder::touch_page(OutElement& e, int page) {
    if (e.page < 0) e.page = page;
}

int StructureBuilder::ensure(int element) {
    if (out_of_[static_cast<std::size_t>(element)] >= 0) return out_of_[static_cast<std::size_t>(element)];
    // Collect the unregistered ancestors iteratively (a deep tree must not overflow the stack),
    // then register them top-down, each appended to its parent's kids: the order of first
    // appearance.
    std::vector<int> chain;
    for (int e = element; e >= 0 && out_of_[static_cast<std::size_t>(e)] < 0;
         e = tree_->elements[static_cast<std::size_t>(e)].parent)
        chain.push_back(e);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const int e = *it;
        const auto& src = tree_->elements[static_cast<std::size_t>(e)];
        OutElement o;
        o.source = e;
        o.type = src.type;
        const std::string& inherited =
            src.parent < 0 ? document_lang_ : effective_lang_[static_cast<std::size_t>(src.parent)];
        if (!src.lang.empty() && src.lang != inherited) o.lang = src.lang;
        const int index = static_cast<int>(out_.size());
        if (src.parent >= 0) {
            o.parent = out_of_[static_cast<std::size_t>(src.parent)];
            out_[static_cast<std::size_t>(o.parent)].kids.push_back({StructKid::Kind::element, -1, index});
        }
        out_.push_back(std::move(o));
        out_of_[static_cast<std::size_t>(e)] = index;
    }
    return out_of_[static_cast<std::size_t>(element)];
}

int StructureBuilder::add_sequence(int page, int element, std::string_view run_lang, std::string_view actual_text) {
    int owner_index = ensure(element);
    const bool lang_differs = !run_lang.empty() && run_lang != language_of(element);
    if (lang_differs || !actual_text.empty()) {
        OutElement span;
        span.type = layout::StructType::Span;
        span.parent = owner_index;
        if (lang_differs) span.lang = std::string(run_lang);
        span.actual_text = std::string(actual_text);
        const int index = static_cast<int>(out_.size());
        out_[static_cast<std::size_t>(owner_index)].kids.push_back({StructKid::Kind::element, -1, index});
        out_.push_back(std::move(span));
        owner_index = index;
    }
    if (static_cast<std::size_t>(page) >= page_mcids_.size()) page_mcids_.resize(static_cast<std::size_t>(page) + 1);
    auto& mcids = page_mcids_[static_cast<std::size_t>(page)];
    const int mcid = static_cast<int>(mcids.size());
    mcids.push_back(owner_index);
    OutElement& o = out_[static_cast<std::size_t>(owner_index)];
    o.kids.push_back({StructKid::Kind::mcid, page, mcid});
    touch_page(o, page);
    return mcid;
}

int StructureBuilder::owner(int page, int mcid) const {
    return page_mcids_[static_cast<std::size_t>(page)][static_cast<std::size_t>(mcid)];
}

void StructureBuilder::add_annotation(int page, int element, int annotation) {
    const int index = ensure(element);
    OutElement& o = out_[static_cast<std::size_t>(index)];
    o.kids.push_back({StructKid::Kind::annotation, page, annotation});
    touch_page(o, page);
}

std::vector<int> StructureBuilder::unused_elements() const {
    std::vector<int> unused;
    for (std::size_t e = 0; e < out_of_.size(); ++e)
        if (out_of_[e] < 0) unused.push_back(static_cast<int>(e));
    return unused;
}

}  // namespace gijiroku::pdf
