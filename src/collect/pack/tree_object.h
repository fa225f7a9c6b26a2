// Stage 1 (collect): git tree and commit objects as bytes read from an object store, parsed
// without libgit2 for the history walk. Trees come from the change under judgement: every
// entry is checked once when the tree is parsed (mode, name, id within the bytes), and a
// malformed one is an error, never a shorter tree. Modes are normalised as libgit2 reads them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "collect/pack/pack_index.h"
#include "core/error.h"

namespace riskgate::collect::pack {

enum class EntryMode : std::uint32_t {
  kTree = 0040000,
  kBlob = 0100644,
  kExecutable = 0100755,
  kLink = 0120000,
  kSubmodule = 0160000,
};

// A mode as written in a tree (any octal up to 0177777), read as libgit2 reads it.
EntryMode NormalizeMode(std::uint32_t written);

inline bool IsRegular(EntryMode mode) {
  return mode == EntryMode::kBlob || mode == EntryMode::kExecutable;
}

struct TreeEntry {
  std::string_view name;
  std::string_view id;  // kIdBytes raw bytes
  EntryMode mode = EntryMode::kBlob;
};

class ParsedTree {
 public:
  // The entries of `bytes` (a tree object's content), in the order stored.
  static core::Result<ParsedTree> Parse(std::shared_ptr<const std::string> bytes);

  std::size_t size() const { return starts_.size() - 1; }
  TreeEntry operator[](std::size_t i) const;
  // The stored bytes of entry i (mode, name and id): equal bytes, equal entries.
  std::string_view Raw(std::size_t i) const {
    return std::string_view(*bytes_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  // The first entry at or after `from` whose bytes differ from `other`'s entry at the same
  // distance from `other_from`, as a pair of indexes; (size(), other.size()) when one ends.
  std::pair<std::size_t, std::size_t> FirstDifference(std::size_t from, const ParsedTree& other,
                                                      std::size_t other_from) const;
  std::size_t bytes() const { return bytes_->size() + starts_.size() * sizeof(std::uint32_t); }

 private:
  std::shared_ptr<const std::string> bytes_;
  std::vector<std::uint32_t> starts_;  // where each entry starts (its mode), then the end
};

// Git's tree order: names compared bytewise, a tree's as if it ended in '/'.
int CompareInTreeOrder(const TreeEntry& a, const TreeEntry& b);

// The raw id of the tree a commit object (its content) names on its first line.
core::Result<std::string> CommitTreeId(std::string_view commit);

}  // namespace riskgate::collect::pack
