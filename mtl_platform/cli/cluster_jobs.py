"""`mtl submit`, `mtl status`, `mtl logs` and `mtl stop`: jobs on a Ray cluster, through its Jobs API."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from mtl_platform.cli.app import Address, Overrides, TokenFile, command, console
from mtl_platform.config import ConfigError, read_yaml


@command()
def submit(
    job_file: Annotated[Path, typer.Argument(help="job or sweep YAML inside the working dir")],
    address: Address = None,
    token_file: TokenFile = None,
    override: Overrides = None,
    working_dir: Annotated[Path, typer.Option(help="directory shipped to the cluster")] = Path("."),
    wait: Annotated[bool, typer.Option(help="follow the job's logs until it ends")] = False,
) -> None:
    """Submit a train (or tune, for a sweep file) job to a Ray cluster with the Jobs API."""
    from mtl_platform.preflight import load_checked_job, load_checked_sweep

    working_dir = working_dir.resolve()
    job_file = job_file.resolve()
    is_sweep = "search" in read_yaml(job_file)
    (load_checked_sweep if is_sweep else load_checked_job)(job_file, override or [])  # here, not on the cluster
    if not job_file.is_relative_to(working_dir):
        raise ConfigError(f"{job_file} is not inside the working dir {working_dir}; pass --working-dir")
    command = [
        "python",
        "-m",
        "mtl_platform.cli",
        "tune" if is_sweep else "train",
        str(job_file.relative_to(working_dir)),
    ]
    for item in override or []:
        command += ["-o", item]
    from mtl_platform.cluster import job_server, submit_job

    with job_server(address, token_file) as client:
        job_id = submit_job(client, command, working_dir)
        console.print(f"Submitted {job_id}: {shlex.join(command)}")
        console.print(f"Follow it: mtl logs {job_id} --follow" + (f" --address {address}" if address else ""))
        if wait:
            raise typer.Exit(_follow(client, job_id))


def _follow(client: Any, job_id: str) -> int:
    """Print the job's logs until it ends; 0 if it succeeded."""
    import asyncio

    async def tail() -> None:
        async for lines in client.tail_job_logs(job_id):
            console.out(lines, end="")

    asyncio.run(tail())
    status = client.get_job_status(job_id)
    console.print(f"{job_id}: {status}")
    return 0 if str(status) == "SUCCEEDED" else 1


@command()
def status(job_id: str, address: Address = None, token_file: TokenFile = None) -> None:
    """Show a submitted job's status, and why it failed if it did."""
    from mtl_platform.cluster import job_server

    with job_server(address, token_file) as client:
        info = client.get_job_info(job_id)
    console.print(f"{job_id}: {info.status}" + (f" ({escape(info.message)})" if info.message else ""))
    console.print(f"entrypoint: {escape(info.entrypoint)}")


@command()
def logs(
    job_id: str,
    address: Address = None,
    token_file: TokenFile = None,
    follow: Annotated[bool, typer.Option("--follow", "-f", help="keep printing until the job ends")] = False,
) -> None:
    """Print a submitted job's logs."""
    from mtl_platform.cluster import job_server

    with job_server(address, token_file) as client:
        if follow:
            raise typer.Exit(_follow(client, job_id))
        console.out(client.get_job_logs(job_id), end="")


@command()
def stop(job_id: str, address: Address = None, token_file: TokenFile = None) -> None:
    """Stop a submitted job; its checkpoints and everything it logged are kept."""
    from mtl_platform.cluster import job_server

    with job_server(address, token_file) as client:
        stopped = client.stop_job(job_id)
    console.print(f"{job_id}: " + ("stop requested" if stopped else "had already ended"))
