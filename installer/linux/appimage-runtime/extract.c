#define _GNU_SOURCE
#include "extract.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int make_dirs(const char *path, mode_t mode)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p; ++p) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, mode) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

static int safe_relative_path(const char *path)
{
    const char *p = path;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        p += len;
        if (*p == '/')
            ++p;
    }
    return 1;
}

static int parent_dirs(const char *dest)
{
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", dest);
    char *slash = strrchr(parent, '/');
    if (!slash || slash == parent)
        return 0;
    *slash = '\0';
    return make_dirs(parent, 0755);
}

static int copy_file(appimage_image *image, sqfs_inode *inode, const char *dest, mode_t mode)
{
    if (unlink(dest) != 0 && errno != ENOENT)
        return -1;
    int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0777);
    if (fd < 0)
        return -1;
    static char buf[128 * 1024];
    uint64_t size = inode->xtra.reg.file_size;
    for (uint64_t pos = 0; pos < size;) {
        sqfs_off_t chunk = (sqfs_off_t)(size - pos < sizeof buf ? size - pos : sizeof buf);
        if (sqfs_read_range(&image->fs, inode, (sqfs_off_t)pos, &chunk, buf) != SQFS_OK || chunk <= 0) {
            close(fd);
            errno = EIO;
            return -1;
        }
        for (sqfs_off_t done = 0; done < chunk;) {
            ssize_t w = write(fd, buf + done, (size_t)(chunk - done));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                int saved = errno;
                close(fd);
                errno = saved;
                return -1;
            }
            done += w;
        }
        pos += (uint64_t)chunk;
    }
    /* open() applied the umask; the image's permission bits are what the app expects. */
    if (fchmod(fd, mode & 0777) != 0 || close(fd) != 0)
        return -1;
    return 0;
}

static int copy_symlink(appimage_image *image, sqfs_inode *inode, const char *dest)
{
    char target[PATH_MAX];
    size_t size = sizeof target;
    if (sqfs_readlink(&image->fs, inode, target, &size) != SQFS_OK) {
        errno = EIO;
        return -1;
    }
    if (unlink(dest) != 0 && errno != ENOENT)
        return -1;
    return symlink(target, dest);
}

int appimage_extract(appimage_image *image, const char *target, const char *pattern, int verbose)
{
    if (make_dirs(target, 0755) != 0) {
        fprintf(stderr, "appimage: cannot create %s: %s\n", target, strerror(errno));
        return -1;
    }
    sqfs_traverse trv;
    if (sqfs_traverse_open(&trv, &image->fs, sqfs_inode_root(&image->fs)) != SQFS_OK) {
        fprintf(stderr, "appimage: cannot read the image's root directory\n");
        return -1;
    }
    int result = 0;
    sqfs_err err = SQFS_OK;
    while (result == 0 && sqfs_traverse_next(&trv, &err)) {
        if (trv.dir_end)
            continue;
        const char *path = trv.path;
        if (!safe_relative_path(path)) {
            fprintf(stderr, "appimage: refusing the entry \"%s\" (unsafe name)\n", path);
            result = -1;
            break;
        }
        if (pattern && fnmatch(pattern, path, 0) != 0)
            continue;
        sqfs_inode inode;
        if (sqfs_inode_get(&image->fs, &inode, trv.entry.inode) != SQFS_OK) {
            fprintf(stderr, "appimage: cannot read the entry %s\n", path);
            result = -1;
            break;
        }
        char dest[PATH_MAX];
        if (snprintf(dest, sizeof dest, "%s/%s", target, path) >= (int)sizeof dest) {
            fprintf(stderr, "appimage: path too long: %s\n", path);
            result = -1;
            break;
        }
        mode_t mode = inode.base.mode | sqfs_mode(inode.base.inode_type);
        int rc = parent_dirs(dest);
        if (rc == 0) {
            if (S_ISDIR(mode))
                /* Owner-writable, or the directory's own entries could not be written. */
                rc = make_dirs(dest, (mode & 0777) | 0700);
            else if (S_ISREG(mode))
                rc = copy_file(image, &inode, dest, mode);
            else if (S_ISLNK(mode))
                rc = copy_symlink(image, &inode, dest);
            else
                continue;
        }
        if (rc != 0) {
            fprintf(stderr, "appimage: cannot write %s: %s\n", dest, strerror(errno));
            result = -1;
            break;
        }
        if (verbose)
            printf("%s\n", dest);
    }
    if (result == 0 && err != SQFS_OK) {
        fprintf(stderr, "appimage: cannot read the image's directories\n");
        result = -1;
    }
    sqfs_traverse_close(&trv);
    return result;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    int rc = (flag == FTW_DP) ? rmdir(path) : unlink(path);
    if (rc != 0 && errno != ENOENT)
        fprintf(stderr, "appimage: cannot remove %s: %s\n", path, strerror(errno));
    return 0;
}

int appimage_remove_tree(const char *path)
{
    return nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
}
