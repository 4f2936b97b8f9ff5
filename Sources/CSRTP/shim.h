#ifndef DIALTONE_CSRTP_SHIM_H
#define DIALTONE_CSRTP_SHIM_H
#include <srtp2/srtp.h>
// The cipher function table and cipher ids: the RFC 7714 vector tests drive a registered
// cipher directly (Tests/MediaEngineTests/SRTPAEADVectorTests.swift).
#include <srtp2/cipher.h>
#endif
