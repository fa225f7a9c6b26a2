#include "dashboard/format_number.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace riskgate::dashboard {

std::string FormatDecimal(double value, int decimals) {
  if (!std::isfinite(value)) return "";
  char buffer[400];  // the longest double in fixed notation has 309 digits
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  if (error != std::errc()) return "";
  std::string out(buffer, end);
  if (out.find('.') != std::string::npos) {
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

std::string FormatMachine(double value) { return FormatDecimal(value, kMachineDecimals); }

double RoundMachine(double value) {
  if (!std::isfinite(value)) return value;
  const double rounded = std::round(value * 1e4) / 1e4;
  return rounded == 0 ? 0 : rounded;  // no minus zero
}

std::string FormatDays(std::optional<double> days) {
  if (!days || !std::isfinite(*days)) return kNotAvailable;
  return FormatDecimal(*days, 1);
}

std::string FormatPercent(std::optional<double> share) {
  if (!share || !std::isfinite(*share)) return kNotAvailable;
  return FormatDecimal(*share * 100, 1) + "%";
}

std::string FormatPartOfWhole(int part, int whole, std::string_view noun) {
  const std::string spaced_noun = noun.empty() ? "" : " " + std::string(noun);
  if (whole <= 0) return noun.empty() ? "none" : "no" + spaced_noun;
  return std::to_string(part) + " of " + std::to_string(whole) + spaced_noun + " (" +
         FormatPercent(Share(part, whole)) + ")";
}

std::optional<double> Share(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / whole;
}

}  // namespace riskgate::dashboard
