# Third-party libraries, all from Debian 12 packages (see ../shared/reference/libraries.md).
# RISKGATE_STATIC_DEPS (cmake/StaticDependencies.cmake) links them from their static archives.
option(RISKGATE_STATIC_DEPS
       "Link libgit2, RE2, yaml-cpp, Hyperscan, libcrypto, zlib, libdeflate, SQLite and the C++ runtime statically" ON)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2>=1.5)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# RE2's pkg-config file says 0.0.0 on Debian, and RE2 has no version call: `--version` names the
# package's version instead, where dpkg knows it.
set(RISKGATE_RE2_VERSION "${RE2_VERSION}")
find_program(DPKG_QUERY dpkg-query)
if(DPKG_QUERY)
  execute_process(COMMAND ${DPKG_QUERY} -W "-f=\${Version}" libre2-dev
                  OUTPUT_VARIABLE re2_package RESULT_VARIABLE rc ERROR_QUIET)
  if(rc EQUAL 0 AND re2_package MATCHES "^([0-9]+)")
    set(RISKGATE_RE2_VERSION "${CMAKE_MATCH_1}")
  endif()
endif()
# cpp-httplib: compiled .so; its pkg-config Cflags (OpenSSL/zlib/Brotli) must match the build.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(yaml-cpp REQUIRED)
if(TARGET yaml-cpp::yaml-cpp)
  set(RISKGATE_YAML_TARGET yaml-cpp::yaml-cpp)
else()
  set(RISKGATE_YAML_TARGET yaml-cpp)
endif()
# toml++: only src/policy/gitleaks_toml.cc includes it (gitleaks configs), in its header-only
# form: one translation unit pays the compile, and no program loads libtomlplusplus.so.
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
set_target_properties(PkgConfig::TOMLPP PROPERTIES INTERFACE_LINK_LIBRARIES ""
                      INTERFACE_COMPILE_OPTIONS "-DTOML_HEADER_ONLY=1;-DTOML_SHARED_LIB=0")
find_package(tl-expected REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(OpenSSL REQUIRED)
# zlib: CRC32 for token checksums (also what libgit2 and cpp-httplib use).
find_package(ZLIB REQUIRED)
# libdeflate: whole-buffer inflation of pack entries for the history audit's blob sweep (about
# twice zlib's speed where an object's size is known ahead).
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)
# SQLite: the risk ledger's database (`riskgate ledger`, `riskgate dashboard`).
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
find_package(Threads REQUIRED)
# Hyperscan (amd64 only): the secrets prefilter's fast engine when present; the build falls
# back to riskgate's own Aho-Corasick automaton without it (evaluate/text/keyword_index.cc).
pkg_check_modules(HYPERSCAN IMPORTED_TARGET libhs)

if(RISKGATE_STATIC_DEPS)
  include(cmake/StaticDependencies.cmake)
endif()
