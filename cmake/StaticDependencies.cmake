# RISKGATE_STATIC_DEPS: the third-party libraries Debian ships static archives of are linked from
# them, and the C++ runtime too, so that riskgate starts with three shared objects (libc, libm,
# the loader) instead of thirty. Start-up is most of a pre-commit hook's time: each shared
# object costs relocations and page faults before main (bench/staged_check.sh measures it).
# It is also what lets the binary run where Debian 12's exact libraries are absent.
#
# What is not static, and why:
#   - cpp-httplib has no static archive (Debian ships it compiled, split-header): it is in
#     libriskgate_http.so, loaded only when a forge API is called (collect/forge/http_module.cc).
#   - GSSAPI (Kerberos) has no static archive in Debian: libgit2 calls it only for HTTP
#     "Negotiate" authentication of remotes, and riskgate never opens a remote through libgit2
#     (no git_remote_*, git_clone or transport call anywhere in src/), so the static libgit2 is
#     linked with collect/git_without_network.cc, which answers every GSSAPI call "unavailable"
#     and keeps libgit2 from parsing the system CA bundle at start-up (see the file).
#   - glibc stays shared (a static glibc cannot load the HTTP module and breaks NSS lookups).

# riskgate_find_archive(VAR name): VAR becomes the path of lib<name>.a, which is recorded for
# static-archives.txt; a missing archive stops the configuration.
function(riskgate_find_archive var name)
  find_library(archive_${name} NAMES lib${name}.a NO_CACHE)
  if(NOT archive_${name})
    message(FATAL_ERROR "RISKGATE_STATIC_DEPS: lib${name}.a not found (its -dev package is "
                        "missing; tools/deps.sh installs it, or configure with "
                        "-DRISKGATE_STATIC_DEPS=OFF)")
  endif()
  set_property(GLOBAL APPEND PROPERTY RISKGATE_STATIC_ARCHIVES ${archive_${name}})
  set(${var} ${archive_${name}} PARENT_SCOPE)
endfunction()

# riskgate_link_static(TARGET archive-or-target...): TARGET's link interface becomes the static
# archives lib<name>.a found for each plain name, plus the CMake targets and flags given as is.
function(riskgate_link_static target)
  set(libraries)
  foreach(item IN LISTS ARGN)
    if(item MATCHES "::" OR item MATCHES "^[-$]")
      list(APPEND libraries ${item})
    else()
      riskgate_find_archive(archive ${item})
      list(APPEND libraries ${archive})
    endif()
  endforeach()
  set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${libraries}")
endfunction()

# riskgate_static_archive(TARGET name): an imported library target now names lib<name>.a.
function(riskgate_static_archive target name)
  riskgate_find_archive(archive ${name})
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION ${archive})
  foreach(config RELEASE DEBUG RELWITHDEBINFO MINSIZEREL NONE)
    get_target_property(location ${target} IMPORTED_LOCATION_${config})
    if(location)
      set_target_properties(${target} PROPERTIES IMPORTED_LOCATION_${config} ${archive})
    endif()
  endforeach()
endfunction()

riskgate_static_archive(OpenSSL::Crypto crypto)
set_property(TARGET OpenSSL::Crypto APPEND PROPERTY INTERFACE_LINK_LIBRARIES
             ${CMAKE_DL_LIBS} Threads::Threads)
riskgate_static_archive(ZLIB::ZLIB z)
riskgate_link_static(PkgConfig::LIBGIT2 git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 pcre2-8
                     OpenSSL::Crypto ZLIB::ZLIB -lrt Threads::Threads)
set_property(TARGET PkgConfig::LIBGIT2 APPEND PROPERTY INTERFACE_LINK_LIBRARIES
             $<TARGET_OBJECTS:riskgate_git_without_network>)
set_property(TARGET PkgConfig::LIBGIT2 APPEND PROPERTY INTERFACE_LINK_OPTIONS
             LINKER:--wrap=mbedtls_x509_crt_parse_file LINKER:--wrap=mbedtls_x509_crt_parse_path)
riskgate_link_static(PkgConfig::RE2 re2 Threads::Threads)
riskgate_link_static(PkgConfig::LIBDEFLATE deflate)
riskgate_link_static(PkgConfig::SQLITE3 sqlite3 -lm ${CMAKE_DL_LIBS} Threads::Threads)
if(HYPERSCAN_FOUND)
  riskgate_link_static(PkgConfig::HYPERSCAN hs -lm)
endif()
# yaml-cpp's CMake package names its shared library: an interface target of the archive instead.
add_library(riskgate_yaml_cpp_static INTERFACE)
riskgate_find_archive(yaml_cpp_archive yaml-cpp)
get_target_property(yaml_cpp_includes ${RISKGATE_YAML_TARGET} INTERFACE_INCLUDE_DIRECTORIES)
if(yaml_cpp_includes)
  target_include_directories(riskgate_yaml_cpp_static SYSTEM INTERFACE ${yaml_cpp_includes})
endif()
target_link_libraries(riskgate_yaml_cpp_static INTERFACE ${yaml_cpp_archive})
set(RISKGATE_YAML_TARGET riskgate_yaml_cpp_static)

# Programs: the C++ library from its archive (not under the sanitizers, whose runtimes replace
# parts of it). libgcc stays shared (libgcc_s.so.1, on every glibc system): GCC 12's static
# unwinder calls glibc 2.35's _dl_find_object, which would raise the glibc a binary needs.
if(NOT RISKGATE_SANITIZE AND NOT RISKGATE_FUZZ)
  add_link_options($<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-static-libstdc++>)
  foreach(runtime libstdc++.a)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${runtime}
                    OUTPUT_VARIABLE runtime_path OUTPUT_STRIP_TRAILING_WHITESPACE)
    set_property(GLOBAL APPEND PROPERTY RISKGATE_STATIC_ARCHIVES ${runtime_path})
  endforeach()
endif()

# The archives linked, one per line, for tests/surfaces/notices.sh (every one needs its notice).
get_property(archives GLOBAL PROPERTY RISKGATE_STATIC_ARCHIVES)
list(REMOVE_DUPLICATES archives)
# No symbol of these archives is exported from a program: one that also loads OpenSSL's or the
# C++ runtime's shared libraries (the tests' HTTP servers, the HTTP module) keeps the two copies
# apart instead of binding the shared ones to the static ones. (Only these: the sanitizers'
# runtimes are archives too, and must stay exported.)
set(archive_names)
foreach(archive IN LISTS archives)
  get_filename_component(archive_name ${archive} NAME)
  list(APPEND archive_names ${archive_name})
endforeach()
list(JOIN archive_names ":" excluded)
add_link_options($<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:LINKER:--exclude-libs,${excluded}>)
list(JOIN archives "\n" archives_text)
file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/static-archives.txt CONTENT "${archives_text}\n")
