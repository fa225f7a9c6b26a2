# cmake -DRISKGATE=<binary> -DOUTPUT_DIR=<dir> -P Completions.cmake: writes riskgate (bash),
# _riskgate (zsh) and riskgate.fish from `riskgate completion SHELL`; fails if any cannot be made.
foreach(shell_file "bash;riskgate" "zsh;_riskgate" "fish;riskgate.fish")
  list(GET shell_file 0 shell)
  list(GET shell_file 1 file)
  execute_process(COMMAND ${RISKGATE} completion ${shell} OUTPUT_FILE ${OUTPUT_DIR}/${file}.tmp
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "riskgate completion ${shell} failed (${rc})")
  endif()
  file(RENAME ${OUTPUT_DIR}/${file}.tmp ${OUTPUT_DIR}/${file})
endforeach()
