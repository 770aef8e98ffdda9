"""The structure rules of CONTRIBUTING.md, read from the source (tools/structure_report.py)."""

from __future__ import annotations

import re
import shutil
import sys

import pytest
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import structure_report  # noqa: E402 - tools/ is on the path now

REPORT = structure_report.check(ROOT)


def test_no_module_reads_another_modules_private_names():
    assert REPORT.private_imports == []


def test_pelicans_internals_are_used_in_the_compatibility_module_only():
    assert REPORT.pelican_internals == []


def test_no_generator_is_found_by_its_class_name():
    assert REPORT.class_name_lookups == []


def test_one_write_then_rename_one_process_pool_one_site_address():
    assert {site.split(":", 1)[0] for site in REPORT.rename_sites} == {structure_report.ATOMIC}
    assert {site.split(":", 1)[0] for site in REPORT.pool_sites} == {structure_report.PARALLEL}
    assert {site.split(":", 1)[0] for site in REPORT.address_sites} == {structure_report.ADDRESS}


def test_no_template_guards_a_relation_with_is_defined():
    guarded = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sorted((ROOT / "theme" / "templates").rglob("*.html"))
        for match in re.finditer(r"\b\w+\.\w+ is defined", path.read_text(encoding="utf-8"))
    ]
    assert guarded == []


def test_the_checker_finds_what_it_looks_for(tmp_path):
    """Each rule fires on a module that breaks it (so the zeros above mean something)."""
    shutil.copytree(ROOT / "theme" / "templates", tmp_path / "theme" / "templates")
    (tmp_path / "plugins" / "bad").mkdir(parents=True)
    (tmp_path / "tools").mkdir()
    (tmp_path / "plugins" / "bad" / "module.py").write_text(
        "import os\nfrom portal_content import validate\nfrom portal_images.plugin import _secret\n"
        "x = validate._cache\ny = article._content\nz = [g for g in [] if g.__class__.__name__ == 'A']\n"
        "os.replace('a', 'b')\nimport multiprocessing\nmultiprocessing.get_context('fork')\n"
        "w = settings['PUBLIC_SITEURL']\n",
        encoding="utf-8",
    )
    report = structure_report.check(tmp_path)
    assert len(report.private_imports) == 2 and len(report.pelican_internals) == 1
    assert len(report.class_name_lookups) == 1
    assert report.rename_sites and report.pool_sites and report.address_sites


@pytest.mark.parametrize("name", ["portal_site", "portal_core", "portal_build"])
def test_every_package_says_what_it_is(name):
    init = (ROOT / "plugins" / name / "__init__.py").read_text(encoding="utf-8")
    assert init.startswith('"""' + name + ":")
