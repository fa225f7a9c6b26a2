#include "collect/pack/object_store.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <sstream>

#include "collect/safe_read.h"
#include "core/text.h"

namespace riskgate::collect::pack {
namespace {

namespace fs = std::filesystem;

// "xx" + "38 hex digits" -> raw id; false for anything else.
bool LooseId(const std::string& dir, const std::string& name, std::string& raw) {
  if (dir.size() != 2 || name.size() != 2 * kIdBytes - 2) return false;
  const std::string hex = dir + name;
  raw.assign(kIdBytes, '\0');
  for (std::size_t i = 0; i < kIdBytes; ++i) {
    // Lower case only, as git writes them (and libgit2 looks them up).
    if (hex[2 * i] >= 'A' && hex[2 * i] <= 'F') return false;
    if (hex[2 * i + 1] >= 'A' && hex[2 * i + 1] <= 'F') return false;
    const int high = core::HexDigitValue(hex[2 * i]);
    const int low = core::HexDigitValue(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    raw[i] = static_cast<char>(high * 16 + low);
  }
  return true;
}

}  // namespace

core::Result<std::unique_ptr<ObjectStore>> ObjectStore::Open(const std::string& objects_dir,
                                                             LooseObjects loose,
                                                             IndexChecks checks) {
  auto store = std::make_unique<ObjectStore>();
  if (auto added = store->AddObjectsDir(objects_dir, 0, loose); !added) {
    return tl::unexpected(added.error());
  }
  if (checks == IndexChecks::kWhole) {
    if (auto checked = store->CheckWhole(); !checked) return tl::unexpected(checked.error());
  }
  store->loose_order_.resize(store->loose_.size());
  std::iota(store->loose_order_.begin(), store->loose_order_.end(), 0u);
  // Stable: of an id loose in two folders, lookups find the first listed, the copy Distinct keeps.
  std::stable_sort(store->loose_order_.begin(), store->loose_order_.end(),
                   [&](std::uint32_t a, std::uint32_t b) {
                     return store->loose_ids_[a] < store->loose_ids_[b];
                   });
  return store;
}

std::unique_ptr<ObjectStore> ObjectStore::FromPacks(std::vector<std::unique_ptr<PackFile>> packs) {
  auto store = std::make_unique<ObjectStore>();
  store->packs_ = std::move(packs);
  return store;
}

core::Result<void> ObjectStore::AddObjectsDir(const std::string& dir, int depth,
                                              LooseObjects loose) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(dir, error);
  if (error || !fs::is_directory(canonical, error)) {
    return core::MakeError(core::ErrorCode::kRepository, "not an objects folder", dir);
  }
  if (std::find(dirs_.begin(), dirs_.end(), canonical.string()) != dirs_.end()) return {};
  dirs_.push_back(canonical.string());
  // Packs, newest name order does not matter: every pack is read. Every one git and libgit2
  // read, whatever its name: each *.pack beside its *.idx. An object only a pack this store
  // left out held would be read by libgit2 alone, unhashed (the hostile case
  // range_forged_object_in_unprefixed_pack: a cache.pack passed a token).
  std::vector<std::string> pack_paths;
  for (fs::directory_iterator it(canonical / "pack", error), end; !error && it != end;
       it.increment(error)) {
    if (it->path().extension() != ".pack" || it->path().stem().empty()) continue;
    fs::path idx = it->path();
    idx.replace_extension(".idx");
    std::error_code missing;
    if (!fs::exists(idx, missing)) continue;
    pack_paths.push_back(it->path().string());
  }
  if (error && error != std::errc::no_such_file_or_directory) {
    return core::MakeError(core::ErrorCode::kRepository,
                           "cannot list the packs: " + error.message(),
                           (canonical / "pack").string());
  }
  std::sort(pack_paths.begin(), pack_paths.end());
  const std::size_t first_pack = packs_.size();
  for (const auto& path : pack_paths) {
    auto pack = PackFile::Open(path);
    if (!pack) return tl::unexpected(pack.error());
    packs_.push_back(std::move(*pack));
  }
  if (auto added = AddMultiPackIndex(canonical.string(), first_pack); !added) return added;
  // Loose objects: objects/xx/<38 hex>.
  for (fs::directory_iterator it(canonical, error), end;
       loose == LooseObjects::kListed && !error && it != end; it.increment(error)) {
    const std::string sub = it->path().filename().string();
    if (sub.size() != 2 || !it->is_directory()) continue;
    std::error_code inner;
    for (fs::directory_iterator file(it->path(), inner), stop; !inner && file != stop;
         file.increment(inner)) {
      std::string raw;
      if (!LooseId(sub, file->path().filename().string(), raw)) continue;
      loose_.push_back(file->path().string());
      loose_ids_.push_back(std::move(raw));
    }
  }
  // Alternates: one objects folder per line, absolute or relative to this one. Read bounded,
  // without waiting on a FIFO (libgit2 reads the file with a blocking open).
  auto listed = ReadFileIfPresent((canonical / "info" / "alternates").string(), ReadLimits{});
  if (!listed) return tl::unexpected(listed.error());
  std::istringstream alternates(listed->value_or(""));
  std::string line;
  while (std::getline(alternates, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (depth >= 5) {
      return core::MakeError(core::ErrorCode::kRepository, "alternates nest more than 5 deep", dir);
    }
    const fs::path alternate = fs::path(line).is_absolute() ? fs::path(line) : canonical / line;
    if (auto added = AddObjectsDir(alternate.string(), depth + 1, loose); !added) return added;
  }
  return {};
}

core::Result<void> ObjectStore::AddMultiPackIndex(const std::string& dir, std::size_t first_pack) {
  covered_.resize(packs_.size(), false);
  const std::string path = dir + "/pack/multi-pack-index";
  std::error_code error;
  if (!fs::exists(path, error)) return {};
  auto midx = std::make_unique<Midx>();
  midx->path = path;
  auto file = MappedFile::Open(path);
  if (!file) return tl::unexpected(file.error());
  midx->file = std::move(*file);
  auto index = MultiPackIndex::Parse(midx->file.bytes(), path);
  if (!index) return tl::unexpected(index.error());
  if (!*index) return {};  // a version riskgate does not read: the packs' indexes serve
  midx->index = std::move(**index);
  // Its packs by index file name; one it names that is not here (deleted since) serves nothing.
  std::map<std::string, std::uint32_t, std::less<>> by_name;
  for (std::size_t p = first_pack; p < packs_.size(); ++p) {
    by_name.emplace(fs::path(packs_[p]->path()).replace_extension(".idx").filename().string(),
                    static_cast<std::uint32_t>(p));
  }
  for (const std::string& name : midx->index.pack_names()) {
    const auto found = by_name.find(name);
    midx->packs.push_back(found == by_name.end() ? kLoose : found->second);
  }
  for (const std::uint32_t pack : midx->packs) {
    if (pack != kLoose) covered_[pack] = true;
  }
  midxs_.push_back(std::move(midx));
  return {};
}

core::Result<void> ObjectStore::CheckWhole() const {
  for (const auto& pack : packs_) {
    if (auto fault = pack->index().WholeFault()) {
      const std::string idx = fs::path(pack->path()).replace_extension(".idx").string();
      return core::MakeError(core::ErrorCode::kRepository, "corrupt pack index: " + *fault, idx);
    }
  }
  for (const auto& midx : midxs_) {
    auto corrupt = [&](const std::string& what) {
      return core::MakeError(core::ErrorCode::kRepository, "corrupt multi-pack index: " + what,
                             midx->path);
    };
    if (auto fault = midx->index.WholeFault()) return corrupt(*fault);
    // Every offset inside its pack (after the header, before the checksum), as for a pack index.
    for (std::uint32_t i = 0; i < midx->index.size(); ++i) {
      const auto place = midx->index.PlaceOf(i);
      if (!place) return corrupt("an entry names no place");  // WholeFault said otherwise
      const std::uint32_t pack = midx->packs[place->pack];
      if (pack != kLoose &&
          (place->offset < 12 || place->offset + kIdBytes >= packs_[pack]->size())) {
        return corrupt("an offset lies outside its pack");
      }
    }
  }
  return {};
}

std::size_t ObjectStore::covered_packs() const {
  return static_cast<std::size_t>(std::count(covered_.begin(), covered_.end(), true));
}

std::vector<StoredEntry> ObjectStore::Enumerate() const {
  std::vector<StoredEntry> entries;
  std::size_t total = loose_.size();
  for (const auto& pack : packs_) total += pack->index().size();
  entries.reserve(total);
  for (std::uint32_t p = 0; p < packs_.size(); ++p) {
    const PackIndex& index = packs_[p]->index();
    const std::size_t first = entries.size();
    for (std::uint32_t i = 0; i < index.size(); ++i) {
      entries.push_back({index.Id(i), {p, index.Offset(i)}});
    }
    std::sort(
        entries.begin() + static_cast<std::ptrdiff_t>(first), entries.end(),
        [](const StoredEntry& a, const StoredEntry& b) { return a.where.offset < b.where.offset; });
  }
  for (std::uint32_t i = 0; i < loose_.size(); ++i) entries.push_back({loose_ids_[i], {kLoose, i}});
  return entries;
}

std::vector<StoredEntry> ObjectStore::Distinct(std::vector<StoredEntry> entries) const {
  // One pack's index holds each id once (its parse refuses one that does not): a store of one
  // pack is left as it is. Loose objects are not: an alternate may hold an id loose too.
  if (midxs_.empty() && !entries.empty() && entries.front().where.pack != kLoose &&
      std::all_of(entries.begin(), entries.end(), [&](const StoredEntry& e) {
        return e.where.pack == entries.front().where.pack;
      })) {
    return entries;
  }
  std::vector<bool> keep(entries.size(), true);
  if (!midxs_.empty()) {
    // Where a multi-pack index chose among copies: the one Locate gives.
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto at = Locate(entries[i].id);
      keep[i] = at && at->pack == entries[i].where.pack && at->offset == entries[i].where.offset;
    }
  } else {
    // The first copy in store order (a pack's, before any loose or later pack's), as Locate.
    std::vector<std::uint32_t> order(entries.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return entries[a].id < entries[b].id;
    });
    for (std::size_t i = 1; i < order.size(); ++i) {
      if (entries[order[i]].id == entries[order[i - 1]].id) keep[order[i]] = false;
    }
  }
  std::vector<StoredEntry> out;
  out.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (keep[i]) out.push_back(entries[i]);
  }
  return out;
}

