"""Gunicorn for Toetssteen in production: `gunicorn --config config/gunicorn.py`.

The container image starts it like this (bin/docker-entrypoint.sh). Every setting has a
default that suits one container; these environment variables change them:

| variable | default | meaning |
|---|---|---|
| `PORT` | `8000` | the port gunicorn listens on, on all addresses of the container |
| `WEB_CONCURRENCY` | 2 × cores + 1, at most 8 | worker processes |
| `GUNICORN_THREADS` | `4` | threads per worker process |
| `GUNICORN_TIMEOUT` | `120` | seconds a request may take before its worker is restarted |
| `GUNICORN_MAX_REQUESTS` | `1000` | requests after which a worker is replaced (0: never) |
| `FORWARDED_ALLOW_IPS` | `127.0.0.1,::1` | addresses whose X-Forwarded-Proto gunicorn believes |
| `GUNICORN_LOG_LEVEL` | `info` | level of gunicorn's own log (start, stop, worker timeouts) |

Why these choices:

- Worker class `gthread`: most requests wait on the database, so a few threads per process
  serve more people at the same memory. Rendering a record's PDF is Python work that holds
  the interpreter lock, slowing the other threads of its process while it runs; that is why
  there are several processes, not one process with many threads.
- Cores are counted as the container sees them: the CPU set it may run on and, under cgroup
  v2, its CPU quota (`docker run --cpus 2` gives 2 even on a 64-core host). The cap of 8
  keeps memory in check: every worker loads Django and, once it renders a PDF, WeasyPrint
  with its fonts. Scale out with more containers instead (docs/deployment.md).
- Timeout 120 s: rendering a large decision record (dozens of arguments, long texts) takes
  seconds, not minutes; 120 s leaves room on a busy machine and still ends a stuck worker.
  Exports of many records run in the background worker, never in a web request.
- Workers are replaced after about 1000 requests (with jitter, so not all at once): PDF
  rendering caches fonts and layouts, and a fresh process returns that memory.
- The access log goes to stdout, the error log to stderr, so the container platform
  collects both. The access log shows the path without its query string (an OpenID Connect
  callback carries an authorisation code there), the response's X-Request-ID (the same id
  as in the audit trail) and the duration in milliseconds.
- `FORWARDED_ALLOW_IPS`: gunicorn sets the request scheme from X-Forwarded-Proto only for
  these addresses. Django decides for itself whether a request came over HTTPS
  (`BEHIND_TLS_PROXY`), and reads the client address behind `TRUSTED_PROXY_COUNT` proxies;
  keep this list to your reverse proxy, never `*` on a port the world can reach.
- No control socket: nothing here uses `gunicornc`, and a socket that can change the
  worker count has no place in a production container.
"""

import os
from pathlib import Path


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def available_cores():
    """CPUs this process may use: its CPU set, limited by a cgroup v2 CPU quota if any."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
        if quota != "max":
            # Round up: a quota of 1.5 CPUs still keeps two workers busy.
            cores = min(cores, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cores)


def default_workers(cores):
    return min(2 * cores + 1, 8)


bind = [f"0.0.0.0:{env_int('PORT', 8000)}"]
wsgi_app = "config.wsgi:application"
proc_name = "toetssteen"

worker_class = "gthread"
workers = env_int("WEB_CONCURRENCY", default_workers(available_cores()))
threads = env_int("GUNICORN_THREADS", 4)
timeout = env_int("GUNICORN_TIMEOUT", 120)
# Time to finish the requests in hand when the container is stopped (SIGTERM).
graceful_timeout = 30
# Seconds an idle keep-alive connection from the reverse proxy stays open.
keepalive = 5
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10

# The worker heartbeat file: in memory, as a container's disk can block it.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
control_socket_disable = True

forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL") or "info"
access_log_format = (
    '%(h)s forwarded_for="%({x-forwarded-for}i)s" %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s '
    'request_id=%({x-request-id}o)s duration_ms=%(M)s "%(a)s"'
)
