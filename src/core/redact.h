// Stage 0 (core): the one redaction every printed string passes through (reports, the waiver
// register, policy diagnostics, merged reports, forge errors, every error message). Input: any
// text; output: the same text with credentials masked to a short prefix (`core::Redact`). No I/O.
// It masks what a credential looks like wherever it sits, without knowing the control:
// - URL userinfo: `https://user:pass@host`, `git+https://<token>@host` (not a bare `ssh://git@`);
// - auth-like headers: `Authorization: Bearer x`, `PRIVATE-TOKEN: x`, `X-Api-Key: x`, ...;
// - token-like parameters: `?access_token=x`, `&private_token=x`, `password=x`, `--token=x`;
// - known token shapes (GitHub, GitLab, AWS, Slack, Stripe, npm, PyPI, Google, JWT, private key
//   bodies) and long high-entropy words of mixed letters and digits (not hex: commit ids stay).
#pragma once

#include <string>
#include <string_view>

namespace riskgate::core {

// `text` with every credential it holds replaced by its redacted form.
std::string RedactSecrets(std::string_view text);

// Whether RedactSecrets would change `text`.
bool HoldsSecret(std::string_view text);

}  // namespace riskgate::core
