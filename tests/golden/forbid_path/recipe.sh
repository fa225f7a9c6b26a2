git add -A && git commit -qm base
mkdir -p config certs
echo 'A=1' > config/.env
echo 'key' > certs/server.pem
head -c 2000 /dev/zero | tr '\0' 'x' > big.txt
echo small > small.txt
git add -A
