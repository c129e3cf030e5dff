# gijiroku_embed_files(TARGET BASENAME NAMESPACE FILE...)
# Generates BASENAME.cpp defining, in NAMESPACE, `std::string_view <stem>()` for each file
# (stem = file name with '.' and '-' replaced by '_'), and adds it to TARGET.
function(gijiroku_embed_files target basename namespace)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${basename}.cpp")
  list(JOIN ARGN "|" files)
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${namespace} "-DFILES=${files}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake
    COMMENT "Embedding ${basename}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
