#include "evaluate/threat_model/threat_model_evaluator.h"

#include <algorithm>

#include "core/date.h"
#include "core/path_glob.h"
#include "core/text.h"
#include "evaluate/reviews/approvals.h"
#include "evaluate/threat_model/freshness.h"
#include "evaluate/threat_model/model_document.h"

namespace riskgate::evaluate::threat_model {
namespace {

const policy::Component* FindComponent(const policy::ThreatModelControl& control,
                                       const std::string& name) {
  for (const auto& c : control.components) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string List(const std::vector<std::string>& items, std::size_t max = 5) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) {
    out += (i == 0 ? "" : ", ") + core::EscapeForDisplay(items[i]);
  }
  if (items.size() > max) out += " and " + std::to_string(items.size() - max) + " more";
  return out;
}

// Who approved the change and whose approvals count; `judged` is false where no approval is
// judged (staged changes, audits).
struct Approvals {
  const collect::ReviewFacts& reviews;
  const policy::ReviewsControl& control;
  bool judged = false;
};

class ComponentJudge {
 public:
  ComponentJudge(const collect::ComponentFacts& facts, const policy::Component& component,
                 const policy::ThreatModelControl& control, long long change_time,
                 const Approvals& approvals, std::vector<core::Finding>& out)
      : facts_(facts),
        component_(component),
        control_(control),
        now_(change_time),
        approvals_(approvals),
        out_(out) {}

  void Run() {
    Deleted();
    if (facts_.models_only) {
      RunModelsOnly();
      return;
    }
    std::vector<const collect::ModelFile*> present;
    for (const auto& model : facts_.models) {
      if (model.content) present.push_back(&model);
    }
    if (present.empty()) {
      auto& f = Add("threat-model-missing",
                    "component '" + component_.name + "' (" +
                        std::string(policy::RiskTierName(component_.tier)) +
                        " risk) changes here, and none of its threat models exists: " +
                        List(component_.models),
                    Where(), 0, "missing");
      f.hints.fix = "Run `riskgate threat-model init " + core::ShellQuote(component_.name) +
                    "`, fill in its parts, and commit it with this change";
      return;
    }
    bool fresh = false;
    std::vector<std::string> stale_reasons;
    for (const auto* model : present) {
      auto verdict = JudgeFreshness(*model, facts_, control_, now_);
      if (verdict.fresh)
        fresh = true;
      else
        stale_reasons.push_back(std::move(verdict.reason));
    }
    if (!fresh) {
      auto& f = Add("threat-model-stale",
                    "the threat model of component '" + component_.name + "' is stale: " +
                        List(stale_reasons) + "; this change touches " + List(facts_.touched),
                    present.front()->path, 0, "stale");
      f.hints.fix = "Review " + present.front()->path +
                    " against this change and commit an update to it in the same range";
    }
    bool covered = false;
    std::vector<std::pair<const collect::ModelFile*, ModelDocument>> read;
    for (const auto* model : present) {
      ModelDocument doc = ReadModel(model->path, *model->content, control_.required_parts);
      if (!doc.error.empty()) {
        Unparsable(*model, doc);
        continue;
      }
      Parts(*model, doc);
      const std::optional<ModelDocument> base = BaseOf(*model);
      Residual(*model, doc, base ? &*base : nullptr, Rows::kAll);
      covered = covered || Mentions(doc, component_.name);
      for (const auto& alias : component_.aliases) covered = covered || Mentions(doc, alias);
      read.emplace_back(model, std::move(doc));
    }
    if (!read.empty()) EntryPoints(read);
    if (!covered) {
      auto& f = Add("threat-model-uncovered",
                    "the threat model of component '" + component_.name +
                        "' never names it (nor an alias) in a heading or element",
                    present.front()->path, 0, "uncovered");
      f.hints.fix = "Add a section or element named '" + component_.name + "' to " +
                    present.front()->path + ", or list the name it uses under `aliases`";
    }
  }

 private:
  // Which residual-risk rows Residual judges: all, or only those the change writes.
  enum class Rows { kAll, kWritten };

  // A change to the component's models alone: what it writes in their residual risks, and
  // whether they still parse.
  void RunModelsOnly() {
    for (const auto& model : facts_.models) {
      if (!model.content || !model.changed) continue;
      ModelDocument doc = ReadModel(model.path, *model.content, control_.required_parts);
      if (!doc.error.empty()) {
        Unparsable(model, doc);
        continue;
      }
      const std::optional<ModelDocument> base = BaseOf(model);
      Residual(model, doc, base ? &*base : nullptr, Rows::kWritten);
    }
  }

