"""portal_publications: the knowledge library (/wiedza/): reports, local diagnoses, evaluations, programmes."""
