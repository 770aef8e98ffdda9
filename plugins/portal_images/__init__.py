"""portal_images: responsive <picture> elements from source photos, cached and parallel.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
