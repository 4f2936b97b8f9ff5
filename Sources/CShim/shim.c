#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <pulse/version.h>
#include <srtp2/srtp.h>
#include <opus/opus.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
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
