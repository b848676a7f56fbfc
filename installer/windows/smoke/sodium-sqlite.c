// The cross-built libsodium and SQLite DLLs, used for real: a secretstream round trip (what
// core/crypto seals with) and a query. Built and run under Wine by installer/windows/check-deps.sh.
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    if (sodium_init() < 0) { puts("sodium_init failed"); return 1; }
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES], header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_state st;
    const unsigned char msg[] = "窓口 sealed";
    unsigned char c[sizeof msg + crypto_secretstream_xchacha20poly1305_ABYTES], m[sizeof msg];
    unsigned long long clen, mlen; unsigned char tag;
    crypto_secretstream_xchacha20poly1305_keygen(key);
    crypto_secretstream_xchacha20poly1305_init_push(&st, header, key);
    crypto_secretstream_xchacha20poly1305_push(&st, c, &clen, msg, sizeof msg, NULL, 0, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    crypto_secretstream_xchacha20poly1305_init_pull(&st, header, key);
    int opened = crypto_secretstream_xchacha20poly1305_pull(&st, m, &mlen, &tag, c, clen, NULL, 0) == 0 && memcmp(m, msg, sizeof msg) == 0;
    sqlite3 *db; sqlite3_stmt *q; int answer = 0;
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(40),(2);", NULL, NULL, NULL);
    sqlite3_prepare_v2(db, "SELECT sum(x) FROM t", -1, &q, NULL);
    if (sqlite3_step(q) == SQLITE_ROW) answer = sqlite3_column_int(q, 0);
    sqlite3_finalize(q); sqlite3_close(db);
    printf("libsodium %s: secretstream round trip %s; sqlite %s: sum %d\n", sodium_version_string(), opened ? "ok" : "FAILED", sqlite3_libversion(), answer);
    return opened && answer == 42 ? 0 : 1;
}
