// Shell analysis of the pins control: download-then-execute and floating package installs.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "evaluate/pins/shell_analysis.h"

namespace riskgate::evaluate::pins {
namespace {

std::vector<std::string> Rules(const std::vector<ShellIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(i.rule);
  return out;
}

std::vector<std::string> RulesOf(const std::string& script) {
  return Rules(AnalyzeShell(script, 1));
}

using Strings = std::vector<std::string>;
const Strings kDownload = {"download-then-execute"};
const Strings kNone = {};

const std::string kSha = "0123456789abcdef0123456789abcdef01234567";

}  // namespace

TEST_CASE("a download piped into a shell or interpreter is download-then-execute", "[pins]") {
  CHECK(RulesOf("curl -fsSL https://get.example.com | sh") == kDownload);
  CHECK(RulesOf("wget -qO- https://x.example/install.sh | sudo -E bash -s -- --yes") == kDownload);
  CHECK(RulesOf("curl -s https://x.example/i.py | /usr/bin/python3") == kDownload);
  CHECK(RulesOf("curl -s https://x.example/i.sh | bash /dev/stdin") == kDownload);
  CHECK(RulesOf("sudo curl -s https://x.example/i.sh | tee /tmp/i.sh | sh") == kDownload);
  CHECK(RulesOf("curl https://x.example/i.sh |\n  bash") == kDownload);
  CHECK(RulesOf("gsutil cat gs://bucket/install.sh | bash") == kDownload);
  CHECK(RulesOf("aws s3 cp s3://bucket/install.sh - | sh") == kDownload);
}

TEST_CASE("data piped to inline code, a local script or a filter runs nothing downloaded",
          "[pins]") {
  CHECK(RulesOf("curl -s https://api.example/x | python3 -c 'import json,sys; print(1)'") == kNone);
  CHECK(RulesOf("curl -s https://api.example/x | bash ./local.sh") == kNone);
  CHECK(RulesOf("curl -s https://api.example/x | jq -r .tag_name") == kNone);
  CHECK(RulesOf("curl -s https://api.example/x | sha256sum") == kNone);
  CHECK(RulesOf("if command -v curl >/dev/null; then echo yes; fi") == kNone);
}

TEST_CASE("a URL pinned to a commit is not a finding and a branch URL gets the pinned form",
          "[pins]") {
  CHECK(RulesOf("curl -sSL https://raw.githubusercontent.com/o/r/" + kSha + "/install.sh | bash") ==
        kNone);
  CHECK(RulesOf("wget https://github.com/o/r/raw/" + kSha + "/x.sh -O x.sh && sh x.sh") == kNone);
  const auto issues =
      AnalyzeShell("curl -sSL https://raw.githubusercontent.com/o/r/main/i.sh | bash", 1);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].fix.find("https://raw.githubusercontent.com/o/r/<40-hex commit sha>/i.sh") !=
        std::string::npos);
}

TEST_CASE("process substitution, sh -c \"$(curl)\" and eval of a download run downloaded code",
          "[pins]") {
  CHECK(RulesOf("bash <(curl -s https://codecov.io/bash)") == kDownload);
  CHECK(RulesOf("sudo bash <(wget -qO- https://x.example/s.sh)") == kDownload);
  CHECK(RulesOf("source <(curl -fsSL https://x.example/env.sh)") == kDownload);
  CHECK(RulesOf("bash < <(curl -fsSL https://x.example/s.sh)") == kDownload);
  CHECK(RulesOf("/bin/bash -c \"$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/"
                "HEAD/install.sh)\"") == kDownload);
  CHECK(RulesOf("eval \"$(curl -fsSL https://x.example/env)\"") == kDownload);
  CHECK(RulesOf("diff <(curl -s https://x.example/a) b.txt") == kNone);
}

