"""A build process kept alive for tests of portal_build.update (as `make devserver` keeps one).

    python tests/incrementalrun.py CONTENT CATALOGUE OUTPUT

Builds in full, prints one JSON line (after "@@"; Pelican prints its own lines too), then for every line read from stdin (a JSON list of
changed paths) applies the change incrementally (and re-indexes search) and prints one
JSON line: {"written": [...]} or {"full": reason} or {"failed": message}.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import portal  # noqa: E402


def main() -> int:
    content, catalogue, output = sys.argv[1:4]
    args = argparse.Namespace(
        settings=str(ROOT / "pelicanconf.py"), content=content, catalogue=catalogue, output=output
    )
    portal.init_logging()
    print("@@" + json.dumps({"built": portal.build(args, force=True)}), flush=True)
    search = portal.SearchRefresh(args)
    from portal_build.update import NotIncremental

    for line in sys.stdin:
        paths = [Path(p) for p in json.loads(line)]
        try:
            message, written = portal.update(args, paths)
            search.changed(written)
            search.wait()
            from portal_build.render import last_build

            last = last_build()
            written = sorted(str(Path(p).relative_to(last.output)) for p in last.written)
            reply = {"written": written, "message": message}
        except NotIncremental as why:
            reply = {"full": str(why)}
        except portal.BuildFailed as error:
            reply = {"failed": str(error)}
        print("@@" + json.dumps(reply, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
