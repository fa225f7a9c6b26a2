#!/bin/bash
set -euo pipefail
curl -fsSL https://example.com/install.sh | sudo -E bash -
bash <(wget -qO- https://example.com/x)
wget https://example.com/tool.sh -O /tmp/tool.sh
echo "abc123  /tmp/tool.sh" | sha256sum -c -
sh /tmp/tool.sh
pip install --user "requests>=2" && pip3 install -r requirements.txt --require-hashes
npm i -g typescript; go install example.com/cmd@latest; gem install rails
for f in a b; do if [ -f "$f" ]; then echo "$f"; fi; done
case "$x" in a) echo 1 ;; *) echo 2 ;; esac
cat <<EOF | python3 -
print("hi")
EOF
