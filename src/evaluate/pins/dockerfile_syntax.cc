#include "evaluate/pins/dockerfile_syntax.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"

namespace riskgate::evaluate::pins {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool EndsWithEscape(std::string_view line, char escape) {
  line = TrimRight(line);
  return !line.empty() && line.back() == escape;
}

std::string_view DropEscape(std::string_view line) {
  line = TrimRight(line);
  line.remove_suffix(1);
  return line;
}

// "# key=value" at the top of the file.
bool ParseDirective(std::string_view line, std::string& key, std::string& value) {
  line = TrimLeft(line);
  if (!line.starts_with('#')) return false;
  line = TrimLeft(line.substr(1));
  size_t k = 0;
  while (k < line.size() && std::isalpha(static_cast<unsigned char>(line[k])) != 0) ++k;
  if (k == 0) return false;
  key = core::AsciiLower(line.substr(0, k));
  line = TrimLeft(line.substr(k));
  if (!line.starts_with('=')) return false;
  value = std::string(TrimRight(TrimLeft(line.substr(1))));
  return true;
}

bool IsKnownInstruction(std::string_view keyword) {
  static constexpr std::array<std::string_view, 18> kKnown = {
      "FROM",    "RUN", "CMD",     "LABEL",      "MAINTAINER",  "EXPOSE",
      "ENV",     "ADD", "COPY",    "ENTRYPOINT", "VOLUME",      "USER",
      "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"};
  return std::find(kKnown.begin(), kKnown.end(), keyword) != kKnown.end();
}

struct Marker {
  std::string delimiter;
  bool strip_tabs = false;
};

// `<<EOF`, `<<-EOF`, `<<"EOF"` outside quotes and arithmetic (`$((1<<2))`).
std::vector<Marker> HeredocMarkers(std::string_view s) {
  std::vector<Marker> markers;
  char quote = 0;
  int arithmetic = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\\') {
      ++i;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (s.substr(i).starts_with("$((")) {
      ++arithmetic;
      i += 2;
    } else if (arithmetic > 0 && s.substr(i).starts_with("))")) {
      --arithmetic;
      ++i;
    } else if (arithmetic == 0 && s.substr(i).starts_with("<<") &&
               !s.substr(i).starts_with("<<<")) {
      size_t j = i + 2;
      Marker m;
      if (j < s.size() && s[j] == '-') {
        m.strip_tabs = true;
        ++j;
      }
      const char q = j < s.size() && (s[j] == '"' || s[j] == '\'') ? s[j] : 0;
      if (q != 0) ++j;
      size_t k = j;
      while (k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) != 0 || s[k] == '_' ||
                              s[k] == '.' || (k > j && s[k] == '-'))) {
        ++k;
      }
      if (k == j || (q != 0 && (k >= s.size() || s[k] != q))) continue;
      m.delimiter = std::string(s.substr(j, k - j));
      markers.push_back(std::move(m));
      i = k;
    }
  }
  return markers;
}

void AppendUtf8(std::string& out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

bool ReadHex4(std::string_view s, size_t i, unsigned& code) {
  if (i + 4 > s.size()) return false;
  code = 0;
  for (size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return false;
    code = code * 16 +
           static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c)) != 0
                                     ? c - '0'
                                     : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10));
  }
  return true;
}

// A JSON string starting at s[i] == '"'; advances i past the closing quote.
std::optional<std::string> ReadJsonString(std::string_view s, size_t& i) {
  std::string out;
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      ++i;
      return out;
    }
    if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= s.size()) return std::nullopt;
    switch (s[i]) {
      case '"':
      case '\\':
      case '/':
        out += s[i];
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned code = 0;
        if (!ReadHex4(s, i + 1, code)) return std::nullopt;
        i += 4;
        unsigned low = 0;
        if (code >= 0xD800 && code < 0xDC00 && s.substr(i + 1).starts_with("\\u") &&
            ReadHex4(s, i + 3, low) && low >= 0xDC00 && low < 0xE000) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        } else if (code >= 0xD800 && code < 0xE000) {
          code = 0xFFFD;
        }
        AppendUtf8(out, code);
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return std::nullopt;
}

