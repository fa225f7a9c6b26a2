// Linked into riskgate only with the static C++ library (cmake/StaticDependencies.cmake).
// GCC 12's libstdc++.a, built on glibc 2.36, refers to arc4random (std::random_device's
// "arc4random" source) from the string code every program pulls in; bound to glibc's, that one
// reference would make riskgate refuse to start on any glibc before 2.36 (Ubuntu 22.04, RHEL 9).
// riskgate never asks std::random_device for it, but the reference must resolve: this definition,
// with glibc's contract (a uniformly random 32-bit value from the kernel's CSPRNG; it never
// fails, and aborts if no randomness can be had), keeps the binary at glibc 2.34.
#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>

extern "C" std::uint32_t arc4random() noexcept {
  std::uint32_t value = 0;
  auto* at = reinterpret_cast<unsigned char*>(&value);
  std::size_t left = sizeof value;
  while (left > 0) {
    const ssize_t got = ::getrandom(at, left, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      std::abort();
    }
    at += got;
    left -= static_cast<std::size_t>(got);
  }
  return value;
}
