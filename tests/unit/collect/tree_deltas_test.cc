#include <git2.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "collect/pack/tree_object.h"
#include "collect/tree_deltas.h"
#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

using testing::TempRepo;

struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

std::string Raw(const git_oid* oid) {
  return std::string(reinterpret_cast<const char*>(oid->id), GIT_OID_RAWSZ);
}

std::string Describe(const std::vector<TreeDelta>& deltas) {
  std::string out;
  for (const TreeDelta& d : deltas) {
    out += std::to_string(static_cast<int>(d.status)) + " " + d.path + " " +
           std::to_string(d.old_side.mode) + ":" + std::to_string(d.old_side.id.size()) + " " +
           std::to_string(d.new_side.mode) + "\n";
    for (char c : d.old_side.id + d.new_side.id) out += "0123456789abcdef"[(c >> 4) & 15];
  }
  return out;
}

// Both ways of diffing two commits of one repository: libgit2's tree-to-tree diff with the
// options a range check used, and riskgate's tree deltas over trees read through libgit2.
class Differ {
 public:
  explicit Differ(const std::string& path) {
    REQUIRE(git_repository_open(&repo_, path.c_str()) == 0);
    REQUIRE(git_repository_odb(&odb_, repo_) == 0);
  }
  ~Differ() {
    git_odb_free(odb_);
    git_repository_free(repo_);
  }

  std::string RootOf(const std::string& commit) {
    if (commit.empty()) return "";
    git_oid oid;
    REQUIRE(git_oid_fromstr(&oid, commit.c_str()) == 0);
    git_commit* c = nullptr;
    REQUIRE(git_commit_lookup(&c, repo_, &oid) == 0);
    const std::string raw = Raw(git_commit_tree_id(c));
    git_commit_free(c);
    return raw;
  }

  std::vector<TreeDelta> Libgit2(const std::string& from, const std::string& to,
                                 const std::vector<std::string>* only) {
    git_tree* old_tree = Tree(from);
    git_tree* new_tree = Tree(to);
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.context_lines = 0;
    opts.interhunk_lines = 0;  // submodules that point elsewhere are deltas (no ignore flag)
    std::vector<const char*> paths;
    if (only != nullptr) {
      for (const auto& path : *only) paths.push_back(path.c_str());
      opts.pathspec.strings = const_cast<char**>(paths.data());
      opts.pathspec.count = paths.size();
      opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
    }
    git_diff* diff = nullptr;
    REQUIRE(git_diff_tree_to_tree(&diff, repo_, old_tree, new_tree, &opts) == 0);
    std::vector<TreeDelta> out;
    for (std::size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
      const git_diff_delta* d = git_diff_get_delta(diff, i);
      TreeDelta delta;
      REQUIRE((d->status == GIT_DELTA_ADDED || d->status == GIT_DELTA_DELETED ||
               d->status == GIT_DELTA_MODIFIED));
      delta.status = d->status == GIT_DELTA_ADDED     ? DeltaStatus::kAdded
                     : d->status == GIT_DELTA_DELETED ? DeltaStatus::kDeleted
                                                      : DeltaStatus::kModified;
      delta.path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
      if (d->status != GIT_DELTA_ADDED) delta.old_side = {Raw(&d->old_file.id), d->old_file.mode};
      if (d->status != GIT_DELTA_DELETED) {
        delta.new_side = {Raw(&d->new_file.id), d->new_file.mode};
      }
      out.push_back(std::move(delta));
    }
    git_diff_free(diff);
    git_tree_free(old_tree);
    git_tree_free(new_tree);
    return out;
  }

  std::vector<TreeDelta> Native(const std::string& from, const std::string& to,
                                const std::vector<std::string>* only) {
    const TreeLoader load =
        [this](std::string_view raw_id) -> core::Result<std::shared_ptr<const pack::ParsedTree>> {
      git_oid oid;
      git_oid_fromraw(&oid, reinterpret_cast<const unsigned char*>(raw_id.data()));
      git_odb_object* object = nullptr;
      REQUIRE(git_odb_read(&object, odb_, &oid) == 0);
      auto bytes = std::make_shared<const std::string>(
          static_cast<const char*>(git_odb_object_data(object)), git_odb_object_size(object));
      git_odb_object_free(object);
      auto parsed = pack::ParsedTree::Parse(bytes);
      REQUIRE(parsed.has_value());
      return std::make_shared<const pack::ParsedTree>(std::move(*parsed));
    };
    auto deltas = DiffTrees(load, RootOf(from), RootOf(to), only);
    REQUIRE(deltas.has_value());
    return *deltas;
  }

 private:
  git_tree* Tree(const std::string& commit) {
    if (commit.empty()) return nullptr;
    git_oid oid;
    REQUIRE(git_oid_fromstr(&oid, commit.c_str()) == 0);
    git_commit* c = nullptr;
    REQUIRE(git_commit_lookup(&c, repo_, &oid) == 0);
    git_tree* tree = nullptr;
    REQUIRE(git_commit_tree(&tree, c) == 0);
    git_commit_free(c);
    return tree;
  }

  git_repository* repo_ = nullptr;
  git_odb* odb_ = nullptr;
};

}  // namespace

