#include "app/commands.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "app/check_command.h"
#include "app/cli_flags.h"
#include "app/completion_scripts.h"
#include "app/fix_pins.h"
#include "app/history_command.h"
#include "app/install_hook.h"
#include "app/ledger_commands.h"
#include "app/merge_command.h"
#include "app/policy_commands.h"
#include "app/risk_commands.h"
#include "app/threat_model_commands.h"

namespace riskgate::app {
namespace {

using Declare = std::function<int()> (*)(CLI::App& command);

// Holds a command's options for as long as the parsed command line needs them.
template <typename Options>
std::shared_ptr<Options> Held() {
  return std::make_shared<Options>();
}

std::function<int()> DeclareCheck(CLI::App& command) {
  auto options = Held<CheckOptions>();
  CheckOptions& o = *options;
  auto* staged = command.add_flag(
      "--staged", o.judge.staged,
      "Judge the index against HEAD (what a pre-commit hook sees). Without a scope flag "
      "the scope is detected: GitHub/GitLab CI ranges, hooks, or "
      "locally the staged changes, else the branch vs upstream");
  auto* worktree =
      command.add_flag("--worktree,--all-files", o.judge.worktree,
                       "Judge every tracked file as it is on disk (--all-files: the same)");
  auto* base = command.add_option("--base", o.judge.base,
                                  "Judge every commit in BASE..HEAD plus the net diff");
  command.add_option("--head", o.judge.head, "The head of the range (default HEAD)");
  staged->excludes(worktree)->excludes(base);
  worktree->excludes(base);
  command
      .add_option("FILE", o.judge.files,
                  "Files to judge as they are on disk when they reach beyond the staged change "
                  "(what pre-commit passes: `pre-commit run --all-files`); a commit's staged "
                  "change and a pushed range are judged whole whatever is named")
      ->excludes(staged)
      ->excludes(base);
  AddRepoOption(command, o.judge.repo);
  AddPolicyOption(command, o.judge.policy);
  AddReportFlags(command, o.report);
  command.add_flag("--all-findings", o.judge.all_findings,
                   "Also report findings on lines the change did not add (as pass)");
  AddMaxFileSize(command, o.judge.max_file_bytes, "Files");
  AddTimeBudget(command, o.timeout_seconds,
                "Wall-clock budget in seconds; a run that does not finish in time fails "
                "closed with exit 2 and says what it had covered");
  command
      .add_option("--pr", o.judge.pull_request,
                  "Pull request number (GitHub) or merge request IID (GitLab) whose approvals "
                  "the reviews control reads (default: from the CI environment)")
      ->check(CLI::PositiveNumber);
  command.add_option("--forge-project", o.judge.forge_project,
                     "OWNER/REPO on GitHub, or the project id or path on GitLab (default: "
                     "GITHUB_REPOSITORY / CI_PROJECT_ID)");
  return [options] {
    options->judge.resolve_pins = true;
    options->judge.dry_run = options->report.dry_run;
    return RunCheck(*options);
  };
}

std::function<int()> DeclareHistory(CLI::App& command) {
  auto options = Held<HistoryOptions>();
  HistoryOptions& o = *options;
  command.add_option("PATH", o.repo,
                     "Repository folder (default: as git finds it from the environment)");
  command.add_option("--branch", o.branches,
                     "Walk from this branch or revision instead of every ref (repeatable)");
  command.add_option("--since", o.since,
                     "Only commits committed on or after this day (YYYY-MM-DD, UTC)");
  command.add_option("--until", o.until,
                     "Only commits committed on or before this day (YYYY-MM-DD, UTC)");
  command.add_option("--max-commits", o.max_commits, "Only the newest N commits")
      ->check(CLI::PositiveNumber);
  command.add_option("--shard", o.shard,
                     "Judge shard K of N (K/N): N jobs with K = 1..N cover every commit "
                     "once; join their JSON reports with `riskgate merge`");
  AddPolicyOption(command, o.policy);
  AddReportFlags(command, o.report);
  command.add_option("--jobs", o.jobs, "Worker threads (default: every core)")
      ->check(CLI::Range(1, 256));
  AddMaxFileSize(command, o.max_file_bytes, "Blobs");
  command
      .add_option("--progress", o.progress,
                  "Progress line on stderr: auto (on a terminal, not in CI), always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ProgressMode>{{"auto", ProgressMode::kAuto},
                                              {"always", ProgressMode::kAlways},
                                              {"never", ProgressMode::kNever}},
          CLI::ignore_case));
  AddTimeBudget(command, o.timeout_seconds,
                "Wall-clock budget in seconds; past it the run fails closed with exit 2");
  return [options] { return RunHistory(*options); };
}

