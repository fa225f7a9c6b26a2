#include "collect/prior_versions.h"

#include <set>

#include "collect/blob_kind.h"

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
  auto blob = repo.ReadBlob((*entry)->blob_id);
  if (!blob) return tl::unexpected(blob.error());
  if (static_cast<std::int64_t>(blob->size()) > max_file_bytes || LooksBinary(*blob)) {
    return Text();
  }
  return Text(std::move(*blob));
}

}  // namespace

core::Result<void> AddBaseVersions(GitRepository& repo, const std::optional<std::string>& base,
                                   std::int64_t max_file_bytes, std::vector<ChangedFile>& files) {
  if (!base) return {};
  for (ChangedFile& file : files) {
    auto text = TextAt(repo, *base, file.path, max_file_bytes);
    if (!text) return tl::unexpected(text.error());
    file.base_content = std::move(*text);
  }
  return {};
}

core::Result<void> AddContexts(GitRepository& repo, const std::vector<FileDiff>& diffs,
                               const std::optional<std::string>& commit,
                               const std::vector<std::string>& priors, std::size_t skipped_before,
                               std::int64_t max_file_bytes, ChangeFacts& facts) {
  std::set<std::string, std::less<>> skipped;
  for (std::size_t i = skipped_before; i < facts.scope.skipped.size(); ++i) {
    skipped.insert(facts.scope.skipped[i].path);
  }
  for (const FileDiff& diff : diffs) {
    // A new file is already judged whole; a skipped one is not judged at all.
    if (diff.deleted || diff.added || skipped.contains(diff.path)) continue;
    auto content = repo.ReadBlob(diff.blob_id);
    if (!content) return tl::unexpected(content.error());
    const std::size_t newline = content->find('\n');
    if (newline == std::string::npos || newline + 1 == content->size()) continue;  // one line
    Fragment fragment{diff.path, commit, 1, std::move(*content), FragmentKind::kContext};
    for (const std::string& prior : priors) {
      std::optional<std::string> text;
      if (!prior.empty()) {
        auto read = TextAt(repo, prior, diff.path, max_file_bytes);
        if (!read) return tl::unexpected(read.error());
        text = std::move(*read);
      }
      fragment.prior.push_back(text.value_or(""));
    }
    facts.fragments.push_back(std::move(fragment));
  }
  return {};
}

}  // namespace riskgate::collect
