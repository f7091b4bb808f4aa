"""What a person browsing MLflow sees: run names and tags, plots, the logged model, registry and eval."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import mlflow
import pandas as pd
import pytest
import torch
from mlflow.tracking import MlflowClient
from ray.train import Checkpoint
from typer.testing import CliRunner

from mtl_platform.cli import app
from mtl_platform.config import validate_job
from mtl_platform.models.multitask import build_model
from mtl_platform.serving.model import evaluate_model
from mtl_platform.tasks import build_tasks
from mtl_platform.tasks.tokenizers import load_tokenizer
from mtl_platform.tracking import describe
from mtl_platform.tracking.delta_m import BASELINE_TAG
from mtl_platform.tracking.plots import log_baseline_comparison, log_evaluation_plots
from mtl_platform.tracking.redact import job_to_yaml
from mtl_platform.tracking.run_directory import JOB_FILE, MODEL_FILE, RUN_INFO
from mtl_platform.tracking.storage import Location
from mtl_platform.train.trainer import finish_run
from tests.conftest import CONLL_TAGS, base_job


def read_csv(client: MlflowClient, run_id: str, path: str) -> list[list[str]]:
    with open(client.download_artifacts(run_id, path), newline="") as handle:
        return list(csv.reader(handle))


def test_run_names_and_tags_say_what_the_run_is(tmp_path, monkeypatch):
    job = validate_job(base_job(tmp_path), Path("."))
    assert describe.run_name(job, "abc123") == "mtl-test-job-hard-equal-abc123"
    named = validate_job({**base_job(tmp_path), "tracking": {"run_name": "mine"}}, Path("."))
    assert describe.run_name(named, "abc123") == "mine"

    monkeypatch.setenv(describe.GIT_COMMIT_ENV, "0123abc+dirty")  # as `mtl submit` sends it
    config = {"runtime_env": {}, "metadata": {"job_submission_id": "raysubmit_XYZ"}}
    monkeypatch.setenv(describe.RAY_JOB_CONFIG_ENV, json.dumps(config))  # as Ray's job server sets it
    tags = describe.job_tags(job)
    assert tags["mlflow.source.git.commit"] == "0123abc" and tags["mtl.git_dirty"] == "true"
    assert tags["mtl.ray_job_id"] == "raysubmit_XYZ"
    assert (tags["mtl.tasks"], tags["mtl.backbone"], tags["mtl.sharing"]) == ("sst2,stsb,conll", "bilstm", "hard")


def test_confusion_matrices_by_hand(tmp_path):
    job = validate_job(base_job(tmp_path), Path("."))
    tasks = build_tasks(job)
    sst2 = tasks["sst2"].details(predictions=[0, 1, 1, 0], targets=[0, 1, 0, 0])
    assert sst2 == {"confusion": [[2, 1], [0, 1]], "labels": ["0", "1"]}  # rows: true 0 -> predicted 0 twice, 1 once
    conll = tasks["conll"].details(predictions=[["O", "O", "B-LOC"]], targets=[["B-PER", "O", "B-LOC"]])
    matrix = conll["confusion"]
    index = CONLL_TAGS.index
    assert matrix[index("B-PER")][index("O")] == 1 and matrix[index("O")][index("O")] == 1
    assert matrix[index("B-LOC")][index("B-LOC")] == 1 and sum(map(sum, matrix)) == 3
    stsb = tasks["stsb"].details(predictions=[0.5, 2.0], targets=[1.0, 2.5])
    assert stsb == {"predicted": [0.5, 2.0], "true": [1.0, 2.5]}


def test_evaluation_plots_and_the_comparison_with_single_task_baselines(tmp_path):
    client = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}")
    experiment = client.create_experiment("plots", artifact_location=(tmp_path / "artifacts").as_uri())

    def finished_run(metrics: dict[str, float], tags: dict[str, str]) -> str:
        run_id = client.create_run(experiment, tags=tags).info.run_id
        for key, value in metrics.items():
            client.log_metric(run_id, key, value, step=10)
        client.set_terminated(run_id)
        return run_id

    mtl = finished_run({"dev/sst2/accuracy": 0.8, "dev/stsb/pearson": 0.5}, {"mtl.tasks": "sst2,stsb"})
    main = {"sst2": "accuracy", "stsb": "pearson"}
    assert not log_baseline_comparison(client, mtl, "job", main), "no baselines yet: no chart"
    finished_run({"dev/sst2/accuracy": 0.7}, {BASELINE_TAG: "job", "mtl.tasks": "sst2"})
    finished_run({"dev/stsb/pearson": 0.6}, {BASELINE_TAG: "job", "mtl.tasks": "stsb"})
    finished_run({"dev/stsb/pearson": 0.9}, {BASELINE_TAG: "other-job", "mtl.tasks": "stsb"})
    assert log_baseline_comparison(client, mtl, "job", main)
    rows = read_csv(client, mtl, "plots/vs_baselines.csv")
    assert rows == [
        ["task", "metric", "baseline", "this_run"],
        ["sst2", "accuracy", "0.7", "0.8"],
        ["stsb", "pearson", "0.6", "0.5"],
    ]

    details = {
        "sst2": {"confusion": [[2, 1], [0, 1]], "labels": ["neg", "pos"]},
        "stsb": {"predicted": [1.0], "true": [2.0]},
    }
    log_evaluation_plots(client, mtl, details, "dev")
    assert read_csv(client, mtl, "plots/confusion_dev_sst2.csv") == [
        ["true \\ predicted", "neg", "pos"],
        ["neg", "2", "1"],
        ["pos", "0", "1"],
    ]
    plots = {a.path for a in client.list_artifacts(mtl, "plots")}
    assert {"plots/vs_baselines.png", "plots/confusion_dev_sst2.png", "plots/predicted_vs_true_dev_stsb.png"} <= plots


def check_browsable(result, job_dict: dict, final_state: dict[str, torch.Tensor]) -> None:
    """A finished 2-worker run of `job_dict` (BiLSTM, FAMO): named, tagged, plotted, with system
    metrics and a logged model that registers, loads by models:/ URI, predicts on raw texts as
    the in-memory model does, and re-scores the dev split as training did."""
    client = MlflowClient(result.tracking_uri)
    run = client.get_run(result.run_id)
    assert re.fullmatch(r"mtl-test-job-hard-famo-[0-9a-f]{6}", run.info.run_name)
    assert run.data.tags["mtl.weighting"] == "famo" and run.data.tags["mtl.tasks"] == "sst2,stsb,conll"
    assert any(k.startswith("system/node0/cpu_utilization") for k in run.data.metrics), sorted(run.data.metrics)
    plots = {a.path for a in client.list_artifacts(result.run_id, "plots")}
    for name in (
        "train_loss",
        "dev_metrics",
        "confusion_dev_sst2",
        "confusion_dev_conll",
        "predicted_vs_true_dev_stsb",
    ):
        assert {f"plots/{name}.png", f"plots/{name}.csv"} <= plots, name
    confusion = read_csv(client, result.run_id, "plots/confusion_dev_sst2.csv")
    assert sum(int(v) for row in confusion[1:] for v in row[1:]) == 40, "every dev example (max_eval_examples)"

    runner = CliRunner()
    registered = runner.invoke(app, ["register", result.run_id, "--name", "tiny-mtl", "--uri", result.tracking_uri])
    assert registered.exit_code == 0, registered.output
    assert "models:/tiny-mtl/1" in registered.output
    mlflow.set_tracking_uri(result.tracking_uri)
    loaded = mlflow.pyfunc.load_model("models:/tiny-mtl/1")
    assert [c.name for c in loaded.metadata.get_input_schema().inputs] == ["text", "text_pair"]

    texts = ["a gripping , funny and moving film", "the plot is dull", "A man is playing a guitar ."]
    pair = "A man plays the guitar ."
    predicted = loaded.predict(pd.DataFrame({"text": texts, "text_pair": [None, None, pair]}))
    job = validate_job(job_dict, Path("."))
    model = build_model(job, build_tasks(job))
    model.load_state_dict(final_state)
    model.eval()
    tokenizer = load_tokenizer(job.model)
    with torch.no_grad():
        single = dict(tokenizer(texts, padding=True, return_tensors="pt"))
        labels = [job.tasks[0].labels[i] for i in model({"sst2": single})["sst2"].argmax(-1)]
        pair_batch = dict(tokenizer([texts[2]], [pair], return_tensors="pt"))
        similarity = model({"stsb": pair_batch})["stsb"].item()
    assert list(predicted["sst2"]) == labels
    assert predicted["stsb"].isna().tolist()[:2] == [True, True], "no pair, no similarity"
    assert predicted["stsb"][2] == pytest.approx(similarity, rel=1e-5)
    assert [len(tags) for tags in predicted["conll"]] == [len(t.split()) for t in texts]

    metrics, source_run = evaluate_model(client, "models:/tiny-mtl/1", "dev", [])
    assert source_run == result.run_id
    for key in ("dev/sst2/accuracy", "dev/conll/f1", "dev/stsb/pearson", "dev/mean"):
        assert metrics[key] == pytest.approx(run.data.metrics[key], rel=1e-5, abs=1e-6), key
    scored = runner.invoke(app, ["eval", result.run_id, "--split", "dev", "--uri", result.tracking_uri])
    assert scored.exit_code == 0 and "sst2" in scored.output and "dev metrics" in scored.output, scored.output
    missing = runner.invoke(app, ["eval", result.run_id, "--split", "test", "--uri", result.tracking_uri])
    assert missing.exit_code == 2 and "tasks.NAME.data.test=PATH" in missing.output


def test_a_model_that_cannot_be_logged_still_finishes_the_run(tmp_path):
    """finish_run with a checkpoint whose weights file is damaged: the run ends FINISHED with the
    reason in mtl.model_error, and its plots are logged all the same."""
    job = validate_job(base_job(tmp_path), Path("."))
    client = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}")
    run_id = client.create_run(client.create_experiment("broken")).info.run_id
    run_dir, checkpoint_dir = tmp_path / "run", tmp_path / "checkpoint"
    run_dir.mkdir()
    checkpoint_dir.mkdir()
    (run_dir / JOB_FILE).write_text(job_to_yaml(job))
    info = {"mlflow_run_id": run_id, "tracking_uri": client.tracking_uri, "outcome": "FINISHED", "failure": None}
    (run_dir / RUN_INFO).write_text(json.dumps(info))
    (checkpoint_dir / MODEL_FILE).write_bytes(b"not a torch file")
    client.log_metric(run_id, "train/sst2/loss", 0.5, step=1)
    finish_run(client, run_id, Location.of(run_dir), Checkpoint.from_directory(str(checkpoint_dir)))
    run = client.get_run(run_id)
    assert run.info.status == "FINISHED"
    assert "UnpicklingError" in run.data.tags["mtl.model_error"]
    assert "plots/train_loss.png" in {a.path for a in client.list_artifacts(run_id, "plots")}
