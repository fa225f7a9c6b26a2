// The policy guard: a change that edits the policy, a file it reads or CODEOWNERS needs the
// policy owners' approval; the new version applies once merged (evaluate/guard/).
#include <set>

#include "evaluate/guard/policy_changes.h"
#include "policy/codeowners.h"
#include "run/controls/explain_text.h"
#include "run/controls/rows.h"

namespace riskgate::run::controls {
namespace {

// What the guard compares of a guarded path at `commit`: a file's text, or for a symlink (which
// policy files follow at the base) its target, so that editing the link is a change too.
core::Result<std::optional<std::string>> GuardedVersion(collect::GitRepository& repo,
                                                        const std::string& commit,
                                                        const std::string& path) {
  auto entry = repo.FindInCommit(commit, path);
  if (!entry) return tl::unexpected(entry.error());
  if (!*entry || (*entry)->kind != collect::EntryKind::kSymlink) {
    return repo.ReadPathAt(commit, path);
  }
  auto target = repo.ReadBlob((*entry)->blob_id);
  if (!target) return tl::unexpected(target.error());
  if (target->size() > 4096) {
    return core::MakeError(core::ErrorCode::kPolicy, "a symlink with a target over 4096 bytes",
                           path);
  }
  return std::optional<std::string>("symlink -> " + *target);
}

constexpr BuiltinRule kRules[] = {
    {"policy-file-changed", "the change edits the policy or a file it reads",
     "a change must not weaken the rules that judge it; the new version applies once merged",
     "Have the policy's owners review the change"},
    {"waiver-changed", "the change adds or alters a waiver",
     "accepting risk needs the named approver's consent",
     "Add an Approved-by trailer or an approving review from the approver"},
};

class PolicyGuardControl final : public Control {
 public:
  std::string_view Name() const override { return evaluate::guard::kControl; }

  // The policy files (and CODEOWNERS, which decides who approves a policy change when
  // policy.owners does not, and every owned path) at the base and at the head of the change.
  core::Result<void> Gather(const policy::Policy& /*policy*/, GatherContext& context,
                            collect::ChangeFacts& facts) const override {
    const auto& files = context.policy_files;
    if (files.base().empty() || !facts.scope.head) return {};
    std::set<std::string> guarded = files.repo_paths();
    for (const auto dialect :
         {policy::CodeownersDialect::kGithub, policy::CodeownersDialect::kGitlab}) {
      for (const auto& path : policy::CodeownersLocations(dialect)) guarded.insert(path);
    }
    for (const auto& path : guarded) {
      auto base = GuardedVersion(context.repo, files.base(), path);
      if (!base) return tl::unexpected(base.error());
      auto head = GuardedVersion(context.repo, *facts.scope.head, path);
      if (!head) return tl::unexpected(head.error());
      if (!*base && !*head) continue;
      facts.policy_files.push_back({path, std::move(*base), std::move(*head)});
    }
    return {};
  }

  evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts, const policy::Policy& policy,
                                const evaluate::RepositoryLayout& /*layout*/) const override {
    return {evaluate::guard::EvaluatePolicyChanges(
        facts.policy_files, facts.commits, facts.reviews, policy,
        facts.context.ci ? evaluate::guard::Gate::kJudge : evaluate::guard::Gate::kForetell)};
  }

  bool Explain(const policy::Policy& /*policy*/, std::string_view id,
               RuleExplanation& e) const override {
    if (!ExplainBuiltin(kRules, Name(), id, e)) return false;
    e.severity = core::Severity::kMedium;
    return true;
  }
};

}  // namespace

const Control& PolicyGuard() {
  static const PolicyGuardControl control;
  return control;
}

}  // namespace riskgate::run::controls
