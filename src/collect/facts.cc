#include "collect/facts.h"

#include <algorithm>

namespace riskgate::collect {

bool ChangedFile::IsAdded(int line) const {
  return whole_file || std::binary_search(added_lines.begin(), added_lines.end(), line);
}

}  // namespace riskgate::collect
