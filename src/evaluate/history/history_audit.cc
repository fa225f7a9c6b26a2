#include "evaluate/history/history_audit.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "core/abandon.h"
#include "core/thread_heap.h"
#include "evaluate/history/history_scanner.h"
#include "evaluate/history/shared_blob_state.h"
#include "evaluate/secrets/keystore.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/unscanned/unscanned_files.h"

namespace riskgate::evaluate::history {
namespace {

using collect::BlobState;

struct Record {
  core::Finding finding;
  core::Sighting sighting;
};

// One worker: judges commits with its own source.
class Worker {
 public:
  Worker(SharedBlobState& shared, const HistoryScanner& scanner, collect::HistorySource& source,
         policy::OnUnscanned on_unscanned, std::int64_t max_file_bytes)
      : shared_(shared),
        scanner_(scanner),
        source_(source),
        on_unscanned_(on_unscanned),
        max_file_bytes_(max_file_bytes) {}

  core::Result<void> Judge(const collect::HistoryCommit& commit) {
    auto changes = source_.Changes(commit);
    if (!changes) return tl::unexpected(changes.error());
    std::optional<std::set<std::string>> moved;  // content ids of what the commit replaced
    for (const auto& change : changes->changed) {
      auto found = ScanAt(change.blob, change.path, commit.id);
      if (!found) return tl::unexpected(found.error());
      if (auto unscanned = shared_.UnscannedOf(change.blob)) {
        AddUnscanned(commit, change, *unscanned);
      }
      if (found->empty()) continue;
      std::set<std::string> before;
      for (std::size_t p = 0; p < change.parent_blobs.size() && p < commit.parents.size(); ++p) {
        if (change.parent_blobs[p].empty()) continue;
        auto ids = IdsAt(change.parent_blobs[p], change.path);
        if (!ids) return tl::unexpected(ids.error());
        before.insert(ids->begin(), ids->end());
      }
      for (auto& finding : *found) {
        if (before.contains(finding.content_id)) continue;  // the parent had it already
        if (!moved) {
          auto replaced = Replaced(*changes, commit);
          if (!replaced) return tl::unexpected(replaced.error());
          moved = std::move(*replaced);
        }
        core::Sighting sighting{commit.id,      commit.author,         commit.time,
                                change.path,    finding.location.line, finding.location.column,
                                KindOf(commit), commit.generation};
        if (sighting.kind == core::Sighting::Kind::kAdded && moved->contains(finding.content_id)) {
          sighting.kind = core::Sighting::Kind::kMoved;
        }
        Keep(commit, std::move(finding), std::move(sighting));
      }
    }
    return JudgeMetadata(commit, *changes);
  }

  // Content ids found in `blob` as the version of `path`, whatever commit holds it (cached per
  // dirty blob and path): commit-specific allowlists excuse a commit, not the content it
  // passes on.
  core::Result<std::vector<std::string>> IdsAt(const std::string& blob, const std::string& path) {
    if (auto cached = shared_.CachedIds(Key(blob, path))) return std::move(*cached);
    auto found = ScanAt(blob, path, "");
    if (!found) return tl::unexpected(found.error());
    std::vector<std::string> ids;
    for (const auto& finding : *found) ids.push_back(finding.content_id);
    return ids;
  }

  // Checks what the source read and did not check yet: the worker's records hold only once
  // this has returned (HistorySource::CheckReads).
  core::Result<void> CheckReads() { return source_.CheckReads(); }

  std::vector<Record>& records() { return records_; }
  std::vector<core::SkippedFile>& skipped() { return skipped_; }
  const ScanCounts& counts() const { return counts_; }

 private:
  static std::string Key(const std::string& blob, const std::string& path) {
    return blob + '\0' + path;
  }

  // Findings in `blob` as the version of `path` in `commit`; nothing when the prefilter says
  // the blob is clean and no rule reports the path by name.
  core::Result<std::vector<core::Finding>> ScanAt(const std::string& blob, const std::string& path,
                                                  const std::string& commit) {
    auto classified = shared_.Classify(source_, blob);
    if (!classified) return tl::unexpected(classified.error());
    std::vector<core::Finding> found;
    if (classified->verdict != BlobVerdict::kDirty && !scanner_.ReportsPath(path)) return found;
    auto text = shared_.Text(source_, blob, *classified);
    if (!text) return tl::unexpected(text.error());
    const int suppressed_before = counts_.commit_suppressed;
    found = scanner_.Scan(path, commit, *text, counts_);
    if (counts_.commit_suppressed != suppressed_before) return found;  // this commit's alone
    std::vector<std::string> ids;
    for (const auto& finding : found) ids.push_back(finding.content_id);
    shared_.StoreIds(Key(blob, path), std::move(ids));
    return found;
  }

