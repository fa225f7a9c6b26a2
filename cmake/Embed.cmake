# riskgate_embed(OUTPUT out.cc SYMBOL name INPUT file): compiles a data file into the binary as
# `extern const std::string_view name;` in namespace riskgate::embedded.
function(riskgate_embed)
  cmake_parse_arguments(ARG "" "OUTPUT;SYMBOL;INPUT" "" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${ARG_INPUT} -DOUTPUT=${ARG_OUTPUT} -DSYMBOL=${ARG_SYMBOL}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${ARG_INPUT} ${PROJECT_SOURCE_DIR}/cmake/EmbedFile.cmake
    COMMENT "Embedding ${ARG_INPUT}")
endfunction()
