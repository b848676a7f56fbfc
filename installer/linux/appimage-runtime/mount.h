/* Mounts an AppImage's image read-only with FUSE (libfuse3's high-level API over libsquashfuse),
 * served by a forked child process. The server sits in its own process group and ignores SIGINT,
 * SIGTERM and SIGHUP (a Ctrl-C or a service manager's SIGTERM reaches the app, which must keep its
 * files while it shuts down); it unmounts when appimage_mount_stop() sends it SIGUSR1, or when the
 * process that started it dies. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Returns the server's pid once mountpoint is mounted, or -1 with the reason in why. */
pid_t appimage_mount_start(const char *image_path, uint64_t offset, const char *mountpoint, char *why,
                           size_t why_size);

/* Unmounts and waits for the server. Returns 0 when it exited cleanly. */
int appimage_mount_stop(pid_t server);
