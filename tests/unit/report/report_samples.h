// Test helper for the report writers: findings and a verdict built in memory.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "decide/decide.h"
#include "report/report.h"

namespace riskgate::report::testing {

inline core::JudgedFinding SecretFinding(std::string rule, std::string path, int line,
                                         core::Decision decision = core::Decision::kBlock,
                                         core::Severity severity = core::Severity::kCritical) {
  core::JudgedFinding f;
  f.control = "secrets";
  f.rule = std::move(rule);
  f.severity = severity;
  f.decision = decision;
  f.message = "Demo token found";
  f.location = {std::move(path), line, 5, std::nullopt};
  f.fingerprint = "0123456789abcdef0123456789abcdef";
  f.secret = "demo...";
  f.hints = {"Delete it in the console.", "Use short-lived tokens.", "https://example.com/revoke",
             "Demo"};
  f.remediation = {
      {core::RemedyKind::kFix, "Revoke and rotate the credential at Demo", "Remove it.\n"},
      {core::RemedyKind::kMitigate, "Reduce the blast radius", "Use short-lived tokens."},
      {core::RemedyKind::kAccept, "Accept the risk with a waiver", "waivers:\n  - id: x\n"},
  };
  return f;
}

// A verdict whose counts and decision follow its findings, with the scope and policy it needs.
struct Sample {
  decide::Verdict verdict;
  core::ScopeSummary scope;
  core::PolicySource policy{"builtin:default", "ab12", ""};

  explicit Sample(std::vector<core::JudgedFinding> findings = {}) {
    scope.head = "abc1234";  // "staged changes against HEAD (abc1234)"
    scope.files_scanned = 2;
    for (const auto& f : findings) {
      verdict.decision = std::max(verdict.decision, f.decision);
      ++verdict.summary.total;
      if (f.decision == core::Decision::kBlock) ++verdict.summary.block;
      if (f.decision == core::Decision::kWarn) ++verdict.summary.warn;
      if (f.decision == core::Decision::kPass) ++verdict.summary.pass;
    }
    verdict.findings = std::move(findings);
  }
  ReportInput input() const { return ReportInput{verdict, scope, policy, false}; }
};

}  // namespace riskgate::report::testing