std::optional<ObjectLocation> ObjectStore::InPacks(std::string_view raw_id, bool covered) const {
  for (std::uint32_t p = 0; p < packs_.size(); ++p) {
    if ((p < covered_.size() && covered_[p]) != covered) continue;
    if (auto at = packs_[p]->index().Find(raw_id))
      return ObjectLocation{p, packs_[p]->index().Offset(*at)};
  }
  return std::nullopt;
}

std::optional<ObjectLocation> ObjectStore::Locate(std::string_view raw_id) const {
  for (const auto& midx : midxs_) {
    if (auto at = midx->index.Find(raw_id)) {
      // An entry naming no place (a damaged index not checked whole) is passed over, as one
      // naming a pack that is gone: the packs' own indexes answer.
      const auto place = midx->index.PlaceOf(*at);
      if (place && midx->packs[place->pack] != kLoose)
        return ObjectLocation{midx->packs[place->pack], place->offset};
    }
  }
  if (auto at = InPacks(raw_id, false)) return at;
  const auto found =
      std::lower_bound(loose_order_.begin(), loose_order_.end(), raw_id,
                       [&](std::uint32_t i, std::string_view id) { return loose_ids_[i] < id; });
  if (found != loose_order_.end() && loose_ids_[*found] == raw_id)
    return ObjectLocation{kLoose, *found};
  return midxs_.empty() ? std::nullopt : InPacks(raw_id, true);
}

std::optional<std::string> ObjectStore::LoosePath(std::string_view raw_id) const {
  if (raw_id.size() != kIdBytes) return std::nullopt;
  if (!loose_.empty()) {
    const auto at = Locate(raw_id);
    if (at && at->pack == kLoose) return loose_[at->offset];
    return std::nullopt;
  }
  const std::string hex = core::HexBytes(raw_id);
  for (const std::string& dir : dirs_) {
    std::string path = dir + "/" + hex.substr(0, 2) + "/" + hex.substr(2);
    // Anything there is this object's: a FIFO or folder is refused when read, not passed over
    // to libgit2, whose blocking open would wait on a FIFO for ever.
    std::error_code error;
    if (fs::exists(fs::symlink_status(path, error))) return path;
  }
  return std::nullopt;
}

}  // namespace riskgate::collect::pack
