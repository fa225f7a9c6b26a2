// Issue 21: the multi-pack index (collect/pack/multi_pack_index.h) as git writes it (`git
// multi-pack-index write`) beside several packs, some holding the same objects, a pack it does
// not cover and loose objects: every object found and read as git reads it, each listed once at
// the copy lookups give; a corrupt index is an error naming it, one of a version riskgate does
// not read is left aside, and one that names an object at another's place yields bytes that do
// not hash to the id.
#include "collect/pack/multi_pack_index.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "core/text.h"
#include "support/git_objects.h"
#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::collect::pack {
namespace {

namespace fs = std::filesystem;
using testing::GitObjects;
using testing::TempRepo;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFile(const std::string& path, const std::string& bytes) {
  if (fs::exists(path)) fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string Trimmed(std::string text) {
  text.erase(text.find_last_not_of('\n') + 1);
  return text;
}

// Commits `count` rounds of files named after `tag`, each a little different.
void Rounds(TempRepo& repo, const std::string& tag, int count) {
  for (int i = 0; i < count; ++i) {
    std::string text;
    for (int line = 0; line < 60 + i; ++line) text += tag + " line " + std::to_string(line) + "\n";
    repo.Write(tag + "/file.txt", text);
    repo.Write(tag + "/round" + std::to_string(i % 4) + ".md", tag + " " + std::to_string(i));
    repo.Commit(tag + " " + std::to_string(i));
  }
}

// A repository of four packs a multi-pack index covers (the fourth holding a copy of every
// object of the first three), a pack written after the index, and loose objects.
void ManyPacks(TempRepo& repo) {
  Rounds(repo, "first", 12);
  repo.Git({"repack", "-adq"});
  Rounds(repo, "second", 8);
  repo.Git({"repack", "-dq"});
  Rounds(repo, "third", 8);
  repo.Git({"repack", "-dq"});
  testing::Shell(
      "git rev-list --objects --all | git pack-objects -q .git/objects/pack/pack >/dev/null",
      repo.path());
  repo.Git({"multi-pack-index", "write"});
  Rounds(repo, "after", 4);
  repo.Git({"repack", "-dq"});  // a fifth pack, which the index does not cover
  Rounds(repo, "loose", 2);
}

// The repository's object store, which must open.
std::unique_ptr<ObjectStore> OpenStore(TempRepo& repo) {
  auto store = ObjectStore::Open(repo.path() + "/.git/objects");
  REQUIRE(store);
  return std::move(*store);
}

std::string MidxPath(TempRepo& repo) { return repo.path() + "/.git/objects/pack/multi-pack-index"; }

std::string PackName(const PackFile& pack) { return fs::path(pack.path()).stem().string(); }

struct Row {
  std::string id;  // raw
  std::uint32_t pack = 0;
  std::uint64_t offset = 0;
};

void Be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}
void Be64(std::string& out, std::uint64_t v) {
  Be32(out, static_cast<std::uint32_t>(v >> 32));
  Be32(out, static_cast<std::uint32_t>(v));
}

// A version 1 multi-pack index of `rows` (sorted by id, unique) over `packs`, as git lays one
// out; offsets of 2 GiB and more go to a large-offset chunk.
std::string MidxOf(const std::vector<std::string>& packs, const std::vector<Row>& rows) {
  std::string names;
  for (const auto& name : packs) names += name + '\0';
  while (names.size() % 4 != 0) names += '\0';
  std::string fanout, ids, offsets, large;
  std::uint32_t counts[256] = {};
  for (const auto& row : rows) ++counts[static_cast<unsigned char>(row.id[0])];
  std::uint32_t running = 0;
  for (const std::uint32_t count : counts) Be32(fanout, running += count);
  std::uint32_t large_count = 0;
  for (const auto& row : rows) {
    ids += row.id;
    Be32(offsets, row.pack);
    if (row.offset >= 0x80000000u) {
      Be32(offsets, 0x80000000u | large_count++);
      Be64(large, row.offset);
    } else {
      Be32(offsets, static_cast<std::uint32_t>(row.offset));
    }
  }
  std::vector<std::pair<std::string, std::string>> chunks = {
      {"PNAM", names}, {"OIDF", fanout}, {"OIDL", ids}, {"OOFF", offsets}};
  if (!large.empty()) chunks.emplace_back("LOFF", large);
  std::string out = "MIDX";
  out += '\1';
  out += '\1';
  out += static_cast<char>(chunks.size());
  out += '\0';
  Be32(out, static_cast<std::uint32_t>(packs.size()));
  std::uint64_t at = 12 + (chunks.size() + 1) * 12;
  for (const auto& [id, bytes] : chunks) {
    out += id;
    Be64(out, at);
    at += bytes.size();
  }
  Be32(out, 0);
  Be64(out, at);
  for (const auto& chunk : chunks) out += chunk.second;
  return out + std::string(kIdBytes, '\0');
}

// Sorted rows of `count` ids spread over every first byte.
std::vector<Row> SpreadRows(int count) {
  std::vector<Row> rows;
  for (int i = 0; i < count; ++i) {
    std::string id(kIdBytes, '\0');
    for (std::size_t b = 0; b < kIdBytes; ++b)
      id[b] = static_cast<char>((i * 37 + static_cast<int>(b) * 11) & 0xff);
    id[0] = static_cast<char>(i * 256 / count);
    id[1] = static_cast<char>(i % 256);
    rows.push_back({id, static_cast<std::uint32_t>(i % 3), 12 + std::uint64_t(i) * 100});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.id < b.id; });
  return rows;
}

