# SPDX-License-Identifier: Apache-2.0
# Packages (issue 6): a DEB with CPack on Linux, an MSI with CPack's WiX generator on Windows.
#
#   cmake --build build/dev && cpack --config build/dev/CPackConfig.cmake -G DEB -B /tmp/out
#
# What goes into the DEB beyond the two executables (installed by app/desktop and app/cli): the desktop
# file (which registers the xmpp: URI scheme), AppStream metainfo, the icon in the hicolor theme (SVG, and
# PNGs rendered at build time by confab-svg2png from Qt Svg), man pages, and Debian's copyright and
# changelog. tests/packaging/deb-check.sh builds it and checks it with lintian.

set(CONFAB_APP_ID "im.confab.Confab")
set(CONFAB_ICON_SVG "${PROJECT_SOURCE_DIR}/resources/icons/${CONFAB_APP_ID}.svg")

set(CPACK_PACKAGE_NAME "confab")
set(CPACK_PACKAGE_VENDOR "Confab Developers")
set(CPACK_PACKAGE_CONTACT "Confab Developers <dev@confab.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop XMPP messenger")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# Release binaries in the package whatever the build type (the dev build is RelWithDebInfo).
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/")

# The icon: the SVG as it is, and PNGs at the sizes desktops look for (an .ico on Windows), rendered by a
# small Qt Svg tool so that no other SVG renderer is needed to build.
add_executable(confab-svg2png "${PROJECT_SOURCE_DIR}/packaging/tools/svg2png.cpp")
target_link_libraries(confab-svg2png PRIVATE Qt6::Gui Qt6::Svg)
function(confab_render_icon size output)
    get_filename_component(directory "${output}" DIRECTORY)
    add_custom_command(OUTPUT "${output}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${directory}"
        # A sanitizer build must not fail on what a short-lived tool leaves behind at exit.
        COMMAND "${CMAKE_COMMAND}" -E env ASAN_OPTIONS=detect_leaks=0 QT_QPA_PLATFORM=offscreen
                "$<TARGET_FILE:confab-svg2png>" "${CONFAB_ICON_SVG}" ${size} "${output}"
        DEPENDS confab-svg2png "${CONFAB_ICON_SVG}"
        COMMENT "Rendering the application icon at ${size}x${size}"
        VERBATIM)
endfunction()

if(UNIX AND NOT APPLE)
    find_program(CONFAB_GZIP gzip REQUIRED)

    set(icon_pngs)
    foreach(size 16 24 32 48 64 128 256)
        set(png "${CMAKE_BINARY_DIR}/packaging/icons/${size}x${size}/${CONFAB_APP_ID}.png")
        confab_render_icon(${size} "${png}")
        list(APPEND icon_pngs "${png}")
        install(FILES "${png}" DESTINATION "share/icons/hicolor/${size}x${size}/apps")
    endforeach()
    install(FILES "${CONFAB_ICON_SVG}" DESTINATION "share/icons/hicolor/scalable/apps")

    # Man pages, changelogs: gzip -9n (no name, no timestamp), as Debian policy asks.
    set(gzipped)
    function(confab_gzip source output)
        add_custom_command(OUTPUT "${output}"
            COMMAND sh -c "\"$1\" -9nc \"$2\" > \"$3\"" confab-gzip "${CONFAB_GZIP}" "${source}" "${output}"
            DEPENDS "${source}"
            VERBATIM)
        set(gzipped ${gzipped} "${output}" PARENT_SCOPE)
    endfunction()
    foreach(page confab.1 confab-cli.1)
        confab_gzip("${PROJECT_SOURCE_DIR}/packaging/man/${page}" "${CMAKE_BINARY_DIR}/packaging/man/${page}.gz")
        install(FILES "${CMAKE_BINARY_DIR}/packaging/man/${page}.gz" DESTINATION "share/man/man1")
    endforeach()

    set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
    set(CONFAB_DEB_VERSION "${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")
    configure_file("${PROJECT_SOURCE_DIR}/packaging/deb/changelog.in" "${CMAKE_BINARY_DIR}/packaging/changelog.Debian"
        @ONLY)
    confab_gzip("${CMAKE_BINARY_DIR}/packaging/changelog.Debian"
        "${CMAKE_BINARY_DIR}/packaging/doc/changelog.Debian.gz")
    # Debian policy 12.7: the upstream changelog is installed as changelog.gz.
    confab_gzip("${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${CMAKE_BINARY_DIR}/packaging/doc/changelog.gz")
    add_custom_target(confab_packaging_files ALL DEPENDS ${icon_pngs} ${gzipped})

    # Full RELRO for what the package ships (lintian: hardening-no-bindnow); Debian's toolchain already
    # gives PIE, partial RELRO and the stack protector.
    foreach(target confab confab-cli)
        target_link_options(${target} PRIVATE "LINKER:-z,relro" "LINKER:-z,now")
    endforeach()

    install(FILES "${PROJECT_SOURCE_DIR}/resources/${CONFAB_APP_ID}.desktop" DESTINATION "share/applications")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/${CONFAB_APP_ID}.metainfo.xml" DESTINATION "share/metainfo")
    install(FILES
        "${PROJECT_SOURCE_DIR}/packaging/deb/copyright"
        "${CMAKE_BINARY_DIR}/packaging/doc/changelog.Debian.gz"
        "${CMAKE_BINARY_DIR}/packaging/doc/changelog.gz"
        "${PROJECT_SOURCE_DIR}/packaging/policy/policy.conf.example"
        DESTINATION "share/doc/confab")
    install(FILES "${PROJECT_SOURCE_DIR}/packaging/deb/lintian-overrides"
        DESTINATION "share/lintian/overrides" RENAME confab)

    set(CPACK_GENERATOR "DEB")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    # The extended description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before it as the synopsis.
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Confab is a messenger for XMPP (Jabber), the open standard for instant
messaging: contacts with their presence, one-to-one chats with history,
delivery receipts and corrections, over TLS with passwords kept in the
desktop's keychain. It opens xmpp: links, and administrators can set and
lock defaults in /etc/xdg/Confab/policy.conf.
.
The package also contains confab-cli, for scripts and the terminal.")
    # Library dependencies from dpkg-shlibdeps; what it cannot see (Qt plugins loaded at run time) by hand:
    # the SQLite driver for the message history, and the SVG plugins for the icons.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
    # A Secret Service provider keeps the passwords (QtKeychain); without one Confab asks each time.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland, qt6-translations-l10n")
    set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
    # Ownership root:root and 0755 directories whatever the builder's umask (lintian checks both).
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
        OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endif()

