#!/usr/bin/env bash
# A Docker engine and the images Proofgate's containers and compose modes need, for machines that
# cannot pull from an image registry (air-gapped ones, and this project's CI machines, which reach
# only the Debian mirror). Everything is built from Debian packages:
#   proofgate-offline/debian:bookworm     debootstrap (minbase) of Debian 12, imported as an image
#   proofgate-offline/debian:trixie       the same of Debian 13 (Debian 12 packages PostgreSQL 15 only)
#   proofgate-offline/postgres:17         Debian 13's PostgreSQL 17, with an entrypoint that honours the
#                                         official image's POSTGRES_USER/PASSWORD/DB and PGDATA
#   proofgate-offline/jre-python:17       Debian 12's OpenJDK 17 JRE and Python 3: the platform's base image
#
# It prints, on stdout, the settings that point both modes at these images, so use it as
#   eval "$(scripts/offline-images.sh)"
# Progress and timings go to stderr. Idempotent: an image that exists is kept (REBUILD=1 rebuilds).
# As root, when no engine answers, it installs Debian's docker.io (and docker-compose, debootstrap) and
# starts dockerd in the background (there is no systemd here). Exit 3: no engine and none can be had.
#
# Users with internet need none of this: the modes default to postgres:17 and eclipse-temurin:17-jre.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive DOCKER_BUILDKIT=0

PREFIX=proofgate-offline
WORK=${PROOFGATE_OFFLINE_WORK:-${TMPDIR:-/tmp}/proofgate-offline-images}
DOCKERD_LOG=/var/log/proofgate-dockerd.log
DOCKERD_PID=/run/proofgate-dockerd.pid

say() { printf '[offline-images] %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
exists() { [ "${REBUILD:-0}" != 1 ] && docker image inspect "$1" >/dev/null 2>&1; }

# The Debian mirror apt on this machine already uses; debootstrap needs it spelled out.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local url
  url=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | grep -E '^(URIs:|deb )' | grep -oE 'https?://[^ ]+' | grep -v security | head -1 || true)
  echo "${url:-http://deb.debian.org/debian}"
}

engine() {
  local t; t=$(now)
  if docker info >/dev/null 2>&1; then
    say "engine: a Docker engine answers already ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    say "engine: no Docker engine answers and this is not root, so none can be provisioned; start one and rerun"
    exit 3
  fi
  if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null || ! command -v docker-compose >/dev/null; then
    say "engine: installing Debian's docker.io, docker-compose and debootstrap ..."
    mkdir -p "$WORK"
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends docker.io docker-compose debootstrap; } >"$WORK/apt.log" 2>&1 \
      || { say "engine: apt-get could not install docker.io (see $WORK/apt.log); no engine can be had here"; exit 3; }
    say "engine: packages installed in $(since "$t")"
  fi
  mkdir -p /etc/docker
  # Testcontainers sees /.dockerenv on these machines, believes it runs inside a container and asks
  # the default bridge for its gateway; an explicit bip gives the bridge one (else it tries to pull an
  # alpine helper image and hangs). Published ports are forwarded by the kernel (iptables) instead of
  # docker-proxy, a userland copy of every byte that, on 2 cores, took CPU from the platform and the suite
  # under load: native answers at 20 clients 401-590/s through it, 614-620/s without (docs/benchmarks.md).
  [ -f /etc/docker/daemon.json ] || echo '{"bip": "172.17.0.1/16", "userland-proxy": false}' > /etc/docker/daemon.json
  # An engine that was killed (a machine's previous session) leaves pid files behind; dockerd would
  # take a leftover containerd pid for a live containerd and wait for it in vain.
  local f pid
  for f in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
    pid=$(cat "$f" 2>/dev/null || true)
    if [ -n "$pid" ] && ! ps -o stat= -p "$pid" 2>/dev/null | grep -qv '^Z'; then rm -f "$f"; fi
  done
  local started; started=$(now)
  nohup /usr/sbin/dockerd >"$DOCKERD_LOG" 2>&1 &
  echo $! > "$DOCKERD_PID"
  for _ in $(seq 1 240); do docker info >/dev/null 2>&1 && break; sleep 0.25; done
  docker info >/dev/null 2>&1 || { say "engine: dockerd did not answer within 60 s; see $DOCKERD_LOG"; exit 3; }
  say "engine: dockerd $(docker version --format '{{.Server.Version}}') answers, started in $(since "$started") (pid $(cat "$DOCKERD_PID"), log $DOCKERD_LOG)"
}

