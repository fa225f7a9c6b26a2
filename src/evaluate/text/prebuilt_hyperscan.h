// Stage 3 (evaluate): Hyperscan databases compiled when the binary is built — the default
// pack's keyword literals and rule prefilter, for each CPU target — so that a scan has them
// from its first byte instead of compiling them (about two seconds for the rule prefilter,
// which is why a small audit went without it). The build tool riskgate_hyperscan_image
// (evaluate/tools) writes the image, the binary embeds it and registers it before anything
// scans (app/main.cc). A database is found by the key of what it matches
// (LazyHyperscan::key: every expression and flag), never by name: a policy that adds, drops or
// changes one rule finds nothing here and compiles its own, as before.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/text/hyperscan_db.h"

namespace riskgate::evaluate {

struct PrebuiltHyperscan {
  std::string key;  // LazyHyperscan::key of what it matches
  HyperscanTarget target = HyperscanTarget::kGeneric;
  std::vector<unsigned> left_out;  // expressions the compiler refused (matching everywhere)
  std::uint64_t size = 0;          // the serialized database's size
  std::string_view deflated;       // the serialized database as a zlib stream
};

// How long a match of a prefilter rule can be (HyperscanMaxWidth), worked out when the image
// was built: asking Hyperscan for each of the default pack's 574 rules takes ~0.1 s of a core,
// an eighth of the synthetic bench corpus's full audit, which waits on it (the near/far split
// of evaluate/secrets/rule_prefilter.cc).
struct PrebuiltWidth {
  std::string expression;
  bool caseless = false;
  std::optional<std::uint64_t> width;  // nullopt: no bound
};

// An image of `entries` and `widths` (the build tool writes it).
std::string EncodePrebuiltHyperscan(const std::vector<PrebuiltHyperscan>& entries,
                                    const std::vector<PrebuiltWidth>& widths = {});
// The entries of an image, their bytes pointing into it; nullopt when it is malformed.
std::optional<std::vector<PrebuiltHyperscan>> DecodePrebuiltHyperscan(std::string_view image);
// The widths of an image; nullopt when it is malformed.
std::optional<std::vector<PrebuiltWidth>> DecodePrebuiltWidths(std::string_view image);

// Makes the entries of `image` available to every LazyHyperscan made afterwards; `image` must
// outlive them (the binary's embedded bytes). False, and nothing registered, when it does not
// read.
bool RegisterPrebuiltHyperscan(std::string_view image);
// The registered entries for `key`, in the order registered.
std::vector<PrebuiltHyperscan> PrebuiltHyperscanFor(std::string_view key);
// How many entries are registered (`riskgate --version` says so).
std::size_t PrebuiltHyperscanCount();

// The width registered (from an image) or worked out in this process for `expression`: the
// outer nullopt when none is known, the inner when it has no bound.
std::optional<std::optional<std::uint64_t>> KnownMaxWidth(std::string_view expression,
                                                          bool caseless);
// Remembers a width HyperscanMaxWidth worked out.
void RememberMaxWidth(std::string_view expression, bool caseless,
                      std::optional<std::uint64_t> width);
// Every width known, for the build tool's image.
std::vector<PrebuiltWidth> KnownMaxWidths();

}  // namespace riskgate::evaluate
