"""The worker pool, the shared rate-limit gate and a client shared by threads, against the simulator."""

import threading

from ansible_collections.wxc.calling.plugins.module_utils.concurrency import RateLimitGate, run_all
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient

LOCATIONS = "/locations"


class FakeClock:
    """A clock that only moves when slept on."""

    def __init__(self):
        self.now = 100.0
        self.slept = []

    def sleep(self, seconds):
        self.slept.append(round(seconds, 6))
        self.now += seconds


def test_gate_without_a_pause_does_not_sleep():
    clock = FakeClock()
    RateLimitGate(clock.sleep, lambda: clock.now).wait()
    assert clock.slept == []


def test_gate_holds_until_the_longest_pause():
    clock = FakeClock()
    gate = RateLimitGate(clock.sleep, lambda: clock.now)
    gate.pause(2)
    gate.pause(1)  # shorter than the pause already set: kept at 2
    gate.wait()
    gate.wait()  # the pause is over
    assert clock.slept == [2.0]


def test_gate_waits_again_when_the_pause_grows_while_sleeping():
    clock = FakeClock()
    gate = RateLimitGate(
        lambda seconds: (clock.sleep(seconds), gate.pause(3) if len(clock.slept) == 1 else None), lambda: clock.now
    )
    gate.pause(1)
    gate.wait()
    assert clock.slept == [1.0, 3.0]


def test_run_all_keeps_order_and_isolates_failures():
    def call(index):
        def run():
            if index == 2:
                raise ValueError("item 2 broke")
            return index * 10

        return run

    outcome = run_all([call(index) for index in range(5)], concurrency=3)
    assert [value for value, _error in outcome] == [0, 10, None, 30, 40]
    assert [str(error) for _value, error in outcome if error] == ["item 2 broke"]
    assert run_all([], 3) == []


def test_run_all_never_runs_more_than_the_concurrency():
    lock, running, most = threading.Lock(), [0], [0]
    release = threading.Event()

    def call():
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        release.wait(0.05)
        with lock:
            running[0] -= 1

    run_all([call] * 12, concurrency=4)
    assert most[0] == 4


def test_a_429_pauses_every_thread_of_a_shared_client(sim):
    """A 429 met by one worker pauses the others too: a worker that never met a 429 waits out the same pause before
    its next request. The gate's clock stands still (no timing in the test): a pause once set stays pending, so the
    other worker, started once the first has met its 429, must find it; a client whose 429 paused only the worker that
    got it lets the other send at once, and this test fails."""
    slept = []  # (worker, seconds), as the workers sleep

    def sleep(seconds):
        slept.append((threading.current_thread().name, round(seconds, 3)))
        paused.set()

    paused = threading.Event()
    client = WebexClient(sim.url, sim.token, timeout=60, sleep=sleep).shared(2)
    client.rate_gate = RateLimitGate(sleep=sleep, clock=lambda: 1000.0)
    hq = sim.location_id("Headquarters")
    sim.fault(method="GET", path="/locations/[^/]+$", status=429, retry_after="2")
    answers = {}

    def limited():
        answers["limited"] = client.get("/locations/%s" % hq)["id"]

    def other():
        assert paused.wait(60), "the first worker never met its 429"
        answers["other"] = len(client.get_all(LOCATIONS, "items"))

    workers = [threading.Thread(target=limited, name="limited"), threading.Thread(target=other, name="other")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert answers["limited"] == hq and answers["other"] > 0
    assert ("limited", 2.0) in slept  # the worker that met the 429 waited it out
    assert ("other", 2.0) in slept  # and so did the one that did not
    statuses = [(entry["path"].endswith(LOCATIONS), entry["status"]) for entry in sim.requests()]
    assert statuses.count((False, 429)) == 1 and (True, 429) not in statuses


def test_gate_does_not_sleep_once_the_pause_is_over():
    clock = FakeClock()
    gate = RateLimitGate(clock.sleep, lambda: clock.now)
    gate.pause(0)  # over at once
    gate.wait()
    gate.pause(-1)  # already over: the pause set earlier is kept, and over too
    gate.wait()
    assert clock.slept == []
    gate.pause(0.5)
    clock.now += 0.5  # the pause ran out while nobody waited
    gate.wait()
    assert clock.slept == []


def test_gate_pauses_from_the_time_of_the_call():
    clock = FakeClock()
    gate = RateLimitGate(clock.sleep, lambda: clock.now)
    gate.pause(2)
    clock.now += 1.5
    gate.pause(1)  # until 102.5, later than 102: the longer pause wins
    gate.wait()
    assert clock.slept == [1.0]


def test_run_all_runs_in_the_calling_thread_when_there_is_nothing_to_overlap():
    here = threading.get_ident()
    assert run_all([threading.get_ident] * 3, concurrency=1) == [(here, None)] * 3
    assert run_all([threading.get_ident], concurrency=5) == [(here, None)]
    threads = {value for value, _error in run_all([threading.get_ident] * 2, concurrency=2)}
    assert here not in threads


def test_run_all_returns_the_exception_of_each_failed_call():
    error = KeyError("x")

    def fail():
        raise error

    assert run_all([fail, lambda: 1], concurrency=1) == [(None, error), (1, None)]
    assert run_all(iter([lambda: 2, fail]), concurrency=2) == [(2, None), (None, error)]


def test_shared_client_gives_both_schemes_one_blocking_pool_of_the_workers_size():
    slept = []
    client = WebexClient("https://webex.invalid/v1", "token", sleep=slept.append)
    assert client.shared(4) is client
    adapter = client.session.get_adapter("https://webex.invalid/v1")
    assert client.session.get_adapter("http://webex.invalid/v1") is adapter
    assert adapter.poolmanager.connection_pool_kw["maxsize"] == 4
    assert adapter.poolmanager.connection_pool_kw["block"] is True
    client.shared(0)
    assert client.session.get_adapter("https://webex.invalid/v1").poolmanager.connection_pool_kw["maxsize"] == 1
    # The gate sleeps with the client's own sleep.
    client.rate_gate.pause(30)
    client.rate_gate.wait()
    assert len(slept) == 1 and 29 < slept[0] <= 30


def test_shared_client_mints_the_access_token_once_before_the_threads_start(sim):
    credentials = (sim.client_id, sim.client_secret, sim.refresh_token)
    client = WebexClient(sim.url, None, refresh_credentials=credentials, sleep=lambda seconds: None)
    client.shared(3)
    assert client.session.headers["Authorization"].startswith("Bearer ")
    client.shared(3)  # a token is held: none minted again
    assert [entry["path"] for entry in sim.requests()] == ["/v1/access_token"]
    WebexClient(sim.url, sim.token).shared(3)  # a token given, or no credentials: nothing minted
    WebexClient(sim.url, None).shared(3)
    assert len(sim.requests()) == 1