# A Debian release as a base image: debootstrap through the reachable mirror, then docker import.
debian_base() {
  local release=$1 image=$PREFIX/debian:$1 t
  if exists "$image"; then say "$image: present"; return; fi
  t=$(now)
  command -v debootstrap >/dev/null || { say "$image: debootstrap is missing (apt-get install debootstrap)"; exit 3; }
  local rootfs=$WORK/rootfs-$release
  rm -rf "$rootfs"; mkdir -p "$WORK"
  debootstrap --variant=minbase "$release" "$rootfs" "$(debian_mirror)" >"$WORK/debootstrap-$release.log" 2>&1 \
    || { say "$image: debootstrap failed, see $WORK/debootstrap-$release.log"; exit 3; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' - "$image" >/dev/null
  rm -rf "$rootfs"
  say "$image: built in $(since "$t")"
}

build() {
  local image=$1 dir=$2 t
  if exists "$image"; then say "$image: present"; return; fi
  t=$(now)
  docker build -t "$image" "$dir" >"$WORK/build-${image//[\/:]/-}.log" 2>&1 \
    || { say "$image: docker build failed, see $WORK/build-${image//[\/:]/-}.log"; exit 3; }
  say "$image: built in $(since "$t")"
}

postgres_image() {
  local dir=$WORK/postgres
  mkdir -p "$dir"
  cat > "$dir/Dockerfile" <<EOF
FROM $PREFIX/debian:trixie
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-17 && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \\
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data
ENV PATH=/usr/lib/postgresql/17/bin:\$PATH PGDATA=/var/lib/postgresql/data
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
USER postgres
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD ["postgres"]
EOF
  # Initialises an empty data directory the way users of the official image expect, then runs the
  # server in the foreground; a data directory that already holds a cluster is used as it is.
  cat > "$dir/entrypoint.sh" <<'EOF'
#!/bin/bash
set -euo pipefail
if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi
if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  user=${POSTGRES_USER:-postgres}; db=${POSTGRES_DB:-$user}
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}" > /tmp/pwfile
  initdb --pgdata="$PGDATA" --username="$user" --pwfile=/tmp/pwfile --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f /tmp/pwfile
  printf "host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n" >> "$PGDATA/pg_hba.conf"
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  if [ "$db" != postgres ]; then
    pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses=''" --wait start >/dev/null
    psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres --command="CREATE DATABASE \"$db\"" >/dev/null
    pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop >/dev/null
  fi
  echo "entrypoint: initialised $PGDATA for user $user, database $db"
fi
exec "$@"
EOF
  chmod +x "$dir/entrypoint.sh"
  build "$PREFIX/postgres:17" "$dir"
}

platform_base_image() {
  local dir=$WORK/jre-python
  mkdir -p "$dir"
  cat > "$dir/Dockerfile" <<EOF
FROM $PREFIX/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless python3 \\
 && rm -rf /var/lib/apt/lists/*
EOF
  build "$PREFIX/jre-python:17" "$dir"
}

total=$(now)
engine
debian_base bookworm
debian_base trixie
postgres_image
platform_base_image
say "ready in $(since "$total"); images: $(docker images --format '{{.Repository}}:{{.Tag}} ({{.Size}})' "$PREFIX/*" | paste -sd ' ')"

# The settings that point the modes at these images. Ryuk (Testcontainers' reaper) cannot be pulled
# either: it is disabled for this machine only, and the suite removes its own containers at the end.
echo "export PROOFGATE_IMAGE_POSTGRES=$PREFIX/postgres:17"
echo "export PROOFGATE_IMAGE_PLATFORM_BASE=$PREFIX/jre-python:17"
echo "export TESTCONTAINERS_RYUK_DISABLED=true"
[ -e /.dockerenv ] && echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
exit 0
