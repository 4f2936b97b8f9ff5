#ifndef DIALTONE_CSPANDSP_SHIM_H
#define DIALTONE_CSPANDSP_SHIM_H
// Only the G.722 codec of spandsp (ITU-T G.722 encoder/decoder); the umbrella header would pull
// in libtiff for fax support that Dialtone does not use.
#include <stdint.h>
#include <spandsp/telephony.h>
#include <spandsp/g722.h>
#endif
