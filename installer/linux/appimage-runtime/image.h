/* The squashfs filesystem image inside an AppImage, opened read-only at its offset with
 * libsquashfuse. One image per process; libsquashfuse's caches are not thread-safe, so only one
 * thread may use it (the FUSE server runs single-threaded). */
#pragma once
#include <squashfuse/squashfuse.h>
#include <stdint.h>
#include <sys/stat.h>

typedef struct {
    sqfs fs;
    int fd;
} appimage_image;

/* Returns 0, or -1 after printing why to stderr. */
int appimage_image_open(appimage_image *image, const char *path, uint64_t offset);
void appimage_image_close(appimage_image *image);

/* Looks up a path ("/" or "/usr/bin/x") from the image's root: 0 found, -ENOENT, or -EIO. */
int appimage_image_lookup(appimage_image *image, const char *path, sqfs_inode *inode);

/* Fills a stat of an inode; owner is the calling user (the image's ids mean nothing here). */
void appimage_image_stat(const sqfs_inode *inode, struct stat *st);
