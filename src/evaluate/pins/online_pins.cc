#include "evaluate/pins/online_pins.h"

#include <algorithm>
#include <array>

#include "core/regex.h"
#include "core/text.h"
#include "evaluate/pins/commit_ref.h"
#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/workflow_document.h"
#include "evaluate/pins/yaml_lines.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// The release a pin's comment names: `v4.2.2`, `tag=v4`, `ratchet:o/r@v4`, `pin@v4.1`.
std::string CommentTag(std::string_view comment) {
  static const core::Regex tagged(
      R"((?:^|[\s:=@])(v?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.-]+)?)(?:$|[\s,;)]))");
  std::array<std::string_view, 2> groups{};
  return tagged.PartialMatch(comment, groups) ? std::string(groups[1]) : std::string();
}

// A ref worth asking GitHub about: git's ref characters, no "..", bounded.
bool PlainRef(std::string_view ref) {
  if (ref.empty() || ref.size() > 200 || ref.find("..") != std::string_view::npos ||
      ref.front() == '/' || ref.back() == '/') {
    return false;
  }
  return std::all_of(ref.begin(), ref.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '/' || c == '+';
  });
}

void AddPin(const Node& uses, const SourceLines& lines, std::vector<ShaPin>& out) {
  if (uses.kind != Node::Kind::kScalar) return;
  const std::string value(core::TrimSpace(uses.scalar));
  if (value.starts_with("./") || value.starts_with("$/") || value.starts_with("docker://")) return;
  const auto at = value.rfind('@');
  if (at == std::string::npos) return;
  const std::string ref = value.substr(at + 1);
  const bool sha = IsFullCommitSha(ref);
  if (!sha && !PlainRef(ref)) return;
  const std::string name = core::AsciiLower(value.substr(0, at));
  const auto slash = name.find('/');
  if (slash == std::string::npos) return;
  const auto second = name.find('/', slash + 1);
  out.push_back({uses.mark.line, uses.mark.column, value, name.substr(0, second),
                 sha ? core::AsciiLower(ref) : std::string(),
                 sha ? CommentTag(lines.TrailingComment(uses.mark.line)) : std::string(),
                 sha ? std::string() : ref});
}

void AddSteps(const Node* steps, const SourceLines& lines, std::vector<ShaPin>& out) {
  if (steps == nullptr) return;
  for (const Node& step : steps->items) {
    if (const Node* uses = step.IsMap() ? step.Find("uses") : nullptr) AddPin(*uses, lines, out);
  }
}

// Numeric parts of a version ("v4.1.2-rc.1" -> 4, 1, 2); empty when it is none.
std::vector<long> Parts(std::string_view version) {
  version = core::TrimSpace(version);
  if (version.starts_with('v') || version.starts_with('V')) version.remove_prefix(1);
  std::vector<long> parts;
  long value = -1;
  for (char c : version) {
    if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value) * 10 + (c - '0');
      if (value > 1000000000) return {};
    } else if (c == '.' && value >= 0) {
      parts.push_back(value);
      value = -1;
    } else {
      break;  // a pre-release or build suffix: compared as the release
    }
  }
  if (value >= 0) parts.push_back(value);
  return parts;
}

int Compare(std::vector<long> a, std::vector<long> b) {
  a.resize(std::max(a.size(), b.size()), 0);
  b.resize(a.size(), 0);
  return a < b ? -1 : (a == b ? 0 : 1);
}

}  // namespace

std::vector<ShaPin> ActionPins(std::string_view text, const std::string& path) {
  std::vector<ShaPin> out;
  const FileKind kind = ClassifyPath(path);
  if (kind != FileKind::kGithubWorkflow && kind != FileKind::kActionMetadata) return out;
  core::Diagnostics diagnostics;
  const auto root = policy::ParseYaml(text, path, diagnostics);
  if (!root || !root->IsMap()) return out;
  const SourceLines lines(text);
  if (const Node* runs = root->Find("runs"); runs != nullptr && runs->IsMap()) {
    AddSteps(runs->Find("steps"), lines, out);
  }
  if (const Node* jobs = root->Find("jobs"); jobs != nullptr && jobs->IsMap()) {
    for (const auto& [id, job] : jobs->fields) {
      if (!job.IsMap()) continue;
      if (const Node* uses = job.Find("uses")) AddPin(*uses, lines, out);
      AddSteps(job.Find("steps"), lines, out);
    }
  }
  return out;
}

std::map<std::string, collect::ActionQuery> PinsToLookUp(
    const std::vector<collect::ChangedFile>& files) {
  std::map<std::string, collect::ActionQuery> out;
  for (const collect::ChangedFile& file : files) {
    for (const ShaPin& pin : ActionPins(file.content, file.path)) {
      const bool added = file.whole_file || std::binary_search(file.added_lines.begin(),
                                                               file.added_lines.end(), pin.line);
      if (!added) continue;
      if (pin.sha.empty()) {
        out[pin.repository].refs.insert(pin.ref);
      } else {
        out[pin.repository].commits.emplace(pin.sha, pin.tag);
      }
    }
  }
  return out;
}

