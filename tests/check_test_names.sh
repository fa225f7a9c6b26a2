#!/bin/sh
# catch_discover_tests splits the test list at ';', so a TEST_CASE name holding one becomes ctest
# names that match no test, and a name starting with '-' reaches the test binary as an option.
# Fails, listing them, when a name under tests/ has a ';' or starts with '-'.
cd "$(dirname "$0")" || exit 2
found=$( (grep -rnE 'TEST_CASE\("[^"]*;' --include='*.cc' . ;
          grep -rn -A1 --include='*.cc' 'TEST_CASE($' . | grep -E '^[^ ]*-[0-9]+-[[:space:]]*"[^"]*;';
          grep -rnE 'TEST_CASE\("-' --include='*.cc' .) )
if [ -n "$found" ]; then
  echo "TEST_CASE names must not contain ';' (catch_discover_tests splits them) or start with '-':"
  echo "$found"
  exit 1
fi
