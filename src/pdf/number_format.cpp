#include "pdf/number_format.hpp"

#include <cmath>
#include <cstdint>

namespace gijiroku::pdf {

namespace {

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

int clamp_decimals(int d) { return d < 0 ? 0 : (d > 6 ? 6 : d); }

}  // namespace

double round_to(double value, int decimals) {
    if (!std::isfinite(value)) return 0;
    const double scale = static_cast<double>(kPow10[clamp_decimals(decimals)]);
    return std::round(value * scale) / scale;
}

void append_number(std::string& out, double value, int decimals) {
    decimals = clamp_decimals(decimals);
    // Beyond ±1e12 a page coordinate is meaningless; clamping keeps llround defined.
    if (!std::isfinite(value)) value = 0;
    if (value > 1e12) value = 1e12;
    if (value < -1e12) value = -1e12;
    const std::int64_t scale = kPow10[decimals];
    std::int64_t v = std::llround(value * static_cast<double>(scale));
    if (v == 0) {
        out.push_back('0');
        return;
    }
    if (v < 0) {
        out.push_back('-');
        v = -v;
    }
    const std::int64_t whole = v / scale;
    std::int64_t frac = v % scale;
    out += std::to_string(whole);
    if (frac == 0) return;
    int digits = decimals;
    while (frac % 10 == 0) {
        frac /= 10;
        --digits;
    }
    std::string f = std::to_string(frac);
    out.push_back('.');
    out.append(static_cast<std::size_t>(digits) - f.size(), '0');
    out += f;
}

std::string format_number(double value, int decimals) {
    std::string s;
    append_number(s, value, decimals);
    return s;
}

}  // namespace gijiroku::pdf
