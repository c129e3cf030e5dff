#include "xml/source_text.hpp"

#include <algorithm>
#include <utility>

#include "core/utf8.hpp"

namespace gijiroku::xml {
namespace {

// 128 bytes: loc() runs for every element and attribute, so its scan from the checkpoint is
// what the spacing trades against memory (16 bytes per checkpoint: 1/8 of the text).
constexpr std::size_t checkpoint_spacing = 128;

// Whether the byte at `pos` ends a line. A CR immediately followed by LF is an ordinary
// character of its line: the LF ends the line, so a CRLF pair counts once.
bool ends_line(std::string_view s, std::size_t pos) {
    const char c = s[pos];
    return c == '\n' || (c == '\r' && (pos + 1 >= s.size() || s[pos + 1] != '\n'));
}

// Advances over one character at `pos`, updating line/column for the character that follows.
// Returns false when the character is an invalid UTF-8 sequence (then one byte was consumed).
bool step(std::string_view s, std::size_t& pos, std::uint32_t& line, std::uint32_t& column) {
    if (ends_line(s, pos)) {
        ++pos;
        ++line;
        column = 1;
        return true;
    }
    const bool ok = utf8::next(s, pos).has_value();
    ++column;
    return ok;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

SourceText::SourceText(std::string text) : text_(std::move(text)) {
    checkpoints_.push_back({0, 1, 1});
    std::size_t pos = 0;
    std::uint32_t line = 1, column = 1;
    std::size_t next_mark = checkpoint_spacing;
    while (pos < text_.size()) {
        if (!step(text_, pos, line, column)) valid_utf8_ = false;
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
    if (valid_utf8_) {
        // Every character starts with a byte that is not 10xxxxxx, so counting those bytes counts
        // the characters before `offset` without decoding them (this runs for every element and
        // attribute the reader builds: decoding each character made it the reader's hot spot).
        for (; pos < offset; ++pos) {
            if (ends_line(text_, pos)) {
                ++line;
                column = 1;
            } else if (!is_continuation(text_[pos])) {
                ++column;
            }
        }
        // `offset` inside a character: that character's lead byte was counted, but it is the
        // character itself that is wanted, not the one after it.
        if (offset < text_.size() && is_continuation(text_[offset])) --column;
        return SourceLoc{line, column};
    }
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