// Every object git listed is found and read as git read it, and the sweep's list holds each
// once, at the place lookups give.
void ReadsEveryObjectOnce(const ObjectStore& store,
                          const std::map<std::string, testing::GitObject>& expected) {
  ObjectReader reader(store, 1 << 20);
  for (const auto& [hex, want] : expected) {
    INFO(hex);
    const std::string raw = *core::BytesFromHex(hex);
    const auto at = store.Locate(raw);
    REQUIRE(at);
    auto object = reader.Read(*at);
    REQUIRE(object);
    CHECK(*object->bytes == want.bytes);
    CHECK(NamesObject(*object, object->kind, raw));
  }
  std::set<std::string> ids;
  for (const auto& entry : store.Distinct(store.Enumerate())) {
    CHECK(ids.insert(core::HexBytes(entry.id)).second);
    const auto at = store.Locate(entry.id);
    REQUIRE(at);
    CHECK(at->pack == entry.where.pack);
    CHECK(at->offset == entry.where.offset);
  }
  CHECK(ids.size() == expected.size());
}

}  // namespace

TEST_CASE("a multi-pack index as git writes it: every object found and read, each listed once",
          "[collect][pack]") {
  TempRepo repo;
  ManyPacks(repo);
  const auto expected = GitObjects(repo);
  auto store = OpenStore(repo);
  REQUIRE(store->packs().size() == 5);
  CHECK(store->multi_pack_indexes() == 1);
  CHECK(store->covered_packs() == 4);
  // The index itself, read as the store reads it.
  const std::string midx_bytes = ReadFile(MidxPath(repo));
  auto midx = MultiPackIndex::Parse(midx_bytes, "multi-pack-index");
  REQUIRE(midx);
  REQUIRE(*midx);
  CHECK((*midx)->pack_names().size() == 4);

  ReadsEveryObjectOnce(*store, expected);
  // Where the index lists an object, lookups give the copy it chose; the fourth pack's copies
  // and the first three's are one object each in the sweep's list.
  int chosen_by_index = 0;
  for (const auto& [hex, want] : expected) {
    INFO(hex);
    const std::string raw = *core::BytesFromHex(hex);
    const auto listed = (*midx)->Find(raw);
    if (!listed) continue;
    ++chosen_by_index;
    const auto at = store->Locate(raw);
    REQUIRE(at);
    REQUIRE(at->pack != kLoose);
    const auto place = (*midx)->PlaceOf(*listed);
    REQUIRE(place);
    CHECK((*midx)->pack_names()[place->pack] == PackName(*store->packs()[at->pack]) + ".idx");
    CHECK(place->offset == at->offset);
  }
  CHECK(chosen_by_index > 100);
  const auto all = store->Enumerate();
  CHECK(all.size() > store->Distinct(all).size());
}

TEST_CASE("a multi-pack index only speeds lookups up: a pack gone, or a pack it leaves out",
          "[collect][pack]") {
  TempRepo repo;
  ManyPacks(repo);
  // As git read them before: git itself fails on an object its index places in a deleted pack.
  const auto expected = GitObjects(repo);
  auto original = OpenStore(repo);
  SECTION("an index that covers two packs of five") {
    std::string listed;
    for (std::size_t p = 0; p < 2; ++p) listed += PackName(*original->packs()[p]) + ".idx\n";
    testing::Shell("printf '" + listed + "' | git multi-pack-index write --stdin-packs",
                   repo.path());
  }
  SECTION("an index that names a pack deleted since (its objects are in the fourth pack too)") {
    // Of the packs the index names, the smallest goes: the fourth, the largest, holds a copy of
    // every object of the other three.
    auto midx = MultiPackIndex::Parse(ReadFile(MidxPath(repo)), "m");
    REQUIRE(midx);
    REQUIRE(*midx);
    const PackFile* smallest = nullptr;
    for (const auto& pack : original->packs()) {
      const auto& listed = (*midx)->pack_names();
      if (std::find(listed.begin(), listed.end(), PackName(*pack) + ".idx") == listed.end())
        continue;
      if (smallest == nullptr || pack->index().size() < smallest->index().size())
        smallest = pack.get();
    }
    REQUIRE(smallest != nullptr);
    const std::string stem = smallest->path().substr(0, smallest->path().size() - 5);
    fs::remove(stem + ".pack");
    fs::remove(stem + ".idx");
  }
  auto store = OpenStore(repo);
  CHECK(store->multi_pack_indexes() == 1);
  ReadsEveryObjectOnce(*store, expected);
}

