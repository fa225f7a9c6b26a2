mkdir -p src/vendor
echo 'eval(old)' > src/old.js
git add -A && git commit -qm base && git tag base
printf 'const a = 1;\neval(input);\neval(x); // riskgate-reviewed\n' > src/new.js
echo 'eval(vendored)' > src/vendor/lib.js
echo 'eval(not js)' > notes.txt
echo 'eval(more)' >> src/old.js
git add -A && git commit -qm change
