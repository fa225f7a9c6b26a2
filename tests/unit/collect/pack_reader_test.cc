// Issue 21: riskgate's own object-database reader (collect/pack/), checked object by object
// against git itself (`git cat-file --batch-all-objects --batch`) on repositories whose packs
// hold OFS_DELTA chains, REF_DELTA entries, several packs and loose objects; and refusing
// corrupt deltas, indexes and packs with an error instead of a crash or a partial object.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "collect/git_pack_backend.h"
#include "collect/pack/git_delta.h"
#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"
#include "collect/pack/pack_index.h"
#include "collect/pack/verified_ids.h"
#include "collect/pack/zlib_stream.h"
#include "core/text.h"
#include "support/git_objects.h"
#include "support/temp_repo.h"

namespace riskgate::collect::pack {
namespace {

namespace fs = std::filesystem;
using testing::TempRepo;

using testing::GitObjects;

std::string KindName(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::kCommit:
      return "commit";
    case ObjectKind::kTree:
      return "tree";
    case ObjectKind::kBlob:
      return "blob";
    case ObjectKind::kTag:
      return "tag";
  }
  return "?";
}

// A file rewritten a little at each of `commits` commits: long delta chains once repacked.
void Evolve(TempRepo& repo, int commits, const std::string& tag) {
  std::string text;
  for (int line = 0; line < 400; ++line)
    text += "line " + std::to_string(line) + " of " + tag + "\n";
  for (int i = 0; i < commits; ++i) {
    text.insert(text.size() / 2, "inserted " + std::to_string(i) + " (" + tag + ")\n");
    text += "tail " + std::to_string(i) + "\n";
    repo.Write("src/" + tag + ".txt", text);
    repo.Write("notes/" + tag + "-" + std::to_string(i % 3) + ".md", text.substr(0, 500 + i));
    repo.Commit(tag + " " + std::to_string(i));
  }
}

// Reads every object the store lists and compares it with git's; returns the entry types seen.
std::map<EntryType, int> CompareWithGit(TempRepo& repo) {
  const auto expected = GitObjects(repo);
  auto store = ObjectStore::Open(repo.path() + "/.git/objects");
  REQUIRE(store);
  ObjectReader reader(**store, 1 << 20);
  std::set<std::string> seen;
  std::map<EntryType, int> types;
  for (const auto& entry : (*store)->Enumerate()) {
    const std::string id = core::HexBytes(entry.id);
    INFO(id);
    if (entry.where.pack != kLoose) {
      auto header = (*store)->packs()[entry.where.pack]->EntryAt(entry.where.offset);
      REQUIRE(header);
      ++types[header->type];
    }
    auto info = reader.Info(entry.where);
    REQUIRE(info);
    auto object = reader.Read(entry.where);
    REQUIRE(object);
    const auto want = expected.find(id);
    REQUIRE(want != expected.end());
    CHECK(KindName(object->kind) == want->second.type);
    CHECK(KindName(info->kind) == want->second.type);
    CHECK(info->size == want->second.bytes.size());
    CHECK(*object->bytes == want->second.bytes);
    // The kind alone, and the object unless it is larger than a limit: from this reader, whose
    // cache now holds the object, and from a cold one that reads its entry (a delta's own
    // instructions tell its size).
    auto kind = reader.Kind(entry.where);
    REQUIRE(kind);
    CHECK(*kind == info->kind);
    for (const bool cold : {false, true}) {
      ObjectReader fresh(**store, 1 << 20);
      ObjectReader& asked = cold ? fresh : reader;
      std::uint64_t size = 0;
      if (info->size > 0) {
        auto smaller = asked.ReadAtMost(entry.where, info->size - 1, size);
        REQUIRE(smaller);
        CHECK_FALSE(smaller->has_value());
        CHECK(size == info->size);
      }
      auto fits = asked.ReadAtMost(entry.where, info->size, size);
      REQUIRE(fits);
      REQUIRE(fits->has_value());
      CHECK((*fits)->kind == info->kind);
      CHECK(*(*fits)->bytes == want->second.bytes);
    }
    seen.insert(id);
    auto located = (*store)->Locate(entry.id);
    REQUIRE(located);
  }
  CHECK(seen.size() == expected.size());
  // Every pack entry was inflated once at least: the reader counts no fewer bytes touched than
  // its packs hold but for their headers and trailers (the walk lets pages go by that count).
  std::uint64_t entry_bytes = 0;
  for (const auto& pack : (*store)->packs()) entry_bytes += pack->size() - 12 - 20;
  CHECK(reader.touched() >= entry_bytes);
  return types;
}

}  // namespace

