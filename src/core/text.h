// Stage 0 (core): pure text helpers shared by several stages. No I/O.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace riskgate::core {

// Shannon entropy in bits per byte of `text`.
double ShannonEntropy(std::string_view text);

// ASCII lower-casing; other bytes unchanged.
// Half-open ranges [first, second), sorted, with those that overlap or touch joined.
std::vector<std::pair<std::size_t, std::size_t>> MergedRanges(
    std::vector<std::pair<std::size_t, std::size_t>> ranges);

// `bytes` in standard base64 with padding (RFC 4648).
std::string Base64Encode(std::string_view bytes);

// The value of a hex digit (either case), -1 for any other byte.
int HexDigitValue(char c);

// `text` with each %XX (two hex digits) replaced by its byte; anything else as it is.
std::string PercentDecoded(std::string_view text);

std::string AsciiLower(std::string_view text);
// `text` without ASCII white space (space, tab, CR, LF, FF, VT) at either end.
std::string_view TrimSpace(std::string_view text);

// A secret shown to humans: at most the first 4 characters, then "…" (never more than a quarter of
// the secret), or "REDACTED" for short secrets.
std::string Redact(std::string_view secret);

// `bytes` as lower-case hex, two digits per byte.
std::string HexBytes(std::string_view bytes);
// The bytes lower- or upper-case hex `hex` spells (two digits each), or nullopt.
std::optional<std::string> BytesFromHex(std::string_view hex);

// The raw 20-byte SHA-1 of `parts` joined (git's object ids: "blob <size>\0" then the bytes).
std::string Sha1Raw(std::initializer_list<std::string_view> parts);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// `bytes` bytes from the operating system's cryptographic random source, as lower-case hex
// (OpenSSL's RAND_bytes); nullopt if that source fails.
std::optional<std::string> RandomHex(std::size_t bytes);

// Replaces control characters and invalid UTF-8 bytes with \xNN escapes so text is safe to print.
std::string EscapeForDisplay(std::string_view text);
// The same line by line: '\n' stays a line break, everything else is escaped.
std::string EscapeLinesForDisplay(std::string_view text);

// `text` as a YAML double-quoted scalar: '"' and '\' escaped, control bytes and bytes that are
// not UTF-8 as \xNN (which YAML reads back as U+00NN, so only such bytes do not round-trip).
std::string YamlQuote(std::string_view text);

// `text` as one POSIX shell word: bare when it is plain, in single quotes when it is printable
// UTF-8, else in bash's $'...' with \xNN escapes, so a pasted command names exactly that path.
std::string ShellQuote(std::string_view text);

// "1 file", "2 files": a count and an English noun made plural with "s" when it is not 1.
std::string Plural(long long count, std::string_view noun);

// The candidate closest to `typed` by edit distance (a typo's likely meaning), or empty when
// none is within a third of its length (at least 1, at most 3 edits).
std::string ClosestMatch(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace riskgate::core
