// Dashboard, shared by every writer: numbers written the same way in each format. Figures for
// people (HTML, Markdown) use one decimal; figures for tools (JSON, CSV, OpenMetrics) are
// rounded to kMachineDecimals. std::to_chars: the C locale whatever the process set. No I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace riskgate::dashboard {

// Decimals of the numbers in the JSON, CSV and OpenMetrics outputs.
inline constexpr int kMachineDecimals = 4;

// `value` with at most `decimals` decimals, without trailing zeros or a trailing point, and "0"
// for minus zero; empty for NaN and infinities.
std::string FormatDecimal(double value, int decimals);

// FormatDecimal with kMachineDecimals.
std::string FormatMachine(double value);

// `value` rounded to kMachineDecimals (what FormatMachine writes), for the JSON output.
double RoundMachine(double value);

// Days for people: "3.5"; "n/a" when absent.
std::string FormatDays(std::optional<double> days);

// A share in [0, 1] for people: "75%", "12.5%"; "n/a" when absent.
std::string FormatPercent(std::optional<double> share);

// "8 of 10 (80%)", or with a noun "8 of 10 uses (80%)", for people; "none" ("no uses") when
// whole is not positive.
std::string FormatPartOfWhole(int part, int whole, std::string_view noun = "");

// part / whole; absent when whole is not positive.
std::optional<double> Share(int part, int whole);

// What FormatDays and FormatPercent write for an absent figure.
inline constexpr const char* kNotAvailable = "n/a";

}  // namespace riskgate::dashboard
