"""Small dialogs of the Settings page, one class per module; none of them calls core itself: they collect input."""
