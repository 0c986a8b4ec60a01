"""The memo of the comparison running now, for token functions called without one.

Every stage of this package threads its `Memo` explicitly. A stage that calls the token layer
and has no memo parameter yet (today conflicts, which alignment calls for every kept pair)
would tokenise every sentence again, from nothing, without it. `using(memo)` makes `memo` the
one those calls fall back on for the duration of a `with` block, the way `decimal.localcontext`
scopes a precision: it is a context variable (so threads and tasks each see their own), set
and reset around one comparison's work, never a table that outlives it. Once every caller
passes its memo, this module can go.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .memo import Memo

_ACTIVE: ContextVar[Memo | None] = ContextVar("parallax_active_memo", default=None)


def active() -> Memo | None:
    """The memo of the comparison whose work is running in this context, if any."""
    return _ACTIVE.get()


@contextmanager
def using(memo: Memo) -> Iterator[Memo]:
    """Run a block with `memo` as the fallback of token calls that pass none."""
    token = _ACTIVE.set(memo)
    try:
        yield memo
    finally:
        _ACTIVE.reset(token)
