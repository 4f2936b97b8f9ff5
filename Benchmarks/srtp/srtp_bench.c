// SRTP protect + unprotect cost per packet for each suite we offer, with Debian's libsrtp2
// crypto (NSS) and with ours (OpenSSL, Sources/CShim/srtp_openssl.c), in one process:
// 20 ms PCMU packets (12-octet header, 160-octet payload), 200,000 round trips per case.
// Build and run with scripts/bench-srtp.sh.
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <srtp2/srtp.h>

int dt_srtp_use_openssl(void);

typedef void (*policy_setter)(srtp_crypto_policy_t *);
static const struct { const char *name; policy_setter rtp; int keyLength; } suites[] = {
    {"AES_CM_128_HMAC_SHA1_80", srtp_crypto_policy_set_rtp_default, 30},
    {"AES_256_CM_HMAC_SHA1_80", srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80, 46},
    {"AEAD_AES_128_GCM", srtp_crypto_policy_set_aes_gcm_128_16_auth, 28},
    {"AEAD_AES_256_GCM", srtp_crypto_policy_set_aes_gcm_256_16_auth, 44},
};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static srtp_t session(policy_setter set, unsigned char *key, srtp_ssrc_type_t direction) {
    srtp_policy_t policy;
    memset(&policy, 0, sizeof(policy));
    set(&policy.rtp);
    set(&policy.rtcp);
    policy.ssrc.type = direction;
    policy.key = key;
    policy.window_size = 128;
    srtp_t made = NULL;
    if (srtp_create(&made, &policy) != srtp_err_status_ok) return NULL;
    return made;
}

static void run(const char *backend) {
    const int rounds = 200000;
    for (size_t s = 0; s < sizeof(suites) / sizeof(suites[0]); s++) {
        unsigned char key[64];
        for (int i = 0; i < 64; i++) key[i] = (unsigned char)(i * 7 + 3);
        srtp_t out = session(suites[s].rtp, key, ssrc_any_outbound);
        srtp_t in = session(suites[s].rtp, key, ssrc_any_inbound);
        if (out == NULL || in == NULL) { printf("%s: srtp_create failed\n", suites[s].name); continue; }
        double start = now();
        for (int i = 0; i < rounds; i++) {
            unsigned char packet[12 + 160 + 32] = {0x80, 0x00, (unsigned char)(i >> 8), (unsigned char)i, 0, 0, 0, 0, 0xca, 0xfe, 0xba, 0xbe};
            memset(packet + 12, 0x55, 160);
            int length = 172;
            if (srtp_protect(out, packet, &length) != srtp_err_status_ok) { printf("protect failed\n"); return; }
            if (srtp_unprotect(in, packet, &length) != srtp_err_status_ok) { printf("unprotect failed\n"); return; }
        }
        double perPacket = (now() - start) / rounds * 1e6;
        // A call sends 50 packets a second and receives 50.
        printf("BENCH srtp backend=%-7s suite=%-24s us_per_packet_pair=%.2f ms_per_call_second=%.3f\n",
               backend, suites[s].name, perPacket, perPacket * 50 / 1000);
        srtp_dealloc(out);
        srtp_dealloc(in);
    }
}

int main(void) {
    if (srtp_init() != srtp_err_status_ok) return 1;
    run("nss");
    if (dt_srtp_use_openssl() != 0) { printf("dt_srtp_use_openssl failed\n"); return 1; }
    run("openssl");
    return 0;
}
