#define _GNU_SOURCE
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int appimage_image_open(appimage_image *image, const char *path, uint64_t offset)
{
    memset(image, 0, sizeof *image);
    image->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (image->fd < 0) {
        fprintf(stderr, "appimage: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    sqfs_err err = sqfs_init(&image->fs, image->fd, (size_t)offset);
    if (err != SQFS_OK) {
        const char *why = err == SQFS_BADFORMAT    ? "no squashfs image at the offset (not an AppImage, or truncated)"
                          : err == SQFS_BADVERSION ? "unsupported squashfs version"
                          : err == SQFS_BADCOMP    ? "unsupported squashfs compression"
                                                   : "cannot read the squashfs image";
        fprintf(stderr, "appimage: %s: %s\n", path, why);
        close(image->fd);
        image->fd = -1;
        return -1;
    }
    return 0;
}

void appimage_image_close(appimage_image *image)
{
    if (image->fd >= 0) {
        sqfs_destroy(&image->fs);
        close(image->fd);
        image->fd = -1;
    }
}

int appimage_image_lookup(appimage_image *image, const char *path, sqfs_inode *inode)
{
    if (sqfs_inode_get(&image->fs, inode, sqfs_inode_root(&image->fs)) != SQFS_OK)
        return -EIO;
    bool found = false;
    if (sqfs_lookup_path(&image->fs, inode, path, &found) != SQFS_OK)
        return -EIO;
    return found ? 0 : -ENOENT;
}

void appimage_image_stat(const sqfs_inode *inode, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_mode = inode->base.mode | sqfs_mode(inode->base.inode_type);
    st->st_nlink = inode->nlink;
    st->st_ino = inode->base.inode_number;
    st->st_mtime = st->st_ctime = st->st_atime = inode->base.mtime;
    st->st_uid = getuid();
    st->st_gid = getgid();
    if (S_ISREG(st->st_mode))
        st->st_size = (off_t)inode->xtra.reg.file_size;
    else if (S_ISLNK(st->st_mode))
        st->st_size = (off_t)inode->xtra.symlink_size;
    else if (S_ISDIR(st->st_mode))
        st->st_size = inode->xtra.dir.dir_size;
    st->st_blksize = 64 * 1024;
    st->st_blocks = (st->st_size + 511) / 512;
}
