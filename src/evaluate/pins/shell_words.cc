#include "evaluate/pins/shell_words.h"

#include <cctype>
#include <cstdint>
#include <utility>

namespace riskgate::evaluate::pins {
namespace {

void AppendUtf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | ((c >> 18) & 0x07));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Up to `max` digits of `base` from text[i]: their value and the index after them.
std::pair<uint32_t, size_t> Digits(std::string_view text, size_t i, int base, size_t max) {
  uint32_t value = 0;
  const size_t start = i;
  for (; i < text.size() && i - start < max; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    int v = 99;
    if (std::isdigit(c) != 0) {
      v = c - '0';
    } else if (base == 16 && std::isxdigit(c) != 0) {
      v = std::tolower(c) - 'a' + 10;
    }
    if (v >= base) break;
    value = value * static_cast<uint32_t>(base) + static_cast<uint32_t>(v);
  }
  return {value, i};
}

// The first `{` of `v` that brace-expands (not `${`, closed, a `,` at its top level) and its
// `}`; npos when there is none. One pass.
std::pair<size_t, size_t> FirstBraceGroup(std::string_view v) {
  struct Open {
    size_t at;
    bool comma;
  };
  std::vector<Open> open;
  std::pair<size_t, size_t> best{std::string_view::npos, std::string_view::npos};
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '{') {
      open.push_back({i, false});
    } else if (v[i] == ',' && !open.empty()) {
      open.back().comma = true;
    } else if (v[i] == '}' && !open.empty()) {
      const Open o = open.back();
      open.pop_back();
      const bool dollar = o.at > 0 && v[o.at - 1] == '$';
      if (o.comma && !dollar && o.at < best.first) best = {o.at, i};
    }
  }
  return best;
}

void Expand(std::string_view v, size_t limit, int depth, std::vector<std::string>& out) {
  constexpr int kMaxGroups = 8;  // brace groups expanded per word
  const auto [open, close] = depth < kMaxGroups ? FirstBraceGroup(v)
                                                : std::pair<size_t, size_t>{std::string_view::npos,
                                                                            std::string_view::npos};
  if (open == std::string_view::npos) {
    if (out.size() < limit) out.emplace_back(v);
    return;
  }
  int nesting = 0;
  size_t start = open + 1;
  for (size_t i = open + 1; i <= close && out.size() < limit; ++i) {
    if (v[i] == '{') ++nesting;
    if (v[i] == '}' && i < close) --nesting;
    if ((v[i] == ',' && nesting == 0) || i == close) {
      std::string alternative(v.substr(0, open));
      alternative += v.substr(start, i - start);
      alternative += v.substr(close + 1);
      Expand(alternative, limit, depth + 1, out);
      start = i + 1;
    }
  }
}

}  // namespace

size_t DecodeAnsiEscape(std::string_view text, size_t i, std::string& out) {
  if (i >= text.size()) return i;
  const char e = text[i++];
  switch (e) {
    case 'a':
      out += '\a';
      return i;
    case 'b':
      out += '\b';
      return i;
    case 'e':
    case 'E':
      out += '\x1b';
      return i;
    case 'f':
      out += '\f';
      return i;
    case 'n':
      out += '\n';
      return i;
    case 'r':
      out += '\r';
      return i;
    case 't':
      out += '\t';
      return i;
    case 'v':
      out += '\v';
      return i;
    case 'c':
      if (i < text.size()) out += static_cast<char>(text[i++] & 0x1f);
      return i;
    case 'x':
    case 'u':
    case 'U': {
      const size_t max = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      const auto [value, after] = Digits(text, i, 16, max);
      if (after == i) {
        out += '\\';
        out += e;
      } else {
        AppendUtf8(out, e == 'x' ? value & 0xff : value);
      }
      return after;
    }
    default:
      break;
  }
  if (e >= '0' && e <= '7') {
    const auto [value, after] = Digits(text, i - 1, 8, 3);
    out += static_cast<char>(value & 0xff);
    return after;
  }
  out += e;  // backslash, quotes, ? and any other character stand for themselves
  return i;
}

std::string DecodeBase64(std::string_view text) {
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '+' || c == '-') v = 62;
    if (c == '/' || c == '_') v = 63;
    if (v < 0) {
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
      break;  // '=' padding or anything else ends the data
    }
    bits = (bits << 6) | static_cast<uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

std::vector<std::string> BraceExpand(std::string_view value, size_t limit) {
  std::vector<std::string> out;
  Expand(value, limit, 0, out);
  return out;
}

}  // namespace riskgate::evaluate::pins
