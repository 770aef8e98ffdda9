"""portal_cms: editing in the browser - Decap CMS at /admin/, generated from the content schemas.

Why our own plugin: no maintained Pelican plugin sets up a git-based CMS. Decap CMS needs a
configuration that lists every collection and field; written by hand it would drift from
the schemas ``make check`` validates with (a new field missing from the form, a choice the
form offers but the check refuses). Here it is generated at every build from the same
pydantic models (``config.py``), and tests/unit/test_cms_config.py compares the two.

Why Decap CMS (docs/redakcja.md has the comparison with figures): Polish interface, a local
backend (decap-server on 127.0.0.1) that writes into the working copy and can be driven
by the browser tests, the editorial workflow (draft, in review, ready) on GitLab and
Forgejo as merge requests, and PKCE sign-in with a self-hosted GitLab, Gitea or Forgejo.
Its cost: the admin page needs a looser Content-Security-Policy of its own
(``policy.admin_policy``: 'unsafe-eval' for its form validation, inline styles), which the
public pages never get.

Handler (wired by portal_site): ``finish`` (``finalized``, after portal_publish): writes
admin/index.html, admin/config.yml, admin/portal-cms.js (previews) and the pinned bundle
from node_modules/decap-cms (package-lock.json) into the output, after the sitemap, the
search index and the production steps, so /admin/ is in none of them.
Settings read: CMS_ENABLED, CMS_BUNDLE_DIR, CMS_BACKEND, CMS_LOCAL_BACKEND,
CMS_PUBLISH_MODE, CMS_REPOSITORY_ROOT, PUBLISH_PRECOMPRESS.
"""
