// Stage 3 (evaluate): how a text was made from an earlier one (a git delta's result), and what
// the secrets prefilter learnt of the earlier text, so that a full-history audit reads only what
// a delta changed where that gives the same answer (rule_prefilter.h, span_decoder.h). No I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "collect/pack/git_delta.h"

namespace riskgate::evaluate::secrets {

// What SecretsScanner::MayFind learnt of a text, kept for the texts made from it.
struct PrefilterAnswer {
  std::vector<char> may;           // RulePrefilter::MayMatch's answer; empty when it did not serve
  bool decodes_nothing = false;    // DecodeSpans kept nothing of it, and its budget did not run out
  bool lacks_secret_kind = false;  // it does not hold "Secret", so no Kubernetes Secret
};

// An earlier text's answer and this text's ranges that are runs of the earlier text's bytes.
struct TextOrigin {
  const PrefilterAnswer* earlier = nullptr;
  std::span<const collect::pack::CopiedRange> copied;
};

// Bytes `first`..`second` of a text.
using ByteRun = std::pair<std::size_t, std::size_t>;

// The bytes of a text `size` long that are not inside a copied range (a range less its first
// and its last byte, so that a byte either side of anything inside it was copied too), as
// ordered, disjoint runs; nullopt when the ranges are out of order, overlap or pass the end.
std::optional<std::vector<ByteRun>> OutsideCopies(
    std::span<const collect::pack::CopiedRange> copied, std::size_t size);

// Whether `needle` occurs in `text` when the earlier text, which `copied` ranges of `text` are runs
// of, held it nowhere: an occurrence not inside one copied range meets a byte outside them
// (OutsideCopies), so only those bytes, widened by the needle's length less one, are searched;
// nullopt when the ranges are not in order or pass the end.
std::optional<bool> OccursOutsideCopies(std::string_view text, std::string_view needle,
                                        std::span<const collect::pack::CopiedRange> copied);

// Whether `runs` cover less than 3/5 of a text `size` long: reading only them is then worth it
// (a pass over the whole text costs hardly more than one over most of it).
bool CoverLittle(std::span<const ByteRun> runs, std::size_t size);

}  // namespace riskgate::evaluate::secrets
