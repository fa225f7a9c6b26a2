#include "evaluate/pins/pin_rewrite.h"

#include <map>

namespace riskgate::evaluate::pins {
namespace {

// The lines of `text`, each without its '\n' (a '\r' stays, so CRLF files keep their endings).
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct UsesValue {
  std::size_t begin = 0;  // of the value, quotes excluded
  std::size_t end = 0;
  std::size_t after = 0;  // past a closing quote
};

// The value of `uses:` on `line`: `uses: x`, `- uses: 'x'`, `uses: "x" # c`.
std::optional<UsesValue> FindUsesValue(std::string_view line) {
  const auto key = line.find("uses:");
  if (key == std::string_view::npos) return std::nullopt;
  std::size_t pos = key + 5;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  if (pos >= line.size()) return std::nullopt;
  UsesValue value;
  if (line[pos] == '"' || line[pos] == '\'') {
    const char quote = line[pos];
    const auto close = line.find(quote, pos + 1);
    if (close == std::string_view::npos) return std::nullopt;
    value = {pos + 1, close, close + 1};
  } else {
    std::size_t end = pos;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\r' &&
           line[end] != '#') {
      ++end;
    }
    value = {pos, end, end};
  }
  return value;
}

// Whether a comment's text (after '#') already starts with `ref` as a word: `# v4`, `# v4 x`.
bool CommentNamesRef(std::string_view comment, std::string_view ref) {
  while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\t')) {
    comment.remove_prefix(1);
  }
  if (!comment.starts_with(ref)) return false;
  comment.remove_prefix(ref.size());
  return comment.empty() || comment.front() == ' ' || comment.front() == '\t' ||
         comment.front() == '\r';
}

}  // namespace

std::string ApplyPinReplacements(std::string_view text,
                                 const std::vector<PinReplacement>& replacements) {
  std::map<int, const PinReplacement*> by_line;
  for (const auto& r : replacements) by_line[r.line] = &r;
  const auto lines = Lines(text);
  std::string out;
  out.reserve(text.size() + replacements.size() * 64);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line(lines[i]);
    auto it = by_line.find(static_cast<int>(i + 1));
    if (it != by_line.end()) {
      const PinReplacement& r = *it->second;
      const auto value = FindUsesValue(line);
      const std::string suffix = "@" + r.ref;
      if (value && value->end - value->begin > suffix.size() &&
          std::string_view(line).substr(value->end - suffix.size(), suffix.size()) == suffix) {
        const std::string rest = line.substr(value->after);
        line = line.substr(0, value->end - r.ref.size()) + r.sha + line.substr(value->end);
        const std::size_t after = value->after - r.ref.size() + r.sha.size();
        if (const auto hash = rest.find('#'); hash == std::string::npos) {
          const std::size_t cut = line.size() - (line.ends_with('\r') ? 1 : 0);
          std::size_t trimmed = cut;
          while (trimmed > 0 && (line[trimmed - 1] == ' ' || line[trimmed - 1] == '\t')) --trimmed;
          line = line.substr(0, trimmed) + " # " + r.ref + line.substr(cut);
        } else if (!CommentNamesRef(std::string_view(rest).substr(hash + 1), r.ref)) {
          // The tag goes right after the value; the existing comment follows byte for byte.
          line = line.substr(0, after) + " # " + r.ref + line.substr(after);
        }
      }
    }
    out += line;
    if (i + 1 < lines.size()) out += '\n';
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
