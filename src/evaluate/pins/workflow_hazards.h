// Stage 3 (evaluate): GitHub workflow hazards beyond pinning and injection, each read from the
// parsed workflow alone (no network): re-enabled unsafe workflow commands
// (`insecure-commands`), every secret handed to a called workflow (`secrets-inherit`),
// privileged triggers on their own (`dangerous-trigger`), conditions on a spoofable actor name
// (`bot-conditions`), conditions that are always true (`unsound-condition`), substring tests posing
// as list membership (`unsound-contains`), the checkout's token uploaded with the workspace
// (`artipacked`) and self-hosted runners on events a fork can cause (`self-hosted-runner`).
#pragma once

#include <string_view>
#include <vector>

#include "core/document.h"
#include "evaluate/pins/pin_issue.h"

namespace riskgate::evaluate::pins {

// The hazards of the workflow whose parsed document is `root`.
std::vector<PinIssue> CheckWorkflowHazards(const core::Node& root);
// The same of a composite action's steps (`runs.steps` of an action.yml): their `env:` and
// `if:`.
std::vector<PinIssue> CheckActionHazards(const core::Node& root);

// Whether an `if:` condition (with or without `${{ }}`) decides on the actor's login being a
// bot's, which whoever triggers the event controls (`github.actor == 'dependabot[bot]'`).
bool ComparesBotActor(std::string_view condition);
// Whether an `if:` holding `${{ }}` has anything besides one expression (text before or after
// it, a block scalar's trailing newline, a second expression): GitHub then evaluates it as a
// string, which is always true.
bool AlwaysTrue(std::string_view condition);
// Whether a condition tests membership with contains() of a string literal and a context value
// (`contains('refs/heads/main refs/heads/dev', github.ref)`): a substring test, so a ref named
// `mai` passes.
bool UnsoundContains(std::string_view condition);

}  // namespace riskgate::evaluate::pins
