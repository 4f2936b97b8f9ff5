// libsrtp2's crypto backed by OpenSSL's libcrypto: AES counter mode (AES-ICM, RFC 3711 §4.1.1),
// HMAC-SHA1 (RFC 3711 §4.2.1) and AES-GCM (RFC 7714), registered in place of Debian's build of
// libsrtp2, which uses NSS and creates a new NSS context for every packet (measured: NSS was
// ~15 % of a call's CPU with SRTP). libsrtp2 keeps the protocol (keys derivation, replay list,
// packet layout, the AEAD nonce); only the cipher and the MAC change. `srtp_replace_*_type` runs
// libsrtp's own self-test vectors (RFC 3711 Appendix B, RFC 2202, RFC 7714) against these
// before accepting them.
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <srtp2/srtp.h>
#include <srtp2/cipher.h>
#include <srtp2/auth.h>
#include "include/cshim.h"

// libsrtp's own test vectors (exported by libsrtp2).
extern const srtp_cipher_test_case_t srtp_aes_icm_128_test_case_0;
extern const srtp_cipher_test_case_t srtp_aes_icm_192_test_case_0;
extern const srtp_cipher_test_case_t srtp_aes_icm_256_test_case_0;
extern const srtp_cipher_test_case_t srtp_aes_gcm_128_test_case_0;
extern const srtp_cipher_test_case_t srtp_aes_gcm_256_test_case_0;
extern const srtp_auth_test_case_t srtp_hmac_test_case_0;

// ---- shared by the ciphers ----

// Each cipher's state starts with its OpenSSL context (the first member of dt_icm_state and
// dt_gcm_state).
typedef struct {
    EVP_CIPHER_CTX *context;
} dt_evp_state;

// A libsrtp cipher of `type` whose zeroed state of `stateSize` bytes holds a new EVP context.
static srtp_err_status_t dt_cipher_alloc(srtp_cipher_pointer_t *cipher, const srtp_cipher_type_t *type, int algorithm,
                                         int keyLength, size_t stateSize, void **stateOut) {
    srtp_cipher_t *made = calloc(1, sizeof(srtp_cipher_t));
    dt_evp_state *state = calloc(1, stateSize);
    EVP_CIPHER_CTX *context = EVP_CIPHER_CTX_new();
    if (made == NULL || state == NULL || context == NULL) {
        free(made);
        free(state);
        EVP_CIPHER_CTX_free(context);
        return srtp_err_status_alloc_fail;
    }
    state->context = context;
    made->type = type;
    made->state = state;
    made->key_len = keyLength;
    made->algorithm = algorithm;
    *cipher = made;
    *stateOut = state;
    return srtp_err_status_ok;
}

static srtp_err_status_t dt_cipher_dealloc(srtp_cipher_pointer_t cipher, size_t stateSize) {
    if (cipher == NULL) return srtp_err_status_bad_param;
    dt_evp_state *state = cipher->state;
    if (state != NULL) {
        EVP_CIPHER_CTX_free(state->context);
        memset(state, 0, stateSize);  // no key material left in freed memory
        free(state);
    }
    free(cipher);
    return srtp_err_status_ok;
}

// ---- AES-ICM ----

typedef struct {
    EVP_CIPHER_CTX *context;
    int keyLength;        // 16, 24 or 32
    uint8_t salt[16];     // the 14-byte session salt, two zero bytes for the block counter
    uint8_t counter[16];
} dt_icm_state;

static const srtp_cipher_type_t dt_icm_128, dt_icm_192, dt_icm_256;

