#include "policy/gitleaks_ignore.h"

#include <algorithm>

namespace riskgate::policy {

std::set<std::string, std::less<>> ParseGitleaksIgnore(std::string_view text) {
  std::set<std::string, std::less<>> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    std::string entry(line);
    std::replace(entry.begin(), entry.end(), '\\', '/');
    out.insert(std::move(entry));
  }
  return out;
}

}  // namespace riskgate::policy