if(WIN32)
    # packaging/windows/README.md: windeployqt puts Qt, QtKeychain and OpenSSL next to the executables
    # (packaging/windows/deploy.cmake, run at install time), and WiX builds the MSI. Untested: no Windows here.
    set(CPACK_GENERATOR "WIX")
    set(CPACK_PACKAGE_NAME "Confab")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "Confab")
    set(CPACK_PACKAGE_EXECUTABLES "confab" "Confab")
    set(CPACK_CREATE_DESKTOP_LINKS "confab")
    # Never change: it is how Windows Installer recognises an upgrade of the same product.
    set(CPACK_WIX_UPGRADE_GUID "6E2B54F1-3C0A-4B8E-9A51-2F7D0C1E8A43")
    confab_render_icon(256 "${CMAKE_BINARY_DIR}/packaging/confab.ico")
    add_custom_target(confab_packaging_files ALL DEPENDS "${CMAKE_BINARY_DIR}/packaging/confab.ico")
    set(CPACK_WIX_PRODUCT_ICON "${CMAKE_BINARY_DIR}/packaging/confab.ico")
    # WiX wants RTF or .txt (which CPack converts); LICENSE has no extension.
    configure_file("${PROJECT_SOURCE_DIR}/LICENSE" "${CMAKE_BINARY_DIR}/packaging/LICENSE.txt" COPYONLY)
    set(CPACK_WIX_LICENSE_RTF "${CMAKE_BINARY_DIR}/packaging/LICENSE.txt")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "Confab")
    set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "https://example.invalid/confab")
    set(CPACK_WIX_ARCHITECTURE "x64")
    # The xmpp: URI scheme (HKLM\Software\Classes\xmpp), so links open Confab.
    set(CPACK_WIX_PATCH_FILE "${PROJECT_SOURCE_DIR}/packaging/windows/xmpp-uri.wxs")
    # Qt's DLLs and plugins, QtKeychain and OpenSSL next to the executables, at install (and so cpack) time.
    # Qt6_DIR is <Qt>/lib/cmake/Qt6; windeployqt is in <Qt>/bin.
    find_program(CONFAB_WINDEPLOYQT windeployqt HINTS "${Qt6_DIR}/../../../bin" REQUIRED)
    set(CONFAB_OPENSSL_DIR "" CACHE PATH "Directory with the OpenSSL 3 DLLs (libssl-3-x64.dll, libcrypto-3-x64.dll)")
    install(CODE "set(CONFAB_WINDEPLOYQT \"${CONFAB_WINDEPLOYQT}\")
set(CONFAB_OPENSSL_DIR \"${CONFAB_OPENSSL_DIR}\")
set(CONFAB_QTKEYCHAIN_DLL \"$<TARGET_FILE:Qt6Keychain::Qt6Keychain>\")")
    install(SCRIPT "${PROJECT_SOURCE_DIR}/packaging/windows/deploy.cmake")
endif()

include(CPack)
