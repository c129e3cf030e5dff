# Fails when a third-party header is included outside the module that owns it (DESIGN §2):
# libxml2 only in src/xml, ICU only in src/text, FreeType and HarfBuzz only in src/font,
# libharu only in src/pdf. Public headers (include/) may include none of them.
set(owners
  "libxml/|xml"
  "unicode/|text"
  "ft2build.h|font"
  "freetype/|font"
  "hb.h|font"
  "hb-|font"
  "hpdf|pdf")
file(GLOB_RECURSE files "${ROOT}/src/*.cpp" "${ROOT}/src/*.hpp" "${ROOT}/src/*.h"
                        "${ROOT}/include/*.hpp" "${ROOT}/include/*.h")
set(failures "")
foreach(f IN LISTS files)
  file(RELATIVE_PATH rel "${ROOT}" "${f}")
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*$" "\\1" header "${line}")
    foreach(entry IN LISTS owners)
      string(REPLACE "|" ";" pair "${entry}")
      list(GET pair 0 prefix)
      list(GET pair 1 module)
      string(FIND "${header}" "${prefix}" at)
      if(at EQUAL 0)
        # A module's own headers (src/<module>/...) may be included anywhere; only the
        # third-party header path is checked.
        if(NOT rel MATCHES "^src/${module}/")
          list(APPEND failures "${rel}: includes <${header}>, which only src/${module}/ may include")
        endif()
        # Owners keep third-party headers out of their .hpp files, so dependants never see them.
        if(rel MATCHES "^src/${module}/.*\\.hpp$" AND NOT rel MATCHES "_impl\\.hpp$")
          list(APPEND failures "${rel}: a module header includes <${header}>; keep it in .cpp (or a private *_impl.hpp)")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()
if(failures)
  list(JOIN failures "\n" msg)
  message(FATAL_ERROR "Third-party headers outside their module:\n${msg}")
endif()
list(LENGTH files n)
message(STATUS "checked ${n} files: every third-party header stays in its module")
