"""portal_build: how a build runs, beyond what Pelican does itself.

- ``render``: the writer that renders every page in parallel processes (and notes which
  page read which text, and refuses two pages at one address).
- ``update``: the devserver's partial update - an edit of a news item's text renders again
  only the pages that show that text.
- ``skip``: the input stamp - a build whose inputs did not change is skipped.

Why our own: Pelican renders every page on every build, in one process; its WRITE_SELECTED
setting (write only chosen files) has been removed (4.12 warns when it is set), its content
cache only saves the reading of files, and no maintained plugin renders in parallel or
knows which pages show which content. On a large portal (about 8,700 pages) a full build
takes about a minute; an editor fixing a sentence should see the page in a second.
"""
