#include "collect/change_collector.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

#include "collect/blob_kind.h"
#include "collect/git_repository.h"
#include "collect/net_diff.h"
#include "collect/prior_versions.h"
#include "collect/range_diffs.h"
#include "core/parallel.h"
#include "core/progress.h"

namespace riskgate::collect {
namespace {

using core::ScanMode;
using core::SkipReason;

// Adds the added lines of `diffs` to `facts`, or lists the files riskgate cannot scan.
void AddDiffs(std::vector<FileDiff>& diffs, const std::optional<std::string>& commit,
              std::int64_t /*max_file_bytes: judged while diffing*/, ChangeFacts& facts) {
  for (FileDiff& diff : diffs) {
    if (diff.deleted) continue;
    if (diff.skip) {
      facts.scope.skipped.push_back(
          core::SkippedFile{diff.path, *diff.skip, commit, diff.size, diff.magic});
      continue;
    }
    // Every file whose content changed counts, whether it was line-diffed or cleared whole
    // (FileDiff::lines_clear), and whether lines were added or only deleted.
    if (diff.same_content && diff.hunks.empty()) continue;
    ++facts.scope.files_scanned;
    ++core::RunProgress().files_collected;
    for (AddedHunk& hunk : diff.hunks) {
      facts.fragments.push_back(Fragment{diff.path, commit, hunk.first_line, std::move(hunk.text)});
    }
  }
}

// The pushed bytes of the diffs that are no file's content, as metadata fragments: the name of
// each path the diffs add (its folders' names too) and each symlink's target (never followed).
core::Result<void> AddMetadata(GitRepository& repo, const std::vector<FileDiff>& diffs,
                               const std::optional<std::string>& commit,
                               std::int64_t max_file_bytes, ChangeFacts& facts) {
  for (const FileDiff& diff : diffs) {
    if (diff.deleted) continue;
    if (diff.added) {
      facts.fragments.push_back(Fragment{diff.path, commit, 1, diff.path, FragmentKind::kMetadata});
    }
    if (diff.kind != EntryKind::kSymlink || diff.size > max_file_bytes) continue;
    auto target = repo.ReadBlob(diff.blob_id);
    if (!target) return tl::unexpected(target.error());
    facts.fragments.push_back(
        Fragment{diff.path, commit, 1, std::move(*target), FragmentKind::kMetadata});
  }
  return {};
}

// Records the whole new version of each diffed file the evaluators parse as a document, also
// when the change only deleted lines (a deleted checksum check can make a download unverified).
core::Result<void> AddDocuments(GitRepository& /*repo: the diffs hold the texts*/,
                                const std::vector<FileDiff>& diffs, const ScopeRequest& request,
                                ChangeFacts& facts) {
  if (!request.wants_document) return {};
  for (const FileDiff& diff : diffs) {
    if (diff.deleted || diff.skip || !request.wants_document(diff.path)) {
      continue;
    }
    ChangedFile file{diff.path, diff.text, {}, false};
    for (const AddedHunk& hunk : diff.hunks) {
      const auto lines = 1 + std::count(hunk.text.begin(), hunk.text.end(), '\n');
      for (int i = 0; i < lines; ++i) file.added_lines.push_back(hunk.first_line + i);
    }
    std::sort(file.added_lines.begin(), file.added_lines.end());
    facts.files.push_back(std::move(file));
  }
  return {};
}

// Every path the diffs add, modify or delete, sorted and unique.
std::vector<std::string> ChangedPaths(const std::vector<FileDiff>& diffs) {
  std::vector<std::string> paths;
  for (const FileDiff& diff : diffs) paths.push_back(diff.path);
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

std::vector<PathFacts> PathChanges(const std::vector<FileDiff>& diffs) {
  std::vector<PathFacts> out;
  for (const FileDiff& diff : diffs) {
    out.push_back(PathFacts{diff.path, diff.deleted ? 0 : diff.size, diff.deleted, diff.added});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

std::vector<PathFacts> TreeFacts(const std::vector<TrackedFile>& files) {
  std::vector<PathFacts> out;
  for (const TrackedFile& file : files) {
    if (out.empty() || out.back().path != file.path) {
      out.push_back(PathFacts{file.path, file.size, false, false});
    }
  }
  return out;
}

core::Result<ChangeFacts> CollectStaged(GitRepository& repo, const ScopeRequest& request) {
  ChangeFacts facts;
  facts.scope.mode = ScanMode::kStaged;
  auto head = repo.Head();
  if (!head) return tl::unexpected(head.error());
  facts.scope.head = *head;
  const LinesWanted wanted(request.lines_may_find);
  auto diffs = repo.DiffStaged(request.max_file_bytes, &wanted);
  if (!diffs) return tl::unexpected(diffs.error());
  facts.changed_paths = ChangedPaths(*diffs);
  facts.path_changes = PathChanges(*diffs);
  facts.pending_author = repo.ConfiguredAuthor();
  if (request.wants_tree) {
    auto files = repo.ListIndex();
    if (!files) return tl::unexpected(files.error());
    facts.tree = TreeFacts(*files);
  }
  if (auto added = AddDocuments(repo, *diffs, request, facts); !added) {
    return tl::unexpected(added.error());
  }
  if (auto based = AddBaseVersions(repo, *head, request.max_file_bytes, facts.files); !based) {
    return tl::unexpected(based.error());
  }
  if (request.role_changed) {
    auto index = repo.ListIndex();
    if (!index) return tl::unexpected(index.error());
    if (auto added = AddNewRoleDocuments(repo, request, *index, facts); !added) {
      return tl::unexpected(added.error());
    }
  }
  const std::size_t skipped_before = facts.scope.skipped.size();
  AddDiffs(*diffs, std::nullopt, request.max_file_bytes, facts);
  if (auto added = AddMetadata(repo, *diffs, std::nullopt, request.max_file_bytes, facts); !added) {
    return tl::unexpected(added.error());
  }
  PriorTexts read;
  if (auto added = AddContexts(repo, *diffs, std::nullopt, {head->value_or("")}, skipped_before,
                               request, read, facts);
      !added) {
    return tl::unexpected(added.error());
  }
  return facts;
}

// A range's base ("" when it starts at the root) and head, as commit ids.
struct RangeEnds {
  std::string base;
  std::string head;
};

core::Result<RangeEnds> ResolveRange(GitRepository& repo, const std::string& base_rev,
                                     const std::string& head_rev) {
  auto base = base_rev == kEmptyTreeId ? core::Result<std::string>(std::string())
                                       : repo.ResolveCommit(base_rev);
  if (!base) return tl::unexpected(base.error());
  auto head = repo.ResolveCommit(head_rev.empty() ? "HEAD" : head_rev);
  if (!head) return tl::unexpected(head.error());
  return RangeEnds{std::move(*base), std::move(*head)};
}

core::Result<ChangeFacts> CollectRange(GitRepository& repo, const ScopeRequest& request) {
  ChangeFacts facts;
  facts.scope.mode = ScanMode::kRange;
  const bool from_root = request.base == kEmptyTreeId;
  auto ends = ResolveRange(repo, request.base, request.head);
  if (!ends) return tl::unexpected(ends.error());
  const std::string& base = ends->base;
  const std::string& head = ends->head;
  facts.scope.base = from_root ? std::string(kEmptyTreeId) : base;
  facts.scope.head = head;
  // The merge base is usually known already (the trusted policy is read at it; the handle keeps
  // it). The net diff needs only the range's ends: it runs while the commits are walked and
  // diffed.
  auto merge_base =
      from_root ? core::Result<std::string>(std::string()) : repo.MergeBase(base, head);
  const LinesWanted wanted(request.lines_may_find);  // shared by every diff below
  std::optional<NetDiffAhead> net_ahead;
  if (merge_base) net_ahead.emplace(repo, *merge_base, head, request.max_file_bytes, &wanted);
  auto commits = repo.RangeCommits(base, head);
  if (!commits) return tl::unexpected(commits.error());
  facts.scope.commits = static_cast<int>(commits->size());
  if (!merge_base) return tl::unexpected(merge_base.error());
  // A secret spanning lines is new when neither end of the trusted side had it: not when an
  // earlier commit of the range (written by the same hand, perhaps skipped) had it.
  std::vector<std::string> trusted{*merge_base};
  if (base != *merge_base) trusted.push_back(base);
  // Each commit's own added lines: a secret added and removed again inside the range is caught.
  // A merge is judged on the lines it added relative to every parent (an evil merge, a conflict
  // resolution); what it took from a parent is judged in that parent's commits. A parent
  // outside the range was not judged, so it stands for the base: what the merge took from it
  // is not new only when the base had it.
  std::set<std::string, std::less<>> in_range;
  for (const CommitRef& commit : *commits) in_range.insert(commit.id);
  RangeDiffs range_diffs(repo, *commits, in_range, base, request.max_file_bytes, &wanted);
  PriorTexts read;  // the trusted versions, shared by every commit's contexts
  for (std::size_t c = 0; c < commits->size(); ++c) {
    const CommitRef& commit = (*commits)[c];
    facts.commits.push_back(
        CommitFacts{commit.id, commit.author, commit.trailers, commit.message, commit.parents > 1});
    auto diffs = range_diffs.Take(c);
    if (!diffs) return tl::unexpected(diffs.error());
    facts.commits.back().paths = ChangedPaths(*diffs);
    const std::size_t skipped_before = facts.scope.skipped.size();
    AddDiffs(*diffs, commit.id, request.max_file_bytes, facts);
    facts.fragments.push_back(
        Fragment{kCommitMessagePath, commit.id, 1, commit.message, FragmentKind::kMetadata});
    if (auto added = AddMetadata(repo, *diffs, commit.id, request.max_file_bytes, facts); !added) {
      return tl::unexpected(added.error());
    }
    if (auto added =
            AddContexts(repo, *diffs, commit.id, trusted, skipped_before, request, read, facts);
        !added) {
      return tl::unexpected(added.error());
    }
  }
  auto net = net_ahead->Take();
  if (!net) return tl::unexpected(net.error());
  facts.changed_paths = ChangedPaths(*net);
  facts.path_changes = PathChanges(*net);
  if (request.wants_tree) {
    auto files = repo.ListCommit(head);
    if (!files) return tl::unexpected(files.error());
    facts.tree = TreeFacts(*files);
  }
  // Documents are judged as they are at head, against the lines the range added in all.
  if (auto added = AddDocuments(repo, *net, request, facts); !added) {
    return tl::unexpected(added.error());
  }
  const auto judged_base = from_root ? std::optional<std::string>() : *merge_base;
  if (auto based = AddBaseVersions(repo, judged_base, request.max_file_bytes, facts.files);
      !based) {
    return tl::unexpected(based.error());
  }
  if (request.role_changed) {
    auto files = repo.ListCommit(head);
    if (!files) return tl::unexpected(files.error());
    if (auto added = AddNewRoleDocuments(repo, request, *files, facts); !added) {
      return tl::unexpected(added.error());
    }
  }
  ChangeFacts net_facts;
  AddDiffs(*net, std::nullopt, request.max_file_bytes, net_facts);
  if (auto added = AddMetadata(repo, *net, std::nullopt, request.max_file_bytes, net_facts);
      !added) {
    return tl::unexpected(added.error());
  }
  if (auto added = AddContexts(repo, *net, std::nullopt, trusted, 0, request, read, net_facts);
      !added) {
    return tl::unexpected(added.error());
  }
  // Skips of the net diff repeat those of the commits; count each path once.
  for (auto& skipped : net_facts.scope.skipped) {
    bool seen = false;
    for (const auto& s : facts.scope.skipped) seen = seen || s.path == skipped.path;
    if (!seen) facts.scope.skipped.push_back(std::move(skipped));
  }
  for (auto& fragment : net_facts.fragments) facts.fragments.push_back(std::move(fragment));
  return facts;
}

// Turns the bytes in `text` into the text riskgate scans (collect/blob_kind.h): nullopt when
// `text` holds it, else why not, `text` keeping a binary's first bytes (a keystore's magic).
core::Result<std::optional<SkipReason>> Scannable(const std::string& lfs_objects_dir,
                                                  std::int64_t max_file_bytes, std::string& text) {
  auto scannable = ToScannableText(std::move(text), lfs_objects_dir, max_file_bytes);
  if (!scannable) return tl::unexpected(scannable.error());
  text = scannable->skip ? std::move(scannable->magic) : std::move(scannable->text);
  return scannable->skip;
}

// Reads a tracked file from the working tree without following symlinks. Returns why it was
// skipped, nullopt when `text` holds it, or an error when it exists but cannot be read.
core::Result<std::optional<SkipReason>> ReadWorktreeFile(const std::string& path,
                                                         const std::string& full_path,
                                                         const std::string& lfs_objects_dir,
                                                         std::int64_t max_file_bytes,
                                                         std::string& text) {
  auto unreadable = [&](const std::string& why) {
    return core::MakeError(core::ErrorCode::kIo, "cannot read a tracked file: " + why, path);
  };
  struct stat st;
  if (::lstat(full_path.c_str(), &st) != 0) return unreadable(std::strerror(errno));
  if (S_ISLNK(st.st_mode)) return SkipReason::kSymlink;
  if (S_ISDIR(st.st_mode)) return SkipReason::kSubmodule;  // a nested repository
  if (!S_ISREG(st.st_mode)) return unreadable("not a regular file");
  if (st.st_size > max_file_bytes) return SkipReason::kTooLarge;
  std::ifstream in(full_path, std::ios::binary);
  if (!in) return unreadable(std::strerror(errno));
  // One read of the size lstat gave, then whatever a file still being written has grown by.
  text.resize(static_cast<std::size_t>(st.st_size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return unreadable("read failed");
  if (in) {
    text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return unreadable("read failed");
    if (static_cast<std::int64_t>(text.size()) > max_file_bytes) return SkipReason::kTooLarge;
  }
  // The bytes as they are on disk: no filter, eol or encoding attribute of the change applies.
  return Scannable(lfs_objects_dir, max_file_bytes, text);
}

// Reads the tracked version of a file from the object store (blob `blob_id`), as
// ReadWorktreeFile reads the working tree's: one past the limit is too large and not read.
core::Result<std::optional<SkipReason>> ReadStoredFile(GitRepository& repo,
                                                       const std::string& blob_id,
                                                       std::int64_t max_file_bytes,
                                                       std::string& text) {
  auto size = repo.ScannableSizeOf(blob_id, max_file_bytes);
  if (!size) return tl::unexpected(size.error());
  if (*size > max_file_bytes) return SkipReason::kTooLarge;
  auto blob = repo.ReadBlob(blob_id);
  if (!blob) return tl::unexpected(blob.error());
  text = std::move(*blob);
  return Scannable(repo.LfsObjectsDir(), max_file_bytes, text);
}

bool IsMissing(const std::string& full_path) {
  struct stat st;
  return ::lstat(full_path.c_str(), &st) != 0 && errno == ENOENT;
}

struct WorktreeRead {
  bool missing = false;
  core::Result<std::optional<SkipReason>> outcome = std::optional<SkipReason>();
  std::string text;
};

core::Result<ChangeFacts> CollectWorktree(GitRepository& repo, const ScopeRequest& request) {
  ChangeFacts facts;
  facts.scope.mode = ScanMode::kWorktree;
  const std::string workdir = repo.Workdir();
  if (workdir.empty()) {
    return core::MakeError(core::ErrorCode::kRepository,
                           "--worktree needs a working tree, and this repository is bare");
  }
  auto head = repo.Head();
  if (!head) return tl::unexpected(head.error());
  facts.scope.head = *head;
  auto files = repo.ListIndex();
  if (!files) return tl::unexpected(files.error());
  facts.scope.tracked_files = static_cast<int>(files->size());
  if (request.wants_tree) facts.tree = TreeFacts(*files);
  // Read every regular file first, on every core for a large tree, then assemble in index
  // order: the facts (and the first error) do not depend on which thread read what.
  std::vector<const TrackedFile*> unique;
  for (const TrackedFile& file : *files) {
    if (!request.only_paths.empty() && !request.only_paths.contains(file.path)) continue;
    if (unique.empty() || unique.back()->path != file.path) unique.push_back(&file);
  }
  if (!request.only_paths.empty()) facts.scope.named_files = static_cast<int>(unique.size());
  std::vector<WorktreeRead> reads(unique.size());
  const std::string lfs_objects_dir = repo.LfsObjectsDir();
  // A small tree is not worth a thread.
  const std::size_t threads = core::ThreadsFor(unique.size(), unique.size(), 256, 0);
  core::ParallelFor(unique.size(), threads, [&](std::size_t i, std::size_t) {
    const TrackedFile& file = *unique[i];
    if (file.kind == EntryKind::kSubmodule || file.kind == EntryKind::kSymlink) return;
    if (file.skip_worktree) return;  // read from the object store below, on this thread
    const std::string full_path = workdir + file.path;
    reads[i].missing = IsMissing(full_path);
    if (!reads[i].missing) {
      reads[i].outcome = ReadWorktreeFile(file.path, full_path, lfs_objects_dir,
                                          request.max_file_bytes, reads[i].text);
    }
  });
  for (std::size_t i = 0; i < unique.size(); ++i) {
    const TrackedFile& file = *unique[i];
    WorktreeRead& read = reads[i];
    // Pushed bytes that are no file's content, as in a change: the path's name and a link's
    // target (the tracked one, never followed).
    facts.fragments.push_back(
        Fragment{file.path, std::nullopt, 1, file.path, FragmentKind::kMetadata});
    std::optional<SkipReason> skip;
    if (file.kind == EntryKind::kSubmodule) {
      skip = SkipReason::kSubmodule;
    } else if (file.kind == EntryKind::kSymlink) {
      auto size = repo.ScannableSizeOf(file.blob_id, request.max_file_bytes);
      if (!size) return tl::unexpected(size.error());
      skip = *size > request.max_file_bytes ? SkipReason::kTooLarge : SkipReason::kSymlink;
      if (*skip == SkipReason::kSymlink) {
        auto target = repo.ReadBlob(file.blob_id);
        if (!target) return tl::unexpected(target.error());
        facts.fragments.push_back(
            Fragment{file.path, std::nullopt, 1, std::move(*target), FragmentKind::kMetadata});
      }
    } else if (file.skip_worktree) {
      // A sparse checkout's file: the working tree need not hold it, nor the tracked version.
      read.outcome = ReadStoredFile(repo, file.blob_id, request.max_file_bytes, read.text);
      if (!read.outcome) return tl::unexpected(read.outcome.error());
      skip = *read.outcome;
    } else {
      if (read.missing) continue;  // deleted in the working tree: nothing to judge
      if (!read.outcome) return tl::unexpected(read.outcome.error());
      skip = *read.outcome;
    }
    if (skip) {
      std::string magic;
      if (*skip == SkipReason::kBinary || *skip == SkipReason::kUndecodable) {
        magic = read.text.substr(0, core::kMagicBytes);
      }
      facts.scope.skipped.push_back(
          core::SkippedFile{file.path, *skip, std::nullopt, 0, std::move(magic)});
      continue;
    }
    ++facts.scope.files_scanned;
    ++core::RunProgress().files_collected;
    if (request.wants_document && request.wants_document(file.path)) {
      facts.files.push_back(ChangedFile{file.path, read.text, {}, true});
    }
    facts.fragments.push_back(Fragment{file.path, std::nullopt, 1, std::move(read.text)});
  }
  return facts;
}

}  // namespace

core::Result<std::optional<std::string>> ReadJudgedFile(GitRepository& repo,
                                                        const ScopeRequest& request,
                                                        const std::string& path) {
  using Content = std::optional<std::string>;
  core::Result<std::optional<TrackedFile>> entry;
  if (request.mode == ScanMode::kRange) {
    auto head = repo.ResolveCommit(request.head.empty() ? "HEAD" : request.head);
    if (!head) return tl::unexpected(head.error());
    entry = repo.FindInCommit(*head, path);
  } else {
    entry = repo.FindInIndex(path);
  }
  if (!entry) return tl::unexpected(entry.error());
  if (!*entry || (*entry)->kind == EntryKind::kSymlink || (*entry)->kind == EntryKind::kSubmodule) {
    return Content();
  }
  std::string text;
  if (request.mode == ScanMode::kWorktree && !(*entry)->skip_worktree) {
    const std::string full_path = repo.Workdir() + path;
    if (IsMissing(full_path)) return Content();
    auto read =
        ReadWorktreeFile(path, full_path, repo.LfsObjectsDir(), request.max_file_bytes, text);
    if (!read) return tl::unexpected(read.error());
    if (*read) return Content();
    return Content(std::move(text));
  }
  auto read = ReadStoredFile(repo, (*entry)->blob_id, request.max_file_bytes, text);
  if (!read) return tl::unexpected(read.error());
  if (*read) return Content();
  return Content(std::move(text));
}

core::Result<std::vector<std::string>> ListJudgedPaths(GitRepository& repo,
                                                       const ScopeRequest& request) {
  core::Result<std::vector<TrackedFile>> files;
  if (request.mode == ScanMode::kRange) {
    auto head = repo.ResolveCommit(request.head.empty() ? "HEAD" : request.head);
    if (!head) return tl::unexpected(head.error());
    files = repo.ListCommit(*head);
  } else {
    files = repo.ListIndex();
  }
  if (!files) return tl::unexpected(files.error());
  std::vector<std::string> paths;
  for (auto& file : *files) paths.push_back(std::move(file.path));
  return paths;
}

void WalkRangeAhead(GitRepository& repo, const std::string& base, const std::string& head) {
  if (auto ends = ResolveRange(repo, base, head)) repo.WalkRangeAhead(ends->base, ends->head);
}

core::Result<ChangeFacts> CollectChange(GitRepository& repo, const ScopeRequest& request) {
  switch (request.mode) {
    case ScanMode::kStaged:
      return CollectStaged(repo, request);
    case ScanMode::kRange:
      return CollectRange(repo, request);
    case ScanMode::kWorktree:
      return CollectWorktree(repo, request);
    case ScanMode::kHistory:
      break;  // riskgate history reads through collect/history_source.h
  }
  return core::MakeError(core::ErrorCode::kInternal, "unknown scan mode");
}

}  // namespace riskgate::collect
