# `cpack -G DEB` (issue 7): a Debian 12 package of everything `cmake --install` installs, that
# depends on Debian's runtime libraries (not their -dev packages) and on the IPAmj明朝 font
# package the font manifest names. Included last from the top-level CMakeLists.txt.
#
# Build a package for /usr with the multiarch library folder:
#   cmake -S . -B build-deb -G Ninja -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF
#   cmake --build build-deb && (cd build-deb && cpack -G DEB)
set(CPACK_PACKAGE_NAME gijiroku)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VENDOR "gijiroku")
set(CPACK_PACKAGE_CONTACT "gijiroku maintainers <gijiroku@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The first line of the Description is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"gijiroku validates Japanese official meeting minutes (gijiyoshi, gijiroku,
kaigiroku) written in a small XML vocabulary, and renders them through a
template to a tagged PDF (PDF/UA-1) typeset by Japanese rules (JIS X 4051 /
JLREQ) and to accessible XHTML.

This package holds the command-line tool, the shared and static library with
its C++ and C headers, a CMake package and a pkg-config file, the schemas,
templates and fonts (BIZ UD Mincho and Gothic, SIL OFL 1.1).")
# The program and the libraries lose their debugging symbols (cmake/Install.cmake strips the
# static one's).
set(CPACK_STRIP_FILES ON)
# Depends: the Debian 12 runtime packages of the libraries the binary and libgijiroku.so are
# linked against, and the font package fonts/fonts.xml takes IPAmj明朝 from. dpkg-shlibdeps
# (dpkg-dev) works the library packages out from the binaries, with their version floors,
# libc6, libstdc++6 and libgcc-s1; without it the list is written out by hand.
find_program(GIJIROKU_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(GIJIROKU_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-ipamj-mincho")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libgcc-s1, libxml2, libicu72, libharfbuzz0b, libharfbuzz-subset0, libfreetype6, libhpdf-2.3.0, fonts-ipamj-mincho")
endif()
# The shared library gets a shlibs file and the ldconfig trigger.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

include(CPack)
