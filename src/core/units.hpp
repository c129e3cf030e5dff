// Units of Japanese page design. Lengths inside the toolkit are PostScript points (pt, 1/72 in),
// the unit of PDF user space. Templates may state lengths in mm, Q (級/歯, 0.25 mm, the unit of
// Japanese phototypesetting) or zw (全角, one em of the body size) — JLREQ §2.3.
#pragma once

namespace gijiroku::units {

inline constexpr double pt_per_inch = 72.0;
inline constexpr double mm_per_inch = 25.4;

constexpr double mm_to_pt(double mm) { return mm * pt_per_inch / mm_per_inch; }
constexpr double pt_to_mm(double pt) { return pt * mm_per_inch / pt_per_inch; }
constexpr double q_to_pt(double q) { return mm_to_pt(q * 0.25); }
constexpr double zw_to_pt(double zw, double font_size_pt) { return zw * font_size_pt; }

// A4 portrait (ISO 216) in points.
inline constexpr double a4_width_pt = mm_to_pt(210.0);
inline constexpr double a4_height_pt = mm_to_pt(297.0);

}  // namespace gijiroku::units
