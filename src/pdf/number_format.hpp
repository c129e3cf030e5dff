// Numbers in content streams, formatted by the toolkit (libharu.md §1: 2.3.0's HPDF_FToA prints
// small reals wrongly). ISO 32000-1 §7.3.3: a PDF real has no exponent; we also want the same
// bytes on every machine, so the value is rounded to a fixed number of decimals in integer
// arithmetic and trailing zeros are trimmed.
#pragma once

#include <string>

namespace gijiroku::pdf {

// `value` rounded half away from zero to `decimals` (0–6) places: "12", "-0.5", "841.89",
// "0.001". Never an exponent, never "-0", no trailing zeros or dot. A non-finite value gives "0"
// (the writer rejects non-finite input before formatting; this only keeps the output valid).
std::string format_number(double value, int decimals = 3);

// Appends format_number(value, decimals) to `out` (hot path of the content writer).
void append_number(std::string& out, double value, int decimals = 3);

// `value` rounded the same way, as a double (what a reader will parse back from the text).
double round_to(double value, int decimals = 3);

}  // namespace gijiroku::pdf
