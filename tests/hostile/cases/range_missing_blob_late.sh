# attack: a range of 100 commits whose 90th writes a blob the object store no longer holds, so that the commits diffed ahead on other threads meet the error while earlier ones are judged: the check must stop with the error, not pass on what it read, and not hang waiting for a result
# surface: range
# expect: error
base_repo
for i in $(seq 1 100); do
  write "f$((i % 5)).txt" "version $i"
  commit "c$i"
  if [ "$i" = 90 ]; then gone=$(git rev-parse HEAD:f0.txt); fi
done
rm -f ".git/objects/${gone:0:2}/${gone:2}"
gate error check --base "$base" --head HEAD
expect_in_output "$gone"
