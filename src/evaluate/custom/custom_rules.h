// Stage 3 (evaluate): one function per custom rule kind, shared by custom_evaluator.cc.
#pragma once

#include <string>
#include <vector>

#include "collect/facts.h"
#include "core/finding.h"
#include "policy/policy.h"

namespace riskgate::evaluate::custom {

// A finding of `rule` at `path:line:column`, fingerprinted by what it is about (`subject`:
// the matched text, the path, the commit), never by line numbers.
core::Finding MakeFinding(const policy::CustomRule& rule, std::string message, std::string path,
                          int line, int column, const std::string& subject);

void ForbidContent(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                   std::vector<core::Finding>& out);
// forbid_content on every line of one fragment (a whole file in audits and history).
void ForbidContentIn(const policy::CustomRule& rule, const collect::Fragment& fragment,
                     std::vector<core::Finding>& out);
// Whether some line of `text` can match the rule (false rules the whole text out).
bool MayForbid(const policy::CustomRule& rule, std::string_view text);
void CommitMessage(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                   std::vector<core::Finding>& out);
void ForbidPath(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                std::vector<core::Finding>& out);
void RequirePath(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                 std::vector<core::Finding>& out);
void RequireChange(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                   std::vector<core::Finding>& out);
void RestrictChange(const policy::CustomRule& rule, const collect::ChangeFacts& facts,
                    const policy::Policy& policy, std::vector<core::Finding>& out);

}  // namespace riskgate::evaluate::custom
