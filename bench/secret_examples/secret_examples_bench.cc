// bench/secret_examples: how much of the secret-examples corpus the default pack finds, how
// quiet it stays on the corpus's negative texts and on real code, and how fast it runs, against a
// baseline binary measured in the same run (bench/README.md). Prints figures; exits 0 whatever
// they are, 2 when it cannot run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_document.h"
#include "core/regex.h"
#include "evaluate/secrets/placeholder.h"

namespace fs = std::filesystem;
using riskgate::core::Node;

namespace {

struct Example {
  std::string source;  // noseyparker | kingfisher
  std::string family;  // the provider family named by the rule id
  bool positive = true;
  bool placeholder = false;
  // A negative text holding a token that a positive text of the same family holds too: it is a
  // negative only for the upstream rule's narrower kind (a Slack user token under "Slack Bot
  // Token"), so a finding of the family there is no false alarm. Counted apart.
  bool contested = false;
  // The upstream rule names an identifier, not a credential (a domain, host, URL, account or
  // client id, username, bucket, public key): set apart from the credential recall, counted apart.
  bool identifier = false;
  std::string name;
  std::string text;
};

// By the upstream rule's own name: it names an identifier and no secret.
bool NamesIdentifier(std::string_view name) {
  const auto word = [&](std::string_view w) {
    for (std::size_t at = name.find(w); at != std::string_view::npos; at = name.find(w, at + 1)) {
      const bool starts = at == 0 || std::isalnum(static_cast<unsigned char>(name[at - 1])) == 0;
      const std::size_t end = at + w.size();
      const bool ends =
          end == name.size() || std::isalnum(static_cast<unsigned char>(name[end])) == 0;
      if (starts && ends) return true;
    }
    return false;
  };
  for (std::string_view secret :
       {"Key", "Token", "Secret", "Password", "Credential", "Credentials", "Webhook", "PAT"}) {
    if (word(secret)) return false;
  }
  for (std::string_view id : {"Domain", "Host", "URL", "Name", "Username", "ID", "Recipient",
                              "Email", "Bucket", "Identifier", "Org"}) {
    if (word(id)) return true;
  }
  return false;
}

struct Finding {
  std::string rule;
  std::string provider;
  std::string confidence;
  bool generic = false;
};

struct Options {
  std::string riskgate;
  std::string baseline;  // optional: today's binary, for the noise and speed columns
  std::string corpus;
  std::vector<std::string> code_trees;  // git work trees of real code, for the noise check
  bool list = false;
};

[[noreturn]] void Fail(const std::string& message) {
  std::cerr << "secret_examples_bench: " << message << "\n";
  std::exit(2);
}

std::string Field(const Node& node, const char* key) {
  const Node* value = node.Find(key);
  return value == nullptr ? "" : value->scalar;
}

std::string Normalised(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// Token-like runs (16+ characters) of a text, for the contested-negative test.
std::set<std::string> Tokens(std::string_view text) {
  std::set<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '+' ||
        c == '/' || c == '=' || c == '-') {
      continue;
    }
    if (i - start >= 16) out.insert(std::string(text.substr(start, i - start)));
    start = i + 1;
  }
  return out;
}

// The password slots of a text, whatever their length: a URL's userinfo password
// (scheme://user:PASSWORD@), a password= / pwd= setting, a password 'quoted' argument.
std::vector<std::string_view> PasswordSlots(std::string_view text) {
  static const riskgate::core::Regex kSlots(
      R"((?i)[a-z][a-z0-9+.-]*://[^\s:@/'"]+:([^\s@/'"]+)@|\b(?:password|passwd|pwd)\s*[=:]\s*["']?([^\s"';&,]+)|\bpassword\s+["']([^"'\n]+)["'])");
  std::vector<std::string_view> out;
  riskgate::core::RegexMatches matches(kSlots, text);
  while (matches.Next()) {
    for (int g = 1; g <= 3; ++g) {
      if (!matches.group(g).empty()) out.push_back(matches.group(g));
    }
  }
  return out;
}

// The stated placeholder test applied to a text: any token-like run of 12 or more characters,
// or any password slot, that the scanner's own test calls a placeholder.
bool PlaceholderText(std::string_view text) {
  for (std::string_view slot : PasswordSlots(text)) {
    if (riskgate::evaluate::secrets::LooksLikePlaceholder(slot)) return true;
  }
  std::size_t start = 0;
  const auto token_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '+' || c == '/' ||
           c == '=' || c == '-';
  };
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && token_char(text[i])) continue;
    if (i - start >= 12 &&
        riskgate::evaluate::secrets::LooksLikePlaceholder(text.substr(start, i - start))) {
      return true;
    }
    start = i + 1;
  }
  return false;
}

