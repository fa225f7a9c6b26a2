// Stage 1 (collect): a repository's object database read without libgit2, for the full-history
// audit's blob scan: every pack of objects/pack (and of the alternates the repository names),
// plus the loose objects. It lists every object with where it is, in the order the packs store
// them (bases before their deltas, so one pass reads each base once), and finds one by id: by
// the folder's multi-pack index first where there is one (collect/pack/multi_pack_index.h).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/pack/mapped_file.h"
#include "collect/pack/multi_pack_index.h"
#include "collect/pack/pack_file.h"
#include "collect/pack/verified_ids.h"
#include "core/error.h"

namespace riskgate::collect::pack {

inline constexpr std::uint32_t kLoose = 0xffffffffu;  // ObjectLocation::pack of a loose object

struct ObjectLocation {
  std::uint32_t pack = kLoose;  // index into ObjectStore::packs(), or kLoose
  std::uint64_t offset = 0;     // in the pack; for a loose object, its index in loose_paths()
};

// Whether a store lists the loose objects when it opens (a history audit reads them all), or
// looks each up by its path when asked (a hook's handle: a repository may hold thousands).
enum class LooseObjects { kListed, kLookedUp };

// Whether a store checks its indexes' every entry when it opens (PackIndex::WholeFault,
// MultiPackIndex::WholeFault): what listing every object (Enumerate, Distinct) needs, and a
// history audit reads them all anyway. A hook's handle looks a few objects up and leaves them
// (kOnLookup): a lookup then stays inside the index whatever it holds, and every object read is
// hashed against its id, so a damaged index can make a read fail, never give other bytes.
enum class IndexChecks { kWhole, kOnLookup };

struct StoredEntry {
  std::string_view id;  // kIdBytes raw bytes, held by the store (its mapped index)
  ObjectLocation where;
};

class ObjectStore {
 public:
  // `objects_dir`: a repository's objects folder (…/.git/objects). Its packs are opened and
  // checked; alternates are followed (at most 5 deep). Every *.pack beside its *.idx is
  // opened, whatever its name, as git and libgit2 open them; one without its .idx (a temporary
  // one, a pack being written) is skipped as they skip it.
  static core::Result<std::unique_ptr<ObjectStore>> Open(const std::string& objects_dir,
                                                         LooseObjects loose = LooseObjects::kListed,
                                                         IndexChecks checks = IndexChecks::kWhole);

  // A store of these packs alone (the fuzz target and tests).
  static std::unique_ptr<ObjectStore> FromPacks(std::vector<std::unique_ptr<PackFile>> packs);

  const std::vector<std::unique_ptr<PackFile>>& packs() const { return packs_; }
  const std::vector<std::string>& loose_paths() const { return loose_; }

  // Every object: each pack's in offset order (packs in the order opened), then the loose ones.
  // An id in several packs is listed once per copy (Distinct keeps one). Both need a store
  // opened with IndexChecks::kWhole.
  std::vector<StoredEntry> Enumerate() const;
  // `entries` (Enumerate's, in its order) with each id once: the copy Locate gives, so that a
  // reader that hashed an id's bytes at one place never trusts another place's bytes for it.
  std::vector<StoredEntry> Distinct(std::vector<StoredEntry> entries) const;
  // Where `raw_id` is stored, asked in this order: the multi-pack indexes (folders in the order
  // opened), the packs none of them covers, the loose objects (listed ones), and last the packs
  // a multi-pack index covers, for an id it leaves out. Without a multi-pack index: the first
  // pack that holds it, else a loose object.
  std::optional<ObjectLocation> Locate(std::string_view raw_id) const;
  // How many multi-pack indexes serve lookups, and how many packs they cover.
  std::size_t multi_pack_indexes() const { return midxs_.size(); }
  std::size_t covered_packs() const;
  // The file of loose object `raw_id` in the first objects folder that has one (LooseObjects::
  // kLookedUp; a listed store answers from its list).
  std::optional<std::string> LoosePath(std::string_view raw_id) const;
  // The ids of this store's objects that a reader hashed already (every thread's readers
  // share it; it only ever grows).
  VerifiedIds& verified() const { return verified_; }

 private:
  core::Result<void> AddObjectsDir(const std::string& dir, int depth, LooseObjects loose);
  // Reads `dir`'s pack/multi-pack-index, if any, for the packs from `first_pack` on.
  core::Result<void> AddMultiPackIndex(const std::string& dir, std::size_t first_pack);
  std::optional<ObjectLocation> InPacks(std::string_view raw_id, bool covered) const;
  // Every index's every entry (IndexChecks::kWhole): an error naming the first damaged file.
  core::Result<void> CheckWhole() const;

  struct Midx {
    std::string path;
    MappedFile file;
    MultiPackIndex index;
    std::vector<std::uint32_t> packs;  // its pack numbers -> packs_ (kLoose: not opened here)
  };
  std::vector<std::unique_ptr<Midx>> midxs_;
  std::vector<bool> covered_;  // per pack: a multi-pack index lists its objects
  std::vector<std::unique_ptr<PackFile>> packs_;
  std::vector<std::string> loose_;      // paths of loose objects
  std::vector<std::string> loose_ids_;  // their raw ids, sorted with loose_order_
  std::vector<std::uint32_t> loose_order_;
  std::vector<std::string> dirs_;  // objects folders, in the order added
  mutable VerifiedIds verified_;
};

}  // namespace riskgate::collect::pack
