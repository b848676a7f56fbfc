/* The type-2 AppImage runtime of Madoguchi: the ELF part of Madoguchi-<version>-x86_64.AppImage.
 * Finds the squashfs image appended to itself (offset from its own ELF headers), mounts it
 * read-only with FUSE in a private directory and runs its AppRun with the arguments; without a
 * usable FUSE it copies the image into a private temporary directory and runs from there. The
 * exit status of AppRun is passed through; the mount or the copy is removed afterwards, also when
 * the runtime is stopped by a signal (which it passes on to AppRun). Linked statically, so it
 * starts on any x86_64 Linux: what the app itself needs is checked by AppRun.
 * Options (first argument only), as the AppImage specification's runtimes have them:
 * --appimage-help, --appimage-version, --appimage-offset, --appimage-extract [PATTERN],
 * --appimage-extract-and-run, --appimage-mount. APPIMAGE_EXTRACT_AND_RUN=1 forces the copy;
 * TARGET_APPIMAGE=PATH uses the image appended to that file instead of the runtime's own. */
#define _GNU_SOURCE
#include "elf_offset.h"
#include "extract.h"
#include "mount.h"
#include "run.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef APPIMAGE_RUNTIME_VERSION
#define APPIMAGE_RUNTIME_VERSION "0"
#endif

static void usage(const char *self)
{
    printf("Usage: %s [--appimage-OPTION | ARGUMENTS FOR THE APP]\n"
           "Without an --appimage- option the app runs with the arguments given.\n\n"
           "  --appimage-help              this text\n"
           "  --appimage-version           the runtime's version\n"
           "  --appimage-offset            the byte offset of the filesystem image in this file\n"
           "  --appimage-extract [PATTERN] copy the image (or the paths matching the shell PATTERN)\n"
           "                               into ./squashfs-root\n"
           "  --appimage-extract-and-run   run from a private temporary copy (no FUSE needed);\n"
           "                               the copy is removed afterwards\n"
           "  --appimage-mount             mount the image, print where, keep it until Ctrl-C\n\n"
           "Environment: APPIMAGE_EXTRACT_AND_RUN=1 always copies instead of mounting;\n"
           "TARGET_APPIMAGE=FILE uses FILE's image. The app sees APPIMAGE, APPDIR, ARGV0 and OWD.\n",
           self);
}

