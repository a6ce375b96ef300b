"""Transfers in the desktop app: the packets list, the export wizard, importing packets and the receipt dialogs.

Every action here calls one flow of :mod:`dataroom.core.flows.transfer` (which checks the role and audits); long
work runs on :mod:`dataroom.ui.worker`.
"""