std::vector<Example> ReadCorpus(const std::string& path) {
  std::ifstream in(path);
  if (!in) Fail("cannot read " + path);
  std::vector<Example> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    auto node = riskgate::core::ParseJson(line);
    if (!node) Fail(path + ":" + std::to_string(number) + ": " + node.error().ToString());
    Example e;
    e.source = Field(*node, "source");
    const std::string rule = Field(*node, "rule_id");
    const std::size_t dot = rule.find('.');
    e.family = rule.substr(dot + 1, rule.find('.', dot + 1) - dot - 1);
    e.positive = Field(*node, "label") == "tp";
    e.name = Field(*node, "name");
    e.identifier = e.positive && NamesIdentifier(e.name);
    e.text = Field(*node, "text");
    e.placeholder = PlaceholderText(e.text);
    out.push_back(std::move(e));
  }
  std::map<std::string, std::set<std::string>> positive_tokens;  // family -> tokens
  for (const Example& e : out) {
    if (e.positive) positive_tokens[e.family].merge(Tokens(e.text));
  }
  for (Example& e : out) {
    if (e.positive) continue;
    for (const auto& token : Tokens(e.text)) {
      if (positive_tokens[e.family].contains(token)) e.contested = true;
    }
  }
  return out;
}

std::string Run(const std::string& command, double* seconds = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) Fail("cannot run: " + command);
  std::string out;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  if (seconds != nullptr) {
    *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if (status == -1 || (WIFEXITED(status) && WEXITSTATUS(status) == 2)) {
    Fail("failed (exit 2): " + command);
  }
  return out;
}

