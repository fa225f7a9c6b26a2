// forbid_path, require_path, require_change and restrict_change: rules about which paths a
// change touches, which exist, and who touched them.
#include <algorithm>

#include "core/path_glob.h"
#include "core/text.h"
#include "evaluate/custom/custom_rules.h"
#include "evaluate/reviews/approvals.h"

namespace riskgate::evaluate::custom {
namespace {

std::string Join(const std::vector<std::string>& items, std::size_t max = 5) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > max) out += " and " + std::to_string(items.size() - max) + " more";
  return out;
}

std::string Bytes(std::int64_t n) {
  if (n >= 1024 * 1024) return std::to_string(n / (1024 * 1024)) + " MiB";
  if (n >= 1024) return std::to_string(n / 1024) + " KiB";
  return std::to_string(n) + " bytes";
}

// "Name <email>" -> lower-case email, or "".
std::string EmailOf(const std::string& author) {
  const auto open = author.rfind('<');
  const auto close = author.rfind('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  std::string email = author.substr(open + 1, close - open - 1);
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return email;
}

bool IsOwner(const reviews::Approver& who, const policy::CustomRule& rule,
             const collect::ChangeFacts& facts, const policy::Policy& policy) {
  return std::any_of(rule.owners.begin(), rule.owners.end(), [&](const std::string& owner) {
    return reviews::MatchOwner(who, owner, facts.reviews, policy.reviews) ==
           reviews::OwnerMatch::kYes;
  });
}

}  // namespace

void ForbidPath(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                std::vector<core::Finding>& out) {
  const bool audit = facts.scope.mode == core::ScanMode::kWorktree;
  for (const collect::PathFacts& file : audit ? facts.tree : facts.path_changes) {
    if (file.deleted || !policy::RuleCoversPath(rule, file.path)) continue;
    std::string message;
    if (rule.max_bytes) {
      if (file.size <= *rule.max_bytes) continue;
      message = rule.description + ": " + file.path + " is " + Bytes(file.size) + ", over the " +
                Bytes(*rule.max_bytes) + " this path allows";
    } else {
      message = rule.description + ": " + file.path +
                (audit ? " is in the tree" : " is added or modified");
    }
    out.push_back(MakeFinding(rule, std::move(message), file.path, 0, 0, file.path));
  }
}

void RequirePath(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                 std::vector<core::Finding>& out) {
  const bool present = std::any_of(facts.tree.begin(), facts.tree.end(), [&](const auto& file) {
    return policy::RuleCoversPath(rule, file.path);
  });
  if (present) return;
  out.push_back(MakeFinding(
      rule,
      rule.description + ": no file matching " + Join(rule.paths) + " exists in " +
          (facts.scope.mode == core::ScanMode::kStaged ? "the index" : "the judged tree"),
      rule.paths.front(), 0, 0, ""));
}

void RequireChange(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                   std::vector<core::Finding>& out) {
  std::vector<std::string> triggers;
  bool required_changed = false;
  for (const auto& path : facts.changed_paths) {
    if (policy::RuleCoversPath(rule, path)) triggers.push_back(path);
    if (policy::AnyGlobMatches(rule.require, path)) required_changed = true;
  }
  if (triggers.empty() || required_changed) return;
  out.push_back(MakeFinding(rule,
                            rule.description + ": " + Join(triggers) +
                                " changed, but nothing matching " + Join(rule.require) +
                                " changed with it",
                            triggers.front(), 0, 0, ""));
}

void RestrictChange(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                    const policy::Policy& policy, std::vector<core::Finding>& out) {
  std::vector<std::string> touched;
  for (const auto& path : facts.changed_paths) {
    if (policy::RuleCoversPath(rule, path)) touched.push_back(path);
  }
  if (touched.empty()) return;
  // In trailers mode a commit is also sanctioned by an owner's Approved-by/Reviewed-by on it.
  auto approved_by_owner = [&](const std::string& commit) {
    if (facts.reviews.origin != collect::ReviewOrigin::kTrailers || commit.empty()) return false;
    return std::any_of(facts.reviews.reviews.begin(), facts.reviews.reviews.end(),
                       [&](const collect::Review& r) {
                         return r.commit == commit && r.state == collect::ReviewState::kApproved &&
                                IsOwner(reviews::Approver{core::AsciiLower(r.login),
                                                          core::AsciiLower(r.email), r.shown},
                                        rule, facts, policy);
                       });
  };
  const bool forge = facts.reviews.origin == collect::ReviewOrigin::kGithub ||
                     facts.reviews.origin == collect::ReviewOrigin::kGitlab;
  std::vector<std::string> outsiders;
  std::string approvals_note;
  if (forge && policy.reviews.enabled && !facts.reviews.explain_only) {
    // On a forge, commit emails prove nothing (anyone can write them): the pull or merge
    // request's author, or an owner's approval counted by the reviews control, decides.
    for (const auto& login : facts.reviews.authors) {
      if (IsOwner(reviews::Approver{core::AsciiLower(login), "", "@" + login}, rule, facts,
                  policy)) {
        return;
      }
    }
    const auto counted = reviews::CountApprovals(facts.reviews, policy.reviews);
    for (const auto& approver : counted.approvers) {
      if (IsOwner(approver, rule, facts, policy)) return;
    }
    for (const auto& login : facts.reviews.authors) outsiders.push_back("@" + login);
    approvals_note = "; no owner approved it (" + facts.reviews.request + ")";
  } else {
    // Who wrote what the rule restricts: the commits that touch it (staged: the configured user).
    struct Change {
      std::string author;
      std::string commit;  // empty when staged
    };
    std::vector<Change> changes;
    if (facts.scope.mode == core::ScanMode::kStaged) {
      changes.push_back({facts.pending_author, ""});
    } else {
      for (const auto& commit : facts.commits) {
        const bool touches = std::any_of(commit.paths.begin(), commit.paths.end(),
                                         [&](auto& p) { return policy::RuleCoversPath(rule, p); });
        if (touches) changes.push_back({commit.author, commit.id});
      }
      if (changes.empty()) {  // only a merge brought it: every author of the range answers for it
        for (const auto& commit : facts.commits) changes.push_back({commit.author, commit.id});
      }
    }
    for (const auto& change : changes) {
      const reviews::Approver who{"", EmailOf(change.author), change.author};
      if (!IsOwner(who, rule, facts, policy) && !approved_by_owner(change.commit) &&
          std::find(outsiders.begin(), outsiders.end(), change.author) == outsiders.end()) {
        outsiders.push_back(change.author);
      }
    }
    if (outsiders.empty()) return;
  }
  std::sort(touched.begin(), touched.end());
  out.push_back(MakeFinding(rule,
                            rule.description + ": " + Join(touched) + " may only be changed by " +
                                Join(rule.owners, 10) + ", and " + Join(outsiders) +
                                (outsiders.size() == 1 ? " is not one" : " are not") +
                                approvals_note,
                            touched.front(), 0, 0, ""));
}

}  // namespace riskgate::evaluate::custom
