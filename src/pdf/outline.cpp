#include "pdf/outline.hpp"

namespace gijiroku::pdf {

std::vector<OutlineNode> outline_tree(const std::vector<layout::Bookmark>& bookmarks) {
    std::vector<OutlineNode> nodes(bookmarks.size());
    std::vector<int> stack;  // open ancestors; stack[i] has depth i + 1
    int last_top = -1;
    for (int i = 0; i < static_cast<int>(bookmarks.size()); ++i) {
        int level = bookmarks[static_cast<std::size_t>(i)].level;
        if (level < 1) level = 1;
        if (level > static_cast<int>(stack.size()) + 1) level = static_cast<int>(stack.size()) + 1;
        stack.resize(static_cast<std::size_t>(level - 1));
        OutlineNode& n = nodes[static_cast<std::size_t>(i)];
        n.parent = stack.empty() ? -1 : stack.back();
        int* last_sibling = n.parent < 0 ? &last_top : &nodes[static_cast<std::size_t>(n.parent)].last;
        if (*last_sibling >= 0) {
            n.prev = *last_sibling;
            nodes[static_cast<std::size_t>(*last_sibling)].next = i;
        } else if (n.parent >= 0) {
            nodes[static_cast<std::size_t>(n.parent)].first = i;
        }
        *last_sibling = i;
        stack.push_back(i);
    }
    // Children follow their parent in the list, so one backward pass sums every subtree.
    for (int i = static_cast<int>(nodes.size()) - 1; i >= 0; --i) {
        const OutlineNode& n = nodes[static_cast<std::size_t>(i)];
        if (n.parent >= 0) nodes[static_cast<std::size_t>(n.parent)].descendants += 1 + n.descendants;
    }
    return nodes;
}

}  // namespace gijiroku::pdf
