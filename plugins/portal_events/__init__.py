"""portal_events: the events calendar (wydarzenia): meetings, trainings, conferences, the gala.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
