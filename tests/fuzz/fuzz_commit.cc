// Fuzz target: commit objects as the history walk reads them without libgit2
// (collect/pack/commit_object.h), and the same bytes as a tag object's content, whose target a
// walk follows from a ref (TagTargetId: an id read is the 40 lower-case hex digits after
// "object " on the first line; TagName: the rest of a header line starting "tag ", before the
// first empty line). The input is a commit object's content. Oracles: reading ends
// without a crash; a commit read has a tree and parents of 40 lower-case hex digits that its
// first lines name, a non-negative time, an author "name <email>" without a line break, and a
// message that ends the input. (That what it reads is what libgit2 reads is checked against
// libgit2 itself in tests/unit/collect/commit_object_test.cc, on 3,000 random edits.)
#include <string>

#include "collect/pack/commit_object.h"
#include "fuzz_input.h"

namespace {

bool IsId(const std::string& hex) {
  if (hex.size() != 40) return false;
  for (const char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = riskgate::fuzz::AsText(data, size);
  if (const auto target = riskgate::collect::pack::TagTargetId(input)) {
    if (!IsId(*target) || input.substr(0, 7) != "object " || input.substr(7, 40) != *target ||
        input[47] != '\n') {
      __builtin_trap();
    }
  }
  // A tag's name is the rest of a `tag ` line of its header, inside the input.
  if (const auto name = riskgate::collect::pack::TagName(input)) {
    const char* begin = name->data();
    if (begin < input.data() + 4 || name->data() + name->size() > input.data() + input.size() ||
        name->find('\n') != std::string_view::npos || std::string_view(begin - 4, 4) != "tag " ||
        input.substr(0, static_cast<std::size_t>(begin - input.data())).find("\n\n") !=
            std::string_view::npos) {
      __builtin_trap();
    }
  }
  const auto commit = riskgate::collect::pack::ParseCommit(input);
  if (!commit) return 0;
  if (!IsId(commit->tree) || input.substr(5, 40) != commit->tree) __builtin_trap();
  std::size_t at = 46;
  for (const auto& parent : commit->parents) {
    if (!IsId(parent) || input.substr(at + 7, 40) != parent) __builtin_trap();
    at += 48;
  }
  if (commit->time < 0 || commit->author.find('\n') != std::string::npos ||
      commit->author.find(" <") == std::string::npos || commit->author.back() != '>') {
    __builtin_trap();
  }
  if (input.size() < commit->message.size() ||
      input.substr(input.size() - commit->message.size()) != commit->message) {
    __builtin_trap();
  }
  return 0;
}
