// Stage 3 (evaluate), asked during collect: which whole-file contexts (collect::FragmentKind::
// kContext, the new version of each file a change modifies) the secrets control may find
// anything in. A range's contexts are whole files, hundreds of MB on a large repository, and
// nearly all of them hold nothing any rule may match (3,489 of 3,560 on git/git's last 300
// merges): collect keeps only the others, and reads no trusted version for the rest.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "policy/policy.h"

namespace riskgate::evaluate::secrets {

class SecretsScanner;

class ContextFilter {
 public:
  // `control` must outlive this.
  explicit ContextFilter(const policy::SecretsControl& control);
  ~ContextFilter();
  ContextFilter(const ContextFilter&) = delete;
  ContextFilter& operator=(const ContextFilter&) = delete;

  // Whether the secrets scan may find anything in a context whose text is `text`
  // (SecretsScanner::ContextMayFind). Every context is kept until kScannerAfterBytes of them
  // have been asked about: a scanner of its own costs more than a pre-commit hook's contexts,
  // and its prefilter serves only from there. One thread at a time.
  bool MayFind(std::string_view text);
  // At least `bytes` of contexts will be asked about: the scanner is made now, and its
  // prefilter compiled now when that is enough to repay it (SecretsScanner::ExpectText).
  void Expect(std::size_t bytes);

  static constexpr std::size_t kScannerAfterBytes = std::size_t{1} << 20;

 private:
  const policy::SecretsControl& control_;
  std::size_t asked_ = 0;
  std::unique_ptr<SecretsScanner> scanner_;
};

}  // namespace riskgate::evaluate::secrets
