"""Deal records between the parties: identities and cards, NDAs and the export gate, consents, notices, incidents.

No Qt here: the GUI and the CLI reach these through :mod:`dataroom.core.flows`.
"""