static srtp_err_status_t dt_icm_alloc(srtp_cipher_pointer_t *cipher, int keyLength, int tagLength) {
    (void)tagLength;
    const srtp_cipher_type_t *type;
    int algorithm, aesLength;
    switch (keyLength) {  // the key arrives with its salt appended
    case SRTP_AES_ICM_128_KEY_LEN_WSALT: type = &dt_icm_128; algorithm = SRTP_AES_ICM_128; aesLength = 16; break;
    case SRTP_AES_ICM_192_KEY_LEN_WSALT: type = &dt_icm_192; algorithm = SRTP_AES_ICM_192; aesLength = 24; break;
    case SRTP_AES_ICM_256_KEY_LEN_WSALT: type = &dt_icm_256; algorithm = SRTP_AES_ICM_256; aesLength = 32; break;
    default: return srtp_err_status_bad_param;
    }
    void *made;
    srtp_err_status_t status = dt_cipher_alloc(cipher, type, algorithm, keyLength, sizeof(dt_icm_state), &made);
    if (status != srtp_err_status_ok) return status;
    dt_icm_state *state = made;
    state->keyLength = aesLength;
    return srtp_err_status_ok;
}

static srtp_err_status_t dt_icm_dealloc(srtp_cipher_pointer_t cipher) {
    return dt_cipher_dealloc(cipher, sizeof(dt_icm_state));
}

static srtp_err_status_t dt_icm_init(void *opaque, const uint8_t *key) {
    dt_icm_state *state = opaque;
    memset(state->salt, 0, sizeof(state->salt));
    memcpy(state->salt, key + state->keyLength, SRTP_SALT_LEN);
    const EVP_CIPHER *cipher = state->keyLength == 32 ? EVP_aes_256_ctr()
        : state->keyLength == 24 ? EVP_aes_192_ctr() : EVP_aes_128_ctr();
    EVP_CIPHER_CTX_reset(state->context);
    return EVP_EncryptInit_ex(state->context, cipher, NULL, key, NULL) ? srtp_err_status_ok : srtp_err_status_cipher_fail;
}

// The IV libsrtp passes already holds SSRC and packet index in place (RFC 3711 §4.1.1);
// the counter block is that XOR the salt, the low 16 bits counting blocks from zero.
static srtp_err_status_t dt_icm_set_iv(void *opaque, uint8_t *iv, srtp_cipher_direction_t direction) {
    (void)direction;
    dt_icm_state *state = opaque;
    for (int i = 0; i < 16; i++) state->counter[i] = state->salt[i] ^ iv[i];
    return EVP_EncryptInit_ex(state->context, NULL, NULL, NULL, state->counter) ? srtp_err_status_ok : srtp_err_status_cipher_fail;
}

static srtp_err_status_t dt_icm_crypt(void *opaque, uint8_t *buffer, unsigned int *length) {
    dt_icm_state *state = opaque;
    int produced = 0;
    if (!EVP_EncryptUpdate(state->context, buffer, &produced, buffer, (int)*length)) return srtp_err_status_cipher_fail;
    *length = (unsigned int)produced;
    return srtp_err_status_ok;
}

static const srtp_cipher_type_t dt_icm_128 = {
    dt_icm_alloc, dt_icm_dealloc, dt_icm_init, NULL, dt_icm_crypt, dt_icm_crypt, dt_icm_set_iv, NULL,
    "AES-128 counter mode (OpenSSL, Dialtone)", &srtp_aes_icm_128_test_case_0, SRTP_AES_ICM_128};
static const srtp_cipher_type_t dt_icm_192 = {
    dt_icm_alloc, dt_icm_dealloc, dt_icm_init, NULL, dt_icm_crypt, dt_icm_crypt, dt_icm_set_iv, NULL,
    "AES-192 counter mode (OpenSSL, Dialtone)", &srtp_aes_icm_192_test_case_0, SRTP_AES_ICM_192};
static const srtp_cipher_type_t dt_icm_256 = {
    dt_icm_alloc, dt_icm_dealloc, dt_icm_init, NULL, dt_icm_crypt, dt_icm_crypt, dt_icm_set_iv, NULL,
    "AES-256 counter mode (OpenSSL, Dialtone)", &srtp_aes_icm_256_test_case_0, SRTP_AES_ICM_256};

