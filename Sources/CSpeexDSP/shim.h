#ifndef DIALTONE_CSPEEXDSP_SHIM_H
#define DIALTONE_CSPEEXDSP_SHIM_H
// speexdsp's resampler (quality-configurable, band-limited) for codec ↔ device rate conversion.
#include <speex/speex_resampler.h>
#endif
