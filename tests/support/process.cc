#include "support/process.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace riskgate::testing {
namespace {

std::string Slurp(const std::string& path) {
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

ProcessResult Run(const std::vector<std::string>& argv, const std::string& cwd,
                  const std::map<std::string, std::string>& env) {
  char out_name[] = "/tmp/riskgate-test-out.XXXXXX";
  char err_name[] = "/tmp/riskgate-test-err.XXXXXX";
  const int out_fd = ::mkstemp(out_name);
  const int err_fd = ::mkstemp(err_name);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    for (const auto& [key, value] : env) {
      if (value.empty()) {
        ::unsetenv(key.c_str());
      } else {
        ::setenv(key.c_str(), value.c_str(), 1);
      }
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out_fd);
  ::close(err_fd);
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = Slurp(out_name);
  result.err = Slurp(err_name);
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
