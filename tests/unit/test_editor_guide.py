"""docs/redakcja.md: every template in the guide is a valid file of the real portal, and the
guide covers every kind of content and every command it tells editors to use."""

from __future__ import annotations

import re
import shutil

from sitebuild import ROOT, build_in_process

GUIDE = (ROOT / "docs" / "redakcja.md").read_text(encoding="utf-8")
TEMPLATE = re.compile(r"Plik: `([^`]+)`\n\n```(?:markdown|yaml)\n(.*?)\n```", re.S)


def test_guide_templates_are_valid_content(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "catalogue", tmp_path / "catalogue")
    templates = TEMPLATE.findall(GUIDE)
    assert len(templates) >= 3
    photo = ROOT / "tests" / "fixtures" / "images" / "foto.jpg"
    for relative, text in templates:
        target = tmp_path / relative
        assert not target.exists(), relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text + "\n", encoding="utf-8")
        for src in re.findall(r"src: (\S+\.jpg)", text):
            where = target.parent / src if relative.startswith("catalogue/") else tmp_path / "content" / src
            shutil.copy(photo, where)
    check = build_in_process(tmp_path / "content", tmp_path / "unused", command="check", cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_guide_covers_every_kind_and_command():
    for command in (
        "make new-news",
        "make new-event",
        "make new-product",
        "make new-entity",
        "make new-film",
        "make new-edition",
        "make check",
        "make devserver",
        "make import-wordpress",
    ):
        assert command in GUIDE, command
    for folder in (
        "content/aktualnosci/",
        "content/wydarzenia/",
        "catalogue/",
        "content/podmioty/",
        "content/owes/",
        "content/strony/",
        "content/filmy/",
        "content/zakup-prospoleczny/",
        "content/images/",
    ):
        assert folder in GUIDE, folder
    assert "docs/redakcja.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_guide_lists_the_material_vocabulary():
    """The words a material may begin with (portal_catalogue.schema.MATERIALS) are in the
    guide, so an editor never meets a rule the guide does not state."""
    from portal_catalogue.schema import MATERIALS

    missing = [word for _, words, _ in MATERIALS.values() for word in words if word not in GUIDE]
    assert missing == []