TEST_CASE("a pack of any name beside its index is read, as git and libgit2 read it",
          "[collect][pack]") {
  TempRepo repo;
  Evolve(repo, 6, "named");
  repo.Git({"repack", "-adq"});
  const fs::path packs = fs::path(repo.path()) / ".git/objects/pack";
  for (const auto& file : fs::directory_iterator(packs)) {
    const auto ext = file.path().extension();
    if (ext == ".pack" || ext == ".idx") fs::rename(file.path(), packs / ("cache" + ext.string()));
  }
  // git itself still reads every object from the renamed pack.
  const auto expected = GitObjects(repo);
  REQUIRE(expected.size() > 10);
  auto store = ObjectStore::Open(repo.path() + "/.git/objects");
  REQUIRE(store);
  REQUIRE((*store)->packs().size() == 1);
  ObjectReader reader(**store, 1 << 20);
  for (const auto& [hex, object] : expected) {
    const auto raw = core::BytesFromHex(hex);
    REQUIRE(raw);
    const auto at = (*store)->Locate(*raw);
    REQUIRE(at);
    auto read = reader.Read(*at);
    REQUIRE(read);
    CHECK(*read->bytes == object.bytes);
  }
}

TEST_CASE("a caller's size limit makes an object too large, the reader's own makes it an error",
          "[collect][pack]") {
  TempRepo repo;
  Evolve(repo, 12, "sized");
  repo.Git({"repack", "-adf", "--depth=50", "--window=50", "-q"});
  auto store = ObjectStore::Open(repo.path() + "/.git/objects");
  REQUIRE(store);
  int deltas = 0;
  for (const auto& entry : (*store)->Enumerate()) {
    ObjectReader reader(**store, 1 << 20);
    auto object = reader.Read(entry.where);
    REQUIRE(object);
    const std::uint64_t length = (*object).bytes->size();
    if (length < 2) continue;
    const auto header = (*store)->packs()[entry.where.pack]->EntryAt(entry.where.offset);
    REQUIRE(header);
    if (header->type == EntryType::kOfsDelta) ++deltas;
    INFO(core::HexBytes(entry.id) << " of " << length << " bytes");
    // Over a caller's limit: too large, with its size, whatever the reader's own limit.
    for (const std::uint64_t own : {kMaxObjectBytes, length / 2}) {
      ObjectReader limited(**store, 1 << 20, own);
      std::uint64_t size = 0;
      auto small = limited.ReadAtMost(entry.where, length / 2 - 1, size);
      REQUIRE(small);
      CHECK_FALSE(small->has_value());
      CHECK(size == length);
    }
    // Under a caller's limit but over the reader's own: an error, never the object.
    ObjectReader limited(**store, 1 << 20, length / 2);
    std::uint64_t size = 0;
    auto over = limited.ReadAtMost(entry.where, kMaxObjectBytes, size);
    CHECK_FALSE(over);
    CHECK_FALSE(limited.Read(entry.where));
  }
  CHECK(deltas > 5);
}

TEST_CASE("a delta's copied ranges: each run of the base's bytes once, in the result's order",
          "[collect][pack]") {
  const std::string base = "hello, world";
  // Copies 0..3 and 3..7 (one run of the base), insert "X", copy 7..12 (the base goes on but the
  // result does not), copy 0..5 (the result goes on but the base does not).
  const std::string delta =
      std::string("\x0c\x12\x90\x03\x91\x03\x04\x01X\x91\x07\x05\x90\x05", 14);
  std::vector<CopiedRange> copied{{99, 100}};  // replaced, not appended to
  auto applied = ApplyDelta(base, delta, &copied);
  REQUIRE(applied);
  CHECK(*applied == "hello, Xworldhello");
  CHECK(copied == std::vector<CopiedRange>{{0, 7}, {8, 13}, {13, 18}});
  auto plain = ApplyDelta(base, delta);
  REQUIRE(plain);
  CHECK(*plain == *applied);
  // Only inserts: nothing copied.
  REQUIRE(ApplyDelta(base, std::string("\x0c\x02\x02hi", 5), &copied));
  CHECK(copied.empty());
}

