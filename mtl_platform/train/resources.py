"""Where a job runs, checked before any worker starts: the Ray cluster it joins (or starts),
whether its workers fit there, whether they get GPUs, and the storage its runs write to."""

from __future__ import annotations

import os
import uuid

import ray

from mtl_platform.config import ConfigError, JobConfig
from mtl_platform.tracking.run_logs import console_is_quiet
from mtl_platform.tracking.storage import Location


def ensure_ray() -> None:
    """Join the cluster in RAY_ADDRESS, or start an embedded local one."""
    if not ray.is_initialized():
        # A quiet console leaves the workers' output in their logs (tracking/run_logs.py).
        log_to_driver = not console_is_quiet()
        ray.init(address=os.environ.get("RAY_ADDRESS"), log_to_driver=log_to_driver, configure_logging=False)


def check_capacity(job: JobConfig, gpu: bool) -> None:
    """Workers that no node of the cluster can hold would wait forever: fail now instead."""
    scaling = job.scaling
    if scaling.wait_for_nodes:
        return
    fits = 0
    for node in ray.nodes():
        if node["Alive"]:
            per_node = [node["Resources"].get("CPU", 0) / scaling.cpus_per_worker]
            if gpu:
                per_node.append(node["Resources"].get("GPU", 0) / scaling.gpus_per_worker)
            fits += int(min(per_node) + 1e-9)
    if fits < scaling.num_workers:
        need = f"{scaling.cpus_per_worker:g} CPU" + (f" and {scaling.gpus_per_worker:g} GPU" if gpu else "")
        raise ConfigError(
            f"scaling.num_workers: {scaling.num_workers} workers of {need} each, but the cluster's nodes hold "
            f"{fits}; lower scaling.num_workers or cpus_per_worker, add nodes, or on an autoscaling cluster "
            "set scaling.wait_for_nodes: true"
        )


def use_gpu(job: JobConfig) -> bool:
    if job.scaling.use_gpu == "auto":
        return ray.cluster_resources().get("GPU", 0) > 0
    return bool(job.scaling.use_gpu)


def check_storage(storage: Location) -> None:
    """Checkpoints must be writable before any training starts, not at the first checkpoint."""
    probe = storage / f".mtl-write-check-{uuid.uuid4().hex[:8]}"
    try:
        probe.write_bytes(b"")
        probe.delete()
    except OSError as exc:  # pyarrow raises OSError for a store it cannot reach, or a bucket refused
        raise ConfigError(
            f"trainer.storage_path: cannot write checkpoints to {storage} ({getattr(exc, 'strerror', None) or exc}); "
            "choose a writable directory (on a cluster, one every node mounts) or an object-store URI "
            "(s3://bucket/prefix, gs://...) whose credentials are in the environment"
        ) from exc
