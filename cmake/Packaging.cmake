# Install rules and CPack DEB configuration: two component packages for Debian 12 (or 13: build-deb.sh --suite).
#   madoguchi-workstation: madoguchi, madoguchi-cli (with its bash completion), the .desktop entry,
#                          the staff guides, the face models' fetch script (the models themselves
#                          are not packaged), the PostgreSQL role scripts (share/madoguchi/postgresql)
#   madoguchi-receiver:    madoguchi-receiver, its systemd unit, an example configuration, the residents' LIFF page
#                          (share/madoguchi/liff, installed by resources/liff/CMakeLists.txt)
# Build them with installer/linux/build-deb.sh (or: cpack -G DEB in the build directory).
# The program targets are installed in app/CMakeLists.txt (components workstation, receiver).
# To look at an installation: cmake --install BUILD --component workstation --prefix DIR. The
# receiver component's unit and configuration have absolute destinations (below): without
# --component, or for the receiver, add DESTDIR=DIR, or they are written into the host's /lib and /etc.

set(MADO_PKG_SRC ${CMAKE_CURRENT_SOURCE_DIR})

# --- workstation ---------------------------------------------------------------------------
install(FILES ${MADO_PKG_SRC}/installer/linux/madoguchi.desktop
        DESTINATION share/applications COMPONENT workstation)
# The menu entry's icon (Icon=madoguchi); the AppImage carries the same files.
install(FILES ${MADO_PKG_SRC}/installer/linux/appimage/madoguchi.png
        DESTINATION share/icons/hicolor/256x256/apps COMPONENT workstation)
install(FILES ${MADO_PKG_SRC}/installer/linux/appimage/madoguchi.svg
        DESTINATION share/icons/hicolor/scalable/apps COMPONENT workstation)
install(FILES ${MADO_PKG_SRC}/docs/clerk-guide.md ${MADO_PKG_SRC}/docs/supervisor-guide.md
              ${MADO_PKG_SRC}/docs/issuance.md
        DESTINATION share/doc/madoguchi-workstation COMPONENT workstation)
install(DIRECTORY ${MADO_PKG_SRC}/docs/images
        DESTINATION share/doc/madoguchi-workstation COMPONENT workstation)
# fetch-models.sh finds SHA256SUMS next to itself when installed.
install(PROGRAMS ${MADO_PKG_SRC}/installer/dev/fetch-models.sh
        DESTINATION share/madoguchi COMPONENT workstation)
install(FILES ${MADO_PKG_SRC}/resources/models/SHA256SUMS
        DESTINATION share/madoguchi COMPONENT workstation)
# The database administrator's psql scripts for a PostgreSQL store (docs/admin.md, "Roles"):
# roles.sql before `madoguchi-cli init`, grants.sql after it. The AppImage carries them too.
install(FILES ${MADO_PKG_SRC}/installer/postgresql/roles.sql ${MADO_PKG_SRC}/installer/postgresql/grants.sql
        DESTINATION share/madoguchi/postgresql COMPONENT workstation)

# --- receiver ------------------------------------------------------------------------------
# Absolute destinations: Debian's places for units and configuration, whatever the prefix.
install(FILES ${MADO_PKG_SRC}/installer/linux/madoguchi-receiver.service
        DESTINATION /lib/systemd/system COMPONENT receiver)
install(FILES ${MADO_PKG_SRC}/installer/linux/receiver.ini.example
        DESTINATION /etc/madoguchi RENAME receiver.ini COMPONENT receiver)
install(FILES ${MADO_PKG_SRC}/docs/admin.md
        DESTINATION share/doc/madoguchi-receiver COMPONENT receiver)

# --- CPack ---------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME madoguchi)
set(CPACK_PACKAGE_VENDOR "Madoguchi project")
# The Maintainer field: set it to the ward's (or vendor's) contact when building for real.
set(MADO_DEB_MAINTAINER "Madoguchi maintainers <madoguchi@localhost>" CACHE STRING
    "Maintainer field of the .deb packages")
set(CPACK_PACKAGE_CONTACT "${MADO_DEB_MAINTAINER}")
# Strip the programs in the packages (the build tree keeps its symbols).
set(CPACK_STRIP_FILES ON)
# The packages' version and Debian revision. build-deb.sh passes PROJECT_VERSION+git<commits>.<hash>
# (so a later commit's package upgrades an earlier one's) and 1+deb12 / 1+deb13 (the release built for).
set(MADO_DEB_VERSION "${PROJECT_VERSION}" CACHE STRING "Version of the .deb packages")
set(MADO_DEB_RELEASE "1" CACHE STRING "Debian revision of the .deb packages")
set(CPACK_PACKAGE_VERSION ${MADO_DEB_VERSION})
# Each component's description below starts with its own synopsis line. CPackDeb prepends the
# summary to it unless the summary is CPack's default, so leave the default in place.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL workstation receiver)
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${MADO_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://localhost/madoguchi")
# Library dependencies from dpkg-shlibdeps (package dpkg-dev); the rest below.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_WORKSTATION_PACKAGE_NAME madoguchi-workstation)
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_SECTION misc)
# Runtime-loaded Qt plug-ins (SQLite driver, X11/Wayland platforms) and the certificates' font
# are invisible to dpkg-shlibdeps.
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_DEPENDS
    "fonts-ipafont-gothic, libqt6sql6-sqlite, qt6-qpa-plugins")
# fetch-models.sh: apt-get source, bzip2, tar, sha256sum.
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_RECOMMENDS "bzip2, ca-certificates")
set(CPACK_COMPONENT_WORKSTATION_DESCRIPTION
    "staff identity verification workstation for ward office online counters\n\
madoguchi (the Qt workstation for clerks and supervisors) and\n\
madoguchi-cli (store set-up, accounts, register import, backups,\n\
model checks). The dlib face models are not included: run\n\
/usr/share/madoguchi/fetch-models.sh once as each workstation user\n\
(or set MADOGUCHI_MODELS_DIR). Guides: /usr/share/doc/madoguchi-workstation.\n\
PostgreSQL role scripts: /usr/share/madoguchi/postgresql.")

set(CPACK_DEBIAN_RECEIVER_PACKAGE_NAME madoguchi-receiver)
set(CPACK_DEBIAN_RECEIVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_RECEIVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, passwd")
set(CPACK_DEBIAN_RECEIVER_PACKAGE_CONTROL_EXTRA
    ${MADO_PKG_SRC}/installer/linux/deb/receiver/conffiles
    ${MADO_PKG_SRC}/installer/linux/deb/receiver/postinst
    ${MADO_PKG_SRC}/installer/linux/deb/receiver/prerm
    ${MADO_PKG_SRC}/installer/linux/deb/receiver/postrm)
set(CPACK_COMPONENT_RECEIVER_DESCRIPTION
    "LINE intake service of the Madoguchi verification workstation\n\
madoguchi-receiver receives LINE webhooks and LIFF applications into a\n\
durable spool and serves them to the ward's workstations. Installs the\n\
systemd unit madoguchi-receiver.service (not enabled: configure\n\
/etc/madoguchi/receiver.ini and the secrets first), the system user\n\
madoguchi and the state directory /var/lib/madoguchi.")

include(CPack)
