#include <map>
#include <string_view>

#include "core/field_reader.h"
#include "core/path_glob.h"
#include "policy/reviews_control.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {
namespace {

template <typename E>
std::optional<E> Choice(core::FieldReader& reader, const core::Node& map, std::string_view key,
                        std::string_view parent, const std::map<std::string, E>& choices) {
  const auto value = reader.String(map, key, parent, core::Need::kOptional);
  if (!value) return std::nullopt;
  if (auto it = choices.find(*value); it != choices.end()) return it->second;
  std::string allowed;
  for (const auto& [name, e] : choices) allowed += (allowed.empty() ? "" : ", ") + name;
  reader.Report(*map.Find(key), core::JoinField(parent, key),
                "'" + *value + "' is not one of: " + allowed);
  return std::nullopt;
}

std::optional<int> Count(core::FieldReader& reader, const core::Node& map, std::string_view key,
                         std::string_view parent, int low, int high) {
  const auto value = reader.Integer(map, key, parent, core::Need::kOptional);
  if (!value) return std::nullopt;
  if (*value < low || *value > high) {
    reader.Report(*map.Find(key), core::JoinField(parent, key),
                  "expected a number from " + std::to_string(low) + " to " + std::to_string(high));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<double> Seconds(core::FieldReader& reader, const core::Node& map,
                              std::string_view key, std::string_view parent) {
  const auto value = reader.Number(map, key, parent, core::Need::kOptional);
  if (!value) return std::nullopt;
  if (!(*value > 0 && *value <= 3600)) {
    reader.Report(*map.Find(key), core::JoinField(parent, key),
                  "expected a number of seconds above 0 and at most 3600");
    return std::nullopt;
  }
  return *value;
}

// An API base URL: https, or http to a loopback address (a token never crosses a network in
// clear text).
void ReadUrl(core::FieldReader& reader, const core::Node& map, std::string_view key,
             std::string_view parent, std::string& out) {
  const auto value = reader.String(map, key, parent, core::Need::kOptional);
  if (!value) return;
  if (!value->starts_with("https://") && !value->starts_with("http://127.0.0.1") &&
      !value->starts_with("http://localhost") && !value->starts_with("http://[::1]")) {
    reader.Report(*map.Find(key), core::JoinField(parent, key),
                  "expected an https:// URL (plain http only to a loopback address)");
    return;
  }
  out = *value;
}

void ReadForge(const core::Node& node, core::FieldReader& reader, ForgeSettings& forge) {
  const std::string field = "controls.reviews.forge";
  if (!reader.ExpectMap(node, field,
                        {"github_api_url", "gitlab_api_url", "timeout_seconds", "retries",
                         "max_retry_wait_seconds"})) {
    return;
  }
  ReadUrl(reader, node, "github_api_url", field, forge.github_api_url);
  ReadUrl(reader, node, "gitlab_api_url", field, forge.gitlab_api_url);
  if (auto s = Seconds(reader, node, "timeout_seconds", field)) forge.timeout_seconds = *s;
  if (auto s = Seconds(reader, node, "max_retry_wait_seconds", field)) {
    forge.max_retry_wait_seconds = *s;
  }
  if (auto n = Count(reader, node, "retries", field, 0, 10)) forge.retries = *n;
}

void ReadGlobs(core::FieldReader& reader, const core::Node& node, std::string_view field,
               std::vector<std::string>& out) {
  const auto globs = reader.StringList(node, "paths", field, core::Need::kRequired);
  if (!globs) return;
  const core::Node& list = *node.Find("paths");
  for (std::size_t i = 0; i < globs->size(); ++i) {
    if (auto error = core::PathGlobError((*globs)[i])) {
      reader.Report(list.items[i], core::IndexField(core::JoinField(field, "paths"), i), *error);
      continue;
    }
    out.push_back((*globs)[i]);
  }
}

void ReadPaths(const core::Node& node, core::FieldReader& reader,
               std::vector<PathRequirement>& out) {
  const std::string field = "controls.reviews.paths";
  if (!reader.ExpectList(node, field)) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const core::Node& item = node.items[i];
    const std::string ifield = core::IndexField(field, i);
    if (!reader.ExpectMap(item, ifield, {"paths", "min_approvals", "code_owners"})) continue;
    PathRequirement requirement;
    requirement.line = item.mark.line;
    ReadGlobs(reader, item, ifield, requirement.paths);
    requirement.min_approvals = Count(reader, item, "min_approvals", ifield, 0, 100);
    requirement.code_owners = reader.Bool(item, "code_owners", ifield, core::Need::kOptional);
    out.push_back(std::move(requirement));
  }
}

void ReadTeams(const core::Node& node, core::FieldReader& reader,
               std::map<std::string, std::vector<std::string>>& out) {
  const std::string field = "controls.reviews.teams";
  if (node.kind != core::Node::Kind::kMap) {
    reader.Report(node, field, "expected a map of '@org/team' to a list of members");
    return;
  }
  for (std::size_t i = 0; i < node.fields.size(); ++i) {
    const auto& [team, members] = node.fields[i];
    const std::string tfield = core::JoinField(field, team);
    if (!team.starts_with('@') || team.find('/') == std::string::npos) {
      reader.Report(node.key_marks[i], tfield, "a team is written '@org/team'");
      continue;
    }
    if (members.kind != core::Node::Kind::kSequence) {
      reader.Report(members, tfield, "expected a list of members (user names or emails)");
      continue;
    }
    std::vector<std::string> names;
    for (std::size_t m = 0; m < members.items.size(); ++m) {
      if (auto name = reader.AsString(members.items[m], core::IndexField(tfield, m))) {
        names.push_back(*name);
      }
    }
    out[team] = std::move(names);
  }
}

}  // namespace

void LoadReviewsControl(const core::Node* node, core::FieldReader& reader,
                        ReviewsControl& reviews) {
  if (node == nullptr) return;
  const std::string field = "controls.reviews";
  if (!reader.ExpectMap(*node, field,
                        {"enabled", "source", "min_approvals", "code_owners", "codeowners",
                         "count_author", "count_committers", "count_bots", "stale_approvals",
                         "on_error", "severity", "paths", "teams", "forge"})) {
    return;
  }
  reviews.enabled = reader.Bool(*node, "enabled", field, core::Need::kOptional).value_or(true);
  if (auto source = Choice<ReviewSource>(reader, *node, "source", field,
                                         {{"auto", ReviewSource::kAuto},
                                          {"github", ReviewSource::kGithub},
                                          {"gitlab", ReviewSource::kGitlab},
                                          {"trailers", ReviewSource::kTrailers}})) {
    reviews.source = *source;
  }
  if (auto n = Count(reader, *node, "min_approvals", field, 0, 100)) reviews.min_approvals = *n;
  if (auto b = reader.Bool(*node, "code_owners", field, core::Need::kOptional))
    reviews.code_owners = *b;
  if (auto mode = Choice<CodeownersMode>(reader, *node, "codeowners", field,
                                         {{"auto", CodeownersMode::kAuto},
                                          {"github", CodeownersMode::kGithub},
                                          {"gitlab", CodeownersMode::kGitlab},
                                          {"off", CodeownersMode::kOff}})) {
    reviews.codeowners = *mode;
  }
  if (auto b = reader.Bool(*node, "count_author", field, core::Need::kOptional)) {
    reviews.count_author = *b;
  }
  if (auto b = reader.Bool(*node, "count_committers", field, core::Need::kOptional)) {
    reviews.count_committers = *b;
  }
  if (auto b = reader.Bool(*node, "count_bots", field, core::Need::kOptional))
    reviews.count_bots = *b;
  if (auto stale = Choice<StaleApprovals>(
          reader, *node, "stale_approvals", field,
          {{"dismiss", StaleApprovals::kDismiss}, {"count", StaleApprovals::kCount}})) {
    reviews.stale_approvals = *stale;
  }
  if (auto failure =
          Choice<ForgeFailure>(reader, *node, "on_error", field,
                               {{"fail", ForgeFailure::kFail}, {"block", ForgeFailure::kBlock}})) {
    reviews.on_error = *failure;
  }
  if (auto severity = reader.SeverityValue(*node, "severity", field, core::Need::kOptional)) {
    reviews.severity = *severity;
  }
  if (const core::Node* paths = node->Find("paths")) ReadPaths(*paths, reader, reviews.paths);
  if (const core::Node* teams = node->Find("teams")) ReadTeams(*teams, reader, reviews.teams);
  if (const core::Node* forge = node->Find("forge")) ReadForge(*forge, reader, reviews.forge);
}

}  // namespace riskgate::policy
