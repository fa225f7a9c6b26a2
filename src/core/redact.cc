#include "core/redact.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "core/text.h"

namespace riskgate::core {
namespace {

using Span = std::pair<std::size_t, std::size_t>;  // [begin, end)

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// Characters of a token word: what every token shape below is made of.
bool IsTokenChar(char c) { return IsAlnum(c) || c == '_' || c == '-'; }
// Characters of a base64 or generic secret word.
bool IsSecretChar(char c) { return IsTokenChar(c) || c == '+' || c == '/' || c == '='; }
// Where a value in a command, URL or header ends.
bool EndsValue(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '`' ||
         c == '<' || c == '>' || c == '&' || c == '#' || c == ',' || c == ';' || c == ')' ||
         c == ']' || c == '}' || c == '\\';
}

std::size_t ValueEnd(std::string_view text, std::size_t from) {
  while (from < text.size() && !EndsValue(text[from])) ++from;
  return from;
}

// ValueEnd for positions asked in increasing order, each value scanned once: a text of many
// `name=` in one value (`a=a=a=...`) would otherwise be scanned to its end from each of them.
class ValueEnds {
 public:
  explicit ValueEnds(std::string_view text) : text_(text) {}
  std::size_t From(std::size_t from) {
    if (from < start_ || from >= end_) {
      start_ = from;
      end_ = ValueEnd(text_, from);
    }
    return std::max(end_, from);
  }

