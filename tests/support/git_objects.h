// Test support: every object of a repository as git itself reads it (`git cat-file
// --batch-all-objects --batch`), to check riskgate's own object reader against.
#pragma once

#include <map>
#include <string>

#include "support/temp_repo.h"

namespace riskgate::testing {

struct GitObject {
  std::string type;  // commit, tree, blob, tag
  std::string bytes;
};

// By hex id.
std::map<std::string, GitObject> GitObjects(TempRepo& repo);

}  // namespace riskgate::testing