TEST_CASE("sh -c and su -c scripts are analysed as scripts", "[pins]") {
  CHECK(RulesOf("sh -c \"curl bla | sh\"") == kDownload);
  CHECK(RulesOf("sudo su -c 'bash <(curl -s https://x.example/s)' root") == kDownload);
  CHECK(RulesOf("bash -ec 'npm install'") == Strings{"npm-install"});
  CHECK(RulesOf("sh -c \"curl bla > file1\"\nsh -c \"./file1\"") == kDownload);
}

TEST_CASE("a downloaded file run later in the script is reported where it runs", "[pins]") {
  CHECK(RulesOf("curl -fsSLo get.sh https://x.example/get.sh\nchmod +x get.sh && ./get.sh") ==
        kDownload);
  CHECK(RulesOf("curl -sSL -O https://x.example/tool.py\npython3 tool.py --help") == kDownload);
  CHECK(RulesOf("curl --output /tmp/i.sh https://x.example/i.sh; sh /tmp/i.sh") == kDownload);
  CHECK(RulesOf("wget -q https://x.example/a/install.sh\nbash install.sh") == kDownload);
  CHECK(RulesOf("curl https://x.example/i.sh > i.sh && . ./i.sh") == kDownload);
  CHECK(RulesOf("gsutil cp gs://bucket/dir/tool /usr/local/bin/ && /usr/local/bin/tool") ==
        kDownload);
  CHECK(RulesOf("aws s3 cp s3://bucket/tool.sh ./ && bash tool.sh") == kDownload);
  CHECK(RulesOf("curl -LO https://x.example/pkg.deb && sudo dpkg -i pkg.deb") == kDownload);
  CHECK(RulesOf("curl -o data.json https://x.example/data.json\ncat data.json") == kNone);
  CHECK(RulesOf("curl -o x.json https://x.example/x.json\nperl -pi -e 's/a/b/' x.json") == kNone);

  const auto issues =
      AnalyzeShell("set -e\ncurl -o /tmp/t https://x.example/t\n\n  /tmp/t run", 20);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 23);
  CHECK(issues[0].column == 3);
  CHECK(issues[0].command == "/tmp/t run");
  CHECK(issues[0].message.find("downloaded at line 21") != std::string::npos);
}

TEST_CASE("a file downloaded in one step and run in a later step is found by one analyzer",
          "[pins]") {
  ShellAnalyzer job;
  CHECK(job.Analyze("wget https://x.example/setup.sh -O /tmp/setup.sh", 10).empty());
  const auto issues = job.Analyze("bash /tmp/setup.sh", 14);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 14);
  CHECK(AnalyzeShell("bash /tmp/setup.sh", 14).empty());  // fresh state
}

TEST_CASE("a checksum or signature check before running a download clears it", "[pins]") {
  // Scorecard still reports these (scorecard#3401, #4534): a documented deviation.
  const std::string digest(64, 'a');
  CHECK(RulesOf("curl -fsSLo t.sh https://x.example/t.sh\necho \"" + digest +
                "  t.sh\" | sha256sum -c -\nbash t.sh") == kNone);
  CHECK(RulesOf(
            "curl -fsSLo t https://x.example/t\necho \"${T_SHA256} *t\" | shasum -a 256 -c\n./t") ==
        kNone);
  CHECK(RulesOf("curl -LO https://x.example/t.tgz.sh\ncurl -LO https://x.example/t.tgz.sh.asc\n"
                "gpg --verify t.tgz.sh.asc t.tgz.sh && sh t.tgz.sh") == kNone);
  CHECK(RulesOf("curl -LO https://x.example/t\nsha256sum -c t.sha256\n./t") == kNone);
  // Not checks: no -c, SHA-1, a checksum file fetched from the same place, a check after running.
  CHECK(RulesOf("curl -LO https://x.example/t\nsha256sum t\n./t") == kDownload);
  CHECK(RulesOf("curl -LO https://x.example/t\necho \"" + digest + "  t\" | shasum -c\n./t") ==
        kDownload);
  CHECK(RulesOf("curl -LO https://x.example/t\ncurl -LO https://x.example/t.sha256\n"
                "sha256sum -c t.sha256\n./t") == kDownload);
  CHECK(RulesOf("curl -LO https://x.example/t\n./t\necho \"" + digest + "  t\" | sha256sum -c") ==
        kDownload);
}

