// Dockerfile analysis of the pins control: base images, RUN downloads, image references.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "evaluate/pins/dockerfile_analysis.h"
#include "evaluate/pins/image_ref.h"

namespace riskgate::evaluate::pins {
namespace {

const std::string kDigest = "sha256:" + std::string(64, 'a');

std::vector<std::string> Images(const std::vector<DockerFrom>& froms) {
  std::vector<std::string> out;
  for (const auto& f : froms) out.push_back(f.image);
  return out;
}

std::vector<std::string> RunRules(const DockerfileAnalysis& a) {
  std::vector<std::string> out;
  for (const auto& i : a.run_issues) out.push_back(i.rule);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("FROM without a digest is unpinned, but digests, scratch and earlier stages are not",
          "[pins]") {
  const auto a = AnalyzeDockerfile(
      "FROM golang:1.22 AS build\n"
      "FROM --platform=$BUILDPLATFORM alpine@" +
      kDigest +
      " AS base\n"
      "FROM build AS test\n"
      "FROM scratch\n"
      "  from  ubuntu\n");
  REQUIRE(a.unpinned_froms.size() == 2);
  CHECK(a.unpinned_froms[0].image == "golang:1.22");
  CHECK(a.unpinned_froms[0].line == 1);
  CHECK(a.unpinned_froms[0].column == 6);
  CHECK(a.unpinned_froms[0].stage_name == "build");
  CHECK(a.unpinned_froms[0].reason == "tag `1.22` only, no @sha256 digest");
  CHECK(a.unpinned_froms[1].image == "ubuntu");
  CHECK(a.unpinned_froms[1].line == 5);
  CHECK(a.unpinned_froms[1].column == 9);
  CHECK(a.parse_errors.empty());
}

TEST_CASE("a stage reference keeps its stage's status in froms but is not reported again",
          "[pins]") {
  // Scorecard counts `FROM build` as a second unpinned image; riskgate reports the base once.
  const auto a = AnalyzeDockerfile("FROM python:3.12 AS build\nFROM BUILD AS two\nFROM two\n");
  CHECK(Images(a.unpinned_froms) == Strings{"python:3.12"});
  REQUIRE(a.froms.size() == 3);
  CHECK(a.froms[1].stage_reference);
  CHECK_FALSE(a.froms[1].pinned);
  CHECK_FALSE(a.froms[2].pinned);
  const auto pinned = AnalyzeDockerfile("FROM python@" + kDigest + " AS b\nFROM b\n");
  CHECK(pinned.unpinned_froms.empty());
  CHECK(pinned.froms[1].pinned);
}

TEST_CASE("build arguments declared before the first FROM are substituted", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "ARG REGISTRY=docker.io\n"
      "ARG GO=1.22@" +
      kDigest +
      "\n"
      "ARG NODE\n"
      "FROM ${REGISTRY}/library/golang:${GO} AS go\n"
      "FROM node:${NODE:-20}\n"
      "FROM $BASE\n");
  CHECK(Images(a.unpinned_froms) == (Strings{"node:20", "$BASE"}));
  CHECK(a.unpinned_froms[0].reason.find("`node:${NODE:-20}` with its build arguments") !=
        std::string::npos);
  CHECK(a.unpinned_froms[1].kind == ImagePinKind::kVariable);
  CHECK(AnalyzeDockerfile("FROM alpine@sha256:${DIGEST}\n").unpinned_froms.empty());
}

TEST_CASE("image references: tags, missing tags, bad digests, variables and docker://", "[pins]") {
  CHECK(CheckImageReference("ubuntu@" + kDigest).pinned);
  CHECK(CheckImageReference("ghcr.io/o/i:1.2@" + kDigest).pinned);
  CHECK(CheckImageReference("docker://alpine@" + kDigest).pinned);
  CHECK(CheckImageReference("SCRATCH").kind == ImagePinKind::kScratch);
  CHECK(CheckImageReference("img@sha256:${D}").kind == ImagePinKind::kVariableDigest);
  const ImagePin tag = CheckImageReference("ubuntu:22.04");
  CHECK_FALSE(tag.pinned);
  CHECK(tag.kind == ImagePinKind::kTag);
  CHECK(CheckImageReference("localhost:5000/app").kind == ImagePinKind::kNoTag);
  CHECK(CheckImageReference("python@sha256:v2").kind == ImagePinKind::kBadDigest);
  CHECK(CheckImageReference("alpine@sha256:" + std::string(64, 'A')).kind ==
        ImagePinKind::kBadDigest);
  CHECK(CheckImageReference("alpine@sha256:" + std::string(63, 'a')).kind ==
        ImagePinKind::kBadDigest);
  CHECK(CheckImageReference("${BASE}").kind == ImagePinKind::kVariable);
  CHECK(CheckImageReference("other:${TAG}").kind == ImagePinKind::kVariable);
  CHECK(CheckImageReference("").kind == ImagePinKind::kEmpty);
}

TEST_CASE("the digest fix is the reference with a placeholder and how to get the digest",
          "[pins]") {
  CHECK(DigestFixFor("ubuntu:22.04") ==
        "ubuntu:22.04@sha256:<digest>  (get it with `docker buildx imagetools inspect "
        "ubuntu:22.04` or `crane digest ubuntu:22.04`)");
  CHECK(DigestFixFor("docker://python@sha256:v2").starts_with("python@sha256:<digest>  ("));
  CHECK(DigestFixFor("${BASE}").find("ARG BASE=<image>:<tag>@sha256:<digest>") !=
        std::string::npos);
}

TEST_CASE("RUN shell form with continuations reports issues at Dockerfile lines", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "FROM scratch\n"
      "RUN apt-get update && \\\n"
      "    curl -fsSL https://x.example/i.sh \\\n"
      "      | bash && \\\n"
      "    npm install\n");
  REQUIRE(a.run_issues.size() == 2);
  CHECK(a.run_issues[0].rule == "download-then-execute");
  CHECK(a.run_issues[0].line == 3);
  CHECK(a.run_issues[0].column == 5);
  CHECK(a.run_issues[0].command == "curl -fsSL https://x.example/i.sh | bash");
  CHECK(a.run_issues[1].rule == "npm-install");
  CHECK(a.run_issues[1].line == 5);
  const auto first = AnalyzeDockerfile("RUN npm i\n");
  REQUIRE(first.run_issues.size() == 1);
  CHECK(first.run_issues[0].column == 5);
}

TEST_CASE("comment and blank lines inside a continued RUN are dropped as BuildKit does", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "RUN curl -fsSL https://x.example/i.sh \\\n"
      "# the installer\n"
      "\n"
      "  | sh\n"
      "RUN echo ok\n");
  CHECK(RunRules(a) == Strings{"download-then-execute"});
  CHECK(a.run_issues[0].line == 1);
}

