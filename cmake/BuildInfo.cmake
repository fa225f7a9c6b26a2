# Script mode, run at every build: writes OUTPUT (C++) with the commit the binary is built from,
# whether the tree had uncommitted changes, and the build-time versions of libraries that have no
# run-time version call (RE2, yaml-cpp). The file is rewritten only when that changes, so an
# unchanged tree relinks nothing.
#   cmake -DSOURCE_DIR=... -DOUTPUT=... -DRE2_VERSION=... -DYAML_CPP_VERSION=... -P BuildInfo.cmake
set(commit "unknown")
set(dirty "false")
find_program(GIT git)
if(GIT AND EXISTS ${SOURCE_DIR}/.git)
  execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} rev-parse --short=12 HEAD
                  OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc
                  ERROR_QUIET)
  if(rc EQUAL 0 AND head MATCHES "^[0-9a-f]+$")
    set(commit ${head})
    execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} status --porcelain --untracked-files=no
                    OUTPUT_VARIABLE changes RESULT_VARIABLE rc ERROR_QUIET)
    if(NOT rc EQUAL 0 OR NOT changes STREQUAL "")
      set(dirty "true")
    endif()
  endif()
endif()
set(content "// Written by cmake/BuildInfo.cmake at build time.
#include \"app/version.h\"

namespace riskgate::app::build {
const char* const kCommit = \"${commit}\";
const bool kDirty = ${dirty};
const char* const kRe2Version = \"${RE2_VERSION}\";
const char* const kYamlCppVersion = \"${YAML_CPP_VERSION}\";
}  // namespace riskgate::app::build
")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT "${old}" STREQUAL "${content}")
  file(WRITE ${OUTPUT} "${content}")
endif()
