# A range adding a file over limits.max_file_bytes and a binary (NUL-bearing) file, next to a
# small text file. Judged as a CI range run, where what cannot be scanned blocks.
printf 'app\n' > README.md
git add -A && git commit -qm base && git tag base
mkdir -p assets data
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' > assets/logo.png
awk 'BEGIN { for (i = 0; i < 40; i++) printf "row %02d,abcdefghijklmnopqrstuvwxyz,0123456789\n", i }' > data/export.csv
printf 'small\n' > data/notes.txt
git add -A && git commit -qm "assets and data"
