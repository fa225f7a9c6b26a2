#include "report/scope_text.h"

#include <catch2/catch.hpp>

namespace riskgate::report {
namespace {

TEST_CASE("the scope line is written from the scope's facts in every mode", "[report][scope]") {
  core::ScopeSummary scope;
  scope.head = "0123456789abcdef0123";
  CHECK(DescribeScope(scope) == "staged changes against HEAD (0123456789ab)");
  scope.head.reset();
  CHECK(DescribeScope(scope) == "staged changes of the first commit (HEAD is unborn)");

  scope.mode = core::ScanMode::kRange;
  scope.base = std::string(core::kEmptyTreeId);
  scope.head = "fedcba9876543210fedc";
  scope.commits = 3;
  CHECK(DescribeScope(scope) == "commits root..fedcba987654 (3 commits)");
  scope.base = "aaaaaaaaaaaaaaaaaaaa";
  scope.detected_by = "GitHub pull_request";
  CHECK(DescribeScope(scope) ==
        "commits aaaaaaaaaaaa..fedcba987654 (3 commits) [detected: GitHub pull_request]");

  scope = {};
  scope.mode = core::ScanMode::kWorktree;
  scope.tracked_files = 1;
  CHECK(DescribeScope(scope) == "every tracked file in the working tree (1 file)");
}

TEST_CASE("a history scope says its shard, a shallow boundary and missing blobs",
          "[report][scope]") {
  core::ScopeSummary scope;
  scope.mode = core::ScanMode::kHistory;
  core::HistoryScope history;
  history.refs = {"refs/heads/main"};
  history.commits = 1;
  history.blobs_read = 2;
  scope.history = history;
  CHECK(DescribeScope(scope) == "history: 1 commit reachable from 1 ref, 2 distinct blobs read");
  scope.history->shard = "2/3";
  scope.history->stopped_at = {"0123456789abcdef", "fedcba9876543210"};
  scope.history->missing_blobs = 1;
  CHECK(DescribeScope(scope) ==
        "history: 1 commit reachable from 1 ref, 2 distinct blobs read (shard 2/3); history is "
        "shallow: it stops at 2 commits whose parents are missing (0123456789ab, ...); 1 blob "
        "missing (a partial clone), not scanned");
  scope.merged_shards = 3;
  CHECK(DescribeScope(scope) ==
        "history: 1 commit reachable from 1 ref, merged from 3 shard reports; history is "
        "shallow: it stops at 2 commits whose parents are missing");
}

}  // namespace
}  // namespace riskgate::report