  // A model the change deletes drops every residual risk it held that none of the component's
  // other models holds now: each at or above residual_severity needs an owner's approval in a
  // range, as a row deleted from it does. (A row moved to another model is judged there, as a
  // row that model's change writes.)
  void Deleted() {
    const auto deleted = [](const collect::ModelFile& model) {
      return !model.content && model.changed && model.base_content;
    };
    if (std::none_of(facts_.models.begin(), facts_.models.end(), deleted)) return;
    const ModelDocument elsewhere = RemainingResidual();
    for (const auto& model : facts_.models) {
      if (!deleted(model)) continue;
      const ModelDocument base =
          ReadModel(model.path, *model.base_content, control_.required_parts);
      if (!base.error.empty()) continue;  // the base's own model did not parse: nothing to keep
      // Kept only as it was: a row moved with a lower severity, another status, owner or dates
      // is judged in its new model as a row of its own, by its own severity, so here it is
      // dropped (moved as "Low", a Critical acceptance would pass unjudged).
      ModelDocument kept;
      for (const auto& risk : elsewhere.residual) {
        if (BaseRow(risk, base) != nullptr && Inherited(risk, &base)) kept.residual.push_back(risk);
      }
      Dropped(model, kept, &base);
    }
  }

  // The residual risks of the component's models the change leaves in place (those that parse).
  ModelDocument RemainingResidual() const {
    ModelDocument out;
    for (const auto& model : facts_.models) {
      if (!model.content) continue;
      const ModelDocument doc = ReadModel(model.path, *model.content, control_.required_parts);
      if (doc.error.empty())
        out.residual.insert(out.residual.end(), doc.residual.begin(), doc.residual.end());
    }
    return out;
  }

  void Unparsable(const collect::ModelFile& model, const ModelDocument& doc) {
    auto& f = Add("threat-model-unparsable",
                  model.path + " does not parse as a " + std::string(ModelFormatName(doc.format)) +
                      " threat model: " + doc.error,
                  model.path, doc.error_line, "unparsable");
    f.hints.fix = "Correct " + model.path + " so the gate can read it";
  }

  // The model the change started from: none when the change does not edit it, empty when the
  // change adds it.
  std::optional<ModelDocument> BaseOf(const collect::ModelFile& model) const {
    if (!model.changed) return std::nullopt;
    return model.base_content ? ReadModel(model.path, *model.base_content, control_.required_parts)
                              : ModelDocument{};
  }

  std::string Where() const {
    return facts_.touched.empty() ? component_.models.front() : facts_.touched.front();
  }

  core::Finding& Add(std::string rule, std::string message, std::string path, int line,
                     const std::string& identity,
                     std::optional<core::Severity> severity = std::nullopt) {
    core::Finding f;
    f.control = std::string(kControl);
    f.rule = std::move(rule);
    f.severity = severity.value_or(policy::SeverityForTier(component_.tier));
    f.message = std::move(message);
    f.location = core::Location{std::move(path), line, 0, std::nullopt};
    f.component =
        core::ComponentMark{component_.name, std::string(policy::RiskTierName(component_.tier))};
    f.fingerprint =
        core::Sha256Hex("threat_model\0" + f.rule + '\0' + component_.name + '\0' + identity)
            .substr(0, 32);
    f.hints.mitigate =
        "Ship the change behind a feature flag or to limited tenants while the "
        "threat model is brought up to date";
    // Accepting the risk of a high-tier component is for its owners.
    if (component_.tier == policy::RiskTier::kHigh) f.hints.acceptors = component_.owners;
    out_.push_back(std::move(f));
    return out_.back();
  }

  void Parts(const collect::ModelFile& model, const ModelDocument& doc) {
    for (const auto& part : doc.parts) {
      if (part.present && !part.empty) continue;
      const bool markdown = doc.format == ModelFormat::kMarkdown;
      auto& f = Add("threat-model-incomplete",
                    model.path + (part.present ? " has an empty '" + part.name + "' section"
                                               : " has no '" + part.name + "' " +
                                                     (markdown ? "heading" : "elements")),
                    model.path, part.present ? part.line : 0, model.path + '\0' + part.name,
                    std::min(policy::SeverityForTier(component_.tier), core::Severity::kMedium));
      f.hints.fix = markdown ? "Write the '" + part.name + "' section of " + model.path
                             : "Model the " + core::AsciiLower(part.name) + " in " + model.path;
    }
  }

