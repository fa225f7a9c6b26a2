#include "evaluate/pins/shell_packages.h"

#include <algorithm>
#include <array>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/shell_pip.h"

namespace riskgate::evaluate::pins {
namespace {

using Words = std::vector<const ShellWord*>;

bool IsOption(std::string_view v) { return v.size() > 1 && v[0] == '-'; }
bool EqualFold(std::string_view a, std::string_view b) {
  return core::AsciiLower(a) == core::AsciiLower(b);
}
bool HasArgFold(const Words& args, size_t from, std::string_view arg) {
  for (size_t k = from; k < args.size(); ++k) {
    if (EqualFold(args[k]->value, arg)) return true;
  }
  return false;
}
template <size_t N>
bool OneOf(std::string_view v, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

// --- go get / go install --------------------------------------------------------------------

bool IsRemoteModule(std::string_view pkg) {
  if (pkg.empty() || pkg[0] == '.' || pkg[0] == '/') return false;
  const std::string_view first = pkg.substr(0, pkg.find_first_of("/@"));
  return first.find('.') != std::string_view::npos;
}

bool IsPinnedGoVersion(std::string_view version, bool insecure) {
  static const core::Regex kHash("[0-9A-Fa-f]{40,}");
  static const core::Regex kSemver(R"(v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)");
  return version == "none" || kHash.FullMatch(version) || (!insecure && kSemver.FullMatch(version));
}

std::optional<PackageIssue> Go(const Words& args) {
  if (args.size() < 2) return std::nullopt;  // `go install` alone builds the current module
  const std::string& sub = args[0]->value;
  if (sub != "get" && sub != "install") return std::nullopt;
  static constexpr std::array<std::string_view, 12> kWithValue = {
      "-modfile", "-tags",   "-ldflags",  "-gcflags", "-asmflags", "-p",
      "-mod",     "-pkgdir", "-toolexec", "-overlay", "-exec",     "-C"};
  const bool insecure = std::any_of(args.begin(), args.end(),
                                    [](const ShellWord* w) { return w->value == "-insecure"; });
  for (size_t k = 1; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (IsOption(v)) {
      if (OneOf(std::string_view(v), kWithValue)) ++k;
      continue;
    }
    if (!IsRemoteModule(v)) continue;
    const size_t at = v.rfind('@');
    const std::string module = v.substr(0, at);
    if (at != std::string::npos &&
        IsPinnedGoVersion(std::string_view(v).substr(at + 1), insecure)) {
      continue;
    }
    PackageIssue issue{"go-install", "", ""};
    issue.message = "`go " + sub + " " + v + "` builds whatever version is current" +
                    (insecure ? " (and -insecure disables checksum verification)" : "");
    issue.fix = "go " + sub + " " + module +
                "@v1.2.3  (a full version or a 40-hex commit; go.sum and the checksum database "
                "then verify it)";
    return issue;
  }
  return std::nullopt;
}

// --- npm -----------------------------------------------------------------------------------

std::optional<PackageIssue> Npm(const Words& args) {
  static constexpr std::array<std::string_view, 8> kWithValue = {
      "--prefix", "-C", "--workspace", "-w", "--registry", "--cache", "--userconfig", "--loglevel"};
  static constexpr std::array<std::string_view, 18> kFloating = {
      "install", "i",       "in",  "ins",    "inst", "insta",   "instal", "isnt",         "isnta",
      "isntal",  "isntall", "add", "update", "up",   "upgrade", "udpate", "install-test", "it"};
  size_t k = 0;
  while (k < args.size() && IsOption(args[k]->value)) {
    k += OneOf(std::string_view(args[k]->value), kWithValue) ? 2 : 1;
  }
  if (k >= args.size() || !OneOf(std::string_view(args[k]->value), kFloating)) {
    return std::nullopt;  // ci, clean-install, install-ci-test, run, ...
  }
  const std::string& sub = args[k]->value;
  std::string packages;
  for (size_t i = k + 1; i < args.size(); ++i) {
    if (!IsOption(args[i]->value)) packages += (packages.empty() ? "" : " ") + args[i]->value;
  }
  PackageIssue issue{"npm-install", "", ""};
  if (sub == "update" || sub == "up" || sub == "upgrade" || sub == "udpate") {
    issue.message = "`npm " + sub + "` moves dependencies to newer versions at build time";
    issue.fix =
        "use `npm ci` (installs exactly package-lock.json); update dependencies in a "
        "reviewed change to package-lock.json";
  } else if (packages.empty()) {
    issue.message = "`npm " + sub +
                    "` resolves versions from package.json ranges and may "
                    "rewrite package-lock.json";
    issue.fix = "use `npm ci` (installs exactly package-lock.json)";
  } else {
    issue.message = "`npm " + sub + " " + packages +
                    "` installs whatever versions are current, with unlocked dependencies";
    issue.fix = "add " + packages +
                " to package.json with a committed package-lock.json and use `npm ci` (installs "
                "exactly package-lock.json)";
  }
  return issue;
}

// --- gem -----------------------------------------------------------------------------------

std::optional<PackageIssue> Gem(const Words& args) {
  if (args.empty()) return std::nullopt;
  const std::string& sub = args[0]->value;
  if (sub != "install" && sub != "i" && sub != "update") return std::nullopt;
  static const core::Regex kExact(R"(\d+(\.[0-9A-Za-z]+)*)");
  std::string names;
  bool all_pinned_names = true;
  for (size_t k = 1; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if ((v == "-v" || v == "--version") && k + 1 < args.size()) {
      if (kExact.FullMatch(args[k + 1]->value)) return std::nullopt;
      ++k;
    } else if (v.starts_with("--version=")) {
      if (kExact.FullMatch(std::string_view(v).substr(10))) return std::nullopt;
    } else if (!IsOption(v)) {
      names += (names.empty() ? "" : " ") + v;
      const size_t colon = v.rfind(':');
      const bool pinned =
          v.ends_with(".gem") ||
          (colon != std::string::npos && kExact.FullMatch(std::string_view(v).substr(colon + 1)));
      all_pinned_names = all_pinned_names && pinned;
    }
  }
  if (!names.empty() && all_pinned_names) return std::nullopt;  // gem install rails:7.1.3
  if (names.empty()) names = "NAME";
  return PackageIssue{"gem-install",
                      "`gem " + sub +
                          "` without `-v <exact version>` installs whatever version "
                          "is current",
                      "gem install " + names +
                          " -v <exact version>  (or Bundler: a committed Gemfile.lock and "
                          "`bundle install` with BUNDLE_FROZEN=true)"};
}

// --- choco ---------------------------------------------------------------------------------

std::optional<PackageIssue> Choco(const Words& args, bool cinst) {
  if (!cinst && (args.empty() || !EqualFold(args[0]->value, "install"))) return std::nullopt;
  for (const ShellWord* w : args) {
    const std::string flag = core::AsciiLower(w->value.substr(0, w->value.find('=')));
    if (flag == "--requirechecksum" || flag == "--requirechecksums" ||
        flag == "--require-checksums") {
      return std::nullopt;
    }
  }
  return PackageIssue{"choco-install",
                      "`choco install` without `--requirechecksums` accepts package downloads that "
                      "have no checksum",
                      "choco install PACKAGE --version <exact version> --requirechecksums"};
}

// --- nuget, dotnet, msbuild ----------------------------------------------------------------

PackageIssue Nuget(std::string message, std::string fix) {
  return PackageIssue{"nuget-install", std::move(message), std::move(fix)};
}

constexpr std::string_view kLockFix =
    " (commit packages.lock.json: RestorePackagesWithLockFile=true)";

std::optional<PackageIssue> NugetCli(const Words& args) {
  if (args.empty()) return std::nullopt;
  if (EqualFold(args[0]->value, "install")) {
    if (args.size() == 1 || args[1]->value.ends_with("packages.config") ||
        HasArgFold(args, 1, "-Version")) {
      return std::nullopt;
    }
    return Nuget("`nuget install " + args[1]->value +
                     "` without `-Version` installs whatever "
                     "version is current",
                 "nuget install " + args[1]->value + " -Version <exact version>");
  }
  if (EqualFold(args[0]->value, "restore") && !HasArgFold(args, 1, "-LockedMode")) {
    return Nuget(
        "`nuget restore` without `-LockedMode` may resolve other versions than "
        "packages.lock.json",
        "nuget restore -LockedMode" + std::string(kLockFix));
  }
  return std::nullopt;
}

std::optional<PackageIssue> Dotnet(const Words& args) {
  if (args.empty()) return std::nullopt;
  const std::string sub = core::AsciiLower(args[0]->value);
  if (sub == "add" && args.size() >= 3 &&
      (EqualFold(args[1]->value, "package") || EqualFold(args[2]->value, "package"))) {
    if (HasArgFold(args, 2, "-v") || HasArgFold(args, 2, "--version")) return std::nullopt;
    const size_t name = EqualFold(args[1]->value, "package") ? 2 : 3;
    const std::string package = name < args.size() ? args[name]->value : "PACKAGE";
    return Nuget("`dotnet add package " + package +
                     "` without `--version` adds whatever "
                     "version is current",
                 "dotnet add package " + package + " --version <exact version>");
  }
  if (sub == "restore" && !HasArgFold(args, 1, "--locked-mode")) {
    return Nuget(
        "`dotnet restore` without `--locked-mode` may resolve other versions than "
        "packages.lock.json",
        "dotnet restore --locked-mode" + std::string(kLockFix));
  }
  if (sub == "tool" && args.size() >= 3 &&
      (EqualFold(args[1]->value, "install") || EqualFold(args[1]->value, "update")) &&
      !HasArgFold(args, 2, "--version")) {
    std::string tool = "TOOL";
    for (size_t k = 2; k < args.size(); ++k) {
      if (!IsOption(args[k]->value)) {
        tool = args[k]->value;
        break;
      }
    }
    return Nuget("`dotnet tool " + args[1]->value + " " + tool +
                     "` without `--version` installs whatever version is current",
                 "dotnet tool install " + tool +
                     " --version <exact version>  (or a tool "
                     "manifest and `dotnet tool restore`)");
  }
  return std::nullopt;
}

std::optional<PackageIssue> Msbuild(const Words& args) {
  bool restore = false;
  for (const ShellWord* w : args) {
    const std::string v = core::AsciiLower(w->value);
    if (v == "/restore" || v == "-restore" || v == "/r" || v == "-r") restore = true;
    for (std::string_view prefix : {"/t:", "-t:", "/target:", "-target:"}) {
      if (v.starts_with(prefix) && v.find("restore") != std::string::npos) restore = true;
    }
    if (v.find("restorelockedmode=true") != std::string::npos) return std::nullopt;
  }
  if (!restore) return std::nullopt;
  return Nuget(
      "`msbuild /t:restore` without RestoreLockedMode may resolve other versions than "
      "packages.lock.json",
      "msbuild /t:restore /p:RestoreLockedMode=true" + std::string(kLockFix));
}

}  // namespace

std::optional<PackageIssue> CheckPackageCommand(const CommandView& view) {
  // `gem install --help`, `pip install -h`: prints how to install, installs nothing.
  if (std::any_of(view.args.begin(), view.args.end(), [](const ShellWord* word) {
        return word->value == "--help" || word->value == "-h";
      })) {
    return std::nullopt;
  }
  const std::string& n = view.name;
  if (n == "go") return Go(view.args);
  if (n == "npm") return Npm(view.args);
  if (n == "gem") return Gem(view.args);
  if (n == "choco" || n == "cinst") return Choco(view.args, n == "cinst");
  if (n == "nuget") return NugetCli(view.args);
  if (n == "dotnet") return Dotnet(view.args);
  if (n == "msbuild") return Msbuild(view.args);
  return CheckPip(view);
}

}  // namespace riskgate::evaluate::pins
