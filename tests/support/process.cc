#include "support/process.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace riskgate::testing {
namespace {

// A report file's content; a stream or device an output was written to (/dev/stdout, a FIFO)
// is not read back: reading it would block or read something else.
std::string Slurp(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "";
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Everything a command under test printed or wrote as a report, appended to
// <build>/test-output/<pid>.log for the leak test (tests/leak). git's own output is set-up.
void RecordOutput(const std::vector<std::string>& argv, const std::string& cwd,
                  const std::map<std::string, std::string>& env, const ProcessResult& result) {
  if (argv.empty() || argv[0] == "git") return;
  const std::string dir = OutputLogDir();
  ::mkdir(dir.c_str(), 0755);
  std::ofstream log(dir + "/" + std::to_string(::getpid()) + ".log",
                    std::ios::binary | std::ios::app);
  log << "### " << argv[0] << "\n" << result.out << "\n" << result.err << "\n";
  auto append_file = [&](std::string path) {
    if (path.empty() || path == "-") return;
    if (path.front() != '/') path = cwd + "/" + path;
    log << "### file " << path << "\n" << Slurp(path) << "\n";
  };
  for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] == "--output" || argv[i] == "-o") append_file(argv[i + 1]);
    if (argv[i].starts_with("--output=")) append_file(argv[i].substr(9));
  }
  for (const char* key : {"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"}) {
    if (auto it = env.find(key); it != env.end()) append_file(it->second);
  }
}

}  // namespace

std::string OutputLogDir() { return RISKGATE_TEST_OUTPUT_DIR; }

namespace {

// The environment of the child, built before fork: the test process runs server threads, and
// only async-signal-safe calls are allowed between fork and exec.
std::vector<std::string> ChildEnvironment(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> merged;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) merged[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [key, value] : env) {
    if (value.empty()) {
      merged.erase(key);
    } else {
      merged[key] = value;
    }
  }
  std::vector<std::string> out;
  for (const auto& [key, value] : merged) out.push_back(key + "=" + value);
  return out;
}

int ProcessTimeoutSeconds() {
  const char* value = std::getenv("RISKGATE_TEST_PROCESS_TIMEOUT");
  return value != nullptr && std::atoi(value) > 0 ? std::atoi(value) : 240;
}

// A child that outlives its budget is a hang: its threads' stacks go to stderr (where ctest
// keeps them) before it is killed, so the failure says where it stopped.
void ReportHang(pid_t pid, const std::vector<std::string>& argv, int seconds) {
  std::string command;
  for (const auto& a : argv) command += a + " ";
  std::fprintf(stderr, "\n*** %s did not finish within %d s; its stacks:\n", command.c_str(),
               seconds);
  const std::string gdb = "gdb -p " + std::to_string(pid) +
                          " -batch -ex 'thread apply all bt' 2>&1 | grep -v '^\\[' 1>&2";
  if (std::system(gdb.c_str()) != 0) std::fprintf(stderr, "(gdb could not attach)\n");
  ::kill(pid, SIGKILL);
}

}  // namespace

ProcessResult Run(const std::vector<std::string>& argv, const std::string& cwd,
                  const std::map<std::string, std::string>& env) {
  char out_name[] = "/tmp/riskgate-test-out.XXXXXX";
  char err_name[] = "/tmp/riskgate-test-err.XXXXXX";
  const int out_fd = ::mkstemp(out_name);
  const int err_fd = ::mkstemp(err_name);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  std::vector<std::string> environment = ChildEnvironment(env);
  std::vector<char*> envp;
  for (auto& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    environ = envp.data();
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  const int budget = ProcessTimeoutSeconds();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(budget);
  bool hung = false;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (!hung && std::chrono::steady_clock::now() > deadline) {
      hung = true;
      ReportHang(pid, argv, budget);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(hung ? 10 : 2));
  }
  ::close(out_fd);
  ::close(err_fd);
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = Slurp(out_name);
  result.err = Slurp(err_name);
  if (hung) result.err += "\n[killed by the test harness after " + std::to_string(budget) + " s]";
  ::unlink(out_name);
  ::unlink(err_name);
  RecordOutput(argv, cwd, env, result);
  return result;
}

ProcessResult Shell(const std::string& command, const std::string& cwd,
                    const std::map<std::string, std::string>& env) {
  return Run({"/bin/sh", "-c", command}, cwd, env);
}

std::string RiskgateBinary() {
  const char* bin = std::getenv("RISKGATE_BIN");
  return bin != nullptr ? bin : RISKGATE_TEST_BIN;
}

std::string SourceDir() { return RISKGATE_TEST_SOURCE_DIR; }

}  // namespace riskgate::testing