TEST_CASE("exec-form RUN is analysed, including the script of sh -c", "[pins]") {
  CHECK(RunRules(AnalyzeDockerfile("RUN [\"npm\", \"install\"]\n")) == Strings{"npm-install"});
  const auto a =
      AnalyzeDockerfile("FROM scratch\nRUN [\"/bin/sh\", \"-c\", \"curl https://x | sh\"]\n");
  REQUIRE(a.run_issues.size() == 1);
  CHECK(a.run_issues[0].line == 2);
  CHECK(a.run_issues[0].column == 5);
  CHECK(RunRules(AnalyzeDockerfile("RUN [\"pip\", \"install\", \\\n  \"requests\"]\n")) ==
        Strings{"pip-install"});
  CHECK(RunRules(AnalyzeDockerfile("RUN [\"echo\", \"npm install\"]\n")).empty());
}

TEST_CASE("RUN here-documents are analysed as scripts at their lines", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "FROM scratch\n"
      "RUN <<EOF\n"
      "set -e\n"
      "curl https://x | bash\n"
      "EOF\n"
      "RUN cat <<'EOT' > /etc/motd && npm install\n"
      "curl https://x | bash\n"
      "EOT\n"
      "RUN python3 <<EOF\n"
      "print('curl https://x | bash')\n"
      "EOF\n"
      "RUN bash <<EOF\n"
      "go install example.com/t@latest\n"
      "EOF\n");
  REQUIRE(a.run_issues.size() == 3);
  CHECK(a.run_issues[0].line == 4);
  CHECK(a.run_issues[1].rule == "npm-install");
  CHECK(a.run_issues[1].line == 6);
  CHECK(a.run_issues[2].rule == "go-install");
  CHECK(a.run_issues[2].line == 13);
  CHECK(a.parse_errors.empty());
}

