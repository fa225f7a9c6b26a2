# attack: an unpinned third-party action and a pull_request_target head checkout written in YAML spellings a line-based reader would miss: anchors and aliases, flow style, quoted keys, an explicit !!str tag, 'on' quoted or as a flow map, a UTF-8 BOM, CRLF line ends, a tab before the value
# surface: staged
# expect: block (the gate holds today)
new_repo
write README.md 'hello'
commit base
try() {
  mkdir -p .github/workflows
  printf "$1" >.github/workflows/ci.yml
  git add -A
  gate block check --staged
  git reset -q --hard
}
try 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - &s\n        uses: evil/act@main\n      - *s\n'
try 'on: push\npermissions: {}\njobs: {a: {runs-on: ubuntu-latest, steps: [{uses: evil/act@main}]}}\n'
try 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - "uses": "evil/act@main"\n'
try 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: !!str evil/act@main\n'
co='permissions:\n  contents: read\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make\n'
try "'on': [pull_request_target]\n$co"
try "on: {\"pull_request_target\": {}}\n$co"
try "x: &t pull_request_target\non: *t\n$co"
try "\xef\xbb\xbfon: pull_request_target\n$co"
try "$(printf "on: pull_request_target\n$co" | sed 's/$/\r/')\n"
try "$(printf "on: pull_request_target\n$co" | sed 's/ref: /ref:\t/')\n"