TEST_CASE("tree deltas are the deltas libgit2's tree diff gives a range check", "[collect]") {
  Library library;
  TempRepo repo;
  std::vector<std::string> commits{""};
  // Kinds of change, each its own commit: files added deep and shallow, edited, made
  // executable, deleted, a file turned into a folder and back, a symlink, submodules.
  repo.Write("a.txt", "one\n");
  repo.Write("dir/b.txt", "two\n");
  repo.Write("dir/sub/c.txt", "three\n");
  repo.Write("dir.txt", "sorts between dir and dir/\n");
  repo.Write("z/y/x/w.txt", "deep\n");
  repo.Git({"add", "-A"});
  commits.push_back(repo.Commit("first"));
  repo.Write("dir/b.txt", "two, edited\n");
  repo.Write("dir/sub/d.txt", "new beside\n");
  commits.push_back(repo.Commit("edit and add"));
  repo.Git({"update-index", "--chmod=+x", "a.txt"});
  commits.push_back(repo.Commit("executable"));
  repo.Git({"rm", "-q", "a.txt"});
  repo.Write("a.txt/inside.txt", "a folder now\n");
  repo.Git({"add", "-A"});
  commits.push_back(repo.Commit("file to folder"));
  repo.Git({"rm", "-q", "-r", "dir/sub"});
  commits.push_back(repo.Commit("folder deleted"));
  // Entries the working tree does not hold, committed from the index as it is.
  const auto commit_index = [&](const std::string& message) {
    repo.Git({"commit", "-q", "--allow-empty", "-m", message});
    return repo.Head();
  };
  const std::string target = repo.Git({"rev-parse", "HEAD:dir/b.txt"}).substr(0, 40);
  repo.Git({"update-index", "--add", "--cacheinfo", "120000," + target + ",link"});
  repo.Git({"update-index", "--add", "--cacheinfo", "160000," + commits[1] + ",module"});
  commits.push_back(commit_index("symlink and submodule"));
  repo.Git({"update-index", "--cacheinfo", "160000," + commits[2] + ",module"});
  repo.Git({"update-index", "--cacheinfo", "100644," + target + ",link"});
  commits.push_back(commit_index("submodule moved, symlink made a file"));
  repo.Git({"update-index", "--cacheinfo", "100755," + target + ",module"});
  commits.push_back(commit_index("submodule made an executable file"));
  repo.Git({"rm", "-q", "-r", "--cached", "a.txt", "module", "link"});
  std::filesystem::remove_all(std::filesystem::path(repo.path()) / "a.txt");
  repo.Write("a.txt", "a file again\n");
  repo.Git({"update-index", "--add", "--cacheinfo",
            "100644," + repo.Git({"hash-object", "-w", "a.txt"}).substr(0, 40) + ",a.txt"});
  commits.push_back(commit_index("folder to file, submodule gone"));

  Differ differ(repo.path());
  for (std::size_t a = 0; a < commits.size(); ++a) {
    for (std::size_t b = 0; b < commits.size(); ++b) {
      if (b == 0) continue;
      INFO(a << " -> " << b);
      CHECK(Describe(differ.Native(commits[a], commits[b], nullptr)) ==
            Describe(differ.Libgit2(commits[a], commits[b], nullptr)));
      const std::vector<std::string> only{"a.txt", "dir/sub", "dir/sub/", "link",
                                          "z",     "module",  "nothing"};
      CHECK(Describe(differ.Native(commits[a], commits[b], &only)) ==
            Describe(differ.Libgit2(commits[a], commits[b], &only)));
    }
  }
}

TEST_CASE("tree deltas match libgit2's on random histories", "[collect]") {
  Library library;
  TempRepo repo;
  std::mt19937 random(5);
  const std::vector<std::string> names{"a", "b.txt", "b", "c-d", "c", "e.f", "z"};
  std::vector<std::string> commits{""};
  std::vector<std::string> paths;  // every path ever written
  for (int c = 0; c < 12; ++c) {
    for (int change = 0; change < 6; ++change) {
      std::string path;
      const int depth = 1 + static_cast<int>(random() % 3);
      for (int d = 0; d < depth; ++d) {
        path += (d > 0 ? "/" : "") + names[random() % names.size()];
      }
      // Writing under a path that is a file, or over a folder, fails in git: skip those.
      const auto clash = [&](const std::string& p) {
        for (const auto& other : paths) {
          if (other.starts_with(p + "/") || p.starts_with(other + "/")) return true;
        }
        return false;
      };
      if (clash(path)) {
        if (random() % 2 == 0) {
          repo.Git({"rm", "-q", "-r", "-f", "--ignore-unmatch", path});
          std::erase_if(
              paths, [&](const std::string& p) { return p == path || p.starts_with(path + "/"); });
        }
        continue;
      }
      switch (random() % 4) {
        case 0:
          repo.Git({"rm", "-q", "-f", "--ignore-unmatch", path});
          std::erase(paths, path);
          break;
        case 1:
          repo.Write(path, "content " + std::to_string(random() % 5) + "\n");
          std::filesystem::permissions(std::filesystem::path(repo.path()) / path,
                                       std::filesystem::perms::owner_exec,
                                       std::filesystem::perm_options::add);
          repo.Git({"add", path});
          if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
          break;
        default:
          repo.Write(path, "content " + std::to_string(random() % 5) + "\n");
          repo.Git({"add", path});
          if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
      }
    }
    commits.push_back(repo.Commit("commit " + std::to_string(c)));
  }
  Differ differ(repo.path());
  for (std::size_t a = 0; a < commits.size(); ++a) {
    for (std::size_t b = 1; b < commits.size(); ++b) {
      INFO(a << " -> " << b);
      CHECK(Describe(differ.Native(commits[a], commits[b], nullptr)) ==
            Describe(differ.Libgit2(commits[a], commits[b], nullptr)));
      std::vector<std::string> only;
      for (const auto& p : paths) {
        if (random() % 3 == 0) only.push_back(p);
      }
      only.push_back("c/b");  // a folder in some commits, a file in others, absent in some
      CHECK(Describe(differ.Native(commits[a], commits[b], &only)) ==
            Describe(differ.Libgit2(commits[a], commits[b], &only)));
    }
  }
}

}  // namespace riskgate::collect
