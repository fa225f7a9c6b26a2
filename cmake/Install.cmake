# `cmake --install` and CPack (.deb and .tar.gz). The layout (GNUInstallDirs):
#   bin/riskgate, lib/riskgate/libriskgate_http.so, share/man/man1/riskgate.1, completions in
#   share/bash-completion/completions, share/zsh/vendor-completions, share/fish/vendor_completions.d (from the CLI's own help, when help2man is there),
#   share/doc/riskgate/ (LICENSE, THIRD_PARTY_NOTICES.md, README.md, docs/),
#   share/riskgate/policies/default.yaml and share/riskgate/examples/.
# tests/surfaces/package.sh builds both packages from a build tree and runs what they hold.
include(GNUInstallDirs)

install(TARGETS riskgate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The HTTP module: riskgate looks for it in ../lib/riskgate/ from its own folder (never LIBDIR's
# multiarch spelling: the relative path is fixed in collect/forge/http_module.cc).
install(TARGETS riskgate_http LIBRARY DESTINATION lib/riskgate)
install(FILES LICENSE THIRD_PARTY_NOTICES.md README.md ARCHITECTURE.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
install(FILES policies/default.yaml DESTINATION ${CMAKE_INSTALL_DATADIR}/riskgate/policies)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/riskgate/examples
        USE_SOURCE_PERMISSIONS)

# Shell completions, written by the built binary from its own command line.
set(RISKGATE_COMPLETIONS ${CMAKE_CURRENT_BINARY_DIR}/completions)
add_custom_command(
  OUTPUT ${RISKGATE_COMPLETIONS}/riskgate ${RISKGATE_COMPLETIONS}/_riskgate
         ${RISKGATE_COMPLETIONS}/riskgate.fish
  COMMAND ${CMAKE_COMMAND} -E make_directory ${RISKGATE_COMPLETIONS}
  COMMAND ${CMAKE_COMMAND} -DRISKGATE=$<TARGET_FILE:riskgate> -DOUTPUT_DIR=${RISKGATE_COMPLETIONS}
          -P ${PROJECT_SOURCE_DIR}/cmake/Completions.cmake
  DEPENDS riskgate ${PROJECT_SOURCE_DIR}/cmake/Completions.cmake
  COMMENT "Writing the shell completions from riskgate's command line")
add_custom_target(riskgate_completions ALL DEPENDS ${RISKGATE_COMPLETIONS}/riskgate
                  ${RISKGATE_COMPLETIONS}/_riskgate ${RISKGATE_COMPLETIONS}/riskgate.fish)
install(FILES ${RISKGATE_COMPLETIONS}/riskgate
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${RISKGATE_COMPLETIONS}/_riskgate DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${RISKGATE_COMPLETIONS}/riskgate.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(RISKGATE_MAN_PAGE ${CMAKE_CURRENT_BINARY_DIR}/man/riskgate.1)
  add_custom_command(
    OUTPUT ${RISKGATE_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -DRISKGATE=$<TARGET_FILE:riskgate> -DHELP2MAN=${HELP2MAN}
            -DOUTPUT=${RISKGATE_MAN_PAGE} -P ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    DEPENDS riskgate ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    COMMENT "Writing the man page from riskgate's help")
  add_custom_target(riskgate_man_page ALL DEPENDS ${RISKGATE_MAN_PAGE})
  install(FILES ${RISKGATE_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (tools/deps.sh installs it)")
endif()

set(CPACK_PACKAGE_NAME riskgate)
set(CPACK_PACKAGE_VENDOR "riskgate")
set(CPACK_PACKAGE_CONTACT "riskgate maintainers <security@riskgate.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "CI/CD policy gate: secrets, reviews, threat models and pins decided as block, warn or pass")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/riskgate/riskgate")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)  # the build's debug information stays in the build tree
set(CPACK_PACKAGE_FILE_NAME
    "riskgate-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
# .deb: Depends from the binary's real shared-library dependencies (dpkg-shlibdeps).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git")
# The .deb installs under /usr, the archive unpacks relative (bin/, share/).
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/CPackOptions.cmake)
include(CPack)
