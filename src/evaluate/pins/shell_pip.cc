#include "evaluate/pins/shell_pip.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/regex.h"
#include "core/text.h"

namespace riskgate::evaluate::pins {
namespace {

using Words = std::vector<const ShellWord*>;

bool IsPipName(std::string_view name) {
  if (!name.starts_with("pip")) return false;
  return std::all_of(name.begin() + 3, name.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.';
  });
}

// The words after `pip`, or nullopt when the command does not run pip.
std::optional<Words> PipArgs(const CommandView& view) {
  if (IsPipName(view.name)) return view.args;
  if (view.name == "uv" && !view.args.empty() && view.args[0]->value == "pip") {
    return Words(view.args.begin() + 1, view.args.end());
  }
  if (InterpreterFamily f = ClassifyInterpreter(view).family; f != InterpreterFamily::kPython) {
    return std::nullopt;
  }
  for (size_t k = 0; k + 1 < view.args.size(); ++k) {
    if (view.args[k]->value == "-m" && core::AsciiLower(view.args[k + 1]->value) == "pip") {
      return Words(view.args.begin() + static_cast<std::ptrdiff_t>(k) + 2, view.args.end());
    }
  }
  return std::nullopt;
}

bool IsOption(std::string_view v) { return v.size() > 1 && v[0] == '-'; }

template <size_t N>
bool OneOf(std::string_view v, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

constexpr std::array<std::string_view, 33> kWithValue = {"-r",
                                                         "--requirement",
                                                         "-c",
                                                         "--constraint",
                                                         "-e",
                                                         "--editable",
                                                         "-i",
                                                         "--index-url",
                                                         "--extra-index-url",
                                                         "-f",
                                                         "--find-links",
                                                         "-t",
                                                         "--target",
                                                         "--prefix",
                                                         "--root",
                                                         "--trusted-host",
                                                         "--platform",
                                                         "--python-version",
                                                         "--implementation",
                                                         "--abi",
                                                         "--src",
                                                         "--upgrade-strategy",
                                                         "--progress-bar",
                                                         "--cache-dir",
                                                         "--log",
                                                         "--proxy",
                                                         "--retries",
                                                         "--timeout",
                                                         "--exists-action",
                                                         "--cert",
                                                         "--client-cert",
                                                         "--config-settings",
                                                         "--python"};

// Scorecard's notion of a flag: ^(--?\w+)+$.
bool IsScorecardFlag(std::string_view v) {
  static const core::Regex kFlag(R"((--?\w+)+)");
  return kFlag.FullMatch(v);
}

// Local path, or git+...@<40 hex> (pip's VCS syntax).
bool IsPinnedEditableSource(std::string_view source) {
  static const core::Regex kRemote("(git|svn|hg|bzr).+");
  static const core::Regex kGitPinned(R"(git(\+(https?|ssh|git))?://.*@[a-fA-F0-9]{40}(#egg=.*)?)");
  return !kRemote.FullMatch(source) || kGitPinned.FullMatch(source);
}

// Every requirement is NAME==VERSION (or a local wheel), and there is no requirements file.
bool AllExactVersions(const Words& args, size_t from) {
  static const core::Regex kExact(
      R"([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?(\[[A-Za-z0-9._,-]+\])?\s*===?\s*[A-Za-z0-9][A-Za-z0-9.!+_-]*)");
  bool any = false;
  for (size_t k = from; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (IsOption(v)) {
      if (!OneOf(std::string_view(v), kWithValue)) continue;
      if (v == "-r" || v == "--requirement" || v == "-e" || v == "--editable") return false;
      ++k;
      continue;
    }
    if (args[k]->has_expansion || !(v.ends_with(".whl") || kExact.FullMatch(v))) return false;
    any = true;
  }
  return any;
}

}  // namespace

std::optional<PackageIssue> CheckPip(const CommandView& view) {
  const std::optional<Words> pip = PipArgs(view);
  if (!pip) return std::nullopt;
  const Words& args = *pip;
  size_t k = 0;
  while (k < args.size() && IsOption(args[k]->value)) {
    k += OneOf(std::string_view(args[k]->value), kWithValue) ? 2 : 1;
  }
  if (k >= args.size() || args[k]->value != "install") return std::nullopt;
  const size_t first = k + 1;
  // Scorecard's rule: pinned with --require-hashes, with only .whl files, or with an editable
  // install of local or commit-pinned sources with --no-deps.
  bool no_deps = false, editable = false, pinned_editable = true, additional = false, wheel = false;
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& v = args[i]->value;
    if (core::AsciiLower(v) == "--no-deps") {
      no_deps = true;
    } else if (v == "-e" || v == "--editable") {
      editable = true;
    } else if (core::AsciiLower(v) == "--require-hashes") {
      return std::nullopt;
    } else if (IsScorecardFlag(v)) {
      continue;
    } else if (v.ends_with(".whl")) {
      wheel = true;
    } else if (editable) {
      pinned_editable = pinned_editable && IsPinnedEditableSource(v);
    } else {
      additional = true;
    }
  }
  const bool unpinned = editable ? (!no_deps || !pinned_editable) : (additional || !wheel);
  if (!unpinned) return std::nullopt;
  constexpr std::string_view kHashFix =
      "pip install --require-hashes -r requirements.txt  (lock exact versions with hashes: "
      "`pip-compile --generate-hashes` or `uv pip compile --generate-hashes`)";
  if (editable) {
    return PackageIssue{"pip-install",
                        "an editable `pip install` installs its dependencies unpinned (no "
                        "`--no-deps`) or from a VCS source not pinned to a commit",
                        "pip install --no-deps -e <local path or git+https://...@<40-hex commit>>, "
                        "and the dependencies with " +
                            std::string(kHashFix)};
  }
  // `-c FILE`: versions come from a constraints file (pip-compile's output, as a rule), which
  // fixes versions but not the files the index serves.
  bool constrained = false;
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& v = args[i]->value;
    constrained = constrained || v == "-c" || v == "--constraint" ||
                  v.starts_with("--constraint=") || (v.starts_with("-c") && v.size() > 2);
  }
  if (constrained) {
    return PackageIssue{"pip-install-version-pinned",
                        "`pip install` takes its versions from a constraints file (-c) but no "
                        "hashes: a replaced file on the index is accepted",
                        std::string(kHashFix)};
  }
  if (AllExactVersions(args, first)) {
    return PackageIssue{"pip-install-version-pinned",
                        "`pip install` pins exact versions but no hashes: dependencies still float "
                        "and a replaced file on the index is accepted",
                        std::string(kHashFix)};
  }
  return PackageIssue{"pip-install",
                      "`pip install` without `--require-hashes` installs whatever versions and "
                      "files the index serves",
                      std::string(kHashFix)};
}

}  // namespace riskgate::evaluate::pins
