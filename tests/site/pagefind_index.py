"""Read a Pagefind bundle as data, to compare two bundles: its files are gzipped, behind a
`pagefind_dcd` signature, JSON (a page's fragment) or CBOR (the rest), and its filter files come in a different order on every run (Pagefind
writes them from a hash map), which changes their names and the metadata file that lists them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def read(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    if data[len(SIGNATURE) :].startswith(b"{"):
        return json.loads(data[len(SIGNATURE) :])
    value, end = _item(data, len(SIGNATURE))
    assert end == len(data), path
    return value


def bundle(folder: Path) -> dict:
    """What a bundle holds, independent of the order of its filters: the fragments and word index
    by file name (content hashes), the filters by name with their values sorted, the metadata
    without the filters' file hashes."""
    fragments = {path.name: read(path) for path in sorted((folder / "fragment").glob("*"))}
    index = {path.name: read(path) for path in sorted((folder / "index").glob("*"))}
    filters = {}
    for path in (folder / "filter").glob("*"):
        name, values = read(path)
        filters[name] = sorted(values, key=repr)
    (meta,) = folder.glob("pagefind.*.pf_meta")
    version, pages, chunks, listed, sorts, fields = read(meta)
    return {"fragments": fragments, "index": index, "filters": filters, "meta": (version, pages, chunks, sorted(name for name, _ in listed), sorts, fields)}


def _item(data: bytes, at: int):
    """One CBOR item at `at` (the kinds Pagefind writes): (value, the offset after it)."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        assert info in simple, f"CBOR simple value {info}"
        return simple[info], at
    if info < 24:
        number = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        number = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise AssertionError(f"CBOR item of indefinite length at {at}")
    if major == 0:
        return number, at
    if major == 1:
        return -1 - number, at
    if major in (2, 3):
        raw = data[at : at + number]
        return (raw if major == 2 else raw.decode("utf-8")), at + number
    if major in (4, 5):
        items = []
        for _ in range(number * (2 if major == 5 else 1)):
            item, at = _item(data, at)
            items.append(item)
        return (tuple(items) if major == 4 else tuple(zip(items[::2], items[1::2]))), at
    raise AssertionError(f"CBOR major type {major} at {at}")

