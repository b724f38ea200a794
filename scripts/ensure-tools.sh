#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo use, when they are missing:
#   swaks (+ libnet-ssleay-perl for --tls)   the demo's suggestions and the demo test
#   redis-server                             the Redis store's tests (a real server on a loopback port)
# Later features add to this list. Needs root or sudo when something is missing.
set -euo pipefail

packages=()
command -v swaks >/dev/null 2>&1 || packages+=(swaks)
perl -MNet::SSLeay -e 1 >/dev/null 2>&1 || packages+=(libnet-ssleay-perl)
perl -MIO::Socket::SSL -e 1 >/dev/null 2>&1 || packages+=(libio-socket-ssl-perl)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)

if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${packages[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Missing ${packages[*]} and neither root nor sudo: install them with apt-get." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
