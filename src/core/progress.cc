#include "core/progress.h"

namespace riskgate::core {

Progress& RunProgress() {
  static Progress progress;
  return progress;
}

std::string DescribeProgress(const Progress& progress) {
  static constexpr const char* kStageNames[] = {"starting", "collecting the change", "evaluating",
                                                "deciding", "writing reports"};
  std::string out = "while ";
  out += kStageNames[static_cast<int>(progress.stage.load())];
  out += ": " + std::to_string(progress.files_collected.load()) + " files collected, " +
         std::to_string(progress.fragments_done.load()) + " of " +
         std::to_string(progress.fragments_total.load()) + " fragments and " +
         std::to_string(progress.documents_done.load()) + " of " +
         std::to_string(progress.documents_total.load()) + " documents judged";
  return out;
}

}  // namespace riskgate::core
