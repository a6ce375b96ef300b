"""Dataroom command-line interface over ``dataroom.core.flows``."""
