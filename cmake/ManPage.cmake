# Script mode: writes OUTPUT, riskgate's man page, from the CLI's own help: help2man reads
# `riskgate --help` and `--version`, and a COMMANDS section gets each subcommand's `--help`.
#   cmake -DRISKGATE=<binary> -DHELP2MAN=<help2man> -DOUTPUT=<riskgate.1> -P ManPage.cmake
execute_process(COMMAND ${RISKGATE} --help OUTPUT_VARIABLE top RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "riskgate --help failed (${rc})")
endif()
string(REGEX REPLACE ".*\nSubcommands:\n" "" listing "${top}")
string(REGEX MATCHALL "\n?  ([a-z][a-z-]*) " entries "\n${listing}")
set(include "[COMMANDS]\n")
foreach(entry IN LISTS entries)
  string(REGEX REPLACE "\n?  ([a-z][a-z-]*) " "\\1" name "${entry}")
  execute_process(COMMAND ${RISKGATE} ${name} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "riskgate ${name} --help failed (${rc})")
  endif()
  # roff: backslashes doubled; a line starting with . or ' would be a request.
  string(REPLACE "\\" "\\\\" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND include ".SS ${name}\n.nf\n${help}\n.fi\n")
endforeach()
get_filename_component(dir ${OUTPUT} DIRECTORY)
file(WRITE ${dir}/riskgate-commands.h2m "${include}")
execute_process(
  COMMAND ${HELP2MAN} --no-info --section 1
          --name "a CI/CD policy gate that decides block, warn or pass"
          --include ${dir}/riskgate-commands.h2m --output ${OUTPUT}.tmp ${RISKGATE}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc})")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
