// Stage 1 (collect): which changed files a diff line-diffs (ScopeRequest::lines_may_find), asked
// once per path and version.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace riskgate::collect {

// Whether the lines added to `path`, whose new version's scannable text is `text`, are wanted,
// whichever of its lines they are: a file with a new version it rejects is not line-diffed
// (FileDiff::lines_clear). Each path and version is asked once (a merge's diffs against each
// parent, and a range's net diff, read versions the commits' diffs read); safe from any thread.
class LinesWanted {
 public:
  using Test = std::function<bool(std::string_view path, std::string_view text)>;
  explicit LinesWanted(Test test) : test_(std::move(test)) {}
  bool operator()(std::string_view path, std::string_view blob_id, std::string_view text) const;
  // Whether `path` at version `blob_id` was asked about and not wanted.
  bool Cleared(std::string_view path, std::string_view blob_id) const;
  // Whether it tests anything (else every file's lines are wanted).
  bool Testing() const { return static_cast<bool>(test_); }

 private:
  static std::string Key(std::string_view path, std::string_view blob_id);

  Test test_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, bool, std::less<>> known_;  // path '\0' blob id -> wanted
};

}  // namespace riskgate::collect