// ---- AES-GCM (RFC 7714) ----
// libsrtp computes the 12-octet IV (RFC 7714 §8.1, §9.1) and passes the AAD (the RTP header, or
// the SRTCP header and trailer in two pieces); a sealed payload is followed by its tag.

typedef struct {
    EVP_CIPHER_CTX *context;
    int keyLength;  // 16 or 32
    int tagLength;  // 8 or 16 (RFC 7714 §14.2 uses 16)
} dt_gcm_state;

static const srtp_cipher_type_t dt_gcm_128, dt_gcm_256;

static srtp_err_status_t dt_gcm_alloc(srtp_cipher_pointer_t *cipher, int keyLength, int tagLength) {
    const srtp_cipher_type_t *type;
    int algorithm, aesLength;
    switch (keyLength) {  // the key arrives with its 12-octet salt appended
    case SRTP_AES_GCM_128_KEY_LEN_WSALT: type = &dt_gcm_128; algorithm = SRTP_AES_GCM_128; aesLength = 16; break;
    case SRTP_AES_GCM_256_KEY_LEN_WSALT: type = &dt_gcm_256; algorithm = SRTP_AES_GCM_256; aesLength = 32; break;
    default: return srtp_err_status_bad_param;
    }
    if (tagLength != 8 && tagLength != 16) return srtp_err_status_bad_param;
    void *made;
    srtp_err_status_t status = dt_cipher_alloc(cipher, type, algorithm, keyLength, sizeof(dt_gcm_state), &made);
    if (status != srtp_err_status_ok) return status;
    dt_gcm_state *state = made;
    state->keyLength = aesLength;
    state->tagLength = tagLength;
    return srtp_err_status_ok;
}

static srtp_err_status_t dt_gcm_dealloc(srtp_cipher_pointer_t cipher) {
    return dt_cipher_dealloc(cipher, sizeof(dt_gcm_state));
}

// Only the AES key: libsrtp keeps the salt and folds it into each packet's IV itself.
static srtp_err_status_t dt_gcm_init(void *opaque, const uint8_t *key) {
    dt_gcm_state *state = opaque;
    const EVP_CIPHER *cipher = state->keyLength == 32 ? EVP_aes_256_gcm() : EVP_aes_128_gcm();
    EVP_CIPHER_CTX_reset(state->context);
    return EVP_CipherInit_ex(state->context, cipher, NULL, key, NULL, 1) ? srtp_err_status_ok : srtp_err_status_init_fail;
}

// A new packet: the key stays, the 12-octet IV (OpenSSL's default GCM IV length) and the
// direction are set anew.
static srtp_err_status_t dt_gcm_set_iv(void *opaque, uint8_t *iv, srtp_cipher_direction_t direction) {
    dt_gcm_state *state = opaque;
    if (direction != srtp_direction_encrypt && direction != srtp_direction_decrypt) return srtp_err_status_bad_param;
    int encrypting = direction == srtp_direction_encrypt;
    return EVP_CipherInit_ex(state->context, NULL, NULL, NULL, iv, encrypting) ? srtp_err_status_ok : srtp_err_status_init_fail;
}

static srtp_err_status_t dt_gcm_set_aad(void *opaque, const uint8_t *aad, uint32_t length) {
    dt_gcm_state *state = opaque;
    int produced = 0;
    return EVP_CipherUpdate(state->context, NULL, &produced, aad, (int)length) ? srtp_err_status_ok : srtp_err_status_algo_fail;
}

static srtp_err_status_t dt_gcm_encrypt(void *opaque, uint8_t *buffer, unsigned int *length) {
    dt_gcm_state *state = opaque;
    int produced = 0;
    if (!EVP_CipherUpdate(state->context, buffer, &produced, buffer, (int)*length)) return srtp_err_status_cipher_fail;
    *length = (unsigned int)produced;
    return srtp_err_status_ok;
}

