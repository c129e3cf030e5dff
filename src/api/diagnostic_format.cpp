// Diagnostics as a reader meets them: ninja-style "file:line:col: error[E301]: message", the
// source line, and a caret under the column. The caret is placed in display cells (East Asian
// Width: a full-width character takes two), so it stands under 「水曜日」 in a terminal.
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/utf8.hpp"
#include "gijiroku/diagnostic.hpp"
#include "text/char_info.hpp"

namespace gijiroku {
namespace {

const char* severity_word(Severity s, MessageLanguage lang) {
    const bool ja = lang == MessageLanguage::japanese;
    switch (s) {
        case Severity::note: return ja ? "注記" : "note";
        case Severity::warning: return ja ? "警告" : "warning";
        case Severity::error: return ja ? "エラー" : "error";
    }
    return "error";
}

// Line `line` (1-based) of `source`, without its line terminator.
std::string_view source_line(std::string_view source, std::uint32_t line) {
    std::size_t start = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        const auto nl = source.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    auto end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view s = source.substr(start, end - start);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    if (line == 1 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);  // BOM
    return s;
}

// The first `chars` code points of `s`.
std::string_view prefix_chars(std::string_view s, std::uint32_t chars) {
    std::size_t pos = 0;
    for (std::uint32_t i = 0; i < chars && pos < s.size(); ++i) utf8::next(s, pos);
    return s.substr(0, pos);
}

void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    static const char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

}  // namespace

MessageLanguage message_language_from_environment() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) return std::string_view(v).substr(0, 2) == "ja" ? MessageLanguage::japanese : MessageLanguage::english;
    }
    return MessageLanguage::english;
}

std::string format_diagnostic(const Diagnostic& d, std::string_view source, MessageLanguage lang) {
    const bool ja = lang == MessageLanguage::japanese;
    std::string out = d.file.empty() ? "gijiroku" : d.file;
    if (d.loc.line) {
        out += ':' + std::to_string(d.loc.line);
        if (d.loc.column) out += ':' + std::to_string(d.loc.column);
    }
    out += ": ";
    out += severity_word(d.severity, lang);
    if (!d.code.empty()) out += '[' + d.code + ']';
    out += ": ";
    out += (ja && !d.message_ja.empty()) ? d.message_ja : d.message;
    out += '\n';
    if (d.loc.line && !source.empty()) {
        const std::string_view text = source_line(source, d.loc.line);
        if (!text.empty()) {
            const std::string number = std::to_string(d.loc.line);
            out += ' ' + number + " | ";
            // Tabs become one space so the caret stays aligned.
            for (char c : text) out += (c == '\t') ? ' ' : c;
            out += '\n';
            if (d.loc.column) {
                out += std::string(number.size() + 1, ' ') + " | ";
                const int cells = text::display_width(prefix_chars(text, d.loc.column - 1));
                out += std::string(static_cast<std::size_t>(cells), ' ') + "^\n";
            }
        }
    }
    const std::string& hint = (ja && !d.hint_ja.empty()) ? d.hint_ja : d.hint;
    if (!hint.empty()) out += std::string(ja ? "ヒント: " : "hint: ") + hint + '\n';
    return out;
}

std::string format_diagnostic_json(const Diagnostic& d, MessageLanguage lang) {
    std::string out = "{\"file\":";
    json_string(out, d.file);
    out += ",\"line\":" + std::to_string(d.loc.line) + ",\"column\":" + std::to_string(d.loc.column);
    out += ",\"severity\":";
    json_string(out, severity_word(d.severity, MessageLanguage::english));
    out += ",\"code\":";
    json_string(out, d.code);
    out += ",\"message\":";
    json_string(out, lang == MessageLanguage::japanese && !d.message_ja.empty() ? d.message_ja : d.message);
    out += ",\"message_en\":";
    json_string(out, d.message);
    out += ",\"message_ja\":";
    json_string(out, d.message_ja);
    if (!d.hint.empty()) {
        out += ",\"hint\":";
        json_string(out, lang == MessageLanguage::japanese && !d.hint_ja.empty() ? d.hint_ja : d.hint);
    }
    out += "}";
    return out;
}

std::size_t count_errors(const std::vector<Diagnostic>& ds) {
    std::size_t n = 0;
    for (const auto& d : ds) n += d.severity == Severity::error;
    return n;
}

std::size_t count_warnings(const std::vector<Diagnostic>& ds) {
    std::size_t n = 0;
    for (const auto& d : ds) n += d.severity == Severity::warning;
    return n;
}

}  // namespace gijiroku
