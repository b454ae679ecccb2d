#!/usr/bin/env bash
# Builds the store benchmark in release mode and runs it. Uses DATABASE_URL when set, otherwise an
# embedded PostgreSQL in a temporary directory. Optional argument: rows to bulk-load (default 200000).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product StoreBench
exec .build/release/StoreBench "$@"
