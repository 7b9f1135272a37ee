#!/usr/bin/env bash
# The replicas-behind-nginx setup of docker-compose.yml, without Docker: Streamlit replicas on loopback
# ports behind this machine's nginx (`sudo apt-get install nginx`), configured from the same
# deploy/nginx.conf. Runs in the foreground; Ctrl-C stops everything.
#
#   deploy/try-locally.sh [PROXY_PORT [APP_PORT ...]]     default: 8080 8601 8602 → http://127.0.0.1:8080
#
# Logs, pid files and the generated config go to $WORKSHOP_RUN_DIR (default: a new temporary folder):
# app-PORT.log and app-PORT.pid per replica, nginx-access.log (which replica served each request).
# Needs the app's virtual environment (./run.sh or ./test.sh creates .venv) and envsubst (gettext-base).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
PROXY_PORT="${1:-8080}"
APP_PORTS=("${@:2}")
[ ${#APP_PORTS[@]} -gt 0 ] || APP_PORTS=(8601 8602)

if [ ! -x "$NGINX" ]; then
  echo "nginx is not installed: run 'sudo apt-get install nginx' (or set NGINX=/path/to/nginx)." >&2
  exit 1
fi
if ! command -v envsubst >/dev/null; then
  echo "envsubst is missing: run 'sudo apt-get install gettext-base'." >&2
  exit 1
fi
RUN_DIR="${WORKSHOP_RUN_DIR:-$(mktemp -d -t workshop-replicas.XXXXXX)}"
mkdir -p "$RUN_DIR/tmp"

pids=()
stop_all() {
  trap - EXIT INT TERM
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM  # exit runs stop_all

is_healthy() {
  "$PYTHON" -c "import sys, urllib.request
sys.exit(urllib.request.urlopen(sys.argv[1], timeout=2).read() != b'ok')" "$1/_stcore/health" 2>/dev/null
}

for port in "${APP_PORTS[@]}"; do
  (cd "$ROOT" && exec "$PYTHON" -m streamlit run app.py --server.address 127.0.0.1 --server.port "$port" \
      --server.headless true) >"$RUN_DIR/app-$port.log" 2>&1 &
  pids+=($!)
  echo $! >"$RUN_DIR/app-$port.pid"
done

# The shared config, with loopback replicas where docker-compose.yml has its service names.
servers=""
for port in "${APP_PORTS[@]}"; do servers+="server 127.0.0.1:$port; "; done
WORKSHOP_LISTEN="127.0.0.1:$PROXY_PORT" WORKSHOP_REPLICAS="$servers" \
  envsubst '${WORKSHOP_LISTEN} ${WORKSHOP_REPLICAS}' <"$ROOT/deploy/nginx.conf" >"$RUN_DIR/workshop.conf"
# What the nginx image's own main config provides, with every path inside RUN_DIR (no root needed).
cat >"$RUN_DIR/nginx-main.conf" <<'EOF'
worker_processes 1;
pid nginx.pid;
events { worker_connections 1024; }
http {
    include workshop.conf;
    log_format replica '$time_iso8601 $status "$request" route=$workshop_route upstream=$upstream_addr';
    access_log nginx-access.log replica;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
}
EOF
"$NGINX" -p "$RUN_DIR/" -c "$RUN_DIR/nginx-main.conf" -e "$RUN_DIR/nginx-error.log" -g 'daemon off;' &
nginx_pid=$!
pids+=($nginx_pid)

for port in "${APP_PORTS[@]}"; do
  until is_healthy "http://127.0.0.1:$port"; do
    kill -0 "$(cat "$RUN_DIR/app-$port.pid")" 2>/dev/null || { cat "$RUN_DIR/app-$port.log" >&2; exit 1; }
    sleep 0.3
  done
done
echo "Ready: http://127.0.0.1:$PROXY_PORT (${#APP_PORTS[@]} replicas: ${APP_PORTS[*]}; logs in $RUN_DIR)"
wait "$nginx_pid"  # returns early on Ctrl-C or kill, and the EXIT trap stops the replicas
