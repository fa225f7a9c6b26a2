#include "collect/prior_versions.h"

#include <memory>
#include <set>

#include "collect/blob_kind.h"
#include "core/parallel.h"

namespace riskgate::collect {
namespace {

// The text of `path` in `commit`, or nullopt when it has none that could be judged as text.
core::Result<std::optional<std::string>> TextAt(GitRepository& repo, const std::string& commit,
                                                const std::string& path,
                                                std::int64_t max_file_bytes) {
  using Text = std::optional<std::string>;
  auto entry = repo.FindInCommit(commit, path);
  if (!entry) return tl::unexpected(entry.error());
  if (!*entry || (*entry)->kind == EntryKind::kSymlink || (*entry)->kind == EntryKind::kSubmodule) {
    return Text();
  }
  // Over the size limit counts as absent, as on the judged side: read only to check its id.
  auto size = repo.ScannableSizeOf((*entry)->blob_id, max_file_bytes);
  if (!size) return tl::unexpected(size.error());
  if (*size > max_file_bytes) return Text();
  auto blob = repo.ReadBlob((*entry)->blob_id);
  if (!blob) return tl::unexpected(blob.error());
  // Classified as the judged side is (UTF-16 decoded, no attributes), so the two compare.
  auto scannable = ToScannableText(std::move(*blob), "", max_file_bytes);
  if (!scannable) return tl::unexpected(scannable.error());
  if (scannable->skip) return Text();
  return Text(std::move(scannable->text));
}

}  // namespace

core::Result<void> AddBaseVersions(GitRepository& repo, const std::optional<std::string>& base,
                                   std::int64_t max_file_bytes, std::vector<ChangedFile>& files) {
  if (!base) return {};
  // A range's documents (on git/git's HEAD~300..HEAD, every changed source file a control may
  // parse: ~50 ms of one core after the diffs, the other idle) are read on every core, each
  // worker on a handle of its own (handles are not shared between threads); a hook's few on
  // this one.
  constexpr std::size_t kFilesPerHandle = 64;
  std::vector<std::unique_ptr<GitRepository>> handles;
  const std::size_t wanted =
      core::ThreadsFor(files.size(), files.size(), 2 * kFilesPerHandle, 2 * kFilesPerHandle);
  for (std::size_t h = 1; h < wanted; ++h) {
    auto reopened = repo.Reopen();
    if (!reopened) break;  // fewer workers, the same versions
    handles.push_back(std::move(*reopened));
  }
  std::vector<std::optional<core::Error>> failed(files.size());
  core::ParallelFor(files.size(), handles.size() + 1, [&](std::size_t i, std::size_t worker) {
    GitRepository& handle = worker == 0 ? repo : *handles[worker - 1];
    auto text = TextAt(handle, *base, files[i].path, max_file_bytes);
    if (!text) {
      failed[i] = std::move(text.error());
    } else {
      files[i].base_content = std::move(*text);
    }
  });
  for (auto& error : failed) {
    if (error) return tl::unexpected(std::move(*error));  // the first file's, as read in order
  }
  return {};
}

core::Result<void> AddContexts(GitRepository& repo, std::vector<FileDiff>& diffs,
                               const std::optional<std::string>& commit,
                               const std::vector<std::string>& priors, std::size_t skipped_before,
                               const ScopeRequest& request, PriorTexts& read, ChangeFacts& facts) {
  std::set<std::string, std::less<>> skipped;
  for (std::size_t i = skipped_before; i < facts.scope.skipped.size(); ++i) {
    skipped.insert(facts.scope.skipped[i].path);
  }
  static const SharedText kNone = std::make_shared<const std::string>();
  for (FileDiff& diff : diffs) {
    // A new file is already judged whole; a skipped one is not judged at all.
    if (diff.deleted || diff.added || skipped.contains(diff.path)) continue;
    // The text riskgate judged for the new version (decoded, never through attributes).
    const std::string& content = diff.text;
    const std::size_t newline = content.find('\n');
    if (newline == std::string::npos || newline + 1 == content.size()) continue;  // one line
    if (commit) {
      read.given.emplace(diff.path, diff.blob_id);
    } else if (read.given.contains({diff.path, diff.blob_id})) {
      continue;
    }
    // Cleared for its lines: no control may find anything in the text, across lines either
    // (a context is judged by the secrets scan alone, whose lines test implies its context test).
    if (diff.lines_clear) continue;
    if (request.context_may_find && !request.context_may_find(content)) continue;
    Fragment fragment{diff.path, commit, 1, std::move(diff.text), FragmentKind::kContext};
    for (const std::string& prior : priors) {
      if (prior.empty()) {
        fragment.prior.push_back(kNone);
        continue;
      }
      auto [at, inserted] = read.versions.try_emplace({prior, diff.path});
      if (inserted) {
        auto text = TextAt(repo, prior, diff.path, request.max_file_bytes);
        if (!text) {
          read.versions.erase(at);
          return tl::unexpected(text.error());
        }
        at->second = *text ? std::make_shared<const std::string>(std::move(**text)) : kNone;
      }
      fragment.prior.push_back(at->second);
    }
    facts.fragments.push_back(std::move(fragment));
  }
  return {};
}

core::Result<void> AddNewRoleDocuments(GitRepository& repo, const ScopeRequest& request,
                                       const std::vector<TrackedFile>& tree, ChangeFacts& facts) {
  if (!request.role_changed) return {};
  std::set<std::string, std::less<>> present;
  for (ChangedFile& file : facts.files) {
    present.insert(file.path);
    if (request.role_changed(file.path)) file.base_content.reset();
  }
  for (const TrackedFile& entry : tree) {
    if (entry.kind == EntryKind::kSymlink || entry.kind == EntryKind::kSubmodule ||
        present.contains(entry.path) || !request.role_changed(entry.path)) {
      continue;
    }
    present.insert(entry.path);
    auto text = ReadJudgedFile(repo, request, entry.path);
    if (!text) return tl::unexpected(text.error());
    if (*text) facts.files.push_back(ChangedFile{entry.path, std::move(**text), {}, false});
  }
  return {};
}

namespace {

// The commit the change started from (HEAD when staged, the merge base of a range); nullopt for
// a worktree audit, an unborn HEAD or a range from the empty tree.
core::Result<std::optional<std::string>> BaseCommit(GitRepository& repo,
                                                    const ScopeRequest& request) {
  using Commit = std::optional<std::string>;
  if (request.mode == core::ScanMode::kStaged) {
    auto head = repo.Head();
    if (!head) return tl::unexpected(head.error());
    return *head ? Commit(**head) : Commit();
  }
  if (request.mode != core::ScanMode::kRange || request.base == kEmptyTreeId) return Commit();
  auto from = repo.ResolveCommit(request.base);
  if (!from) return tl::unexpected(from.error());
  auto to = repo.ResolveCommit(request.head.empty() ? "HEAD" : request.head);
  if (!to) return tl::unexpected(to.error());
  auto merge_base = repo.MergeBase(*from, *to);
  if (!merge_base) return tl::unexpected(merge_base.error());
  return Commit(*merge_base);
}

}  // namespace

core::Result<std::optional<std::string>> ReadBaseFile(GitRepository& repo,
                                                      const ScopeRequest& request,
                                                      const std::string& path) {
  auto base = BaseCommit(repo, request);
  if (!base) return tl::unexpected(base.error());
  if (!*base) return std::optional<std::string>();
  return TextAt(repo, **base, path, request.max_file_bytes);
}

core::Result<std::vector<std::string>> ListBasePaths(GitRepository& repo,
                                                     const ScopeRequest& request) {
  auto base = BaseCommit(repo, request);
  if (!base) return tl::unexpected(base.error());
  std::vector<std::string> paths;
  if (!*base) return paths;
  auto files = repo.ListCommit(**base);
  if (!files) return tl::unexpected(files.error());
  for (auto& file : *files) paths.push_back(std::move(file.path));
  return paths;
}

}  // namespace riskgate::collect
