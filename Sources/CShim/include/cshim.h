#ifndef DIALTONE_CSHIM_H
#define DIALTONE_CSHIM_H
// Tiny C wrappers for what Swift cannot import from the system libraries: macros, variadic
// functions and C globals (see ../shared/TOOLCHAIN.md §2). Opaque types are forward-declared
// so this header does not drag every library's headers into each Swift module that imports it.
#include <stddef.h>
#include <stdint.h>

typedef struct OpusEncoder OpusEncoder;
typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct bio_st BIO;
typedef struct evp_pkey_st EVP_PKEY;

// --- versions, one per library: a linkage check for the build and the tests ---
const char *dt_ncurses_version(void);
const char *dt_pulse_library_version(void);
const char *dt_srtp_version(void);
const char *dt_opus_version(void);
const char *dt_openssl_version(void);

// --- ncurses: attribute macros expand through NCURSES_BITS() and do not import ---
uint32_t dt_attr_bold(void);
uint32_t dt_attr_reverse(void);
uint32_t dt_attr_dim(void);
uint32_t dt_attr_underline(void);
uint32_t dt_color_pair(int16_t pair);

// --- opus: opus_encoder_ctl is variadic ---
int dt_opus_set_bitrate(OpusEncoder *encoder, int32_t bitsPerSecond);
int dt_opus_set_inband_fec(OpusEncoder *encoder, int enabled);
int dt_opus_set_packet_loss_percent(OpusEncoder *encoder, int percent);
int dt_opus_set_dtx(OpusEncoder *encoder, int enabled);
int dt_opus_set_complexity(OpusEncoder *encoder, int complexity);

// --- libsrtp2 over OpenSSL: AES-ICM, AES-GCM and HMAC-SHA1 from libcrypto instead of Debian's NSS build ---
/// Registers the OpenSSL-backed ciphers and MAC with libsrtp2 (after srtp_init). 0 on success,
/// else the srtp_err_status_t of the step that failed (libsrtp's self-test included).
int dt_srtp_use_openssl(void);
/// The `srtp_cipher_type_t` libsrtp2 now uses for a cipher id (SRTP_AES_GCM_128 = 6, …), or NULL:
/// which implementation a suite runs on, and its functions for cipher-level test vectors.
const void *dt_srtp_cipher_type(int algorithm);

// --- libcrypto message digests by name (EVP): "MD5", "SHA256", "SHA512-256" ---
/// Hashes `length` bytes with the named digest into `out` (room for 64 bytes).
/// Returns the digest length, or -1 if the digest is unknown or failed.
int dt_digest(const char *algorithm, const uint8_t *data, size_t length, uint8_t *out);

/// Fills `out` with `length` bytes from OpenSSL's CSPRNG. Returns 1 on success.
int dt_random_bytes(uint8_t *out, size_t length);

// --- libssl DTLS (DTLS-SRTP, RFC 5763/5764): these are macros over SSL_ctrl or variadic ---
/// A fresh EC P-256 key pair (EVP_EC_gen), or NULL.
EVP_PKEY *dt_generate_ec_p256_key(void);
/// DTLS 1.2 at least (DTLS 1.0 is deprecated by RFC 8996). Returns 1 on success.
int dt_ssl_ctx_set_dtls12_minimum(SSL_CTX *context);
/// Asks for the peer's certificate and lets any through: DTLS-SRTP authenticates it by the
/// SDP fingerprint after the handshake (RFC 5763 §5), not by a CA chain.
void dt_ssl_ctx_require_peer_certificate(SSL_CTX *context);
/// Microseconds until the DTLS retransmission timer fires (0 = due now), or -1 if none runs.
int64_t dt_dtls_timeout_microseconds(SSL *ssl);
/// DTLSv1_handle_timeout: retransmits the last flight if the timer expired.
int dt_dtls_handle_timeout(SSL *ssl);
/// A fixed path MTU: memory BIOs cannot be queried for one.
void dt_dtls_set_mtu(SSL *ssl, long mtu);
/// The first retransmission timeout, doubled on each expiry up to 60 s (RFC 6347 §4.2.4.1).
void dt_dtls_set_initial_timeout(SSL *ssl, unsigned int microseconds);
/// An empty memory BIO reads as "retry", not end of file.
void dt_bio_set_mem_eof_retry(BIO *bio);

// --- the media loop (MediaEngine/RTP/Loop): eventfd and ppoll are GNU and do not import ---
/// A non-blocking, close-on-exec eventfd that wakes a media loop, or -1.
int dt_wake_descriptor(void);
/// Makes `descriptor` readable (adds 1 to the eventfd's counter).
void dt_wake(int descriptor);
/// Reads the counter back to 0, so the descriptor no longer polls readable.
void dt_wake_clear(int descriptor);
/// ppoll over `count` `struct pollfd`s for at most `timeout_nanoseconds` (< 0: no limit),
/// nanosecond-precise unlike poll's milliseconds (a 20 ms media clock). Returns as ppoll.
int dt_wait_nanoseconds(void *descriptors, unsigned long count, int64_t timeout_nanoseconds);
/// The receive-error that an ICMP message left on a socket (SO_ERROR), cleared by reading.
int dt_socket_take_error(int descriptor);
#endif
