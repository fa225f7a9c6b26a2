#include "core/path_glob.h"

#include <vector>

namespace riskgate::core {
namespace {

enum class TokenKind { kLiteral, kOne, kClass, kStar, kAnyDepth, kDirectories };

struct Token {
  TokenKind kind = TokenKind::kLiteral;
  char literal = 0;
  std::string set;  // kClass: the characters or ranges between the brackets
  bool negated = false;
};

// Splits a pattern into tokens; nullopt when it is malformed.
std::optional<std::vector<Token>> Tokenize(std::string_view pattern, std::string* error) {
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 == pattern.size()) {
        if (error) *error = "a trailing '\\' escapes nothing";
        return std::nullopt;
      }
      tokens.push_back({TokenKind::kLiteral, pattern[++i], {}, false});
    } else if (c == '?') {
      tokens.push_back({TokenKind::kOne, 0, {}, false});
    } else if (c == '*') {
      if (i + 1 < pattern.size() && pattern[i + 1] == '*') {
        ++i;
        while (i + 1 < pattern.size() && pattern[i + 1] == '*') ++i;
        const bool at_segment_start = i < 2 || pattern[i - 2] == '/';
        if (at_segment_start && i + 1 < pattern.size() && pattern[i + 1] == '/') {
          ++i;
          tokens.push_back({TokenKind::kDirectories, 0, {}, false});
        } else {
          tokens.push_back({TokenKind::kAnyDepth, 0, {}, false});
        }
      } else {
        tokens.push_back({TokenKind::kStar, 0, {}, false});
      }
    } else if (c == '[') {
      std::size_t j = i + 1;
      Token token{TokenKind::kClass, 0, {}, false};
      if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) {
        token.negated = true;
        ++j;
      }
      const std::size_t body = j;
      while (j < pattern.size() && (pattern[j] != ']' || j == body)) ++j;
      if (j >= pattern.size()) {
        if (error) *error = "'[' at offset " + std::to_string(i) + " is never closed";
        return std::nullopt;
      }
      token.set.assign(pattern.substr(body, j - body));
      tokens.push_back(std::move(token));
      i = j;
    } else {
      tokens.push_back({TokenKind::kLiteral, c, {}, false});
    }
  }
  return tokens;
}

bool InClass(const Token& token, char c) {
  bool found = false;
  const std::string& set = token.set;
  for (std::size_t i = 0; i < set.size() && !found; ++i) {
    if (i + 2 < set.size() && set[i + 1] == '-') {
      found = set[i] <= c && c <= set[i + 2];
      i += 2;
    } else {
      found = set[i] == c;
    }
  }
  return found != token.negated;
}

bool MatchesOne(const Token& token, char c) {
  switch (token.kind) {
    case TokenKind::kLiteral:
      return token.literal == c;
    case TokenKind::kOne:
      return c != '/';
    case TokenKind::kClass:
      return c != '/' && InClass(token, c);
    default:
      return false;
  }
}

}  // namespace

// Simulates the pattern over the path, one token at a time: reach[j] says the tokens so far can
// consume exactly the first j bytes. Linear in tokens times path length, never exponential.
bool MatchPathGlob(std::string_view pattern, std::string_view path) {
  const auto tokens = Tokenize(pattern, nullptr);
  if (!tokens) return false;
  const std::size_t n = path.size();
  std::vector<char> reach(n + 1, 0);
  std::vector<char> next(n + 1, 0);
  reach[0] = 1;
  for (const Token& token : *tokens) {
    std::fill(next.begin(), next.end(), 0);
    switch (token.kind) {
      case TokenKind::kStar: {
        bool open = false;
        for (std::size_t j = 0; j <= n; ++j) {
          open = reach[j] || (open && j > 0 && path[j - 1] != '/');
          next[j] = open;
        }
        break;
      }
      case TokenKind::kAnyDepth: {
        bool open = false;
        for (std::size_t j = 0; j <= n; ++j) next[j] = open = open || reach[j];
        break;
      }
      case TokenKind::kDirectories: {  // zero or more whole directories: "" or ".../"
        bool open = false;
        for (std::size_t j = 0; j <= n; ++j) {
          next[j] = reach[j] || (open && j > 0 && path[j - 1] == '/');
          open = open || reach[j];
        }
        break;
      }
      default:
        for (std::size_t j = 0; j < n; ++j) {
          if (reach[j] && MatchesOne(token, path[j])) next[j + 1] = 1;
        }
    }
    reach.swap(next);
  }
  return reach[n] != 0;
}

std::optional<std::string> PathGlobError(std::string_view pattern) {
  std::string error;
  if (Tokenize(pattern, &error)) return std::nullopt;
  return error;
}

bool HasGlobSyntax(std::string_view pattern) {
  return pattern.find_first_of("*?[\\") != std::string_view::npos;
}

}  // namespace riskgate::core
