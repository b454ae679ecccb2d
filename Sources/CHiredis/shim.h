#ifndef AIPS_CHIREDIS_SHIM_H
#define AIPS_CHIREDIS_SHIM_H
// The libuv adapter is header-only (static functions); including it here makes
// redisLibuvAttach callable from Swift. It pulls in <uv.h>, which CUV also exports.
#include <hiredis/hiredis.h>
#include <hiredis/async.h>
#include <hiredis/adapters/libuv.h>
#endif
