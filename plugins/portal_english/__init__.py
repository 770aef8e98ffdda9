"""portal_english: the English part of the portal (/en/): pages for partners and buyers from
abroad, each paired with its Polish counterpart."""
