#include "evaluate/pins/workflow_needs.h"

#include <map>
#include <set>
#include <string>

#include "core/text.h"
#include "evaluate/pins/workflow_document.h"

namespace riskgate::evaluate::pins {
using core::Node;

std::vector<std::string> JobNeeds(const Node& job) {
  std::vector<std::string> out;
  const Node* needs = job.Find("needs");
  if (needs == nullptr) return out;
  if (needs->kind == Node::Kind::kScalar)
    out.push_back(core::AsciiLower(core::TrimSpace(needs->scalar)));
  for (const Node& item : needs->items)
    out.push_back(core::AsciiLower(core::TrimSpace(ScalarOr(&item))));
  return out;
}

std::vector<std::size_t> NeedsOrder(const Node& jobs) {
  const std::size_t count = jobs.fields.size();
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < count; ++i) index.emplace(core::AsciiLower(jobs.fields[i].first), i);
  std::vector<std::vector<std::size_t>> needed(count);  // job -> the jobs that need it
  std::vector<std::size_t> waiting(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    if (!jobs.fields[i].second.IsMap()) continue;
    for (const std::string& need : JobNeeds(jobs.fields[i].second)) {
      const auto found = index.find(need);
      if (found == index.end() || found->second == i) continue;
      needed[found->second].push_back(i);
      ++waiting[i];
    }
  }
  std::vector<std::size_t> order;
  std::vector<bool> done(count, false);
  std::set<std::size_t> ready;
  for (std::size_t i = 0; i < count; ++i) {
    if (waiting[i] == 0) ready.insert(i);
  }
  while (order.size() < count) {
    if (ready.empty()) {  // a cycle: take the first job left
      for (std::size_t i = 0; i < count; ++i) {
        if (!done[i]) {
          ready.insert(i);
          break;
        }
      }
    }
    const std::size_t next = *ready.begin();
    ready.erase(ready.begin());
    if (done[next]) continue;
    done[next] = true;
    order.push_back(next);
    for (std::size_t dependent : needed[next]) {
      if (!done[dependent] && --waiting[dependent] == 0) ready.insert(dependent);
    }
  }
  return order;
}

}  // namespace riskgate::evaluate::pins
