#include "evaluate/reviews/reviews_evaluator.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/path_glob.h"
#include "core/text.h"
#include "evaluate/reviews/approvals.h"
#include "policy/codeowners.h"

namespace riskgate::evaluate::reviews {
namespace {

struct Requirement {
  int min_approvals = 1;
  bool code_owners = true;
  int policy_line = 0;  // the controls.reviews.paths entry that set it; 0 for the default
};

Requirement RequirementFor(const std::string& path, const policy::ReviewsControl& control) {
  Requirement out{control.min_approvals, control.code_owners, 0};
  for (const auto& entry : control.paths) {
    bool matches = false;
    for (const auto& glob : entry.paths) matches = matches || core::MatchPathGlob(glob, path);
    if (!matches) continue;
    if (entry.min_approvals) out.min_approvals = *entry.min_approvals;
    if (entry.code_owners) out.code_owners = *entry.code_owners;
    out.policy_line = entry.line;
  }
  return out;
}

std::string Join(const std::vector<std::string>& items, std::size_t max_shown = 5) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max_shown; ++i) {
    out += (i == 0 ? "" : ", ") + items[i];
  }
  if (items.size() > max_shown) out += " and " + std::to_string(items.size() - max_shown) + " more";
  return out;
}

std::string Approvals(int n) { return std::to_string(n) + (n == 1 ? " approval" : " approvals"); }

std::string Files(const std::vector<std::string>& paths) {
  std::vector<std::string> shown;
  for (const auto& p : paths) shown.push_back(core::EscapeForDisplay(p));
  if (paths.size() == 1) return shown.front();
  return std::to_string(paths.size()) + " files (" + Join(shown) + ")";
}

// "approved by: bob; not counted: alice (the change's author)".
std::string Tally(const ApprovalCount& count, const collect::ReviewFacts& facts) {
  std::vector<std::string> names;
  for (const auto& a : count.approvers) names.push_back(a.shown);
  std::string out = "approved by: " + (names.empty() ? std::string("nobody") : Join(names, 10));
  if (!count.not_counted.empty()) {
    std::vector<std::string> excluded;
    for (const auto& n : count.not_counted) excluded.push_back(n.shown + " (" + n.why + ")");
    out += "; not counted: " + Join(excluded, 10);
  }
  return out + " [" + facts.request + "]";
}

std::string FixText(const std::vector<std::string>& owners, const collect::ReviewFacts& facts) {
  const std::string who = owners.empty() ? "another reviewer" : Join(owners, 10);
  if (facts.explain_only) {
    // Nothing is committed or pushed yet: amending "the last commit" would rewrite another one.
    return "Nothing to do yet: once the change is pushed, ask " + who +
           " to approve its pull or merge request (or, without a forge, to sign off with an "
           "`Approved-by: Name <email>` trailer on its head commit)";
  }
  switch (facts.origin) {
    case collect::ReviewOrigin::kGithub:
      return "Request a review from " + who + (facts.url.empty() ? "" : " on " + facts.url) +
             " and have them approve the head commit";
    case collect::ReviewOrigin::kGitlab:
      return "Ask " + who + " to review the merge request" +
             (facts.url.empty() ? "" : " (" + facts.url + ")") + " and have them approve it";
    default:
      return "Ask " + who +
             " to review, then record it in the last commit: `git commit --amend --trailer "
             "\"Approved-by: Name <email>\"`";
  }
}

core::Finding Make(std::string rule, core::Severity severity, std::string message, std::string path,
                   int line, const std::string& identity) {
  core::Finding f;
  f.control = std::string(kControl);
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.location = core::Location{std::move(path), line, 0, std::nullopt};
  f.fingerprint = core::Sha256Hex("reviews\0" + f.rule + '\0' + identity).substr(0, 32);
  return f;
}

struct OwnerGroup {
  std::string section;
  int approvals = 1;
  std::vector<std::string> owners;
  int line = 0;
  std::vector<std::string> files;
};

}  // namespace

