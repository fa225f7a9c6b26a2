// Adoption counts of secure defaults (evaluate/pins/secure_defaults.h): workflows' permissions,
// commit-pinned uses and digest-pinned images, each expected count worked out by hand.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "evaluate/pins/secure_defaults.h"

namespace riskgate::evaluate::pins {
namespace {

const std::string kSha(40, 'a');
const std::string kDigest = "sha256:" + std::string(64, 'b');

collect::ChangedFile File(std::string path, std::string content) {
  return collect::ChangedFile{std::move(path), std::move(content), {}, true};
}

// workflows, workflows_with_permissions, uses, uses_pinned, images, images_pinned.
using Counts = std::array<int, 6>;

Counts CountsOf(const std::vector<collect::ChangedFile>& files,
                const RepositoryLayout& layout = {}) {
  const core::SecureDefaults d = CountSecureDefaults(files, layout);
  return {d.workflows,    d.workflows_with_permissions, d.uses, d.uses_pinned, d.images,
          d.images_pinned};
}

}  // namespace

TEST_CASE("a workflow with permissions counts its remote uses and images but not local ones",
          "[secure_defaults]") {
  const std::string workflow =
      "on: push\n"
      "permissions:\n"
      "  contents: read\n"
      "jobs:\n"
      "  build:\n"
      "    runs-on: ubuntu-latest\n"
      "    container: node:20\n"
      "    services:\n"
      "      db:\n"
      "        image: postgres@" +
      kDigest +
      "\n"
      "      cache: redis:7\n"
      "    steps:\n"
      "      - uses: actions/checkout@" +
      kSha +
      " # v4.1.1\n"
      "      - uses: actions/setup-node@v4\n"
      "      - uses: ./local-action\n"
      "      - uses: docker://alpine@" +
      kDigest +
      "\n"
      "      - uses: docker://alpine:3.19\n"
      "      - run: echo hi\n"
      "      - uses: owner/repo/path@main\n";
  // uses: checkout (pinned), setup-node, owner/repo/path; ./local-action is not counted.
  // images: node:20, postgres@digest (pinned), redis:7, the two docker:// (one pinned).
  CHECK(CountsOf({File(".github/workflows/ci.yml", workflow)}) == Counts{1, 1, 3, 1, 5, 2});
}

TEST_CASE("a reusable workflow called by a job is a use", "[secure_defaults]") {
  const std::string workflow =
      "on: pull_request\n"
      "permissions: {}\n"
      "jobs:\n"
      "  pinned:\n"
      "    uses: org/shared/.github/workflows/build.yml@" +
      kSha +
      "\n"
      "  tagged:\n"
      "    uses: org/shared/.github/workflows/test.yml@v1\n"
      "  local:\n"
      "    uses: ./.github/workflows/local.yml\n";
  // Two remote calls, one pinned; the local call is not counted.
  CHECK(CountsOf({File(".github/workflows/call.yaml", workflow)}) == Counts{1, 1, 2, 1, 0, 0});
}

TEST_CASE("a workflow that scopes permissions only per job has no top-level permissions",
          "[secure_defaults]") {
  const std::string scoped =
      "on: push\n"
      "jobs:\n"
      "  a:\n"
      "    permissions:\n"
      "      contents: read\n"
      "    runs-on: ubuntu-latest\n"
      "    steps:\n"
      "      - uses: actions/checkout@v4\n";
  const std::string top = "on: push\npermissions: read-all\njobs: {}\n";
  // Two workflows, one with a top-level key; one use, unpinned.
  CHECK(CountsOf({File(".github/workflows/a.yml", scoped), File(".github/workflows/b.yml", top)}) ==
        Counts{2, 1, 1, 0, 0, 0});
}

TEST_CASE("a workflow whose image is chosen by the matrix counts each image the matrix names",
          "[secure_defaults]") {
  const std::string workflow =
      "on: push\n"
      "jobs:\n"
      "  test:\n"
      "    strategy:\n"
      "      matrix:\n"
      "        image: [\"debian:12\", \"debian@" +
      kDigest +
      "\"]\n"
      "    container: ${{ matrix.image }}\n"
      "  other:\n"
      "    container:\n"
      "      image: ${{ inputs.image }}\n";
  // The matrix names two images (one pinned); `inputs.image` is decided at run time.
  CHECK(CountsOf({File(".github/workflows/m.yml", workflow)}) == Counts{1, 0, 0, 0, 2, 1});
}

TEST_CASE("a workflow that does not parse as a mapping counts nowhere", "[secure_defaults]") {
  const std::vector<collect::ChangedFile> files = {
      File(".github/workflows/broken.yml", "on: push\njobs: [unclosed\n  - uses: a/b@v1\n"),
      File(".github/workflows/list.yml", "- uses: a/b@v1\n- uses: c/d@v2\n"),
      File(".github/workflows/scalar.yml", "just text\n"),
      File(".github/workflows/ok.yml",
           "on: push\njobs:\n  a:\n    steps:\n      - uses: a/b@" + kSha + "\n"),
  };
  // Only ok.yml counts: one workflow, no permissions, one pinned use.
  CHECK(CountsOf(files) == Counts{1, 0, 1, 1, 0, 0});
}

TEST_CASE("a multi-stage Dockerfile counts pulled images but not its stages or scratch",
          "[secure_defaults]") {
  const std::string dockerfile =
      "ARG BASE=golang:1.22\n"
      "FROM ${BASE} AS build\n"
      "RUN go build -o /app .\n"
      "FROM build AS test\n"
      "RUN go test ./...\n"
      "FROM scratch\n"
      "COPY --from=build /app /app\n"
      "FROM debian@" +
      kDigest +
      "\n"
      "FROM --platform=linux/amd64 alpine\n";
  // golang:1.22 (the build argument's default), debian@digest (pinned), alpine; `build` is a
  // stage and scratch is not pulled.
  CHECK(CountsOf({File("Dockerfile", dockerfile)}) == Counts{0, 0, 0, 0, 3, 1});
  // A script named after a Dockerfile is a script.
  CHECK(CountsOf({File("gen-dockerfile", "#!/bin/sh\nFROM alpine\n")}) == Counts{0, 0, 0, 0, 0, 0});
}

TEST_CASE("GitLab CI counts images and services in every form and in included files",
          "[secure_defaults]") {
  const std::string gitlab =
      "image: ruby:3.2\n"
      "services:\n"
      "  - postgres:15\n"
      "  - name: redis@" +
      kDigest +
      "\n"
      "    alias: cache\n"
      "default:\n"
      "  image:\n"
      "    name: node@" +
      kDigest +
      "\n"
      "    entrypoint: [\"\"]\n"
      "variables:\n"
      "  IMG: foo\n"
      "build:\n"
      "  image: $CI_REGISTRY_IMAGE:latest\n"
      "  services:\n"
      "    - name: docker:24-dind\n"
      "  script: echo build\n"
      ".template:\n"
      "  image: alpine@" +
      kDigest + "\n";
  const std::string included = "extra:\n  image: python:3.12\n  script: echo extra\n";
  RepositoryLayout layout;
  layout.gitlab_ci_includes = {"ci/extra.yml"};
  // .gitlab-ci.yml: ruby:3.2, postgres:15, redis@digest, node@digest, docker:24-dind and the
  // template's alpine@digest (3 pinned); the variable image is decided at run time. The
  // include adds python:3.12.
  CHECK(CountsOf({File(".gitlab-ci.yml", gitlab), File("ci/extra.yml", included)}, layout) ==
        Counts{0, 0, 0, 0, 7, 3});
  // Without the layout ci/extra.yml is no pipeline file.
  CHECK(CountsOf({File("ci/extra.yml", included)}) == Counts{0, 0, 0, 0, 0, 0});
}

TEST_CASE("action metadata counts its composite steps' uses and a docker image, not workflows",
          "[secure_defaults]") {
  const std::string composite =
      "name: build\n"
      "runs:\n"
      "  using: composite\n"
      "  steps:\n"
      "    - uses: actions/cache@" +
      kSha +
      "\n"
      "    - uses: actions/upload-artifact@v4\n"
      "    - uses: ./sub\n"
      "    - run: echo hi\n"
      "      shell: bash\n";
  const std::string docker_image =
      "name: d\nruns:\n  using: docker\n  image: docker://ghcr.io/o/i@" + kDigest + "\n";
  const std::string built = "name: b\nruns:\n  using: docker\n  image: Dockerfile\n";
  // Composite: two remote uses, one pinned. docker://: one pinned image. A Dockerfile the
  // action builds names no image here.
  CHECK(CountsOf({File("action.yml", composite), File("docker/action.yaml", docker_image),
                  File("built/action.yml", built)}) == Counts{0, 0, 2, 1, 1, 1});
}

TEST_CASE("a file without content counts nowhere as a deleted file never reaches the list",
          "[secure_defaults]") {
  // The collector leaves deleted files out of ChangedFile lists; an empty text is what is left.
  CHECK(CountsOf({File(".github/workflows/gone.yml", ""), File("Dockerfile", ""),
                  File(".gitlab-ci.yml", "")}) == Counts{0, 0, 0, 0, 0, 0});
  // Nor does a workflow-shaped file outside the places the pins control reads.
  CHECK(CountsOf({File("docs/example.yml", "on: push\npermissions: {}\njobs: {}\n")}) ==
        Counts{0, 0, 0, 0, 0, 0});
}

}  // namespace riskgate::evaluate::pins
