mkdir -p .github
echo '* @acme/core' > .github/CODEOWNERS
git add -A && git commit -qm base
