#!/bin/sh
# Writes the AppImage type-2 magic "AI\x02" at byte 8 of an ELF file (e_ident's padding, which
# nothing reads for a static executable). Used after linking the runtime.
set -eu
printf 'AI\002' | dd of="$1" bs=1 seek=8 conv=notrunc status=none