TEST_CASE("comments, quoted text and here-document bodies are not commands", "[pins]") {
  CHECK(RulesOf("# curl https://x | bash\necho 'curl x | bash' \"npm install\"") == kNone);
  CHECK(RulesOf("cat <<EOF > notes.md\ncurl https://x | bash\nnpm install\nEOF\necho done") ==
        kNone);
  CHECK(RulesOf("cat <<-'EOF'\n\tcurl https://x | bash\n\tEOF\nnpm ci") == kNone);
  CHECK(RulesOf("echo $((1<<3)) && npm ci") == kNone);
}

TEST_CASE("a shell reading a here-document runs its body", "[pins]") {
  const auto issues = AnalyzeShell("bash <<EOF\nset -e\ncurl https://x | sh\nEOF\n", 5);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 7);
}

TEST_CASE("compound commands and continuations do not hide commands", "[pins]") {
  CHECK(RulesOf("if [ -n \"$CI\" ]; then\n  curl https://x | sh\nfi") == kDownload);
  CHECK(RulesOf("for v in a b; do npm install; done") == Strings{"npm-install"});
  CHECK(RulesOf(
            "case \"$OS\" in\n  linux|mac) curl https://x | sh ;;\n  *) pip install x ;;\nesac") ==
        (Strings{"download-then-execute", "pip-install"}));
  CHECK(RulesOf("setup() {\n  go install example.com/tool@latest\n}\nsetup") ==
        Strings{"go-install"});
  CHECK(RulesOf("(cd web && npm install)") == Strings{"npm-install"});
  CHECK(RulesOf("VERSION=$(curl -s https://x | bash)") == kDownload);
  CHECK(RulesOf("curl https://x \\\n  | \\\n  sh") == kDownload);
  CHECK(RulesOf("while read -r f; do sh \"$f\"; done < <(ls)") == kNone);
}

TEST_CASE("assignments, env, sudo options and timeout are skipped to find the program", "[pins]") {
  CHECK(RulesOf("CGO_ENABLED=0 GOFLAGS=-mod=mod go install example.com/x@main") ==
        Strings{"go-install"});
  CHECK(RulesOf("env -i PATH=/bin npm i") == Strings{"npm-install"});
  CHECK(RulesOf("sudo -u builder -H pip3 install requests") == Strings{"pip-install"});
  CHECK(RulesOf("timeout 60 npm install") == Strings{"npm-install"});
  CHECK(RulesOf("$NPM install") == kNone);  // the program is a variable
}

TEST_CASE("npm install, i and update float while npm ci is pinned", "[pins]") {
  CHECK(RulesOf("npm install") == Strings{"npm-install"});
  CHECK(RulesOf("npm i -g typescript@5.4.2") == Strings{"npm-install"});
  CHECK(RulesOf("npm --prefix web update") == Strings{"npm-install"});
  CHECK(RulesOf("npm ci && npm install-ci-test && npm run build") == kNone);
  const auto issues = AnalyzeShell("npm install", 1);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == ShellIssueKind::kUnpinnedPackage);
  CHECK(issues[0].fix == "use `npm ci` (installs exactly package-lock.json)");
}

