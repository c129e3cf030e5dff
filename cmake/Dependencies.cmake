# Third-party libraries, all from Debian 12 (DESIGN §2). Each is linked PRIVATE into exactly
# one module; tests/check_includes.cmake fails the build if a header leaks elsewhere.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz harfbuzz-subset)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)

# Debian's libhpdf-dev (2.3.0) ships neither a CMake package nor a pkg-config file.
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
if(NOT TARGET Haru::hpdf)
  add_library(Haru::hpdf UNKNOWN IMPORTED)
  set_target_properties(Haru::hpdf PROPERTIES
    IMPORTED_LOCATION "${HPDF_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${HPDF_INCLUDE_DIR}")
endif()

if(BUILD_TESTING)
  find_package(Catch2 2 REQUIRED)
endif()
