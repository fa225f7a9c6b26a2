// Stage 5 (report), shared helper: how every writer phrases a finding, so the SARIF message, the
// annotation, the Code Quality description and the JUnit failure say the same thing. The text is
// not escaped for any syntax yet; writers pass it through their escaper (report/text_escape.h).
#pragma once

#include <string>

#include "core/finding.h"
#include "decide/decide.h"

namespace riskgate::report {

// The finding's remedy of `kind`, or nullptr.
const core::Remediation* FindRemedy(const core::JudgedFinding& finding, core::RemedyKind kind);

// "AWS access key ID found: AKIA..." (the secret is the redacted form the finding carries).
std::string Headline(const core::JudgedFinding& finding);

// The headline, then " Fix: <fix summary>." when there is a fix.
std::string HeadlineWithFix(const core::JudgedFinding& finding);

// The 1-based line to show: findings about a whole file (line 0) point at line 1.
int DisplayLine(const core::Location& location);
// The 1-based column to show: an unknown column (0) is column 1.
int DisplayColumn(const core::Location& location);

// "path:line".
std::string PathLine(const core::JudgedFinding& finding);

// "waived by W until 2026-12-01 (owner alice, approved by bob)", "waiver W expired on ...",
// "in the baseline", or empty.
std::string WaiverNote(const core::JudgedFinding& finding);

// What the finding caps left out, and that it still decides; empty when nothing was omitted.
std::string OmittedNote(const decide::Summary& summary);

}  // namespace riskgate::report
