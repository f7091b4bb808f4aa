"""Every file a run keeps under `trainer.storage_path` (a local folder or an object-store URI:
tracking/storage.py), by one name each (written and read by the modules named beside them).

    <storage_path>/<run name>/        a training run (Ray Train's run directory)
        mtl_run.json        RUN_INFO              its MLflow run and store: resume, mtl sync   (train/trainer.py)
        job.yaml            JOB_FILE              the job as it ran, secrets masked             (train/trainer.py)
        metrics/            JOURNAL_DIR           every metric rank 0 reported, one part (JSON
                                                  lines) per flush, durable before each
                                                  checkpoint; replayed by mtl sync              (tracking/journal.py)
        stopped.txt         STOPPED_FILE          why the workers stopped (nonfinite: stop):    (train/loop.py)
                                                  Ray Train's result holds only checkpointed
                                                  metrics, so the reason reaches the driver here
        initial_weights.pt  INITIAL_WEIGHTS_FILE  the tensors model.init_from chose             (train/initial.py)
        affinity.json       AFFINITY_FILE         the averaged affinity matrices, their cost    (train/loop.py)
        logs/               LOGS_DIR              driver.log, worker-<rank>.log: what each      (tracking/run_logs.py)
                                                  process logged (on an object store, uploaded
                                                  at each checkpoint and at the end); MLflow logs/
        warnings/           WARNINGS_DIR          their warnings, a part each, shown on the
                                                  driver's console; MLflow's logs/warnings.log
        checkpoint_*/                             one per evaluation, kept by Ray Train:
            state.pt        STATE_FILE            model, optimizer, scheduler, weighting, step  (train/checkpoint.py)
                                                  (under fsdp: no model, no optimizer)
            model.pt        MODEL_FILE            the model's weights (what init_from reads);   (train/checkpoint.py)
                                                  under fsdp, written from the shards when read
            sharded_model/  SHARDED_MODEL_DIR     fsdp: every worker's shards of the model and  (train/sharding.py)
            sharded_optimizer/ SHARDED_OPTIMIZER_DIR    of the optimizer (torch.distributed.checkpoint)
            rng-<rank>.pt   rng_file(rank)        each worker's random states                   (train/checkpoint.py)
            evaluation.json DETAILS_FILE          per-example predictions behind the plots      (train/loop.py)
            adapters/<task> ADAPTERS_DIR          LoRA: each task's adapter, in peft's format   (models/sharing/lora.py)
            mtl_step.json   STEP_FILE             PBT: the step a copied checkpoint continues   (tune/sweep.py)
    <storage_path>/<sweep name>/      a sweep (Ray Tune's experiment directory)
        mtl_sweep.json      SWEEP_INFO            its parent MLflow run, for tune --resume      (tune/sweep.py)
"""

from __future__ import annotations

RUN_INFO = "mtl_run.json"
JOB_FILE = "job.yaml"
JOURNAL_DIR = "metrics"
STOPPED_FILE = "stopped.txt"
INITIAL_WEIGHTS_FILE = "initial_weights.pt"
AFFINITY_FILE = "affinity.json"
LOGS_DIR = "logs"
WARNINGS_DIR = "warnings"
WARNINGS_ARTIFACT = "warnings.log"  # under LOGS_DIR in MLflow
STATE_FILE = "state.pt"
MODEL_FILE = "model.pt"
SHARDED_MODEL_DIR = "sharded_model"
SHARDED_OPTIMIZER_DIR = "sharded_optimizer"
DETAILS_FILE = "evaluation.json"
ADAPTERS_DIR = "adapters"
STEP_FILE = "mtl_step.json"
SWEEP_INFO = "mtl_sweep.json"


def rng_file(rank: int) -> str:
    return f"rng-{rank}.pt"
