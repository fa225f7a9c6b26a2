#include "dashboard/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "dashboard/format_number.h"
#include "dashboard/html_text.h"

namespace riskgate::dashboard {
namespace {

constexpr double kWidth = 720;
constexpr std::size_t kStyledSeries = 4;
constexpr std::size_t kMaxLabelChars = 24;
// Dash patterns by series, so that lines differ without colour (solid, dashed, dotted, dash-dot).
constexpr const char* kDashes[kStyledSeries] = {"", "8 4", "2 4", "10 3 2 3"};

struct Scale {
  double max = 1;
  double step = 1;
};

// Axis from 0 to a round maximum in about four steps of 1, 2, 2.5 or 5 times a power of ten.
Scale NiceScale(double largest, ValueKind kind) {
  if (!(largest > 0) || !std::isfinite(largest)) {
    return kind == ValueKind::kPercent ? Scale{1, 0.25} : Scale{4, 1};
  }
  const double raw = largest / 4;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double residual = raw / magnitude;
  double nice = 10;
  if (residual <= 1) {
    nice = 1;
  } else if (residual <= 2) {
    nice = 2;
  } else if (residual <= 2.5 && kind != ValueKind::kCount) {
    nice = 2.5;
  } else if (residual <= 5) {
    nice = 5;
  }
  double step = nice * magnitude;
  if (kind == ValueKind::kCount) step = std::max(1.0, std::ceil(step));
  return Scale{step * std::ceil(largest / step - 1e-9), step};
}

double Largest(const ChartSpec& spec) {
  double largest = 0;
  for (const auto& series : spec.series) {
    for (const auto& value : series.values) {
      if (value && std::isfinite(*value)) largest = std::max(largest, *value);
    }
  }
  return largest;
}

// A coordinate: one decimal is finer than a screen pixel.
std::string At(double coordinate) { return FormatDecimal(coordinate, 1); }

// At most kMaxLabelChars characters of `text` (whole UTF-8 sequences), "…" when cut.
std::string ClipLabel(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) continue;
    if (++chars > kMaxLabelChars) return std::string(text.substr(0, i)) + "\xe2\x80\xa6";
  }
  return std::string(text);
}

std::optional<double> ValueAt(const ChartSeries& series, std::size_t i) {
  if (i >= series.values.size()) return std::nullopt;
  const auto& value = series.values[i];
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

std::string Open(const ChartSpec& spec, std::string_view kind, double height, ChartShape shape) {
  const std::string& id = spec.id;
  return "<svg class=\"chart " + std::string(kind) + "\" viewBox=\"0 0 " + At(kWidth) + " " +
         At(height) + "\" width=\"" + At(kWidth) + "\" height=\"" + At(height) +
         "\" role=\"img\" aria-labelledby=\"" + HtmlEscape(id) + "-title " + HtmlEscape(id) +
         "-desc\">\n<title id=\"" + HtmlEscape(id) + "-title\">" + HtmlEscape(spec.title) +
         "</title>\n<desc id=\"" + HtmlEscape(id) + "-desc\">" +
         HtmlEscape(ChartDescription(spec, shape)) + "</desc>\n";
}

std::string SeriesClass(std::string_view prefix, std::size_t k) {
  return std::string(prefix) + std::to_string(k % kStyledSeries + 1);
}

// A marker whose shape tells the series apart: circle, square, triangle, diamond.
std::string Marker(std::size_t k, double x, double y, const std::string& tooltip) {
  const std::string cls = "class=\"" + SeriesClass("m", k) + "\"";
  const std::string title = "<title>" + HtmlEscape(tooltip) + "</title>";
  switch (k % kStyledSeries) {
    case 0:
      return "<circle " + cls + " cx=\"" + At(x) + "\" cy=\"" + At(y) + "\" r=\"3.5\">" + title +
             "</circle>";
    case 1:
      return "<rect " + cls + " x=\"" + At(x - 3.5) + "\" y=\"" + At(y - 3.5) +
             "\" width=\"7\" height=\"7\">" + title + "</rect>";
    case 2:
      return "<path " + cls + " d=\"M" + At(x) + " " + At(y - 4.5) + "L" + At(x + 4.5) + " " +
             At(y + 3.5) + "L" + At(x - 4.5) + " " + At(y + 3.5) + "Z\">" + title + "</path>";
    default:
      return "<path " + cls + " d=\"M" + At(x) + " " + At(y - 4.5) + "L" + At(x + 4.5) + " " +
             At(y) + "L" + At(x) + " " + At(y + 4.5) + "L" + At(x - 4.5) + " " + At(y) + "Z\">" +
             title + "</path>";
  }
}

std::string LineStyle(std::size_t k) {
  std::string out = "class=\"line " + SeriesClass("c", k) + "\"";
  if (const std::string dash = kDashes[k % kStyledSeries]; !dash.empty()) {
    out += " stroke-dasharray=\"" + dash + "\"";
  }
  return out + " vector-effect=\"non-scaling-stroke\"";
}

// A legend entry per series at the top: a sample of its line or bar, then its name.
std::string Legend(const ChartSpec& spec, ChartShape shape, double left) {
  if (spec.series.size() < 2) return "";
  std::string out = "<g class=\"legend\">";
  double x = left;
  for (std::size_t k = 0; k < spec.series.size(); ++k) {
    if (shape == ChartShape::kLine) {
      out += "<line " + LineStyle(k) + " x1=\"" + At(x) + "\" y1=\"12\" x2=\"" + At(x + 28) +
             "\" y2=\"12\"/>" + Marker(k, x + 14, 12, spec.series[k].name);
    } else {
      out += "<rect class=\"" + SeriesClass("b", k) + "\" x=\"" + At(x) +
             "\" y=\"6\" width=\"24\" height=\"12\"/>";
    }
    out += "<text x=\"" + At(x + 34) + "\" y=\"16\">" + HtmlEscape(spec.series[k].name) + "</text>";
    x += 34 + 7.5 * static_cast<double>(spec.series[k].name.size()) + 24;
  }
  return out + "</g>\n";
}

}  // namespace

