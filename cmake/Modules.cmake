# gijiroku_module(NAME DEPS <our modules...> THIRD_PARTY <imported targets...>)
# One static library per module of DESIGN §2, built from every .cpp in src/<name>/.
# Third-party targets are PRIVATE: a module's headers never expose them.
function(gijiroku_compile_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                         -Wconversion -Wno-sign-conversion)
  if(GIJIROKU_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(GIJIROKU_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                           -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

function(gijiroku_module name)
  cmake_parse_arguments(ARG "" "" "DEPS;THIRD_PARTY" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp")
  set(target gijiroku_${name})
  # Every module has at least module_info.cpp, so the library always has a source.
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>)
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(${target} PUBLIC gijiroku_${dep})
  endforeach()
  foreach(tp IN LISTS ARG_THIRD_PARTY)
    target_link_libraries(${target} PRIVATE ${tp})
  endforeach()
  gijiroku_compile_options(${target})
  if(GIJIROKU_SANITIZE)
    target_link_options(${target} INTERFACE -fsanitize=address,undefined)
  endif()
endfunction()
