#include "collect/git_config_includes.h"

#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace riskgate::collect {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool IsKeyChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-'; }

// A line without its comment (a `;` or `#` outside quotes, not escaped) and trailing space.
// `quoted` says whether the line starts inside quotes (a continued value); the answer says
// whether it ends inside them, counted as libgit2 counts (a quote after a backslash is not one).
struct Stripped {
  std::string_view text;
  bool quoted = false;
};

Stripped StripComment(std::string_view line, bool quoted) {
  int quotes = quoted ? 1 : 0;
  int backslashes = 0;
  std::size_t end = line.size();
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && (i == 0 || line[i - 1] != '\\')) ++quotes;
    if ((c == ';' || c == '#') && quotes % 2 == 0 && backslashes % 2 == 0) {
      end = i;
      break;
    }
    backslashes = c == '\\' ? backslashes + 1 : 0;
  }
  while (end > 0 && IsSpace(line[end - 1])) --end;
  return {line.substr(0, end), quotes % 2 == 1};
}

// A value's text with its quotes dropped and escapes read; `continued` when it ends in a
// backslash (the value goes on on the next line). An escape libgit2 refuses is kept as its
// character: the file would not open at all, and a superset is what is asked for.
std::string Unescape(std::string_view text, bool& continued) {
  std::string out;
  continued = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') continue;
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i == text.size()) {
      continued = true;
      break;
    }
    switch (text[i]) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'b':
        out.push_back('\b');
        break;
      default:
        out.push_back(text[i]);
        break;
    }
  }
  return out;
}

// Reads a section header at `line[0] == '['`: the section's name as libgit2 keys it (name
// lower-cased; a quoted subsection kept as written) and where the header ends, or npos.
std::size_t ReadHeader(std::string_view line, std::string& section) {
  section.clear();
  std::size_t at = 1;
  while (at < line.size() && line[at] != ']') {
    const char c = line[at];
    if (IsSpace(c)) {
      // `[name "subsection"]`: the subsection runs to the next unescaped quote.
      while (at < line.size() && IsSpace(line[at])) ++at;
      if (at == line.size() || line[at] != '"') return std::string_view::npos;
      section.push_back('.');
      for (++at; at < line.size() && line[at] != '"'; ++at) {
        if (line[at] == '\\' && at + 1 < line.size()) ++at;
        section.push_back(line[at]);
      }
      if (at + 1 >= line.size() || line[at + 1] != ']') return std::string_view::npos;
      return at + 2;
    }
    if (!IsKeyChar(c) && c != '.') return std::string_view::npos;
    section.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    ++at;
  }
  return at < line.size() ? at + 1 : std::string_view::npos;
}

bool IncludesBy(const std::string& section) {
  if (section == "include") return true;
  // libgit2 takes any `includeif.*` key ending in `.path` ("includeif.path" too).
  return section == "includeif" || section.starts_with("includeif.");
}

// The text's lines one at a time, split at line feeds as libgit2 splits them (no copy: a file
// of line feeds costs nothing per line).
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  // The next line as written (a NUL in it kept), nullopt after the last.
  std::optional<std::string_view> Next() {
    if (at_ >= text_.size()) return std::nullopt;
    std::size_t end = text_.find('\n', at_);
    if (end == std::string_view::npos) end = text_.size();
    const std::string_view line = text_.substr(at_, end - at_);
    at_ = end + 1;
    return line;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// A line as libgit2 reads it: copied with strndup, so a NUL ends it.
std::string_view UpToNul(std::string_view line) { return line.substr(0, line.find('\0')); }

}  // namespace

std::vector<std::string> ConfigIncludePaths(std::string_view text) {
  std::vector<std::string> out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Lines lines(text);
  std::string section;
  while (const auto raw = lines.Next()) {
    std::string_view line = UpToNul(*raw);
    for (;;) {
      while (!line.empty() && IsSpace(line.front())) line.remove_prefix(1);
      if (line.empty() || line.front() == ';' || line.front() == '#') break;
      if (line.front() != '[') break;
      const std::size_t end = ReadHeader(line, section);
      if (end == std::string_view::npos) {
        section.clear();  // libgit2 stops here; nothing after would be an include of this one
        line = {};
        break;
      }
      line.remove_prefix(end);  // a key may follow the header on the same line
    }
    if (line.empty() || line.front() == ';' || line.front() == '#') continue;
    const Stripped stripped = StripComment(line, false);
    std::string_view rest = stripped.text;
    std::size_t name_end = 0;
    while (name_end < rest.size() && IsKeyChar(rest[name_end])) ++name_end;
    if (name_end == 0) continue;
    const std::string key = core::AsciiLower(std::string(rest.substr(0, name_end)));
    rest.remove_prefix(name_end);
    while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '=') continue;
    rest.remove_prefix(1);
    while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
    bool continued = false;
    std::string value = Unescape(rest, continued);
    bool quoted = stripped.quoted;
    // The value goes on until a line that does not end in a backslash. A line that is empty
    // once its comment is gone is skipped and does not end it; the file's end does, and so
    // does a line that starts with a NUL, which libgit2 takes for the file's end (and then
    // reads the lines after it as lines of their own).
    while (continued) {
      const auto next_raw = lines.Next();
      if (!next_raw || next_raw->starts_with('\0')) break;
      const Stripped next = StripComment(UpToNul(*next_raw), quoted);
      quoted = next.quoted;
      if (next.text.empty()) continue;
      value += Unescape(next.text, continued);
    }
    if (key == "path" && IncludesBy(section) && !value.empty()) out.push_back(std::move(value));
  }
  return out;
}

}  // namespace riskgate::collect
