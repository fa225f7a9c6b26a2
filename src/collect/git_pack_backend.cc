#include "collect/git_pack_backend.h"

#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <type_traits>

#include "collect/git_internal.h"
#include "collect/pack/object_reader.h"
#include "collect/pack/object_store.h"

namespace riskgate::collect {

class SharedPackStore {
 public:
  explicit SharedPackStore(std::string objects_dir) : objects_dir_(std::move(objects_dir)) {}

  // The store; null when the repository has no objects folder of its own (the environment moves
  // it: libgit2 reads alone, as it always did) or when it does not open, and then `error()` says
  // why.
  const pack::ObjectStore* Get() {
    std::call_once(opened_, [&] {
      std::error_code missing;
      if (!std::filesystem::is_directory(objects_dir_, missing)) return;
      // A handle looks objects up: its indexes are not read whole when it opens (a hook's few
      // lookups in a store of 60 packs and a multi-pack index took 7 ms for that).
      auto store = pack::ObjectStore::Open(objects_dir_, pack::LooseObjects::kLookedUp,
                                           pack::IndexChecks::kOnLookup);
      if (store) {
        store_ = std::move(*store);
      } else {
        error_ = std::move(store.error());
      }
    });
    return store_.get();
  }
  // Why the store did not open (a damaged pack, index or alternates file), once Get was asked.
  const std::optional<core::Error>& error() const { return error_; }

