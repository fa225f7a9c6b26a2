// Stage run: one judgement of a repository: open it, choose the scope, load the policy, waivers and
// baseline (from the base commit in range mode), collect the change, evaluate and decide. The
// commands built on it (check, waive, waivers, baseline) differ only in what they do after.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collect/facts.h"
#include "collect/git_repository.h"
#include "core/date.h"
#include "core/error.h"
#include "core/scope.h"
#include "decide/decide.h"
#include "run/control.h"
#include "run/request.h"
#include "run/risk_inputs.h"

namespace riskgate::run {

struct Judgement {
  std::unique_ptr<collect::GitRepository> repo;
  RiskInputs inputs;
  core::Day today = 0;
  collect::ChangeFacts facts;
  decide::Verdict verdict;
  core::RunIdentity run;                 // which repository and change, and when (reports' "run")
  std::vector<std::string> controls_on;  // names of the controls the policy turns on
  // Worktree audits with the pins control on: the pipeline files' secure defaults.
  std::optional<core::SecureDefaults> secure_defaults = std::nullopt;
};

// The scope the flags ask for, nullopt to detect it, or an error for contradicting flags.
core::Result<std::optional<core::ScanMode>> ExplicitMode(const JudgeRequest& options);

// Judges with `controls` (riskgate's own table unless a test passes another).
core::Result<Judgement> JudgeChange(const JudgeRequest& options,
                                    ControlTable controls = DefaultControls());

// Now in Unix seconds: noon of RISKGATE_NOW's day when tests set it, else the system clock.
long long NowSeconds();

// Today, from RISKGATE_NOW (YYYY-MM-DD or RFC 3339; tests set it) or the system clock.
core::Result<core::Day> Today();

}  // namespace riskgate::run
