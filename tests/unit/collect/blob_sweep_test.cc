#include "collect/blob_sweep.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "collect/git_repository.h"
#include "collect/pack/object_store.h"
#include "support/temp_repo.h"

namespace riskgate::collect {

using testing::TempRepo;

// A packed store of more objects than two runs of the sweep take (4,096 entries each), so that
// threads take several runs each, in turn: every blob must reach the sink once, as git lists it.
TEST_CASE("a sweep on several threads gives every blob of a large pack once", "[collect]") {
  TempRepo repo;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 3000; ++i) {
      repo.Write("d" + std::to_string(i % 40) + "/f" + std::to_string(i) + ".txt",
                 "file " + std::to_string(i) + " round " + std::to_string(round) + "\n");
    }
    repo.Commit("round " + std::to_string(round));
  }
  repo.Write("binary.dat", std::string("\x7f"
                                       "ELF\0\0\0\1",
                                       8));
  repo.Commit("a binary file");
  repo.Git({"repack", "-adq"});
  std::set<std::string> expected;
  std::istringstream listed(
      repo.Git({"cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)"}));
  std::string kind;
  std::string id;
  int objects = 0;
  while (listed >> kind >> id) {
    ++objects;
    if (kind == "blob") expected.insert(id);
  }
  REQUIRE(objects > 2 * 4096);  // three runs: 4,096 entries, 4,096, the rest
  REQUIRE(expected.size() == 9001);

  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto store = OpenObjectStore(**git);
  REQUIRE(store.has_value());
  REQUIRE(*store != nullptr);
  for (const int threads : {1, 2, 3}) {
    std::mutex mutex;
    std::map<std::string, int> seen;
    std::map<std::string, BlobState> states;
    auto swept = SweepBlobs(**git, store->get(), threads, 1 << 20,
                            [&](const std::string& blob, const SweptBlob& content) {
                              std::lock_guard lock(mutex);
                              ++seen[blob];
                              states[blob] = content.state;
                            });
    REQUIRE(swept.has_value());
    CHECK(*swept);
    std::set<std::string> got;
    int repeated = 0;
    for (const auto& [blob, count] : seen) {
      got.insert(blob);
      if (count != 1) ++repeated;
    }
    CHECK(repeated == 0);
    CHECK(got == expected);
    const std::string binary = repo.Git({"rev-parse", "HEAD:binary.dat"}).substr(0, 40);
    CHECK(states[binary] == BlobState::kBinary);
  }
}

// Bytes of this process's memory that hold pages of mapped .pack files (/proc/self/smaps).
std::size_t ResidentPackBytes() {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_pack = false;
  std::size_t kib = 0;
  while (std::getline(smaps, line)) {
    if (!line.empty() &&
        (std::isdigit(static_cast<unsigned char>(line[0])) || (line[0] >= 'a' && line[0] <= 'f'))) {
      in_pack = line.size() > 5 && line.compare(line.size() - 5, 5, ".pack") == 0;
    } else if (in_pack && line.rfind("Rss:", 0) == 0) {
      kib += std::stoul(line.substr(4));
    }
  }
  return kib * 1024;
}

// A store of many small packs (as `git repack --max-pack-size` or many fetches leave): pages of
// a pack the sweep has read past go when it moves to the next one, so the memory it holds stays
// about one pack, not all of them (on git/git split in 59 packs the audit's peak RSS was 786 MB).
TEST_CASE("a sweep of many packs lets each pack's pages go once it has read past it", "[collect]") {
  TempRepo repo;
  std::mt19937 random(59);
  constexpr int kBlobs = 48;
  constexpr std::size_t kBlobBytes = 1 << 20;
  for (int i = 0; i < kBlobs; ++i) {
    std::string bytes(kBlobBytes, '\0');
    for (std::size_t b = 0; b < bytes.size(); b += 4) {
      const auto word = static_cast<std::uint32_t>(random());
      std::memcpy(bytes.data() + b, &word, 4);
    }
    repo.Write("data/" + std::to_string(i) + ".bin", bytes);
  }
  repo.Commit("incompressible data");
  repo.Git({"repack", "-adq", "--max-pack-size=8m"});
  int packs = 0;
  std::istringstream listed(repo.Git({"count-objects", "-v"}));
  for (std::string line; std::getline(listed, line);) {
    if (line.rfind("packs: ", 0) == 0) packs = std::stoi(line.substr(7));
  }
  REQUIRE(packs >= 5);

  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  auto store = OpenObjectStore(**git);
  REQUIRE(store.has_value());
  REQUIRE(*store != nullptr);
  const std::size_t before = ResidentPackBytes();
  std::size_t most = 0;
  int blobs = 0;
  auto swept = SweepBlobs(**git, store->get(), 1, 2 << 20,
                          [&](const std::string&, const SweptBlob& content) {
                            if (content.size == static_cast<std::int64_t>(kBlobBytes)) ++blobs;
                            most = std::max(most, ResidentPackBytes());
                          });
  REQUIRE(swept.has_value());
  CHECK(*swept);
  CHECK(blobs == kBlobs);
  INFO("resident before " << before << ", at most " << most);
  // All of them would be 48 MiB; one pack and the margin behind the reader stay under 24 MiB.
  CHECK(most - std::min(most, before) < (24u << 20));
  CHECK(ResidentPackBytes() <= before);
}

}  // namespace riskgate::collect