void ReadHeredocs(const std::vector<std::string_view>& lines, size_t& li,
                  const std::vector<Marker>& markers, DockerInstruction& ins,
                  std::vector<std::string>& errors) {
  const size_t first = li;
  for (const Marker& m : markers) {
    DockerHeredoc h{m.delimiter, "", static_cast<int>(li) + 1};
    bool found = false;
    while (li < lines.size()) {
      std::string_view line = lines[li++];
      std::string_view compare = line;
      while (m.strip_tabs && compare.starts_with('\t')) compare.remove_prefix(1);
      if (compare == m.delimiter) {
        found = true;
        break;
      }
      h.body.append(line).append("\n");
    }
    if (!found) {
      errors.push_back("line " + std::to_string(ins.line) + ": here-document `" + m.delimiter +
                       "` has no terminating line");
    }
    ins.heredocs.push_back(std::move(h));
  }
  for (size_t k = first; k < li; ++k) ins.heredoc_lines.append("\n").append(lines[k]);
}

}  // namespace

DockerfileSyntax ParseDockerfileSyntax(std::string_view text) {
  DockerfileSyntax out;
  const std::vector<std::string_view> lines = SplitLines(text);
  char escape = '\\';
  for (std::string_view line : lines) {
    std::string key, value;
    if (!ParseDirective(line, key, value)) break;
    if (key == "escape" && (value == "`" || value == "\\")) escape = value[0];
  }
  size_t li = 0;
  while (li < lines.size()) {
    const std::string_view line = lines[li];
    const std::string_view t = TrimLeft(line);
    if (t.empty() || t[0] == '#') {
      ++li;
      continue;
    }
    DockerInstruction ins;
    size_t kw = 0;
    while (kw < t.size() && !IsBlank(t[kw])) ++kw;
    ins.keyword = std::string(t.substr(0, kw));
    std::transform(ins.keyword.begin(), ins.keyword.end(), ins.keyword.begin(), [](char c) {
      return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    });
    ins.line = static_cast<int>(li) + 1;
    ins.column = static_cast<int>(t.data() - line.data()) + 1;
    const std::string_view rest = TrimLeft(t.substr(kw));
    ins.args_line = ins.line;
    ins.args_column = static_cast<int>(rest.data() - line.data()) + 1;
    bool more = EndsWithEscape(rest, escape);
    const auto keep = [&](std::string_view l, bool continues) {
      return continues && escape != '\\' ? std::string(DropEscape(l)) + "\\" : std::string(l);
    };
    ins.args = keep(rest, more);
    ins.joined = std::string(more ? DropEscape(rest) : TrimRight(rest));
    size_t end = li;
    while (more && end + 1 < lines.size()) {
      const std::string_view next = lines[++end];
      const std::string_view tn = TrimLeft(next);
      if (tn.empty() || tn[0] == '#') {
        ins.args += "\n\\";  // BuildKit drops the line; `\` keeps the shell on the same command
        continue;
      }
      more = EndsWithEscape(next, escape);
      ins.args += "\n" + keep(next, more);
      ins.joined += more ? DropEscape(next) : TrimRight(next);
    }
    li = end + 1;
    const std::string_view joined = TrimLeft(ins.joined);
    if ((ins.keyword == "RUN" || ins.keyword == "COPY" || ins.keyword == "ADD") &&
        !joined.starts_with('[')) {
      const std::vector<Marker> markers = HeredocMarkers(joined);
      if (!markers.empty()) ReadHeredocs(lines, li, markers, ins, out.errors);
    }
    if (!IsKnownInstruction(ins.keyword)) {
      out.errors.push_back("line " + std::to_string(ins.line) + ": unknown instruction `" +
                           std::string(t.substr(0, std::min<size_t>(kw, 40))) + "`");
    }
    out.instructions.push_back(std::move(ins));
  }
  return out;
}

std::optional<std::vector<std::string>> ParseExecForm(std::string_view text) {
  text = TrimRight(TrimLeft(text));
  if (!text.starts_with('[') || !text.ends_with(']')) return std::nullopt;
  std::vector<std::string> out;
  size_t i = 1;
  const auto skip = [&] {
    while (i < text.size() && (IsBlank(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
  };
  skip();
  if (i + 1 == text.size()) return out;  // []
  while (i < text.size()) {
    skip();
    if (i >= text.size() || text[i] != '"') return std::nullopt;
    auto s = ReadJsonString(text, i);
    if (!s) return std::nullopt;
    out.push_back(std::move(*s));
    skip();
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (i + 1 == text.size() && text[i] == ']') return out;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace riskgate::evaluate::pins
