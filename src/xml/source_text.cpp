#include "xml/source_text.hpp"

#include <algorithm>
#include <utility>

#include "core/utf8.hpp"

namespace gijiroku::xml {
namespace {

constexpr std::size_t checkpoint_spacing = 512;

// Advances over one character at `pos`, updating line/column for the character that follows.
// A CR immediately followed by LF is an ordinary character of its line: the LF ends the line,
// so a CRLF pair counts once.
void step(std::string_view s, std::size_t& pos, std::uint32_t& line, std::uint32_t& column) {
    const char c = s[pos];
    if (c == '\n' || (c == '\r' && (pos + 1 >= s.size() || s[pos + 1] != '\n'))) {
        ++pos;
        ++line;
        column = 1;
        return;
    }
    utf8::next(s, pos);
    ++column;
}

}  // namespace

SourceText::SourceText(std::string text) : text_(std::move(text)) {
    checkpoints_.push_back({0, 1, 1});
    std::size_t pos = 0;
    std::uint32_t line = 1, column = 1;
    std::size_t next_mark = checkpoint_spacing;
    while (pos < text_.size()) {
        step(text_, pos, line, column);
        if (pos >= next_mark) {
            checkpoints_.push_back({pos, line, column});
            next_mark = pos + checkpoint_spacing;
        }
    }
}

SourceLoc SourceText::loc(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                               [](std::size_t o, const Checkpoint& c) { return o < c.offset; });
    const Checkpoint& cp = *(it - 1);
    std::size_t pos = cp.offset;
    std::uint32_t line = cp.line, column = cp.column;
    while (pos < offset) {
        std::size_t next = pos;
        std::uint32_t next_line = line, next_column = column;
        step(text_, next, next_line, next_column);
        if (next > offset) break;  // `offset` is inside this character
        pos = next;
        line = next_line;
        column = next_column;
    }
    return SourceLoc{line, column};
}

}  // namespace gijiroku::xml
