#include "core/diagnostic.hpp"

#include <utility>

namespace gijiroku {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

void Diagnostics::report(Diagnostic d) {
    std::string key = d.code;
    key += '\0';
    key += d.file;
    key += '\0';
    key += std::to_string(d.loc.line) + ':' + std::to_string(d.loc.column) + ':' + severity_name(d.severity);
    key += '\0';
    key += d.message;
    if (seen_.count(key)) return;
    if (d.severity == Severity::error) ++errors_;
    if (d.severity == Severity::warning) ++warnings_;
    if (items_.size() >= limit_) {
        ++dropped_;
        return;
    }
    seen_.insert(std::move(key));
    items_.push_back(std::move(d));
}

void Diagnostics::error(std::string code, std::string file, SourceLoc loc, std::string message,
                        std::string message_ja, std::string hint, std::string hint_ja) {
    report(Diagnostic{Severity::error, std::move(code), std::move(file), loc, std::move(message),
                      std::move(message_ja), std::move(hint), std::move(hint_ja)});
}

void Diagnostics::warning(std::string code, std::string file, SourceLoc loc, std::string message,
                          std::string message_ja, std::string hint, std::string hint_ja) {
    report(Diagnostic{Severity::warning, std::move(code), std::move(file), loc, std::move(message),
                      std::move(message_ja), std::move(hint), std::move(hint_ja)});
}

void Diagnostics::append(Diagnostics&& other) {
    // Counts first: `other` may have counted reports it did not store.
    std::size_t stored_errors = 0, stored_warnings = 0;
    for (auto& d : other.items_) {
        if (d.severity == Severity::error) ++stored_errors;
        if (d.severity == Severity::warning) ++stored_warnings;
        report(std::move(d));
    }
    errors_ += other.errors_ - stored_errors;
    warnings_ += other.warnings_ - stored_warnings;
    dropped_ += other.dropped_;
    other = Diagnostics{};
}

}  // namespace gijiroku