std::function<int()> DeclareMerge(CLI::App& command) {
  auto options = Held<MergeOptions>();
  command.add_option("REPORT", options->inputs, "The shards' reports (every K of N once)")
      ->required();
  AddReportFlags(command, options->report);
  return [options] { return RunMerge(*options); };
}

std::function<int()> DeclareLedgerIngest(CLI::App& command) {
  auto options = Held<LedgerIngestOptions>();
  command
      .add_option("REPORT", options->inputs,
                  "riskgate JSON reports (check, history, merge, waivers, threat-model "
                  "status), or folders of CI artifacts to search for them (*.json)")
      ->required();
  command.add_option("--db", options->db, "The ledger's SQLite file (created when missing)")
      ->capture_default_str();
  command.add_option("--repository", options->repository,
                     "Repository name for reports that name none (runs outside CI without an "
                     "origin remote)");
  return [options] { return RunLedgerIngest(*options); };
}

std::function<int()> DeclareLedgerSchema(CLI::App& /*command*/) {
  return [] { return RunLedgerSchema(); };
}

std::function<int()> DeclareDashboard(CLI::App& command) {
  auto options = Held<DashboardOptions>();
  command.add_option("--db", options->db, "The ledger's SQLite file")->capture_default_str();
  command.add_option("--format", options->format, "html, markdown, json, csv or openmetrics")
      ->capture_default_str();
  command.add_option("--output,-o", options->output, "Where to write it ('-': standard output)")
      ->capture_default_str();
  return [options] { return RunDashboard(*options); };
}

std::function<int()> DeclareInstallHook(CLI::App& command) {
  auto options = Held<InstallHookOptions>();
  AddRepoOption(command, options->repo);
  command.add_flag("--force", options->force, "Replace a pre-commit hook riskgate did not write");
  return [options] { return RunInstallHook(*options); };
}

std::function<int()> DeclareWaive(CLI::App& command) {
  auto options = Held<WaiveOptions>();
  WaiveOptions& o = *options;
  command.add_option("FINGERPRINT", o.waiver.fingerprint, "The finding's fingerprint")->required();
  command.add_option("--owner", o.waiver.owner, "Who owns the risk")->required();
  command.add_option("--approver", o.waiver.approver, "Who accepts it (needs authority)")
      ->required();
  command.add_option("--reason", o.waiver.reason, "Why the risk is acceptable")->required();
  command.add_option("--expires", o.waiver.expires, "Last day it applies (YYYY-MM-DD)")->required();
  command.add_option("--id", o.waiver.id, "Waiver id (default: rule-fingerprint prefix)");
  command.add_option("--ticket", o.waiver.ticket, "Tracking ticket");
  command.add_option("--mitigation", o.waiver.mitigation, "What reduces the risk meanwhile");
  AddRepoOption(command, o.repo);
  AddPolicyOption(command, o.policy);
  return [options] { return RunWaive(*options); };
}

std::function<int()> DeclareWaivers(CLI::App& command) {
  auto options = Held<WaiversOptions>();
  AddListingFormat(command, options->format, "text, json or markdown");
  AddRepoOption(command, options->repo);
  AddPolicyOption(command, options->policy);
  return [options] { return RunWaivers(*options); };
}

