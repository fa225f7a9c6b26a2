#include "evaluate/pins/uses_check.h"

#include <fnmatch.h>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/commit_ref.h"
#include "evaluate/pins/image_ref.h"

namespace riskgate::evaluate::pins {
namespace {

bool MatchesAny(const std::vector<std::string>& globs, const std::string& name) {
  for (const auto& glob : globs) {
    if (::fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

bool IsTrustedOwner(const std::vector<std::string>& owners, std::string_view owner) {
  for (std::string trusted : owners) {
    if (trusted.ends_with("/*")) trusted.resize(trusted.size() - 2);
    if (trusted == owner) return true;
  }
  return false;
}

// Whether a pin's comment names the release it is: a version (`v4`, `v4.2.2`, `1.2.3-rc.1`,
// `tag=v4`) or a ref (`ratchet:owner/repo@v4`, `pin@v4`); not any words (`# do not touch`).
bool NamesVersion(std::string_view comment) {
  static const core::Regex version(
      R"((?:^|[\s:=@(])[vV]?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.-]+)?(?:$|[\s,;)]))");
  static const core::Regex ref(R"(@[0-9A-Za-z][0-9A-Za-z._/-]*)");
  return version.PartialMatch(comment) || ref.PartialMatch(comment);
}

}  // namespace

std::vector<PinIssue> CheckUses(std::string_view uses, int line, int column,
                                std::string_view trailing_comment,
                                const policy::PinsControl& pins) {
  std::vector<PinIssue> out;
  // A block scalar (`uses: |`) ends in a newline, which GitHub does not read as part of it.
  uses = core::TrimSpace(uses);
  // A local action (`./dir`) or the same repository at the running commit (`$/dir`, GitHub's
  // self-repository reference): pinned by the commit the workflow runs at.
  if (uses.starts_with("./") || uses.starts_with("$/")) return out;
  if (uses.starts_with("docker://")) {
    const std::string image(uses.substr(9));
    const ImagePin pin = CheckImageReference(image);
    if (!pin.pinned) {
      out.push_back({"unpinned-image",
                     line,
                     column,
                     "action image '" + image + "' is not pinned to a digest (" + pin.reason + ")",
                     "uses: docker://" + DigestFixFor(image),
                     "",
                     {}});
    }
    return out;
  }
  const auto at = uses.rfind('@');
  const std::string name(uses.substr(0, at == std::string_view::npos ? uses.size() : at));
  const std::string ref(at == std::string_view::npos ? "" : uses.substr(at + 1));
  const auto slash = name.find('/');
  const std::string owner = name.substr(0, slash);
  const auto second = slash == std::string::npos ? std::string::npos : name.find('/', slash + 1);
  const std::string repo = name.substr(0, second);
  if (const std::string lower = core::AsciiLower(name);
      MatchesAny(pins.forbidden_uses, lower) ||
      MatchesAny(pins.forbidden_uses, core::AsciiLower(repo))) {
    out.push_back({"forbidden-uses",
                   line,
                   column,
                   "'" + std::string(uses) +
                       "' is on the policy's list of actions no workflow "
                       "may use (controls.pins.forbidden_uses)",
                   "use an action the policy allows, or do the step in a run: script",
                   "",
                   {}});
  }
  if (IsFullCommitSha(ref)) {
    if (!NamesVersion(trailing_comment)) {
      out.push_back(
          {"pin-missing-version-comment",
           line,
           column,
           "'" + std::string(uses) + "' is pinned to a SHA without a comment naming " +
               (trailing_comment.empty()
                    ? std::string("its release")
                    : "its release ('# " + std::string(trailing_comment) + "' names no version)") +
               ", so reviewers and update bots cannot tell which version it is",
           "uses: " + std::string(uses) + " # vX.Y.Z  (the tag this SHA is)",
           "",
           {}});
    }
    return out;
  }
  if (MatchesAny(pins.allow_tag_pins, repo) || MatchesAny(pins.allow_tag_pins, name)) return out;
  const bool trusted = IsTrustedOwner(pins.trusted_owners, owner);
  const std::string shown_ref = ref.empty() ? "<tag>" : ref;
  PinIssue issue;
  issue.rule = trusted ? "unpinned-action-trusted-owner" : "unpinned-action";
  issue.line = line;
  issue.column = column;
  issue.message = "'" + std::string(uses) + "' is pinned to " +
                  (ref.empty() ? std::string("nothing") : "the mutable ref '" + ref + "'") +
                  ": whoever can move that ref decides what code runs here";
  issue.fix = "uses: " + name + "@<40-hex commit sha> # " + shown_ref +
              "\nget the SHA with `git ls-remote https://github.com/" + repo + " refs/tags/" +
              shown_ref +
              "` (for an annotated tag take the `^{}` line), or let Dependabot or "
              "Renovate pin it";
  issue.mitigate = "limit the job's `permissions:` and secrets so a moved tag can do less";
  if (!ref.empty() && slash != std::string::npos) issue.pin = core::PinTarget{name, repo, ref};
  out.push_back(std::move(issue));
  return out;
}

}  // namespace riskgate::evaluate::pins
