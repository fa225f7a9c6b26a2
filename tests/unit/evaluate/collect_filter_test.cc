// What collect keeps for the secrets scan (evaluate/secrets/collect_filter.h): every context
// and every file's added lines until a MiB of texts was asked about; from there, and wherever the
// rule prefilter serves, only what the scan may find something in.
#include "evaluate/secrets/collect_filter.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/text/hyperscan_db.h"
#include "unit/evaluate/policy_text.h"

namespace riskgate::evaluate::secrets {
namespace {

const std::string kBlock = "old\nBEGIN DEMO\nQ7xK2pL9mZ4vB8nR1tW6aB3cD4\nEND DEMO\n";
const std::string kMentions = "begin demo, then demo_ and short\nBEGIN DEMO\nshort\n";

// A clean text of `bytes` bytes that holds both keywords on every line.
std::string CleanText(std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "BEGIN DEMO and demo_ with nothing after them\n";
  return text;
}

}  // namespace

TEST_CASE("a collect filter keeps every context until a MiB of them was asked about",
          "[evaluate]") {
  auto policy = PolicyWith(kBlockRules);
  CollectFilter filter(policy.secrets);
  CHECK(filter.MayFind(kMentions));
  CHECK(filter.MayFind(CleanText(CollectFilter::kScannerAfterBytes / 2)));
  CHECK(filter.MayFind(kBlock));
  // Past the mark a scanner judges; a test policy's prefilter is not compiled for 1 MiB, so
  // it does not serve and every context is still kept.
  CHECK(filter.MayFind(CleanText(CollectFilter::kScannerAfterBytes)));
  CHECK(filter.MayFind(kMentions));
}

TEST_CASE("where the rule prefilter serves, a collect filter keeps only what the scan may find",
          "[evaluate]") {
  auto policy = PolicyWith(kBlockRules);
  CollectFilter filter(policy.secrets);
  filter.Expect(std::size_t{1} << 40);  // a large range's announcement: the prefilter compiles
  const bool serving = LazyHyperscan::Available();
  CHECK(filter.MayFind(kBlock));
  CHECK(filter.MayFind(kMentions) == !serving);
  CHECK(filter.MayFind(CleanText(4096)) == !serving);
  // What it keeps is what the scanner may find something in: the same answer.
  SecretsScanner scanner(policy.secrets);
  scanner.ExpectText(std::size_t{1} << 40);
  for (const std::string& text : {kBlock, kMentions, CleanText(100)}) {
    collect::Fragment context{"notes.txt", std::nullopt, 1, text, collect::FragmentKind::kContext};
    context.prior = {std::make_shared<const std::string>("")};
    ScanStats stats;
    if (!filter.MayFind(text)) CHECK(scanner.Scan(context, stats).empty());
    CHECK(scanner.ContextMayFind(text) == filter.MayFind(text));
  }

  // A Kubernetes Secret's values are judged whatever the regexes say: with the rule that
  // reports them, a manifest naming one is kept where no regex may match it.
  auto with_kubernetes =
      PolicyWith(std::string(kBlockRules) + R"yaml(      - id: kubernetes-secret-data
        description: Kubernetes Secret value
        severity: high
        regex: '"stringData"\s*:\s*\{"token":"([a-z]{12})"'
        keywords: [stringdata]
)yaml");
  CollectFilter kubernetes(with_kubernetes.secrets);
  kubernetes.Expect(std::size_t{1} << 40);
  const std::string manifest = "apiVersion: v1\nkind: Secret\nstringData:\n  token: abc\n";
  CHECK(kubernetes.MayFind(manifest));
  CHECK(kubernetes.MayFind(kMentions) == !serving);

  // The secrets control off: nothing is ever found, nothing kept past the mark.
  policy.secrets.enabled = false;
  CollectFilter off(policy.secrets);
  off.Expect(1);
  CHECK_FALSE(off.MayFind(kBlock));
}

}  // namespace riskgate::evaluate::secrets

namespace riskgate::evaluate::secrets {
namespace {

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i + 2 < bytes.size(); i += 3) {  // whole groups of three: no padding
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(bytes[i + k]); };
    const unsigned v = (b(0) << 16) | (b(1) << 8) | b(2);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63];
  }
  return out;
}

