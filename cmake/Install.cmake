# `cmake --install` (issue 7): the program, the shared and static library, the headers, the data
# (schemas/, templates/, fonts/ with their licences), the examples, the documentation and man
# page, a CMake package (find_package(gijiroku) → gijiroku::gijiroku) and a pkg-config file.
# Included from the top-level CMakeLists.txt after src/.
#
# Layout under the prefix (GNUInstallDirs):
#   bin/gijiroku
#   <libdir>/libgijiroku.so.<version>, .so.<soversion>, .so, libgijiroku.a
#   <libdir>/cmake/gijiroku/, <libdir>/pkgconfig/gijiroku.pc
#   include/gijiroku/*.hpp, gijiroku.h
#   share/gijiroku/{schemas,templates,fonts,examples}   found by the binary and the library
#                                                       relative to themselves (data_dir.cpp)
#   share/man/man1/gijiroku.1, share/doc/gijiroku/
include(CMakePackageConfigHelpers)

set(GIJIROKU_DATA_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/gijiroku)
set(GIJIROKU_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gijiroku)

install(TARGETS gijiroku_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS gijiroku_shared gijiroku_static EXPORT gijirokuTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# `cmake --install --strip` (and cpack, CPACK_STRIP_FILES) strips the program and the shared
# library; CMake leaves static libraries alone, so the debugging sections of libgijiroku.a
# (most of its size) are removed here. Its symbols stay: it must still link.
if(CMAKE_STRIP)
  install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:gijiroku_static>\")
    endif()")
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/gijiroku DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

# The data the program reads at run time. The schemas are also compiled in; they are installed
# so that editors and other validators can use them.
install(FILES ${PROJECT_SOURCE_DIR}/schemas/minutes.xsd ${PROJECT_SOURCE_DIR}/schemas/template.xsd
              ${PROJECT_SOURCE_DIR}/schemas/xml.xsd
  DESTINATION ${GIJIROKU_DATA_INSTALL_DIR}/schemas)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${GIJIROKU_DATA_INSTALL_DIR}/templates
  FILES_MATCHING PATTERN "*.xml" PATTERN "*.css" PATTERN "*.md")
file(GLOB gijiroku_font_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fonts/*.ttf ${PROJECT_SOURCE_DIR}/fonts/*.otf)
install(FILES ${gijiroku_font_files} ${PROJECT_SOURCE_DIR}/fonts/fonts.xml ${PROJECT_SOURCE_DIR}/fonts/OFL.txt
              ${PROJECT_SOURCE_DIR}/fonts/README.md
  DESTINATION ${GIJIROKU_DATA_INSTALL_DIR}/fonts)
# Under share/gijiroku rather than share/doc: Debian's minimal images drop /usr/share/doc.
file(GLOB gijiroku_example_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/examples/*.xml)
install(FILES ${gijiroku_example_files} DESTINATION ${GIJIROKU_DATA_INSTALL_DIR}/examples)
install(FILES ${PROJECT_SOURCE_DIR}/examples/embed/CMakeLists.txt ${PROJECT_SOURCE_DIR}/examples/embed/embed.cpp
              ${PROJECT_SOURCE_DIR}/examples/embed/embed.c ${PROJECT_SOURCE_DIR}/examples/embed/README.md
  DESTINATION ${GIJIROKU_DATA_INSTALL_DIR}/examples/embed)

install(FILES ${PROJECT_SOURCE_DIR}/docs/gijiroku.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
file(GLOB gijiroku_doc_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${gijiroku_doc_files} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The CMake package.
install(EXPORT gijirokuTargets NAMESPACE gijiroku:: DESTINATION ${GIJIROKU_CMAKE_INSTALL_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/gijirokuConfig.cmake.in
  ${PROJECT_BINARY_DIR}/gijirokuConfig.cmake
  INSTALL_DESTINATION ${GIJIROKU_CMAKE_INSTALL_DIR}
  PATH_VARS GIJIROKU_DATA_INSTALL_DIR)
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/gijirokuConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/gijirokuConfig.cmake ${PROJECT_BINARY_DIR}/gijirokuConfigVersion.cmake
  DESTINATION ${GIJIROKU_CMAKE_INSTALL_DIR})

# The pkg-config file, relocatable through ${pcfiledir}.
file(RELATIVE_PATH GIJIROKU_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" GIJIROKU_PC_TO_PREFIX "${GIJIROKU_PC_TO_PREFIX}")
if(CMAKE_DL_LIBS)
  set(CMAKE_DL_LIBS_FLAG -l${CMAKE_DL_LIBS})
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/gijiroku.pc.in ${PROJECT_BINARY_DIR}/gijiroku.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/gijiroku.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
