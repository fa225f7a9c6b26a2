#include "collect/pack/object_reader.h"

#include <charconv>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

#include "collect/pack/git_delta.h"
#include "collect/pack/sha1_lanes.h"
#include "collect/pack/zlib_stream.h"
#include "collect/safe_read.h"
#include "core/text.h"

namespace riskgate::collect::pack {
namespace {

tl::unexpected<core::Error> TooLarge(std::uint64_t size, std::uint64_t limit,
                                     const std::string& where) {
  return core::MakeError(core::ErrorCode::kRepository,
                         "object of " + std::to_string(size) +
                             " bytes: larger than riskgate reads (" + std::to_string(limit) + ")",
                         where);
}

// "blob 123\0": the kind, the size and the header's length; false when malformed.
bool ParseLooseHeader(std::string_view bytes, ObjectKind& kind, std::uint64_t& size,
                      std::size_t& length) {
  const auto space = bytes.find(' ');
  const auto nul = bytes.find('\0');
  if (space == std::string_view::npos || nul == std::string_view::npos || nul < space + 2)
    return false;
  const std::string_view type = bytes.substr(0, space);
  if (type == "commit") {
    kind = ObjectKind::kCommit;
  } else if (type == "tree") {
    kind = ObjectKind::kTree;
  } else if (type == "blob") {
    kind = ObjectKind::kBlob;
  } else if (type == "tag") {
    kind = ObjectKind::kTag;
  } else {
    return false;
  }
  const char* first = bytes.data() + space + 1;
  const char* last = bytes.data() + nul;
  if (*first == '0' && last - first > 1) return false;
  const auto parsed = std::from_chars(first, last, size);
  length = nul + 1;
  return parsed.ec == std::errc() && parsed.ptr == last;
}

constexpr std::uint64_t kPageBytes = 4096;

bool IsDelta(EntryType type) {
  return type == EntryType::kOfsDelta || type == EntryType::kRefDelta;
}

}  // namespace

bool NamesObject(const Object& object, ObjectKind kind, std::string_view raw_id) {
  return FirstMisnamed({&object, 1}, kind, {&raw_id, 1}) == 1;
}

std::size_t FirstMisnamed(std::span<const Object> objects, ObjectKind kind,
                          std::span<const std::string_view> raw_ids) {
  static constexpr std::string_view kNames[] = {"", "commit", "tree", "blob", "tag"};
  std::vector<std::string> heads;
  heads.reserve(objects.size());  // never moved: the messages point into them
  std::vector<Sha1Message> messages;
  messages.reserve(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (objects[i].kind != kind || objects[i].bytes == nullptr) return i;
    heads.push_back(std::string(kNames[static_cast<int>(kind)]) + " " +
                    std::to_string(objects[i].bytes->size()) + '\0');
    messages.push_back({heads.back(), *objects[i].bytes});
  }
  std::vector<Sha1Digest> digests(objects.size());
  Sha1Many(messages, digests);
  for (std::size_t i = 0; i < objects.size(); ++i) {
    if (std::string_view(digests[i].data(), digests[i].size()) != raw_ids[i]) return i;
  }
  return objects.size();
}

bool NamesObjectOnce(const ObjectStore& store, const Object& object, ObjectKind kind,
                     std::string_view raw_id) {
  if (object.kind != kind || raw_id.size() != kIdBytes) return false;
  const RawId id = RawId::From(raw_id);
  if (store.verified().Contains(id)) return true;
  if (!NamesObject(object, kind, raw_id)) return false;
  store.verified().Insert(id);
  return true;
}

core::Error NotItsId() {
  return core::Error{core::ErrorCode::kRepository,
                     "its content does not hash to its id (a forged or damaged pack index)", ""};
}

core::Result<void> CheckWhole(ObjectReader& reader, const ObjectStore& store, ObjectLocation where,
                              ObjectKind kind, std::string_view raw_id) {
  if (raw_id.size() == kIdBytes && store.verified().Contains(RawId::From(raw_id))) return {};
  auto object = reader.Read(where);
  if (!object) return tl::unexpected(object.error());
  if (!NamesObjectOnce(store, *object, kind, raw_id)) return tl::unexpected(NotItsId());
  return {};
}

core::Result<Object> ObjectReader::ReadLoose(std::uint32_t index, bool header_only,
                                             ObjectInfo* info, std::uint64_t limit) {
  return ReadLooseAt(store_.loose_paths().at(index), header_only, info, limit);
}

core::Result<Object> ObjectReader::ReadLooseFile(const std::string& path) {
  return ReadLooseAt(path, false, nullptr);
}

core::Result<ObjectInfo> ObjectReader::LooseFileInfo(const std::string& path) {
  ObjectInfo info;
  if (auto read = ReadLooseAt(path, true, &info); !read) return tl::unexpected(read.error());
  return info;
}

core::Result<Object> ObjectReader::ReadLooseAt(const std::string& path, bool header_only,
                                               ObjectInfo* info, std::uint64_t limit) {
  auto data = ReadFileBounded(path, ReadLimits{static_cast<std::int64_t>(max_bytes_) + 4096});
  if (!data) return tl::unexpected(data.error());
  auto head = InflatePrefix(*data, 64);
  if (!head) return core::MakeError(head.error().code, head.error().message, path);
  ObjectKind kind{};
  std::uint64_t size = 0;
  std::size_t length = 0;
  if (!ParseLooseHeader(*head, kind, size, length)) {
    return core::MakeError(core::ErrorCode::kRepository, "corrupt loose object header", path);
  }
  if (info != nullptr) *info = {kind, size};
  if (header_only || size > limit) return Object{kind, nullptr};
  if (size > max_bytes_) return TooLarge(size, max_bytes_, path);
  auto whole = InflateAll(*data, length + size);
  if (!whole) return core::MakeError(whole.error().code, whole.error().message, path);
  if (whole->size() != length + size) {
    return core::MakeError(core::ErrorCode::kRepository,
                           "corrupt loose object: shorter than its header says", path);
  }
  whole->erase(0, length);
  return Object{kind, std::make_shared<const std::string>(std::move(*whole))};
}

core::Result<ObjectLocation> ObjectReader::BaseOf(ObjectLocation where,
                                                  const PackEntry& entry) const {
  const std::uint32_t pack = where.pack;
  if (entry.type == EntryType::kOfsDelta) return ObjectLocation{pack, entry.base_offset};
  const PackIndex& index = store_.packs()[pack]->index();
  if (auto at = index.Find(entry.base_id)) return ObjectLocation{pack, index.Offset(*at)};
  if (auto elsewhere = store_.Locate(entry.base_id)) return *elsewhere;
  return core::MakeError(
      core::ErrorCode::kRepository,
      "delta base " + core::HexBytes(entry.base_id) + " is in no pack and not loose",
      store_.packs()[pack]->path());
}

core::Result<PackEntry> ObjectReader::EntryAt(const PackFile& pack, std::uint64_t offset) {
  touched_ += kPageBytes;
  return pack.EntryAt(offset);
}

core::Result<std::string> ObjectReader::Inflate(const PackFile& pack, const PackEntry& entry) {
  auto bytes = pack.Inflate(entry);
  if (bytes) touched_ += bytes->size() + kPageBytes;
  return bytes;
}

core::Result<std::uint64_t> ObjectReader::ResultSizeOf(const PackFile& pack,
                                                       const PackEntry& delta) {
  touched_ += kPageBytes;
  auto prefix = pack.InflatePrefix(delta, 32);
  if (!prefix) return tl::unexpected(prefix.error());
  auto sizes = ReadDeltaSizes(*prefix);
  if (!sizes) return core::MakeError(sizes.error().code, sizes.error().message, pack.path());
  return sizes->result;
}

core::Result<ObjectInfo> ObjectReader::Info(ObjectLocation where) {
  if (where.pack == kLoose) {
    ObjectInfo info;
    auto loose = ReadLoose(static_cast<std::uint32_t>(where.offset), true, &info);
    if (!loose) return tl::unexpected(loose.error());
    return info;
  }
  // A delta's kind is its chain's; its result's size is in its own first bytes.
  const PackFile& pack = *store_.packs()[where.pack];
  auto entry = EntryAt(pack, where.offset);
  if (!entry) return tl::unexpected(entry.error());
  if (!IsDelta(entry->type)) return ObjectInfo{static_cast<ObjectKind>(entry->type), entry->size};
  auto kind = Kind(where);
  if (!kind) return tl::unexpected(kind.error());
  auto size = ResultSizeOf(pack, *entry);
  if (!size) return tl::unexpected(size.error());
  return ObjectInfo{*kind, *size};
}

core::Result<ObjectKind> ObjectReader::Kind(ObjectLocation where) {
  for (int steps = 0; steps <= kMaxDeltaChain; ++steps) {
    if (where.pack == kLoose) {
      auto info = Info(where);
      if (!info) return tl::unexpected(info.error());
      return info->kind;
    }
    if (Object hit = cache_.Get(CacheKey(where.pack, where.offset)); hit.bytes) return hit.kind;
    const PackFile& pack = *store_.packs()[where.pack];
    auto entry = EntryAt(pack, where.offset);
    if (!entry) return tl::unexpected(entry.error());
    if (!IsDelta(entry->type)) return static_cast<ObjectKind>(entry->type);
    auto base = BaseOf(where, *entry);
    if (!base) return tl::unexpected(base.error());
    where = *base;
  }
  return core::MakeError(core::ErrorCode::kRepository,
                         "a delta chain longer than " + std::to_string(kMaxDeltaChain));
}

core::Result<Object> ObjectReader::Read(ObjectLocation where, std::optional<DeltaShape>* shape) {
  std::uint64_t size = 0;
  auto read = ReadAtMost(where, max_bytes_, size, shape);
  if (!read) return tl::unexpected(read.error());
  if (!*read) {
    return TooLarge(size, max_bytes_,
                    where.pack == kLoose ? store_.loose_paths().at(where.offset)
                                         : store_.packs()[where.pack]->path());
  }
  return std::move(**read);
}

core::Result<std::optional<Object>> ObjectReader::ReadAtMost(ObjectLocation where,
                                                             std::uint64_t limit,
                                                             std::uint64_t& size,
                                                             std::optional<DeltaShape>* shape) {
  size = 0;
  if (shape != nullptr) shape->reset();
  // Only ever at the first step, before `shape` is set.
  const auto too_large = [&](std::uint64_t bytes) -> core::Result<std::optional<Object>> {
    size = bytes;
    return std::nullopt;
  };
  std::vector<std::pair<ObjectLocation, PackEntry>> deltas;  // the chain, newest first
  std::optional<std::string> top_delta;  // the first delta's own bytes, inflated for its size
  Object base;
  for (int steps = 0;; ++steps) {
    if (steps > kMaxDeltaChain) {
      return core::MakeError(core::ErrorCode::kRepository,
                             "a delta chain longer than " + std::to_string(kMaxDeltaChain));
    }
    if (where.pack == kLoose) {
      ObjectInfo info;
      auto loose = ReadLoose(static_cast<std::uint32_t>(where.offset), false, &info,
                             steps == 0 ? limit : UINT64_MAX);
      if (!loose) return tl::unexpected(loose.error());
      if (loose->bytes == nullptr) return too_large(info.size);
      base = std::move(*loose);
      break;
    }
    if (Object hit = cache_.Get(CacheKey(where.pack, where.offset)); hit.bytes) {
      if (steps == 0 && hit.bytes->size() > limit) return too_large(hit.bytes->size());
      base = std::move(hit);
      break;
    }
    const PackFile& pack = *store_.packs()[where.pack];
    auto entry = EntryAt(pack, where.offset);
    if (!entry) return tl::unexpected(entry.error());
    if (steps == 0 && !IsDelta(entry->type) && entry->size > limit) return too_large(entry->size);
    if (steps == 0 && IsDelta(entry->type)) {
      // The result's size is in the delta's first bytes: the whole delta is inflated for them
      // (it is needed next) unless it alone is larger than the limit or than any object read.
      std::uint64_t result = 0;
      if (entry->size > limit || entry->size > max_bytes_) {
        auto from_prefix = ResultSizeOf(pack, *entry);
        if (!from_prefix) return tl::unexpected(from_prefix.error());
        result = *from_prefix;
      } else {
        auto delta = Inflate(pack, *entry);
        if (!delta) return tl::unexpected(delta.error());
        auto sizes = ReadDeltaSizes(*delta);
        if (!sizes) return core::MakeError(sizes.error().code, sizes.error().message, pack.path());
        result = sizes->result;
        top_delta = std::move(*delta);
      }
      if (result > limit) return too_large(result);
    }
    if (entry->size > max_bytes_) return TooLarge(entry->size, max_bytes_, pack.path());
    if (IsDelta(entry->type)) {
      deltas.emplace_back(where, *entry);
      auto next = BaseOf(where, *entry);
      if (!next) return tl::unexpected(next.error());
      if (shape != nullptr && deltas.size() == 1) shape->emplace().base = *next;
      where = *next;
      continue;
    }
    auto bytes = Inflate(pack, *entry);
    if (!bytes) return tl::unexpected(bytes.error());
    base = {static_cast<ObjectKind>(entry->type),
            std::make_shared<const std::string>(std::move(*bytes))};
    cache_.Put(CacheKey(where.pack, where.offset), base);
    break;
  }
  for (auto it = deltas.rbegin(); it != deltas.rend(); ++it) {
    const PackFile& pack = *store_.packs()[it->first.pack];
    // The object asked for is the chain's first delta, applied last.
    const bool first = std::next(it) == deltas.rend();
    std::string inflated;
    if (!first || !top_delta) {
      auto read = Inflate(pack, it->second);
      if (!read) return tl::unexpected(read.error());
      inflated = std::move(*read);
    }
    const std::string& delta = first && top_delta ? *top_delta : inflated;
    auto sizes = ReadDeltaSizes(delta);
    if (!sizes) return core::MakeError(sizes.error().code, sizes.error().message, pack.path());
    if (sizes->result > max_bytes_) return TooLarge(sizes->result, max_bytes_, pack.path());
    const bool asked = shape != nullptr && first;
    auto result = ApplyDelta(*base.bytes, delta, asked ? &(*shape)->copied : nullptr);
    if (!result) {
      return core::MakeError(
          result.error().code,
          result.error().message + " (at " + std::to_string(it->first.offset) + ")", pack.path());
    }
    base = {base.kind, std::make_shared<const std::string>(std::move(*result))};
    cache_.Put(CacheKey(it->first.pack, it->first.offset), base);
  }
  return base;
}

}  // namespace riskgate::collect::pack
