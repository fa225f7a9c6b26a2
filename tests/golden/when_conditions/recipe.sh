git add -A && git commit -qm base && git tag base
mkdir -p web
echo '// TODO later' > a.c
echo 'console.log(1)' > web/app.js
git add -A && git commit -qm change
