#!/usr/bin/env bash
# Generates a TEST public key infrastructure shaped like JPKI's signing certificates
# (docs/research/jpki-notes.md, section 6) with the openssl CLI, in OUTDIR. Nothing J-LIS issued:
# every key is made here, at test (or demo) time, and never committed.
#
#   make-test-pki.sh OUTDIR [NAME DOB_CODE GENDER ADDRESS]
#
# NAME/ADDRESS are the 氏名/住所 put into the signer certificates (UTF-8), DOB_CODE is J-LIS's
# EYYYYMMDD (era digit + Gregorian date), GENDER 1/2/3. Defaults describe a specimen resident.
# Writes (PEM):
#   root.pem                 the trust anchor (self-signed)
#   signca.pem               signing CA under root (the "J-LIS signing CA" of the tests)
#   ok.pem/.key              a valid signing certificate (nonRepudiation, policy …1.1.20, the facts)
#   revoked.pem/.key         like ok, revoked (keyCompromise) in crl.pem
#   auth.pem/.key            user-authentication shape: digitalSignature only, policy …1.3.30
#   nopolicy.pem/.key        nonRepudiation but no certificate policy
#   expired.pem/.key         valid 2020-01-01 .. 2021-01-01
#   untrusted.pem/.key       the same profile from another CA (other-ca.pem, not under root)
#   crl.pem                  signca's CRL, current (nextUpdate in 1 day), lists revoked.pem
#   stale-crl.pem            signca's CRL with nextUpdate 2020-01-02
#   root-crl.pem             root's CRL (empty, current), for chain-wide CRL checks
#   ocsp.pem/.key            an OCSP responder certificate issued by signca
#   index.txt                signca's database (for `openssl ocsp -index`)
set -euo pipefail
out="${1:?usage: make-test-pki.sh OUTDIR [NAME DOB_CODE GENDER ADDRESS]}"
name="${2:-見本　花子}"
dob="${3:-419900102}"
gender="${4:-2}"
address="${5:-東京都見本区見本町１丁目２番３号}"
export LC_ALL=C.UTF-8

mkdir -p "$out"
cd "$out"
umask 077
rm -rf ca other && mkdir -p ca/newcerts other/newcerts
: > ca/index.txt; echo 1000 > ca/serial; echo 01 > ca/crlnumber
: > other/index.txt; echo 2000 > other/serial; echo 01 > other/crlnumber
: > root.index.txt; echo 0100 > root.serial; echo 01 > root.crlnumber

# One '0' per character: no 代替文字 in the test facts.
zeros() { printf '%s' "$1" | sed 's/./0/g'; }

cat > pki.cnf <<CNF
# TEST ONLY. Shaped like the JPKI signing profile; not J-LIS data.
[ ca ]
default_ca = signca
[ signca ]
dir = ca
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
certificate = signca.pem
private_key = signca.key
serial = \$dir/serial
crlnumber = \$dir/crlnumber
default_md = sha256
default_days = 1825
default_crl_days = 1
policy = pol_any
unique_subject = no
utf8 = yes
string_mask = utf8only
copy_extensions = none
[ rootca ]
dir = .
database = root.index.txt
new_certs_dir = ca/newcerts
certificate = root.pem
private_key = root.key
serial = root.serial
crlnumber = root.crlnumber
default_md = sha256
default_days = 3650
default_crl_days = 1
policy = pol_any
unique_subject = no
[ otherca ]
dir = other
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
certificate = other-ca.pem
private_key = other-ca.key
serial = \$dir/serial
crlnumber = \$dir/crlnumber
default_md = sha256
default_days = 1825
default_crl_days = 1
policy = pol_any
unique_subject = no
utf8 = yes
string_mask = utf8only
[ pol_any ]
countryName = supplied
organizationName = optional
organizationalUnitName = optional
localityName = optional
commonName = optional
[ req ]
distinguished_name = dn
utf8 = yes
string_mask = utf8only
prompt = no
[ dn ]
C = JP
CN = unused
[ v3_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_signca ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_sign_ee ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
certificatePolicies = critical, @cp_sign
subjectAltName = @san_sign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_nopolicy_ee ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectAltName = @san_sign
[ v3_auth_ee ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
certificatePolicies = critical, @cp_auth
subjectAltName = @san_sign
[ v3_ocsp ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
[ cp_sign ]
policyIdentifier = 1.2.392.200149.8.5.1.1.20
CPS.1 = "http://www.jpki.go.jp/cps.html"
[ cp_auth ]
policyIdentifier = 1.2.392.200149.8.5.1.3.30
CPS.1 = "http://www.jpki.go.jp/cps.html"
[ san_sign ]
otherName.1 = 1.2.392.200149.8.5.5.1;FORMAT:UTF8,UTF8:$name
otherName.2 = 1.2.392.200149.8.5.5.4;FORMAT:UTF8,UTF8:$dob
otherName.3 = 1.2.392.200149.8.5.5.3;FORMAT:UTF8,UTF8:$gender
otherName.4 = 1.2.392.200149.8.5.5.5;FORMAT:UTF8,UTF8:$address
otherName.5 = 1.2.392.200149.8.5.5.2;FORMAT:UTF8,UTF8:$(zeros "$name")
otherName.6 = 1.2.392.200149.8.5.5.6;FORMAT:UTF8,UTF8:$(zeros "$address")
CNF

ossl() { openssl "$@" 2>/dev/null >/dev/null || { echo "make-test-pki: openssl $1 failed" >&2; openssl "$@" >/dev/null; }; }

ossl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 3650 -config pki.cnf \
    -extensions v3_root -sha256 -subj "/C=JP/O=Madoguchi TEST JPKI/OU=TEST root"
ossl req -new -newkey rsa:2048 -nodes -keyout signca.key -out signca.csr -config pki.cnf \
    -subj "/C=JP/O=Madoguchi TEST JPKI/OU=TEST JPKI for digital signature"
ossl ca -batch -config pki.cnf -name rootca -extensions v3_signca -in signca.csr -out signca.pem -notext
ossl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 3650 -config pki.cnf \
    -extensions v3_root -sha256 -subj "/C=JP/O=Somebody Else/OU=Untrusted CA"

# signer NAME EXTENSIONS CA [extra ca options...]
signer() {
    local file="$1" ext="$2" ca="$3"
    shift 3
    ossl req -new -newkey rsa:2048 -nodes -keyout "$file.key" -out "$file.csr" -config pki.cnf \
        -subj "/C=JP/L=Tokyo-to/L=Mihon-ku/CN=20261204120000TEST$file"
    ossl ca -batch -config pki.cnf -name "$ca" -extensions "$ext" -in "$file.csr" -out "$file.pem" -notext "$@"
    rm -f "$file.csr"
}
signer ok v3_sign_ee signca
signer revoked v3_sign_ee signca
signer auth v3_auth_ee signca
signer nopolicy v3_nopolicy_ee signca
signer expired v3_sign_ee signca -startdate 20200101000000Z -enddate 20210101000000Z
signer untrusted v3_sign_ee otherca
signer ocsp v3_ocsp signca

ossl ca -config pki.cnf -revoke revoked.pem -crl_reason keyCompromise
ossl ca -config pki.cnf -gencrl -out crl.pem
ossl ca -config pki.cnf -gencrl -crl_lastupdate 20200101000000Z -crl_nextupdate 20200102000000Z -out stale-crl.pem
ossl ca -config pki.cnf -name rootca -gencrl -out root-crl.pem
cp ca/index.txt index.txt
rm -f signca.csr
