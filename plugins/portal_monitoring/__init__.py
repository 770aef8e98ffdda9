"""portal_monitoring: the sector in numbers (/dane/sektor/): monitoring data, charts and the map of powiats."""
