#include "report/text_escape.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"

namespace riskgate::report {
namespace {

std::string HexByte(unsigned char c, std::string_view prefix) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02X", c);
  return std::string(prefix) + buf;
}

// Calls `on_break(c)` for each tab, LF and CR (which some syntaxes keep) and `on_text(run)` for the
// display-safe form of the text between them.
template <typename OnText, typename OnBreak>
void SplitAtBreaks(std::string_view text, OnText on_text, OnBreak on_break) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r' && text[i] != '\t') continue;
    if (i > start) on_text(core::EscapeForDisplay(text.substr(start, i - start)));
    if (i < text.size()) on_break(text[i]);
    start = i + 1;
  }
}

std::size_t LongestRun(std::string_view text, char c) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char x : text) {
    run = x == c ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string XmlEscape(std::string_view text, XmlContext context) {
  std::string out;
  out.reserve(text.size());
  auto on_text = [&out](const std::string& safe) {
    for (std::size_t i = 0; i < safe.size(); ++i) {
      const char c = safe[i];
      // U+FFFE and U+FFFF are valid UTF-8 but not XML 1.0 characters.
      if (c == '\xef' && i + 2 < safe.size() && safe[i + 1] == '\xbf' &&
          (safe[i + 2] == '\xbe' || safe[i + 2] == '\xbf')) {
        out += "\\xef\\xbf\\x" + std::string(safe[i + 2] == '\xbe' ? "be" : "bf");
        i += 2;
        continue;
      }
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        default:
          out += c;
      }
    }
  };
  auto on_break = [&out, context](char c) {
    if (c == '\r' || context == XmlContext::kAttribute) {
      out += HexByte(static_cast<unsigned char>(c), "&#x") + ";";
    } else {
      out += c;
    }
  };
  SplitAtBreaks(text, on_text, on_break);
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  static constexpr std::string_view kSpecial = "\\`*_{}[]<>()#+-!|~&@";
  std::string out;
  out.reserve(text.size());
  for (char c : core::EscapeForDisplay(text)) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string MarkdownEscapeLines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!out.empty()) out += "\\\n";
    while (!line.empty() && line.front() == ' ') {
      out += "&nbsp;";
      line.remove_prefix(1);
    }
    out += MarkdownEscape(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string MarkdownTableCode(std::string_view text) {
  const std::string safe = core::EscapeForDisplay(text);
  const std::string fence(LongestRun(safe, '`') + 1, '`');
  const bool pad = !safe.empty() && (safe.front() == '`' || safe.back() == '`');
  std::string out = fence + (pad ? " " : "");
  for (char c : safe) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out + (pad ? " " : "") + fence;
}

std::string MarkdownUrl(std::string_view url) {
  const bool plain =
      (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) &&
      std::none_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == 0x7f;
      });
  return plain ? "<" + std::string(url) + ">" : MarkdownEscape(url);
}

std::string HtmlEscape(std::string_view text) { return XmlEscape(text, XmlContext::kAttribute); }

std::string MarkdownCodeBlock(std::string_view text) {
  std::string body;
  SplitAtBreaks(
      text, [&body](const std::string& safe) { body += safe; },
      [&body](char c) { body += c == '\r' ? std::string() : std::string(1, c); });
  while (!body.empty() && body.back() == '\n') body.pop_back();
  const std::string fence(std::max<std::size_t>(3, LongestRun(body, '`') + 1), '`');
  return fence + "\n" + body + "\n" + fence + "\n";
}

std::string WorkflowData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto on_text = [&out](const std::string& safe) {
    for (char c : safe) out += c == '%' ? std::string("%25") : std::string(1, c);
  };
  auto on_break = [&out](char c) {
    if (c == '\t') {
      out += c;
    } else {
      out += HexByte(static_cast<unsigned char>(c), "%");
    }
  };
  SplitAtBreaks(text, on_text, on_break);
  return out;
}

std::string WorkflowProperty(std::string_view text) {
  std::string out;
  for (char c : WorkflowData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string PercentEncodePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c) || c == '/') {
      out += ch;
    } else {
      out += HexByte(c, "%");
    }
  }
  return out;
}

std::string Clip(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  static constexpr std::string_view kEllipsis = "...";
  if (max_bytes < kEllipsis.size()) return std::string(kEllipsis.substr(0, max_bytes));
  std::size_t cut = max_bytes - kEllipsis.size();
  // Step back over UTF-8 continuation bytes so no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

}  // namespace riskgate::report