 private:
  std::string_view text_;
  std::size_t start_ = 0;
  std::size_t end_ = 0;
};

// A value that names a variable or a placeholder (`$TOKEN`, `${{ secrets.X }}`, `<token>`) is
// not a secret.
bool IsReference(std::string_view value) {
  return value.empty() || value[0] == '$' || value[0] == '<' || value[0] == '{' || value[0] == '*';
}

// URL userinfo: scheme://userinfo@host. A bare short user name (`ssh://git@`) stays.
void UrlUserinfo(std::string_view text, std::vector<Span>& out) {
  for (std::size_t at = text.find("://"); at != std::string_view::npos;
       at = text.find("://", at + 3)) {
    const std::size_t begin = at + 3;
    std::size_t end = begin;
    while (end < text.size() && !EndsValue(text[end]) && text[end] != '/' && text[end] != '?') {
      ++end;
    }
    const std::string_view authority = text.substr(begin, end - begin);
    const auto sign = authority.rfind('@');
    if (sign == std::string_view::npos || sign == 0) continue;
    const std::string_view userinfo = authority.substr(0, sign);
    if (IsReference(userinfo)) continue;
    const auto colon = userinfo.find(':');
    if (colon == std::string_view::npos && userinfo.size() < 8) continue;
    if (colon != std::string_view::npos && IsReference(userinfo.substr(colon + 1))) continue;
    out.emplace_back(begin, begin + sign);
  }
}

constexpr std::array<std::string_view, 14> kAuthHeaders = {
    "authorization",  "proxy-authorization", "private-token", "job-token",
    "deploy-token",   "x-api-key",           "api-key",       "x-auth-token",
    "x-access-token", "x-gitlab-token",      "x-vault-token", "x-github-token",
    "cookie",         "x-amz-security-token"};
constexpr std::array<std::string_view, 8> kAuthSchemes = {"bearer", "basic",  "token", "digest",
                                                          "bot",    "apikey", "key",   "negotiate"};

// `Name: [scheme] value` for the auth-like header names.
void AuthHeaders(std::string_view text, std::string_view lower, std::vector<Span>& out) {
  for (std::string_view name : kAuthHeaders) {
    ValueEnds ends(text);
    for (std::size_t at = lower.find(name); at != std::string_view::npos;
         at = lower.find(name, at + 1)) {
      if (at > 0 && (IsAlnum(lower[at - 1]) || lower[at - 1] == '-')) continue;
      std::size_t i = at + name.size();
      while (i < text.size() && text[i] == ' ') ++i;
      if (i >= text.size() || (text[i] != ':' && text[i] != '=')) continue;
      ++i;
      while (i < text.size() && text[i] == ' ') ++i;
      for (std::string_view scheme : kAuthSchemes) {
        if (lower.substr(i, scheme.size()) == scheme && i + scheme.size() < text.size() &&
            text[i + scheme.size()] == ' ') {
          i += scheme.size();
          while (i < text.size() && text[i] == ' ') ++i;
          break;
        }
      }
      const std::size_t end = ends.From(i);
      if (!IsReference(text.substr(i, end - i))) out.emplace_back(i, end);
    }
  }
}

constexpr std::array<std::string_view, 10> kSecretNameEnds = {
    "token",   "secret",  "password",   "passwd",      "apikey",
    "api_key", "api-key", "access_key", "private_key", "credential"};
constexpr std::array<std::string_view, 4> kSecretNames = {"sig", "signature", "x-amz-signature",
                                                          "auth"};

bool SecretName(std::string_view lower_name) {
  if (std::find(kSecretNames.begin(), kSecretNames.end(), lower_name) != kSecretNames.end()) {
    return true;
  }
  return std::any_of(kSecretNameEnds.begin(), kSecretNameEnds.end(),
                     [&](std::string_view end) { return lower_name.ends_with(end); });
}

// `name=value` where the name says it holds a secret: query parameters (`?access_token=`),
// options (`--token=`), assignments (`GITHUB_TOKEN=`).
void SecretParameters(std::string_view text, std::string_view lower, std::vector<Span>& out) {
  ValueEnds ends(text);
  for (std::size_t eq = text.find('='); eq != std::string_view::npos; eq = text.find('=', eq + 1)) {
    std::size_t begin = eq;
    while (begin > 0 && (IsTokenChar(text[begin - 1]) || text[begin - 1] == '.')) --begin;
    if (begin == eq || !SecretName(lower.substr(begin, eq - begin))) continue;
    const std::size_t end = ends.From(eq + 1);
    if (!IsReference(text.substr(eq + 1, end - eq - 1))) out.emplace_back(eq + 1, end);
  }
}

// curl's `-u user:password` / `--user user:password`.
void UserOption(std::string_view text, std::vector<Span>& out) {
  for (std::string_view option : {std::string_view(" -u "), std::string_view(" --user ")}) {
    for (std::size_t at = text.find(option); at != std::string_view::npos;
         at = text.find(option, at + 1)) {
      std::size_t i = at + option.size();
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) ++i;
      const std::size_t end = ValueEnd(text, i);
      const auto colon = text.substr(i, end - i).find(':');
      if (colon == std::string_view::npos) continue;
      if (!IsReference(text.substr(i + colon + 1, end - i - colon - 1))) {
        out.emplace_back(i + colon + 1, end);
      }
    }
  }
}

struct TokenShape {
  std::string_view prefix;
  std::size_t min_rest;  // characters after the prefix
};

constexpr std::array<TokenShape, 32> kTokenShapes = {{
    {"ghp_", 20},        {"gho_", 20},     {"ghu_", 20},     {"ghs_", 20},      {"ghr_", 20},
    {"github_pat_", 20}, {"glpat-", 16},   {"gldt-", 16},    {"glrt-", 16},     {"glptt-", 16},
    {"glcbt-", 16},      {"glsoat-", 16},  {"gloas-", 16},   {"GR1348941", 16}, {"xoxb-", 10},
    {"xoxp-", 10},       {"xoxa-", 10},    {"xoxr-", 10},    {"xoxs-", 10},     {"xapp-", 10},
    {"sk_live_", 10},    {"rk_live_", 10}, {"sk_test_", 10}, {"npm_", 30},      {"pypi-", 30},
    {"AIza", 30},        {"AKIA", 16},     {"ASIA", 16},     {"hf_", 30},       {"sk-", 20},
    {"dop_v1_", 30},     {"shpat_", 20},
}};

bool AllHex(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

// A long word of upper and lower case letters and digits with high entropy: a key, a base64
// secret. Hex (commit ids, fingerprints) and identifiers made of words stay.
bool LooksRandom(std::string_view word, std::size_t min_size, double min_entropy) {
  if (word.size() < min_size || AllHex(word)) return false;
  bool upper = false;
  bool lower = false;
  int digits = 0;
  std::size_t lower_run = 0;
  std::size_t longest_lower_run = 0;
  for (char c : word) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    digits += c >= '0' && c <= '9' ? 1 : 0;
    lower_run = c >= 'a' && c <= 'z' ? lower_run + 1 : 0;
    longest_lower_run = std::max(longest_lower_run, lower_run);
  }
  // Seven lower-case letters in a row are a word ("Something" in an identifier), rare in a key.
  if (!upper || !lower || digits < 2 || longest_lower_run >= 7) return false;
  return ShannonEntropy(word) >= min_entropy;
}

// A path component a person named: lower-case letters, '-' and '_' ("deploy", "feature").
bool PlainComponent(std::string_view component) {
  return component.size() >= 3 && std::all_of(component.begin(), component.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || c == '-' || c == '_';
         });
}