  // Secrets in what the commit pushed that is no file's content: its message, the paths it
  // adds, its symlinks' targets (read, never followed).
  core::Result<void> JudgeMetadata(const collect::HistoryCommit& commit,
                                   const collect::CommitChanges& changes) {
    AddMetadata(commit, collect::kCommitMessagePath, commit.message);
    for (const auto& [path, text] : commit.ref_texts) AddMetadata(commit, path, text);
    for (const auto& entry : changes.entries) {
      if (entry.added) AddMetadata(commit, entry.path, entry.path);
      if (entry.link_blob.empty()) continue;
      auto target = source_.ReadBlob(entry.link_blob, max_file_bytes_);
      if (!target) return tl::unexpected(target.error());
      if (target->state == collect::BlobState::kText) {
        AddMetadata(commit, entry.path, target->text);
      } else if (target->state == collect::BlobState::kTooLarge) {  // git stores any size
        AddUnscanned(commit, collect::PathChange{entry.path, entry.link_blob, {}},
                     Unscanned{core::SkipReason::kTooLarge, target->size});
      }
    }
    return {};
  }

  void AddMetadata(const collect::HistoryCommit& commit, const std::string& path,
                   std::string_view text) {
    for (auto& finding : scanner_.ScanMetadata(path, commit.id, text, counts_)) {
      core::Sighting sighting{commit.id,      commit.author,         commit.time,
                              path,           finding.location.line, finding.location.column,
                              KindOf(commit), commit.generation};
      Keep(commit, std::move(finding), std::move(sighting));
    }
  }

  // A path the commit gave content riskgate could not scan: listed, and a finding whose
  // content id is the blob's, so copies of it are sightings of one finding.
  // A keystore (by its magic bytes or name) is the secrets control's keystore-file finding
  // instead, as in a change.
  void AddUnscanned(const collect::HistoryCommit& commit, const collect::PathChange& change,
                    const Unscanned& unscanned) {
    skipped_.push_back(core::SkippedFile{change.path, unscanned.reason, commit.id, unscanned.size,
                                         unscanned.magic});
    std::vector<core::Finding> keystores = scanner_.Keystores(skipped_.back());
    if (keystores.empty()) {
      keystores.push_back(unscanned::UnscannedFinding(change.path, unscanned.reason, unscanned.size,
                                                      commit.id, on_unscanned_, change.blob));
    }
    for (core::Finding& finding : keystores) {
      // Copies of one keystore are sightings of one finding, as for other unscanned content.
      if (finding.rule == secrets::kKeystoreRule) {
        finding.content_id = secrets::SecretContentId(finding.rule, change.blob);
      }
      AddFileFinding(commit, change, std::move(finding));
    }
  }

  void AddFileFinding(const collect::HistoryCommit& commit, const collect::PathChange& change,
                      core::Finding finding) {
    core::Sighting sighting{commit.id, commit.author,  commit.time,      change.path, 0,
                            0,         KindOf(commit), commit.generation};
    Keep(commit, std::move(finding), std::move(sighting));
  }

  // How `commit` holds what it adds: a commit after missing history, a tree or blob only a ref
  // names, or a commit.
  static core::Sighting::Kind KindOf(const collect::HistoryCommit& commit) {
    if (commit.boundary) return core::Sighting::Kind::kBoundary;
    if (!commit.ref.empty()) return core::Sighting::Kind::kRef;
    return core::Sighting::Kind::kAdded;
  }

  // Records a finding; one in a tree or blob only a ref names is fixed by deleting the ref.
  void Keep(const collect::HistoryCommit& commit, core::Finding finding, core::Sighting sighting) {
    if (!commit.ref.empty()) finding.hints.only_ref = commit.ref;
    records_.push_back(Record{std::move(finding), std::move(sighting)});
  }

  // What the files `commit` deleted or rewrote (other than `path`) held in its first parent.
  // Content ids of every path the commit deleted or rewrote, as its first parent had them: a
  // finding among them moved (one set for the whole commit; a path's own old version is in
  // `before` already, so including it changes nothing).
  core::Result<std::set<std::string>> Replaced(const collect::CommitChanges& changes,
                                               const collect::HistoryCommit& commit) {
    std::set<std::string> out;
    if (commit.parents.empty()) return out;
    for (const auto& [old_path, old_blob] : changes.replaced) {
      auto ids = IdsAt(old_blob, old_path);
      if (!ids) return tl::unexpected(ids.error());
      out.insert(ids->begin(), ids->end());
    }
    return out;
  }

