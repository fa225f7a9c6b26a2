// Stage 3 (evaluate), pins: commands that prove a downloaded file intact before it runs.
// Input: a pipeline, the index of one of its commands, a downloaded file's path. Output: whether
// that command checks the file against a checksum kept in the script (`echo "<sha256>  FILE" |
// sha256sum -c`, `sha256sum -c FILE.sha256` with a checksum file not downloaded in the same job)
// or a signature (`gpg --verify FILE.asc FILE`, `cosign verify-blob`, `minisign -V`,
// `slsa-verifier verify-artifact`, `gh attestation verify`). No I/O.
#pragma once

#include <functional>
#include <string_view>

#include "evaluate/pins/shell_command.h"

namespace riskgate::evaluate::pins {

enum class VerifyKind { kNone, kChecksum, kSignature };

VerifyKind ClassifyVerification(const CommandView& view);

// `was_downloaded(path)` tells whether a file was downloaded earlier in the job: a checksum
// file fetched from the same place as the file proves nothing.
bool VerifiesFile(const ShellPipeline& pipeline, const CommandView& view, VerifyKind kind,
                  std::string_view path,
                  const std::function<bool(std::string_view)>& was_downloaded);

}  // namespace riskgate::evaluate::pins