std::vector<core::Finding> EvaluateReviews(const collect::ChangeFacts& facts,
                                           const policy::ReviewsControl& control) {
  std::vector<core::Finding> out;
  if (!control.enabled) return out;
  const collect::ReviewFacts& reviews = facts.reviews;
  if (!reviews.error.empty()) {
    auto f = Make("reviews-unavailable", core::Severity::kCritical,
                  "the reviews of this change could not be read, so its approvals are unknown: " +
                      reviews.error,
                  facts.changed_paths.empty() ? std::string() : facts.changed_paths.front(), 0,
                  "unavailable");
    f.hints.fix = "Re-run the job once the forge answers, or check the token's permissions";
    out.push_back(std::move(f));
    return out;
  }
  if (reviews.origin == collect::ReviewOrigin::kNone && !reviews.explain_only) return out;
  if (facts.changed_paths.empty()) return out;
  const bool explain = reviews.explain_only;
  const core::Severity severity = explain ? core::Severity::kInfo : control.severity;
  const ApprovalCount count = explain ? ApprovalCount{} : CountApprovals(reviews, control);

  // CODEOWNERS of the base revision.
  std::optional<policy::Codeowners> codeowners;
  if (reviews.codeowners && control.codeowners != policy::CodeownersMode::kOff) {
    core::Diagnostics diagnostics;
    codeowners =
        policy::ParseCodeowners(reviews.codeowners->text, reviews.codeowners->path,
                                reviews.codeowners->gitlab ? policy::CodeownersDialect::kGitlab
                                                           : policy::CodeownersDialect::kGithub,
                                diagnostics);
    for (const auto& d : diagnostics.items()) {
      auto f = Make("codeowners-malformed", core::Severity::kLow,
                    "CODEOWNERS line " + std::to_string(d.mark.line) + " is ignored: " + d.message +
                        " (read from " + reviews.codeowners->revision.substr(0, 12) + ")",
                    reviews.codeowners->path, d.mark.line, d.message);
      f.hints.fix = "Correct line " + std::to_string(d.mark.line) + " of " +
                    reviews.codeowners->path + " so its owners are enforced";
      out.push_back(std::move(f));
    }
  }

  // The number of approvals: the strictest requirement among the changed paths.
  int need = 0;
  std::string need_path;
  int need_line = 0;
  std::map<std::string, OwnerGroup> groups;  // section + owners -> files
  for (const auto& path : facts.changed_paths) {
    const Requirement req = RequirementFor(path, control);
    if (req.min_approvals > need) {
      need = req.min_approvals;
      need_path = path;
      need_line = req.policy_line;
    }
    if (!req.code_owners || !codeowners) continue;
    for (const auto& owners : policy::OwnersOf(*codeowners, path)) {
      if (owners.optional) continue;  // GitLab ^[Section]: approval optional
      std::string key = owners.section + '\0' + std::to_string(owners.approvals);
      for (const auto& o : owners.owners) key += '\0' + o;
      OwnerGroup& group = groups[key];
      group.section = owners.section;
      group.approvals = owners.approvals;
      group.owners = owners.owners;
      group.line = owners.line;
      group.files.push_back(path);
    }
  }

  const int have = static_cast<int>(count.approvers.size());
  if (need > 0 && (explain || have < need)) {
    std::string why = need_line > 0 ? " (controls.reviews.paths entry at policy line " +
                                          std::to_string(need_line) + " matches " +
                                          core::EscapeForDisplay(need_path) + ")"
                                    : "";
    std::string message = explain ? "this change will need " + Approvals(need) + why
                                  : "this change needs " + Approvals(need) + why + " and has " +
                                        std::to_string(have) + ": " + Tally(count, reviews);
    auto f = Make(explain ? "review-required" : "approvals-missing", severity, message, need_path,
                  0, "approvals\0" + std::to_string(need) + '\0' + need_path);
    f.hints.fix = FixText({}, reviews);
    f.hints.mitigate = "Split the change so the parts under stricter paths get their own review";
    out.push_back(std::move(f));
  }

  const std::string owners_file = reviews.codeowners ? reviews.codeowners->path : "CODEOWNERS";
  for (auto& [key, group] : groups) {
    int approved = 0;
    std::vector<std::string> unresolved;
    std::vector<std::string> by;
    for (const auto& approver : count.approvers) {
      bool counted = false;
      for (const auto& owner : group.owners) {
        const OwnerMatch match = MatchOwner(approver, owner, reviews, control);
        if (match == OwnerMatch::kYes) counted = true;
      }
      if (counted) {
        ++approved;
        by.push_back(approver.shown);
      }
    }
    if (!explain && approved >= group.approvals) continue;
    for (const auto& owner : group.owners) {
      if (!IsTeam(owner) || explain) continue;
      const std::string lower = core::AsciiLower(owner);
      if (auto it = reviews.unresolved_teams.find(lower); it != reviews.unresolved_teams.end()) {
        unresolved.push_back(owner + ": " + it->second);
      } else if (!reviews.teams.contains(lower) &&
                 MatchOwner({}, owner, reviews, control) == OwnerMatch::kUnresolvedTeam) {
        unresolved.push_back(owner +
                             ": its members are unknown here (list them under "
                             "controls.reviews.teams for trailers mode)");
      }
    }
    std::vector<std::string> shown_owners;
    for (const auto& o : group.owners) shown_owners.push_back(core::EscapeForDisplay(o));
    std::string where = owners_file + " line " + std::to_string(group.line);
    if (!group.section.empty())
      where += ", section [" + core::EscapeForDisplay(group.section) + "]";
    std::string message = Files(group.files) + (explain ? " will need " : " needs ") +
                          Approvals(group.approvals) + " from " + Join(shown_owners, 10) + " (" +
                          where + ")";
    if (!explain) {
      message += "; owner approvals: " + std::to_string(approved) + " (" +
                 (by.empty() ? std::string("none") : Join(by, 10)) + "); " + Tally(count, reviews);
    }
    if (!unresolved.empty()) message += "; unresolved: " + Join(unresolved, 5);
    std::vector<std::string> sorted_files = group.files;
    std::sort(sorted_files.begin(), sorted_files.end());
    std::string identity = key;
    for (const auto& file : sorted_files) identity += '\0' + file;
    auto f = Make(explain ? "review-required" : "code-owner-approval-missing", severity, message,
                  group.files.front(), 0, identity);
    f.hints.fix = FixText(shown_owners, reviews);
    out.push_back(std::move(f));
  }

  if (!explain && reviews.approvals_left && *reviews.approvals_left > 0) {
    auto f = Make("forge-approvals-missing", control.severity,
                  "GitLab's approval rules still need " + Approvals(*reviews.approvals_left) +
                      (reviews.approvals_required
                           ? " (" + std::to_string(*reviews.approvals_required) + " required)"
                           : std::string()) +
                      " [" + reviews.request + "]",
                  facts.changed_paths.front(), 0, "gitlab-approvals");
    f.hints.fix = FixText({}, reviews);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace riskgate::evaluate::reviews
