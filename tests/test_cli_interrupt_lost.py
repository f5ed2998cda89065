"""Ctrl-C whose KeyboardInterrupt is lost in a finalizer or garbage-collector callback (as in a Dask client's
``Future.__del__``) still stops the batch: the next progress report raises it again; and the lost one is not printed
as a traceback ("Exception ignored in ...")."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import textwrap
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


_LOSES_AN_INTERRUPT_THEN_AN_ERROR = textwrap.dedent("""
    import gc, os, signal
    from dragoman.cli import _stop_on_sigint

    class SignalsWhenCollected:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)

    class FailsWhenCollected:
        def __del__(self):
            raise ValueError("a real fault in a finalizer")

    restore, interrupted = _stop_on_sigint()
    SignalsWhenCollected()
    gc.collect()
    FailsWhenCollected()
    gc.collect()
    restore()
    print("pressed" if interrupted() else "not pressed")
""")


def test_cli_interrupt_lost_in_a_finalizer_prints_no_traceback_but_real_faults_still_show() -> None:
    run = subprocess.run([sys.executable, "-c", _LOSES_AN_INTERRUPT_THEN_AN_ERROR], capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.strip() == "pressed"
    assert "KeyboardInterrupt" not in run.stderr
    assert "ValueError: a real fault in a finalizer" in run.stderr  # only the lost Ctrl-C is kept quiet


def test_cli_progress_reports_when_not_interrupted() -> None:
    progress = _Progress(lambda: False)
    summary = SimpleNamespace(seen=1, seconds=1.0, expected=None, coded=1, skipped=0, failed=0, recoded=0)
    progress(summary)
    assert progress.last is summary
