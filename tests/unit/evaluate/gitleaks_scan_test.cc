// The secrets scanner with rules from a gitleaks config: path-only rules, allowlist conditions
// and regex targets, commit allowlists, targeted global allowlists, `gitleaks:allow` and
// .gitleaksignore fingerprints, as gitleaks applies them.
#include <catch2/catch.hpp>

#include "evaluate/evaluate.h"
#include "evaluate/secrets/secrets_evaluator.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "policy/gitleaks_config.h"

namespace riskgate::evaluate::secrets {
namespace {

policy::SecretsControl ControlFrom(const std::string& toml) {
  core::Diagnostics diagnostics;
  policy::FileReader none = [](const std::string& p) {
    return core::Result<std::string>(core::MakeError(core::ErrorCode::kIo, "no files", p));
  };
  auto config = policy::LoadGitleaksConfig(toml, "test.toml", none, diagnostics);
  INFO((diagnostics.empty() ? "" : diagnostics.ToError().message));
  REQUIRE(diagnostics.empty());
  policy::SecretsControl control;
  control.rules = std::move(config.rules);
  control.allowlists = std::move(config.allowlists);
  control.gitleaks_config_file = "test.toml";
  return control;
}

std::vector<core::Finding> ScanText(const policy::SecretsControl& control, const std::string& path,
                                    const std::string& text,
                                    std::optional<std::string> commit = std::nullopt) {
  SecretsScanner scanner(control);
  ScanStats stats;
  collect::Fragment fragment{path, std::move(commit), 1, text};
  return scanner.Scan(fragment, stats);
}

const char* kToken = R"(
[[rules]]
id = "demo-token"
regex = '''demo_([a-z0-9]{12})'''
)";

}  // namespace

