// Which whole-file contexts collect keeps for the secrets scan (evaluate/secrets/
// context_filter.h): every one until a MiB of them was asked about; from there, and wherever the
// rule prefilter serves, only those the scan may find something in.
#include "evaluate/secrets/context_filter.h"

#include <catch2/catch.hpp>
#include <string>

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

TEST_CASE("a context filter keeps every context until a MiB of them was asked about",
          "[evaluate]") {
  auto policy = PolicyWith(kBlockRules);
  ContextFilter filter(policy.secrets);
  CHECK(filter.MayFind(kMentions));
  CHECK(filter.MayFind(CleanText(ContextFilter::kScannerAfterBytes / 2)));
  CHECK(filter.MayFind(kBlock));
  // Past the mark a scanner judges; a test policy's prefilter is not compiled for 1 MiB, so
  // it does not serve and every context is still kept.
  CHECK(filter.MayFind(CleanText(ContextFilter::kScannerAfterBytes)));
  CHECK(filter.MayFind(kMentions));
}

TEST_CASE("where the rule prefilter serves, a context filter keeps only what the scan may find",
          "[evaluate]") {
  auto policy = PolicyWith(kBlockRules);
  ContextFilter filter(policy.secrets);
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
  ContextFilter kubernetes(with_kubernetes.secrets);
  kubernetes.Expect(std::size_t{1} << 40);
  const std::string manifest = "apiVersion: v1\nkind: Secret\nstringData:\n  token: abc\n";
  CHECK(kubernetes.MayFind(manifest));
  CHECK(kubernetes.MayFind(kMentions) == !serving);

  // The secrets control off: nothing is ever found, nothing kept past the mark.
  policy.secrets.enabled = false;
  ContextFilter off(policy.secrets);
  off.Expect(1);
  CHECK_FALSE(off.MayFind(kBlock));
}

}  // namespace riskgate::evaluate::secrets