TEST_CASE("a multi-pack index finds each id it lists and none it does not, offsets past 2 GiB too",
          "[collect][pack]") {
  const std::vector<std::string> packs = {"pack-a.idx", "pack-b.idx", "pack-c.idx"};
  auto rows = SpreadRows(700);
  rows[5].offset = (std::uint64_t{1} << 33) + 7;  // in the large-offset chunk
  rows[600].offset = 0x80000000u;
  const std::string bytes = MidxOf(packs, rows);
  auto midx = MultiPackIndex::Parse(bytes, "m");
  REQUIRE(midx);
  REQUIRE(*midx);
  CHECK((*midx)->size() == rows.size());
  CHECK((*midx)->pack_names() == packs);
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    const auto found = (*midx)->Find(rows[i].id);
    REQUIRE(found);
    CHECK(*found == i);
    REQUIRE((*midx)->PlaceOf(i));
    CHECK((*midx)->PlaceOf(i)->pack == rows[i].pack);
    CHECK((*midx)->PlaceOf(i)->offset == rows[i].offset);
    std::string other = rows[i].id;
    other.back() = static_cast<char>(other.back() ^ 0x40);
    const auto near = (*midx)->Find(other);
    CHECK((!near || (*midx)->Id(*near) == other));
  }
  CHECK_FALSE((*midx)->Find(std::string(kIdBytes, '\xff')));
  CHECK_FALSE((*midx)->Find("short"));
}

TEST_CASE("a corrupt multi-pack index is an error naming it, another version is left aside",
          "[collect][pack]") {
  const std::vector<std::string> packs = {"pack-a.idx", "pack-b.idx", "pack-c.idx"};
  const auto rows = SpreadRows(300);
  const std::string good = MidxOf(packs, rows);
  REQUIRE(MultiPackIndex::Parse(good, "m"));
  const std::size_t table = 12;
  const std::size_t names = 12 + 5 * 12;  // PNAM's bytes, after four rows and the last
  const std::size_t fanout = names + 36;  // "pack-a.idx\0" x 3, padded to 4
  const std::size_t ids = fanout + 1024;
  const std::size_t offsets = ids + rows.size() * kIdBytes;
  auto refused = [](const std::string& bytes, const std::string& why) {
    auto parsed = MultiPackIndex::Parse(bytes, "objects/pack/multi-pack-index");
    INFO(why);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == core::ErrorCode::kRepository);
    CHECK(parsed.error().location == "objects/pack/multi-pack-index");
    CHECK(parsed.error().message.find("corrupt multi-pack index: " + why) != std::string::npos);
  };
  auto with = [&](std::size_t at, const std::string& bytes) {
    std::string out = good;
    out.replace(at, bytes.size(), bytes);
    return out;
  };
  refused("MIDX", "too short");
  refused(with(0, "MIDY"), "no MIDX signature");
  refused(good.substr(0, 200), "a chunk lies outside the file");
  refused(with(table + 4, std::string("\0\0\0\0\0\0\0\1", 8)), "a chunk lies outside the file");
  refused(with(table + 12, "PNAM"), "a chunk given twice");
  refused(with(table + 12, std::string(4, '\0')), "a chunk id of zero");
  refused(with(table + 12, "RIDX"), "a required chunk");
  refused(with(fanout, std::string("\0\0\1\0", 4)), "its fan-out table is not in order");
  refused(with(fanout + 1020, std::string("\0\0\1\0", 4)), "its id chunk does not hold its ids");
  // What depends on every entry is found by the whole check; a lookup never reads past the file.
  auto faulted = [](const std::string& bytes, const std::string& why) {
    auto parsed = MultiPackIndex::Parse(bytes, "m");
    INFO(why);
    REQUIRE(parsed);
    REQUIRE(*parsed);
    const auto fault = (*parsed)->WholeFault();
    REQUIRE(fault);
    CHECK(fault->find(why) != std::string::npos);
    return std::move(**parsed);  // reads `bytes`, which the caller keeps
  };
  const std::string unsorted = with(ids, rows[1].id);
  const std::string no_pack = with(offsets, std::string("\0\0\0\3", 4));
  const std::string no_large = with(offsets + 4, std::string("\x80\0\0\0", 4));
  faulted(unsorted, "its ids are not sorted");
  CHECK_FALSE(faulted(no_pack, "an object in a pack it does not name").PlaceOf(0));
  CHECK_FALSE(faulted(no_large, "an offset points past its large").PlaceOf(0));
  CHECK_FALSE((*MultiPackIndex::Parse(good, "m"))->WholeFault());
  refused(with(names, std::string(32, '\0')), "its pack names are cut short");
  refused(with(8, std::string("\0\0\0\2", 4)), "more pack names than its header counts");
  // Another version, SHA-256 ids, or a layer of an incremental chain: not read, not an error.
  for (const auto& [at, byte] :
       std::vector<std::pair<std::size_t, char>>{{4, '\3'}, {5, '\2'}, {7, '\1'}}) {
    auto parsed = MultiPackIndex::Parse(with(at, std::string(1, byte)), "m");
    REQUIRE(parsed);
    CHECK_FALSE(*parsed);
  }
  CHECK(MultiPackIndex::Parse(with(4, std::string(1, '\2')), "m").value().has_value());

  SECTION("a store whose folder holds a corrupt one does not open, and says which file") {
    TempRepo repo;
    ManyPacks(repo);
    std::string bytes = ReadFile(MidxPath(repo));
    bytes[0] = 'm';
    WriteFile(MidxPath(repo), bytes);
    auto store = ObjectStore::Open(repo.path() + "/.git/objects");
    REQUIRE_FALSE(store);
    CHECK(store.error().location.find("multi-pack-index") != std::string::npos);
  }
  SECTION("an offset past the end of the pack it names") {
    TempRepo repo;
    ManyPacks(repo);
    auto store = OpenStore(repo);
    auto written = MultiPackIndex::Parse(ReadFile(MidxPath(repo)), "m");
    REQUIRE(written);
    REQUIRE(*written);
    const std::vector<std::string> pack_names = (*written)->pack_names();
    const auto one = store->Enumerate().front();
    WriteFile(MidxPath(repo), MidxOf(pack_names, {Row{std::string(one.id), 0, 1ull << 40}}));
    auto reopened = ObjectStore::Open(repo.path() + "/.git/objects");
    REQUIRE_FALSE(reopened);
    CHECK(reopened.error().message.find("outside its pack") != std::string::npos);
  }
}

