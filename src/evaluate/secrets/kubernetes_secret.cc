#include "evaluate/secrets/kubernetes_secret.h"

#include <algorithm>
#include <optional>

#include "core/diagnostics.h"
#include "core/text.h"
#include "evaluate/secrets/placeholder.h"
#include "evaluate/secrets/span_decoder.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::secrets {
namespace {

constexpr std::size_t kMaxDocuments = 10000;
constexpr int kMaxListDepth = 4;

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool PasswordLikeKey(std::string_view key) {
  const std::string lower = core::AsciiLower(key);
  if (Contains(lower, "public")) return false;
  for (std::string_view word : {"pass", "pwd", "secret", "token", "key", "credential", "auth"}) {
    if (Contains(lower, word)) return true;
  }
  return false;
}

// A value that is configuration, not a secret: a boolean, a number, a template.
bool PlainSetting(std::string_view value) {
  const std::string lower = core::AsciiLower(value);
  if (lower == "true" || lower == "false" || lower == "yes" || lower == "no" || lower == "null") {
    return true;
  }
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return true;
  }
  return Contains(value, "{{") || Contains(value, "${") || Contains(value, "<%");
}

bool RandomLooking(std::string_view value) {
  if (value.size() < 16 || Contains(value, "://")) return false;
  if (std::any_of(value.begin(), value.end(), IsSpace)) return false;
  const bool digit =
      std::any_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool letter = std::any_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  return digit && letter && core::ShannonEntropy(value) > 3.5;
}

// Why `value` under `key` is a secret, or nullopt.
std::optional<std::string> Judge(std::string_view key, std::string_view value, bool binary) {
  if (value.empty() || PlainSetting(value) || LooksLikePlaceholder(value)) return std::nullopt;
  if (binary) {
    if (value.size() >= 16) return "a high-entropy value";
    return std::nullopt;
  }
  if (PasswordLikeKey(key) && value.size() >= 6) return "a password-like key";
  if (RandomLooking(value)) return "a high-entropy value";
  return std::nullopt;
}

// Adds `written` under `key` when it holds a secret; data values are base64 first.
void Add(std::string_view key, std::string_view written, bool from_data, int line, int column,
         std::vector<KubernetesValue>& out) {
  std::string value(core::TrimSpace(written));
  bool binary = false;
  if (from_data) {
    std::string compact;
    for (char c : value) {
      if (!IsSpace(c)) compact.push_back(c);
    }
    auto decoded = DecodeBase64(compact);
    if (!decoded) return;  // a template or a mistake: not base64, nothing decoded to judge
    binary = !decoded->empty() && !MostlyPrintable(*decoded, 0.9);
    // Binary bytes are judged by their length and kept as written: a report never shows them.
    value = binary ? compact : std::string(core::TrimSpace(*decoded));
  }
  auto why = Judge(key, value, binary);
  if (!why) return;
  out.push_back(KubernetesValue{line, column, std::string(key), std::move(value),
                                std::string(written), from_data, std::move(*why)});
}

void Walk(const core::Node& node, int depth, std::vector<KubernetesValue>& out) {
  if (depth > kMaxListDepth || !node.IsMap()) return;
  const core::Node* kind = node.Find("kind");
  if (kind != nullptr && kind->kind == core::Node::Kind::kScalar && kind->scalar == "Secret") {
    for (const char* section : {"data", "stringData"}) {
      const core::Node* values = node.Find(section);
      if (values == nullptr || !values->IsMap()) continue;
      for (const auto& [key, value] : values->fields) {
        if (value.kind != core::Node::Kind::kScalar) continue;
        Add(key, value.scalar, std::string_view(section) == "data", value.mark.line,
            value.mark.column, out);
      }
    }
  }
  if (const core::Node* items = node.Find("items"); items != nullptr && items->IsList()) {
    for (const core::Node& item : items->items) Walk(item, depth + 1, out);
  }
}

std::string_view Unquote(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

// Line by line, for what YAML cannot read (helm templates): in each `---` document that says
// `kind: Secret`, the `key: value` lines indented under `data:` or `stringData:`.
void ReadLines(std::string_view text, std::vector<KubernetesValue>& out) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  std::size_t doc = 0;
  while (doc < lines.size()) {
    std::size_t end = doc + 1;
    while (end < lines.size() && !lines[end].starts_with("---")) ++end;
    bool secret = false;
    for (std::size_t i = doc; i < end; ++i) {
      std::string_view t = core::TrimSpace(lines[i]);
      if (t.starts_with("- ")) t = core::TrimSpace(t.substr(2));
      if (t.starts_with("kind:") && Unquote(core::TrimSpace(t.substr(5))) == "Secret")
        secret = true;
    }
    int section = 0;  // 0 none, 1 data, 2 stringData
    std::size_t section_indent = 0;
    for (std::size_t i = secret ? doc : end; i < end; ++i) {
      const std::string_view line = lines[i];
      const std::string_view t = core::TrimSpace(line);
      if (t.empty() || t.starts_with('#')) continue;
      const std::size_t indent = line.find_first_not_of(" \t");
      if (t == "data:" || t == "stringData:") {
        section = t == "data:" ? 1 : 2;
        section_indent = indent;
        continue;
      }
      if (section == 0) continue;
      if (indent <= section_indent) {
        section = 0;
        continue;
      }
      const std::size_t colon = t.find(": ");
      if (colon == std::string_view::npos) continue;
      const std::string_view key = Unquote(core::TrimSpace(t.substr(0, colon)));
      std::string_view value = core::TrimSpace(t.substr(colon + 2));
      if (value.starts_with('|') || value.starts_with('>')) continue;
      value = Unquote(value);
      const std::size_t column = static_cast<std::size_t>(value.data() - line.data()) + 1;
      Add(key, value, section == 1, static_cast<int>(i) + 1, static_cast<int>(column), out);
    }
    doc = end;
  }
}

}  // namespace

bool MentionsKubernetesSecret(std::string_view text) {
  return Contains(text, kKubernetesSecretWord) && Contains(text, "kind");
}

std::vector<KubernetesValue> KubernetesSecretValues(std::string_view text) {
  std::vector<KubernetesValue> out;
  if (!MentionsKubernetesSecret(text)) return out;
  core::Diagnostics diagnostics;
  auto documents = policy::ParseYamlDocuments(text, "", kMaxDocuments, diagnostics);
  if (documents) {
    for (const core::Node& root : *documents) Walk(root, 0, out);
  } else {
    ReadLines(text, out);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return out;
}

}  // namespace riskgate::evaluate::secrets