TEST_CASE("a path-only gitleaks rule reports the file on line 0", "[evaluate][gitleaks]") {
  const auto control = ControlFrom("[[rules]]\nid = \"py\"\npath = '''\\.py$'''\n");
  auto findings = ScanText(control, "src/app.py", "print(1)\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "py");
  CHECK(findings[0].location.line == 0);
  CHECK(findings[0].secret.empty());
  CHECK(ScanText(control, "src/app.go", "print(1)\n").empty());
}

TEST_CASE("a rule with path and regex runs only on matching paths", "[evaluate][gitleaks]") {
  const auto control = ControlFrom(std::string(kToken) + "path = '''^conf/'''\n");
  CHECK(ScanText(control, "conf/a.txt", "x = demo_abcdef123456\n").size() == 1);
  CHECK(ScanText(control, "src/a.txt", "x = demo_abcdef123456\n").empty());
}

// The rule prefilter is asked first where it serves: a text no regex may match still gets the
// path-only rules' findings, and nothing else.
TEST_CASE("where the rule prefilter serves, path-only rules still report the file",
          "[evaluate][gitleaks]") {
  const auto control = ControlFrom(std::string(kToken) + "path = '''^conf/'''\n" +
                                   "[[rules]]\nid = \"py\"\npath = '''\\.py$'''\n");
  SecretsScanner scanner(control);
  scanner.ExpectText(std::size_t{1} << 40);  // a full audit's announcement: the prefilter serves
  ScanStats stats;
  const auto scan = [&](const std::string& path, const std::string& text) {
    return scanner.Scan(collect::Fragment{path, std::nullopt, 1, text}, stats);
  };
  auto file = scan("src/app.py", "print(1)\n");
  REQUIRE(file.size() == 1);
  CHECK(file[0].rule == "py");
  CHECK(file[0].location.line == 0);
  CHECK(scan("src/app.go", "print(1)\n").empty());
  CHECK(scan("conf/a.txt", "x = demo_abcdef123456\n").size() == 1);
  CHECK(scan("src/a.txt", "x = demo_abcdef123456\n").empty());
  CHECK(scan("conf/a.py", "x = demo_abcdef123456\n").size() == 2);
  // A whole-file context is judged for secrets spanning lines, never as the file itself.
  collect::Fragment context{"src/app.py", std::nullopt, 1, "print(1)\n"};
  context.kind = collect::FragmentKind::kContext;
  context.prior = {std::make_shared<const std::string>("")};
  CHECK(scanner.Scan(context, stats).empty());
}

TEST_CASE("gitleaks reports the line where the match starts, not the secret's line",
          "[evaluate][gitleaks]") {
  const auto control = ControlFrom(
      "[[rules]]\nid = \"two-lines\"\nregex = '''key:\\s*\\n\\s*(demo_[a-z0-9]{12})'''\n");
  auto findings = ScanText(control, "a.yaml", "a: 1\nkey:\n  demo_abcdef123456\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.line == 2);
}

TEST_CASE("an OR allowlist drops a finding when any check holds, an AND one only when all do",
          "[evaluate][gitleaks]") {
  const auto either = ControlFrom(std::string(kToken) + R"(
[[rules.allowlists]]
regexes = ['''^abc''']
stopwords = ["zzz"]
)");
  CHECK(ScanText(either, "a.txt", "demo_abcdef123456").empty());  // regex on the secret
  CHECK(ScanText(either, "a.txt", "demo_zzzdef123456").empty());  // stopword
  CHECK(ScanText(either, "a.txt", "demo_qqqdef123456").size() == 1);

  const auto all = ControlFrom(std::string(kToken) + R"(
[[rules.allowlists]]
condition = "AND"
paths = ['''^test/''']
stopwords = ["zzz"]
)");
  CHECK(ScanText(all, "test/a.txt", "demo_zzzdef123456").empty());
  CHECK(ScanText(all, "test/a.txt", "demo_qqqdef123456").size() == 1);  // path only
  CHECK(ScanText(all, "src/a.txt", "demo_zzzdef123456").size() == 1);   // stopword only
}

TEST_CASE("regexTarget match and line test the whole match or its line", "[evaluate][gitleaks]") {
  const auto match = ControlFrom(std::string(kToken) + R"(
[[rules.allowlists]]
regexTarget = "match"
regexes = ['''^demo_abc''']
)");
  CHECK(ScanText(match, "a.txt", "demo_abcdef123456").empty());
  CHECK(ScanText(match, "a.txt", "demo_xbcdef123456").size() == 1);

  const auto line = ControlFrom(std::string(kToken) + R"(
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''EXAMPLE''']
)");
  CHECK(ScanText(line, "a.txt", "x = demo_abcdef123456 # EXAMPLE\n").empty());
  CHECK(ScanText(line, "a.txt", "EXAMPLE\nx = demo_abcdef123456\n").size() == 1);

  const auto secret = ControlFrom(std::string(kToken) + R"(
[[rules.allowlists]]
regexes = ['''^demo_''']
)");
  // The secret is the first group, without the prefix.
  CHECK(ScanText(secret, "a.txt", "demo_abcdef123456").size() == 1);
}

TEST_CASE("a commit allowlist drops findings of that commit only", "[evaluate][gitleaks]") {
  const std::string sha = "53cd7a3c6eb4937f413e3c25e4a9f39289afa69e";
  const auto control = ControlFrom(std::string(kToken) + "[[rules.allowlists]]\ncommits = ['" +
                                   "53CD7A3C6EB4937F413E3C25E4A9F39289AFA69E']\n");
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456", sha).empty());
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456", std::string(40, 'b')).size() == 1);
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456").size() == 1);
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456", sha.substr(0, 7)).size() == 1);
}

TEST_CASE("a global allowlist with targetRules applies to those rules only",
          "[evaluate][gitleaks]") {
  const auto control = ControlFrom(std::string(kToken) + R"(
[[rules]]
id = "other-token"
regex = '''other_[a-z0-9]{12}'''

[[allowlists]]
targetRules = ["demo-token"]
paths = ['''^vendor/''']

[[allowlists]]
stopwords = ["globalstop"]
)");
  CHECK(ScanText(control, "vendor/a.txt", "demo_abcdef123456").empty());
  CHECK(ScanText(control, "vendor/a.txt", "other_abcdef123456").size() == 1);
  CHECK(ScanText(control, "src/a.txt", "other_globalstop12").empty());
}

TEST_CASE("gitleaks:allow on the match's line suppresses it in gitleaks mode",
          "[evaluate][gitleaks]") {
  auto control = ControlFrom(kToken);
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456 // gitleaks:allow\n").empty());
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456 // riskgate:allow\n").empty());
  control.inline_suppressions = policy::InlineSuppressions::kForbid;
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456 // gitleaks:allow\n").size() == 1);
}

TEST_CASE(".gitleaksignore fingerprints drop findings: with a commit in that commit only",
          "[evaluate][gitleaks]") {
  const std::string sha(40, 'c');
  auto control = ControlFrom(kToken);
  control.gitleaks_ignore = {"a.txt:demo-token:2", sha + ":b.txt:demo-token:1"};
  CHECK(ScanText(control, "a.txt", "\ndemo_abcdef123456").empty());
  CHECK(ScanText(control, "a.txt", "\ndemo_abcdef123456", sha).empty());  // 3 parts: any commit
  CHECK(ScanText(control, "a.txt", "demo_abcdef123456").size() == 1);     // another line
  CHECK(ScanText(control, "b.txt", "demo_abcdef123456", sha).empty());
  CHECK(ScanText(control, "b.txt", "demo_abcdef123456", std::string(40, 'd')).size() == 1);
  CHECK(ScanText(control, "b.txt", "demo_abcdef123456").size() == 1);
}

TEST_CASE("a gitleaks generic rule yields to a specific rule's finding on the same line",
          "[evaluate][gitleaks]") {
  const auto control = ControlFrom(R"(
[[rules]]
id = "demo-whole"
regex = '''demo_[a-z0-9]{12}'''

[[rules]]
id = "generic-api-key"
regex = '''token = (demo_[a-z0-9]{12})'''
)");
  auto findings = ScanText(control, "a.txt", "token = demo_abcdef123456\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "demo-whole");
}

}  // namespace riskgate::evaluate::secrets

namespace riskgate::evaluate {

TEST_CASE(
    "a secret a commit-specific entry drops in its commit is not reported again from the "
    "range's net diff",
    "[evaluate][gitleaks]") {
  const std::string sha(40, 'e');
  core::Diagnostics diagnostics;
  policy::FileReader none = [](const std::string& p) {
    return core::Result<std::string>(core::MakeError(core::ErrorCode::kIo, "no files", p));
  };
  auto config = policy::LoadGitleaksConfig(
      "[[rules]]\nid = \"demo-token\"\nregex = '''demo_[a-z0-9]{12}'''\n", "test.toml", none,
      diagnostics);
  REQUIRE(diagnostics.empty());
  policy::Policy policy;
  policy.secrets.rules = std::move(config.rules);
  policy.secrets.gitleaks_config_file = "test.toml";
  policy.secrets.gitleaks_ignore = {sha + ":a.txt:demo-token:1"};
  collect::ChangeFacts facts;
  facts.scope.mode = core::ScanMode::kRange;
  facts.fragments.push_back({"a.txt", sha, 1, "demo_abcdef123456"});
  facts.fragments.push_back({"a.txt", std::nullopt, 1, "demo_abcdef123456"});  // net diff
  facts.fragments.push_back({"b.txt", std::nullopt, 1, "demo_abcdef123456"});  // merge only
  int secrets = 0;
  for (const auto& f : secrets::EvaluateSecrets(facts, policy.secrets).findings) {
    if (f.control != "secrets") continue;
    ++secrets;
    CHECK(f.location.path == "b.txt");
  }
  CHECK(secrets == 1);
}

}  // namespace riskgate::evaluate
