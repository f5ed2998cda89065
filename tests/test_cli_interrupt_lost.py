"""Ctrl-C whose KeyboardInterrupt is lost in a finalizer (Python prints "Exception ignored in ..." and goes on, as
in a Dask client's ``Future.__del__``) still stops the batch: the next progress report raises it again."""

from __future__ import annotations

import gc
import os
import signal
from types import SimpleNamespace

import pytest

from dragoman.cli import _Progress, _stop_on_sigint


class _SignalsWhenCollected:
    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # the handler runs here, inside the finalizer


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the lost exception, on purpose
def test_cli_interrupt_lost_in_a_finalizer_is_raised_at_the_next_report() -> None:
    restore, interrupted = _stop_on_sigint()
    try:
        assert not interrupted()
        _SignalsWhenCollected()  # collected at once: its finalizer swallows the KeyboardInterrupt
        gc.collect()
        assert interrupted()
        with pytest.raises(KeyboardInterrupt):
            _Progress(interrupted)(SimpleNamespace(seen=1, seconds=1.0, expected=None, coded=1, skipped=0, failed=0,
                                                   recoded=0))
    finally:
        restore()


def test_cli_progress_reports_when_not_interrupted() -> None:
    progress = _Progress(lambda: False)
    summary = SimpleNamespace(seen=1, seconds=1.0, expected=None, coded=1, skipped=0, failed=0, recoded=0)
    progress(summary)
    assert progress.last is summary
