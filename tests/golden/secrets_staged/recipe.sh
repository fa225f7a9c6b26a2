# A commit, then two secrets staged: one plain, one on a line marked riskgate:allow.
printf 'app\n' > README.md
git add -A && git commit -qm base
mkdir -p src
printf 'import os\n\nGITHUB = "%s"\n' "$SECRET_1" > src/settings.py
printf 'STRIPE = "%s"  # riskgate:allow test fixture\n' "$SECRET_2" > src/billing.py
git add -A