TEST_CASE("a file downloaded in one RUN and run in a later RUN is found", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "FROM scratch\n"
      "RUN wget https://x.example/get.sh -O /tmp/get.sh\n"
      "WORKDIR /app\n"
      "RUN sh /tmp/get.sh\n");
  REQUIRE(a.run_issues.size() == 1);
  CHECK(a.run_issues[0].line == 4);
}

TEST_CASE("ADD of a URL without --checksum is a download that must not run unchecked", "[pins]") {
  CHECK(RunRules(AnalyzeDockerfile("ADD https://x.example/i.sh /tmp/\nRUN sh /tmp/i.sh\n")) ==
        Strings{"download-then-execute"});
  CHECK(AnalyzeDockerfile("ADD --checksum=" + kDigest +
                          " https://x.example/i.sh /i.sh\nRUN sh /i.sh\n")
            .run_issues.empty());
}

TEST_CASE("COPY --from and RUN --mount from an image are checked, stages and indexes are not",
          "[pins]") {
  const auto a = AnalyzeDockerfile("FROM golang@" + kDigest +
                                   " AS build\n"
                                   "COPY --from=build /out /out\n"
                                   "COPY --from=0 /out /out\n"
                                   "COPY --from=ghcr.io/o/tool:1.0 /tool /tool\n"
                                   "RUN --mount=type=bind,from=alpine:3.19,target=/a \\\n"
                                   "    --network=none ls /a\n");
  REQUIRE(a.unpinned_froms.size() == 2);
  CHECK(a.unpinned_froms[0].image == "ghcr.io/o/tool:1.0");
  CHECK(a.unpinned_froms[0].instruction == "COPY --from");
  CHECK(a.unpinned_froms[0].line == 4);
  CHECK(a.unpinned_froms[1].image == "alpine:3.19");
  CHECK(a.unpinned_froms[1].instruction == "RUN --mount");
  CHECK(a.froms.size() == 1);
  CHECK(a.run_issues.empty());
}

TEST_CASE("the escape directive allows backquote continuations", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
      "RUN choco install git `\n"
      "    -y\n");
  CHECK(RunRules(a) == Strings{"choco-install"});
  CHECK(a.unpinned_froms.size() == 1);
}

TEST_CASE("CRLF line endings and a byte order mark are accepted", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "\xEF\xBB\xBF"
      "FROM node:20\r\nRUN npm ci \\\r\n && npm i\r\n");
  CHECK(Images(a.unpinned_froms) == Strings{"node:20"});
  CHECK(RunRules(a) == Strings{"npm-install"});
  CHECK(a.parse_errors.empty());
}

TEST_CASE("Dockerfile problems are reported with line numbers and never throw", "[pins]") {
  const auto a = AnalyzeDockerfile(
      "FROM\n"
      "FROM a b c d\n"
      "FORM ubuntu\n"
      "RUN\n"
      "RUN []\n"
      "RUN <<EOF\n"
      "echo never closed\n");
  REQUIRE(a.parse_errors.size() == 6);
  CHECK(a.parse_errors[0] == "line 1: FROM has no image");
  CHECK(a.parse_errors[1] == "line 2: FROM takes `<image> [AS <name>]`");
  CHECK(a.parse_errors[2] == "line 3: unknown instruction `FORM`");
  CHECK(a.parse_errors[3] == "line 4: RUN has no command");
  CHECK(a.parse_errors[4] == "line 5: RUN [] has no command");
  CHECK(a.parse_errors[5] == "line 6: here-document `EOF` has no terminating line");
  constexpr char kJunk[] = "\0\xff[\"\\u12\"\\\n\\";
  CHECK_NOTHROW(AnalyzeDockerfile(std::string(kJunk, sizeof kJunk - 1)));
  CHECK_NOTHROW(AnalyzeDockerfile("RUN [\"\\ud800\", \"\\u00e9\"]\nRUN \\"));
  CHECK(AnalyzeDockerfile("").froms.empty());
}

}  // namespace riskgate::evaluate::pins
