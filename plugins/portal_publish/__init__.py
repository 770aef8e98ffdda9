"""portal_publish: site search index, sitemap.xml, robots.txt and the production finish.

Declares its content kinds, checkers and handlers in plugin.py; portal_site wires them.
"""
