"""Local users of a vault and their roles."""
