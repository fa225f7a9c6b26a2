# A range touching the high-tier payments component, which has no threat model; the low-tier
# component is not touched, so it is not judged.
mkdir -p src/payments site
printf 'app\n' > README.md
printf 'index\n' > site/index.html
git add -A && git commit -qm base && git tag base
printf 'int Charge(int cents);\n' > src/payments/charge.cc
git add -A && git commit -qm "payments: charge"