static const char *temp_root(void)
{
    const char *tmp = getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

/* A private directory (0700) named after the AppImage: /tmp/.mount_Madogu-XXXXXX. */
static int private_dir(char *buf, size_t size, const char *kind, const char *image_path)
{
    const char *base = strrchr(image_path, '/');
    base = base ? base + 1 : image_path;
    char prefix[7];
    snprintf(prefix, sizeof prefix, "%s", base);
    for (char *p = prefix; *p; ++p)
        if (*p == ' ' || *p == '.')
            *p = '_';
    if (snprintf(buf, size, "%s/.%s_%s-XXXXXX", temp_root(), kind, prefix) >= (int)size)
        return -1;
    if (!mkdtemp(buf)) {
        fprintf(stderr, "appimage: cannot create a directory in %s: %s\n", temp_root(), strerror(errno));
        return -1;
    }
    return 0;
}

static int extract_and_run(const char *image_path, uint64_t offset, const char *argv0, char *const args[])
{
    char dir[PATH_MAX];
    if (private_dir(dir, sizeof dir, "extract", image_path) != 0)
        return -1;
    appimage_image image;
    int status = -1;
    if (appimage_image_open(&image, image_path, offset) == 0) {
        int rc = appimage_extract(&image, dir, NULL, 0);
        appimage_image_close(&image);
        if (rc == 0)
            status = appimage_run(dir, image_path, argv0, args);
    }
    appimage_remove_tree(dir);
    return status;
}

static int mount_only(const char *image_path, uint64_t offset)
{
    char dir[PATH_MAX];
    if (private_dir(dir, sizeof dir, "mount", image_path) != 0)
        return 1;
    char why[512];
    pid_t server = appimage_mount_start(image_path, offset, dir, why, sizeof why);
    if (server < 0) {
        fprintf(stderr, "appimage: cannot mount with FUSE: %s\n", why);
        rmdir(dir);
        return 1;
    }
    printf("%s\n", dir);
    fflush(stdout);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sig = 0;
    sigwait(&set, &sig);
    int rc = appimage_mount_stop(server);
    rmdir(dir);
    return rc == 0 ? 0 : 1;
}

int main(int argc, char *argv[])
{
    char self[PATH_MAX];
    const char *target = getenv("TARGET_APPIMAGE");
    if (target && *target) {
        if (!realpath(target, self)) {
            fprintf(stderr, "appimage: TARGET_APPIMAGE=%s: %s\n", target, strerror(errno));
            return 1;
        }
    } else if (!realpath("/proc/self/exe", self)) {
        fprintf(stderr, "appimage: cannot find my own file (is /proc mounted?): %s\n", strerror(errno));
        return 1;
    }
    uint64_t offset = 0;
    if (appimage_elf_offset(self, &offset) != 0) {
        fprintf(stderr, "appimage: %s: cannot read its ELF header: %s\n", self, strerror(errno));
        return 1;
    }

    const char *option = argc > 1 ? argv[1] : "";
    int informational = strcmp(option, "--appimage-help") == 0 || strcmp(option, "--appimage-version") == 0 ||
                        strcmp(option, "--appimage-offset") == 0;
    if (!informational) {
        /* Say so now if nothing (or no squashfs) is appended, before mounting or copying. */
        appimage_image probe;
        if (appimage_image_open(&probe, self, offset) != 0)
            return 1;
        appimage_image_close(&probe);
    }
    if (strncmp(option, "--appimage-", 11) == 0) {
        if (strcmp(option, "--appimage-help") == 0) {
            usage(argv[0]);
            return 0;
        }
        if (strcmp(option, "--appimage-version") == 0) {
            printf("Madoguchi AppImage runtime %s (type 2)\n", APPIMAGE_RUNTIME_VERSION);
            return 0;
        }
        if (strcmp(option, "--appimage-offset") == 0) {
            printf("%" PRIu64 "\n", offset);
            return 0;
        }
        if (strcmp(option, "--appimage-extract") == 0) {
            appimage_image image;
            if (appimage_image_open(&image, self, offset) != 0)
                return 1;
            int rc = appimage_extract(&image, "squashfs-root", argc > 2 ? argv[2] : NULL, 1);
            appimage_image_close(&image);
            return rc == 0 ? 0 : 1;
        }
        if (strcmp(option, "--appimage-extract-and-run") == 0) {
            appimage_exit_like(extract_and_run(self, offset, argv[0], argv + 2));
        }
        if (strcmp(option, "--appimage-mount") == 0)
            return mount_only(self, offset);
        fprintf(stderr, "appimage: unknown option %s (see --appimage-help)\n", option);
        return 2;
    }

    const char *force = getenv("APPIMAGE_EXTRACT_AND_RUN");
    if (force && strcmp(force, "1") == 0)
        appimage_exit_like(extract_and_run(self, offset, argv[0], argv + 1));

    char dir[PATH_MAX];
    if (private_dir(dir, sizeof dir, "mount", self) != 0)
        return 1;
    char why[512];
    pid_t server = appimage_mount_start(self, offset, dir, why, sizeof why);
    if (server < 0) {
        rmdir(dir);
        fprintf(stderr, "appimage: FUSE is not usable here (%s); running from a private temporary copy instead\n",
                why);
        appimage_exit_like(extract_and_run(self, offset, argv[0], argv + 1));
    }
    int status = appimage_run(dir, self, argv[0], argv + 1);
    if (appimage_mount_stop(server) != 0)
        fprintf(stderr, "appimage: the FUSE server did not end cleanly (mount %s)\n", dir);
    if (rmdir(dir) != 0)
        fprintf(stderr, "appimage: cannot remove %s: %s\n", dir, strerror(errno));
    appimage_exit_like(status);
}