std::function<int()> DeclareBaseline(CLI::App& command) {
  auto options = Held<BaselineOptions>();
  command.add_option("--output", options->output,
                     "Where to write (default .riskgate/baseline.json)");
  AddRepoOption(command, options->repo);
  AddPolicyOption(command, options->policy);
  return [options] { return RunBaseline(*options); };
}

std::function<int()> DeclareFixPins(CLI::App& command) {
  auto options = Held<FixPinsOptions>();
  AddRepoOption(command, options->repo);
  AddPolicyOption(command, options->policy);
  command.add_flag("--dry-run", options->dry_run, "Print the new pins, change no file");
  return [options] { return RunFixPins(*options); };
}

std::function<int()> DeclareModelInit(CLI::App& command) {
  auto options = Held<ThreatModelOptions>();
  command.add_option("COMPONENT", options->component, "The component's name in the policy")
      ->required();
  AddRepoOption(command, options->repo);
  AddPolicyOption(command, options->policy);
  return [options] { return RunThreatModelInit(*options); };
}

std::function<int()> DeclareModelStatus(CLI::App& command) {
  auto options = Held<ThreatModelOptions>();
  AddListingFormat(command, options->format, "text or json");
  AddRepoOption(command, options->repo);
  AddPolicyOption(command, options->policy);
  return [options] { return RunThreatModelStatus(*options); };
}

std::function<int()> DeclarePolicyValidate(CLI::App& command) {
  auto options = Held<PolicyCommandOptions>();
  command.add_option("FILE", options->policy,
                     "Policy file (default: .riskgate.yaml at the repository root)");
  AddRepoOption(command, options->repo);
  return [options] { return RunPolicyValidate(*options); };
}

std::function<int()> DeclarePolicyShow(CLI::App& command) {
  auto options = Held<PolicyCommandOptions>();
  AddListingFormat(command, options->format, "yaml (text) or json");
  AddRepoOption(command, options->repo);
  AddPolicyOption(command, options->policy);
  return [options] { return RunPolicyShow(*options); };
}

std::function<int()> DeclareExplain(CLI::App& command) {
  auto options = Held<PolicyCommandOptions>();
  command.add_option("RULE_ID", options->rule, "The rule's id")->required();
  AddListingFormat(command, options->format, "text or json");
  AddRepoOption(command, options->repo);
  AddPolicyOption(command, options->policy);
  return [options] { return RunExplain(*options); };
}

// The command line as the completion scripts need it, read off CLI11's definition.
void Describe(const CLI::App& app, std::vector<std::string> path,
              std::vector<CompletionCommand>& out) {
  CompletionCommand command;
  command.path = path;
  command.help = app.get_description();
  for (const CLI::Option* option : app.get_options()) {
    if (!option->nonpositional()) {
      command.takes_files = true;
      continue;
    }
    CompletionOption described;
    for (const auto& name : option->get_lnames()) described.names.push_back("--" + name);
    for (const auto& name : option->get_snames()) described.names.push_back("-" + name);
    described.help = option->get_description();
    described.takes_value = option->get_expected_max() > 0;  // flags expect 0 values
    command.options.push_back(std::move(described));
  }
  const auto children = app.get_subcommands([](const CLI::App*) { return true; });
  for (const CLI::App* child : children) command.children.push_back(child->get_name());
  out.push_back(std::move(command));
  for (const CLI::App* child : children) {
    path.push_back(child->get_name());
    Describe(*child, path, out);
    path.pop_back();
  }
}

