"""portal_theme: Polish template filters, the build date and checks of theme settings.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