TEST_CASE("a multi-pack index naming an object at another's place gives bytes that fail its id",
          "[collect][pack]") {
  TempRepo repo;
  ManyPacks(repo);
  const std::string forged =
      *core::BytesFromHex(Trimmed(repo.Git({"rev-parse", "HEAD:first/file.txt"})));
  const std::string harmless =
      *core::BytesFromHex(Trimmed(repo.Git({"rev-parse", "HEAD:second/file.txt"})));
  auto store = OpenStore(repo);
  auto written = MultiPackIndex::Parse(ReadFile(MidxPath(repo)), "m");
  REQUIRE(written);
  REQUIRE(*written);
  const std::vector<std::string> names = (*written)->pack_names();
  // An index of two objects: the forged id at the harmless blob's place.
  const auto harmless_at = store->Locate(harmless);
  REQUIRE(harmless_at);
  const std::string harmless_pack = PackName(*store->packs()[harmless_at->pack]) + ".idx";
  const auto pack_number = static_cast<std::uint32_t>(
      std::find(names.begin(), names.end(), harmless_pack) - names.begin());
  REQUIRE(pack_number < names.size());
  std::vector<Row> rows = {{forged, pack_number, harmless_at->offset},
                           {harmless, pack_number, harmless_at->offset}};
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.id < b.id; });
  WriteFile(MidxPath(repo), MidxOf(names, rows));
  auto poisoned = OpenStore(repo);
  const auto at = poisoned->Locate(forged);
  REQUIRE(at);
  CHECK(at->offset == harmless_at->offset);
  ObjectReader reader(*poisoned, 1 << 20);
  auto object = reader.Read(*at);
  REQUIRE(object);
  CHECK_FALSE(NamesObject(*object, ObjectKind::kBlob, forged));
  // The sweep's list leaves the forged id out rather than take a true copy from a pack's own
  // index, one that lookups would not give: a sweep that hashed that copy would have vouched for
  // the id, and a later lookup's bytes would have passed unhashed. Whoever reads it first now
  // reads it at the index's place and hashes it.
  int listed = 0;
  for (const auto& entry : poisoned->Distinct(poisoned->Enumerate())) {
    if (entry.id == forged) ++listed;
  }
  CHECK(listed == 0);
}

}  // namespace riskgate::collect::pack
