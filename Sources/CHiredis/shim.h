#ifndef AIPS_CHIREDIS_SHIM_H
#define AIPS_CHIREDIS_SHIM_H
// The libuv adapter is header-only (static functions); including it here makes
// redisLibuvAttach callable from Swift. It needs <uv.h>: taking it through CUV's shim
// makes clang import the CUV module, so libuv's declarations belong to CUV alone.
#include "../CUV/shim.h"
#include <hiredis/hiredis.h>
#include <hiredis/async.h>
#include <hiredis/adapters/libuv.h>
#endif
