// A small, predictable argument parser for the CLI (no surprises, ninja-style): options may
// come anywhere, as "--name value" or "--name=value"; "--" ends options; "-" is a file.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gijiroku::cli {

class Args {
public:
    // `value_options`: the options that take a value.
    Args(std::vector<std::string> argv, std::set<std::string> value_options);

    // The value of `name` (the last one when repeated); marks the option as known.
    std::optional<std::string> option(const std::string& name);
    // Whether the flag was given; marks it as known.
    bool flag(const std::string& name);
    std::vector<std::string> positionals() const { return positionals_; }
    // The first option the command did not ask about (call after option()/flag()).
    std::optional<std::string> unknown() const;
    // A value option given last with no value.
    std::optional<std::string> missing_value() const { return missing_; }

private:
    struct Given {
        std::string name;
        std::optional<std::string> value;
        bool known = false;
    };
    std::vector<Given> given_;
    std::vector<std::string> positionals_;
    std::optional<std::string> missing_;
};

}  // namespace gijiroku::cli
