"""portal_etr: easy-to-read Polish (tekst łatwy do czytania): the /tekst-latwy/ section, the
"W prostych słowach" summaries of content items and the checks of easy-to-read text."""
