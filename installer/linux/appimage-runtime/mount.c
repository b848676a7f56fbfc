#define _GNU_SOURCE
#define FUSE_USE_VERSION 31
#include "mount.h"

#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <fuse3/fuse.h>
#include <fuse3/fuse_lowlevel.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static appimage_image g_image;
static struct fuse_session *g_session;
static char g_last_log[512];

static void remember_log(enum fuse_log_level level, const char *fmt, va_list ap)
{
    (void)level;
    vsnprintf(g_last_log, sizeof g_last_log, fmt, ap);
    size_t len = strlen(g_last_log);
    while (len > 0 && g_last_log[len - 1] == '\n')
        g_last_log[--len] = '\0';
}

static int op_getattr(const char *path, struct stat *st, struct fuse_file_info *fi)
{
    (void)fi;
    sqfs_inode inode;
    int rc = appimage_image_lookup(&g_image, path, &inode);
    if (rc != 0)
        return rc;
    appimage_image_stat(&inode, st);
    return 0;
}

static int op_readlink(const char *path, char *buf, size_t size)
{
    sqfs_inode inode;
    int rc = appimage_image_lookup(&g_image, path, &inode);
    if (rc != 0)
        return rc;
    if (inode.base.inode_type != SQUASHFS_SYMLINK_TYPE && inode.base.inode_type != SQUASHFS_LSYMLINK_TYPE)
        return -EINVAL;
    size_t want = size;
    if (sqfs_readlink(&g_image.fs, &inode, buf, &want) != SQFS_OK)
        return -EIO;
    return 0;
}

static int op_open(const char *path, struct fuse_file_info *fi)
{
    if ((fi->flags & O_ACCMODE) != O_RDONLY)
        return -EROFS;
    sqfs_inode *inode = malloc(sizeof *inode);
    if (!inode)
        return -ENOMEM;
    int rc = appimage_image_lookup(&g_image, path, inode);
    if (rc != 0) {
        free(inode);
        return rc;
    }
    fi->fh = (uint64_t)(uintptr_t)inode;
    fi->keep_cache = 1;
    return 0;
}

static int op_read(const char *path, char *buf, size_t size, off_t offset, struct fuse_file_info *fi)
{
    (void)path;
    sqfs_inode *inode = (sqfs_inode *)(uintptr_t)fi->fh;
    sqfs_off_t got = (sqfs_off_t)size;
    if (sqfs_read_range(&g_image.fs, inode, offset, &got, buf) != SQFS_OK)
        return -EIO;
    return (int)got;
}

static int op_release(const char *path, struct fuse_file_info *fi)
{
    (void)path;
    free((void *)(uintptr_t)fi->fh);
    return 0;
}

static int op_readdir(const char *path, void *buf, fuse_fill_dir_t filler, off_t offset, struct fuse_file_info *fi,
                      enum fuse_readdir_flags flags)
{
    (void)offset;
    (void)fi;
    (void)flags;
    sqfs_inode inode;
    int rc = appimage_image_lookup(&g_image, path, &inode);
    if (rc != 0)
        return rc;
    sqfs_dir dir;
    if (sqfs_dir_open(&g_image.fs, &inode, &dir, 0) != SQFS_OK)
        return -ENOTDIR;
    filler(buf, ".", NULL, 0, 0);
    filler(buf, "..", NULL, 0, 0);
    sqfs_name name;
    sqfs_dir_entry entry;
    sqfs_dentry_init(&entry, name);
    sqfs_err err = SQFS_OK;
    while (sqfs_dir_next(&g_image.fs, &dir, &entry, &err)) {
        struct stat st;
        memset(&st, 0, sizeof st);
        st.st_mode = sqfs_dentry_mode(&entry);
        st.st_ino = sqfs_dentry_inode_num(&entry);
        if (filler(buf, sqfs_dentry_name(&entry), &st, 0, 0) != 0)
            return -ENOMEM;
    }
    return err == SQFS_OK ? 0 : -EIO;
}