TEST_CASE("git's delta format: copies and inserts applied, every bound checked",
          "[collect][pack]") {
  const std::string base = "hello, world";
  // base 12, result 12: copy 7 bytes from offset 0 ("hello, "), insert "there".
  const std::string good = std::string("\x0c\x0c\x90\x07\x05", 5) + "there";
  auto applied = ApplyDelta(base, good);
  REQUIRE(applied);
  CHECK(*applied == "hello, there");
  auto sizes = ReadDeltaSizes(good);
  REQUIRE(sizes);
  CHECK(sizes->base == 12);
  CHECK(sizes->result == 12);
  CHECK(sizes->header_bytes == 2);
  CHECK_FALSE(ApplyDelta(base, std::string("\x0c\x0b\x90\x07\x05", 5) + "there"));  // result longer
  CHECK_FALSE(ApplyDelta("hello", good));                                 // another base size
  CHECK_FALSE(ApplyDelta(base, std::string("\x0c\x0c\x91\x08\x07", 5)));  // copy past the base
  CHECK_FALSE(
      ApplyDelta(base, std::string("\x0c\x02\x05", 3) + "there"));        // insert past the result
  CHECK_FALSE(ApplyDelta(base, std::string("\x0c\x01\x00", 3)));          // reserved op 0
  CHECK_FALSE(ApplyDelta(base, std::string("\x0c\x0c\x05", 3) + "the"));  // insert cut short
  CHECK_FALSE(ApplyDelta(base, std::string("\x0c\x05\x90", 3)));          // copy cut short
  CHECK_FALSE(
      ApplyDelta(base, std::string("\x0c\x0d\x90\x07\x05", 5) + "there"));  // result shorter
  // A result size no instruction stream of that length could reach: refused before allocating.
  CHECK_FALSE(ApplyDelta(base, std::string("\x0c\xff\xff\xff\xff\x0f\x90\x07", 8)));
  CHECK_FALSE(ReadDeltaSizes(std::string("\x8c", 1)));
  CHECK_FALSE(ReadDeltaSizes(std::string(12, '\xff')));  // more than 64 bits
}

TEST_CASE(
    "the pack reader reads every object exactly as git does: OFS_DELTA chains, loose objects, two "
    "packs",
    "[collect][pack]") {
  TempRepo repo;
  Evolve(repo, 40, "first");
  // 3 MiB that do not compress: more pack bytes than a page per entry read, so the count of
  // bytes touched must hold what was inflated.
  std::mt19937 random(21);
  std::string noise(3 << 20, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  repo.Write("noise.bin", noise);
  repo.Commit("noise");
  repo.Git({"repack", "-adf", "--depth=50", "--window=50", "-q"});
  Evolve(repo, 10, "second");  // a second pack
  repo.Git({"repack", "-d", "-q"});
  Evolve(repo, 3, "loose");  // loose objects
  repo.Git({"tag", "-a", "v1", "-m", "an annotated tag"});
  const auto types = CompareWithGit(repo);
  CHECK(types.count(EntryType::kOfsDelta) == 1);
  CHECK(types.at(EntryType::kOfsDelta) > 20);
  // Reading the noise alone touches its 3 MiB, not just the page of its header.
  auto store = ObjectStore::Open(repo.path() + "/.git/objects");
  REQUIRE(store);
  std::string noise_id = repo.Git({"rev-parse", "HEAD~13:noise.bin"});
  noise_id.erase(noise_id.find_last_not_of('\n') + 1);
  const auto noise_at = (*store)->Locate(*core::BytesFromHex(noise_id));
  REQUIRE(noise_at);
  ObjectReader reader(**store, 1 << 20);
  REQUIRE(reader.Read(*noise_at));
  CHECK(reader.touched() >= noise.size());
}

TEST_CASE("the pack reader resolves REF_DELTA entries, the format without base offsets",
          "[collect][pack]") {
  TempRepo repo;
  Evolve(repo, 30, "ref");
  // pack-objects without --delta-base-offset writes REF_DELTA entries.
  testing::Shell(
      "git rev-list --objects --all | git pack-objects -q --window=50 --depth=50 "
      ".git/objects/pack/pack >/dev/null && git prune-packed",
      repo.path());
  const auto types = CompareWithGit(repo);
  CHECK(types.count(EntryType::kRefDelta) == 1);
  CHECK(types.count(EntryType::kOfsDelta) == 0);
}

// zlib's compress2 of `text`.
std::string Deflated(const std::string& text) {
  uLongf length = compressBound(text.size());
  std::string out(length, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &length,
                    reinterpret_cast<const Bytef*>(text.data()), text.size(), 6) == Z_OK);
  out.resize(length);
  return out;
}

