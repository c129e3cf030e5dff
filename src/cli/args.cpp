#include "cli/args.hpp"

namespace gijiroku::cli {

Args::Args(std::vector<std::string> argv, std::set<std::string> value_options) {
    bool options_ended = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (options_ended || a == "-" || a.empty() || a[0] != '-') {
            positionals_.push_back(a);
            continue;
        }
        if (a == "--") {
            options_ended = true;
            continue;
        }
        const auto eq = a.find('=');
        if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
            given_.push_back({a.substr(0, eq), a.substr(eq + 1)});
            continue;
        }
        if (value_options.count(a)) {
            if (i + 1 < argv.size()) {
                given_.push_back({a, argv[++i]});
            } else {
                missing_ = a;
                given_.push_back({a, std::nullopt, true});
            }
            continue;
        }
        given_.push_back({a, std::nullopt});
    }
}

std::optional<std::string> Args::option(const std::string& name) {
    std::optional<std::string> value;
    for (auto& g : given_) {
        if (g.name != name) continue;
        g.known = true;
        if (g.value) value = g.value;
    }
    return value;
}

bool Args::flag(const std::string& name) {
    bool found = false;
    for (auto& g : given_) {
        if (g.name == name && !g.value) {
            g.known = true;
            found = true;
        }
    }
    return found;
}

std::optional<std::string> Args::unknown() const {
    for (const auto& g : given_)
        if (!g.known) return g.name;
    return std::nullopt;
}

}  // namespace gijiroku::cli
