#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <pulse/version.h>
#include <srtp2/srtp.h>
#include <opus/opus.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/bio.h>
#include "cshim.h"

const char *dt_ncurses_version(void) { return curses_version(); }
const char *dt_pulse_library_version(void) { return pa_get_library_version(); }
const char *dt_srtp_version(void) { return srtp_get_version_string(); }
const char *dt_opus_version(void) { return opus_get_version_string(); }
const char *dt_openssl_version(void) { return OpenSSL_version(OPENSSL_VERSION); }

uint32_t dt_attr_bold(void) { return A_BOLD; }
uint32_t dt_attr_reverse(void) { return A_REVERSE; }
uint32_t dt_attr_dim(void) { return A_DIM; }
uint32_t dt_attr_underline(void) { return A_UNDERLINE; }
uint32_t dt_color_pair(int16_t pair) { return (uint32_t)COLOR_PAIR(pair); }

int dt_opus_set_bitrate(OpusEncoder *e, int32_t b) { return opus_encoder_ctl(e, OPUS_SET_BITRATE(b)); }
int dt_opus_set_inband_fec(OpusEncoder *e, int on) { return opus_encoder_ctl(e, OPUS_SET_INBAND_FEC(on)); }
int dt_opus_set_packet_loss_percent(OpusEncoder *e, int p) { return opus_encoder_ctl(e, OPUS_SET_PACKET_LOSS_PERC(p)); }
int dt_opus_set_dtx(OpusEncoder *e, int on) { return opus_encoder_ctl(e, OPUS_SET_DTX(on)); }
int dt_opus_set_complexity(OpusEncoder *e, int c) { return opus_encoder_ctl(e, OPUS_SET_COMPLEXITY(c)); }

int dt_digest(const char *algorithm, const uint8_t *data, size_t length, uint8_t *out) {
    // EVP_MD_fetch uses OpenSSL 3's provider names; "SHA512-256" is FIPS 180-4 SHA-512/256.
    EVP_MD *md = EVP_MD_fetch(NULL, algorithm, NULL);
    if (md == NULL) return -1;
    unsigned int written = 0;
    int ok = EVP_Digest(data, length, out, &written, md, NULL);
    EVP_MD_free(md);
    return ok == 1 ? (int)written : -1;
}

int dt_random_bytes(uint8_t *out, size_t length) {
    return RAND_bytes(out, (int)length);
}

EVP_PKEY *dt_generate_ec_p256_key(void) { return EVP_EC_gen("P-256"); }

int dt_ssl_ctx_set_dtls12_minimum(SSL_CTX *context) {
    return (int)SSL_CTX_set_min_proto_version(context, DTLS1_2_VERSION);
}

static int dt_accept_any_certificate(int preverified, X509_STORE_CTX *store) {
    (void)preverified; (void)store;
    return 1;
}

void dt_ssl_ctx_require_peer_certificate(SSL_CTX *context) {
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, dt_accept_any_certificate);
}

int64_t dt_dtls_timeout_microseconds(SSL *ssl) {
    struct timeval remaining = {0, 0};
    if (DTLSv1_get_timeout(ssl, &remaining) != 1) return -1;
    return (int64_t)remaining.tv_sec * 1000000 + (int64_t)remaining.tv_usec;
}

int dt_dtls_handle_timeout(SSL *ssl) { return (int)DTLSv1_handle_timeout(ssl); }

void dt_dtls_set_mtu(SSL *ssl, long mtu) {
    SSL_set_options(ssl, SSL_OP_NO_QUERY_MTU);
    SSL_set_mtu(ssl, mtu);
}

// The initial timeout rides in the SSL's app data (index 0), so the callback needs no global.
static unsigned int dt_dtls_timer(SSL *ssl, unsigned int current) {
    if (current == 0) return (unsigned int)(uintptr_t)SSL_get_app_data(ssl);
    unsigned int doubled = current * 2;
    return doubled > 60000000u || doubled < current ? 60000000u : doubled;
}

void dt_dtls_set_initial_timeout(SSL *ssl, unsigned int microseconds) {
    SSL_set_app_data(ssl, (void *)(uintptr_t)(microseconds == 0 ? 1000000u : microseconds));
    DTLS_set_timer_cb(ssl, dt_dtls_timer);
}

void dt_bio_set_mem_eof_retry(BIO *bio) { (void)BIO_set_mem_eof_return(bio, -1); }
