# SPDX-License-Identifier: Apache-2.0
# Runs at install time on Windows (cmake --install, and so cpack -G WIX): puts Qt's DLLs and plugins,
# QtKeychain and OpenSSL next to the installed executables. cmake/Packaging.cmake sets CONFAB_WINDEPLOYQT,
# CONFAB_OPENSSL_DIR and CONFAB_QTKEYCHAIN_DLL before including this. Untested: see README.md here.

set(bin "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin")
foreach(exe confab.exe confab-cli.exe)
    execute_process(
        COMMAND "${CONFAB_WINDEPLOYQT}" --release --no-compiler-runtime --no-opengl-sw
                --translations en,zh_CN,zh_TW "${bin}/${exe}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "windeployqt failed on ${exe} (${result})")
    endif()
endforeach()

if(NOT EXISTS "${CONFAB_QTKEYCHAIN_DLL}")
    message(FATAL_ERROR "QtKeychain DLL not found: ${CONFAB_QTKEYCHAIN_DLL}")
endif()
file(COPY "${CONFAB_QTKEYCHAIN_DLL}" DESTINATION "${bin}")

# Qt's TLS backend loads OpenSSL 3 at run time (windeployqt does not copy it).
file(GLOB openssl_dlls "${CONFAB_OPENSSL_DIR}/libssl-3*.dll" "${CONFAB_OPENSSL_DIR}/libcrypto-3*.dll")
if(NOT openssl_dlls)
    message(FATAL_ERROR "No OpenSSL 3 DLLs in CONFAB_OPENSSL_DIR='${CONFAB_OPENSSL_DIR}'")
endif()
file(COPY ${openssl_dlls} DESTINATION "${bin}")
