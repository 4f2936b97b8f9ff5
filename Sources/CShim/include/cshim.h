#ifndef DIALTONE_CSHIM_H
#define DIALTONE_CSHIM_H
// Tiny C wrappers for what Swift cannot import from the system libraries: macros, variadic
// functions and C globals (see ../shared/TOOLCHAIN.md §2). Opaque types are forward-declared
// so this header does not drag every library's headers into each Swift module that imports it.
#include <stddef.h>
#include <stdint.h>

typedef struct OpusEncoder OpusEncoder;

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

// --- libcrypto message digests by name (EVP): "MD5", "SHA256", "SHA512-256" ---
/// Hashes `length` bytes with the named digest into `out` (room for 64 bytes).
/// Returns the digest length, or -1 if the digest is unknown or failed.
int dt_digest(const char *algorithm, const uint8_t *data, size_t length, uint8_t *out);

/// Fills `out` with `length` bytes from OpenSSL's CSPRNG. Returns 1 on success.
int dt_random_bytes(uint8_t *out, size_t length);

#endif
