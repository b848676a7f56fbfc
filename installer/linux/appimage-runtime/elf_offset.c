#define _GNU_SOURCE
#include "elf_offset.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

static uint64_t read_uint(const unsigned char *p, int size, int big_endian)
{
    uint64_t value = 0;
    for (int i = 0; i < size; ++i) {
        int index = big_endian ? i : size - 1 - i;
        value = (value << 8) | p[index];
    }
    return value;
}

static int read_head(const char *path, unsigned char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t got = pread(fd, buf, size, 0);
    int saved = errno;
    close(fd);
    if (got < 0) {
        errno = saved;
        return -1;
    }
    if ((size_t)got < size) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}

int appimage_elf_offset(const char *path, uint64_t *offset)
{
    unsigned char head[sizeof(Elf64_Ehdr)];
    if (read_head(path, head, sizeof head) != 0)
        return -1;
    if (memcmp(head, ELFMAG, SELFMAG) != 0) {
        errno = EINVAL;
        return -1;
    }
    int big = head[EI_DATA] == ELFDATA2MSB;
    uint64_t shoff, shentsize, shnum;
    if (head[EI_CLASS] == ELFCLASS64) {
        shoff = read_uint(head + offsetof(Elf64_Ehdr, e_shoff), 8, big);
        shentsize = read_uint(head + offsetof(Elf64_Ehdr, e_shentsize), 2, big);
        shnum = read_uint(head + offsetof(Elf64_Ehdr, e_shnum), 2, big);
    } else if (head[EI_CLASS] == ELFCLASS32) {
        shoff = read_uint(head + offsetof(Elf32_Ehdr, e_shoff), 4, big);
        shentsize = read_uint(head + offsetof(Elf32_Ehdr, e_shentsize), 2, big);
        shnum = read_uint(head + offsetof(Elf32_Ehdr, e_shnum), 2, big);
    } else {
        errno = EINVAL;
        return -1;
    }
    *offset = shoff + shentsize * shnum;
    return 0;
}

int appimage_has_magic(const char *path)
{
    unsigned char head[11];
    if (read_head(path, head, sizeof head) != 0)
        return -1;
    return head[8] == 'A' && head[9] == 'I' && head[10] == 2;
}
