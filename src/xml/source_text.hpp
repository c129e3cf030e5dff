// The bytes of one XML file, kept so that any byte offset can be turned into the line:column a
// clerk sees in an editor (SourceLoc: 1-based lines, 1-based code-point columns).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_loc.hpp"

namespace gijiroku::xml {

// Immutable after construction; safe to share between threads.
//
// Line ends are LF, CRLF and a lone CR (the three forms XML 1.0 §2.11 normalises), so a file
// saved on Windows or classic Mac OS numbers its lines the way the editor that wrote it does.
// Columns count Unicode code points; an invalid UTF-8 byte counts as one column.
class SourceText {
public:
    // `text` is the file content after any UTF-8 byte order mark has been removed: editors do not
    // show the BOM, so it must not shift the columns of line 1.
    explicit SourceText(std::string text);

    const std::string& text() const { return text_; }

    // Line and column of the character that contains byte `offset`. An offset at or past the end
    // gives the position just after the last character.
    SourceLoc loc(std::size_t offset) const;

private:
    // A position every 128 bytes, so loc() costs O(log n + 128) even for a 30 MB file written
    // on a single line (generated XML often is).
    struct Checkpoint {
        std::size_t offset;
        std::uint32_t line;
        std::uint32_t column;
    };
    std::string text_;
    std::vector<Checkpoint> checkpoints_;
    // Valid UTF-8 throughout (the reader refuses anything else, so this is the usual case):
    // loc() may then count characters by their lead bytes instead of decoding each one.
    bool valid_utf8_ = true;
};

}  // namespace gijiroku::xml
