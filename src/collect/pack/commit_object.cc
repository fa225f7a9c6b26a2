#include "collect/pack/commit_object.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace riskgate::collect::pack {
namespace {

constexpr std::size_t kHexBytes = 40;

// What libgit2 (as git) trims from both ends of a name or an email: spaces, control bytes and
// "crud" punctuation.
bool IsCrud(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= 32 || c == '.' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' ||
         c == '"' || c == '\\' || c == '\'';
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && IsCrud(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsCrud(text.back())) text.remove_suffix(1);
  return text;
}

bool IsLowerHex(std::string_view text) {
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// A "<header><40 lower-case hex>\n" line at the start of `rest`: its id, `rest` past it.
std::optional<std::string_view> IdLine(std::string_view& rest, std::string_view header) {
  if (rest.size() < header.size() + kHexBytes + 1 || rest.substr(0, header.size()) != header ||
      rest[header.size() + kHexBytes] != '\n') {
    return std::nullopt;
  }
  const std::string_view id = rest.substr(header.size(), kHexBytes);
  if (!IsLowerHex(id)) return std::nullopt;
  rest.remove_prefix(header.size() + kHexBytes + 1);
  return id;
}

struct Signature {
  std::string_view name;
  std::string_view email;
  std::string_view after;  // what follows the email's '>' on the line
};

// A "<header>Name <email> ..." line at the start of `rest` as libgit2 splits it (the last '<'
// and the last '>' of the line), `rest` past it; nullopt when libgit2 should judge it.
std::optional<Signature> SignatureLine(std::string_view& rest, std::string_view header) {
  const std::size_t eol = rest.find('\n');
  if (eol == std::string_view::npos || eol <= header.size() ||
      rest.substr(0, header.size()) != header) {
    return std::nullopt;
  }
  const std::string_view line = rest.substr(header.size(), eol - header.size());
  const std::size_t open = line.rfind('<');
  const std::size_t close = line.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close <= open) {
    return std::nullopt;
  }
  rest.remove_prefix(eol + 1);
  return Signature{Trimmed(line.substr(0, open)), Trimmed(line.substr(open + 1, close - open - 1)),
                   line.substr(close + 1)};
}

// " <digits>" then the end of the line or a space (a time zone after it): the seconds.
std::optional<long long> PlainTime(std::string_view after) {
  if (after.size() < 2 || after[0] != ' ') return std::nullopt;
  std::size_t i = 1;
  long long value = 0;
  for (; i < after.size() && after[i] >= '0' && after[i] <= '9'; ++i) {
    const int digit = after[i] - '0';
    if (value > (std::numeric_limits<long long>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (i == 1 || (i < after.size() && after[i] != ' ')) return std::nullopt;
  return value;
}

}  // namespace

std::optional<CommitFacts> ParseCommit(std::string_view commit) {
  if (std::memchr(commit.data(), '\0', commit.size()) != nullptr) return std::nullopt;
  std::string_view rest = commit;
  CommitFacts facts;
  const auto tree = IdLine(rest, "tree ");
  if (!tree) return std::nullopt;
  facts.tree = *tree;
  while (rest.substr(0, 7) == "parent ") {
    const auto parent = IdLine(rest, "parent ");
    if (!parent) return std::nullopt;
    facts.parents.emplace_back(*parent);
  }
  // libgit2 refuses an author whose time (if any) it cannot read; a second author it reads and
  // ignores.
  const auto author = SignatureLine(rest, "author ");
  if (!author || (author->after.size() >= 2 && !PlainTime(author->after)) ||
      rest.substr(0, 7) == "author ") {
    return std::nullopt;
  }
  const auto committer = SignatureLine(rest, "committer ");
  if (!committer) return std::nullopt;
  const auto time = PlainTime(committer->after);
  if (!time) return std::nullopt;
  facts.time = *time;
  facts.author.reserve(author->name.size() + author->email.size() + 3);
  facts.author.append(author->name).append(" <").append(author->email).append(">");
  // Other header lines up to the first empty one; the message after it.
  while (!rest.empty() && rest.front() != '\n') {
    const std::size_t eol = rest.find('\n');
    rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
  }
  while (!rest.empty() && rest.front() == '\n') rest.remove_prefix(1);
  facts.message = rest;
  return facts;
}

std::optional<std::string> TagTargetId(std::string_view tag) {
  constexpr std::string_view kObject = "object ";
  constexpr std::size_t kHex = 40;
  if (tag.size() <= kObject.size() + kHex || !tag.starts_with(kObject) ||
      tag[kObject.size() + kHex] != '\n') {
    return std::nullopt;
  }
  const std::string_view hex = tag.substr(kObject.size(), kHex);
  for (const char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  return std::string(hex);
}

std::optional<std::string_view> TagName(std::string_view tag) {
  constexpr std::string_view kTag = "tag ";
  // Header lines up to the first empty one (the message follows it).
  for (std::size_t at = 0; at < tag.size() && tag[at] != '\n';) {
    const std::size_t end = std::min(tag.find('\n', at), tag.size());
    const std::string_view line = tag.substr(at, end - at);
    if (line.starts_with(kTag)) return line.substr(kTag.size());
    at = end + 1;
  }
  return std::nullopt;
}

}  // namespace riskgate::collect::pack
