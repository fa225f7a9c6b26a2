// Stage 1 (collect): how collect tells text it scans from content it skips.
#pragma once

#include <string_view>

namespace riskgate::collect {

// git's heuristic: a NUL byte in the first 8000 bytes means binary.
inline bool LooksBinary(std::string_view text) {
  return text.substr(0, 8000).find('\0') != std::string_view::npos;
}

// A Git LFS pointer (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): small, starts
// with the spec version line and names the object by its sha256.
inline bool IsLfsPointer(std::string_view text) {
  return text.size() < 1024 && text.starts_with("version https://git-lfs.github.com/spec/") &&
         text.find("\noid sha256:") != std::string_view::npos;
}

}  // namespace riskgate::collect
