#ifndef DIALTONE_COPENSSL_SHIM_H
#define DIALTONE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/opensslv.h>
#endif
