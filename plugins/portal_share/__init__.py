"""portal_share: sharing previews (Open Graph, Twitter cards) and generated share images.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
