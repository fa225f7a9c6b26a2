// Finds the exchange of http_exchange.h: linked in (the test programs link http_exchange.cc
// itself) or loaded once from libriskgate_http.so. The module is looked for only where the
// binary itself lies (beside it: a build tree; ../lib/riskgate/: an install, the .deb and the
// tarball), found through /proc/self/exe: never through the working directory, PATH,
// LD_LIBRARY_PATH or anything a repository under judgement could name.
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <mutex>

#include "collect/forge/http_exchange.h"
#include "core/text.h"

namespace riskgate::collect::forge {

// Defined only where http_exchange.cc is linked in; null otherwise.
extern "C" __attribute__((weak)) void riskgate_http_exchange_v1(const ExchangeRequest& request,
                                                                ExchangeOutcome& outcome);
namespace {

constexpr const char* kModuleName = "libriskgate_http.so";

core::Error ModuleError(std::string message) {
  return core::Error{core::ErrorCode::kForge, std::move(message), ""};
}

std::string BinaryDirectory() {
  std::array<char, 4096> buffer{};
  const ssize_t length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (length <= 0) return "";
  const std::string path(buffer.data(), static_cast<std::size_t>(length));
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

core::Result<ExchangeFunction> Load() {
  const std::string directory = BinaryDirectory();
  if (directory.empty()) {
    return tl::unexpected(ModuleError(
        "cannot find riskgate's HTTP module: /proc/self/exe does not say where riskgate is"));
  }
  const std::string candidates[] = {directory + "/" + kModuleName,
                                    directory + "/../lib/riskgate/" + kModuleName};
  std::string tried;
  for (const auto& path : candidates) {
    if (::access(path.c_str(), F_OK) != 0) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      return tl::unexpected(ModuleError("cannot load riskgate's HTTP module " + path + ": " +
                                        core::EscapeForDisplay(why ? why : "unknown error")));
    }
    auto abi = reinterpret_cast<const char* (*)()>(::dlsym(handle, "riskgate_http_abi_v1"));
    auto exchange =
        reinterpret_cast<ExchangeFunction>(::dlsym(handle, "riskgate_http_exchange_v1"));
    if (abi == nullptr || exchange == nullptr || HttpExchangeAbi() != abi()) {
      ::dlclose(handle);
      return tl::unexpected(ModuleError("riskgate's HTTP module " + path +
                                        " belongs to another build of riskgate (expected '" +
                                        HttpExchangeAbi() + "'); reinstall riskgate"));
    }
    return exchange;  // the handle stays open for the life of the process
  }
  return tl::unexpected(ModuleError("riskgate's HTTP module (" + std::string(kModuleName) +
                                    ") is missing; looked at " + tried + "; reinstall riskgate"));
}

}  // namespace

core::Result<ExchangeFunction> LoadHttpExchange() {
  if (&riskgate_http_exchange_v1 != nullptr) return &riskgate_http_exchange_v1;
  static std::once_flag once;
  static core::Result<ExchangeFunction> loaded = tl::unexpected(ModuleError("not loaded"));
  std::call_once(once, [] { loaded = Load(); });
  return loaded;
}

}  // namespace riskgate::collect::forge
