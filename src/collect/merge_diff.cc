#include "collect/merge_diff.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

namespace riskgate::collect {
namespace {

// The added lines of one file diff, by line number of the new version.
std::map<int, std::string_view> AddedLines(const FileDiff& diff) {
  std::map<int, std::string_view> lines;
  for (const AddedHunk& hunk : diff.hunks) {
    std::string_view text = hunk.text;
    int line = hunk.first_line;
    while (true) {
      const std::size_t end = text.find('\n');
      lines.emplace(line++, text.substr(0, end));
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
    }
  }
  return lines;
}

// Consecutive lines of `lines` as hunks.
std::vector<AddedHunk> Hunks(const std::map<int, std::string_view>& lines) {
  std::vector<AddedHunk> hunks;
  int last = 0;
  for (const auto& [line, text] : lines) {
    if (hunks.empty() || line != last + 1) {
      hunks.push_back(AddedHunk{line, std::string(text)});
    } else {
      hunks.back().text.append(1, '\n').append(text);
    }
    last = line;
  }
  return hunks;
}

}  // namespace

core::Result<std::vector<FileDiff>> DiffMerge(GitRepository& repo, const std::string& merge,
                                              const std::vector<std::string>& against,
                                              std::int64_t max_file_bytes,
                                              const LinesWanted* wanted) {
  // Only a path whose entry differs from every parent can be listed: found from the trees
  // alone first, so that the files are read and diffed line by line for those paths only (a
  // merge of a topic branch differs from the topic in everything the mainline gained since).
  // The paths that differ from the first parent are looked up in the others, folder by folder,
  // instead of diffing the merge against each of them: a path kept whose entry equals another
  // parent's is dropped below, where that parent's diff does not list it.
  std::vector<std::string> everywhere;
  if (against.empty()) return std::vector<FileDiff>{};
  auto first = repo.ChangedEntries(against.front(), merge);
  if (!first) return tl::unexpected(first.error());
  std::vector<std::string> paths;
  for (const auto& entry : *first) paths.push_back(entry.first);
  std::vector<bool> differs(paths.size(), true);
  for (std::size_t p = 1; p < against.size(); ++p) {
    auto there = repo.EntriesAt(against[p], paths);
    if (!there) return tl::unexpected(there.error());
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if ((*there)[i].SameAs((*first)[i].second)) differs[i] = false;
    }
  }
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (differs[i]) everywhere.push_back(std::move(paths[i]));
  }
  std::sort(everywhere.begin(), everywhere.end());
  everywhere.erase(std::unique(everywhere.begin(), everywhere.end()), everywhere.end());
  std::vector<std::vector<FileDiff>> diffs;
  for (const std::string& parent : against) {
    auto diff = repo.DiffCommits(parent, merge, max_file_bytes, &everywhere, wanted);
    if (!diff) return tl::unexpected(diff.error());
    diffs.push_back(std::move(*diff));
  }
  std::vector<FileDiff> out;
  if (diffs.empty()) return out;
  // path -> lines added relative to every parent so far
  std::map<std::string, std::map<int, std::string_view>> kept;
  std::set<std::string> everywhere_new;      // paths absent from every parent
  std::set<std::string> everywhere_deleted;  // paths every parent has and the merge dropped
  // Paths not line-diffed against some parent: every diff of a path reads the merge's version,
  // and nothing may be found in any of its lines.
  std::set<std::string> clear;
  std::set<std::string> same;  // paths some parent has with the merge's content
  for (const FileDiff& diff : diffs.front()) {
    if (diff.deleted) {
      everywhere_deleted.insert(diff.path);
      continue;
    }
    kept.emplace(diff.path, AddedLines(diff));
    if (diff.added) everywhere_new.insert(diff.path);
    if (diff.lines_clear) clear.insert(diff.path);
    if (diff.same_content) same.insert(diff.path);
  }
  for (std::size_t p = 1; p < diffs.size(); ++p) {
    std::set<std::string> seen;
    std::set<std::string> deleted;
    for (const FileDiff& diff : diffs[p]) {
      if (diff.deleted && everywhere_deleted.contains(diff.path)) deleted.insert(diff.path);
      auto it = kept.find(diff.path);
      if (diff.deleted || it == kept.end()) continue;
      seen.insert(diff.path);
      if (!diff.added) everywhere_new.erase(diff.path);
      if (diff.lines_clear) clear.insert(diff.path);
      if (diff.same_content) same.insert(diff.path);
      const auto added = AddedLines(diff);
      std::erase_if(it->second, [&](const auto& line) { return !added.contains(line.first); });
    }
    std::erase_if(kept, [&](const auto& entry) { return !seen.contains(entry.first); });
    everywhere_deleted = std::move(deleted);
  }
  for (const FileDiff& diff : diffs.front()) {
    if (diff.deleted && everywhere_deleted.contains(diff.path)) {
      out.push_back(diff);  // an evil deletion: part of what the merge changed
      continue;
    }
    auto it = kept.find(diff.path);
    if (diff.deleted || it == kept.end()) continue;
    FileDiff file;
    file.path = diff.path;
    file.kind = diff.kind;
    file.skip = diff.skip;
    file.magic = diff.magic;
    file.text = diff.text;
    file.size = diff.size;
    file.blob_id = diff.blob_id;
    file.added = everywhere_new.contains(diff.path);
    file.lines_clear = clear.contains(diff.path);
    file.same_content = same.contains(diff.path);
    if (!file.lines_clear) file.hunks = Hunks(it->second);
    out.push_back(std::move(file));
  }
  return out;
}

}  // namespace riskgate::collect
