// Stage 3 (evaluate), asked during collect: what of a change the secrets control may find
// anything in, for collect to read no more than that.
// - Whole-file contexts (collect::FragmentKind::kContext, the new version of each file a change
//   modifies): a range's contexts are whole files, hundreds of MB on a large repository, and
//   nearly all of them hold nothing any rule may match (3,489 of 3,560 on git/git's last 300
//   merges): collect keeps only the others, and reads no trusted version for the rest.
// - The lines a change adds to a file (collect::FragmentKind::kLines), judged by the file's new
//   version whole: a file whose every run of lines the scan clears is not line-diffed (most of a
//   range's files; the line diffs and the old versions they read were half of a range's CPU).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>

#include "policy/policy.h"

namespace riskgate::evaluate::secrets {

class SecretsScanner;

// Both tests may be asked from several threads at once (a range's commits are diffed on every
// core), and share one scanner.
class CollectFilter {
 public:
  // `control` must outlive this.
  explicit CollectFilter(const policy::SecretsControl& control);
  ~CollectFilter();
  CollectFilter(const CollectFilter&) = delete;
  CollectFilter& operator=(const CollectFilter&) = delete;

  // Whether the secrets scan may find anything in a context whose text is `text`
  // (SecretsScanner::ContextMayFind).
  bool MayFind(std::string_view text);
  // Whether it may find anything in lines added to `path` whose new version is `text`, whichever
  // of its lines they are (SecretsScanner::LinesMayFind).
  bool LinesMayFind(std::string_view path, std::string_view text);
  // At least `bytes` of texts will be asked about: the scanner is made now, and its prefilter
  // compiled now when that is enough to repay it (SecretsScanner::ExpectText).
  void Expect(std::size_t bytes);

  // Everything is kept until this many bytes of texts (contexts and new versions) have been
  // asked about: a scanner of its own costs more than a pre-commit hook's texts, and its
  // prefilter serves only from there.
  static constexpr std::size_t kScannerAfterBytes = std::size_t{1} << 20;

 private:
  // The scanner once `bytes` more asked bytes reach the mark, else null.
  const SecretsScanner* Scanner(std::size_t bytes);

  const policy::SecretsControl& control_;
  std::atomic<std::size_t> asked_{0};
  std::atomic<const SecretsScanner*> ready_{nullptr};
  std::mutex making_;
  std::unique_ptr<SecretsScanner> scanner_;  // made under `making_`
};

}  // namespace riskgate::evaluate::secrets
