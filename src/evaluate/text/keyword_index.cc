#include "evaluate/text/keyword_index.h"

#include <memory>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdio>
#include <queue>

namespace riskgate::evaluate {
namespace {

struct ScanState {
  std::vector<char>* found;
  int distinct;
};

struct LocateState {
  KeywordOccurrences* found;
  const std::vector<std::size_t>* line_starts;
};

// The first occurrence of a keyword on each line: a later one on the line of the last kept is
// passed over (Hyperscan reports in order of the end offset).
int OnOccurrence(unsigned id, unsigned long long to, void* context) {
  auto* state = static_cast<LocateState*>(context);
  auto& list = state->found->ListOf(id);
  const auto end = static_cast<std::size_t>(to);
  if (!list.empty()) {
    const auto& starts = *state->line_starts;
    // The start of the line holding the occurrence's last byte.
    const auto line = std::upper_bound(starts.begin(), starts.end(), end - 1);
    if (line != starts.begin() && *(line - 1) < list.back()) return 0;
  }
  list.push_back(end);
  return 0;
}

int OnMatch(unsigned id, unsigned long long, void* context) {
  auto* state = static_cast<ScanState*>(context);
  char& slot = (*state->found)[id];
  if (slot == 0) {
    slot = 1;
    ++state->distinct;
  }
  return 0;
}

unsigned char Lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

}  // namespace

KeywordIndex::KeywordIndex(const std::vector<std::string>& keywords, bool allow_hyperscan,
                           std::size_t hyperscan_after)
    : keyword_count_(keywords.size()) {
  std::size_t total_length = 0;
  for (const auto& keyword : keywords) {
    total_length += keyword.size();
    for (unsigned char c : keyword) {
      if (class_of_[Lower(c)] == 0) class_of_[Lower(c)] = static_cast<std::uint16_t>(classes_++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c)
    class_of_[static_cast<std::size_t>(c)] = class_of_[Lower(static_cast<unsigned char>(c))];
  const std::size_t width = classes_;
  // Trie: -1 = no edge yet.
  std::vector<std::vector<std::int32_t>> own_outputs(1);
  next_.reserve((total_length + 1) * width);
  next_.assign(width, -1);
  for (std::size_t id = 0; id < keywords.size(); ++id) {
    std::int32_t state = 0;
    for (unsigned char c : keywords[id]) {
      const std::size_t slot = static_cast<std::size_t>(state) * width + class_of_[c];
      if (next_[slot] < 0) {
        next_[slot] = static_cast<std::int32_t>(own_outputs.size());
        own_outputs.emplace_back();
        next_.resize(next_.size() + width, -1);
      }
      state = next_[slot];
    }
    own_outputs[static_cast<std::size_t>(state)].push_back(static_cast<std::int32_t>(id));
  }
  const std::size_t states = own_outputs.size();
  // Breadth-first: fill missing edges from the failure state and merge outputs.
  std::vector<std::int32_t> fail(states, 0);
  std::vector<std::vector<std::int32_t>> outputs = own_outputs;
  std::queue<std::int32_t> queue;
  for (std::size_t c = 0; c < width; ++c) {
    std::int32_t& edge = next_[c];
    if (edge < 0) {
      edge = 0;
    } else {
      fail[static_cast<std::size_t>(edge)] = 0;
      queue.push(edge);
    }
  }
  while (!queue.empty()) {
    const std::int32_t state = queue.front();
    queue.pop();
    const auto s = static_cast<std::size_t>(state);
    const auto& inherited = outputs[static_cast<std::size_t>(fail[s])];
    outputs[s].insert(outputs[s].end(), inherited.begin(), inherited.end());
    for (std::size_t c = 0; c < width; ++c) {
      std::int32_t& edge = next_[s * width + c];
      const std::int32_t via_fail = next_[static_cast<std::size_t>(fail[s]) * width + c];
      if (edge < 0) {
        edge = via_fail;
      } else {
        fail[static_cast<std::size_t>(edge)] = via_fail;
        queue.push(edge);
      }
    }
  }
  // Renumber: states without outputs first (the root stays 0), so the scan loop tells an
  // output state by one comparison; transitions hold the next state's row offset.
  std::vector<std::size_t> order;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t state = 0; state < states; ++state) {
      if (outputs[state].empty() == (pass == 0)) order.push_back(state);
    }
  }
  std::vector<std::size_t> renamed(states);
  std::size_t quiet = 0;
  for (std::size_t i = 0; i < states; ++i) {
    renamed[order[i]] = i;
    if (outputs[order[i]].empty()) ++quiet;
  }
  // In place (the table is the largest thing a pre-commit run builds): targets first, then the
  // rows moved along the cycles of the permutation (row i comes from row order[i]).
  for (auto& target : next_) {
    target = static_cast<std::int32_t>(renamed[static_cast<std::size_t>(target)] * width);
  }
  std::vector<std::int32_t> held(width);
  std::vector<bool> placed(states, false);
  for (std::size_t start = 0; start < states; ++start) {
    if (placed[start] || order[start] == start) continue;
    std::copy_n(next_.begin() + static_cast<std::ptrdiff_t>(start * width), width, held.begin());
    std::size_t i = start;
    while (order[i] != start) {
      std::copy_n(next_.begin() + static_cast<std::ptrdiff_t>(order[i] * width), width,
                  next_.begin() + static_cast<std::ptrdiff_t>(i * width));
      placed[i] = true;
      i = order[i];
    }
    std::copy_n(held.begin(), width, next_.begin() + static_cast<std::ptrdiff_t>(i * width));
    placed[i] = true;
  }
  first_output_offset_ = quiet * width;
  output_begin_.reserve(states - quiet + 1);
  for (std::size_t i = quiet; i < states; ++i) {
    output_begin_.push_back(static_cast<std::int32_t>(outputs_.size()));
    const auto& out = outputs[order[i]];
    outputs_.insert(outputs_.end(), out.begin(), out.end());
  }
  output_begin_.push_back(static_cast<std::int32_t>(outputs_.size()));
  if (allow_hyperscan && !keywords.empty()) {
    hyperscan_ = std::make_unique<LazyHyperscan>(keywords, std::vector<bool>(keywords.size(), true),
                                                 HyperscanMode::kLiterals, hyperscan_after);
  }
}

std::string KeywordIndex::EngineVersion() { return LazyHyperscan::Version(); }

KeywordIndex::~KeywordIndex() = default;

const char* KeywordIndex::engine() const {
  return hyperscan_ != nullptr && hyperscan_->ready() ? "hyperscan" : "aho-corasick";
}

int KeywordIndex::Find(std::string_view text, std::vector<char>& found) const {
  if (hyperscan_ != nullptr) {
    found.assign(keyword_count_, 0);
    ScanState state{&found, 0};
    if (hyperscan_->Scan(text, OnMatch, &state)) return state.distinct;
  }
  return FindByAutomaton(text, found);
}

const std::vector<std::size_t>& KeywordOccurrences::None() {
  static const std::vector<std::size_t> none;
  return none;
}

int KeywordIndex::Occurrences(std::string_view text, const std::vector<std::size_t>& line_starts,
                              KeywordOccurrences& found) const {
  found.Reset(keyword_count_);
  if (hyperscan_ != nullptr) {
    LocateState state{&found, &line_starts};
    if (hyperscan_->Scan(text, OnOccurrence, &state)) return found.distinct();
    found.Reset(keyword_count_);
  }
  std::size_t offset = 0;
  std::size_t line_start = 0;
  const std::int32_t* next = next_.data();
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c == '\n') line_start = at + 1;
    offset = static_cast<std::size_t>(next[offset + class_of_[c]]);
    if (offset < first_output_offset_) continue;
    const std::size_t state = (offset - first_output_offset_) / classes_;
    for (std::int32_t i = output_begin_[state]; i < output_begin_[state + 1]; ++i) {
      auto& list = found.ListOf(static_cast<std::size_t>(outputs_[static_cast<std::size_t>(i)]));
      if (list.empty() || list.back() <= line_start) list.push_back(at + 1);
    }
  }
  return found.distinct();
}

int KeywordIndex::FindByAutomaton(std::string_view text, std::vector<char>& found) const {
  found.assign(keyword_count_, 0);
  int distinct = 0;
  std::size_t offset = 0;  // the current state's row in next_
  const std::int32_t* next = next_.data();
  for (unsigned char c : text) {
    offset = static_cast<std::size_t>(next[offset + class_of_[c]]);
    if (offset < first_output_offset_) continue;
    const std::size_t state = (offset - first_output_offset_) / classes_;
    const std::int32_t begin = output_begin_[state];
    const std::int32_t end = output_begin_[state + 1];
    for (std::int32_t i = begin; i < end; ++i) {
      char& slot = found[static_cast<std::size_t>(outputs_[static_cast<std::size_t>(i)])];
      if (slot == 0) {
        slot = 1;
        ++distinct;
      }
    }
  }
  return distinct;
}

}  // namespace riskgate::evaluate
