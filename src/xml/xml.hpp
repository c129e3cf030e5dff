// The xml module in one include: Document/Node (document.hpp), SourceText (source_text.hpp),
// Schema (schema.hpp) and read (reader.hpp).
#pragma once

#include "xml/document.hpp"
#include "xml/reader.hpp"
#include "xml/schema.hpp"
#include "xml/source_text.hpp"
