#include "collect/git_repository.h"

#include <git2.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <utility>

#include "collect/added_lines.h"
#include "collect/git_dir_files.h"
#include "collect/git_internal.h"
#include "collect/git_objects.h"
#include "collect/git_pack_backend.h"
#include "collect/tree_reads.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

}  // namespace

std::string LibraryVersion() {
  int major = 0;
  int minor = 0;
  int revision = 0;
  git_libgit2_version(&major, &minor, &revision);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(revision);
}

namespace {

// Keeps libgit2 initialised for the life of the process.
void EnsureLibrary() { static LibraryUse library; }

core::Error OpenError(const std::string& where, int rc) {
  std::string message = LastError();
  if (rc == GIT_EOWNER || message.find("safe.directory") != std::string::npos) {
    return core::Error{ErrorCode::kRepository,
                       "the repository at " + where +
                           " is owned by another user, and git's safe.directory check refuses "
                           "it; run `git config --global --add safe.directory <path>` for that "
                           "path, or run as the owner",
                       where};
  }
  return core::Error{ErrorCode::kRepository, "not a git repository (" + message + ")", where};
}
// The git folder of the repository at `path` ("": the environment's, GIT_DIR or the current
// folder's), found as libgit2 finds it; "" when there is none (opening then says why).
std::string DiscoverGitDir(const std::string& path) {
  const char* git_dir = path.empty() ? std::getenv("GIT_DIR") : nullptr;
  const std::string start = !path.empty()                            ? path
                            : git_dir != nullptr && *git_dir != '\0' ? git_dir
                                                                     : ".";
  git_buf found = GIT_BUF_INIT;
  std::string out;
  if (git_repository_discover(&found, start.c_str(), 0,
                              path.empty() ? std::getenv("GIT_CEILING_DIRECTORIES") : nullptr) ==
      0) {
    out = found.ptr;
  }
  git_buf_dispose(&found);
  return out;
}

// Why the index cannot be read, with what to do where git wrote it in a form libgit2 does not
// read (a split or sparse index).
core::Error IndexError() {
  std::string message = "cannot read the index: " + LastError();
  if (message.find("'link'") != std::string::npos) {
    message +=
        " (a split index, which libgit2 cannot read: `git update-index --no-split-index` "
        "and `git config core.splitIndex false` make it whole)";
  } else if (message.find("'sdir'") != std::string::npos) {
    message +=
        " (a sparse index, which libgit2 cannot read: `git sparse-checkout set "
        "--no-sparse-index` or `git config index.sparse false` and `git update-index "
        "--refresh` expand it; the sparse checkout stays)";
  }
  return core::Error{ErrorCode::kRepository, std::move(message), ""};
}

TrackedFile TrackedFileOf(const git_index_entry& entry) {
  return TrackedFile{entry.path, KindOf(entry.mode), OidString(&entry.id),
                     static_cast<std::int64_t>(entry.file_size),
                     (entry.flags_extended & GIT_INDEX_ENTRY_SKIP_WORKTREE) != 0};
}

}  // namespace

core::Result<std::unique_ptr<GitRepository>> GitRepository::Open(const std::string& path) {
  return OpenWith(path, nullptr);
}

