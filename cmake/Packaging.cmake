# A Debian package of what `cmake --install` installs, with CPack (docs: README, "Installing"):
#   cpack --config build/CPackConfig.cmake -B build/package
# Dependencies are computed from the program's shared libraries (dpkg-shlibdeps, in dpkg-dev);
# the system's Public Suffix List is recommended (libpsl has a built-in copy).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME empreinte)
set(CPACK_PACKAGE_VENDOR empreinte)
set(CPACK_PACKAGE_CONTACT "empreinte <dev@empreinte.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "audit your own digital footprint the way a stranger would find it")
set(CPACK_PACKAGE_DESCRIPTION
    "empreinte runs the four searches of the 'google yourself' method on your own name, sorts\n"
    "every result into voluntary, inherited and involuntary traces, explains each verdict and\n"
    "tells you what to do (privacy settings, opt-outs, GDPR letters, delisting). It works\n"
    "offline on a folder of saved pages, or through search engines that need no key.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "publicsuffix, bash-completion")
set(CPACK_STRIP_FILES ON)
include(CPack)
