// Stage 1 (collect): a file mapped read-only into memory (the pack reader's .pack and .idx
// files, which can be gigabytes: pages are read as they are touched, and shared between threads).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace riskgate::collect::pack {

class MappedFile {
 public:
  // Maps `path` whole; an empty file maps to no bytes. Folders, devices and FIFOs are refused.
  static core::Result<MappedFile> Open(const std::string& path);

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  // Lets the pages of [begin, end) go from this process's memory (they are read again from the
  // file when touched): a pass over a pack much larger than memory keeps a bounded footprint.
  void Release(std::size_t begin, std::size_t end) const;

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace riskgate::collect::pack
