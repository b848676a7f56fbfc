/* Copies the files of an AppImage's image into a directory (--appimage-extract, and the path taken
 * when FUSE cannot be used). Directories, regular files (permission bits kept, set-id bits dropped)
 * and symbolic links; device nodes and fifos are skipped. Names "." and ".." or with a slash are
 * refused, so an image cannot write outside the target. */
#pragma once
#include "image.h"

/* Extracts every entry whose path (relative, e.g. "usr/bin/madoguchi") matches the fnmatch(3)
 * pattern, or all entries when pattern is NULL, into target (created if missing). verbose prints
 * each extracted path. Returns 0, or -1 after printing why to stderr. */
int appimage_extract(appimage_image *image, const char *target, const char *pattern, int verbose);

/* Removes a directory tree (the private copy of extract-and-run); symlinks are not followed. */
int appimage_remove_tree(const char *path);
