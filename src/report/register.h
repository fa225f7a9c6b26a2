// Stage 5 (report): the risk register (`riskgate waivers`): every waiver with its age, days to
// expiry, the severity of what it covers and its status, as text, JSON or Markdown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/origin.h"

namespace riskgate::report {

struct RegisterEntry {
  std::string id;
  std::string
      status;  // active, expiring, expired, unauthorized, too_long, not_yet_valid, orphaned, unused
  std::string severity;  // of the worst finding it covers; empty when it covers none
  std::string owner;
  std::string approver;
  std::string created;  // YYYY-MM-DD
  std::string expires;
  long long age_days = 0;
  long long days_left = 0;  // negative once expired
  int findings = 0;         // findings it covers now
  std::string covers;       // "rule github-pat-classic, fingerprint 0123..."
  std::string ticket;
  std::string reason;
  std::string file;
  int line = 0;
};

enum class RegisterFormat { kText, kJson, kMarkdown };

std::optional<RegisterFormat> ParseRegisterFormat(std::string_view name);
// `origin` goes into the JSON document only (what `riskgate ledger ingest` reads).
std::string WriteRegister(RegisterFormat format, const std::vector<RegisterEntry>& entries,
                          const std::string& today, const ReportOrigin& origin = {});

}  // namespace riskgate::report
