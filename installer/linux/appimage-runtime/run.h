/* Runs an AppDir's AppRun as a child and waits for it. SIGTERM, SIGINT, SIGHUP and SIGQUIT sent to
 * the runtime by another process (kill, a service manager) are passed on to the child; the ones a
 * terminal sends reach the child through its process group already and are not sent twice. */
#pragma once

/* Sets APPDIR, APPIMAGE, ARGV0 and OWD for the child, runs appdir/AppRun with argv (argv[0]
 * becomes the AppRun path; argv is NULL-terminated). Returns the child's wait status, or -1 when
 * it could not be started (the reason printed). */
int appimage_run(const char *appdir, const char *appimage, const char *argv0, char *const args[]);

/* Ends the process the way the child ended: the same exit code, or the same signal. */
__attribute__((noreturn)) void appimage_exit_like(int wait_status);
