"""portal_catalogue: the social-design souvenir catalogue for business buyers.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
