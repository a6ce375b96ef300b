"""Row filters typed by users (``--where``), turned into parameterised SQL over the ORIGINAL cell values.

Grammar (keywords in any case)::

    expr  := term ("or" term)*
    term  := factor ("and" factor)*
    factor:= "not" factor | "(" expr ")" | COLUMN OP [VALUE]
    OP    := = | != | <> | > | >= | < | <= | contains | starts-with | is-blank | not-blank

COLUMN is a column name (quote it with "…" or `…` when it has spaces) or its 1-based position; VALUE is a word or
'…'/"…" (a quote inside is doubled). ``>``/``<`` compare numbers (``¥1,200`` is 1200) or, when the value is a
date, dates in any written form. The user's text only ever reaches SQLite as bound parameters; column names are
resolved to the generated storage names (``c3``), so nothing typed is concatenated into SQL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dataroom.core.datasets.store import column_name
from dataroom.core.errors import InputError
from dataroom.core.redaction.values import iso_day, parse_number

_OPS = ("=", "==", "!=", "<>", ">", ">=", "<", "<=", "contains", "starts-with", "is-blank", "not-blank")
_UNARY = ("is-blank", "not-blank")
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<dq>"(?:[^"]|"")*")
      | (?P<sq>'(?:[^']|'')*')
      | (?P<bq>`(?:[^`]|``)*`)
      | (?P<op>>=|<=|!=|<>|==|=|>|<)
      | (?P<paren>[()])
      | (?P<word>[^\s()=!<>"'`]+)
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Tok:
    kind: str  # "quoted", "op", "paren", "word"
    text: str


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise InputError(f"Cannot read the filter near {text[pos : pos + 20]!r}.")
        pos = m.end()
        kind = m.lastgroup
        raw = m.group(kind or "")
        if kind in ("dq", "sq", "bq"):
            q = raw[0]
            out.append(_Tok("quoted", raw[1:-1].replace(q + q, q)))
        elif kind is not None:
            out.append(_Tok(kind, raw))
    return out


@dataclass
class Where:
    """A compiled filter: SQL with ``?`` placeholders, its parameters, and the columns it reads."""

    sql: str
    params: list[Any] = field(default_factory=list)
    positions: set[int] = field(default_factory=set)
    #: ``column op`` per condition, without the values (which may be personal data), for the audit log.
    shape: list[str] = field(default_factory=list)


class _Parser:
    def __init__(self, tokens: list[_Tok], columns: Sequence[str]) -> None:
        self.toks = tokens
        self.i = 0
        self.columns = list(columns)
        self.out = Where("")

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.peek()
        if tok is None:
            raise InputError("The filter ends too early (a column, operator or value is missing).")
        self.i += 1
        return tok

    def keyword(self, word: str) -> bool:
        tok = self.peek()
        if tok is not None and tok.kind == "word" and tok.text.lower() == word:
            self.i += 1
            return True
        return False

    def expr(self) -> str:
        parts = [self.term()]
        while self.keyword("or"):
            parts.append(self.term())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def term(self) -> str:
        parts = [self.factor()]
        while self.keyword("and"):
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def factor(self) -> str:
        if self.keyword("not"):
            return f"(NOT {self.factor()})"
        tok = self.peek()
        if tok is not None and tok.kind == "paren" and tok.text == "(":
            self.i += 1
            inner = self.expr()
            close = self.peek()
            if close is None or close.kind != "paren" or close.text != ")":
                raise InputError("A '(' in the filter has no matching ')'.")
            self.i += 1
            return inner
        return self.condition()

    def column(self, tok: _Tok) -> int:
        if tok.kind not in ("word", "quoted"):
            raise InputError(f"Expected a column name in the filter, found {tok.text!r}.")
        if tok.text in self.columns:
            return self.columns.index(tok.text) + 1
        if tok.text.isdigit() and 1 <= int(tok.text) <= len(self.columns):
            return int(tok.text)
        raise InputError(
            f"The filter names no column of this dataset: {tok.text!r} (columns: {', '.join(self.columns)})."
        )

    def condition(self) -> str:
        position = self.column(self.take())
        col = column_name(position)
        op_tok = self.take()
        op = op_tok.text.lower() if op_tok.kind in ("op", "word") else ""
        if op not in _OPS:
            raise InputError(f"Unknown filter operator {op_tok.text!r}; use one of {', '.join(_OPS)}.")
        self.out.positions.add(position)
        self.out.shape.append(f"{self.columns[position - 1]} {op}")
        if op == "is-blank":
            return f"({col} IS NULL OR trim({col}) = '')"
        if op == "not-blank":
            return f"({col} IS NOT NULL AND trim({col}) != '')"
        value_tok = self.take()
        if value_tok.kind not in ("word", "quoted"):
            raise InputError(f"Expected a value after {op_tok.text!r} in the filter, found {value_tok.text!r}.")
        value = value_tok.text
        params = self.out.params
        if op in ("=", "=="):
            params.append(value)
            return f"{col} = ?"
        if op in ("!=", "<>"):
            params.append(value)
            return f"({col} IS NULL OR {col} != ?)"
        if op == "contains":
            params.append(value)
            return f"instr({col}, ?) > 0"
        if op == "starts-with":
            params.extend([len(value), value])
            return f"substr({col}, 1, ?) = ?"
        day = iso_day(value)
        if day is not None:
            params.append(day)
            return f"dr_day({col}) {op} ?"
        number = parse_number(value)
        if number is None:
            raise InputError(f"{op} compares numbers or dates; {value!r} is neither.")
        params.append(number)
        return f"dr_num({col}) {op} ?"


def parse(text: str, columns: Sequence[str]) -> Where:
    """Compile a filter over a dataset with these ``columns``; raises :class:`InputError` with what is wrong."""
    tokens = _tokens(text)
    if not tokens:
        raise InputError("The filter is empty.")
    p = _Parser(tokens, columns)
    sql = p.expr()
    if p.peek() is not None:
        raise InputError(f"Unexpected {p.peek().text!r} in the filter (join conditions with 'and' / 'or').")  # type: ignore[union-attr]
    p.out.sql = sql
    return p.out


def register_functions(conn: Any) -> None:
    """The SQL functions filters use: ``dr_num(text)`` and ``dr_day(text)`` (``NULL`` when unreadable)."""
    conn.create_function("dr_num", 1, parse_number, deterministic=True)
    conn.create_function("dr_day", 1, iso_day, deterministic=True)
