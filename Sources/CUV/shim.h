#ifndef AIPS_CUV_SHIM_H
#define AIPS_CUV_SHIM_H
#include <uv.h>
#endif
