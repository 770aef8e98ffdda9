"""Counts of the structure rules in CONTRIBUTING.md, read from the source (not fixtures).

    python tools/structure_report.py [ROOT]

Prints, for the project at ROOT (default: this one), the places that break a rule:
another module's private names imported or read, Pelican's or Python-Markdown's private
internals used outside portal_core/compat.py, generators found by class name, and the
number of implementations of write-then-rename, of process pools and of places that compute
the site's public address. tests/unit/test_structure.py holds them at their targets.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPAT = "plugins/portal_core/compat.py"
ATOMIC = "plugins/portal_core/atomic.py"
PARALLEL = "plugins/portal_core/parallel.py"
ADDRESS = "plugins/portal_core/address.py"

# private attributes of Pelican's and Python-Markdown's objects the portal has needed
PELICAN_PRIVATE = {
    "_content",
    "_open_w",
    "_written_files",
    "_overridden_files",
    "_get_content",
    "_update_content",
    "_summary",
    "_context",
}
# names that are internals without a leading underscore
INTERNAL_NAMES = {"override_url", "override_save_as", "inlinePatterns", "treeprocessors", "compiled_re"}


@dataclass
class Report:
    private_imports: list[str] = field(default_factory=list)
    pelican_internals: list[str] = field(default_factory=list)
    class_name_lookups: list[str] = field(default_factory=list)
    rename_sites: list[str] = field(default_factory=list)
    pool_sites: list[str] = field(default_factory=list)
    address_sites: list[str] = field(default_factory=list)


# renames that are not a write-then-rename: the production step that gives finished CSS and
# JS files their fingerprinted names (nothing reads them under either name meanwhile)
RENAMES_THAT_ARE_NOT_WRITES = {"plugins/portal_publish/finishing.py"}


def sources(root: Path) -> list[Path]:
    found = [*sorted((root / "plugins").rglob("*.py")), *sorted((root / "tools").glob("*.py"))]
    return [p for p in found if "__pycache__" not in p.parts and p.name != "structure_report.py"]


def _imported_modules(tree: ast.AST) -> dict[str, str]:
    """Local name -> module, for names bound by ``import x`` / ``from p import module``."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def check(root: Path = ROOT) -> Report:
    report = Report()
    for path in sources(root):
        relative = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), relative)
        modules = _imported_modules(tree)
        for node in ast.walk(tree):
            where = f"{relative}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        report.private_imports.append(f"{where}: from {node.module} import {alias.name}")
            if isinstance(node, ast.Attribute):
                owner = node.value.id if isinstance(node.value, ast.Name) else None
                private = node.attr.startswith("_") and not node.attr.startswith("__")
                if private and owner in modules and owner not in ("os", "sys") and relative != COMPAT:
                    report.private_imports.append(f"{where}: {owner}.{node.attr}")
                elif relative != COMPAT and (
                    (private and node.attr in PELICAN_PRIVATE and owner not in ("self", "cls"))
                    or node.attr in INTERNAL_NAMES
                ):
                    report.pelican_internals.append(f"{where}: .{node.attr}")
                of_class = isinstance(node.value, ast.Attribute) and node.value.attr == "__class__"
                if node.attr == "__name__" and of_class:
                    report.class_name_lookups.append(f"{where}: __class__.__name__")
            of_dict = isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
            if of_dict and node.value.attr == "__dict__" and relative != COMPAT:
                report.pelican_internals.append(f"{where}: .__dict__[...]")
            if isinstance(node, ast.Call):
                name = _call_name(node)
                renames = name in ("os.replace", "os.rename") or name.endswith(".rename")
                if renames and relative not in RENAMES_THAT_ARE_NOT_WRITES:
                    report.rename_sites.append(f"{where}: {name}")
                if name in (
                    "os.fork",
                    "ProcessPoolExecutor",
                    "concurrent.futures.ProcessPoolExecutor",
                ) or name.endswith((".Pool", ".Process", "get_context")):
                    report.pool_sites.append(f"{where}: {name}")
            if isinstance(node, ast.Constant) and node.value == "PUBLIC_SITEURL":
                report.address_sites.append(f"{where}: PUBLIC_SITEURL")
    templates = root / "theme" / "templates"
    for template in sorted(templates.rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if "PUBLIC_SITEURL" in line:
                report.address_sites.append(
                    f"{template.relative_to(root).as_posix()}:{number}: PUBLIC_SITEURL"
                )
    return report


def _call_name(node: ast.Call) -> str:
    parts = []
    target = node.func
    while isinstance(target, ast.Attribute):
        parts.append(target.attr)
        target = target.value
    if isinstance(target, ast.Name):
        parts.append(target.id)
    return ".".join(reversed(parts))


def implementations(sites: list[str]) -> int:
    """How many modules hold such code (one module is one implementation)."""
    return len({site.split(":", 1)[0] for site in sites})


def main(argv: list[str]) -> int:
    root = Path(argv[1]).resolve() if len(argv) > 1 else ROOT
    report = check(root)
    rows = [
        (
            "imports or reads of another module's private names",
            len(report.private_imports),
            report.private_imports,
        ),
        (
            "Pelican/Markdown internals outside compat.py",
            len(report.pelican_internals),
            report.pelican_internals,
        ),
        ("generators found by class name", len(report.class_name_lookups), report.class_name_lookups),
        ("modules with write-then-rename", implementations(report.rename_sites), report.rename_sites),
        ("modules with process pools or forks", implementations(report.pool_sites), report.pool_sites),
        ("places that compute the site's address", len(report.address_sites), report.address_sites),
    ]
    for label, count, sites in rows:
        print(f"{count:4d}  {label}")
        for site in sites:
            print(f"        {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
