"""Use cases: one function per user action, called by both the GUI and the CLI.

Each flow checks the acting user's permission, does its work and writes its audit record in the same
transaction as its effect. Long flows take ``progress`` and ``cancel`` arguments.
"""
