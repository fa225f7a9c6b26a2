#include "evaluate/guard/policy_changes.h"

#include <map>

#include "core/date.h"
#include "core/text.h"
#include "evaluate/reviews/approvals.h"
#include "policy/codeowners.h"

namespace riskgate::evaluate::guard {
namespace {

// Who must approve a change to `path`: policy.owners, else its CODEOWNERS owners at the base,
// else waivers.approvers.critical, else any reviewer ("*"); all from the base revision.
std::vector<std::string> OwnersOf(const std::string& path, const collect::ReviewFacts& reviews,
                                  const policy::Policy& policy) {
  if (!policy.owners.empty()) return policy.owners;
  if (reviews.codeowners) {
    core::Diagnostics ignored;  // the reviews control reports a broken CODEOWNERS
    const auto codeowners =
        policy::ParseCodeowners(reviews.codeowners->text, reviews.codeowners->path,
                                reviews.codeowners->gitlab ? policy::CodeownersDialect::kGitlab
                                                           : policy::CodeownersDialect::kGithub,
                                ignored);
    std::vector<std::string> out;
    for (const auto& section : policy::OwnersOf(codeowners, path)) {
      out.insert(out.end(), section.owners.begin(), section.owners.end());
    }
    if (!out.empty()) return out;
  }
  const auto& critical =
      policy.waivers.approvers[static_cast<std::size_t>(core::Severity::kCritical)];
  if (!critical.empty()) return critical;
  return {"*"};
}

std::string Describe(const std::vector<std::string>& owners) {
  if (owners == std::vector<std::string>{"*"}) {
    return "any reviewer (name the policy's owners in `policy.owners`)";
  }
  std::string out;
  for (const auto& n : owners) out += (out.empty() ? "" : ", ") + n;
  return out;
}

core::Finding Make(std::string rule, const std::string& path, int line, std::string message,
                   std::string identity) {
  core::Finding f;
  f.control = std::string(kControl);
  f.rule = std::move(rule);
  f.severity = core::Severity::kMedium;
  f.message = std::move(message);
  f.location = {path, line, 0, std::nullopt};
  f.fingerprint =
      core::Sha256Hex("policy\0" + f.rule + '\0' + path + '\0' + identity).substr(0, 32);
  return f;
}

std::map<std::string, policy::Waiver> ById(const std::optional<std::string>& text,
                                           const std::string& file) {
  std::map<std::string, policy::Waiver> out;
  if (!text) return out;
  core::Diagnostics ignored;  // a broken new file is reported by the run that merges it
  for (auto& w : policy::LoadWaivers(*text, file, ignored)) out.emplace(w.id, std::move(w));
  return out;
}

// "Jane Doe <jane@example.com>" approves for "jane", "jane@example.com", "Jane Doe" or "@jane".
bool SamePerson(std::string_view trailer, std::string_view approver) {
  auto norm = [](std::string_view s) {
    while (!s.empty() && (s.front() == '@' || s.front() == ' ')) s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return core::AsciiLower(s);
  };
  const std::string who = norm(approver);
  if (who.empty()) return false;
  const auto lt = trailer.find('<');
  const auto gt = trailer.find('>', lt == std::string_view::npos ? 0 : lt);
  const std::string name = norm(trailer.substr(0, lt));
  if (name == who) return true;
  if (lt == std::string_view::npos || gt == std::string_view::npos) return false;
  const std::string email = norm(trailer.substr(lt + 1, gt - lt - 1));
  return email == who || email.substr(0, email.find('@')) == who;
}

// The commit whose Approved-by: trailer names `approver`, if any.
std::optional<std::string> ApprovalTrailer(const std::vector<collect::CommitFacts>& commits,
                                           const std::string& approver) {
  for (const auto& commit : commits) {
    for (const auto& [key, value] : commit.trailers) {
      if (core::AsciiLower(key) == "approved-by" && SamePerson(value, approver)) return commit.id;
    }
  }
  return std::nullopt;
}

// Where `approver` approved the change: the forge's review, or an Approved-by: trailer where
// the base policy makes trailers the approvals (`source: trailers`); elsewhere a trailer is the
// author's own text.
std::optional<std::string> ApprovalBy(const std::vector<collect::CommitFacts>& commits,
                                      const collect::ReviewFacts& reviews,
                                      const policy::ReviewsControl& control,
                                      const std::string& approver) {
  if (reviews.origin == collect::ReviewOrigin::kTrailers &&
      reviews::TrustedApprovals(reviews, control)) {
    if (auto commit = ApprovalTrailer(commits, approver)) {
      return "Approved-by: trailer of commit " + commit->substr(0, 12);
    }
  }
  if (reviews.origin != collect::ReviewOrigin::kGithub &&
      reviews.origin != collect::ReviewOrigin::kGitlab) {
    return std::nullopt;
  }
  for (const auto& a : reviews::CountApprovals(reviews, control).approvers) {
    if (!a.login.empty() && SamePerson(a.login, approver)) return "approval on " + reviews.request;
  }
  return std::nullopt;
}

bool SameWaiver(const policy::Waiver& a, const policy::Waiver& b) {
  return a.control == b.control && a.rule == b.rule && a.path == b.path &&
         a.fingerprint == b.fingerprint && a.approver == b.approver && a.owner == b.owner &&
         a.expires == b.expires && a.created == b.created;
}

}  // namespace

std::vector<core::Finding> EvaluatePolicyChanges(const std::vector<collect::FileVersions>& changes,
                                                 const std::vector<collect::CommitFacts>& commits,
                                                 const collect::ReviewFacts& reviews,
                                                 const policy::Policy& policy, Gate gate) {
  std::vector<core::Finding> out;
  for (const auto& change : changes) {
    if (change.base_content == change.head_content) continue;
    const std::string verb =
        !change.base_content ? "adds" : (!change.head_content ? "deletes" : "edits");
    const std::vector<std::string> owners = OwnersOf(change.path, reviews, policy);
    const std::string who = Describe(owners);
    const std::string intro = "this change " + verb + " " + change.path +
                              ", which the gate reads its rules from; the base revision's version "
                              "judged this run and the new one applies after the merge. ";
    auto f = Make("policy-file-changed", change.path, 0, intro,
                  core::Sha256Hex(change.head_content.value_or("")));
    if (gate == Gate::kForetell) {
      // A laptop or a hook: CI will decide; say whose approval that will need.
      f.severity = core::Severity::kLow;
      f.message += "In CI it blocks until approved by " + who;
    } else if (const auto approval = reviews::OwnerApproval(owners, reviews, policy.reviews)) {
      f.severity = core::Severity::kInfo;
      f.message += "Approved by " + *approval + " on " + reviews.request;
    } else {
      f.severity = core::Severity::kHigh;
      f.message +=
          "It blocks until approved by " + who + reviews::NoApprovalNote(reviews, policy.reviews);
    }
    f.hints.fix = "Have the change approved by " + who +
                  ", or merge the policy change on its own, reviewed by them, before changes "
                  "that rely on it";
    out.push_back(std::move(f));
    if (change.path != policy.waivers.file) continue;
    const auto before = ById(change.base_content, change.path);
    for (const auto& [id, w] : ById(change.head_content, change.path)) {
      auto old = before.find(id);
      if (old != before.end() && SameWaiver(old->second, w)) continue;
      const auto approval = ApprovalBy(commits, reviews, policy.reviews, w.approver);
      const std::string what =
          "this change " + std::string(old == before.end() ? "adds" : "alters") + " waiver '" + id +
          "' (owner " + w.owner + ", approver " + w.approver + ", expires " +
          core::FormatDate(w.expires) + "); it does not apply to this change, ";
      auto waiver = Make("waiver-changed", change.path, w.mark.line,
                         what + (approval ? "and " + w.approver + " approved it (" + *approval + ")"
                                          : "and " + w.approver + " must approve it"),
                         id + '\0' + core::FormatDate(w.expires));
      if (approval) waiver.severity = core::Severity::kInfo;
      waiver.hints.fix = "Ask " + w.approver +
                         " to approve this change (a review on the pull or merge request; an "
                         "`Approved-by: " +
                         w.approver + "` trailer where the policy sets `source: trailers`)";
      out.push_back(std::move(waiver));
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::guard
