"""The background thread that keeps audio calls off the UI loop."""

from __future__ import annotations

import threading

import pytest

from coach.audio.worker import SerialWorker


def test_jobs_run_off_the_calling_thread_in_submission_order() -> None:
    worker = SerialWorker("test-worker")
    seen: list[tuple[int, str]] = []
    for n in range(5):
        worker.submit(lambda n=n: seen.append((n, threading.current_thread().name)))
    assert worker.wait_idle(timeout=5)
    assert seen == [(n, "test-worker") for n in range(5)]


def test_a_failing_job_is_reported_and_the_next_one_still_runs(
    capfd: pytest.CaptureFixture[str],
) -> None:
    errors: list[Exception] = []
    worker = SerialWorker("test-worker", on_error=errors.append)
    ran: list[str] = []

    def fail() -> None:
        raise RuntimeError("device gone")

    worker.submit(fail)
    worker.submit(lambda: ran.append("after"))
    assert worker.wait_idle(timeout=5)
    assert [str(e) for e in errors] == ["device gone"] and ran == ["after"]
    assert capfd.readouterr().err == "", "no traceback may reach the terminal"


def test_a_failing_error_callback_does_not_end_the_thread() -> None:
    def on_error(exc: Exception) -> None:
        raise ValueError("callback broke too")

    worker = SerialWorker("test-worker", on_error=on_error)
    ran: list[int] = []
    worker.submit(lambda: print(1 / 0))
    worker.submit(lambda: ran.append(1))
    assert worker.wait_idle(timeout=5)
    assert ran == [1]


def test_busy_for_measures_the_running_job_only() -> None:
    worker = SerialWorker("test-worker")
    entered, release = threading.Event(), threading.Event()
    assert worker.busy_for() == 0.0

    def hold() -> None:
        entered.set()
        release.wait(timeout=10)

    worker.submit(hold)
    assert entered.wait(timeout=10)
    assert worker.busy_for() > 0.0
    release.set()
    assert worker.wait_idle(timeout=5)
    assert worker.busy_for() == 0.0


def test_after_close_new_jobs_are_dropped() -> None:
    worker = SerialWorker("test-worker")
    ran: list[str] = []
    worker.submit(lambda: ran.append("before"))
    worker.close()
    worker.submit(lambda: ran.append("after"))
    assert worker.wait_idle(timeout=5)
    assert ran == ["before"]


def test_an_idle_thread_ends_and_the_next_job_starts_a_new_one() -> None:
    worker = SerialWorker("test-worker", idle_exit=0.0)
    threads: list[threading.Thread] = []
    worker.submit(lambda: threads.append(threading.current_thread()))
    assert worker.wait_idle(timeout=5)
    threads[0].join(timeout=5)
    assert not threads[0].is_alive()
    worker.submit(lambda: threads.append(threading.current_thread()))
    assert worker.wait_idle(timeout=5)
    assert len(threads) == 2 and threads[1] is not threads[0]
