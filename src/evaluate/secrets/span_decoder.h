// Stage 3 (evaluate): bounded decoding for the secrets scanner. Input: a fragment's text.
// Output: the base64 (standard or URL-safe, padded or not) and percent-encoded spans in it that
// decode to mostly printable text, decoded once (depth 1: decoded text is never decoded again),
// joined into one text with a table mapping each decoded piece back to its encoded span. Spans
// are chosen cheaply (alphabet, length, entropy) and the decoded bytes of a fragment are
// capped, so hostile input costs time and memory linear in its size. No I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collect/pack/git_delta.h"

namespace riskgate::evaluate::secrets {

enum class Encoding { kBase64, kPercent };

// "base64" or "percent".
std::string_view EncodingName(Encoding encoding);

struct DecodeLimits {
  std::size_t min_base64 = 24;      // shorter base64 runs are not decoded (16 bytes and less)
  std::size_t max_span = 16384;     // longer runs are decoded in pieces of this many characters
  std::size_t min_percent = 6;      // shortest percent-encoded run decoded
  std::size_t budget = 4u << 20;    // decoded bytes kept per text, at most
  double min_printable = 0.9;       // share of printable ASCII a decoded piece needs
  double min_base64_entropy = 3.0;  // bits per character a base64 run needs (AAAA... is skipped)
};

// One decoded piece: `source_begin`..`source_end` of the encoded text, `begin`..`end` of
// DecodedText::text.
struct DecodedSpan {
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  Encoding encoding = Encoding::kBase64;
};

struct DecodedText {
  std::string text;  // the decoded pieces in source order, each followed by "\n\0\n"
  std::vector<DecodedSpan> spans;
  bool truncated = false;  // the budget ran out: later spans were not decoded
  // Some base64 run went on over a line break (wrapped base64, a PEM body), decoded or not.
  // Without one, every run lies within a line, and the runs of a text made of whole lines of
  // this one are this one's runs on those lines: its decoded text is a run of these pieces.
  bool wrapped = false;

  // The piece holding offset `at` of `text`, or nullptr (a separator).
  const DecodedSpan* SpanAt(std::size_t at) const;
};

// Every encoded span of `text` that decodes to mostly printable text, decoded once.
DecodedText DecodeSpans(std::string_view text, const DecodeLimits& limits = {});

// DecodeSpans(text, limits), for a text made from an earlier one (`copied`: text_origin.h) of
// which DecodeSpans with the same limits kept nothing and did not run out of budget: only the
// runs that meet a byte outside the copies are looked for. A run never holds or goes on over
// a stop (a space, a tab, a quote, `<`, `>`, another control byte but a line break, a byte
// past ASCII), and what is found between two stops depends on the bytes between them alone:
// between two stops copied together it is what the earlier text had there, which kept nothing.
// The whole text is read when the pieces to read cover 3/5 of it, or the ranges are out of
// order.
DecodedText DecodeSpansOutside(std::string_view text,
                               std::span<const collect::pack::CopiedRange> copied,
                               const DecodeLimits& limits = {});

// `text` as base64 (either alphabet, '=' padding optional, no whitespace), or nullopt when it is
// not (a character outside the alphabet, a length of 4n+1).
std::optional<std::string> DecodeBase64(std::string_view text);
// Whether at least `share` of `bytes` are printable ASCII, tab, CR or LF (and `bytes` is not
// empty).
bool MostlyPrintable(std::string_view bytes, double share);

}  // namespace riskgate::evaluate::secrets
