// Stage 6 (app): what `riskgate --version` says: the version, the commit the binary was built
// from (and whether that tree had uncommitted changes), and the versions of the libraries that
// decide what it finds (libgit2, RE2, yaml-cpp, Hyperscan).
#pragma once

#include <string>

namespace riskgate::app {

namespace build {
// Written at build time (cmake/BuildInfo.cmake): "unknown" outside a git checkout.
extern const char* const kCommit;
extern const bool kDirty;
extern const char* const kRe2Version;
extern const char* const kYamlCppVersion;
}  // namespace build

// "riskgate 0.1.0 (commit 1a2b3c4d5e6f, modified)\nlibgit2 1.5.1, RE2 ..., ...": the first line
// starts with the name and the version (help2man reads it).
std::string VersionText();

}  // namespace riskgate::app
