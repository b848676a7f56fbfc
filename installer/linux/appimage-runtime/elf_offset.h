/* Where the filesystem image of a type-2 AppImage starts: right after the runtime's ELF section
 * header table, which the linker puts at the end of the runtime's file. Read from the file's own
 * ELF header (64- or 32-bit, either byte order), so the runtime needs no offset baked in. */
#pragma once
#include <stdint.h>

/* Returns 0 and sets *offset, or -1 with errno set (EINVAL: not an ELF file). */
int appimage_elf_offset(const char *path, uint64_t *offset);

/* 1 when bytes 8..10 of the file are the type-2 AppImage magic "AI\x02", 0 when not, -1 on error. */
int appimage_has_magic(const char *path);
