"""Coding a batch on a Dask cluster (``dragoman code --cluster ADDRESS``).

The division of work is the local pool's: this process (the client) reads the inputs, skips what is stored
and writes SQLite, the one writer; the workers run ``pipeline.code_articles`` on chunks of documents. Each
worker loads the spaCy model, lexicons and place index once, when it joins (``WarmUp``, a worker plugin).

At most ``IN_FLIGHT_PER_THREAD`` chunks per worker thread are out at a time (submitted, or coded and waiting
for their turn), so the corpus is never all in memory. Results are taken as they complete and handed back in
input order, so the store is the same, row for row, as a single-process run's. A worker that dies has its
chunk rerun elsewhere by Dask; a chunk that kills workers ``distributed.scheduler.allowed-failures`` times
is split and its documents coded one per task, and a document that still kills its worker is stored as
failed with the reason. The client has to reach the scheduler, and every worker needs the same dragoman
version installed (checked when it joins).
"""

from __future__ import annotations

import logging
import signal
import uuid
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version

from distributed import Client, Future, KilledWorker, LocalCluster, Worker, WorkerPlugin, as_completed

from .errors import ClusterError
from .ingest import article_from_text
from .model import Article, CodedDoc, Rejected

# The coder of a chunk, ``pipeline.code_articles``, is handed in by the pipeline (this module is its executor).
Coder = Callable[[list[Article | Rejected]], list[CodedDoc]]

log = logging.getLogger("dragoman")

# Seconds to wait for a scheduler to answer, and then for it to have a worker.
CONNECT_SECONDS = 10.0
# Chunks out per worker thread: one coding, one queued behind it, one coded and waiting for its turn to be written.
IN_FLIGHT_PER_THREAD = 3
LOCAL_PREFIX = "local:"
# The installed distribution's version (the package's __init__ would be an import cycle through the pipeline).
__version__ = version("dragoman")
_WARM_UP = "Kenyan police arrested 30 protesters in Nairobi on Tuesday, a police spokesman said."
_SCHEMES = ("tcp://", "tls://", "ucx://", "inproc://", "ws://", "wss://")


def parse_address(value: str) -> str:
    """``local:N`` (N >= 1) or a scheduler address; a bare ``host:port`` is TCP. ValueError says what is wrong."""
    text = value.strip()
    if text.lower().startswith(LOCAL_PREFIX):
        count = text[len(LOCAL_PREFIX):]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"{value!r} is no local cluster: use local:N with N worker processes, e.g. local:2")
        return f"{LOCAL_PREFIX}{int(count)}"
    if not text.startswith(_SCHEMES):
        text = f"tcp://{text}"
    host, _, port = text.split("://", 1)[1].rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"{value!r} is no Dask scheduler address: use tcp://HOST:PORT (a scheduler's default "
                         "port is 8786) or local:N")
    return text


class WarmUp(WorkerPlugin):
    """Worker plugin: each worker loads the model, lexicons and place index once, before its first chunk."""

    name = "dragoman-warm-up"

    def __init__(self, code: Coder, *, local: bool, version: str = __version__) -> None:
        self.code = code
        self.local = local
        self.version = version

    def setup(self, worker: Worker) -> None:
        if __version__ != self.version:
            raise ClusterError(f"worker {worker.address} runs dragoman {__version__}, this client {self.version}: "
                               f"install dragoman {self.version} on every worker so results are the same")
        if self.local:
            try:
                # Ctrl-C reaches the workers of a cluster we started too: stopping is the client's (it cancels
                # their tasks and closes them). A remote `dask worker` keeps its own Ctrl-C.
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            except ValueError:  # not the main thread (an in-process cluster): signals are not ours to set
                pass
        logging.getLogger("dragoman").setLevel(logging.WARNING)
        self.code([article_from_text(_WARM_UP, published="2024-01-01")])


def _local_cluster(workers: int) -> LocalCluster:
    # One thread per process: spaCy's parse holds the GIL, so threads would not code in parallel.
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=logging.ERROR)


def _connect(address: str) -> tuple[Client, LocalCluster | None]:
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        # Dask's own log (workers starting, comms closing) is for --verbose; its errors still show.
        logging.getLogger("distributed").setLevel(logging.ERROR)
    if address.startswith(LOCAL_PREFIX):
        cluster = _local_cluster(int(address[len(LOCAL_PREFIX):]))
        return Client(cluster), cluster
    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"no Dask scheduler answered at {address} within {CONNECT_SECONDS:.0f} s ({type(exc).__name__}): "
            f"start one there (`dask scheduler`, then `dask worker {address}` on each machine), check the address "
            "and the firewall, or use --cluster local:N to start N workers on this machine") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError):
        client.close()
        raise ClusterError(f"the Dask scheduler at {address} has no workers after {CONNECT_SECONDS:.0f} s: start "
                           f"some with `dask worker {address}`") from None
    return client, None


