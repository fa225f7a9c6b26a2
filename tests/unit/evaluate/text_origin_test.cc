// Issue 21: a word looked for only around what a delta changed (evaluate/secrets/text_origin.h,
// OccursOutsideCopies), where the earlier text held it nowhere: the answer must be the whole
// result's, wherever the word falls — inside an insert, across an insert and a copy, across two
// copies of different places, at either end. The secrets scanner asks it of the word every
// Kubernetes Secret holds, so a manifest a delta makes of a text without one is still judged.
#include <catch2/catch.hpp>
#include <random>

#include "evaluate/secrets/kubernetes_secret.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/secrets/text_origin.h"
#include "unit/evaluate/policy_text.h"

namespace riskgate::evaluate::secrets {
namespace {

using collect::pack::CopiedRange;

// The word's heads and tails among other bytes: copies of them meet inserts and each other
// across every split of the word, the word itself only where a delta joins them.
std::string Piece(std::mt19937& random, std::size_t length) {
  static constexpr std::string_view kParts[] = {"S",   "Se",   "Sec",   "Secr", "Secre", "t",  "et",
                                                "ret", "cret", "ecret", " ",    "kind:", "\n", "x"};
  std::string out;
  while (out.size() < length) out += kParts[random() % std::size(kParts)];
  return out;
}

struct Made {
  std::string result;
  std::vector<CopiedRange> copied;
};

// A result of copies of `earlier` (anywhere in it) and inserts (pieces of the word among
// them), with its copied ranges as ApplyDelta lists them: a copy that continues the last one
// in both texts lengthens it.
Made Delta(std::mt19937& random, const std::string& earlier) {
  static constexpr std::string_view kInserts[] = {"Secret", "Sec", "ret", "S", "t", "cre", "x"};
  Made made;
  std::size_t base_end = 0;
  const int steps = 1 + static_cast<int>(random() % 8);
  for (int step = 0; step < steps; ++step) {
    if (random() % 2 == 0) {
      const std::size_t from = random() % earlier.size();
      const std::size_t length = 1 + random() % std::min<std::size_t>(40, earlier.size() - from);
      const std::size_t at = made.result.size();
      if (!made.copied.empty() && made.copied.back().end == at && base_end == from) {
        made.copied.back().end += length;
      } else {
        made.copied.push_back({at, at + length});
      }
      base_end = from + length;
      made.result += earlier.substr(from, length);
    } else {
      made.result += kInserts[random() % std::size(kInserts)];
    }
  }
  return made;
}

}  // namespace

TEST_CASE("a word is found around a delta's changes exactly where the whole result holds it",
          "[evaluate]") {
  std::mt19937 random(21);
  int held = 0;
  int tried = 0;
  for (int round = 0; round < 12000; ++round) {
    std::string earlier = Piece(random, 20 + random() % 200);
    if (earlier.find(kKubernetesSecretWord) != std::string::npos) continue;
    const Made made = Delta(random, earlier);
    const bool whole = made.result.find(kKubernetesSecretWord) != std::string::npos;
    INFO("earlier: " << earlier << "\nresult: " << made.result);
    const auto near = OccursOutsideCopies(made.result, kKubernetesSecretWord, made.copied);
    REQUIRE(near);
    CHECK(*near == whole);
    held += whole ? 1 : 0;
    ++tried;
  }
  // Both answers were given many times.
  CHECK(tried > 3000);  // bases that hold the word are left out
  CHECK(held > 300);
  CHECK(tried - held > 300);

  // Ranges out of order, overlapping or past the end: no answer (the caller reads the whole).
  const std::vector<CopiedRange> backwards{{10, 20}, {5, 8}};
  const std::vector<CopiedRange> past{{0, 200}};
  CHECK_FALSE(OccursOutsideCopies(std::string(100, 'S'), "Secret", backwards));
  CHECK_FALSE(OccursOutsideCopies(std::string(100, 'S'), "Secret", past));
  // A word wholly inside one copy is not looked for: the earlier text, which held none, rules it
  // out (here it did hold one, to show where the search does not go).
  const std::string copied = "aaaa Secret aaaa";
  const std::vector<CopiedRange> all{{0, copied.size()}};
  CHECK(OccursOutsideCopies(copied, "Secret", all) == false);
  CHECK(OccursOutsideCopies(copied + "x", "Secret", all) == false);
  CHECK(OccursOutsideCopies("Secret" + copied.substr(6), "Secret",
                            std::vector<CopiedRange>{{6, copied.size()}}) == true);
}

TEST_CASE("a Kubernetes Secret a delta makes of a text without one is judged", "[evaluate]") {
  // Only the Kubernetes rule, whose regex matches no YAML manifest: what finds the Secret below
  // is the reading of its values, which the word gates.
  const auto policy = PolicyWith(R"yaml(    rule_packs: []
    rules:
      - id: kubernetes-secret-data
        description: Kubernetes Secret value
        severity: high
        regex: '"stringData"\s*:\s*\{"token":"([a-z]{12})"'
        keywords: [stringdata]
)yaml");
  const SecretsScanner scanner(policy.secrets);
  const std::string earlier =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: fast\n";
  PrefilterAnswer answer;
  CHECK_FALSE(scanner.MayFind(earlier, nullptr, &answer));
  CHECK(answer.lacks_secret_kind);
  // The kind rewritten by a delta, and a value added; every other byte copied.
  const std::size_t kind_at = earlier.find("ConfigMap");
  const std::string result = earlier.substr(0, kind_at) + "Secret" + earlier.substr(kind_at + 9) +
                             "stringData:\n  password: Tr0ub4dor-and-3-more-horses\n";
  const std::vector<CopiedRange> copied{{0, kind_at},
                                        {kind_at + 6, kind_at + 6 + earlier.size() - kind_at - 9}};
  const TextOrigin origin{&answer, copied};
  PrefilterAnswer later;
  CHECK(scanner.MayFind(result));
  CHECK(scanner.MayFind(result, &origin, &later));
  CHECK_FALSE(later.lacks_secret_kind);
  // White box: an origin that claims every byte was copied rules the word out without reading.
  const std::vector<CopiedRange> all{{0, result.size()}};
  const TextOrigin lying{&answer, all};
  CHECK_FALSE(scanner.MayFind(result, &lying));
  // A change elsewhere keeps the earlier answer: still no Secret.
  const std::string other = earlier + "  size: 3\n";
  const std::vector<CopiedRange> kept{{0, earlier.size()}};
  const TextOrigin from_earlier{&answer, kept};
  PrefilterAnswer unchanged;
  CHECK_FALSE(scanner.MayFind(other, &from_earlier, &unchanged));
  CHECK(unchanged.lacks_secret_kind);
}

}  // namespace riskgate::evaluate::secrets
