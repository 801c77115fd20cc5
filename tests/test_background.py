"""The serial worker and the latest-wins runner, on their own (no Qt)."""
import threading

import pytest

from circular_editor.background import LatestWins, SerialWorker


def test_the_serial_worker_runs_jobs_one_at_a_time_in_order_on_one_thread():
    worker = SerialWorker()
    seen, threads, running = [], set(), []
    lock = threading.Lock()

    def job(n):
        with lock:
            running.append(n)
            assert len(running) == 1, "two jobs at once"
        threads.add(threading.get_ident())
        seen.append(n)
        with lock:
            running.remove(n)
        return n * n

    futures = [worker.submit(job, n) for n in range(200)]
    assert [f.result(timeout=10) for f in futures] == [n * n for n in range(200)]
    assert seen == list(range(200)) and len(threads) == 1 and threading.get_ident() not in threads
    failing = worker.submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.result(timeout=10)
    assert worker.call(job, 7) == 49, "the worker goes on after a failed job"
    worker.stop()


def test_latest_wins_runs_the_first_and_the_last_of_a_burst_and_delivers_only_the_last():
    release = threading.Event()
    ran, delivered, done = [], [], threading.Event()

    def run(request):
        ran.append(request)
        if request == 1:
            release.wait(10)  # the first render is slow: requests 2..50 arrive meanwhile
        return f"pdf {request}"

    def on_result(request, result, error):
        delivered.append((request, result, error))
        if request == 50:
            done.set()

    runner = LatestWins(run, on_result)
    for n in range(1, 51):
        runner.request(n)
    assert runner.busy
    release.set()
    assert done.wait(10)
    assert ran == [1, 50]
    assert delivered == [(50, "pdf 50", None)], "request 1 was superseded: its result is dropped"


def test_latest_wins_reports_an_error_and_goes_on():
    results, finished = [], threading.Semaphore(0)

    def run(request):
        if request == "bad":
            raise ValueError("body[2].text: too long")
        return request.upper()

    def on_result(request, result, error):
        results.append((request, result, str(error) if error else None))
        finished.release()

    runner = LatestWins(run, on_result)
    runner.request("bad")
    assert finished.acquire(timeout=10)
    runner.request("good")
    assert finished.acquire(timeout=10)
    assert results == [("bad", None, "body[2].text: too long"), ("good", "GOOD", None)]


def test_cancel_drops_the_running_request_outcome():
    release, delivered = threading.Event(), []
    runner = LatestWins(lambda r: release.wait(10), lambda *outcome: delivered.append(outcome))
    runner.request("closing circular")
    runner.cancel()
    release.set()
    for _ in range(1000):
        if not runner.busy:
            break
        threading.Event().wait(0.01)
    assert not runner.busy and delivered == []