core::Result<std::unique_ptr<GitRepository>> GitRepository::OpenWith(
    const std::string& path, std::shared_ptr<SharedPackStore> pack_store) {
  EnsureLibrary();
  git_repository* repo = nullptr;
  git_index* index = nullptr;
  // A handle Reopen gives shares a store with one whose files were checked when it opened.
  const std::string discovered = pack_store == nullptr ? DiscoverGitDir(path) : std::string();
  if (!discovered.empty()) {
    const char* index_file = path.empty() ? std::getenv("GIT_INDEX_FILE") : nullptr;
    if (auto files = CheckGitFiles(discovered, index_file != nullptr ? index_file : ""); !files) {
      return tl::unexpected(files.error());
    }
  }
  if (path.empty()) {
    int rc = git_repository_open_ext(&repo, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
    if (rc != 0 &&
        (std::getenv("GIT_WORK_TREE") != nullptr || std::getenv("GIT_COMMON_DIR") != nullptr)) {
      // libgit2 1.5 refuses GIT_WORK_TREE/GIT_COMMON_DIR with FROM_ENV: open GIT_DIR (git
      // exports it with GIT_WORK_TREE for `git --git-dir=D --work-tree=W`), else discover from
      // the current folder, and honour GIT_WORK_TREE and GIT_INDEX_FILE by hand.
      const char* git_dir = std::getenv("GIT_DIR");
      rc = git_dir != nullptr && *git_dir != '\0'
               ? git_repository_open_ext(&repo, git_dir, GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr)
               : git_repository_open_ext(&repo, ".", 0, nullptr);
      const char* work_tree = std::getenv("GIT_WORK_TREE");
      // libgit2 1.5 leaks the path it is given when it is already the working tree.
      const char* current = rc == 0 ? git_repository_workdir(repo) : nullptr;
      std::error_code same_error;
      const bool same = current != nullptr && work_tree != nullptr &&
                        std::filesystem::equivalent(current, work_tree, same_error);
      if (rc == 0 && work_tree != nullptr && *work_tree != '\0' && !same &&
          git_repository_set_workdir(repo, work_tree, 0) != 0) {
        std::string message = LastError();
        git_repository_free(repo);
        return MakeError(ErrorCode::kRepository,
                         "cannot use the working tree GIT_WORK_TREE names (" + message + ")",
                         work_tree);
      }
      if (rc == 0) {
        if (const char* index_file = std::getenv("GIT_INDEX_FILE")) {
          if (git_index_open(&index, index_file) != 0) {
            std::string message = LastError();
            git_repository_free(repo);
            return MakeError(ErrorCode::kRepository,
                             "cannot open the index named by GIT_INDEX_FILE (" + message + ")",
                             index_file);
          }
        }
      }
    }
    if (rc != 0) {
      std::error_code ec;
      return tl::unexpected(OpenError(std::filesystem::current_path(ec).string(), rc));
    }
  } else {
    const int rc = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
    if (rc != 0) return tl::unexpected(OpenError(path, rc));
  }
  auto opened = std::unique_ptr<GitRepository>(new GitRepository(repo, index, path));
  opened->reads_ = std::make_shared<PackReads>(
      pack_store != nullptr ? std::move(pack_store) : NewSharedPackStore(opened->ObjectsDir()));
  opened->trees_ = std::make_unique<TreeReads>(repo, opened->reads_);
  if (auto added = AddPackBackend(repo, opened->reads_); !added) {
    return tl::unexpected(added.error());
  }
  return opened;
}

core::Result<std::unique_ptr<GitRepository>> GitRepository::Reopen() const {
  return OpenWith(opened_from_, reads_->store());
}

GitRepository::GitRepository(git_repository* repo, git_index* index, std::string opened_from)
    : repo_(repo), index_(index), opened_from_(std::move(opened_from)) {}

GitRepository::~GitRepository() {
  range_ahead_.reset();
  memory_trees_.reset();
  if (memory_ != nullptr) git_repository_free(memory_);
  if (index_ != nullptr) git_index_free(index_);
  git_repository_free(repo_);
}

bool GitRepository::IsShallow() const { return git_repository_is_shallow(repo_) == 1; }

std::string GitRepository::HooksDir() const {
  git_config* config = nullptr;
  std::string hooks_path;
  if (git_repository_config_snapshot(&config, repo_) == 0) {
    const char* value = nullptr;
    if (git_config_get_string(&value, config, "core.hooksPath") == 0 && value != nullptr) {
      hooks_path = value;
    }
    git_config_free(config);
  }
  if (hooks_path.empty()) return std::string(git_repository_commondir(repo_)) + "hooks/";
  std::filesystem::path path(hooks_path);
  if (path.is_relative()) path = std::filesystem::path(Workdir()) / path;
  std::string out = path.lexically_normal().string();
  if (out.back() != '/') out += '/';
  return out;
}

std::string GitRepository::Workdir() const {
  const char* workdir = git_repository_workdir(repo_);
  return workdir != nullptr ? workdir : "";
}

std::string GitRepository::GitDir() const { return git_repository_path(repo_); }

core::Result<std::optional<std::string>> GitRepository::Head() {
  const int unborn = git_repository_head_unborn(repo_);
  if (unborn == 1) return std::optional<std::string>();
  if (unborn < 0) {
    return MakeError(ErrorCode::kRepository, "cannot read HEAD: " + LastError());
  }
  auto id = ResolveCommit("HEAD");
  if (!id) return tl::unexpected(id.error());
  return std::optional<std::string>(*id);
}

core::Result<std::string> GitRepository::ResolveCommit(const std::string& rev) {
  OwnedObject object;
  if (const int rc = git_revparse_single(object.out(), repo_, rev.c_str()); rc != 0) {
    const std::string reason = LastError();
    // libgit2's revision parser drops the reason a read failed: a store that may not be read
    // (git_pack_backend.h) says it here.
    if (auto usable = reads_->Usable(); !usable) return tl::unexpected(usable.error());
    std::string message = "cannot resolve revision '" + rev + "'";
    if (IsShallow()) {
      message +=
          ": this is a shallow clone and the commit is not in it; fetch the full history "
          "(actions/checkout `fetch-depth: 0`, GitLab `GIT_DEPTH: 0`) or fetch that commit "
          "(`git fetch --deepen` / `git fetch origin <sha>`)";
      return MakeError(ErrorCode::kShallow, message);
    }
    return MakeError(ErrorCode::kRevision, UnresolvedRevision(rev, rc, reason));
  }
  OwnedObject commit;
  if (git_object_peel(commit.out(), object.get(), GIT_OBJECT_COMMIT) != 0) {
    return MakeError(ErrorCode::kRevision, "'" + rev + "' does not name a commit");
  }
  return OidString(git_object_id(commit.get()));
}

core::Result<git_index*> GitRepository::Index() {
  if (index_ != nullptr) {
    if (git_index_read(index_, 1) != 0) return tl::unexpected(IndexError());
    return index_;
  }
  git_index* index = nullptr;
  if (git_repository_index(&index, repo_) != 0) return tl::unexpected(IndexError());
  git_index_free(index);  // the repository keeps its own reference
  return index;
}
core::Result<std::string> GitRepository::ReadBlob(const std::string& blob_id) {
  git_oid oid;
  if (git_oid_fromstr(&oid, blob_id.c_str()) != 0) {
    return MakeError(ErrorCode::kInternal, "'" + blob_id + "' is not a blob id");
  }
  return ReadBlobBytes(repo_, &oid);
}

core::Result<std::int64_t> GitRepository::ScannableSizeOf(const std::string& blob_id,
                                                          std::int64_t limit) {
  git_oid oid;
  if (git_oid_fromstr(&oid, blob_id.c_str()) != 0) {
    return MakeError(ErrorCode::kInternal, "'" + blob_id + "' is not a blob id");
  }
  OwnedOdb odb;
  if (git_repository_odb(odb.out(), repo_) != 0) {
    return MakeError(ErrorCode::kRepository, "cannot open the object store: " + LastError());
  }
  return ScannableSize(odb.get(), &oid, limit);
}

std::string GitRepository::LfsObjectsDir() const {
  return std::string(git_repository_commondir(repo_)) + "lfs/objects/";
}

std::string GitRepository::ObjectsDir() const {
  git_buf path = GIT_BUF_INIT;
  std::string out = std::string(git_repository_commondir(repo_)) + "objects/";
  if (git_repository_item_path(&path, repo_, GIT_REPOSITORY_ITEM_OBJECTS) == 0) out = path.ptr;
  git_buf_dispose(&path);
  return out;
}

core::Result<std::vector<AddedHunk>> GitRepository::AddedLines(std::string_view old_text,
                                                               std::string_view new_text) {
  return AddedLinesBetween(old_text, new_text, nullptr, nullptr);
}

core::Result<std::vector<TrackedFile>> GitRepository::ListIndex() {
  auto index = Index();
  if (!index) return tl::unexpected(index.error());
  std::vector<TrackedFile> out;
  const std::size_t count = git_index_entrycount(*index);
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const git_index_entry* entry = git_index_get_byindex(*index, i);
    if (entry == nullptr) continue;
    const int stage = git_index_entry_stage(entry);
    if (stage != 0 && stage != 2) continue;  // of a conflict, list "ours" only
    out.push_back(TrackedFileOf(*entry));
  }
  return out;
}

