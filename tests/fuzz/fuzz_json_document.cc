// Fuzz target: the JSON document reader (core/json_document.cc) every untrusted JSON input goes
// through. Oracles: a tree never nests deeper than the limit, a map has a mark per key and no
// key twice, and an error always says what is wrong.
#include <set>
#include <string>

#include "core/json_document.h"
#include "fuzz_input.h"

namespace {

void Check(const riskgate::core::Node& node, int depth) {
  using riskgate::core::Node;
  if (depth > riskgate::core::kMaxJsonDepth) __builtin_trap();
  if (node.mark.line < 1 || node.mark.column < 1) __builtin_trap();
  if (node.kind == Node::Kind::kMap) {
    if (node.key_marks.size() != node.fields.size()) __builtin_trap();
    std::set<std::string> keys;
    for (const auto& field : node.fields) {
      if (!keys.insert(field.first).second) __builtin_trap();
      Check(field.second, depth + 1);
    }
  }
  for (const auto& item : node.items) Check(item, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto doc = riskgate::core::ParseJson(riskgate::fuzz::AsText(data, size));
  if (doc) {
    Check(*doc, doc->kind == riskgate::core::Node::Kind::kMap ||
                        doc->kind == riskgate::core::Node::Kind::kSequence
                    ? 1
                    : 0);
  } else if (doc.error().detail.empty()) {
    __builtin_trap();
  }
  return 0;
}
