"""What the dataset view's model reads on the worker: pages of the redacted or raw rows, and the header badges of
the columns shown (plain Python; the Qt model is :mod:`dataroom.ui.datasets.rows_model`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.errors import DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.redaction.preview import PreviewView
from dataroom.core.session import Session

#: Rows per page: a screenful is 20–60 rows, so one page covers several screens and costs a few milliseconds.
PAGE_ROWS = 200


@dataclass(frozen=True)
class ColumnMeta:
    """One column shown: its name, the source column it comes from, and what the header badge says."""

    name: str
    source: str
    data_class: str | None
    type: str | None
    op: str | None = None
    overridden: bool = False
    derived: str | None = None
    confidence: float | None = None


@dataclass
class Page:
    """Rows of one page (fewer than :data:`PAGE_ROWS` at the end, or when suppression drops rows)."""

    index: int
    rows: list[tuple[str, ...]]
    row_numbers: list[int]
    last_row: int | None
    blanked: int = 0
    dropped: int = 0
    error: str = ""


@dataclass
class Opened:
    """What the worker hands back after opening a view."""

    view: PreviewView
    count: int
    first: Page
    columns: list[ColumnMeta] = field(default_factory=list)


def raw_cells(session: Session, dataset: str, row_numbers: Sequence[int]) -> list[tuple[str, ...]]:
    """The unredacted cells of ``row_numbers`` (in that order) via ``flows.datasets.raw_rows``.

    Row numbers are read in ascending runs; in row order a whole page is one run, sorted orders need more reads.
    """
    wanted = set(row_numbers)
    found: dict[int, tuple[str, ...]] = {}
    remaining = sorted(wanted)
    while remaining:
        first, run = remaining[0], 1
        while run < len(remaining) and remaining[run] == first + run:
            run += 1
        for row in dataset_flows.raw_rows(session, dataset, first - 1, run):
            if row[0] in wanted:
                found[int(row[0])] = tuple("" if v is None else str(v) for v in row[1:])
        remaining = remaining[run:]
    return [found.get(n, ()) for n in row_numbers]


def fetch_page(
    view: PreviewView, index: int, *, session: Session | None = None, raw: bool = False, after: int | None = None
) -> Page:
    """Read page ``index`` of ``view`` (on the worker). ``after`` continues from the previous page's last row (a
    keyset read, cheap anywhere, where a filtered view's ``page_at`` must walk from the start)."""
    page = None
    if after is not None:
        try:
            page = view.page_after(after, PAGE_ROWS)
        except DataroomError:
            page = None  # the row went (an erasure): position it again
    if page is None:
        page = view.page_at(index * PAGE_ROWS + 1, PAGE_ROWS)
    rows = page.rows
    if raw:
        assert session is not None
        rows = raw_cells(session, view.info.name, page.row_numbers)
    return Page(index, list(rows), list(page.row_numbers), page.last_row, page.blanked, page.dropped)


def column_meta(view: PreviewView, classes: Sequence[ColumnClass], raw: bool) -> list[ColumnMeta]:
    """Header badges: the classification of each shown column's source (a derived column shows its rule's class
    and the derived field)."""
    by_name = {c.name: c for c in classes}
    rules = {r.column: r for r in view.compiled.policy.rules}
    out: list[ColumnMeta] = []
    if raw:
        for name in view.info.columns:
            c = by_name.get(name)
            rule = rules.get(name)
            out.append(
                ColumnMeta(
                    name,
                    name,
                    c.data_class if c else None,
                    c.type if c else None,
                    rule.op if rule else None,
                    c.overridden if c else False,
                    confidence=c.confidence if c else None,
                )
            )
        return out
    for o in view.compiled.outputs:
        c = by_name.get(o.source_name)
        if o.field:
            out.append(ColumnMeta(o.name, o.source_name, o.data_class, None, o.op, False, o.field))
        else:
            out.append(
                ColumnMeta(
                    o.name,
                    o.source_name,
                    c.data_class if c else o.data_class,
                    c.type if c else None,
                    o.op,
                    c.overridden if c else False,
                    confidence=c.confidence if c else None,
                )
            )
    return out
