"""portal_procurement: for public buyers - CPV codes on offers (cpv.py) and their checks."""
