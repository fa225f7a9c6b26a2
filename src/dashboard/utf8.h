// Dashboard, shared by the CSV and OpenMetrics writers: text those formats require to be UTF-8.
// No I/O.
#pragma once

#include <string>
#include <string_view>

namespace riskgate::dashboard {

// `text` with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

}  // namespace riskgate::dashboard
