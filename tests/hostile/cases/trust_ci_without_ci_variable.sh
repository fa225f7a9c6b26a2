# attack: on a CI system that does not set CI (Jenkins, Azure Pipelines, TeamCity), a range run was judged as a laptop's: the change's own `riskgate:allow` waived its token, and a bare `check` judged an empty index
# surface: ci-detection
# expect: block (error for a bare check)
base_repo
token=$(fake_github_token)
plant "$token"
write src/settings.py "TOKEN = '$token'  # riskgate:allow"
commit 'a token the change waives itself'
head=$(git rev-parse HEAD)
# On a laptop the marker is the developer's own call.
gate pass check --base "$base" --head "$head"
# Each CI system by the variable it always sets: the range is a gate there.
JENKINS_URL=https://jenkins.example.com/ gate block check --base "$base" --head "$head"
TF_BUILD=True gate block check --base "$base" --head "$head"
TEAMCITY_VERSION=2024.12 gate block check --base "$base" --head "$head" --format json
CODEBUILD_BUILD_ID=build:1 gate block check --base "$base" --head "$head"
# A bare check there guesses no range: an error, not a pass over an empty index.
JENKINS_URL=https://jenkins.example.com/ gate error check
expect_in_output '--base'
