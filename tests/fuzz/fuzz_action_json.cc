// Fuzz target: what GitHub answers about an action for the pins control's online checks: a
// repository, a comparison, the advisories list, a page of tags, a ref (first byte picks), and
// an advisory's version range read against a version (`version\0range`). Oracles: a comparison
// status is one of the four GitHub documents; an advisory read names its id; a tag's commit is
// 40 hex digits; a range check never throws.
#include "collect/forge/forge_json.h"
#include "evaluate/pins/online_pins.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate;
  const auto [variant, body] = fuzz::Variant(fuzz::AsText(data, size), 6);
  switch (variant) {
    case 0: {
      auto repository = collect::forge::ParseGithubRepository(body);
      if (repository && repository->default_branch.empty()) __builtin_trap();
      return 0;
    }
    case 1: {
      auto status = collect::forge::ParseGithubCompareStatus(body);
      if (status && *status != "identical" && *status != "behind" && *status != "ahead" &&
          *status != "diverged") {
        __builtin_trap();
      }
      return 0;
    }
    case 2: {
      auto advisories = collect::forge::ParseGithubAdvisories(body, "octo/tool");
      if (!advisories) return 0;
      for (const auto& advisory : *advisories) {
        if (advisory.id.empty()) __builtin_trap();
      }
      return 0;
    }
    case 3: {
      auto commits = collect::forge::ParseGithubTagCommits(body);
      if (!commits) return 0;
      for (const auto& sha : *commits) {
        if (sha.size() != 40 || sha.find_first_not_of("0123456789abcdef") != std::string::npos) {
          __builtin_trap();
        }
      }
      return 0;
    }
    case 4: {
      (void)collect::forge::ParseGithubRefIs(body, "refs/tags/v1");
      return 0;
    }
    default: {
      const auto [version, range] = fuzz::SplitAtNul(body);
      (void)evaluate::pins::VersionInRange(version, range);
      return 0;
    }
  }
}