  // How a residual risk and its acceptance fields are named in the model's own format, so a
  // message says what to edit where.
  struct RiskWords {
    std::string what;     // "risk_tracking entry 'id'" or "'title'"
    std::string date;     // the field holding when it was accepted
    std::string expires;  // the field holding when the acceptance ends
    std::string where;    // where that is edited
  };

  static RiskWords WordsFor(const collect::ModelFile& model, const ModelDocument& doc,
                            const ResidualRisk& risk) {
    const std::string title = risk.title.empty() ? "a residual risk" : "'" + risk.title + "'";
    if (doc.format == ModelFormat::kThreagile) {
      return {"risk_tracking entry " + title, "`date:`", "`expires:`",
              "under `risk_tracking:` -> " + title + " in " + model.path +
                  " (Threagile ignores `expires:`; riskgate reads it)"};
    }
    return {title, "`Accepted` date", "`Expires` date",
            "in its row of the residual-risk table of " + model.path +
                (risk.line > 0 ? " (line " + std::to_string(risk.line) + ")" : std::string())};
  }

  // The owners who may accept a risk of the component, for messages.
  std::string OwnerList() const {
    return component_.owners.empty() ? "any approver" : List(component_.owners);
  }

  // Whether `base` (the model the change started from, empty when the change adds it) holds
  // the same acceptance of `risk`: one the change did not write.
  static const ResidualRisk* BaseRow(const ResidualRisk& risk, const ModelDocument& base) {
    const std::string title = core::AsciiLower(risk.title);
    for (const auto& old : base.residual) {
      if (core::AsciiLower(old.title) == title) return &old;
    }
    return nullptr;
  }

  // Whether `base` (the model the change started from, empty when the change adds it) holds
  // `risk` as it is, severity and acceptance alike: a row the change did not write.
  static bool Inherited(const ResidualRisk& risk, const ModelDocument* base) {
    if (base == nullptr) return true;  // the change does not edit the model
    const ResidualRisk* old = BaseRow(risk, *base);
    return old != nullptr && old->status == risk.status && old->owner == risk.owner &&
           old->date == risk.date && old->expires == risk.expires &&
           old->severity_known == risk.severity_known &&
           (!risk.severity_known || old->severity == risk.severity);
  }

  // Whether a residual risk reaches residual_severity: by its severity, or by the base's for
  // the same threat when that is higher (lowering a risk's severity does not take it out).
  bool Reaches(const ResidualRisk& risk, const ModelDocument* base) const {
    const ResidualRisk* old = base != nullptr ? BaseRow(risk, *base) : nullptr;
    if (old != nullptr && old->severity_known &&
        (!risk.severity_known || old->severity > risk.severity)) {
      return old->severity >= control_.residual_severity;
    }
    return !risk.severity_known || risk.severity >= control_.residual_severity;
  }

  // An acceptance, however the model words its status ("accepted", "risk accepted").
  static bool IsAcceptance(const ResidualRisk& risk) {
    return risk.status.find("accept") != std::string::npos;
  }

  // A risk the base holds at or above residual_severity that the change drops from the model's
  // residual risks (deleted, renamed, marked mitigated or closed): in a range it needs one of
  // the owners' approval, as an acceptance does.
  void Dropped(const collect::ModelFile& model, const ModelDocument& doc,
               const ModelDocument* base) {
    if (base == nullptr || !approvals_.judged) return;
    for (const auto& old : base->residual) {
      if (old.severity_known && old.severity < control_.residual_severity) continue;
      if (BaseRow(old, doc) != nullptr) continue;  // still residual (judged above)
      if (reviews::OwnerApproval(Owners(), approvals_.reviews, approvals_.control)) return;
      const std::string title = old.title.empty() ? "a residual risk" : "'" + old.title + "'";
      auto& f = Add("residual-risk-dropped-unapproved",
                    model.path + ": this change takes " + core::EscapeForDisplay(title) + " (" +
                        core::EscapeForDisplay(old.status) + ") out of the residual risks (" +
                        (model.content ? "deleted, renamed, mitigated or closed"
                                       : "the change deletes the model") +
                        "), and none of its owners (" + OwnerList() + ") approved the change" +
                        reviews::NoApprovalNote(approvals_.reviews, approvals_.control),
                    model.path, 0, model.path + '\0' + old.title + "\0dropped");
      f.hints.fix = "Have one of " + OwnerList() +
                    " approve this change, or keep the risk in the residual-risk table";
    }
  }

