# A range every control judges and none objects to: the empty form of every report.
printf 'app\n' > README.md
git add -A && git commit -qm base && git tag base
mkdir -p src
printf 'def add(a, b):\n    return a + b\n' > src/math.py
git add -A && git commit -qm "add"
