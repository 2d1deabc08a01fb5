#!/usr/bin/env bash
# Rebuilds packages/local/vswhere.2.8.4.nupkg (an empty package: only its nuspec) from vswhere.nuspec.
# The output is deterministic (fixed timestamps), so rebuilding leaves git clean.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 - "$here/vswhere.nuspec" "$here/../vswhere.2.8.4.nupkg" <<'PY'
import sys, zipfile
nuspec, out = sys.argv[1], sys.argv[2]
types = ('<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="nuspec" ContentType="application/octet" /></Types>')
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in (("vswhere.nuspec", open(nuspec, "rb").read()), ("[Content_Types].xml", types.encode())):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
PY
echo "built $here/../vswhere.2.8.4.nupkg"
