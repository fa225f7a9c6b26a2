// Stage 3 (evaluate), pins: unpinned base images and download-then-execute in a Dockerfile.
// Input: Dockerfile text. Output: base images without a digest (FROM, and riskgate also checks
// `COPY --from=<image>` and `RUN --mount=...,from=<image>`), shell issues of RUN instructions
// (shell form with continuations, exec form, here-documents) at Dockerfile lines, and parse
// problems. Never throws. No I/O.
//
// Semantics follow OpenSSF Scorecard. Deviations (better answers):
// - A FROM naming an earlier build stage is not reported again: the stage's own base image is
//   the finding (Scorecard counts `FROM build` again when `build` is unpinned). `froms` keeps
//   every FROM with the stage's status, so Scorecard's count is still available.
// - Build arguments are substituted in FROM only from `ARG`s before the first FROM, and
//   `$NAME` / `${NAME:-default}` forms too (Docker's rules).
// - `ADD <url> <dest>` without `--checksum` records a download, so running it later is found.
// - An exec-form `["sh", "-c", "script"]` is analysed as the script it runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/image_ref.h"
#include "evaluate/pins/shell_analysis.h"

namespace riskgate::evaluate::pins {

struct DockerFrom {
  int line = 0;  // of the image reference
  int column = 0;
  std::string image;       // as pulled: build arguments with defaults substituted
  std::string stage_name;  // `AS name`, if any
  bool pinned = false;     // for a stage reference: whether that stage's base is pinned
  std::string reason;
  std::string instruction = "FROM";  // or "COPY --from", "RUN --mount"
  bool stage_reference = false;      // names an earlier build stage
  ImagePinKind kind = ImagePinKind::kEmpty;
};

struct DockerfileAnalysis {
  std::vector<DockerFrom> unpinned_froms;  // scratch and earlier stage names excluded
  std::vector<DockerFrom> froms;           // every FROM, in order, stage references included
  std::vector<ShellIssue> run_issues;      // at Dockerfile lines
  std::vector<std::string> parse_errors;   // "line N: ..."
};

DockerfileAnalysis AnalyzeDockerfile(std::string_view text);

}  // namespace riskgate::evaluate::pins