bool VersionInRange(std::string_view version, std::string_view range) {
  const std::vector<long> have = Parts(version);
  if (have.size() < 2) return false;  // none, or a major release alone (`v4` moves)
  bool any = false;
  std::size_t start = 0;
  while (start <= range.size()) {
    std::size_t end = range.find(',', start);
    if (end == std::string_view::npos) end = range.size();
    std::string_view constraint = core::TrimSpace(range.substr(start, end - start));
    start = end + 1;
    if (constraint.empty()) continue;
    std::string_view op;
    for (std::string_view candidate : {">=", "<=", "==", ">", "<", "="}) {
      if (constraint.starts_with(candidate)) {
        op = candidate;
        break;
      }
    }
    const std::vector<long> bound = Parts(constraint.substr(op.size()));
    if (bound.empty()) return false;
    const int c = Compare(have, bound);
    const bool holds = op == ">="   ? c >= 0
                       : op == "<=" ? c <= 0
                       : op == ">"  ? c > 0
                       : op == "<"  ? c < 0
                                    : c == 0;
    if (!holds) return false;
    any = true;
  }
  return any;
}

std::vector<PinIssue> OnlineIssues(const std::vector<ShaPin>& pins,
                                   const collect::PinLookups& lookups) {
  std::vector<PinIssue> out;
  for (const ShaPin& pin : pins) {
    const auto action = lookups.actions.find(pin.repository);
    if (action == lookups.actions.end()) continue;  // not looked up: not a line of the change
    const collect::ActionFacts& facts = action->second;
    const auto commit = pin.sha.empty() ? facts.commits.end() : facts.commits.find(pin.sha);
    if (commit != facts.commits.end() && !commit->second.on_record) {
      out.push_back(
          {"impostor-commit",
           pin.line,
           pin.column,
           "'" + pin.uses + "' names a commit that is not on record in " + pin.repository +
               ": it is neither reachable from its default branch nor the commit of " +
               (pin.tag.empty() ? std::string("a tag the comment names") : "its tag " + pin.tag) +
               ", and GitHub serves any fork's commits under the parent's name",
           "pin the commit of a release of " + pin.repository +
               " (`git ls-remote https://github.com/" + pin.repository + " refs/tags/<tag>`)",
           "",
           {}});
    }
    if (commit != facts.commits.end() && !pin.tag.empty() && commit->second.tag_sha != pin.sha &&
        commit->second.on_record) {
      const std::string now = commit->second.tag_sha;
      out.push_back({"ref-version-mismatch",
                     pin.line,
                     pin.column,
                     "the comment says " + pin.tag + ", but " +
                         (now.empty() ? "no such tag exists in " + pin.repository
                                      : "that tag points at " + now.substr(0, 12) + ", not " +
                                            pin.sha.substr(0, 12)) +
                         ": reviewers and update bots read the wrong release",
                     now.empty() ? "name the release this commit is in the comment"
                                 : "uses: " + pin.uses.substr(0, pin.uses.rfind('@')) + "@" + now +
                                       " # " + pin.tag + "  (or correct the comment)",
                     "",
                     {}});
    }
    if (commit != facts.commits.end() && commit->second.on_record && pin.tag.empty() &&
        facts.tags_listed && !facts.tag_commits.contains(pin.sha)) {
      out.push_back({"stale-action-refs",
                     pin.line,
                     pin.column,
                     "'" + pin.uses + "' is a commit of " + pin.repository +
                         " that no tag points at: no release, so no changelog or advisory "
                         "names it and update bots cannot tell what it is",
                     "pin the commit of a release and name the release in a comment (`uses: " +
                         pin.uses.substr(0, pin.uses.rfind('@')) + "@<sha> # v<x.y.z>`)",
                     "",
                     {}});
    }
    if (const auto ref = pin.ref.empty() ? facts.refs.end() : facts.refs.find(pin.ref);
        ref != facts.refs.end() && ref->second.branch && ref->second.tag) {
      out.push_back({"ref-confusion",
                     pin.line,
                     pin.column,
                     "'" + pin.ref + "' is both a branch and a tag of " + pin.repository +
                         ": whoever can push a branch of that name decides what this step runs",
                     "pin the commit the tag points at: `uses: " +
                         pin.uses.substr(0, pin.uses.rfind('@')) + "@<sha> # " + pin.ref + "`",
                     "",
                     {}});
    }
    if (facts.archived) {
      out.push_back({"archived-uses",
                     pin.line,
                     pin.column,
                     pin.repository +
                         " is archived: its owners publish no more fixes, security ones "
                         "included",
                     "replace it with a maintained action, or the step with a run: script",
                     "fork it into your organisation and pin the fork",
                     {}});
    }
    const std::string version = pin.sha.empty() ? pin.ref : pin.tag;
    for (const collect::ActionAdvisory& advisory : facts.advisories) {
      if (!VersionInRange(version, advisory.vulnerable_range)) continue;
      out.push_back({"known-vulnerable-actions",
                     pin.line,
                     pin.column,
                     pin.repository + " " + version + " is affected by " + advisory.id + " (" +
                         core::EscapeForDisplay(advisory.summary.substr(0, 160)) + "; vulnerable " +
                         advisory.vulnerable_range + ")",
                     advisory.patched.empty()
                         ? "replace the action: no patched release is published"
                         : "pin the commit of " + advisory.patched +
                               " or later (with its "
                               "release in a comment)",
                     "",
                     {}});
    }
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