// After `encrypt`: finishes the packet and hands out its tag.
static srtp_err_status_t dt_gcm_get_tag(void *opaque, uint8_t *tag, uint32_t *length) {
    dt_gcm_state *state = opaque;
    uint8_t unused[16];
    int produced = 0;
    if (!EVP_CipherFinal_ex(state->context, unused, &produced)) return srtp_err_status_algo_fail;
    if (!EVP_CIPHER_CTX_ctrl(state->context, EVP_CTRL_AEAD_GET_TAG, state->tagLength, tag)) return srtp_err_status_algo_fail;
    *length = (uint32_t)state->tagLength;
    return srtp_err_status_ok;
}

// The buffer holds ciphertext then tag; a tag that does not match is an authentication failure
// (RFC 7714 §9.2), and the length given back excludes the tag.
static srtp_err_status_t dt_gcm_decrypt(void *opaque, uint8_t *buffer, unsigned int *length) {
    dt_gcm_state *state = opaque;
    if (*length < (unsigned int)state->tagLength) return srtp_err_status_bad_param;
    unsigned int sealed = *length - (unsigned int)state->tagLength;
    int produced = 0;
    uint8_t unused[16];
    if (!EVP_CIPHER_CTX_ctrl(state->context, EVP_CTRL_AEAD_SET_TAG, state->tagLength, buffer + sealed)) return srtp_err_status_algo_fail;
    if (!EVP_CipherUpdate(state->context, buffer, &produced, buffer, (int)sealed)) return srtp_err_status_cipher_fail;
    if (EVP_CipherFinal_ex(state->context, unused, &produced) <= 0) return srtp_err_status_auth_fail;
    *length = sealed;
    return srtp_err_status_ok;
}

static const srtp_cipher_type_t dt_gcm_128 = {
    dt_gcm_alloc, dt_gcm_dealloc, dt_gcm_init, dt_gcm_set_aad, dt_gcm_encrypt, dt_gcm_decrypt, dt_gcm_set_iv, dt_gcm_get_tag,
    "AES-128 GCM (OpenSSL, Dialtone)", &srtp_aes_gcm_128_test_case_0, SRTP_AES_GCM_128};
static const srtp_cipher_type_t dt_gcm_256 = {
    dt_gcm_alloc, dt_gcm_dealloc, dt_gcm_init, dt_gcm_set_aad, dt_gcm_encrypt, dt_gcm_decrypt, dt_gcm_set_iv, dt_gcm_get_tag,
    "AES-256 GCM (OpenSSL, Dialtone)", &srtp_aes_gcm_256_test_case_0, SRTP_AES_GCM_256};

// ---- HMAC-SHA1 ----

typedef struct {
    EVP_MAC *mac;
    EVP_MAC_CTX *context;
} dt_hmac_state;

static const srtp_auth_type_t dt_hmac;

static srtp_err_status_t dt_hmac_alloc(srtp_auth_pointer_t *auth, int keyLength, int tagLength) {
    if (tagLength > 20 || keyLength < 0) return srtp_err_status_bad_param;
    srtp_auth_t *made = calloc(1, sizeof(srtp_auth_t));
    dt_hmac_state *state = calloc(1, sizeof(dt_hmac_state));
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *context = mac != NULL ? EVP_MAC_CTX_new(mac) : NULL;
    if (made == NULL || state == NULL || context == NULL) {
        free(made);
        free(state);
        EVP_MAC_CTX_free(context);
        EVP_MAC_free(mac);
        return srtp_err_status_alloc_fail;
    }
    state->mac = mac;
    state->context = context;
    made->type = &dt_hmac;
    made->state = state;
    made->out_len = tagLength;
    made->key_len = keyLength;
    made->prefix_len = 0;
    *auth = made;
    return srtp_err_status_ok;
}