TEST_CASE("pip needs --require-hashes, and exact == versions are a separate, milder rule",
          "[pins]") {
  CHECK(RulesOf("pip install -r requirements.txt") == Strings{"pip-install"});
  CHECK(RulesOf("python3 -m pip install --upgrade pip") == Strings{"pip-install"});
  CHECK(RulesOf("pip install --require-hashes -r requirements.txt") == kNone);
  CHECK(RulesOf("pip install ./dist/pkg-1.0-py3-none-any.whl") == kNone);
  CHECK(RulesOf("pip install --no-deps -e .") == kNone);
  CHECK(RulesOf("pip install --no-deps -e git+https://github.com/o/r.git@" + kSha + "#egg=r") ==
        kNone);
  CHECK(RulesOf("pip install -e git+https://github.com/o/r.git@v1.0#egg=r") ==
        Strings{"pip-install"});
  CHECK(RulesOf("pip install 'black==24.3.0' flake8==7.0.0") ==
        Strings{"pip-install-version-pinned"});
  CHECK(RulesOf("pip install -i https://pypi.example/simple requests==2.31.0") ==
        Strings{"pip-install-version-pinned"});
  CHECK(RulesOf("pip install requests==2.31.0 'urllib3>=2'") == Strings{"pip-install"});
  CHECK(RulesOf("pip install requests==2.*") == Strings{"pip-install"});
  CHECK(RulesOf("uv pip install ruff") == Strings{"pip-install"});
  const auto issues = AnalyzeShell("pip install -r requirements.txt", 1);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].fix.starts_with("pip install --require-hashes -r requirements.txt"));
}

TEST_CASE("go install and go get need a full version, a commit or a local path", "[pins]") {
  CHECK(RulesOf("go install golang.org/x/tools/gopls@latest") == Strings{"go-install"});
  CHECK(RulesOf("go get -u github.com/o/r") == Strings{"go-install"});
  CHECK(RulesOf("go install github.com/o/r/cmd/x@v1.2") == Strings{"go-install"});
  CHECK(RulesOf("go get -insecure github.com/o/r@v1.2.3") == Strings{"go-install"});
  CHECK(RulesOf("go install golang.org/x/tools/gopls@v0.15.3") == kNone);
  CHECK(RulesOf("go install github.com/o/r@v0.0.0-20240101120000-abcdef123456") == kNone);
  CHECK(RulesOf("go get github.com/o/r@" + kSha) == kNone);
  CHECK(RulesOf("go get github.com/o/r@none") == kNone);
  CHECK(RulesOf("go install ./cmd/... && go install && go build ./... && go mod download") ==
        kNone);
  const auto issues = AnalyzeShell("go install golang.org/x/tools/gopls@latest", 1);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].fix.starts_with("go install golang.org/x/tools/gopls@v1.2.3"));
}

TEST_CASE("gem install needs -v with an exact version", "[pins]") {
  CHECK(RulesOf("gem install bundler") == Strings{"gem-install"});
  CHECK(RulesOf("gem install bundler -v '~> 2.5'") == Strings{"gem-install"});
  CHECK(RulesOf("gem install bundler -v 2.5.6") == kNone);
  CHECK(RulesOf("gem install rails:7.1.3") == kNone);
}

TEST_CASE("issue 22: asking an installer for help installs nothing", "[pins]") {
  CHECK(RulesOf("gem install --help") == kNone);
  CHECK(RulesOf("gem install -h") == kNone);
  CHECK(RulesOf("pip install --help") == kNone);
  CHECK(RulesOf("npm install -h") == kNone);
  CHECK(RulesOf("go install --help") == kNone);
  // Help of another command on the line does not excuse an install.
  CHECK(RulesOf("gem --help; gem install bundler") == Strings{"gem-install"});
}

TEST_CASE("choco needs checksums and nuget/dotnet need versions or locked mode", "[pins]") {
  CHECK(RulesOf("choco install git -y") == Strings{"choco-install"});
  CHECK(RulesOf("choco.exe install git --requirechecksums") == kNone);
  CHECK(RulesOf("choco install git --require-checksums=true") == kNone);
  CHECK(RulesOf("nuget install Foo") == Strings{"nuget-install"});
  CHECK(RulesOf("nuget install Foo -Version 1.2.3 && nuget install packages.config") == kNone);
  CHECK(RulesOf("nuget restore") == Strings{"nuget-install"});
  CHECK(RulesOf("nuget restore -LockedMode && dotnet restore --locked-mode") == kNone);
  CHECK(RulesOf("dotnet restore") == Strings{"nuget-install"});
  CHECK(RulesOf("dotnet add src/App.csproj package Serilog") == Strings{"nuget-install"});
  CHECK(RulesOf("dotnet add package Serilog --version 3.1.1") == kNone);
  CHECK(RulesOf("msbuild /t:Restore") == Strings{"nuget-install"});
  CHECK(RulesOf("msbuild /t:restore /p:RestoreLockedMode=true") == kNone);
  CHECK(RulesOf("dotnet tool install -g dotnet-ef") == Strings{"nuget-install"});
}

