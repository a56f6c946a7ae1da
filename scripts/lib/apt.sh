# shellcheck shell=bash
# install_packages PKG...: installs Debian/Ubuntu packages a fresh machine lacks, as root or with password-less sudo;
# otherwise prints the exact apt-get line and fails.
install_packages() {
  (($#)) || return 0
  local apt_get
  if [[ $(id -u) -eq 0 ]]; then
    apt_get=(apt-get)
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    apt_get=(sudo apt-get)
  else
    echo "Missing packages: $*. Install them with: sudo apt-get install -y $*" >&2
    return 1
  fi
  echo "==> installing $*"
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "$@" >/dev/null
}
