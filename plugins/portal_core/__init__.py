"""portal_core: plumbing every capability of the portal shares, and nothing about content.

- ``atomic``: writing a file or a folder in one step (write, then rename).
- ``parallel``: running work in forked processes (the one process pool of the portal).
- ``compat``: every use of a private attribute or behaviour of Pelican or Python-Markdown.
- ``address``: the public address of the site and of a page.

Not a Pelican plugin (it registers no signal): the wiring (portal_site) and the
capabilities import from it.
"""