TEST_CASE("an entry is inflated exactly, in one call up to 4 MiB and streamed beyond",
          "[collect][pack]") {
  // Both ways give the same answers: the bytes when the stream holds exactly the size given,
  // whatever follows it; an error when it holds more or fewer, or its checksum is wrong.
  for (const std::size_t size : {std::size_t{0}, std::size_t{1000}, std::size_t{5} << 20}) {
    std::string text(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
      text[i] = static_cast<char>("riskgate\n"[i % 9] ^ (i >> 12));
    const std::string stream = Deflated(text);
    INFO("size " << size);
    auto whole = InflateExactly(stream + "trailing bytes of the next entry", size);
    REQUIRE(whole);
    CHECK(*whole == text);
    CHECK_FALSE(InflateExactly(stream, size + 1));
    if (size > 0) CHECK_FALSE(InflateExactly(stream, size - 1));
    CHECK_FALSE(InflateExactly(stream.substr(0, stream.size() - 1), size));  // cut short
    std::string bad_sum = stream;
    bad_sum.back() = static_cast<char>(bad_sum.back() ^ 1);  // Adler-32's last byte
    CHECK_FALSE(InflateExactly(bad_sum, size));
    auto error = InflateExactly("not a zlib stream", size);
    REQUIRE_FALSE(error);
    CHECK(error.error().code == core::ErrorCode::kRepository);
  }
}

TEST_CASE("a corrupt pack or index is an error naming the file, never a crash or a partial object",
          "[collect][pack]") {
  TempRepo repo;
  Evolve(repo, 20, "corrupt");
  repo.Git({"repack", "-adf", "--depth=50", "-q"});
  std::string pack_path;
  for (const auto& file : fs::directory_iterator(repo.path() + "/.git/objects/pack")) {
    if (file.path().extension() == ".pack") pack_path = file.path().string();
  }
  REQUIRE_FALSE(pack_path.empty());
  const std::string idx_path = pack_path.substr(0, pack_path.size() - 5) + ".idx";
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto write = [](const std::string& path, const std::string& bytes) {
    fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  };
  const std::string pack_bytes = read(pack_path);
  const std::string idx_bytes = read(idx_path);

  SECTION("an index whose ids are out of order") {
    std::string bad = idx_bytes;
    std::swap_ranges(bad.begin() + 1032, bad.begin() + 1052, bad.begin() + 1052);
    // Parsed (a lookup stays inside it), refused by the whole check.
    auto index = PackIndex::Parse(bad, pack_bytes.size(), "x.idx");
    REQUIRE(index);
    CHECK(index->WholeFault());
    const auto expected = GitObjects(repo);  // before: git reads the damaged index too
    write(idx_path, bad);
    auto store = ObjectStore::Open(repo.path() + "/.git/objects");
    REQUIRE_FALSE(store);
    CHECK(store.error().message.find("corrupt pack index") != std::string::npos);
    CHECK(store.error().location == idx_path);
    // The handles' store checks on lookup: it opens, and what it gives for an id is that id's
    // own bytes (hashed against it), or an error, or nothing where a lookup missed; never
    // another object's.
    collect::PackReads reads(collect::NewSharedPackStore(repo.path() + "/.git/objects"));
    int given = 0;
    for (const auto& [hex, object] : expected) {
      const auto raw = core::BytesFromHex(hex);
      REQUIRE(raw);
      auto got = reads.Read(*raw);
      if (!got || !*got) continue;
      ++given;
      CHECK(*(*got)->bytes == object.bytes);
    }
    CHECK(given + 2 >= static_cast<int>(expected.size()));  // all but the two swapped ids
  }
  SECTION("an index cut short, or pointing outside the pack") {
    CHECK_FALSE(
        PackIndex::Parse(idx_bytes.substr(0, idx_bytes.size() - 1), pack_bytes.size(), "x"));
    auto outside = PackIndex::Parse(idx_bytes, 100, "x");
    REQUIRE(outside);
    CHECK(outside->WholeFault() == "an offset lies outside the pack");
    auto good = PackIndex::Parse(idx_bytes, pack_bytes.size(), "x");
    REQUIRE(good);
    CHECK_FALSE(good->WholeFault());
  }
  SECTION("a pack cut short no longer matches its index") {
    write(pack_path, pack_bytes.substr(0, pack_bytes.size() - 30));
    auto store = ObjectStore::Open(repo.path() + "/.git/objects");
    REQUIRE_FALSE(store);
    // Named by the pack's path (or its index's, whose offsets now point past the pack's end).
    CHECK(store.error().location.rfind(pack_path.substr(0, pack_path.size() - 5), 0) == 0);
  }
  SECTION("damaged entry data: every object is read or refused, none returned wrong") {
    const auto expected = GitObjects(repo);
    std::string bad = pack_bytes;
    for (std::size_t at = 200; at + 20 < bad.size(); at += 97)
      bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    write(pack_path, bad);
    auto store = ObjectStore::Open(repo.path() + "/.git/objects");
    REQUIRE(store);
    ObjectReader reader(**store, 1 << 20);
    int refused = 0;
    for (const auto& entry : (*store)->Enumerate()) {
      auto object = reader.Read(entry.where);
      if (!object) {
        ++refused;
        CHECK(object.error().code == core::ErrorCode::kRepository);
        continue;
      }
      // zlib's checksum makes a damaged stream fail; what is read is what git stored.
      CHECK(*object->bytes == expected.at(core::HexBytes(entry.id)).bytes);
    }
    CHECK(refused > 0);
  }
}

// A version 2 index of `ids` (sorted, unique), every entry at offset 12 of a 64-byte pack.
std::string IndexOf(const std::vector<std::string>& ids) {
  std::string idx("\377tOc\0\0\0\2", 8);
  const auto be32 = [&](std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) idx += static_cast<char>((v >> shift) & 0xff);
  };
  std::uint32_t counts[256] = {};
  for (const auto& id : ids) ++counts[static_cast<unsigned char>(id[0])];
  std::uint32_t running = 0;
  for (const std::uint32_t count : counts) be32(running += count);
  for (const auto& id : ids) idx += id;
  for (std::size_t i = 0; i < ids.size(); ++i) be32(0);   // CRCs
  for (std::size_t i = 0; i < ids.size(); ++i) be32(12);  // offsets
  return idx + std::string(2 * kIdBytes, '\0');
}