std::string ChartValue(ValueKind kind, std::optional<double> value) {
  if (!value || !std::isfinite(*value)) return "no data";
  switch (kind) {
    case ValueKind::kCount:
      return FormatDecimal(*value, 1);
    case ValueKind::kDays:
      return FormatDecimal(*value, 1);
    case ValueKind::kPercent:
      return FormatPercent(*value);
  }
  return "";
}

std::string ChartDescription(const ChartSpec& spec, ChartShape shape) {
  std::string out = spec.title;
  if (spec.labels.empty() || spec.series.empty()) return out + ": no data.";
  const bool several = spec.series.size() > 1;
  if (shape == ChartShape::kLine) {
    out += spec.labels.size() == 1 ? " for " + spec.labels.front()
                                   : " from " + spec.labels.front() + " to " + spec.labels.back();
  }
  for (const auto& series : spec.series) {
    out += several ? ". " + series.name + ": " : ": ";
    for (std::size_t i = 0; i < spec.labels.size(); ++i) {
      if (i > 0) out += ", ";
      if (shape == ChartShape::kBar) out += spec.labels[i] + " ";
      out += ChartValue(spec.kind, ValueAt(series, i));
    }
  }
  return out + ".";
}

std::string LineChart(const ChartSpec& spec) {
  constexpr double kHeight = 280;
  constexpr double kLeft = 56;
  constexpr double kRight = 44;
  constexpr double kBottom = 40;
  const double top = spec.series.size() > 1 ? 40 : 16;
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - top - kBottom;
  const Scale scale = NiceScale(Largest(spec), spec.kind);
  const std::size_t n = spec.labels.size();
  const auto x_of = [&](std::size_t i) {
    if (n < 2) return kLeft + plot_w / 2;
    return kLeft + plot_w * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  const auto y_of = [&](double value) {
    return top + plot_h - std::clamp(value, 0.0, scale.max) / scale.max * plot_h;
  };

  std::string out = Open(spec, "line-chart", kHeight, ChartShape::kLine);
  out += Legend(spec, ChartShape::kLine, kLeft);
  out += "<g class=\"y-axis\">";
  for (double tick = 0; tick <= scale.max + scale.step / 2; tick += scale.step) {
    const double y = y_of(tick);
    out += "<line class=\"grid\" x1=\"" + At(kLeft) + "\" y1=\"" + At(y) + "\" x2=\"" +
           At(kLeft + plot_w) + "\" y2=\"" + At(y) + "\"/><text x=\"" + At(kLeft - 8) + "\" y=\"" +
           At(y + 4) + "\" text-anchor=\"end\">" + HtmlEscape(ChartValue(spec.kind, tick)) +
           "</text>";
  }
  out += "</g>\n<line class=\"axis\" x1=\"" + At(kLeft) + "\" y1=\"" + At(top + plot_h) +
         "\" x2=\"" + At(kLeft + plot_w) + "\" y2=\"" + At(top + plot_h) + "\"/>\n";
  // At most seven labels on the x axis, always the latest one.
  out += "<g class=\"x-axis\">";
  const std::size_t stride = std::max<std::size_t>(1, (n + 6) / 7);
  for (std::size_t i = 0; i < n; ++i) {
    if ((n - 1 - i) % stride != 0) continue;
    out += "<text x=\"" + At(x_of(i)) + "\" y=\"" + At(top + plot_h + 20) +
           "\" text-anchor=\"middle\">" + HtmlEscape(ClipLabel(spec.labels[i])) + "</text>";
  }
  out += "</g>\n";
  for (std::size_t k = 0; k < spec.series.size(); ++k) {
    const auto& series = spec.series[k];
    out += "<g class=\"series\">";
    // One polyline per run of consecutive values: a gap in the data is a gap in the line.
    std::string points;
    std::size_t run = 0;
    const auto flush = [&] {
      if (run > 1) out += "<polyline " + LineStyle(k) + " points=\"" + points + "\"/>";
      points.clear();
      run = 0;
    };
    for (std::size_t i = 0; i < n; ++i) {
      const auto value = ValueAt(series, i);
      if (!value) {
        flush();
        continue;
      }
      if (run++ > 0) points += " ";
      points += At(x_of(i)) + "," + At(y_of(*value));
    }
    flush();
    for (std::size_t i = 0; i < n; ++i) {
      if (const auto value = ValueAt(series, i)) {
        out += Marker(k, x_of(i), y_of(*value),
                      series.name + ", " + spec.labels[i] + ": " + ChartValue(spec.kind, *value));
      }
    }
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

std::string BarChart(const ChartSpec& spec) {
  constexpr double kLabelWidth = 170;
  constexpr double kValueWidth = 170;
  constexpr double kBar = 16;
  constexpr double kBarGap = 3;
  constexpr double kGroupGap = 12;
  constexpr double kBottom = 28;
  const double top = spec.series.size() > 1 ? 36 : 8;
  const double series_count = static_cast<double>(std::max<std::size_t>(1, spec.series.size()));
  const double group_h = series_count * kBar + (series_count - 1) * kBarGap;
  const double groups = static_cast<double>(spec.labels.size());
  const double plot_h = std::max(0.0, groups * (group_h + kGroupGap) - kGroupGap);
  const double height = top + plot_h + 8 + kBottom;
  const double plot_w = kWidth - kLabelWidth - kValueWidth;
  const Scale scale = NiceScale(Largest(spec), spec.kind);
  const auto width_of = [&](double value) {
    return std::clamp(value, 0.0, scale.max) / scale.max * plot_w;
  };

  std::string out = Open(spec, "bar-chart", height, ChartShape::kBar);
  out += Legend(spec, ChartShape::kBar, kLabelWidth);
  out += "<g class=\"x-axis\">";
  for (double tick = 0; tick <= scale.max + scale.step / 2; tick += scale.step) {
    const double x = kLabelWidth + width_of(tick);
    out += "<line class=\"grid\" x1=\"" + At(x) + "\" y1=\"" + At(top - 4) + "\" x2=\"" + At(x) +
           "\" y2=\"" + At(top + plot_h + 4) + "\"/><text x=\"" + At(x) + "\" y=\"" +
           At(top + plot_h + 22) + "\" text-anchor=\"middle\">" +
           HtmlEscape(ChartValue(spec.kind, tick)) + "</text>";
  }
  out += "</g>\n<line class=\"axis\" x1=\"" + At(kLabelWidth) + "\" y1=\"" + At(top - 4) +
         "\" x2=\"" + At(kLabelWidth) + "\" y2=\"" + At(top + plot_h + 4) + "\"/>\n";
  const bool several = spec.series.size() > 1;
  for (std::size_t i = 0; i < spec.labels.size(); ++i) {
    const double y0 = top + static_cast<double>(i) * (group_h + kGroupGap);
    out += "<g class=\"group\"><text x=\"" + At(kLabelWidth - 8) + "\" y=\"" +
           At(y0 + group_h / 2 + 4) + "\" text-anchor=\"end\">" +
           HtmlEscape(ClipLabel(spec.labels[i])) + "</text>";
    for (std::size_t k = 0; k < spec.series.size(); ++k) {
      const auto& series = spec.series[k];
      const double y = y0 + static_cast<double>(k) * (kBar + kBarGap);
      const auto value = ValueAt(series, i);
      const std::string text =
          (several ? series.name + " " : std::string()) + ChartValue(spec.kind, value);
      double end = kLabelWidth;
      if (value) {
        end += width_of(*value);
        out += "<rect class=\"bar " + SeriesClass("b", k) + "\" x=\"" + At(kLabelWidth) +
               "\" y=\"" + At(y) + "\" width=\"" + At(width_of(*value)) + "\" height=\"" +
               At(kBar) + "\"><title>" + HtmlEscape(spec.labels[i] + ", " + text) +
               "</title></rect>";
      }
      out += "<text class=\"value\" x=\"" + At(end + 6) + "\" y=\"" + At(y + kBar - 4) + "\">" +
             HtmlEscape(text) + "</text>";
    }
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

}  // namespace riskgate::dashboard
