"""The daily-rebuild job configuration is valid YAML and does what the README says."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_daily_rebuild_job():
    job = yaml.safe_load((ROOT / "deploy" / "ci" / "daily-rebuild.yml").read_text(encoding="utf-8"))
    schedule = job[True]["schedule"]  # YAML 1.1 reads the key "on" as True
    assert schedule and schedule[0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    steps = " ".join(step.get("run", "") for step in job["jobs"]["rebuild"]["steps"])
    assert "PORTAL_BUILD_DATE" in steps and "make publish" in steps and "rsync" in steps