TEST_CASE("an index finds each id it holds and none it does not, however its ids are spread",
          "[collect][pack]") {
  // Find guesses an id's place from its bytes (hashes are spread evenly) and brackets it from
  // there: checked against a sorted search on even ids, on ids crowded at one end of their first
  // byte's range or sharing every byte but the last, and on buckets of one id or none.
  std::mt19937 random(21);
  const auto random_id = [&](unsigned char first) {
    std::string id(kIdBytes, '\0');
    for (char& c : id) c = static_cast<char>(random());
    id[0] = static_cast<char>(first);
    return id;
  };
  std::set<std::string> ids;
  for (int i = 0; i < 20000; ++i) ids.insert(random_id(static_cast<unsigned char>(random() % 200)));
  for (int i = 0; i < 3000; ++i) {
    std::string id = random_id(200);
    id[1] = id[2] = id[3] = '\0';  // every guess lands on the bucket's first ids
    ids.insert(id);
    id = random_id(201);
    id[1] = id[2] = id[3] = id[4] = '\xff';  // ... or its last
    ids.insert(id);
  }
  for (int i = 0; i < 256; ++i)
    ids.insert(std::string(kIdBytes - 2, '\x07').insert(0, 1, '\xca') + static_cast<char>(i));
  ids.insert(random_id(230));  // a bucket of one
  const std::vector<std::string> sorted(ids.begin(), ids.end());
  const std::string bytes = IndexOf(sorted);
  auto index = PackIndex::Parse(bytes, 64, "test.idx");
  REQUIRE(index);
  REQUIRE(index->size() == sorted.size());
  for (std::uint32_t i = 0; i < sorted.size(); ++i) {
    const auto found = index->Find(sorted[i]);
    REQUIRE(found);
    CHECK(*found == i);
  }
  int absent = 0;
  const auto check_absent = [&](std::string id) {
    if (ids.contains(id)) return;
    ++absent;
    CHECK_FALSE(index->Find(id));
  };
  for (const auto& id : sorted) {
    for (const int at : {19, 10, 4, 1}) {
      std::string near = id;
      near[static_cast<std::size_t>(at)] =
          static_cast<char>(near[static_cast<std::size_t>(at)] + 1);
      check_absent(near);
      near[static_cast<std::size_t>(at)] =
          static_cast<char>(near[static_cast<std::size_t>(at)] - 2);
      check_absent(near);
    }
  }
  for (int first = 0; first < 256; ++first) {
    check_absent(std::string(1, static_cast<char>(first)) + std::string(kIdBytes - 1, '\0'));
    check_absent(std::string(1, static_cast<char>(first)) + std::string(kIdBytes - 1, '\xff'));
    check_absent(random_id(static_cast<unsigned char>(first)));
  }
  CHECK(absent > 200000);
}

}  // namespace riskgate::collect::pack

