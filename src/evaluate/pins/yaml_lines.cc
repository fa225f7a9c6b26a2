#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {

SourceLines::SourceLines(std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines_.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
}

std::string_view SourceLines::Line(int n) const {
  if (n < 1 || static_cast<std::size_t>(n) > lines_.size()) return {};
  return lines_[static_cast<std::size_t>(n - 1)];
}

int SourceLines::BodyFirstLine(const core::Node& node) const {
  const std::string_view line = Line(node.mark.line);
  const auto column = static_cast<std::size_t>(node.mark.column > 0 ? node.mark.column - 1 : 0);
  if (column < line.size() && (line[column] == '|' || line[column] == '>')) {
    return node.mark.line + 1;
  }
  return node.mark.line;
}

std::string SourceLines::TrailingComment(int n) const {
  const std::string_view line = Line(n);
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      std::string_view comment = line.substr(i + 1);
      while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\t')) {
        comment.remove_prefix(1);
      }
      while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t')) {
        comment.remove_suffix(1);
      }
      return std::string(comment);
    }
  }
  return "";
}

}  // namespace riskgate::evaluate::pins
