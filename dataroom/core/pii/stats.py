"""Interval estimates for the share of valid values in a sample."""

from __future__ import annotations

import math

_Z95 = 1.959963984540054


def wilson_lower_bound(successes: int, n: int, *, population: int | None = None) -> float:
    """Lower end of the 95% Wilson score interval for a share of ``successes`` out of ``n``.

    With ``population`` (the number of values the sample was drawn from), the finite-population correction
    narrows the interval; a sample that is the whole population yields the observed share itself.
    """
    if n <= 0:
        return 0.0
    share = successes / n
    z = _Z95
    if population is not None:
        if population <= n:
            return share
        z *= math.sqrt((population - n) / (population - 1))
    z2 = z * z
    centre = share + z2 / (2 * n)
    margin = z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n))
    return max(0.0, (centre - margin) / (1 + z2 / n))


def noisy_or(*confidences: float) -> float:
    """Probability that at least one of several independent pieces of evidence is right."""
    doubt = 1.0
    for c in confidences:
        doubt *= 1.0 - c
    return 1.0 - doubt
