"""deploy/: the CI workflow, the generated header files and the nginx configuration."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_publish_workflow_tests_before_it_publishes_and_runs_daily():
    job = yaml.safe_load((DEPLOY / "ci" / "publish.yml").read_text(encoding="utf-8"))
    triggers = job[True]  # YAML 1.1 reads the key "on" as True
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    build, deploy = job["jobs"]["build"], job["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    runs = " ".join(step.get("run", "") for step in build["steps"])
    assert runs.index(".ci/run") < runs.index("make publish") and "PORTAL_BUILD_DATE" in runs
    assert "rsync" in " ".join(step.get("run", "") for step in deploy["steps"])


def test_publish_workflow_holds_least_privilege():
    text = (DEPLOY / "ci" / "publish.yml").read_text(encoding="utf-8")
    job = yaml.safe_load(text)
    build, deploy = job["jobs"]["build"], job["jobs"]["deploy"]
    assert job["permissions"] == {"contents": "read"} and build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {} and deploy["environment"] == "production"
    uses = [step["uses"] for j in (build, deploy) for step in j["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses)  # pinned by commit
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert "secrets." not in yaml.safe_dump(build) and "secrets." in yaml.safe_dump(deploy)
    assert not any("checkout" in step.get("uses", "") for step in deploy["steps"])  # no repository code


def test_publish_workflow_passes_zizmor():
    """zizmor (GitHub Actions security audits, offline) finds nothing in the workflows."""
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "zizmor"),
            "--offline",
            "--no-progress",
            str(DEPLOY / "ci" / "publish.yml"),
            str(DEPLOY / "ci" / "check.yml"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_pull_requests_get_the_content_check_on_the_lines_of_their_files():
    job = yaml.safe_load((DEPLOY / "ci" / "check.yml").read_text(encoding="utf-8"))
    assert "pull_request" in job[True] and job["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in job["jobs"]["check"]["steps"]]
    assert "make check FORMAT=github" in runs


def test_gitlab_publishes_only_main_after_the_content_check_and_the_tests():
    pipeline = yaml.safe_load((DEPLOY / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    check, tests, publish = pipeline["tresc"], pipeline["testy"], pipeline["publikacja"]
    assert check["script"] == ["make check FORMAT=gitlab"]
    assert check["artifacts"] == {"when": "always", "reports": {"codequality": "gl-code-quality-report.json"}}
    assert any("merge_request_event" in rule["if"] for rule in check["rules"])
    assert ".ci/run" in " ".join(tests["script"])
    assert publish["needs"] == ["tresc", "testy"]
    assert publish["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    stages = pipeline["stages"]
    assert stages.index(publish["stage"]) > stages.index(tests["stage"]) > stages.index(check["stage"])
    script = " ".join(publish["script"])
    assert script.index("make publish") < script.index("rsync") < script.index("mv -T")


def test_generated_header_files_are_current():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "deploy_headers.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_content_security_policy_is_strict():
    policy = {
        part.split()[0]: part.split()[1:]
        for part in (DEPLOY / "content-security-policy.txt").read_text().strip().split(";")
    }
    assert not any("'unsafe-inline'" in values or "'unsafe-eval'" in values for values in policy.values())
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # Pagefind's WebAssembly, nothing else
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert policy["object-src"] == ["'none'"]


def test_headers_file_and_nginx_send_the_same_security_headers():
    headers = (DEPLOY / "_headers").read_text(encoding="utf-8")
    block = headers.split("\n/*\n", 1)[1].split("\n/", 1)[0]  # the /* block
    static_hosts = dict(re.findall(r"^  ([A-Za-z-]+): (.+)$", block, re.M))
    nginx = dict(
        re.findall(
            r'^add_header (\S+) "(.+)" always;$',
            (DEPLOY / "nginx" / "security-headers.conf").read_text(),
            re.M,
        )
    )
    assert static_hosts == nginx
    assert set(nginx) >= {
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
    }
    assert nginx["Content-Security-Policy"] == (DEPLOY / "content-security-policy.txt").read_text().strip()


def test_nginx_site_includes_headers_in_every_location():
    site = (DEPLOY / "nginx" / "site.conf").read_text()
    locations = re.findall(r"^location [^{]+\{(.*?)^\}", site, re.M | re.S)
    assert len(locations) >= 5
    admin = [body for body in locations if "admin-headers.conf" in body]
    assert len(admin) == 1  # /admin/ (the CMS): its own policy instead of the public one
    assert all(
        "include snippets/portal/security-headers.conf;" in body for body in locations if body not in admin
    )
    assert "location ^~ /admin/ {" in site
    assert "gzip_static on;" in site and "brotli_static on;" in site and "error_page 404 /404.html;" in site
    assert "include snippets/portal/site.conf;" in (DEPLOY / "nginx" / "portal.conf").read_text()


def test_dependencies_are_installed_by_hash():
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    pins = re.findall(
        r"^([A-Za-z0-9_.-]+)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", requirements, re.M
    )
    names = re.findall(r"^([A-Za-z0-9_.-]+)==", requirements, re.M)
    assert len(pins) == len(names) > 40  # every pinned package carries its hashes
    assert "--require-hashes -r requirements.txt" in (ROOT / "Makefile").read_text(encoding="utf-8")
