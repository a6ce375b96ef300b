"""What an UNSAVED rule would make of the rows on screen, for the policy editor's live preview.

No core flow previews a policy that is not saved yet (``open_preview`` reads saved versions), so the editor applies
the rule's column function from :mod:`dataroom.core.redaction.operators` — pure, vectorised functions, the same
ones the engine compiles — to the raw cells of the visible rows, which it reads through
``flows.datasets.raw_rows`` (so only roles with the raw-data right see a preview; every role that may edit a policy
has it). Keyed pseudonyms need the deal's key, which never leaves the core: their preview shows the token's form
(or the tokens already on screen when the rule's type is unchanged); the real tokens appear once saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from dataroom.core.redaction import operators as ops
from dataroom.core.redaction import pseudonym
from dataroom.core.redaction.policy import ColumnRule

#: A withheld column in the preview.
WITHHELD = "⊘"
#: Separator of the outputs of a ``derive`` rule shown in one cell.
JOIN = " · "


def token_shape(type_: str) -> str:
    """What a keyed token of ``type_`` looks like before the key is applied: ``MOB_…``."""
    return f"{pseudonym.prefix_of(type_)}_…"


def apply_rule(rule: ColumnRule, values: Sequence[str | None], tokens: Sequence[str] | None = None) -> list[str]:
    """``rule`` applied to one column's raw ``values``; ``tokens`` are the keyed tokens of those values under the
    saved rule, used when the rule still pseudonymises with the same type."""
    clean = ops.check_params(rule.op, dict(rule.params))
    if rule.op == ops.WITHHOLD:
        return [WITHHELD for _ in values]
    if rule.op == ops.PSEUDONYM:
        if tokens is not None and len(tokens) == len(values):
            return list(tokens)
        return ["" if not v else token_shape(clean["type"]) for v in values]
    if rule.op == ops.DERIVE:
        columns = [ops.derive_fn(f, clean)(values) for f in clean["fields"]]
        return [JOIN.join(cells) for cells in zip(*columns, strict=True)]
    return ops.column_fn(rule.op, clean, None)(values)
