// Stage 0 (core): calendar dates as days since 1970-01-01 (UTC), for waiver lifetimes and
// expiry. No I/O; the app reads the clock (or RISKGATE_NOW) and passes "today" down.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace riskgate::core {

using Day = long long;  // days since 1970-01-01

// "YYYY-MM-DD" (a valid calendar date), or an RFC 3339 time "YYYY-MM-DDThh:mm:ss[...]" whose
// date part is taken; nullopt otherwise.
std::optional<Day> ParseDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatDate(Day day);

// "YYYY-MM-DDThh:mm:ssZ" for a Unix time in seconds.
std::string FormatTimestamp(long long seconds);

// The Unix time of "YYYY-MM-DDThh:mm:ssZ" or "...+hh:mm"/"-hh:mm" (fractions of a second are
// dropped); nullopt for anything else, a date alone included.
std::optional<long long> ParseTimestamp(std::string_view text);

// The UTC day of a Unix time in seconds.
Day DayOfUnixTime(long long seconds);

}  // namespace riskgate::core