@contextmanager
def _session(address: str, code: Coder) -> Iterator[Client]:
    """A client of a warmed-up cluster, closed (with the cluster it started) however the batch ends."""
    client, cluster = _connect(address)
    try:
        try:
            client.register_plugin(WarmUp(code, local=cluster is not None), name=WarmUp.name)
        except ClusterError:
            raise
        except Exception as exc:  # noqa: BLE001 - a worker without dragoman, a broken install there
            raise ClusterError(f"the workers of {address} could not load dragoman ({type(exc).__name__}: {exc}): "
                               f"install dragoman {__version__} and its spaCy model on every worker") from exc
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass(slots=True)
class _Slot:
    """One chunk of the input, in order: its tasks (one, or one per document after worker deaths) and results."""

    parts: list[tuple[str, list[Article | Rejected]]]
    results: dict[str, list[CodedDoc]] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return len(self.results) == len(self.parts)

    def batch(self) -> list[CodedDoc]:
        return [coded for key, _items in self.parts for coded in self.results[key]]


def _died(item: Article | Rejected, exc: BaseException) -> CodedDoc:
    """A document whose task kept killing the worker that coded it, stored as failed with the reason."""
    if isinstance(item, Rejected):  # needs no coding (it cannot have killed anything): stored as ingest found it
        return CodedDoc(item.doc_id, item.source_id, item.status, item.error, item.original, item.format)
    # Not str(exc): Dask's message is a paragraph about its logs, and needs the scheduler's worker record.
    tries = getattr(exc, "allowed_failures", 0) + 1
    error = ClusterError(f"the Dask worker coding it died each time it was tried ({tries} times alone): code the "
                         "file alone (dragoman code FILE --workers 1) to see why; --recode tries it again")
    return CodedDoc(item.doc_id, item.source_id, "failed", error.reason, item.original, item.format, item)


class _Dispatcher:
    """Submits chunks with bounded in-flight work and hands back their results in input order."""

    def __init__(self, client: Client, chunks: Iterable[list[Article | Rejected]], code: Coder) -> None:
        self.client = client
        self.code = code
        self.chunks = enumerate(chunks)
        self.window = max(2, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
        self.slots: dict[int, _Slot] = {}
        self.owner: dict[str, int] = {}
        self.futures: dict[str, Future] = {}
        self.completed = as_completed()
        self.next_out = 0
        self.run = uuid.uuid4().hex[:8]

    def _submit(self, index: int, part: int, items: list[Article | Rejected]) -> tuple[str, list[Article | Rejected]]:
        key = f"dragoman-code-{self.run}-{index}-{part}"
        with warnings.catch_warnings():
            # A chunk of long articles is tens of MB by design: Dask's advice to load data through it does not apply.
            warnings.filterwarnings("ignore", message="Sending large graph")
            future = self.client.submit(self.code, items, key=key, pure=False)
        self.owner[key] = index
        self.futures[key] = future
        self.completed.add(future)
        return key, items

    def fill(self) -> None:
        while len(self.slots) < self.window:
            try:
                index, chunk = next(self.chunks)
            except StopIteration:
                return
            self.slots[index] = _Slot([self._submit(index, 0, chunk)])

    def _settle(self, future: Future) -> None:
        key = str(future.key)
        index = self.owner.pop(key)
        del self.futures[key]
        slot = self.slots[index]
        try:
            slot.results[key] = future.result()
            return
        except KilledWorker as exc:
            position = next(i for i, (k, _items) in enumerate(slot.parts) if k == key)
            items = slot.parts[position][1]
            if len(items) == 1:
                log.warning("a document killed its Dask worker each time it was tried: stored as failed")
                slot.results[key] = [_died(items[0], exc)]
                return
            log.warning("a chunk of %d documents killed its Dask worker each time: coding them one by one",
                        len(items))
            singles = [self._submit(index, len(slot.parts) + n, [item]) for n, item in enumerate(items)]
            slot.parts[position:position + 1] = singles

    def batches(self) -> Generator[list[CodedDoc], None, None]:
        self.fill()
        for future in self.completed:
            self._settle(future)
            while self.next_out in self.slots and self.slots[self.next_out].done:
                batch = self.slots.pop(self.next_out).batch()
                self.next_out += 1
                self.fill()
                yield batch
            self.fill()

    def cancel(self) -> None:
        if self.futures:
            self.client.cancel(list(self.futures.values()))
            self.futures.clear()


def code_on_cluster(chunks: Iterable[list[Article | Rejected]], *, address: str,
                    code: Coder) -> Generator[list[CodedDoc], None, None]:
    """Each chunk's coded documents, ``code(chunk)`` on the Dask cluster at ``address`` (or ``local:N``), in order.

    ``code`` must be importable by the workers (a module-level function: ``pipeline.code_articles``).

    Closing the generator (Ctrl-C in the writer, an error) cancels the chunks still out and closes the client,
    and the local cluster if it started one.
    """
    with _session(address, code) as client:
        dispatcher = _Dispatcher(client, chunks, code)
        try:
            yield from dispatcher.batches()
        finally:
            dispatcher.cancel()