static srtp_err_status_t dt_hmac_dealloc(srtp_auth_pointer_t auth) {
    if (auth == NULL) return srtp_err_status_bad_param;
    dt_hmac_state *state = auth->state;
    if (state != NULL) {
        EVP_MAC_CTX_free(state->context);
        EVP_MAC_free(state->mac);
        free(state);
    }
    free(auth);
    return srtp_err_status_ok;
}

static srtp_err_status_t dt_hmac_init(void *opaque, const uint8_t *key, int keyLength) {
    dt_hmac_state *state = opaque;
    OSSL_PARAM parameters[2] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, "SHA1", 0),
        OSSL_PARAM_construct_end()};
    return EVP_MAC_init(state->context, key, (size_t)keyLength, parameters) ? srtp_err_status_ok : srtp_err_status_auth_fail;
}

// A new message with the same key (OpenSSL 3 keeps the key when none is given).
static srtp_err_status_t dt_hmac_start(void *opaque) {
    dt_hmac_state *state = opaque;
    return EVP_MAC_init(state->context, NULL, 0, NULL) ? srtp_err_status_ok : srtp_err_status_auth_fail;
}

static srtp_err_status_t dt_hmac_update(void *opaque, const uint8_t *message, int length) {
    dt_hmac_state *state = opaque;
    return EVP_MAC_update(state->context, message, (size_t)length) ? srtp_err_status_ok : srtp_err_status_auth_fail;
}

static srtp_err_status_t dt_hmac_compute(void *opaque, const uint8_t *message, int length, int tagLength, uint8_t *tag) {
    dt_hmac_state *state = opaque;
    uint8_t digest[EVP_MAX_MD_SIZE];
    size_t produced = 0;
    if (tagLength < 0 || tagLength > 20) return srtp_err_status_bad_param;
    if (!EVP_MAC_update(state->context, message, (size_t)length)) return srtp_err_status_auth_fail;
    if (!EVP_MAC_final(state->context, digest, &produced, sizeof(digest)) || produced < (size_t)tagLength) {
        return srtp_err_status_auth_fail;
    }
    memcpy(tag, digest, (size_t)tagLength);
    return srtp_err_status_ok;
}

static const srtp_auth_type_t dt_hmac = {
    dt_hmac_alloc, dt_hmac_dealloc, dt_hmac_init, dt_hmac_compute, dt_hmac_update, dt_hmac_start,
    "HMAC-SHA1 (OpenSSL, Dialtone)", &srtp_hmac_test_case_0, SRTP_HMAC_SHA1};

// Exported by libsrtp2, which installs no crypto_kernel.h.
extern const srtp_cipher_type_t *srtp_crypto_kernel_get_cipher_type(srtp_cipher_type_id_t id);

const void *dt_srtp_cipher_type(int algorithm) {
    return srtp_crypto_kernel_get_cipher_type((srtp_cipher_type_id_t)algorithm);
}

int dt_srtp_use_openssl(void) {
    srtp_err_status_t status;
    if ((status = srtp_replace_cipher_type(&dt_icm_128, SRTP_AES_ICM_128)) != srtp_err_status_ok) return (int)status;
    if ((status = srtp_replace_cipher_type(&dt_icm_192, SRTP_AES_ICM_192)) != srtp_err_status_ok) return (int)status;
    if ((status = srtp_replace_cipher_type(&dt_icm_256, SRTP_AES_ICM_256)) != srtp_err_status_ok) return (int)status;
    if ((status = srtp_replace_cipher_type(&dt_gcm_128, SRTP_AES_GCM_128)) != srtp_err_status_ok) return (int)status;
    if ((status = srtp_replace_cipher_type(&dt_gcm_256, SRTP_AES_GCM_256)) != srtp_err_status_ok) return (int)status;
    if ((status = srtp_replace_auth_type(&dt_hmac, SRTP_HMAC_SHA1)) != srtp_err_status_ok) return (int)status;
    return 0;
}
