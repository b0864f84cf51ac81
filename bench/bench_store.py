"""Benchmark of the local document store: insert, list and search 100,000 documents."""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from qbconnector.core.documents import DocumentStatus
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentFilter, DocumentStore

T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    """Run ``action`` and print its time."""
    start = time.perf_counter()
    result = action()
    print(f"{label:<40} {time.perf_counter() - start:8.3f} s")
    return result


def memory(label: str, action: Callable[[], object]) -> None:
    """Run ``action`` again under tracemalloc (which slows it) and print what its result holds."""
    tracemalloc.start()
    result = action()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<40} holds {held / 2**20:6.1f} MiB (peak {peak / 2**20:.1f} MiB)")
    del result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    documents = generate_documents(args.count, args.seed)
    print(f"generated {len(documents):,} documents in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "documents.sqlite3"
        with DocumentStore.open(path) as store:
            # tracemalloc slows Python code down; time the insert without it.
            start = time.perf_counter()
            store.upsert_many(documents)
            insert = time.perf_counter() - start
            print(f"{'insert (one transaction)':<40} {insert:8.3f} s   "
                  f"{len(documents) / insert:,.0f} documents/s")  # fmt: skip
            start = time.perf_counter()
            store.upsert_many(documents)
            print(f"{'re-import, all unchanged':<40} {time.perf_counter() - start:8.3f} s")
        print(f"file size {path.stat().st_size / 2**20:.1f} MiB")
        with DocumentStore.open(path) as store:
            summaries = timed("list summaries (all, cold connection)", store.summaries)
            timed("list summaries (all, warm)", store.summaries)
            timed("list keys (all)", store.keys)
            memory("summaries of all documents", store.summaries)
            memory("keys of all documents", store.keys)
            approved = DocumentFilter(status=DocumentStatus.APPROVED)
            timed("count approved", lambda: store.count(approved))
            found = timed(
                "search 'atelier 2026'",
                lambda: store.summaries(DocumentFilter(text="atelier 2026")),
            )
            timed(
                "get 1,000 documents by key", lambda: [store.get(*s.key) for s in summaries[:1000]]
            )
            full = timed("read all documents in full", store.documents)
    print(
        f"{len(summaries):,} summaries, {len(found):,} found by search, {len(full):,} read in full"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max resident memory of the process: {rss:.0f} MiB (includes the generated documents)")


if __name__ == "__main__":
    main()