  SharedBlobState& shared_;
  const HistoryScanner& scanner_;
  collect::HistorySource& source_;
  policy::OnUnscanned on_unscanned_;
  std::int64_t max_file_bytes_;
  std::vector<Record> records_;
  std::vector<core::SkippedFile> skipped_;
  ScanCounts counts_;
};

// One finding per content id: the earliest addition is where it was introduced; every sighting
// is kept, oldest first.
std::vector<core::Finding> Group(std::vector<Record> records, const std::set<std::string>& at_tip) {
  std::map<std::string, std::vector<Record>> groups;
  for (auto& record : records) {
    groups[record.finding.content_id].push_back(std::move(record));
  }
  std::vector<core::Finding> out;
  for (auto& [id, group] : groups) {
    std::sort(group.begin(), group.end(), [](const Record& a, const Record& b) {
      return core::SightingEarlier(a.sighting, b.sighting);
    });
    auto primary =
        std::min_element(group.begin(), group.end(), [](const Record& a, const Record& b) {
          return core::IntroducesBefore(a.sighting, b.sighting);
        });
    core::Finding finding = std::move(primary->finding);
    finding.occurrences = static_cast<int>(group.size());
    finding.in_change = true;
    core::HistoryTrail trail;
    trail.present_at_head = at_tip.contains(id);
    for (auto& record : group) trail.sightings.push_back(std::move(record.sighting));
    finding.history = std::move(trail);
    out.push_back(std::move(finding));
  }
  return out;
}

// The order commits are judged in: each after every child of it in the list, a merge's other
// parents' lines before its first parent's (git log --topo-order). A commit's trees are read next
// to its parents' and children's, which a worker's caches still hold; newest first (the walk's
// order), a merge's topic tip lay days behind it and its trees were read twice from the pack.
std::vector<const collect::HistoryCommit*> JudgingOrder(
    const std::vector<collect::HistoryCommit>& commits) {
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(commits.size());
  for (std::size_t i = 0; i < commits.size(); ++i) index.emplace(commits[i].id, i);
  std::vector<std::uint32_t> children(commits.size(), 0);  // within the list
  for (const auto& commit : commits) {
    for (const auto& parent : commit.parents) {
      if (auto it = index.find(parent); it != index.end()) ++children[it->second];
    }
  }
  std::vector<const collect::HistoryCommit*> order;
  order.reserve(commits.size());
  std::vector<std::size_t> ready;
  // Tips newest first: the stack pops the last pushed.
  for (std::size_t i = commits.size(); i-- > 0;) {
    if (children[i] == 0) ready.push_back(i);
  }
  while (!ready.empty()) {
    const std::size_t c = ready.back();
    ready.pop_back();
    order.push_back(&commits[c]);
    // The first parent pushed first, so popped after the other parents' lines.
    for (const auto& parent : commits[c].parents) {
      auto it = index.find(parent);
      if (it != index.end() && --children[it->second] == 0) ready.push_back(it->second);
    }
  }
  // A cycle cannot be (ids are hashes of their parents'); should a list hold one, nothing is
  // left unjudged.
  if (order.size() != commits.size()) {
    std::vector<bool> listed(commits.size(), false);
    for (const auto* commit : order)
      listed[static_cast<std::size_t>(commit - commits.data())] = true;
    for (std::size_t i = 0; i < commits.size(); ++i) {
      if (!listed[i]) order.push_back(&commits[i]);
    }
  }
  return order;
}

}  // namespace

bool InShard(std::string_view commit, int index, int count) {
  if (count <= 1) return true;
  unsigned long long value = 0;
  for (std::size_t i = 0; i < commit.size() && i < 12; ++i) {
    const char c = commit[i];
    const int digit = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0);
    value = value * 16 + static_cast<unsigned long long>(digit);
  }
  return static_cast<int>(value % static_cast<unsigned long long>(count)) == index;
}

core::Result<AuditResult> AuditHistory(const collect::HistoryWalk& walk,
                                       const SourceFactory& open_source,
                                       const policy::Policy& policy, const AuditOptions& options,
                                       AuditProgress& progress) {
  const HistoryScanner scanner(policy);
  return AuditHistory(walk, open_source, scanner, options, progress);
}

core::Result<AuditResult> AuditHistory(const collect::HistoryWalk& walk,
                                       const SourceFactory& open_source,
                                       const HistoryScanner& scanner, const AuditOptions& options,
                                       AuditProgress& progress) {
  return AuditHistory([&]() -> core::Result<const collect::HistoryWalk*> { return &walk; },
                      open_source, scanner, options, progress);
}

