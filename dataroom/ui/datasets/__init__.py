"""The datasets part of the desktop app: import, the paged redacted view with column classes, the policy editor,
quality, statistics, k-anonymity, redacted export and data-subject requests. One module per dialog, panel or model;
:mod:`dataroom.ui.pages.datasets_page` puts them together. Everything here calls ``dataroom.core.flows`` only."""
