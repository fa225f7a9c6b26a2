// Stage 0 (core): reads a JSON text into the located tree of core/document.h, for every JSON
// input riskgate does not trust (event payloads, forge answers, baselines, reports given to
// `merge`, Threat Dragon models). Bounded: size, nesting depth and node count; a key repeated in
// an object is an error (JSON allows it, and two readers that keep different copies would judge
// different documents). Strings are UTF-8 checked. Pure text, no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/error.h"

namespace riskgate::core {

// Deeper than any JSON riskgate reads.
inline constexpr int kMaxJsonDepth = 128;

struct JsonLimits {
  std::size_t max_bytes = std::size_t{64} << 20;
  int max_depth = kMaxJsonDepth;
  std::size_t max_nodes = 4'000'000;  // a node takes ~200 bytes: ~800 MB at most
};

enum class JsonProblem { kSyntax, kTooLarge, kTooDeep, kTooManyNodes, kDuplicateKey };

struct JsonError {
  JsonProblem problem = JsonProblem::kSyntax;
  Mark mark;           // where parsing stopped (line 0 when the whole text is refused)
  std::string detail;  // what is wrong, safe to print ("duplicate key 'a'")

  // "line 3, column 7: duplicate key 'a'" (or the detail alone without a position).
  std::string ToString() const;
  // "name:3:7: duplicate key 'a'".
  std::string Located(std::string_view name) const;
};

// The tree of `text`: objects are maps (keys in text order), arrays sequences, strings quoted
// scalars, numbers unquoted scalars with their text as written, true/false the unquoted scalars
// "true"/"false", null a null node. Marks are 1-based; columns count bytes.
tl::expected<Node, JsonError> ParseJson(std::string_view text, const JsonLimits& limits = {});

// `text` as a JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD.
std::string JsonQuote(std::string_view text);

}  // namespace riskgate::core
