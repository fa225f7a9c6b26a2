# INTERFACE targets that carry our settings; linked by our targets only, never by third-party code.
add_library(riskgate_settings INTERFACE)
target_compile_features(riskgate_settings INTERFACE cxx_std_20)
target_include_directories(riskgate_settings INTERFACE ${PROJECT_SOURCE_DIR}/src)
if(RISKGATE_SANITIZE)
  target_compile_options(riskgate_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(riskgate_settings INTERFACE -fsanitize=address,undefined)
endif()
if(RISKGATE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "RISKGATE_FUZZ needs clang (CXX=clang++-14); see tests/fuzz/README.md")
  endif()
  # Every library is instrumented for coverage; only the fuzz targets link libFuzzer's main.
  target_compile_options(riskgate_settings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(riskgate_settings INTERFACE -fsanitize=address,undefined)
endif()

add_library(riskgate_warnings INTERFACE)
target_compile_options(riskgate_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor)
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # clang's -Wconversion also warns on sign changes, which g++'s does not: keep one standard.
  target_compile_options(riskgate_warnings INTERFACE -Wno-sign-conversion)
endif()
if(RISKGATE_WERROR)
  target_compile_options(riskgate_warnings INTERFACE -Werror)
endif()

set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# riskgate_library(name SOURCES... DEPS...): one stage = one library target.
function(riskgate_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC riskgate_settings ${ARG_DEPS} PRIVATE riskgate_warnings ${ARG_PRIVATE_DEPS})
endfunction()
