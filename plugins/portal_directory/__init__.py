"""portal_directory: entities (PES/PS) and support centres (OWES), listings, open data.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
