#define _GNU_SOURCE
#include "run.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t g_child = -1;
static const int kForwarded[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};

static void forward(int sig, siginfo_t *info, void *context)
{
    (void)context;
    /* SI_KERNEL: the terminal's Ctrl-C already reached the child's process group. */
    if (g_child > 0 && info->si_code != SI_KERNEL)
        kill((pid_t)g_child, sig);
}

int appimage_run(const char *appdir, const char *appimage, const char *argv0, char *const args[])
{
    char apprun[PATH_MAX];
    if (snprintf(apprun, sizeof apprun, "%s/AppRun", appdir) >= (int)sizeof apprun) {
        fprintf(stderr, "appimage: path too long: %s\n", appdir);
        return -1;
    }
    char owd[PATH_MAX];
    if (getcwd(owd, sizeof owd))
        setenv("OWD", owd, 1);
    setenv("APPDIR", appdir, 1);
    setenv("APPIMAGE", appimage, 1);
    setenv("ARGV0", argv0, 1);

    size_t count = 0;
    while (args[count])
        ++count;
    char **child_argv = calloc(count + 2, sizeof *child_argv);
    if (!child_argv)
        return -1;
    child_argv[0] = apprun;
    for (size_t i = 0; i < count; ++i)
        child_argv[i + 1] = args[i];

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = forward;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < sizeof kForwarded / sizeof kForwarded[0]; ++i) {
        sigaction(kForwarded[i], &sa, NULL);
        sigaddset(&block, kForwarded[i]);
    }
    /* No signal may slip in between fork and g_child being set. */
    sigprocmask(SIG_BLOCK, &block, &old);
    pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "appimage: fork: %s\n", strerror(errno));
        sigprocmask(SIG_SETMASK, &old, NULL);
        free(child_argv);
        return -1;
    }
    if (child == 0) {
        for (size_t i = 0; i < sizeof kForwarded / sizeof kForwarded[0]; ++i)
            signal(kForwarded[i], SIG_DFL);
        sigprocmask(SIG_SETMASK, &old, NULL);
        execv(apprun, child_argv);
        fprintf(stderr, "appimage: cannot run %s: %s\n", apprun, strerror(errno));
        _exit(127);
    }
    g_child = child;
    sigprocmask(SIG_SETMASK, &old, NULL);
    free(child_argv);

    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) {
            status = -1;
            break;
        }
    }
    g_child = -1;
    return status;
}

void appimage_exit_like(int wait_status)
{
    if (wait_status < 0)
        exit(127);
    if (WIFSIGNALED(wait_status)) {
        int sig = WTERMSIG(wait_status);
        signal(sig, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(sig);
        exit(128 + sig);
    }
    exit(WEXITSTATUS(wait_status));
}
