#include "core/path_glob.h"

#include <catch2/catch.hpp>
#include <string>

using riskgate::core::HasGlobSyntax;
using riskgate::core::MatchPathGlob;
using riskgate::core::PathGlobError;

TEST_CASE("a single star stays inside one directory", "[core][glob]") {
  CHECK(MatchPathGlob("configs/*.yml", "configs/build.yml"));
  CHECK_FALSE(MatchPathGlob("configs/*.yml", "configs/sub/build.yml"));
  CHECK_FALSE(MatchPathGlob("*.yml", "a/b.yml"));
  CHECK(MatchPathGlob("*", "file"));
  CHECK_FALSE(MatchPathGlob("*", "dir/file"));
}

TEST_CASE("a double star crosses directories and **/ may match none", "[core][glob]") {
  CHECK(MatchPathGlob("configs/**.yml", "configs/a/b/c.yml"));
  CHECK(MatchPathGlob("configs/**.yml", "configs/c.yml"));
  CHECK(MatchPathGlob("**/*.pem", "key.pem"));
  CHECK(MatchPathGlob("**/*.pem", "a/b/key.pem"));
  CHECK_FALSE(MatchPathGlob("**/*.pem", "a/b/key.pem.txt"));
  CHECK(MatchPathGlob("src/**/auth/*", "src/auth/login.cc"));
  CHECK(MatchPathGlob("src/**/auth/*", "src/x/y/auth/login.cc"));
  CHECK_FALSE(MatchPathGlob("src/**/auth/*", "src/x/auth/deep/login.cc"));
  CHECK(MatchPathGlob("deploy/prod/**", "deploy/prod/a/b"));
  CHECK_FALSE(MatchPathGlob("deploy/prod/**", "deploy/production/a"));
}

TEST_CASE("question marks, classes and escapes match one byte each", "[core][glob]") {
  CHECK(MatchPathGlob("file?.txt", "file1.txt"));
  CHECK_FALSE(MatchPathGlob("file?.txt", "file/.txt"));
  CHECK(MatchPathGlob("v[0-9].yml", "v7.yml"));
  CHECK_FALSE(MatchPathGlob("v[!0-9].yml", "v7.yml"));
  CHECK(MatchPathGlob("v[!0-9].yml", "vx.yml"));
  CHECK(MatchPathGlob("[]]", "]"));
  CHECK(MatchPathGlob("a\\*b", "a*b"));
  CHECK_FALSE(MatchPathGlob("a\\*b", "axb"));
}

TEST_CASE("literal patterns match only themselves", "[core][glob]") {
  CHECK(MatchPathGlob(".gitlab/ci/build.yml", ".gitlab/ci/build.yml"));
  CHECK_FALSE(MatchPathGlob(".gitlab/ci/build.yml", ".gitlab/ci/build.yaml"));
  CHECK_FALSE(HasGlobSyntax(".gitlab/ci/build.yml"));
  CHECK(HasGlobSyntax("ci/*.yml"));
}

TEST_CASE("malformed globs are reported and never match", "[core][glob]") {
  CHECK(PathGlobError("a[bc").has_value());
  CHECK(PathGlobError("ab\\").has_value());
  CHECK_FALSE(PathGlobError("a/**/b[!c]").has_value());
  CHECK_FALSE(MatchPathGlob("a[bc", "ab"));
}

TEST_CASE("many double stars stay linear on a long path", "[core][glob]") {
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "**a";
  const std::string path(5000, 'a');
  CHECK(MatchPathGlob(pattern, path));
  CHECK_FALSE(MatchPathGlob(pattern + "b", path));
}
