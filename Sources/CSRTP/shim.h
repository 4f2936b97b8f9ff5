#ifndef DIALTONE_CSRTP_SHIM_H
#define DIALTONE_CSRTP_SHIM_H
#include <srtp2/srtp.h>
#endif
