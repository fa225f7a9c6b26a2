// Stage 1 (collect): the one way riskgate reads a file from disk. Input: a path, a size limit and
// optionally the folder the file must stay in; output: the whole content, or an error naming the
// path. It refuses folders, devices, FIFOs and sockets (without blocking on a FIFO), never reads
// past the limit (a file that grows while read is an error), and, given a root, refuses a path
// that resolves outside it (a symlink out of the repository).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"

namespace riskgate::collect {

// Limits per kind of file (bytes).
inline constexpr std::int64_t kMaxPolicyFileBytes = 16 << 20;    // policy, packs, waivers, ...
inline constexpr std::int64_t kMaxEventPayloadBytes = 64 << 20;  // GITHUB_EVENT_PATH
inline constexpr std::int64_t kMaxReportFileBytes = std::int64_t{1} << 30;  // `merge` input

struct ReadLimits {
  std::int64_t max_bytes = kMaxPolicyFileBytes;
  // When not empty: the file must resolve (symlinks followed) inside this folder.
  std::string root = {};
};

// Reads `path` whole; a missing file is an error.
core::Result<std::string> ReadFileBounded(const std::string& path, const ReadLimits& limits);

// The same, with nullopt when nothing exists at `path` (not even a dangling symlink's target).
core::Result<std::optional<std::string>> ReadFileIfPresent(const std::string& path,
                                                           const ReadLimits& limits);

// Why a file of `mode` (st_mode) is not read as a file: "is a FIFO, not a regular file", ...
std::string NotAFile(unsigned int mode);

// Whether `path` resolves (symlinks followed, missing tail components allowed) inside `root`;
// used before writing into the repository.
bool ResolvesInside(const std::string& path, const std::string& root);

}  // namespace riskgate::collect
