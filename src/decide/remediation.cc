#include "decide/remediation.h"

#include <algorithm>

#include "core/date.h"
#include "core/text.h"
#include "decide/decide.h"

namespace riskgate::decide {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The accept remedy is the `riskgate waive` command that would add a waiver the policy allows:
// who may approve a finding of this severity (and of this component), and the latest expiry.
core::Remediation AcceptRemedy(const core::Finding& finding, const policy::WaiverPolicy& rules,
                               core::Day today) {
  const auto index = static_cast<std::size_t>(finding.severity);
  const std::string severity(core::SeverityName(finding.severity));
  const auto& approvers = rules.approvers[index];
  if (approvers.empty()) {
    return core::Remediation{core::RemedyKind::kAccept,
                             "Nobody may accept a " + severity +
                                 " risk under this policy (waivers.approvers." + severity +
                                 " is empty): fix or mitigate it",
                             ""};
  }
  const int days = rules.max_days[index];
  const auto& acceptors = finding.hints.acceptors;
  const bool anyone = std::find(approvers.begin(), approvers.end(), "*") != approvers.end();
  // A finding that names who may accept it (a high-tier component's owners) says so: a waiver
  // approved by anyone else does not apply.
  const std::string who =
      !acceptors.empty() ? "one of " + Join(acceptors) + " (only they may)"
      : anyone           ? "anyone (waivers.approvers." + severity + ": *)"
                         : "one of " + Join(approvers) + " (waivers.approvers." + severity + ")";
  const std::string expires = today > 0 ? core::FormatDate(today + days) : "YYYY-MM-DD";
  std::string command = "riskgate waive " + finding.fingerprint +
                        " --owner OWNER --approver APPROVER --reason 'WHY' --expires " + expires +
                        "\n"
                        "  OWNER: who owns the risk; APPROVER: " +
                        who + "\n" + "  --expires: at most " + std::to_string(days) +
                        " days from today (waivers.max_days." + severity + ")" +
                        (today > 0 ? ", so " + expires + " or earlier" : "") + "\n";
  if (!acceptors.empty() && !anyone) {
    command +=
        "  the approver also needs authority for " + severity + " risks: " + Join(approvers) + "\n";
  }
  const std::string summary =
      acceptors.empty()
          ? "Accept the risk explicitly with `riskgate waive`: an owner, an approver with "
            "authority for " +
                severity + " risks, an expiry within " + std::to_string(days) + " days"
          : "Accept the risk explicitly with `riskgate waive`: an owner, an expiry within " +
                std::to_string(days) + " days, and an approver who is one of " +
                core::EscapeForDisplay(Join(acceptors)) + " (only they may accept it)";
  return core::Remediation{core::RemedyKind::kAccept, summary, command};
}

std::vector<core::Remediation> SecretRemedies(const core::Finding& finding,
                                              const policy::WaiverPolicy& rules, core::Day today) {
  std::vector<core::Remediation> out;
  const auto& hints = finding.hints;
  // The provider is a name ("GitHub", "Private key"), not always a place: it goes in brackets.
  std::string fix_summary =
      "Revoke and rotate the credential" +
      (hints.provider.empty() ? std::string(" with its issuer") : " (" + hints.provider + ")") +
      ", then remove it from the change";
  std::string fix_detail;
  if (!hints.fix.empty()) fix_detail += hints.fix + "\n";
  if (!hints.revoke_url.empty()) fix_detail += "Revoke at: " + hints.revoke_url + "\n";
  fix_detail +=
      "Treat the value as compromised once it left your machine; deleting it is not enough.\n"
      "Remove it from " +
      core::EscapeForDisplay(finding.location.path) +
      " and load it at run time from the environment or a secret manager.\n";
  if (!hints.only_ref.empty()) {
    const std::string ref = core::ShellQuote(hints.only_ref);
    fix_detail += "No commit holds it: only the ref " + core::EscapeForDisplay(hints.only_ref) +
                  " names the tree or blob it is in, and git pushes and clones that with the "
                  "ref. Delete the ref (`git push origin --delete " +
                  ref + "`, and locally `git update-ref -d " + ref +
                  "`), then let git prune the object (`git gc --prune=now`).\n";
  } else if (finding.location.commit) {
    fix_detail += "It is in commit " + finding.location.commit->substr(0, 12) +
                  ": rewrite the branch before it merges (`git rebase -i` and edit that commit), "
                  "or purge it from history with `git filter-repo --replace-text <file>` and "
                  "force-push.\n";
  } else {
    fix_detail +=
        "If it is only staged: edit the file, then `git add` it again (or `git restore "
        "--staged -- " +
        core::ShellQuote(finding.location.path) + "`).\n";
  }
  out.push_back(core::Remediation{core::RemedyKind::kFix, fix_summary, fix_detail});
  std::string mitigate = hints.mitigate.empty()
                             ? "Restrict the credential's scope and lifetime at the provider, "
                               "and keep it in the CI secret store rather than in the repository."
                             : hints.mitigate;
  out.push_back(core::Remediation{core::RemedyKind::kMitigate,
                                  "Reduce the blast radius while it is being rotated", mitigate});
  out.push_back(AcceptRemedy(finding, rules, today));
  return out;
}

}  // namespace

std::vector<core::Remediation> RemediesFor(const core::Finding& finding,
                                           const policy::WaiverPolicy& rules, core::Day today) {
  if (finding.control == "secrets") return SecretRemedies(finding, rules, today);
  std::vector<core::Remediation> out;
  if (!finding.hints.fix.empty()) {
    out.push_back(core::Remediation{core::RemedyKind::kFix, finding.hints.fix, ""});
  }
  if (!finding.hints.mitigate.empty()) {
    out.push_back(core::Remediation{core::RemedyKind::kMitigate, finding.hints.mitigate, ""});
  }
  // A finding about a waiver is fixed in the waiver file; waiving it would be circular.
  if (finding.control != "waivers") out.push_back(AcceptRemedy(finding, rules, today));
  return out;
}

}  // namespace riskgate::decide