 private:
  std::string objects_dir_;
  std::once_flag opened_;
  std::unique_ptr<pack::ObjectStore> store_;
  std::optional<core::Error> error_;
};

std::shared_ptr<SharedPackStore> NewSharedPackStore(std::string objects_dir) {
  return std::make_shared<SharedPackStore>(std::move(objects_dir));
}

namespace {

// Delta bases and recent objects kept by each handle's reader (libgit2 keeps 16 MiB per pack).
// 8 MiB: a range check runs three or more handles, and on these VMs fresh memory costs more
// (~2 ms a MiB on first touch) than the bases a smaller cache reads again (bench/README.md).
constexpr std::size_t kCacheBytes = std::size_t{8} << 20;

}  // namespace

std::optional<PackReads::Place> PackReads::Find(std::string_view raw_id) {
  const pack::ObjectStore* store = shared_->Get();
  if (store == nullptr || raw_id.size() != pack::kIdBytes) return std::nullopt;
  if (!reader_) reader_.emplace(*store, kCacheBytes);
  if (auto packed = store->Locate(raw_id)) return Place{packed, ""};
  if (auto loose = store->LoosePath(raw_id)) return Place{std::nullopt, std::move(*loose)};
  return std::nullopt;
}

core::Result<void> PackReads::Usable() {
  shared_->Get();
  const auto& error = shared_->error();
  if (!error) return {};
  // Fail closed: libgit2's own backends do not hash what they read, so a store that a poisoned
  // cache damaged on purpose must not hand its objects to them.
  return core::MakeError(core::ErrorCode::kRepository,
                         "the object store cannot be read safely: " + error->message,
                         error->location);
}

core::Result<std::optional<pack::Object>> PackReads::Read(std::string_view raw_id) {
  std::lock_guard lock(mutex_);
  if (auto usable = Usable(); !usable) return tl::unexpected(usable.error());
  const auto place = Find(raw_id);
  if (!place) return std::nullopt;
  auto object =
      place->packed ? reader_->Read(*place->packed) : reader_->ReadLooseFile(place->loose_path);
  if (!object) return tl::unexpected(object.error());
  if (!pack::NamesObjectOnce(*shared_->Get(), *object, object->kind, raw_id)) {
    return tl::unexpected(pack::NotItsId());
  }
  return std::move(*object);
}

core::Result<std::optional<pack::ObjectInfo>> PackReads::Info(std::string_view raw_id) {
  std::lock_guard lock(mutex_);
  if (auto usable = Usable(); !usable) return tl::unexpected(usable.error());
  const auto place = Find(raw_id);
  if (!place) return std::nullopt;
  auto info =
      place->packed ? reader_->Info(*place->packed) : reader_->LooseFileInfo(place->loose_path);
  if (!info) return tl::unexpected(info.error());
  return *info;
}

bool PackReads::Holds(std::string_view raw_id) {
  std::lock_guard lock(mutex_);
  return Find(raw_id).has_value();
}

namespace {

// Standard layout, libgit2's part first: libgit2 passes a pointer to that part.
struct Backend {
  git_odb_backend parent;
  PackReads* reads;  // owned: a shared_ptr's copy, released in Free
  std::shared_ptr<PackReads>* owner;
};
static_assert(std::is_standard_layout_v<Backend>);

PackReads& Self(git_odb_backend* backend) { return *reinterpret_cast<Backend*>(backend)->reads; }

std::string_view RawOf(const git_oid* id) {
  return {reinterpret_cast<const char*>(id->id), pack::kIdBytes};
}

int Fail(const git_oid* id, const core::Error& why) {
  // libgit2 keeps a message alone: the file the error names goes into it.
  const std::string message = "object " + git_internal::OidString(id) + ": " + why.message +
                              (why.location.empty() ? "" : " (" + why.location + ")");
  git_error_set_str(GIT_ERROR_ODB, message.c_str());
  return GIT_ERROR;
}

int Read(void** data, std::size_t* size, git_object_t* type, git_odb_backend* backend,
         const git_oid* id) {
  auto object = Self(backend).Read(RawOf(id));
  if (!object) return Fail(id, object.error());
  if (!*object) return GIT_ENOTFOUND;
  const std::string& bytes = *(*object)->bytes;
  void* copy = git_odb_backend_data_alloc(backend, bytes.size());
  if (copy == nullptr)
    return Fail(id, core::Error{core::ErrorCode::kInternal, "out of memory", ""});
  if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
  *data = copy;
  *size = bytes.size();
  *type = git_internal::GitTypeOf((*object)->kind);
  return 0;
}

int ReadHeader(std::size_t* size, git_object_t* type, git_odb_backend* backend, const git_oid* id) {
  auto info = Self(backend).Info(RawOf(id));
  if (!info) return Fail(id, info.error());
  if (!*info) return GIT_ENOTFOUND;
  *size = static_cast<std::size_t>((*info)->size);
  *type = git_internal::GitTypeOf((*info)->kind);
  return 0;
}

int Exists(git_odb_backend* backend, const git_oid* id) {
  return Self(backend).Holds(RawOf(id)) ? 1 : 0;
}

void Free(git_odb_backend* backend) {
  auto* whole = reinterpret_cast<Backend*>(backend);
  delete whole->owner;
  delete whole;
}

}  // namespace

core::Result<void> AddPackBackend(git_repository* repo, std::shared_ptr<PackReads> reads) {
  // Ahead of libgit2's packed (2) and loose (1) backends.
  constexpr int kPriority = 3;
  auto* backend = new Backend{};
  backend->reads = reads.get();
  backend->owner = new std::shared_ptr<PackReads>(std::move(reads));
  if (git_odb_init_backend(&backend->parent, GIT_ODB_BACKEND_VERSION) != 0) {
    Free(&backend->parent);
    return core::MakeError(core::ErrorCode::kInternal,
                           "cannot set up the object reader: " + git_internal::LastError());
  }
  backend->parent.read = &Read;
  backend->parent.read_header = &ReadHeader;
  backend->parent.exists = &Exists;
  backend->parent.free = &Free;
  git_internal::OwnedOdb odb;
  if (git_repository_odb(odb.out(), repo) != 0 ||
      git_odb_add_backend(odb.get(), &backend->parent, kPriority) != 0) {
    Free(&backend->parent);
    return core::MakeError(core::ErrorCode::kRepository,
                           "cannot open the object store: " + git_internal::LastError());
  }
  return {};  // the object database frees the backend
}

core::Result<git_repository*> NewMemoryRepository() {
  git_internal::OwnedOdb odb;
  git_odb_backend* memory = nullptr;
  if (git_odb_new(odb.out()) != 0 || git_mempack_new(&memory) != 0) {
    return core::MakeError(core::ErrorCode::kInternal,
                           "cannot set up writes to memory: " + git_internal::LastError());
  }
  if (git_odb_add_backend(odb.get(), memory, 1) != 0) {
    memory->free(memory);  // not the object database's
    return core::MakeError(core::ErrorCode::kInternal,
                           "cannot set up writes to memory: " + git_internal::LastError());
  }
  git_repository* repo = nullptr;
  if (git_repository_wrap_odb(&repo, odb.get()) != 0) {
    return core::MakeError(core::ErrorCode::kInternal,
                           "cannot set up writes to memory: " + git_internal::LastError());
  }
  return repo;  // holds its own reference to the object database
}

}  // namespace riskgate::collect
