# attack: a PKCS#12 keystore committed under a harmless name (.bin, no extension) and deleted again, hoping a history audit lists it as an unreadable binary (warn) instead of the keystore it is
# surface: history
# expect: block
new_repo
write README.md 'hello'
commit base
mkdir -p assets
printf '\x30\x82\x0a\x5b\x02\x01\x03\x30\x82\x0a\x21\x06\x09\x2a\x86\x48' >assets/blob.bin
head -c 200 /dev/zero >>assets/blob.bin
cp assets/blob.bin assets/data
commit keystore
git rm -q assets/blob.bin assets/data
commit remove
gate block history --format json
expect_in_output 'keystore-file'
expect_in_output 'by its magic bytes'
