// Issue 16: report::Render is the one way to a document, and every writer it calls sees copies
// whose strings went through core::RedactSecrets: a credential a finding quotes (in its
// message, path, remedies, pin target, waiver, history or the scope line) is never printed.
#include <catch2/catch.hpp>

#include "report/register.h"
#include "report/report.h"
#include "report_samples.h"

namespace riskgate::report {
namespace {

std::string Token() { return std::string("ghp_") + "R8fK2mQ9xL4vT7wZ1bN6cH3jP5sD0g3PgBH7"; }
std::string Password() { return std::string("hunter2") + "Qz9wplain"; }

core::JudgedFinding Quoting() {
  auto f = testing::SecretFinding("curl-pipe-shell", "deploy/" + Token() + "/run.sh", 3);
  f.control = "pins";
  f.message = "curl -H \"Authorization: Bearer " + Password() + "\" https://x/i.sh | sh";
  f.hints.fix = "npm install git+https://" + Token() + "@github.com/o/r.git";
  f.hints.pin = core::PinTarget{"o/r", "o/r", Token()};
  f.remediation.push_back({core::RemedyKind::kFix, "pin https://ci:" + Password() + "@h/x",
                           "?access_token=" + Password()});
  f.waiver = core::WaiverMark{"w-" + Token(),
                              core::WaiverStatus::kActive,
                              "2026-12-31",
                              "me",
                              "you",
                              "because " + Token(),
                              ".riskgate/waivers.yaml",
                              1};
  core::HistoryTrail trail;
  trail.sightings.push_back(core::Sighting{"abc", "Eve <" + Token() + "@x>", 1, "p/" + Token(), 1});
  f.history = trail;
  return f;
}

}  // namespace

TEST_CASE("every format renders quoted credentials redacted", "[report][redact]") {
  testing::Sample sample({Quoting()});
  sample.scope.detected_by = "range main..feature/" + Token();
  for (const auto format : {Format::kText, Format::kJson, Format::kSarif, Format::kJunit,
                            Format::kGitlab, Format::kGithub, Format::kMarkdown}) {
    const std::string document = Render(format, sample.input(), TextStyle{});
    INFO(document);
    CHECK(document.find(Token()) == std::string::npos);
    CHECK(document.find(Password()) == std::string::npos);
  }
}

TEST_CASE("the waiver register prints no credential its entries quote", "[report][redact]") {
  RegisterEntry entry;
  entry.id = "w-1";
  entry.reason = "accepted, see https://ci:" + Password() + "@tickets.example/1";
  entry.covers = "rule x, path deploy/" + Token();
  entry.owner = Token();
  for (const auto format :
       {RegisterFormat::kText, RegisterFormat::kJson, RegisterFormat::kMarkdown}) {
    const std::string document = WriteRegister(format, {entry}, "2026-12-01");
    INFO(document);
    CHECK(document.find(Token()) == std::string::npos);
    CHECK(document.find(Password()) == std::string::npos);
  }
}

}  // namespace riskgate::report
