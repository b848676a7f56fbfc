# CMake toolchain for the Windows build (x86_64-w64-mingw32, posix threads, Debian's MinGW-w64 GCC).
# Used by installer/windows/build-deps.sh for the dependencies and by the `windows` configure preset
# for Madoguchi itself. The dependencies are looked for in the cache build-deps.sh fills:
#   ${MADO_MINGW_DIR} (default ~/.cache/madoguchi/mingw): prefix/ (libraries) and qt6/ (qtbase).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR AMD64)
set(MADO_MINGW_TRIPLET x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${MADO_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${MADO_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${MADO_MINGW_TRIPLET}-windres)
# Poco's Foundation compiles its event-log messages (pocomsg.mc) with a message compiler: binutils'
# windmc takes mc.exe's -h/-r options (Debian: binutils-mingw-w64-x86-64).
set(CMAKE_MC_COMPILER ${MADO_MINGW_TRIPLET}-windmc CACHE FILEPATH "message compiler")

if(NOT MADO_MINGW_DIR)
    if(DEFINED ENV{MADOGUCHI_MINGW_DIR})
        set(MADO_MINGW_DIR $ENV{MADOGUCHI_MINGW_DIR})
    elseif(DEFINED ENV{XDG_CACHE_HOME})
        set(MADO_MINGW_DIR $ENV{XDG_CACHE_HOME}/madoguchi/mingw)
    else()
        set(MADO_MINGW_DIR $ENV{HOME}/.cache/madoguchi/mingw)
    endif()
endif()
set(MADO_MINGW_PREFIX ${MADO_MINGW_DIR}/prefix)

# Sources written on Windows name system headers and libraries in mixed case (Poco: <Winsock2.h>,
# Crypt32.lib); MinGW's are lower case. build-deps.sh puts forwarding headers and library links under
# case/; they come after every other directory, so they never hide a real file.
set(CMAKE_C_FLAGS_INIT "-idirafter ${MADO_MINGW_DIR}/case/include")
set(CMAKE_CXX_FLAGS_INIT "-idirafter ${MADO_MINGW_DIR}/case/include")
foreach(kind EXE SHARED MODULE)
    set(CMAKE_${kind}_LINKER_FLAGS_INIT "-L${MADO_MINGW_DIR}/case/lib")
endforeach()

# Headers, libraries and CMake packages only from the MinGW sysroot and the dependency cache;
# programs (moc, pkg-config, ...) from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/${MADO_MINGW_TRIPLET} ${MADO_MINGW_PREFIX} ${MADO_MINGW_DIR}/qt6)
list(APPEND CMAKE_PREFIX_PATH ${MADO_MINGW_DIR}/qt6 ${MADO_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
if(NOT CMAKE_FIND_ROOT_PATH_MODE_PACKAGE)
    set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
endif()

# pkg-config (libsodium) reads only the cache's .pc files.
set(ENV{PKG_CONFIG_LIBDIR} ${MADO_MINGW_PREFIX}/lib/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# Debian's Qt 6.4.2 builds the host tools (moc, rcc, uic) for the cross-built Qt.
if(NOT QT_HOST_PATH)
    set(QT_HOST_PATH /usr)
    set(QT_HOST_PATH_CMAKE_DIR /usr/lib/x86_64-linux-gnu/cmake)
endif()
