// Plain geometry in points. Layout uses a top-left origin with y growing downwards (the way a
// page is read); the PDF writer flips to PDF's bottom-left origin (ISO 32000-1 §8.3.2.3).
#pragma once

namespace gijiroku {

struct Point {
    double x = 0;
    double y = 0;
};

struct Size {
    double width = 0;
    double height = 0;
};

struct Rect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    double right() const { return x + width; }
    double bottom() const { return y + height; }
};

}  // namespace gijiroku
