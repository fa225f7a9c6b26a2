#include "support/git_objects.h"

#include <sstream>

namespace riskgate::testing {

std::map<std::string, GitObject> GitObjects(TempRepo& repo) {
  const std::string out = repo.Git({"cat-file", "--batch-all-objects", "--batch"});
  std::map<std::string, GitObject> objects;
  std::size_t pos = 0;
  while (pos < out.size()) {
    const auto eol = out.find('\n', pos);
    std::istringstream header(out.substr(pos, eol - pos));
    std::string id, type;
    std::size_t size = 0;
    header >> id >> type >> size;
    objects[id] = {type, out.substr(eol + 1, size)};
    pos = eol + 1 + size + 1;
  }
  return objects;
}

}  // namespace riskgate::testing