std::function<int()> DeclareCompletion(CLI::App& command) {
  auto shell = std::make_shared<std::string>();
  command.add_option("SHELL", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  return [shell, &command] {
    std::vector<CompletionCommand> commands;
    Describe(*command.get_parent(), {}, commands);
    std::cout << *CompletionScript(*shell, commands) << std::flush;
    return 0;
  };
}

// Commands that only group others (`riskgate fix pins`): each needs one of its rows.
struct Group {
  std::string_view name;
  std::string_view help;
};
constexpr Group kGroups[] = {
    {"fix", "Apply the fix remedy of a control"},
    {"threat-model", "Threat models of the policy's components"},
    {"policy", "Check and show the policy itself"},
    {"ledger", "Record riskgate's reports from many repositories and runs in a risk ledger"},
};

struct Row {
  std::string_view group;  // empty: a top-level command
  std::string_view name;
  std::string_view help;
  Declare declare;
};
constexpr Row kCommands[] = {
    {"", "check", "Judge a change and decide block/warn/pass", DeclareCheck},
    {"", "history",
     "Audit every commit reachable from all refs for secrets (and custom content rules): one "
     "finding per secret, with the commit that introduced it and whether HEAD still has it",
     DeclareHistory},
    {"", "merge",
     "Join the JSON or SARIF reports of `history --shard K/N` jobs into one report and decision",
     DeclareMerge},
    {"", "install-hook", "Write a git pre-commit hook that runs check --staged",
     DeclareInstallHook},
    {"", "waive", "Accept the risk of one finding: append a waiver the policy allows",
     DeclareWaive},
    {"", "waivers", "List every waiver: age, days to expiry, severity and status", DeclareWaivers},
    {"", "baseline", "Record the working tree's findings so only new ones gate", DeclareBaseline},
    {"fix", "pins",
     "Pin every action used by tag or branch to its commit SHA (GitHub API; "
     "RISKGATE_GITHUB_TOKEN or GITHUB_TOKEN), rewriting workflow files in place",
     DeclareFixPins},
    {"threat-model", "init",
     "Write a skeleton Markdown threat model for a component (never overwrites)", DeclareModelInit},
    {"threat-model", "status",
     "Every component's threat model: age, missing parts, open residual risks", DeclareModelStatus},
    {"policy", "validate",
     "Load and check a policy (and the waivers) without scanning; exit 2 on problems",
     DeclarePolicyValidate},
    {"policy", "show",
     "Print the effective policy: extends resolved, each setting with its file and line",
     DeclarePolicyShow},
    {"ledger", "ingest",
     "Record riskgate JSON reports (or folders of CI artifacts) in the ledger; a report "
     "recorded before changes nothing",
     DeclareLedgerIngest},
    {"ledger", "schema",
     "Print the ledger's schema as one SQL script (SQLite and PostgreSQL read it alike)",
     DeclareLedgerSchema},
    {"", "dashboard",
     "The security program's numbers from the ledger: time to remediate, exception aging, "
     "threat-model coverage, secure-default adoption, gate friction",
     DeclareDashboard},
    {"", "explain", "What a rule is for, what it matches, what it decides here and its remedies",
     DeclareExplain},
    {"", "completion",
     "Print the shell completion script for bash, zsh or fish (written from this command line)",
     DeclareCompletion},
};

CLI::App& Parent(CLI::App& root, std::string_view group) {
  if (group.empty()) return root;
  for (CLI::App* existing : root.get_subcommands({})) {
    if (existing->get_name() == group) return *existing;
  }
  for (const Group& g : kGroups) {
    if (g.name != group) continue;
    CLI::App* made = root.add_subcommand(std::string(g.name), std::string(g.help));
    made->require_subcommand(1);
    return *made;
  }
  throw std::logic_error("command table: no group " + std::string(group));
}

}  // namespace

std::vector<Command> DeclareCommands(CLI::App& root) {
  std::vector<Command> out;
  for (const Row& row : kCommands) {
    CLI::App* cli =
        Parent(root, row.group).add_subcommand(std::string(row.name), std::string(row.help));
    out.push_back({cli, row.declare(*cli)});
  }
  return out;
}

}  // namespace riskgate::app
