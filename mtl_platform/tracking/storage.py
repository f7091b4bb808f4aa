"""Where runs keep their files: `trainer.storage_path`, a local folder or an object-store URI.

Ray Train writes checkpoints there through `pyarrow.fs`; the platform's own files (a run's info,
job, metric journal, logs) go through the same layer, so `s3://`, `gs://`, `hdfs://`, any other
URI pyarrow or fsspec knows, and a plain path behave alike. Credentials come from the
environment and the providers' standard config (for an S3-compatible store also
`AWS_ENDPOINT_URL`); only the URI is ever written down or logged.

pyarrow.fs has no path object (and Ray's StorageContext is private), so `Location` is the least
of one the run directory needs. Object stores cannot append to an object, so whatever grows while
a run lasts (the metric journal, the shared warnings) is a `PartLog`: a folder of immutable parts.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pyarrow as pa
import pyarrow.fs as pafs


@functools.cache
def _filesystem(root: str) -> tuple[pafs.FileSystem, str]:
    """One filesystem per storage root and process (an S3 filesystem looks up its bucket's region
    when made); pyarrow's own for the URIs it knows, fsspec's (as Ray Train does) for the rest."""
    try:
        return pafs.FileSystem.from_uri(root)
    except pa.ArrowInvalid:  # pyarrow does not know the scheme
        import fsspec

        filesystem, path = fsspec.core.url_to_fs(root)
        return pafs.PyFileSystem(pafs.FSSpecHandler(filesystem)), path


def is_uri(path: str | os.PathLike[str]) -> bool:
    return "://" in str(path)


@dataclass(frozen=True)
class Location:
    """A file or folder under a storage root: `Location("s3://bucket/runs") / "run-1" / "job.yaml"`.
    Holds only strings, so it pickles to workers, which open the store with their own credentials."""

    root: str  # a URI, or an absolute local path
    relative: str = ""

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> Location:
        text = str(path).removeprefix("file://")  # a local folder, however it is written
        return cls(text if is_uri(text) else str(Path(text).expanduser().resolve()))

    def __truediv__(self, name: str) -> Location:
        return Location(self.root, str(PurePosixPath(self.relative, name)) if self.relative else name)

    def __str__(self) -> str:
        return f"{self.root.rstrip('/')}/{self.relative}" if self.relative else self.root

    @property
    def name(self) -> str:
        return PurePosixPath(str(self)).name

    @property
    def local(self) -> Path | None:
        """The path on this machine, for a location that is a local folder."""
        return None if is_uri(self.root) else Path(str(self))

    @property
    def filesystem(self) -> pafs.FileSystem:
        return _filesystem(self.root)[0]

    @property
    def path(self) -> str:
        """The location's path in its filesystem (bucket/key for an object store)."""
        base = _filesystem(self.root)[1].rstrip("/")
        return f"{base}/{self.relative}" if self.relative else base

    def _type(self) -> pafs.FileType:
        return self.filesystem.get_file_info(self.path).type

    def exists(self) -> bool:
        return self._type() != pafs.FileType.NotFound

    def is_dir(self) -> bool:
        return self._type() == pafs.FileType.Directory

    def mkdir(self) -> None:
        self.filesystem.create_dir(self.path, recursive=True)

    def read_bytes(self) -> bytes:
        with self.filesystem.open_input_stream(self.path) as stream:
            return stream.read()

    def read_text(self) -> str:
        return self.read_bytes().decode()

    def write_bytes(self, data: bytes, durable: bool = False) -> None:
        """Write the whole file (one object: a reader never sees half of it on an object store);
        `durable` forces a local file to disk, as an object store's write already is when it returns."""
        if (local := self.local) is not None:  # written beside it, then renamed: whole or not at all
            local.parent.mkdir(parents=True, exist_ok=True)
            hidden = local.with_name(f".{local.name}.{os.getpid()}")
            with hidden.open("wb") as handle:
                handle.write(data)
                if durable:
                    handle.flush()
                    os.fsync(handle.fileno())
            hidden.replace(local)
            return
        with self.filesystem.open_output_stream(self.path) as stream:
            stream.write(data)

    def write_text(self, text: str, durable: bool = False) -> None:
        self.write_bytes(text.encode(), durable)

    def delete(self) -> None:
        """Remove the file, if it is there."""
        with contextlib.suppress(FileNotFoundError):
            self.filesystem.delete_file(self.path)

    def children(self) -> list[tuple[str, float]]:
        """(name, modification time) of what the folder holds directly, by name; [] if it is not there."""
        found = self.filesystem.get_file_info(pafs.FileSelector(self.path, allow_not_found=True))
        return sorted((PurePosixPath(i.path).name, i.mtime.timestamp() if i.mtime else 0.0) for i in found)

    def upload(self, source: Path) -> None:
        """Copy a local file or folder here."""
        if source.is_dir():
            self.mkdir()
            pafs.copy_files(str(source), self.path, destination_filesystem=self.filesystem)
        else:
            self.write_bytes(source.read_bytes())

    @contextlib.contextmanager
    def as_local(self) -> Iterator[Path]:
        """The folder as a local path: itself, or a copy for the block's duration (MLflow's
        log_artifacts and peft read local folders)."""
        if (local := self.local) is not None:
            yield local
            return
        with tempfile.TemporaryDirectory(prefix="mtl-") as copy:
            if self.is_dir():
                pafs.copy_files(self.path, copy, source_filesystem=self.filesystem)
            yield Path(copy)


class PartLog:
    """Lines that grow while a run lasts, as a folder of parts: each `append` writes one new part
    (an object store cannot append), named by time so that reading them in name order is reading
    in write order. Each part is written whole or not at all (`Location.write_bytes`), so a
    reader never sees half a line, however a writer dies."""

    def __init__(self, folder: Location):
        self.folder = folder

    def append(self, lines: list[str], durable: bool = False) -> None:
        if lines:
            part = self.folder / f"{time.time_ns():020d}-{os.getpid()}.txt"
            part.write_text("".join(f"{line}\n" for line in lines), durable)

    def parts(self) -> list[str]:
        return [name for name, _ in self.folder.children() if not name.startswith(".")]  # not one being written

    def read(self, parts: list[str] | None = None) -> list[str]:
        """Every line, or those of the named parts."""
        return [line for name in (self.parts() if parts is None else parts) for line in self._lines(name)]

    def _lines(self, name: str) -> list[str]:
        try:
            return (self.folder / name).read_text().splitlines()
        except FileNotFoundError:
            return []


class NewLines:
    """The lines of parts written since the last call (from those there at the start: a resumed
    run's earlier lines were shown by its earlier driver)."""

    def __init__(self, log: PartLog):
        self.log = log
        self.seen = set(log.parts())

    def read(self) -> list[str]:
        new = [name for name in self.log.parts() if name not in self.seen]
        self.seen.update(new)
        return self.log.read(new)
