// The structure tree as it is written (ISO 32000-1 §14.7; ISO 14289-1 §7.1): which elements get
// which marked-content sequences, in which order, on which pages.
//
// Layout hands over the logical tree (layout::StructTree) and, in each page's runs, a Mark naming
// the element each piece of content belongs to. The writer walks the pages in order and asks
// this builder for an MCID for every contiguous sequence of content of one element. The builder
// then knows the order in which each element's content and child elements first appear, which is
// the order of its /K (§14.7.2: kids in logical order); elements that never receive content,
// directly or through a descendant, are left out (a tagged PDF must not contain empty elements,
// and check-pdfua warns about them).
//
// A run whose language differs from its element's, or that carries its own /ActualText, gets a
// Span element of its own under the run's element (§14.9.2, §14.9.4), so that every reader that
// follows the structure tree (screen readers, pdf.js, check-pdfua) hears the right language and
// text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page_set.hpp"

namespace gijiroku::pdf {

struct StructKid {
    enum class Kind : std::uint8_t { mcid, element, annotation };
    Kind kind = Kind::mcid;
    int page = -1;  // mcid, annotation: the page of the content
    int value = 0;  // the MCID, the output element index, or the annotation number
};

struct OutElement {
    int source = -1;  // index in layout::StructTree; -1 for a Span the writer added
    layout::StructType type = layout::StructType::Span;
    int parent = -1;  // output index; -1 for the root (its parent is the StructTreeRoot)
    std::vector<StructKid> kids;
    int page = -1;            // /Pg: the page of the element's first marked content or annotation
    std::string lang;         // /Lang to write (only where it differs from the parent's)
    std::string actual_text;  // /ActualText of an added Span (a source element's is in the tree)
};

class StructureBuilder {
public:
    // Checks that `tree` is a tree rooted at elements[0] (every element reachable from the root
    // exactly once through `children`, each child's `parent` pointing back). nullopt with a
    // reason in `error` otherwise. `document_lang` is the catalog /Lang.
    static std::optional<StructureBuilder> create(const layout::StructTree& tree, std::string document_lang,
                                                  std::string& error);

    // The language in force for `element` (its own /Lang or the nearest ancestor's, else the
    // document's).
    const std::string& language_of(int element) const { return effective_lang_[static_cast<std::size_t>(element)]; }

    // Registers a new marked-content sequence on `page` holding content of `element`; returns its
    // MCID. `run_lang` (empty: the element's) and `actual_text` (empty: none) add a Span.
    int add_sequence(int page, int element, std::string_view run_lang, std::string_view actual_text);
    // The output element that owns `mcid` on `page`.
    int owner(int page, int mcid) const;

    // Registers link annotation number `annotation` (on `page`) as the OBJR kid of `element`.
    void add_annotation(int page, int element, int annotation);

    const std::vector<OutElement>& elements() const { return out_; }
    // MCID → owning output element, for each page (pages without marked content: empty).
    const std::vector<std::vector<int>>& page_mcids() const { return page_mcids_; }
    // Source elements that received no content (in index order).
    std::vector<int> unused_elements() const;

private:
    StructureBuilder() = default;
    int ensure(int element);  // the output index of `element`, registering it and its ancestors
    void touch_page(OutElement& e, int page);

    const layout::StructTree* tree_ = nullptr;
    std::string document_lang_;
    std::vector<std::string> effective_lang_;
    std::vector<int> out_of_;  // source index → output index (-1: not registered yet)
    std::vector<OutElement> out_;
    std::vector<std::vector<int>> page_mcids_;
};

}  // namespace gijiroku::pdf
