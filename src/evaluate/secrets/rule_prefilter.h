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
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/secrets/text_origin.h"
#include "evaluate/text/hyperscan_db.h"
#include "policy/secret_rule.h"

namespace riskgate::evaluate::secrets {

// `source` (RE2 syntax) as a regex Hyperscan reads with at least RE2's matches: bounded
// repeats {m,n} opened to {m,} (kept with `keep_bounds`, to learn how long a match can be),
// group names dropped. Nullopt where that cannot be promised (bytes outside ASCII, \p \P \C \A
// \z \Z \Q, the U flag or a flag turned off): such a rule is treated as matching everywhere.
std::optional<std::string> LoosePattern(std::string_view source, bool keep_bounds = false);

class RulePrefilter {
 public:
  static constexpr std::size_t kCompileAfterBytes = std::size_t{256} << 20;
  // Rules whose matches are at most this long are matched near a delta's changes only.
  static constexpr std::size_t kMaxNearWidth = 512;

  explicit RulePrefilter(const std::vector<policy::SecretRule>& rules,
                         std::size_t compile_after = kCompileAfterBytes);
  ~RulePrefilter();
  RulePrefilter(const RulePrefilter&) = delete;
  RulePrefilter& operator=(const RulePrefilter&) = delete;

  // Sets may[r] (one slot per rule) for each rule whose regex may match `text`, and for every
  // rule the database cannot judge; false when the prefilter does not serve (yet), and then
  // every rule must be tried.
  //
  // With `origin`, a match that lies inside a range copied from the earlier text (a byte of it
  // either side, so that ^, $ and \b read the same) matched there too, and is in the earlier
  // answer: only the bytes near the rest are matched by rules whose matches have a bound, the whole
  // text by the others. The answer is then a superset of the one without `origin`.
  bool MayMatch(std::string_view text, std::vector<char>& may,
                const TextOrigin* origin = nullptr) const;
  // At least `bytes` of text will be asked about: compiled now when that reaches the mark.
  void Expect(std::size_t bytes) const { hyperscan_->Expect(bytes); }
  const LazyHyperscan& hyperscan() const { return *hyperscan_; }
  // Every database: the whole pack's, then the near and the far rules' (for a delta's result).
  std::vector<const LazyHyperscan*> databases() const;

 private:
  // A database of some of the rules: expression index -> rule index.
  struct Part {
    std::vector<std::size_t> rule_of;
    std::unique_ptr<LazyHyperscan> hyperscan;
  };
  // MayMatch with `origin`; false when it cannot say (a part not ready), and then nothing is
  // promised of `may`.
  bool MayMatchNear(std::string_view text, std::vector<char>& may, const TextOrigin& origin) const;
  // Sets may[rule] for each match of `part` in `text`; false when the scan did not run.
  static bool ScanPart(const Part& part, std::string_view text, std::vector<char>& may);

  // A rule the database judges: its loosened pattern, and the same with its bounds kept.
  struct Judged {
    std::string loose;
    std::optional<std::string> bounded;
    bool caseless = false;
  };
  // The rules split by how long their matches can be, made when a delta's result is first
  // asked about (or the databases listed): Hyperscan's max_width for the default pack's rules
  // takes about 0.2 s of a core, which no check of a change should pay.
  struct Parts {
    Part near;  // rules whose matches are at most `near_width` bytes long
    Part far;   // the others
    std::size_t near_width = 0;
  };
  const Parts& parts() const;

  std::size_t rule_count_ = 0;
  std::size_t compile_after_ = 0;
  std::vector<std::size_t> rule_of_;  // expression index -> rule index
  std::vector<Judged> judged_;        // by expression index
  std::vector<std::size_t> always_;   // rules with a regex the database cannot judge
  std::unique_ptr<LazyHyperscan> hyperscan_;
  mutable std::once_flag parts_made_;
  mutable std::unique_ptr<Parts> parts_;
};

}  // namespace riskgate::evaluate::secrets