  std::vector<std::string> Owners() const {
    return component_.owners.empty() ? std::vector<std::string>{"*"} : component_.owners;
  }

  void Residual(const collect::ModelFile& model, const ModelDocument& doc,
                const ModelDocument* base, Rows rows) {
    const core::Day today = core::DayOfUnixTime(now_);
    Dropped(model, doc, base);
    for (const auto& risk : doc.residual) {
      if (!Reaches(risk, base)) continue;
      if (rows == Rows::kWritten && Inherited(risk, base)) continue;
      const RiskWords words = WordsFor(model, doc, risk);
      if (!HasOwner(risk)) {
        auto& f = Add("residual-risk-unowned",
                      model.path + ": " + words.what + " (" + risk.status + ") has no owner",
                      model.path, risk.line, model.path + '\0' + risk.title);
        f.hints.fix = "Name who owns " + words.what +
                      (component_.owners.empty() ? std::string()
                                                 : " (one of " + List(component_.owners) + ")");
        continue;
      }
      if (!IsAcceptance(risk)) continue;
      const std::string by = " by " + core::EscapeForDisplay(risk.owner);
      const std::string renew = "Review " + words.what + " again: fix it and mark it mitigated, " +
                                "or renew its acceptance with one of its owners: a new " +
                                words.date + " and a later " + words.expires + " (YYYY-MM-DD), " +
                                words.where;
      if (risk.date.empty()) {
        auto& f = Add("residual-risk-acceptance-incomplete",
                      model.path + ": " + words.what + " is accepted" + by + " without " +
                          words.date + ", so nobody can tell how old the acceptance is",
                      model.path, risk.line, model.path + '\0' + risk.title + "\0date");
        f.hints.fix = "Record when " + words.what + " was accepted (" + words.date +
                      ") and until when (" + words.expires + "), " + words.where;
        continue;
      }
      const std::string accepted =
          " (accepted" + by + " on " + core::EscapeForDisplay(risk.date) + ")";
      if (risk.expires.empty()) {
        auto& f = Add("residual-risk-acceptance-incomplete",
                      model.path + ": " + words.what + accepted + " has no " + words.expires +
                          ", so its acceptance never ends",
                      model.path, risk.line, model.path + '\0' + risk.title + "\0date");
        f.hints.fix = "Add an " + words.expires + " (YYYY-MM-DD) to " + words.what + ", " +
                      words.where + "; or fix it and mark it mitigated";
        continue;
      }
      const auto expires = core::ParseDate(risk.expires);
      if (!expires) {
        auto& f =
            Add("residual-risk-acceptance-incomplete",
                model.path + ": " + words.what + accepted + " has " + words.expires + " '" +
                    core::EscapeForDisplay(risk.expires) + "', which is not a date YYYY-MM-DD",
                model.path, risk.line, model.path + '\0' + risk.title + "\0date");
        f.hints.fix =
            "Write the " + words.expires + " of " + words.what + " as YYYY-MM-DD, " + words.where;
        continue;
      }
      // An acceptance the base holds was given through the trusted process: only its expiry is
      // judged. One the change writes must also be one the policy allows.
      const bool inherited = Inherited(risk, base);
      if (!inherited && !Acceptable(model, risk, words, accepted, *expires, today)) continue;
      if (*expires < today) {
        auto& f = Add("residual-risk-expired",
                      model.path + ": the acceptance of " + words.what + accepted + " expired on " +
                          core::FormatDate(*expires) + ", " + std::to_string(today - *expires) +
                          " days ago",
                      model.path, risk.line, model.path + '\0' + risk.title + "\0expired");
        f.hints.fix = renew;
      } else if (approvals_.judged && !inherited) {
        // The change wrote this acceptance (new, renewed or moved to another owner): it stands
        // only with the approval of one of the owners, as a change to a waiver does.
        if (reviews::OwnerApproval(Owners(), approvals_.reviews, approvals_.control)) continue;
        auto& f =
            Add("residual-risk-acceptance-unapproved",
                model.path + ": this change writes the acceptance of " + words.what + accepted +
                    ", and none of its owners (" + OwnerList() + ") approved the change" +
                    reviews::NoApprovalNote(approvals_.reviews, approvals_.control),
                model.path, risk.line, model.path + '\0' + risk.title + "\0unapproved");
        f.hints.fix = "Have one of " + OwnerList() +
                      " approve this change, or keep the acceptance as the base revision has it";
      }
    }
  }

