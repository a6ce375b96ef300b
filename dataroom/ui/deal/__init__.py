"""Deal screens: identity cards and their confirmation (Parties page), NDAs and their preview (Deal documents)."""
