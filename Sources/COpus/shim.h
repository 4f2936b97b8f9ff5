#ifndef DIALTONE_COPUS_SHIM_H
#define DIALTONE_COPUS_SHIM_H
// The opus/ prefix avoids needing pkg-config's -I/usr/include/opus.
#include <opus/opus.h>
#endif
