"""portal_certification: the "Zakup Prospołeczny" mark — editions, badges, verification.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
