"""Production settings: pelicanconf plus absolute URLs and feeds with a domain."""

from __future__ import annotations

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("PORTAL_SITEURL", "https://wielkopolskaes.pl")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL

# Production finish (plugins/portal_publish): fingerprinted CSS/JS names, minified
# HTML/CSS/JS, .gz and .br copies, and the security headers for hosts that read _headers.
PUBLISH_FINGERPRINT = True
PUBLISH_MINIFY = True
PUBLISH_PRECOMPRESS = True
# Brotli's smallest files (11) for the live site; the test suite's throwaway builds ask for
# a quicker level (the files decode to the same bytes at any level)
PUBLISH_BROTLI_QUALITY = int(os.environ.get("PORTAL_BROTLI_QUALITY", "11"))
PUBLISH_HEADERS_FILE = os.path.join(ROOT, "deploy", "_headers")  # noqa: F405

# Editing in the browser (deploy/cms.md): ROPS's self-hosted GitLab, sign-in with PKCE (no
# auth server of a third party), every change through a merge request (editorial workflow).
# Until the IT department sets the two variables, /admin/ says it is not configured.
CMS_BACKEND = {
    "name": os.environ.get("PORTAL_CMS_BACKEND", "gitlab"),  # gitlab, or forgejo / gitea
    "repo": os.environ.get("PORTAL_CMS_REPO", "rops/portal-es"),
    "branch": "main",
    "auth_type": "pkce",
    "base_url": os.environ.get("PORTAL_CMS_GIT_URL", ""),
    "app_id": os.environ.get("PORTAL_CMS_APP_ID", ""),
}
CMS_LOCAL_BACKEND = None
# review before publishing: merge requests on GitLab, pull requests on Forgejo; Decap has no
# editorial workflow for Gitea (deploy/cms.md), where changes go straight to the branch
CMS_PUBLISH_MODE = "simple" if CMS_BACKEND["name"] == "gitea" else "editorial_workflow"  # noqa: F405
