// Stage run: the seam every control plugs into. A control is what a policy turns on under
// `controls:` (secrets, pins, reviews, threat_model, custom) or a check the gate always makes
// (unscanned files, the policy guard, waivers). Each one answers the same questions: is it on,
// which facts does it ask collect for, which external facts does it gather (a forge, the git
// history), what does it find (pure, in its evaluate/ folder), how is a rule of it explained,
// and what does `policy show` say about it. A row of the table (control_table.cc) is all the
// pipeline knows about it: adding a control is its folder plus one row.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collect/change_collector.h"
#include "collect/ci_context.h"
#include "collect/facts.h"
#include "collect/git_repository.h"
#include "core/error.h"
#include "core/finding.h"
#include "evaluate/evaluate.h"
#include "evaluate/layout.h"
#include "policy/policy.h"
#include "run/policy_files.h"
#include "run/request.h"

namespace riskgate::run {

// What a control may read while it gathers: the repository, the scope collect read, the
// environment, the caller's request and the policy files of the run (the trusted side's).
struct GatherContext {
  collect::GitRepository& repo;
  const collect::ScopeRequest& scope;
  const collect::EnvReader& env;
  const JudgeRequest& request;
  const PolicyFiles& policy_files;
  long long now = 0;  // seconds since the epoch: the clock, or RISKGATE_NOW
};

// `riskgate explain RULE_ID`: what a rule is for, what it matches, when it applies and how its
// findings are resolved. A control fills in what it knows; the pipeline adds the decision.
struct RuleExplanation {
  std::string id;
  std::string control;  // secrets, pins, custom, reviews, ...
  std::string kind;     // custom rules: forbid_content, ...
  std::string description;
  std::string why;
  std::vector<std::string> matches;  // sentences
  std::string applies = "always";    // "always" or the `when` conditions
  core::Severity severity = core::Severity::kMedium;
  core::Decision decision = core::Decision::kPass;
  // Set when the severity is not the rule's own (a component's tier, a waiver's finding).
  std::string severity_note;
  std::string fix;
  std::string mitigate;
  std::string accept;  // empty: the pipeline describes the waiver that may accept it
  std::string origin;  // where the rule is defined
};

class Control {
 public:
  virtual ~Control() = default;

  // The control's name: its key under `controls:` and the `control` of its findings.
  virtual std::string_view Name() const = 0;

  // Which facts it asks collect for besides the diff: the whole new version of `path` as a
  // document, every file of the judged tree.
  virtual bool WantsDocument(std::string_view /*path*/, const policy::Policy& /*policy*/,
                             const evaluate::RepositoryLayout& /*layout*/) const {
    return false;
  }
  virtual bool WantsTree(const policy::Policy& /*policy*/) const { return false; }
  // What collect may leave out of a change for the control (collect::ScopeRequest's
  // `context_may_find` and `lines_may_find`): collect keeps what some control's test accepts.
  struct CollectTests {
    // Whether a whole-file context (collect::FragmentKind::kContext, with its text) may give
    // the control a finding; none where the control reads no contexts. A control that reads
    // them must give one. Asked by one thread at a time.
    std::function<bool(std::string_view text)> context;
    // Whether lines added to `path` whose new version is `text` may give the control a finding,
    // whichever of its lines they are (collect::FragmentKind::kLines fragments); a file no
    // control's test accepts is not line-diffed. None where the control reads no added lines;
    // a control that reads them must give one. Asked from several threads at once.
    std::function<bool(std::string_view path, std::string_view text)> lines;
  };
  // The tests may keep state (a scanner), shared between them. A file whose lines no control
  // wants gives no context either: a control's `lines` must accept every text its `context`
  // does.
  virtual CollectTests Tests(const policy::Policy& /*policy*/) const { return {}; }

  // The external facts it needs, into `facts` (approvals from a forge, model dates from the
  // trusted history). Called in table order after collect, whether the control is on or not (a
  // policy change needs approvals when the reviews control is off); a failure ends the run.
  virtual core::Result<void> Gather(const policy::Policy& /*policy*/, GatherContext& /*context*/,
                                    collect::ChangeFacts& /*facts*/) const {
    return {};
  }

  // Its findings, without decisions: pure, from the facts and the policy alone.
  virtual evaluate::Evaluation Evaluate(const collect::ChangeFacts& facts,
                                        const policy::Policy& policy,
                                        const evaluate::RepositoryLayout& layout) const = 0;

  // After evaluate, facts for the remedies of its findings among `findings` (never a decision):
  // the pins control looks up the commit an action's tag points at when the run may call the
  // network.
  virtual void RefineRemedies(std::vector<core::Finding>& /*findings*/,
                              const policy::Policy& /*policy*/, GatherContext& /*context*/) const {}

  // Fills `explanation` and returns true when `id` is one of its rules.
  virtual bool Explain(const policy::Policy& /*policy*/, std::string_view /*id*/,
                       RuleExplanation& /*explanation*/) const {
    return false;
  }

  // Whether the policy turns the control on (reports list the controls that are: the ledger's
  // adoption metrics count repositories with reviews on).
  virtual bool On(const policy::Policy& /*policy*/) const { return true; }

  // `policy show`: one comment line of the effective settings ("secrets: on, 195 rules"),
  // followed by any detail lines; empty when it has no setting of its own.
  virtual std::string Summary(const policy::Policy& /*policy*/) const { return ""; }
};

// The controls a run applies, in the order their findings are reported.
using ControlTable = std::span<const Control* const>;

// riskgate's controls (control_table.cc).
ControlTable DefaultControls();

// Every control's findings in table order, with the counters summed.
evaluate::Evaluation EvaluateControls(const collect::ChangeFacts& facts,
                                      const policy::Policy& policy,
                                      const evaluate::RepositoryLayout& layout,
                                      ControlTable controls = DefaultControls());

}  // namespace riskgate::run
