// Stage 3 (evaluate): which secret rules' regexes may match somewhere in a text, for every rule
// at once in one pass (a Hyperscan database of the rules' regexes, loosened: never fewer
// matches than RE2 finds, in a whole text or in any window of its lines). A full-history audit
// asks this of every blob, and nearly every blob is clean: one pass at about 1 GB/s instead of
// a keyword pass, keyword windows and one RE2 search per candidate rule. Compiled once the
// texts asked about (or announced) reach `compile_after` bytes: compiling takes two seconds or
// so for the default pack, more than a small audit takes (the bench corpus's 5,000 commits take
// one). A full-history sweep announces its packs' size, a lower bound of what it inflates, so a
// large store has the prefilter from its first blob. Before that, and without Hyperscan, it
// does not serve.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/text/hyperscan_db.h"
#include "policy/secret_rule.h"

namespace riskgate::evaluate::secrets {

// `source` (RE2 syntax) as a regex Hyperscan reads with at least RE2's matches: bounded
// repeats {m,n} opened to {m,}, group names dropped. Nullopt where that cannot be promised
// (bytes outside ASCII, \p \P \C \A \z \Z \Q, the U flag or a flag turned off): such a rule is
// treated as matching everywhere.
std::optional<std::string> LoosePattern(std::string_view source);

class RulePrefilter {
 public:
  static constexpr std::size_t kCompileAfterBytes = std::size_t{256} << 20;

  explicit RulePrefilter(const std::vector<policy::SecretRule>& rules,
                         std::size_t compile_after = kCompileAfterBytes);

  // Sets may[r] (one slot per rule) for each rule whose regex may match `text`, and for every
  // rule the database cannot judge; false when the prefilter does not serve (yet), and then
  // every rule must be tried.
  bool MayMatch(std::string_view text, std::vector<char>& may) const;
  // At least `bytes` of text will be asked about: compiled now when that reaches the mark.
  void Expect(std::size_t bytes) const { hyperscan_->Expect(bytes); }
  const LazyHyperscan& hyperscan() const { return *hyperscan_; }

 private:
  std::size_t rule_count_ = 0;
  std::vector<std::size_t> rule_of_;  // expression index -> rule index
  std::vector<std::size_t> always_;   // rules with a regex the database cannot judge
  std::unique_ptr<LazyHyperscan> hyperscan_;
};

}  // namespace riskgate::evaluate::secrets
