"""portal_films: privacy-first, accessible film embeds and a film library.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
