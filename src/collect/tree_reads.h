// Stage 1 (collect): the trees a handle's tree deltas read (tree_deltas.h): through the handle's
// pack reads (hashed against their ids), or libgit2's backends for one the store does not hold,
// parsed and kept within a budget. Part of the libgit2 adapter (GitRepository's trees_).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "collect/git_internal.h"
#include "collect/git_pack_backend.h"
#include "collect/pack/lru_cache.h"
#include "collect/pack/tree_object.h"
#include "collect/tree_deltas.h"
#include "core/error.h"

namespace riskgate::collect {

struct TreeReads {
  TreeReads(git_repository* handle, std::shared_ptr<PackReads> pack_reads)
      : repo(handle), reads(std::move(pack_reads)) {}

  // The parsed tree `raw_id`, from the cache or read now; an error for an object that is not a
  // tree, cannot be read or does not parse.
  core::Result<std::shared_ptr<const pack::ParsedTree>> Load(std::string_view raw_id);

  // The deltas from commit `from`'s tree ("" for the empty tree) to commit `to`'s; below the
  // paths `only` names, when given.
  core::Result<std::vector<TreeDelta>> Deltas(const std::string& from, const std::string& to,
                                              const std::vector<std::string>* only);
  // The same between two trees by their raw ids ("" for the empty tree).
  core::Result<std::vector<TreeDelta>> TreeDeltas(std::string_view old_root,
                                                  std::string_view new_root);

  static constexpr std::size_t kCacheBytes = std::size_t{8} << 20;  // as the reader's, per handle
  git_repository* repo;
  std::shared_ptr<PackReads> reads;
  pack::LruCache<pack::RawId, std::shared_ptr<const pack::ParsedTree>, pack::RawIdHash> cache{
      kCacheBytes};
};

}  // namespace riskgate::collect
