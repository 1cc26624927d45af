#!/bin/sh
# Prisma's CLI insists on a native schema engine it cannot download here. generate/validate/format
# only need the path to exist; migrations go through scripts/migrate.ts and the WASM engine instead.
echo "native schema engine unavailable: use npm run db:migrate / db:migration" >&2
exit 1