  // Whether an acceptance the change writes is one the policy allows: accepted on a date that
  // has come, for no longer than max_acceptance_days, by one of the component's owners. Adds the
  // finding when not.
  bool Acceptable(const collect::ModelFile& model, const ResidualRisk& risk, const RiskWords& words,
                  const std::string& accepted, core::Day expires, core::Day today) {
    const std::string identity = model.path + '\0' + risk.title + "\0invalid";
    const auto on = core::ParseDate(risk.date);
    std::string why;
    std::string fix;
    if (!on) {
      why = " has " + words.date + " '" + core::EscapeForDisplay(risk.date) +
            "', which is not a date YYYY-MM-DD";
      fix = "Write the " + words.date + " of " + words.what + " as YYYY-MM-DD, " + words.where;
    } else if (*on > today) {
      why = " is dated after today: an acceptance counts from the day it is given";
      fix = "Date the acceptance of " + words.what + " on the day it was given, " + words.where;
    } else if (expires - *on > control_.max_acceptance_days) {
      why = " runs for " + std::to_string(expires - *on) + " days, past the " +
            std::to_string(control_.max_acceptance_days) +
            " the policy allows (controls.threat_model.max_acceptance_days)";
      fix = "Set an " + words.expires + " at most " + std::to_string(control_.max_acceptance_days) +
            " days after the " + words.date + ", " + words.where;
    } else if (!component_.owners.empty() &&
               !reviews::IsOneOf(risk.owner, component_.owners, approvals_.reviews,
                                 approvals_.control)) {
      why = " is not by one of the component's owners (" + OwnerList() + ")";
      fix = "Have one of " + OwnerList() + " accept " + words.what + " and name them (or the " +
            "owning team, as the policy names it) as its owner, " + words.where +
            "; a team's members count where the forge or controls.reviews.teams lists them; " +
            "or fix it and mark it mitigated";
    } else {
      return true;
    }
    auto& f = Add("residual-risk-acceptance-invalid",
                  model.path + ": the acceptance of " + words.what + accepted + why, model.path,
                  risk.line, identity);
    f.hints.fix = fix;
    return false;
  }

  // A file the change adds under an entry-point glob must be mentioned by one of the models
  // (modified entry points were there before; the model had its chance to name them).
  void EntryPoints(const std::vector<std::pair<const collect::ModelFile*, ModelDocument>>& read) {
    for (const auto& path : facts_.added) {
      bool entry = false;
      for (const auto& glob : control_.entry_points)
        entry = entry || core::MatchPathGlob(glob, path);
      if (!entry) continue;
      const std::string base = path.substr(path.rfind('/') + 1);
      bool mentioned = false;
      std::vector<std::string> models;
      for (const auto& [model, doc] : read) {
        mentioned = mentioned || Mentions(doc, path) || Mentions(doc, base);
        models.push_back(model->path);
      }
      if (mentioned) continue;
      auto& f = Add("entry-point-unmodelled",
                    path + " is a new entry point (controls.threat_model.entry_points) that " +
                        (models.size() == 1 ? models.front() + " does not mention"
                                            : "none of " + List(models) + " mentions"),
                    path, 0, path,
                    std::min(policy::SeverityForTier(component_.tier), core::Severity::kMedium));
      f.hints.fix = "Add " + path + " to the 'Entry points' of " + models.front();
    }
  }

  const collect::ComponentFacts& facts_;
  const policy::Component& component_;
  const policy::ThreatModelControl& control_;
  long long now_;
  const Approvals& approvals_;
  std::vector<core::Finding>& out_;
};

}  // namespace

std::vector<core::Finding> EvaluateThreatModels(const collect::ChangeFacts& facts,
                                                const policy::ThreatModelControl& control,
                                                const policy::ReviewsControl& reviews) {
  std::vector<core::Finding> out;
  if (!control.enabled) return out;
  const Approvals approvals{facts.reviews, reviews, facts.scope.mode == core::ScanMode::kRange};
  for (const auto& component_facts : facts.threat_models.components) {
    const policy::Component* component = FindComponent(control, component_facts.name);
    if (component == nullptr) continue;
    ComponentJudge(component_facts, *component, control, facts.threat_models.change_time, approvals,
                   out)
        .Run();
  }
  return out;
}

}  // namespace riskgate::evaluate::threat_model
