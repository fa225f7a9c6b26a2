// Stage 3 (evaluate): maps YAML scalars back to lines of the raw file, for scripts inside
// workflows and CI files (block scalars start on the line after their `|` or `>` indicator) and
// for trailing comments, which the YAML tree does not keep.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {

class SourceLines {
 public:
  explicit SourceLines(std::string_view text);

  int size() const { return static_cast<int>(lines_.size()); }

  // The 1-based line `n`, without its newline; empty when out of range.
  std::string_view Line(int n) const;

  // The line of the file where the text of scalar `node` starts.
  int BodyFirstLine(const core::Node& node) const;

  // The comment after `#` on line `n` (outside quotes), trimmed; empty when there is none.
  std::string TrailingComment(int n) const;

 private:
  std::vector<std::string_view> lines_;
};

}  // namespace riskgate::evaluate::pins
