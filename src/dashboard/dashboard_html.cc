// The HTML dashboard: one self-contained page for a security engineering manager. Inline CSS and
// SVG only, a Content-Security-Policy that forbids fetching anything, no script; readable in
// dark mode and on paper; a heading per section, every chart with a text description and its
// numbers in a table. The sections are the rows of kSections below.
#include <string>

#include "dashboard/html_sections.h"
#include "dashboard/html_style.h"
#include "dashboard/html_text.h"
#include "dashboard/writers.h"

namespace riskgate::dashboard {
namespace {

struct HtmlSectionRow {
  std::string_view id;
  std::string_view heading;
  std::string (*body)(const ledger::Metrics&);
};

constexpr HtmlSectionRow kSections[] = {
    {"headline", "Headline figures", HtmlHeadline},
    {"trends", "Weekly trends", HtmlTrends},
    {"remediation", "Time to remediate", HtmlRemediation},
    {"register", "Open-risk register", HtmlRegister},
    {"exceptions", "Exceptions and their age", HtmlExceptions},
    {"threat-models", "Threat-model coverage", HtmlThreatModels},
    {"adoption", "Adoption of secure defaults", HtmlAdoption},
    {"friction", "Gate friction", HtmlFriction},
    {"worst-repositories", "Worst repositories", HtmlWorstRepositories},
};

std::string Head(const ledger::Metrics& metrics) {
  std::string title = "Security program dashboard";
  if (!metrics.now.empty()) title += ", " + metrics.now;
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"color-scheme\" content=\"light dark\">\n"
         "<meta name=\"generator\" content=\"riskgate\">\n<title>" +
         HtmlEscape(title) + "</title>\n<style>\n" + std::string(DashboardCss()) +
         "</style>\n</head>\n";
}

std::string Intro(const ledger::Metrics& metrics) {
  std::string out = "<header>\n<h1>Security program dashboard</h1>\n<p class=\"meta\">";
  if (!metrics.now.empty()) {
    out += "Figures as of <time datetime=\"" + HtmlEscape(metrics.now) + "\">" +
           HtmlEscape(metrics.now) + "</time>, from ";
  } else {
    out += "Figures from ";
  }
  out += std::to_string(metrics.reports) + " reports of " + std::to_string(metrics.repositories) +
         " repositories";
  if (!metrics.first_run.empty()) {
    out += " (check runs from " + HtmlEscape(metrics.first_run) + " to " +
           HtmlEscape(metrics.last_run) + ")";
  }
  out += ".</p>\n<nav aria-label=\"Sections\">\n<ul>\n";
  for (const auto& section : kSections) {
    out += "<li><a href=\"#" + std::string(section.id) + "\">" + HtmlEscape(section.heading) +
           "</a></li>\n";
  }
  return out + "</ul>\n</nav>\n</header>\n";
}

}  // namespace

std::string WriteHtml(const ledger::Metrics& metrics) {
  std::string out = Head(metrics) + "<body>\n" + Intro(metrics) + "<main>\n";
  for (const auto& section : kSections) {
    out += HtmlSection(section.id, section.heading, section.body(metrics));
  }
  out +=
      "</main>\n<footer>\n<p>Written by riskgate from its ledger. This page is "
      "self-contained: it runs no script and fetches nothing.</p>\n</footer>\n"
      "</body>\n</html>\n";
  return out;
}

}  // namespace riskgate::dashboard