core::Result<std::optional<TrackedFile>> GitRepository::FindInIndex(const std::string& path) {
  auto index = Index();
  if (!index) return tl::unexpected(index.error());
  const git_index_entry* entry = git_index_get_bypath(*index, path.c_str(), 0);
  if (entry == nullptr) return std::optional<TrackedFile>();
  return TrackedFileOf(*entry);
}
std::string GitRepository::ConfiguredAuthor() {
  git_signature* signature = nullptr;
  if (git_signature_default(&signature, repo_) != 0) return "";
  std::string out = std::string(signature->name ? signature->name : "") + " <" +
                    (signature->email ? signature->email : "") + ">";
  git_signature_free(signature);
  return out;
}

std::string GitRepository::CurrentBranch() {
  git_reference* head = nullptr;
  if (git_reference_lookup(&head, repo_, "HEAD") != 0) return "";
  std::string out;
  if (git_reference_type(head) == GIT_REFERENCE_SYMBOLIC) {
    std::string target = git_reference_symbolic_target(head);
    if (target.starts_with("refs/heads/")) out = target.substr(11);
  }
  git_reference_free(head);
  return out;
}

std::string GitRepository::RemoteUrl(const std::string& name) {
  // Read from the configuration, not git_remote_lookup: riskgate makes no git_remote_* call
  // (cmake/StaticDependencies.cmake relies on it).
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repo_) != 0) return "";
  const char* url = nullptr;
  std::string out;
  if (git_config_get_string(&url, config, ("remote." + name + ".url").c_str()) == 0 &&
      url != nullptr) {
    out = url;
  }
  git_config_free(config);
  return out;
}

}  // namespace riskgate::collect
