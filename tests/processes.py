"""Servers the tests start as real processes on 127.0.0.1, and how to stop them."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

MTL = [sys.executable, "-m", "mtl_platform.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def start_mlflow_server(store: Path, port: int) -> subprocess.Popen:
    """`mtl server` on a database + artifact store in `store`, once it answers."""
    process = subprocess.Popen(
        [*MTL, "server", "--store", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    wait_for_health(port, process)
    return process
