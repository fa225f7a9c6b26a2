#include "collect/blob_sweep.h"

#include <catch2/catch.hpp>
#include <map>
#include <mutex>
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

}  // namespace riskgate::collect
