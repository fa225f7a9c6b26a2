#include "app/app.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "app/check_command.h"
#include "app/error_output.h"
#include "app/fix_pins.h"
#include "app/history_command.h"
#include "app/install_hook.h"
#include "app/merge_command.h"
#include "app/policy_commands.h"
#include "app/risk_commands.h"
#include "app/threat_model_commands.h"
#include "report/report.h"

namespace riskgate::app {
namespace {

// --max-file-size: 0 or a negative size would skip every file.
CLI::Validator FileSizeValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::int64_t bytes = 0;
        if (!CLI::detail::lexical_cast(value, bytes) || bytes < 1) {
          return "must be a whole number of bytes, at least 1 (got '" + value + "')";
        }
        return std::string();
      },
      "BYTES");
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App cli{"riskgate: a CI/CD policy gate that decides block, warn or pass"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", std::string(report::ToolVersion()));

  CheckOptions check;
  CLI::App* check_cmd = cli.add_subcommand("check", "Judge a change and decide block/warn/pass");
  auto* staged = check_cmd->add_flag(
      "--staged", check.staged,
      "Judge the index against HEAD (what a pre-commit hook sees). Without a scope flag "
      "the scope is detected: GitHub/GitLab CI ranges, hooks, or "
      "locally the staged changes, else the branch vs upstream");
  auto* worktree = check_cmd->add_flag("--worktree", check.worktree,
                                       "Judge every tracked file as it is on disk");
  auto* base = check_cmd->add_option("--base", check.base,
                                     "Judge every commit in BASE..HEAD plus the net diff");
  check_cmd->add_option("--head", check.head, "The head of the range (default HEAD)");
  staged->excludes(worktree)->excludes(base);
  worktree->excludes(base);
  check_cmd->add_option("--repo", check.repo,
                        "Repository folder (default: as git finds it from the environment)");
  check_cmd->add_option("--policy", check.policy,
                        "Policy file (default: .riskgate.yaml at the repository root, else the "
                        "built-in default policy)");
  auto* format_option =
      check_cmd->add_option("--format", check.formats,
                            "Output format: " + std::string(report::FormatNames()) +
                                "; repeat with --output for several");
  auto* output_option = check_cmd->add_option(
      "--output", check.outputs,
      "Write the matching --format to this file (atomically); '-' for stdout");
  check_cmd->add_flag("--all-findings", check.all_findings,
                      "Also report findings on lines the change did not add (as pass)");
  check_cmd->add_flag("--dry-run", check.dry_run,
                      "Print the decision but exit 0 unless there is an error");
  check_cmd
      ->add_option("--max-file-size", check.max_file_bytes,
                   "Files larger than this many bytes are not scanned (each one is an "
                   "unscanned-file finding)")
      ->check(FileSizeValidator());
  check_cmd
      ->add_option("--warn-exit-code", check.warn_exit_code,
                   "Exit with this code (3-125) when the decision is warn; default 0")
      ->check(CLI::Range(3, 125));
  check_cmd
      ->add_option("--timeout", check.timeout_seconds,
                   "Wall-clock budget in seconds; a run that does not finish in time fails "
                   "closed with exit 2 and says what it had covered")
      ->check(CLI::PositiveNumber);
  check_cmd
      ->add_option("--pr", check.pull_request,
                   "Pull request number (GitHub) or merge request IID (GitLab) whose approvals "
                   "the reviews control reads (default: from the CI environment)")
      ->check(CLI::PositiveNumber);
  check_cmd->add_option("--forge-project", check.forge_project,
                        "OWNER/REPO on GitHub, or the project id or path on GitLab (default: "
                        "GITHUB_REPOSITORY / CI_PROJECT_ID)");
  check_cmd->add_option("--color", check.color, "Colour: auto, always, never")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, ColorMode>{{"auto", ColorMode::kAuto},
                                                                   {"always", ColorMode::kAlways},
                                                                   {"never", ColorMode::kNever}},
                                  CLI::ignore_case));

  HistoryOptions history;
  CLI::App* history_cmd = cli.add_subcommand(
      "history",
      "Audit every commit reachable from all refs for secrets (and custom content rules): one "
      "finding per secret, with the commit that introduced it and whether HEAD still has it");
  history_cmd->add_option("PATH", history.repo,
                          "Repository folder (default: as git finds it from the environment)");
  history_cmd->add_option("--branch", history.branches,
                          "Walk from this branch or revision instead of every ref (repeatable)");
  history_cmd->add_option("--since", history.since,
                          "Only commits committed on or after this day (YYYY-MM-DD, UTC)");
  history_cmd->add_option("--until", history.until,
                          "Only commits committed on or before this day (YYYY-MM-DD, UTC)");
  history_cmd->add_option("--max-commits", history.max_commits, "Only the newest N commits")
      ->check(CLI::PositiveNumber);
  history_cmd->add_option("--shard", history.shard,
                          "Judge shard K of N (K/N): N jobs with K = 1..N cover every commit "
                          "once; join their JSON reports with `riskgate merge`");
  history_cmd->add_option("--policy", history.policy,
                          "Policy file (default: .riskgate.yaml at the repository root, else "
                          "the built-in default policy)");
  auto* history_format =
      history_cmd->add_option("--format", history.formats,
                              "Output format: " + std::string(report::FormatNames()) +
                                  "; repeat with --output for several");
  auto* history_output = history_cmd->add_option(
      "--output", history.outputs,
      "Write the matching --format to this file (atomically); '-' for stdout");
  history_cmd->add_option("--jobs", history.jobs, "Worker threads (default: every core)")
      ->check(CLI::Range(1, 256));
  history_cmd
      ->add_option("--max-file-size", history.max_file_bytes,
                   "Blobs larger than this many bytes are not scanned (each one is an "
                   "unscanned-file finding)")
      ->check(FileSizeValidator());
  history_cmd
      ->add_option("--progress", history.progress,
                   "Progress line on stderr: auto (on a terminal, not in CI), always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ProgressMode>{{"auto", ProgressMode::kAuto},
                                              {"always", ProgressMode::kAlways},
                                              {"never", ProgressMode::kNever}},
          CLI::ignore_case));
  history_cmd->add_flag("--dry-run", history.dry_run,
                        "Print the decision but exit 0 unless there is an error");
  history_cmd
      ->add_option("--warn-exit-code", history.warn_exit_code,
                   "Exit with this code (3-125) when the decision is warn; default 0")
      ->check(CLI::Range(3, 125));
  history_cmd
      ->add_option("--timeout", history.timeout_seconds,
                   "Wall-clock budget in seconds; past it the run fails closed with exit 2")
      ->check(CLI::PositiveNumber);
  history_cmd->add_option("--color", history.color, "Colour: auto, always, never")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, ColorMode>{{"auto", ColorMode::kAuto},
                                                                   {"always", ColorMode::kAlways},
                                                                   {"never", ColorMode::kNever}},
                                  CLI::ignore_case));

  MergeOptions merge;
  CLI::App* merge_cmd = cli.add_subcommand(
      "merge",
      "Join the JSON or SARIF reports of `history --shard K/N` jobs into one report and decision");
  merge_cmd->add_option("REPORT", merge.inputs, "The shards' reports (every K of N once)")
      ->required();
  auto* merge_format =
      merge_cmd->add_option("--format", merge.formats,
                            "Output format: " + std::string(report::FormatNames()) +
                                "; repeat with --output for several");
  auto* merge_output = merge_cmd->add_option(
      "--output", merge.outputs,
      "Write the matching --format to this file (atomically); '-' for stdout");
  merge_cmd->add_flag("--dry-run", merge.dry_run,
                      "Print the decision but exit 0 unless there is an error");
  merge_cmd
      ->add_option("--warn-exit-code", merge.warn_exit_code,
                   "Exit with this code (3-125) when the decision is warn; default 0")
      ->check(CLI::Range(3, 125));

  InstallHookOptions hook;
  CLI::App* hook_cmd =
      cli.add_subcommand("install-hook", "Write a git pre-commit hook that runs check --staged");
  hook_cmd->add_option("--repo", hook.repo, "Repository folder");
  hook_cmd->add_flag("--force", hook.force, "Replace a pre-commit hook riskgate did not write");

  WaiveOptions waive;
  CLI::App* waive_cmd = cli.add_subcommand(
      "waive", "Accept the risk of one finding: append a waiver the policy allows");
  waive_cmd->add_option("FINGERPRINT", waive.fingerprint, "The finding's fingerprint")->required();
  waive_cmd->add_option("--owner", waive.owner, "Who owns the risk")->required();
  waive_cmd->add_option("--approver", waive.approver, "Who accepts it (needs authority)")
      ->required();
  waive_cmd->add_option("--reason", waive.reason, "Why the risk is acceptable")->required();
  waive_cmd->add_option("--expires", waive.expires, "Last day it applies (YYYY-MM-DD)")->required();
  waive_cmd->add_option("--id", waive.id, "Waiver id (default: rule-fingerprint prefix)");
  waive_cmd->add_option("--ticket", waive.ticket, "Tracking ticket");
  waive_cmd->add_option("--mitigation", waive.mitigation, "What reduces the risk meanwhile");
  waive_cmd->add_option("--repo", waive.repo, "Repository folder");
  waive_cmd->add_option("--policy", waive.policy, "Policy file");

  WaiversOptions register_options;
  CLI::App* waivers_cmd =
      cli.add_subcommand("waivers", "List every waiver: age, days to expiry, severity and status");
  waivers_cmd->add_option("--format", register_options.format, "text, json or markdown");
  waivers_cmd->add_option("--repo", register_options.repo, "Repository folder");
  waivers_cmd->add_option("--policy", register_options.policy, "Policy file");

  BaselineOptions baseline;
  CLI::App* baseline_cmd =
      cli.add_subcommand("baseline", "Record the working tree's findings so only new ones gate");
  baseline_cmd->add_option("--output", baseline.output,
                           "Where to write (default .riskgate/baseline.json)");
  baseline_cmd->add_option("--repo", baseline.repo, "Repository folder");
  baseline_cmd->add_option("--policy", baseline.policy, "Policy file");

  FixPinsOptions fix_pins;
  CLI::App* fix_cmd = cli.add_subcommand("fix", "Apply the fix remedy of a control");
  fix_cmd->require_subcommand(1);
  CLI::App* fix_pins_cmd = fix_cmd->add_subcommand(
      "pins",
      "Pin every action used by tag or branch to its commit SHA (GitHub API; "
      "RISKGATE_GITHUB_TOKEN or GITHUB_TOKEN), rewriting workflow files in place");
  fix_pins_cmd->add_option("--repo", fix_pins.repo, "Repository folder");
  fix_pins_cmd->add_option("--policy", fix_pins.policy, "Policy file");
  fix_pins_cmd->add_flag("--dry-run", fix_pins.dry_run, "Print the new pins, change no file");

  ThreatModelOptions model;
  CLI::App* model_cmd =
      cli.add_subcommand("threat-model", "Threat models of the policy's components");
  model_cmd->require_subcommand(1);
  CLI::App* model_init = model_cmd->add_subcommand(
      "init", "Write a skeleton Markdown threat model for a component (never overwrites)");
  model_init->add_option("COMPONENT", model.component, "The component's name in the policy")
      ->required();
  CLI::App* model_status = model_cmd->add_subcommand(
      "status", "Every component's threat model: age, missing parts, open residual risks");
  model_status->add_option("--format", model.format, "text or json");
  for (CLI::App* sub : {model_init, model_status}) {
    sub->add_option("--repo", model.repo, "Repository folder");
    sub->add_option("--policy", model.policy, "Policy file");
  }

  PolicyCommandOptions policy_options;
  CLI::App* policy_cmd = cli.add_subcommand("policy", "Check and show the policy itself");
  policy_cmd->require_subcommand(1);
  CLI::App* validate_cmd = policy_cmd->add_subcommand(
      "validate", "Load and check a policy (and the waivers) without scanning; exit 2 on problems");
  validate_cmd->add_option("FILE", policy_options.policy,
                           "Policy file (default: .riskgate.yaml at the repository root)");
  CLI::App* show_cmd = policy_cmd->add_subcommand(
      "show", "Print the effective policy: extends resolved, each setting with its file and line");
  show_cmd->add_option("--format", policy_options.format, "yaml (text) or json");
  CLI::App* explain_cmd = cli.add_subcommand(
      "explain", "What a rule is for, what it matches, what it decides here and its remedies");
  explain_cmd->add_option("RULE_ID", policy_options.rule, "The rule's id")->required();
  explain_cmd->add_option("--format", policy_options.format, "text or json");
  for (CLI::App* sub : {validate_cmd, show_cmd, explain_cmd}) {
    sub->add_option("--repo", policy_options.repo, "Repository folder");
  }
  for (CLI::App* sub : {show_cmd, explain_cmd}) {
    sub->add_option("--policy", policy_options.policy, "Policy file");
  }

  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    return Fail(std::string(e.what()) + "\nRun `riskgate --help` or `riskgate check --help`.");
  }
  if (check_cmd->parsed()) {
    int formats_seen = 0;
    for (const CLI::Option* option : check_cmd->parse_order()) {
      if (option == format_option) ++formats_seen;
      if (option == output_option) check.output_format.push_back(formats_seen - 1);
    }
    check.resolve_pins = true;
    return RunCheck(check);
  }
  if (history_cmd->parsed()) {
    int formats_seen = 0;
    for (const CLI::Option* option : history_cmd->parse_order()) {
      if (option == history_format) ++formats_seen;
      if (option == history_output) history.output_format.push_back(formats_seen - 1);
    }
    return RunHistory(history);
  }
  if (merge_cmd->parsed()) {
    int formats_seen = 0;
    for (const CLI::Option* option : merge_cmd->parse_order()) {
      if (option == merge_format) ++formats_seen;
      if (option == merge_output) merge.output_format.push_back(formats_seen - 1);
    }
    return RunMerge(merge);
  }
  if (hook_cmd->parsed()) return RunInstallHook(hook);
  if (waive_cmd->parsed()) return RunWaive(waive);
  if (waivers_cmd->parsed()) return RunWaivers(register_options);
  if (baseline_cmd->parsed()) return RunBaseline(baseline);
  if (fix_pins_cmd->parsed()) return RunFixPins(fix_pins);
  if (model_init->parsed()) return RunThreatModelInit(model);
  if (model_status->parsed()) return RunThreatModelStatus(model);
  if (validate_cmd->parsed()) return RunPolicyValidate(policy_options);
  if (show_cmd->parsed()) return RunPolicyShow(policy_options);
  if (explain_cmd->parsed()) return RunExplain(policy_options);
  return Fail("no command given: run `riskgate check` (see `riskgate --help`)");
}

}  // namespace riskgate::app
