git add -A && git commit -qm "base ACME-1" && git tag base
echo a > a.txt && git add -A && git commit -qm "ACME-2 add a"
echo b > b.txt && git add -A && git commit -qm "WIP: b"
echo c > c.txt && git add -A && git commit -qm "OPS-7 c"
