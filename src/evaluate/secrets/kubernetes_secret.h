// Stage 3 (evaluate): the values of Kubernetes Secret manifests. Input: a file's text (YAML or
// JSON, one or many documents, a List's items). Output: the `data:` values (base64, decoded) and
// `stringData:` values that hold a secret by their key (password, token, secret, key, ...) or
// their entropy, with where they are. A text that is no valid YAML (a helm template) is read
// line by line instead; nothing here fails. No I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::secrets {

struct KubernetesValue {
  int line = 0;  // 1-based, in the text
  int column = 0;
  std::string key;
  std::string value;    // as judged: decoded (data; as written when it decodes to binary)
  std::string written;  // as the file has it
  bool from_data = false;
  std::string why;  // "a password-like key", "a high-entropy value"
};

// A word every text holding a Secret manifest holds (its kind's value).
inline constexpr std::string_view kKubernetesSecretWord = "Secret";

// Whether `text` may hold a Secret manifest at all (cheap: a `kind` and a `Secret`).
bool MentionsKubernetesSecret(std::string_view text);

// The values of Secret manifests in `text` that look like secrets, in text order.
std::vector<KubernetesValue> KubernetesSecretValues(std::string_view text);

}  // namespace riskgate::evaluate::secrets
