// The files under a folder (its .git folder left out) as the prefilter benchmarks read them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace riskgate::bench {

// Every regular file under `root` up to `max_bytes`; without `with_binary`, files holding a NUL
// byte are left out too (the history sweep scans text only).
inline std::vector<std::string> ReadTree(const std::string& root, std::uintmax_t max_bytes,
                                         bool with_binary) {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().string().find("/.git/") != std::string::npos) {
      continue;
    }
    if (entry.file_size() > max_bytes) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!with_binary && text.find('\0') != std::string::npos) continue;
    texts.push_back(std::move(text));
  }
  return texts;
}

}  // namespace riskgate::bench
