#ifndef AIPS_CLIBPQ_SHIM_H
#define AIPS_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
