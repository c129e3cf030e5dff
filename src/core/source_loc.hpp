// A place in a source file: what every diagnostic points at. The type is part of the public
// API (include/gijiroku/source_loc.hpp), so diagnostics cross the library boundary unchanged.
#pragma once

#include "gijiroku/source_loc.hpp"