TEST_CASE("issues carry file positions, a one-line command, a message and a fix", "[pins]") {
  const auto issues = ShellAnalyzer().Analyze(
      "echo start\n  curl -fsSL https://get.example.com \\\n    | sudo sh", 40, 9);
  REQUIRE(issues.size() == 1);
  const ShellIssue& i = issues[0];
  CHECK(i.kind == ShellIssueKind::kDownloadThenExecute);
  CHECK(i.line == 41);
  CHECK(i.column == 3);
  CHECK(i.command == "curl -fsSL https://get.example.com | sudo sh");
  CHECK(i.message == "`curl` output is piped into `sh`, which runs whatever the server sends");
  CHECK(
      i.fix ==
      "download to a file, verify it with `echo \"<sha256>  file\" | sha256sum -c -`, then run it");
  const auto first = ShellAnalyzer().Analyze("npm i", 3, 9);
  REQUIRE(first.size() == 1);
  CHECK(first[0].column == 9);  // the first line starts at first_column

  const std::string long_line = "npm install " + std::string(400, 'a');
  const auto longer = AnalyzeShell(long_line, 1);
  REQUIRE(longer.size() == 1);
  CHECK(longer[0].command.size() <= 200);
  CHECK(longer[0].command.ends_with("..."));
}

TEST_CASE("malformed shell never throws and still reports what it can", "[pins]") {
  CHECK(RulesOf("fi\ncurl x | bash\ndone\n)") == kDownload);
  CHECK(RulesOf("echo \"unterminated\ncurl x | bash") == kNone);  // all inside the quote
  CHECK(RulesOf("npm install\necho $(unterminated") == Strings{"npm-install"});
  CHECK(RulesOf("case x in") == kNone);
  constexpr char kJunk[] = "\0\xff\xfe|&;<>()`'\"\\$";
  CHECK(RulesOf(std::string(kJunk, sizeof kJunk - 1)).empty());
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "sh -c \"$(";
  CHECK_NOTHROW(AnalyzeShell(deep + "curl x | sh", 1));
  CHECK(AnalyzeShell("", 1).empty());
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE(
    "issue 16: a container build from a file not named as a Dockerfile is unjudged-build-file",
    "[pins]") {
  const std::vector<std::string> kUnjudged = {"unjudged-build-file"};
  CHECK(RulesOf("docker build -f ci/image.txt .") == kUnjudged);
  CHECK(RulesOf("DOCKER_BUILDKIT=1 docker buildx build --file=vendor/x/build.cfg .") == kUnjudged);
  CHECK(RulesOf("sudo podman build -fci/image.txt -t x .") == kUnjudged);
  CHECK(RulesOf("docker image build --file 'vendor/image/Dockerfile.md' .") == kUnjudged);
  CHECK(RulesOf("buildah bud -f build/recipe .") == kUnjudged);
  CHECK(RulesOf("docker --log-level info -H tcp://builder:2375 build -f ci/image.txt .") ==
        kUnjudged);
  // Named as a Dockerfile (any case, any folder), from a variable, absolute, or stdin: no issue.
  CHECK(RulesOf("docker build -f vendor/image/Dockerfile .").empty());
  CHECK(RulesOf("docker build --file ./gitcache/DOCKERFILE --tag x .").empty());
  CHECK(RulesOf("docker buildx build -f docker/api.dockerfile .").empty());
  CHECK(RulesOf("docker build -f \"$DOCKERFILE\" .").empty());
  CHECK(RulesOf("docker build -f /tmp/generated .").empty());
  CHECK(RulesOf("docker build -f - . < ci/image.txt").empty());
  CHECK(RulesOf("docker build -t x .").empty());
  CHECK(RulesOf("docker run -f x.txt image").empty());
  CHECK(RulesOf("docker buildx bake -f docker-bake.hcl").empty());
}

TEST_CASE("issue 16: a shell running a script not named as one is unjudged-script", "[pins]") {
  const std::vector<std::string> kUnjudged = {"unjudged-script"};
  CHECK(RulesOf("bash ci/setup.txt") == kUnjudged);
  CHECK(RulesOf("sudo -E sh -x ./third_party/tool/install.cfg --yes") == kUnjudged);
  // Judged by name (*.sh) or by shebang (no extension), inline, from stdin or a variable.
  CHECK(RulesOf("bash third_party/tool/install.sh").empty());
  CHECK(RulesOf("sh ./configure --prefix=/usr").empty());
  CHECK(RulesOf("bash -c 'echo hi'").empty());
  CHECK(RulesOf("bash \"$SCRIPT\"").empty());
  CHECK(RulesOf("bash -s < ci/setup.txt").empty());
  CHECK(RulesOf("python3 ci/setup.txt").empty());
  // Issue 22: a shell with its own language runs its own scripts, which no name would make
  // the control read (nushell's `nu .github/workflows/check-msrv.nu` in a real workflow).
  CHECK(RulesOf("nu .github/workflows/check-msrv.nu").empty());
  CHECK(RulesOf("fish ci/setup.fish").empty());
  CHECK(RulesOf("sudo bash ci/setup.nu") == kUnjudged);
}

TEST_CASE("issue 22: pip install with a constraints file is pip-install-version-pinned", "[pins]") {
  const Strings pinned = {"pip-install-version-pinned"};
  CHECK(RulesOf("pip install -r req.in -c req.txt") == pinned);
  CHECK(RulesOf("pip install --constraint=req.txt requests") == pinned);
  CHECK(RulesOf("pip install -creq.txt requests") == pinned);
  CHECK(RulesOf("pip install -r req.in -c req.txt --require-hashes").empty());
  CHECK(RulesOf("pip install requests") == Strings{"pip-install"});
  CHECK(RulesOf("sh 'not a file; really.txt'").empty());
}

}  // namespace riskgate::evaluate::pins