core::Result<AuditResult> AuditHistory(const WalkProvider& walk_provider,
                                       const SourceFactory& open_source,
                                       const HistoryScanner& scanner, const AuditOptions& options,
                                       AuditProgress& progress) {
  const policy::Policy& policy = scanner.policy();
  auto shared_state = std::make_unique<SharedBlobState>(scanner, options, progress);
  SharedBlobState& shared = *shared_state;
  if (options.sweep) {
    scanner.ExpectText(options.sweep_bytes);
    auto swept = options.sweep([&](const std::string& blob, const collect::SweptBlob& content) {
      shared.Presweep(blob, content);
    });
    if (!swept) return tl::unexpected(swept.error());
  }
  auto walked = walk_provider();
  if (!walked) return tl::unexpected(walked.error());
  const collect::HistoryWalk& walk = **walked;
  std::vector<const collect::HistoryCommit*> commits;
  for (const collect::HistoryCommit* commit : JudgingOrder(walk.commits)) {
    if (InShard(commit->id, options.shard_index, options.shard_count)) commits.push_back(commit);
  }
  // Trees and blobs only refs name: each judged as a root commit that adds it.
  std::size_t ref_objects = 0;
  for (const collect::HistoryCommit& target : walk.ref_targets) {
    if (!InShard(target.id, options.shard_index, options.shard_count)) continue;
    commits.push_back(&target);
    ++ref_objects;
  }
  progress.commits_total = static_cast<long long>(commits.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::optional<core::Error> error;
  const int threads = std::max(1, std::min<int>(options.threads, static_cast<int>(commits.size())));
  std::vector<std::unique_ptr<collect::HistorySource>> sources;
  for (int t = 0; t < threads; ++t) {
    auto source = open_source();
    if (!source) return tl::unexpected(source.error());
    sources.push_back(std::move(*source));
  }
  std::vector<std::unique_ptr<Worker>> workers;
  for (auto& source : sources) {
    workers.push_back(std::make_unique<Worker>(
        shared, scanner, *source, policy.limits.on_unscanned.value_or(policy::OnUnscanned::kWarn),
        options.max_file_bytes));
  }
  // Runs of consecutive commits per worker: a commit and its parent (usually next in the list)
  // share most of their trees, which the worker's source has just read.
  constexpr std::size_t kRun = 256;
  const auto run = [&](Worker& worker) {
    core::AdviseThreadHeap();
    for (std::size_t first = next.fetch_add(kRun); first < commits.size() && !failed;
         first = next.fetch_add(kRun)) {
      for (std::size_t i = first; i < std::min(first + kRun, commits.size()) && !failed; ++i) {
        if (auto judged = worker.Judge(*commits[i]); !judged) {
          // A tree read earlier that is not what its id names explains what went wrong better.
          auto checked = worker.CheckReads();
          std::lock_guard lock(shared.mutex());
          if (!failed.exchange(true)) error = checked ? judged.error() : checked.error();
          return;
        }
        ++progress.commits_done;
      }
    }
    if (failed) return;
    if (auto checked = worker.CheckReads(); !checked) {
      std::lock_guard lock(shared.mutex());
      if (!failed.exchange(true)) error = checked.error();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < workers.size(); ++t) pool.emplace_back(run, std::ref(*workers[t]));
  run(*workers.front());
  for (auto& thread : pool) thread.join();
  if (error) return tl::unexpected(*error);

  // Which content ids the tip's tree still holds.
  std::set<std::string> at_tip;
  if (!walk.tip.empty()) {
    auto files = sources.front()->TreeFiles(walk.tip);
    if (!files) return tl::unexpected(files.error());
    for (const auto& [path, blob] : *files) {
      auto ids = workers.front()->IdsAt(blob, path);
      if (!ids) return tl::unexpected(ids.error());
      at_tip.insert(ids->begin(), ids->end());
      if (auto unscanned = shared.UnscannedOf(blob)) {
        at_tip.insert(unscanned::UnscannedFinding(path, unscanned->reason, unscanned->size,
                                                  std::nullopt, policy::OnUnscanned::kWarn, blob)
                          .content_id);
      }
    }
  }
  AuditResult result = shared.totals();
  std::vector<Record> records;
  for (auto& worker : workers) {
    result.suppressed_inline += worker->counts().suppressed_inline;
    result.inline_ignored += worker->counts().inline_ignored;
    auto& skipped = worker->skipped();
    result.skipped.insert(result.skipped.end(), std::make_move_iterator(skipped.begin()),
                          std::make_move_iterator(skipped.end()));
    auto& mine = worker->records();
    records.insert(records.end(), std::make_move_iterator(mine.begin()),
                   std::make_move_iterator(mine.end()));
  }
  std::sort(result.skipped.begin(), result.skipped.end(),
            [](const core::SkippedFile& a, const core::SkippedFile& b) {
              return std::tie(a.path, a.commit) < std::tie(b.path, b.commit);
            });
  result.findings = Group(std::move(records), at_tip);
  result.commits = static_cast<int>(commits.size() - ref_objects);
  result.ref_objects = static_cast<int>(ref_objects);
  // The sources' caches and the workers' maps are millions of blocks: left to the process's
  // end when the command ends with it (core/abandon.h).
  core::Abandon(workers);
  core::Abandon(sources);
  core::Abandon(shared_state);
  return result;
}

}  // namespace riskgate::evaluate::history
