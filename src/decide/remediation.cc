#include "decide/remediation.h"

#include "core/text.h"
#include "decide/decide.h"

namespace riskgate::decide {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

core::Remediation AcceptRemedy(const core::Finding& finding) {
  const int days = SuggestedWaiverDays(finding.severity);
  const std::string severity(core::SeverityName(finding.severity));
  const auto& acceptors = finding.hints.acceptors;
  // A finding that names who may accept it (a high-tier component's owners) says so: a waiver
  // approved by anyone else does not apply.
  const std::string approver =
      acceptors.empty()
          ? "<who has authority to accept " + severity + " risks>"
          : "<one of " + Join(acceptors) + ", with authority to accept " + severity + " risks>";
  std::string entry =
      "# .riskgate/waivers.yaml\n"
      "waivers:\n"
      "  - id: " +
      finding.rule + "-" + finding.fingerprint.substr(0, 8) + "\n" +
      "    control: " + finding.control + "\n" + "    rule: " + finding.rule + "\n" +
      "    fingerprint: " + finding.fingerprint + "\n" +
      "    path: " + core::YamlQuote(finding.location.path) + "\n" +
      "    reason: <why this risk is acceptable>\n"
      "    owner: <who owns the risk>\n"
      "    approver: " +
      approver + "\n" + "    expires: <YYYY-MM-DD, at most " + std::to_string(days) +
      " days from today>\n";
  const std::string summary =
      acceptors.empty()
          ? "Accept the risk explicitly: a waiver with an owner, an approver with authority, and "
            "an expiry"
          : "Accept the risk explicitly: a waiver with an owner, an expiry, and an approver who "
            "is one of " +
                core::EscapeForDisplay(Join(acceptors)) + " (only they may accept it)";
  return core::Remediation{core::RemedyKind::kAccept, summary, entry};
}

std::vector<core::Remediation> SecretRemedies(const core::Finding& finding) {
  std::vector<core::Remediation> out;
  const auto& hints = finding.hints;
  std::string who = hints.provider.empty() ? "the issuer" : hints.provider;
  std::string fix_summary =
      "Revoke and rotate the credential at " + who + ", then remove it from the change";
  std::string fix_detail;
  if (!hints.fix.empty()) fix_detail += hints.fix + "\n";
  if (!hints.revoke_url.empty()) fix_detail += "Revoke at: " + hints.revoke_url + "\n";
  fix_detail +=
      "Treat the value as compromised once it left your machine; deleting it is not enough.\n"
      "Remove it from " +
      core::EscapeForDisplay(finding.location.path) +
      " and load it at run time from the environment or a secret manager.\n";
  if (finding.location.commit) {
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
  out.push_back(AcceptRemedy(finding));
  return out;
}

}  // namespace

std::vector<core::Remediation> RemediesFor(const core::Finding& finding) {
  if (finding.control == "secrets") return SecretRemedies(finding);
  std::vector<core::Remediation> out;
  if (!finding.hints.fix.empty()) {
    out.push_back(core::Remediation{core::RemedyKind::kFix, finding.hints.fix, ""});
  }
  if (!finding.hints.mitigate.empty()) {
    out.push_back(core::Remediation{core::RemedyKind::kMitigate, finding.hints.mitigate, ""});
  }
  // A finding about a waiver is fixed in the waiver file; waiving it would be circular.
  if (finding.control != "waivers") out.push_back(AcceptRemedy(finding));
  return out;
}

}  // namespace riskgate::decide
