#include "collect/prior_versions.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "collect/git_repository.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

using testing::TempRepo;

// The base versions of `paths` in `base`, as AddBaseVersions gives them.
std::vector<std::optional<std::string>> BaseVersions(TempRepo& repo, const std::string& base,
                                                     const std::vector<std::string>& paths) {
  auto git = GitRepository::Open(repo.path());
  REQUIRE(git.has_value());
  std::vector<ChangedFile> files;
  for (const auto& path : paths) files.push_back(ChangedFile{path, "new\n", {}, false});
  auto added = AddBaseVersions(**git, base, 1 << 20, files);
  REQUIRE(added.has_value());
  std::vector<std::optional<std::string>> out;
  for (auto& file : files) out.push_back(file.base_content);
  return out;
}

TEST_CASE("base versions of many documents, read on every core, are each file's own", "[collect]") {
  TempRepo repo;
  std::vector<std::string> paths;
  for (int i = 0; i < 300; ++i) {
    const std::string path = "dir" + std::to_string(i % 7) + "/file" + std::to_string(i) + ".sh";
    paths.push_back(path);
    if (i % 10 == 3) continue;  // new in the change: no base version
    repo.Write(path, "echo " + std::to_string(i) + "\n");
  }
  std::filesystem::create_symlink("file1.sh", std::filesystem::path(repo.path()) / "link.sh");
  paths.push_back("link.sh");  // a symlink's target is no text to judge
  repo.Write("big.sh", std::string(std::size_t{2} << 20, 'x'));
  paths.push_back("big.sh");
  const std::string base = repo.Commit("base");

  // All at once (more than one handle's share: read on every core) and in runs of 50 (a
  // hook's few: this handle alone) give the same versions.
  const auto together = BaseVersions(repo, base, paths);
  std::vector<std::optional<std::string>> alone;
  for (std::size_t from = 0; from < paths.size(); from += 50) {
    const std::vector<std::string> run(
        paths.begin() + static_cast<std::ptrdiff_t>(from),
        paths.begin() + static_cast<std::ptrdiff_t>(std::min(from + 50, paths.size())));
    for (auto& version : BaseVersions(repo, base, run)) alone.push_back(std::move(version));
  }
  REQUIRE(together.size() == paths.size());
  CHECK(together == alone);
  for (std::size_t i = 0; i < 300; ++i) {
    INFO(paths[i]);
    if (i % 10 == 3) {
      CHECK_FALSE(together[i].has_value());
    } else {
      REQUIRE(together[i].has_value());
      CHECK(*together[i] == "echo " + std::to_string(i) + "\n");
    }
  }
  CHECK_FALSE(together[300].has_value());  // link.sh: a symlink's target is no text to judge
  CHECK_FALSE(together[301].has_value());  // big.sh: over the limit, absent as when judged
}

}  // namespace
}  // namespace riskgate::collect
