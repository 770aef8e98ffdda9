"""Serving a built site with nginx and the deploy/ configuration, as the production server does.

The server block is the generated deploy/nginx/site.conf with its security headers
(included from snippets/portal/ under a private prefix), on 127.0.0.1 without TLS.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from sitebuild import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")


def available() -> str | None:
    """Why nginx cannot serve the site here, or None when it can."""
    if not Path(NGINX).is_file():
        return "nginx missing (apt-get install nginx-light)"
    if not BROTLI_MODULE.is_file():
        return "nginx brotli_static module missing (apt-get install libnginx-mod-http-brotli-static)"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    def __init__(self, site: Path, port: int, prefix: Path) -> None:
        self.site, self.port, self.prefix = site, port, prefix
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _write_config(self) -> Path:
        snippets = self.prefix / "snippets" / "portal"
        snippets.mkdir(parents=True, exist_ok=True)
        for name in ("site.conf", "security-headers.conf", "admin-headers.conf"):
            shutil.copy(ROOT / "deploy" / "nginx" / name, snippets / name)
        temp = self.prefix / "temp"
        temp.mkdir(exist_ok=True)
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read pytest's 0700 folders
        config = self.prefix / "nginx.conf"
        config.write_text(
            f"{user}daemon off;\nworker_processes 1;\npid {self.prefix}/nginx.pid;\n"
            f"error_log {self.prefix}/error.log warn;\nload_module {BROTLI_MODULE};\n"
            "events { worker_connections 256; }\n"
            "http {\n"
            f"  include {MIME_TYPES};\n  default_type application/octet-stream;\n"
            "  access_log off;\n  server_tokens off;\n"
            + "".join(
                f"  {kind}_temp_path {temp}/{kind};\n"
                for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + f"  server {{\n    listen 127.0.0.1:{self.port};\n    root {self.site};\n"
            '    set $portal_git_host "https://git.example.org";\n'
            "    include snippets/portal/site.conf;\n  }\n}\n",
            encoding="utf-8",
        )
        return config

    def start(self) -> Nginx:
        config = self._write_config()
        check = subprocess.run(
            [NGINX, "-t", "-p", str(self.prefix), "-c", str(config), "-e", str(self.prefix / "error.log")],
            capture_output=True,
            text=True,
        )
        if check.returncode != 0:
            raise RuntimeError("nginx -t failed:\n" + check.stderr)
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.prefix), "-c", str(config), "-e", str(self.prefix / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start: " + (self.prefix / "error.log").read_text(errors="replace"))

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