// Known token shapes (at the start of a token word) and JWTs.
void TokenWords(std::string_view text, std::vector<Span>& out) {
  std::size_t jwt_run_end = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!IsTokenChar(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && IsTokenChar(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    // A shape at the word's start, or glued to a name by '_' or '-' (`INPUTS_AKIA…`, an
    // environment variable named after an input whose name is a key).
    bool found = false;
    for (std::size_t start = 0; start < word.size() && !found;) {
      const std::string_view rest = word.substr(start);
      for (const TokenShape& shape : kTokenShapes) {
        if (rest.starts_with(shape.prefix) && rest.size() >= shape.prefix.size() + shape.min_rest) {
          out.emplace_back(i + start, end);
          found = true;
          break;
        }
      }
      const std::size_t glue = word.find_first_of("_-", start);
      if (glue == std::string_view::npos) break;
      start = glue + 1;
    }
    if (word.starts_with("eyJ") && end < text.size() && text[end] == '.') {
      // One scan per run of token characters and dots (`eyJ.eyJ.eyJ...` is one run).
      if (end >= jwt_run_end) {
        jwt_run_end = end;
        while (jwt_run_end < text.size() &&
               (IsTokenChar(text[jwt_run_end]) || text[jwt_run_end] == '.')) {
          ++jwt_run_end;
        }
      }
      if (jwt_run_end - i >= 30) {
        out.emplace_back(i, jwt_run_end);
        i = jwt_run_end;  // the rest of the run is inside this span
        continue;
      }
    }
    i = end;
  }
}

// Random-looking runs of secret characters. A run with '/' is one base64 secret unless a
// component is a plain word: then it is a path, and each component is judged alone.
void RandomWords(std::string_view text, std::vector<Span>& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (!IsSecretChar(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && IsSecretChar(text[end])) ++end;
    const std::string_view run = text.substr(i, end - i);
    std::vector<Span> components;
    bool path = false;
    for (std::size_t start = 0; start <= run.size();) {
      std::size_t slash = run.find('/', start);
      if (slash == std::string_view::npos) slash = run.size();
      components.emplace_back(start, slash);
      path |= PlainComponent(run.substr(start, slash - start));
      start = slash + 1;
    }
    if (components.size() > 1 && !path) {
      if (LooksRandom(run, 40, 4.5)) out.emplace_back(i, end);
    } else {
      for (const auto& [from, to] : components) {
        if (LooksRandom(run.substr(from, to - from), 24, 4.0)) out.emplace_back(i + from, i + to);
      }
    }
    i = end;
  }
}

std::vector<Span> SecretSpans(std::string_view text) {
  std::vector<Span> spans;
  const std::string lower = AsciiLower(text);
  UrlUserinfo(text, spans);
  AuthHeaders(text, lower, spans);
  SecretParameters(text, lower, spans);
  UserOption(text, spans);
  TokenWords(text, spans);
  RandomWords(text, spans);
  spans.erase(
      std::remove_if(spans.begin(), spans.end(), [](const Span& s) { return s.second <= s.first; }),
      spans.end());
  return MergedRanges(std::move(spans));
}

}  // namespace

std::string RedactSecrets(std::string_view text) {
  const std::vector<Span> spans = SecretSpans(text);
  if (spans.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (const auto& [begin, end] : spans) {
    out.append(text.substr(done, begin - done));
    out += Redact(text.substr(begin, end - begin));
    done = end;
  }
  out.append(text.substr(done));
  return out;
}

bool HoldsSecret(std::string_view text) { return !SecretSpans(text).empty(); }

}  // namespace riskgate::core
