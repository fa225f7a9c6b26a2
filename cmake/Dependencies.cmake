# Third-party libraries, all from Debian 12 packages (see ../shared/reference/libraries.md).
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2>=1.5)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# cpp-httplib: compiled .so; its pkg-config Cflags (OpenSSL/zlib/Brotli) must match the build.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(yaml-cpp REQUIRED)
if(TARGET yaml-cpp::yaml-cpp)
  set(RISKGATE_YAML_TARGET yaml-cpp::yaml-cpp)
else()
  set(RISKGATE_YAML_TARGET yaml-cpp)
endif()
# toml++: only src/policy/gitleaks_toml.cc includes it (gitleaks configs).
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
find_package(tl-expected REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(OpenSSL REQUIRED)
# zlib: CRC32 for token checksums (also what libgit2 and cpp-httplib use).
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
# Hyperscan (amd64 only): the secrets prefilter's fast engine when present; the build falls
# back to riskgate's own Aho-Corasick automaton without it (evaluate/text/keyword_index.cc).
pkg_check_modules(HYPERSCAN IMPORTED_TARGET libhs)
