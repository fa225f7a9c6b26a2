// Golden tests: what is compared, and how. The normalisation replaces only what varies from run
// to run (tests/golden/README.md lists it); findings, lines, decisions and remedies are never
// touched. A mismatch is shown as a unified diff; the update switch rewrites expected files.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace riskgate::testing {

// `text` with each of `substitutions` (literal -> placeholder) replaced, then riskgate's version,
// the GitHub stop-commands token and the history audit's duration replaced by placeholders.
std::string NormaliseGoldenOutput(std::string text,
                                  const std::map<std::string, std::string>& substitutions);

// The planted secrets `text` shows: whole, or any 12 characters of one past the 4 a redacted
// secret may show.
std::vector<std::string> SecretsShown(const std::string& text,
                                      const std::vector<std::string>& secrets);

// `diff -u` of the two texts, labelled with `name`.
std::string UnifiedDiff(const std::string& name, const std::string& expected,
                        const std::string& actual);

// Replaces `path` by a temporary file beside it renamed over it.
void WriteFileAtomically(const std::string& path, const std::string& content);

// What `riskgate --version` prints for the binary under test, asked once.
const std::string& RiskgateVersion();

// RISKGATE_UPDATE_GOLDEN=1: rewrite expected files instead of comparing.
bool UpdatingGolden();

}  // namespace riskgate::testing