namespace riskgate::evaluate::pins {

TEST_CASE("issue 22: || and && inside [[ ]] are part of the test, not a command after it",
          "[pins]") {
  // A downloaded value tested, never run (a real workflow's release check).
  const std::string tested =
      "X=$(curl -s https://x.example/schedule.json | jq -r .stable)\n"
      "if [[ -z \"$X\" || \"$X\" == \"null\" ]]; then exit 1; fi\n"
      "[[ \"$X\" > 1 && ( -n \"$X\" ) ]] && echo ok\n"
      "[[ -n \"$X\" ||\n   \"$X\" == x ]]\n";
  CHECK(RulesOf(tested) == kNone);
  // Still run: after the test, in a substitution inside it, and after a [[ left open.
  CHECK(RulesOf("X=$(curl -s https://x.example/i.sh)\n[[ -n \"$X\" ]] && \"$X\"") == kDownload);
  CHECK(RulesOf("X=$(curl -s https://x.example/i.sh)\n[[ -n \"$X\" ]] || eval \"$X\"") ==
        kDownload);
  CHECK(RulesOf("[[ -n $(curl -s https://x.example/i.sh | sh) ]]") == kDownload);
  CHECK(RulesOf("X=$(curl -s https://x.example/i.sh)\n[[ -n x\neval \"$X\"") == kDownload);
  CHECK(RulesOf("X=$(curl -s https://x.example/i.sh)\n[[ -n x ; eval \"$X\"") == kDownload);
}

}  // namespace riskgate::evaluate::pins