static int op_statfs(const char *path, struct statvfs *st)
{
    (void)path;
    memset(st, 0, sizeof *st);
    st->f_bsize = st->f_frsize = g_image.fs.sb.block_size;
    st->f_blocks = g_image.fs.sb.bytes_used / g_image.fs.sb.block_size + 1;
    st->f_files = g_image.fs.sb.inodes;
    st->f_namemax = SQUASHFS_NAME_LEN;
    return 0;
}

static void stop_serving(int sig)
{
    (void)sig;
    if (g_session)
        fuse_session_exit(g_session);
}

static void report(int fd, char kind, const char *message)
{
    char buf[600];
    int len = snprintf(buf, sizeof buf, "%c%s", kind, message);
    if (write(fd, buf, (size_t)len) < 0) {
        /* The parent is gone; nothing left to tell. */
    }
    close(fd);
}

static int serve(const char *image_path, uint64_t offset, const char *mountpoint, int ready_fd)
{
    /* Unmount when the runtime dies, and only then or on its SIGUSR1 (see mount.h). */
    prctl(PR_SET_PDEATHSIG, SIGUSR1);
    setpgid(0, 0);
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = stop_serving;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: the read on /dev/fuse must return EINTR so the loop sees the exit flag. */
    sigaction(SIGUSR1, &sa, NULL);

    if (appimage_image_open(&g_image, image_path, offset) != 0) {
        report(ready_fd, 'E', "cannot open the image");
        return 1;
    }
    fuse_set_log_func(remember_log);
    static const struct fuse_operations ops = {
        .getattr = op_getattr,
        .readlink = op_readlink,
        .open = op_open,
        .read = op_read,
        .release = op_release,
        .readdir = op_readdir,
        .statfs = op_statfs,
    };
    char *argv[] = {"appimage", "-o", "ro,nodev,nosuid,default_permissions,fsname=appimage,subtype=appimage", NULL};
    struct fuse_args args = FUSE_ARGS_INIT(3, argv);
    struct fuse *fuse = fuse_new(&args, &ops, sizeof ops, NULL);
    if (!fuse) {
        report(ready_fd, 'E', g_last_log[0] ? g_last_log : "fuse_new failed");
        return 1;
    }
    if (fuse_mount(fuse, mountpoint) != 0) {
        report(ready_fd, 'E', g_last_log[0] ? g_last_log : "fuse_mount failed");
        fuse_destroy(fuse);
        return 1;
    }
    g_session = fuse_get_session(fuse);
    report(ready_fd, 'M', "");
    int rc = fuse_loop(fuse);
    fuse_unmount(fuse);
    fuse_destroy(fuse);
    appimage_image_close(&g_image);
    return rc == 0 ? 0 : 1;
}

pid_t appimage_mount_start(const char *image_path, uint64_t offset, const char *mountpoint, char *why,
                           size_t why_size)
{
    int ready[2];
    if (pipe2(ready, O_CLOEXEC) != 0) {
        snprintf(why, why_size, "pipe: %s", strerror(errno));
        return -1;
    }
    pid_t server = fork();
    if (server < 0) {
        snprintf(why, why_size, "fork: %s", strerror(errno));
        close(ready[0]);
        close(ready[1]);
        return -1;
    }
    if (server == 0) {
        close(ready[0]);
        _exit(serve(image_path, offset, mountpoint, ready[1]));
    }
    close(ready[1]);
    char buf[600];
    ssize_t got;
    do {
        got = read(ready[0], buf, sizeof buf - 1);
    } while (got < 0 && errno == EINTR);
    close(ready[0]);
    if (got > 0 && buf[0] == 'M')
        return server;
    buf[got > 0 ? got : 0] = '\0';
    snprintf(why, why_size, "%s", got > 1 ? buf + 1 : "the FUSE server ended before mounting");
    while (waitpid(server, NULL, 0) < 0 && errno == EINTR) {
    }
    return -1;
}

int appimage_mount_stop(pid_t server)
{
    kill(server, SIGUSR1);
    int status = 0;
    while (waitpid(server, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
