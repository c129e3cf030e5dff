# libgijiroku.so and libgijiroku.a (issue 7): the library as other programs take it in.
# Included at the end of src/CMakeLists.txt, once every module of DESIGN §2 is defined.
#
# Both are made of the objects the module libraries already compiled (position-independent,
# CMAKE_POSITION_INDEPENDENT_CODE), so nothing is compiled twice. The shared library exports
# only the public API, C++ (include/gijiroku/*.hpp) and C (include/gijiroku/gijiroku.h): the
# version script cmake/gijiroku.map makes every other symbol local, so the modules' internals
# (and the std:: templates they instantiate) are hidden from, and cannot clash with, the
# program that loads it. The CLI keeps linking the static modules.

# Every module: each folder of src/ whose target is a static library (cli/ is the program).
set(gijiroku_library_objects)
set(gijiroku_library_third_party)
file(GLOB gijiroku_module_dirs LIST_DIRECTORIES true RELATIVE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/src/*)
foreach(m IN LISTS gijiroku_module_dirs)
  if(NOT TARGET gijiroku_${m})
    continue()
  endif()
  get_target_property(type gijiroku_${m} TYPE)
  if(NOT type STREQUAL "STATIC_LIBRARY")
    continue()
  endif()
  list(APPEND gijiroku_library_objects $<TARGET_OBJECTS:gijiroku_${m}>)
  # The module's own third-party libraries (its LINK_LIBRARIES minus our modules).
  get_target_property(links gijiroku_${m} LINK_LIBRARIES)
  foreach(l IN LISTS links)
    if(l AND NOT l MATCHES "^gijiroku_")
      list(APPEND gijiroku_library_third_party ${l})
    endif()
  endforeach()
endforeach()
list(REMOVE_DUPLICATES gijiroku_library_third_party)

# 0.x releases may break the ABI with every minor version, so the soname carries both.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(gijiroku_soversion ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
else()
  set(gijiroku_soversion ${PROJECT_VERSION_MAJOR})
endif()

set(gijiroku_version_script ${PROJECT_SOURCE_DIR}/cmake/gijiroku.map)

add_library(gijiroku_shared SHARED ${gijiroku_library_objects})
add_library(gijiroku_static STATIC ${gijiroku_library_objects})
foreach(t gijiroku_shared gijiroku_static)
  target_link_libraries(${t} PRIVATE ${gijiroku_library_third_party})
  target_include_directories(${t} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  # The public headers use C++20 (defaulted comparison in SourceLoc).
  target_compile_features(${t} INTERFACE cxx_std_20)
  set_target_properties(${t} PROPERTIES OUTPUT_NAME gijiroku)
endforeach()
set_target_properties(gijiroku_shared PROPERTIES
  EXPORT_NAME gijiroku
  VERSION ${PROJECT_VERSION}
  SOVERSION ${gijiroku_soversion}
  LINK_DEPENDS ${gijiroku_version_script})
set_target_properties(gijiroku_static PROPERTIES EXPORT_NAME gijiroku_static)
target_link_options(gijiroku_shared PRIVATE
  "LINKER:--version-script=${gijiroku_version_script}"
  # Every symbol the library needs is resolved at link time, against its own DT_NEEDED list.
  "LINKER:--no-undefined")
if(GIJIROKU_SANITIZE)
  target_link_options(gijiroku_shared PRIVATE -fsanitize=address,undefined)
endif()

# The names consumers use, the same in the build tree as after find_package(gijiroku).
add_library(gijiroku::gijiroku ALIAS gijiroku_shared)
add_library(gijiroku::gijiroku_static ALIAS gijiroku_static)

# Where the data is, relative to the installed bin/ and lib/ folders, for a prefix that has
# moved since the build (src/api/data_dir.cpp). CMAKE_INSTALL_LIBDIR is lib/<multiarch> when
# the prefix is /usr on Debian, so the way up is not always one level.
set(gijiroku_data_rel ${CMAKE_INSTALL_DATADIR}/gijiroku)
if(NOT IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}" AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_DATADIR}")
  file(RELATIVE_PATH gijiroku_bin_to_data /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${gijiroku_data_rel})
  target_compile_definitions(gijiroku_api PRIVATE GIJIROKU_BIN_TO_DATA="${gijiroku_bin_to_data}")
endif()
if(NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_DATADIR}")
  file(RELATIVE_PATH gijiroku_lib_to_data /prefix/${CMAKE_INSTALL_LIBDIR} /prefix/${gijiroku_data_rel})
  target_compile_definitions(gijiroku_api PRIVATE GIJIROKU_LIB_TO_DATA="${gijiroku_lib_to_data}")
endif()
