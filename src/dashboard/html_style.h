// Dashboard, HTML page: the one inline style sheet. Colours are CSS variables with a light, a
// dark (prefers-color-scheme) and a print set; the SVG charts take theirs from the same
// variables and currentColor, so they follow. No I/O.
#pragma once

#include <string_view>

namespace riskgate::dashboard {

// The contents of the page's <style> element.
std::string_view DashboardCss();

}  // namespace riskgate::dashboard