// Lines a text is made of: clean ones, tokens as they are and base64-encoded, a block that
// spans lines, a line only an anchored rule matches at a fragment's start, wrapped base64 (64
// characters a line) of repeated bytes and of a token.
std::vector<std::string> LinePool() {
  const std::string token = "demo_Q7xK2pL9mZ4vB8nR1tW6";
  std::string padded_token = "say " + token + " then";
  while (padded_token.size() % 48 != 0) padded_token += '.';
  const std::string wrapped_token = Base64(padded_token);  // 64 characters a line
  std::vector<std::string> pool = {
      "clean words and nothing else",
      "demo_ is a prefix, begin demo is a phrase",
      "token: " + token,
      "BEGIN DEMO",
      "Q7xK2pL9mZ4vB8nR1tW6aB3cD4",
      "blob: " + Base64("value=" + token + " ok"),
      "demo-line-abcdefgh",
      std::string(64, 'A'),
  };
  for (std::size_t at = 0; at < wrapped_token.size(); at += 64) {
    pool.push_back(wrapped_token.substr(at, 64));
  }
  return pool;
}

}  // namespace

TEST_CASE("a file the lines test clears gives no finding in any run of its lines", "[evaluate]") {
  auto policy = PolicyWith(std::string(kBlockRules) + R"yaml(      - id: demo-anchored
        description: Demo anchored line
        severity: high
        regex: '^demo-line-([a-z]{8})$'
        keywords: [demo-line]
)yaml");
  SecretsScanner scanner(policy.secrets);
  scanner.ExpectText(std::size_t{1} << 40);
  const bool serving = LazyHyperscan::Available();
  const std::vector<std::string> pool = LinePool();

  // Judged whole: a clean text is cleared where the prefilter serves; a token, and a token in
  // wrapped base64 whose block is too plain to decode whole, are not.
  CHECK(scanner.LinesMayFind("notes.txt", "clean words and nothing else\n") == !serving);
  CHECK(scanner.LinesMayFind("notes.txt", "a\n" + pool[2] + "\nb\n"));
  std::string plain_block;
  for (int i = 0; i < 400; ++i) plain_block += pool[7] + "\n";
  std::string wrapped = plain_block;
  for (std::size_t i = 8; i < pool.size(); ++i) wrapped += pool[i] + "\n";
  wrapped += plain_block;
  CHECK(scanner.LinesMayFind("data.txt", wrapped));
  // Any block that goes on over a line break is judged by its added lines: a part of it decodes
  // on its own.
  CHECK(scanner.LinesMayFind("data.txt", plain_block));

  // Random texts of the pool's lines: where the whole is cleared, no run of its lines (a hunk,
  // joined without its last line break) gives the scan a finding.
  std::mt19937 random(7);
  int cleared = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> lines(1 + random() % 10);
    // Half of the lines clean ones, for texts with nothing to find but a line here and there.
    for (auto& line : lines) line = pool[random() % 2 == 0 ? 0 : random() % pool.size()];
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    if (scanner.LinesMayFind("notes.txt", text)) continue;
    ++cleared;
    for (std::size_t first = 0; first < lines.size(); ++first) {
      std::string hunk;
      for (std::size_t last = first; last < lines.size(); ++last) {
        hunk += (last == first ? "" : "\n") + lines[last];
        collect::Fragment added{"notes.txt", std::string("c0ffee"), static_cast<int>(first) + 1,
                                hunk};
        ScanStats stats;
        INFO(text << "lines " << first + 1 << "-" << last + 1);
        CHECK(scanner.Scan(added, stats).empty());
      }
    }
  }
  INFO("cleared " << cleared << " of 400");
  if (serving) CHECK(cleared > 50);
}

TEST_CASE("the lines test is kept open until a MiB of texts was asked about", "[evaluate]") {
  auto policy = PolicyWith(kBlockRules);
  CollectFilter filter(policy.secrets);
  CHECK(filter.LinesMayFind("a.txt", CleanText(CollectFilter::kScannerAfterBytes / 2)));
  CHECK(filter.MayFind(CleanText(CollectFilter::kScannerAfterBytes / 4)));
  // Past the mark (contexts and new versions count together) a scanner judges; the test
  // policy's prefilter compiles only when announced.
  filter.Expect(std::size_t{1} << 40);
  CHECK(filter.LinesMayFind("a.txt", CleanText(4096)) == !LazyHyperscan::Available());
  CHECK(filter.LinesMayFind("a.txt", kBlock));

  policy.secrets.enabled = false;
  CollectFilter off(policy.secrets);
  off.Expect(1);
  CHECK_FALSE(off.LinesMayFind("a.txt", kBlock));
}

}  // namespace riskgate::evaluate::secrets