// riskgate's findings per path, from its JSON report.
std::map<std::string, std::vector<Finding>> FindingsByPath(const std::string& json) {
  riskgate::core::JsonLimits limits;
  limits.max_bytes = std::size_t{1} << 30;
  limits.max_nodes = 40'000'000;
  auto doc = riskgate::core::ParseJson(json, limits);
  if (!doc) Fail("riskgate's report is not JSON: " + doc.error().ToString());
  std::map<std::string, std::vector<Finding>> out;
  const Node* findings = doc->Find("findings");
  if (findings == nullptr) Fail("riskgate's report has no findings");
  for (const Node& f : findings->items) {
    if (Field(f, "control") != "secrets") continue;
    const std::string rule = Field(f, "rule");
    const std::string provider = Field(f, "provider");
    out[Field(f, "path")].push_back(
        {rule, provider, Field(f, "confidence"), Normalised(provider) == "generic"});
  }
  return out;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// A policy that lists every finding: the caps would hide part of a 2,000-file corpus.
std::string UncappedPolicy(const fs::path& dir) {
  const fs::path policy = dir / "policy.yaml";
  std::ofstream(policy) << "version: 1\nlimits:\n  max_findings: 10000000\n"
                           "  max_findings_per_file: 1000000\n";
  return policy.string();
}

std::string Check(const std::string& binary, const std::string& repo, const std::string& policy,
                  double* seconds) {
  return Run(Quote(binary) + " check --worktree --all-findings --format json --repo " +
                 Quote(repo) + " --policy " + Quote(policy) + " 2>/dev/null",
             seconds);
}

// The same, `runs` times, interleaved with the baseline by the caller; the median time.
std::string TimedCheck(const std::string& binary, const std::string& repo,
                       const std::string& policy, int runs, double* median) {
  std::vector<double> times;
  std::string out;
  for (int i = 0; i < runs; ++i) {
    double seconds = 0;
    out = Check(binary, repo, policy, &seconds);
    times.push_back(seconds);
  }
  std::sort(times.begin(), times.end());
  *median = times[times.size() / 2];
  return out;
}

// Whether a rule of the example's own provider family fired (the corpus's rule for a negative
// text is named by its family; another provider's rule may rightly fire there).
bool SameFamily(const Finding& f, const std::string& family) {
  if (f.generic) return false;
  const std::string provider = Normalised(f.provider);
  const std::string rule = Normalised(f.rule);
  return (!provider.empty() && (provider.find(family) != std::string::npos ||
                                family.find(provider) != std::string::npos)) ||
         rule.find(family) != std::string::npos;
}

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Fail(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--riskgate") {
      o.riskgate = next();
    } else if (arg == "--baseline") {
      o.baseline = next();
    } else if (arg == "--corpus") {
      o.corpus = next();
    } else if (arg == "--code") {
      o.code_trees.push_back(next());
    } else if (arg == "--list") {
      o.list = true;
    } else {
      Fail("unknown argument " + arg);
    }
  }
  if (o.riskgate.empty() || o.corpus.empty()) Fail("needs --riskgate BIN and --corpus FILE");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = Parse(argc, argv);
  const std::vector<Example> examples = ReadCorpus(options.corpus);
  char dir_template[] = "/tmp/riskgate-secret-examples.XXXXXX";
  if (mkdtemp(dir_template) == nullptr) Fail("cannot make a temporary folder");
  const fs::path dir = dir_template;
  const fs::path repo = dir / "corpus";
  fs::create_directories(repo);
  for (std::size_t i = 0; i < examples.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%05zu.txt", i);
    std::ofstream(repo / name, std::ios::binary) << examples[i].text << "\n";
  }
  Run("git init -q " + Quote(repo.string()) + " && git -C " + Quote(repo.string()) + " add -A");
  const std::string policy = UncappedPolicy(dir);

  double seconds = 0;
  const auto found = FindingsByPath(Check(options.riskgate, repo.string(), policy, &seconds));

  struct Tally {
    int real = 0, found = 0, placeholders = 0, placeholder_hits = 0, negatives = 0,
        false_alarms = 0, any_alarm = 0, contested = 0, contested_hits = 0, identifiers = 0,
        identifier_hits = 0;
  };
  std::map<std::string, Tally> by_source;
  std::map<std::string, std::pair<int, int>> families;  // family -> (real-looking, found)
  std::map<std::string, int> confidence_on_placeholders;
  std::vector<std::string> placeholder_list;
  std::vector<std::string> alarm_list;
  std::vector<std::string> missed_list;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const Example& e = examples[i];
    char name[32];
    std::snprintf(name, sizeof name, "%05zu.txt", i);
    const auto it = found.find(name);
    const bool hit = it != found.end() && !it->second.empty();
    Tally& t = by_source[e.source];
    if (!e.positive && e.contested) {
      ++t.contested;
      if (hit) ++t.contested_hits;
      continue;
    }
    if (!e.positive) {
      ++t.negatives;
      if (hit) ++t.any_alarm;
      for (const Finding& f : hit ? it->second : std::vector<Finding>{}) {
        if (!SameFamily(f, e.family)) continue;
        ++t.false_alarms;
        alarm_list.push_back(e.source + "." + e.family + " (" + f.rule +
                             "): " + e.text.substr(0, 100));
        break;
      }
      continue;
    }
    if (e.identifier) {
      ++t.identifiers;
      if (hit) ++t.identifier_hits;
      continue;
    }
    if (e.placeholder) {
      ++t.placeholders;
      placeholder_list.push_back(e.source + "." + e.family + ": " + e.text.substr(0, 100));
      if (hit) {
        ++t.placeholder_hits;
        for (const auto& f : it->second) ++confidence_on_placeholders[f.confidence];
      }
      continue;
    }
    ++t.real;
    auto& family = families[e.family];
    ++family.first;
    if (hit) ++t.found, ++family.second;
    if (!hit) missed_list.push_back(e.source + "." + e.family + ": " + e.text.substr(0, 100));
  }

  std::cout << "riskgate secret-examples benchmark: " << examples.size() << " texts of "
            << options.corpus << "\nbinary: " << options.riskgate
            << " (check --worktree: " << seconds << " s)\n\n";
  std::cout << "placeholder test (evaluate/secrets/placeholder.h) sets apart:\n";
  for (const auto& [source, t] : by_source) {
    std::cout << "  " << source << ": " << t.placeholders << " tp texts; found anyway "
              << t.placeholder_hits << "\n";
  }
  std::cout << "  confidence of findings on them:";
  for (const auto& [confidence, n] : confidence_on_placeholders) {
    std::cout << " " << (confidence.empty() ? "none" : confidence) << "=" << n;
  }
  std::cout << "\n\nidentifiers, not credentials, by the upstream rule's name (Domain, Host, URL, "
               "Name, ID, ... and no Key/Token/Secret/Password/Webhook), set apart:\n";
  for (const auto& [source, t] : by_source) {
    std::cout << "  " << source << ": " << t.identifiers << " tp texts; found " << t.identifier_hits
              << "\n";
  }
  std::cout << "\nrecall on real-looking tp texts (target >= 95% per source):\n";
  for (const auto& [source, t] : by_source) {
    const double pct = t.real == 0 ? 100.0 : 100.0 * t.found / t.real;
    std::printf("  %-12s %4d / %4d  %5.1f%%  %s\n", source.c_str(), t.found, t.real, pct,
                pct >= 95.0 ? "MET" : "NOT MET");
  }
  int covered = 0;
  std::vector<std::string> missing;
  for (const auto& [family, counts] : families) {
    if (counts.second > 0)
      ++covered;
    else
      missing.push_back(family);
  }
  std::printf("\nfamilies with a real-looking example found: %d / %zu  %s\n", covered,
              families.size(), missing.empty() ? "MET" : "NOT MET");
  for (const auto& family : missing) std::cout << "  missing: " << family << "\n";
  std::cout << "\nfalse alarms on fp texts by a rule of the same family (target <= 5%; fp texts\n"
               "holding a token a tp text of the family holds are contested, counted apart):\n";
  for (const auto& [source, t] : by_source) {
    if (t.negatives == 0) continue;
    const double pct = 100.0 * t.false_alarms / t.negatives;
    std::printf("  %-12s %3d / %3d  %4.1f%%  %s   (any rule: %d; contested: %d, found %d)\n",
                source.c_str(), t.false_alarms, t.negatives, pct, pct <= 5.0 ? "MET" : "NOT MET",
                t.any_alarm, t.contested, t.contested_hits);
  }

  for (const std::string& tree : options.code_trees) {
    double now = 0, before = 0;
    constexpr int kRuns = 5;
    const auto mine = FindingsByPath(TimedCheck(options.riskgate, tree, policy, kRuns, &now));
    std::size_t mine_count = 0, base_count = 0;
    for (const auto& [path, list] : mine) mine_count += list.size();
    std::cout << "\nnoise on real code, " << tree << ": " << mine_count << " findings in " << now
              << " s (median of " << kRuns << ")";
    if (!options.baseline.empty()) {
      const auto base = FindingsByPath(TimedCheck(options.baseline, tree, policy, kRuns, &before));
      for (const auto& [path, list] : base) base_count += list.size();
      std::printf("; baseline %zu findings in %.2f s (time ratio %.2fx, target <= 1.10x)",
                  base_count, before, before > 0 ? now / before : 0.0);
      for (const auto& [path, list] : mine) {
        const auto b = base.find(path);
        for (const auto& f : list) {
          const bool old =
              b != base.end() && std::any_of(b->second.begin(), b->second.end(),
                                             [&](const Finding& g) { return g.rule == f.rule; });
          if (!old)
            std::cout << "\n  new: " << path << " " << f.rule << " (" << f.confidence << ")";
        }
      }
    }
    std::cout << "\n";
  }
  if (options.list) {
    std::cout << "\nplaceholder texts:\n";
    for (const auto& p : placeholder_list) std::cout << "  " << p << "\n";
    std::cout << "\nreal-looking texts not found:\n";
    for (const auto& m : missed_list) std::cout << "  " << m << "\n";
    std::cout << "\nfalse alarms:\n";
    for (const auto& a : alarm_list) std::cout << "  " << a << "\n";
  }
  fs::remove_all(dir);
  return 0;
}
