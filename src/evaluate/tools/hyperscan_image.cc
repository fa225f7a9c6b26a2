// Build tool: compiles the default policy's Hyperscan databases (its keyword literals and its
// rule prefilter) for every CPU target, with the longest match of each rule the prefilter splits
// by, and writes the image the binary embeds
// (evaluate/text/prebuilt_hyperscan.h). Built without Hyperscan, or where it does not run, the
// image holds no database and the binary compiles its own, as it would for any other policy.
#include <fstream>
#include <iostream>

#include "collect/pack/zlib_stream.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/text/prebuilt_hyperscan.h"
#include "policy/policy.h"

int main(int argc, char** argv) {
  namespace evaluate = riskgate::evaluate;
  if (argc != 2) {
    std::cerr << "usage: hyperscan_image OUTPUT.image\n";
    return 2;
  }
  auto policy = riskgate::policy::LoadDefaultPolicy();
  if (!policy) {
    std::cerr << "hyperscan_image: the default policy does not load: " << policy.error().ToString()
              << "\n";
    return 1;
  }
  const evaluate::secrets::SecretsScanner scanner(policy->secrets);
  std::vector<std::string> compiled;  // each entry's database, deflated
  std::vector<evaluate::PrebuiltHyperscan> entries;
  if (evaluate::LazyHyperscan::Available()) {
    for (const evaluate::LazyHyperscan* database : scanner.HyperscanDatabases()) {
      for (const auto target :
           {evaluate::HyperscanTarget::kGeneric, evaluate::HyperscanTarget::kAvx2,
            evaluate::HyperscanTarget::kAvx512}) {
        auto serialized = database->Serialize(target);
        if (!serialized) {
          std::cerr << "hyperscan_image: a database does not compile for target "
                    << static_cast<int>(target) << "\n";
          return 1;
        }
        entries.push_back(
            {database->key(), target, serialized->left_out, serialized->bytes.size(), {}});
        compiled.push_back(riskgate::collect::pack::DeflateOwn(serialized->bytes));
      }
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) entries[i].deflated = compiled[i];
  // The widths the rule prefilter's near/far split asked for (HyperscanDatabases made it).
  const std::vector<evaluate::PrebuiltWidth> widths = evaluate::KnownMaxWidths();
  const std::string image = evaluate::EncodePrebuiltHyperscan(entries, widths);
  if (!evaluate::DecodePrebuiltHyperscan(image)) {
    std::cerr << "hyperscan_image: the image does not read back\n";
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << image;
  std::cout << "hyperscan_image: " << entries.size() << " databases, " << widths.size()
            << " widths, " << image.size() << " bytes\n";
  return out ? 0 : 1;
}
