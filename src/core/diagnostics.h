// Stage 0 (core): problems found while reading policy files and other documents, collected so a
// user sees all of them in one pass instead of fixing one error per run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace riskgate::core {

// A position in a document (policy, rule pack, JSON input); line and column are 1-based, 0 when
// unknown.
struct Mark {
  int line = 0;
  int column = 0;
  // The file the position is in, when a document was composed from several (`extends:`);
  // null means the file the reader was given.
  std::shared_ptr<const std::string> file = nullptr;
};

struct Diagnostic {
  std::string file;
  Mark mark;
  std::string field;  // dotted path of the offending field, e.g. "rules[3].regex"
  std::string message;

  // "file:line:column: field: message"
  std::string ToString() const;
};

class Diagnostics {
 public:
  void Add(std::string file, Mark mark, std::string field, std::string message);
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

  // One kPolicy error listing every diagnostic, one per line.
  Error ToError() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace riskgate::core
