"""Dataroom: an offline, encrypted data room for the parties to a company or business transfer."""

__version__ = "0.1.0"