namespace riskgate::collect::pack {

TEST_CASE("raw ids are keys by value, and one store's verified ids are shared by its threads",
          "[collect]") {
  const std::string a(kIdBytes, '\x01');
  std::string b = a;
  b.back() = '\x02';  // the same first bytes: the same hash, another id
  CHECK(RawId::From(a) == RawId::From(a));
  CHECK_FALSE(RawId::From(a) == RawId::From(b));
  CHECK(RawIdHash{}(RawId::From(a)) == RawIdHash{}(RawId::From(b)));
  VerifiedIds verified;
  CHECK_FALSE(verified.Contains(RawId::From(a)));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) {
        std::string id(kIdBytes, '\0');
        id[0] = static_cast<char>(t);
        id[1] = static_cast<char>(i & 0xff);
        id[19] = static_cast<char>(i >> 8);
        verified.Insert(RawId::From(id));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) {
    for (int i = 0; i < 1000; i += 37) {
      std::string id(kIdBytes, '\0');
      id[0] = static_cast<char>(t);
      id[1] = static_cast<char>(i & 0xff);
      id[19] = static_cast<char>(i >> 8);
      CHECK(verified.Contains(RawId::From(id)));
    }
  }
  CHECK_FALSE(verified.Contains(RawId::From(b)));
}

TEST_CASE("verified ids: every id inserted is there, none other, however alike their first bytes",
          "[collect][pack]") {
  // The table places an id by its first 8 bytes: ids that share them (and differ further on)
  // must still be told apart, and its growth must keep every one.
  std::mt19937 random(21);
  VerifiedIds verified;
  std::vector<RawId> in;
  std::vector<RawId> out;
  for (int i = 0; i < 60000; ++i) {
    std::string id(kIdBytes, '\0');
    for (char& c : id) c = static_cast<char>(random());
    if (i % 3 == 0) std::memset(id.data(), 0x5a, 8);  // a third share their first 8 bytes
    (i % 2 == 0 ? in : out).push_back(RawId::From(id));
  }
  for (const RawId& id : in) verified.Insert(id);
  for (const RawId& id : in) verified.Insert(id);  // again: no change
  int found = 0;
  for (const RawId& id : in) found += verified.Contains(id) ? 1 : 0;
  int wrong = 0;
  for (const RawId& id : out) wrong += verified.Contains(id) ? 1 : 0;
  CHECK(found == static_cast<int>(in.size()));
  CHECK(wrong == 0);
}

TEST_CASE("an id loose in two objects folders is looked up where the sweep's list keeps it",
          "[collect][pack]") {
  // Every reader must read an id at one place (a hashed id passes unhashed later): the list's
  // first copy in store order is the one Locate gives, here with many ids loose twice, in the
  // repository's folder and in an alternate that holds copies of the same files.
  TempRepo repo;
  for (int i = 0; i < 300; ++i) repo.Write("f" + std::to_string(i) + ".txt", std::to_string(i));
  repo.Commit("three hundred loose blobs");
  const std::string objects = repo.path() + "/.git/objects";
  const std::string alternate = repo.path() + "/alternate";
  fs::create_directories(alternate + "/pack");
  for (const auto& dir : fs::directory_iterator(objects)) {
    const std::string name = dir.path().filename().string();
    if (name.size() != 2) continue;
    fs::copy(dir.path(), alternate + "/" + name, fs::copy_options::recursive);
  }
  fs::create_directories(objects + "/info");
  std::ofstream(objects + "/info/alternates") << alternate << "\n";
  auto store = ObjectStore::Open(objects);
  REQUIRE(store);
  const auto all = (*store)->Enumerate();
  const auto kept = (*store)->Distinct(all);
  REQUIRE(all.size() == 2 * kept.size());
  for (const auto& entry : kept) {
    const auto at = (*store)->Locate(entry.id);
    REQUIRE(at);
    CHECK(at->pack == kLoose);
    CHECK(at->offset == entry.where.offset);
    CHECK((*store)->loose_paths()[at->offset].rfind(objects, 0) == 0);
  }
}

}  // namespace riskgate::collect::pack
