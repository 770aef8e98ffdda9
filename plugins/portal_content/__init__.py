"""portal_content: YAML front matter, schemas and validation of news and pages.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
