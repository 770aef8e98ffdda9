"""The Content-Security-Policy of /admin/ and the git host's address, from the settings.

The public pages keep deploy/content-security-policy.txt. Decap CMS cannot run under it
(measured in Chromium, docs/redakcja.md): its form validation compiles schemas with
``new Function`` ('unsafe-eval') and its components set inline styles. So /admin/ gets
its own policy, as narrow as the CMS allows: scripts only from our origin, connections
only to our origin and the git host's API (or the local backend on 127.0.0.1), photos
from our origin, the git host and the ``blob:``/``data:`` addresses of uploads, no
frames of other sites, no plugins, no form posts elsewhere.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

API_PATHS = {"gitlab": "/api/v4", "gitea": "/api/v1", "forgejo": "/api/v1"}


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def backend(settings: dict[str, Any]) -> dict[str, Any]:
    """Decap's ``backend`` section: the settings' CMS_BACKEND with the API address of its
    git host (GitLab /api/v4, Gitea and Forgejo /api/v1) and PKCE sign-in."""
    config = {key: value for key, value in settings["CMS_BACKEND"].items() if value not in ("", None)}
    base = config.get("base_url", "").rstrip("/")
    if base:
        config["base_url"] = base
        config.setdefault("api_root", base + API_PATHS.get(config["name"], "/api/v1"))
        if config["name"] == "gitlab":
            config.setdefault("auth_endpoint", "oauth/authorize")
    return config


def configured(settings: dict[str, Any]) -> bool:
    """Whether editors can sign in: a local backend, or a git host with an application id."""
    found = backend(settings)
    return bool(settings.get("CMS_LOCAL_BACKEND")) or bool(found.get("base_url") and found.get("app_id"))


def admin_policy(settings: dict[str, Any]) -> str:
    hosts = sorted(
        {origin(backend(settings).get("base_url", "")), origin(settings.get("CMS_LOCAL_BACKEND") or "")}
        - {""}
    )
    extra = "".join(" " + host for host in hosts)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob:{extra}",
            "font-src 'self' data:",
            f"connect-src 'self' blob: data:{extra}",  # uploads are read back from blob: addresses
            "media-src 'self' blob:",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )
