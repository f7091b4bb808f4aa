"""Δm on hand-made numbers, and `mtl report` from a small experiment of real MLflow runs."""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

import pytest
import yaml
from mlflow.tracking import MlflowClient
from typer.testing import CliRunner

from mtl_platform.analysis.report import FORMULA, STL, build_report, jobs_in
from mtl_platform.cli import app
from mtl_platform.tracking.delta_m import BASELINE_TAG, baseline_scores, delta_m

MAIN = {"a": "accuracy", "b": "pearson"}
TYPES = {"tasks.a.type": "classification", "tasks.b.type": "regression"}


def test_delta_m_by_hand():
    # a: (0.83 - 0.81) / 0.81 = +2.469%; b: (0.54 - 0.60) / 0.60 = -10%; mean -3.765%
    assert delta_m({"a": 0.83, "b": 0.54}, {"a": 0.81, "b": 0.60}, MAIN) == pytest.approx(-3.7654, abs=1e-4)
    # lower is better for mse: 0.4 against 0.5 is a 20% improvement
    assert delta_m({"m": 0.4}, {"m": 0.5}, {"m": "mse"}) == pytest.approx(20.0)
    assert delta_m({"a": 0.81, "b": 0.6}, {"a": 0.81, "b": 0.6}, MAIN) == 0.0
    with pytest.raises(ValueError, match=r"missing: \['b'\]"):
        delta_m({"a": 0.8}, {"a": 0.8}, MAIN)
    with pytest.raises(ValueError, match="baseline of 'a' has accuracy = 0"):
        delta_m({"a": 0.8, "b": 0.5}, {"a": 0.0, "b": 0.5}, MAIN)


@pytest.fixture
def experiment(tmp_path):
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    client = MlflowClient(uri)
    experiment_id = client.create_experiment("bench", artifact_location=(tmp_path / "artifacts").as_uri())

    def finished(metrics: dict[str, float], tags: dict[str, str], params: dict[str, str] | None = None) -> str:
        run_id = client.create_run(experiment_id, tags=tags).info.run_id
        for key, value in (params or {}).items():
            client.log_param(run_id, key, value)
        for key, value in metrics.items():  # a learning curve: half the value at step 5
            client.log_metric(run_id, key, value / 2, step=5)
            client.log_metric(run_id, key, value, step=10)
        client.set_terminated(run_id)
        return run_id

    def baseline(task: str, score: float) -> None:
        metric = f"selected/dev/{task}/{MAIN[task]}"
        tags = {BASELINE_TAG: "j", "mtl.tasks": task, "mtl.job": f"j-stl-{task}"}
        finished({metric: score}, tags, {f"tasks.{task}.type": TYPES[f"tasks.{task}.type"]})

    for task, scores in {"a": (0.80, 0.82), "b": (0.50, 0.70)}.items():
        for score in scores:
            baseline(task, score)
    mtl = {"mtl.job": "j", "mtl.sharing": "hard"}
    for a, b in ((0.81, 0.66), (0.83, 0.54)):  # two seeds of equal weighting
        finished({"selected/dev/a/accuracy": a, "dev/b/pearson": b}, {**mtl, "mtl.weighting": "equal"}, TYPES)
    finished({"dev/a/accuracy": 0.79, "dev/b/pearson": 0.60}, {**mtl, "mtl.weighting": "famo"}, TYPES)
    static = {**TYPES, "weighting.weights.a": "0.6", "weighting.weights.b": "0.4"}
    sweep = {**mtl, "mtl.weighting": "static", "mtl.trial_id": "t1"}
    finished({"dev/a/accuracy": 0.85, "dev/b/pearson": 0.65}, {**sweep, "mtl.best": "true"}, static)
    finished({"dev/a/accuracy": 0.99, "dev/b/pearson": 0.99}, {**sweep, "mtl.trial_id": "t2"}, static)  # not best
    finished({"best/dev/mean": 0.75}, {**mtl, "mtl.sweep": "s"})  # the sweep's parent
    finished({"dev/a/accuracy": 0.5, "dev/b/pearson": 0.5}, {"mtl.job": "other", "mtl.weighting": "equal"}, TYPES)
    return uri, client, experiment_id


def test_generation_tasks_are_reported_and_compared_by_bleu(tmp_path):
    """Two translation directions: BLEU is their main metric (the type's default), the
    baselines' BLEU is the reference, and a merged LoRA run gets a row of its own."""
    client = MlflowClient(f"sqlite:///{tmp_path / 'mlflow.db'}")
    experiment_id = client.create_experiment("translation", artifact_location=(tmp_path / "a").as_uri())
    types = {"tasks.en_de.type": "generation", "tasks.en_fr.type": "generation"}

    def finished(metrics: dict[str, float], tags: dict[str, str]) -> None:
        run_id = client.create_run(experiment_id, tags=tags).info.run_id
        for key, value in types.items():
            client.log_param(run_id, key, value)
        for key, score in metrics.items():
            client.log_metric(run_id, key, score)
        client.set_terminated(run_id)

    for task, bleu in (("en_de", 0.20), ("en_fr", 0.30)):
        finished({f"selected/dev/{task}/bleu": bleu}, {BASELINE_TAG: "mt", "mtl.tasks": task, "mtl.job": f"mt-{task}"})
    scores = {"dev/en_de/bleu": 0.22, "dev/en_fr/bleu": 0.27, "dev/en_de/chrf": 0.5, "dev/en_fr/chrf": 0.6}
    finished(scores, {"mtl.job": "mt", "mtl.weighting": "equal", "mtl.sharing": "lora"})
    finished(scores, {"mtl.job": "mt", "mtl.sharing": "lora", "mtl.merge": "ties"})
    report = build_report(client, experiment_id, "mt")
    assert report.main_metrics == {"en_de": "bleu", "en_fr": "bleu"}
    rows = {row.label: row for row in report.rows}
    assert set(rows) == {STL, "MTL equal, lora", "LoRA merged: ties"}
    # ((0.22 - 0.20) / 0.20 + (0.27 - 0.30) / 0.30) / 2 = (10% - 10%) / 2 = 0
    assert rows["LoRA merged: ties"].delta_m == pytest.approx([0.0], abs=1e-9)


def test_report_rows_seeds_and_delta_m_against_the_baselines(experiment, tmp_path):
    uri, client, experiment_id = experiment
    assert jobs_in(client, experiment_id) == ["j", "other"]
    assert baseline_scores(client, experiment_id, "j", MAIN) == pytest.approx({"a": 0.81, "b": 0.60})
    report = build_report(client, experiment_id, "j")
    assert report.main_metrics == MAIN
    labels = [row.label for row in report.rows]
    assert labels == [STL, "MTL equal", "MTL famo", "MTL static (a=0.60, b=0.40), best of sweep"]
    equal = report.rows[1]
    assert equal.scores == {"a": [0.81, 0.83], "b": [0.66, 0.54]}
    # run 1: (0 + 10%) / 2 = 5%; run 2: (2.469% - 10%) / 2 = -3.765%
    assert equal.delta_m == pytest.approx([5.0, -3.7654], abs=1e-4)
    assert report.rows[2].delta_m == pytest.approx([-1.2346], abs=1e-4)  # famo: (-2.469% + 0) / 2

    runner = CliRunner()
    missing = runner.invoke(app, ["report", "bench", "--uri", uri])
    assert missing.exit_code == 2 and "holds the jobs ['j', 'other']: choose one with --job" in missing.output
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", "bench", "--uri", uri, "--job", "j", "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = list(csv.reader((out / "report.csv").open()))
    assert table[0] == ["configuration", "runs", "a accuracy", "b pearson", "mean", "Δm %"]
    assert table[1] == [STL, "4", "0.8100 ± 0.0141", "0.6000 ± 0.1414", "0.7050", "0 (reference)"]
    spread = statistics.stdev([5.0, -3.7654321])
    assert table[2] == [  # the runs' means: 0.735 and 0.685
        "MTL equal",
        "2",
        "0.8200 ± 0.0141",
        "0.6000 ± 0.0849",
        "0.7100 ± 0.0354",
        f"0.62 ± {spread:.2f}",
    ]
    assert FORMULA in (out / "report.md").read_text()
    assert (out / "learning_curves.png").stat().st_size > 10_000
    [logged] = client.search_runs([experiment_id], "tags.`mtl.report` = 'true'")
    assert {a.path for a in client.list_artifacts(logged.info.run_id, "report")} == {
        "report/report.csv",
        "report/report.md",
        "report/learning_curves.png",
    }
    again = build_report(client, experiment_id, "j")  # the report run is not a configuration
    assert [row.label for row in again.rows] == labels
    assert Path(out / "report.md").read_text().count("|") > 20


def test_baselines_then_a_multi_task_run_that_logs_delta_m_then_the_report(ray_session, job_dict, tmp_path):
    """Real runs: `mtl baseline` trains each task alone (same selection rule), `mtl train` then logs
    dev/delta_m against them at every evaluation, and `mtl report` puts both in one table."""
    job_dict["tasks"] = job_dict["tasks"][:2]  # sst2, stsb
    job_dict["scaling"]["num_workers"] = 1
    job_dict["trainer"].update(max_steps=2, eval_every=1, validation_fraction=0.2)
    job_file = tmp_path / "job.yaml"
    job_file.write_text(yaml.safe_dump(job_dict))
    runner = CliRunner()
    baselines = runner.invoke(app, ["baseline", str(job_file)])
    assert baselines.exit_code == 0, baselines.output
    assert "2 single-task baselines of 'test-job'" in baselines.output
    assert "converged?" in baselines.output and "2 batches of 8" in baselines.output
    client = MlflowClient(job_dict["tracking"]["uri"])
    experiment_id = client.get_experiment_by_name("tests").experiment_id
    stl = client.search_runs([experiment_id], f"tags.`{BASELINE_TAG}` = 'test-job'")
    assert sorted(r.data.tags["mtl.tasks"] for r in stl) == ["sst2", "stsb"]
    for run in stl:  # equal data: a one-task sampler over 2 tasks gives each 1 of the job's 2 steps
        assert run.data.params["model.sharing.scheme"] == "hard" and run.data.params["trainer.max_steps"] == "1"
        assert "selected/validation/mean" in run.data.metrics, "the same selection rule as the job's"
    reference = baseline_scores(client, experiment_id, "test-job", {"sst2": "accuracy", "stsb": "pearson"})

    trained = runner.invoke(app, ["train", str(job_file)])
    assert trained.exit_code == 0, trained.output
    [mtl] = client.search_runs([experiment_id], "tags.`mtl.job` = 'test-job'")
    history = {m.step: m.value for m in client.get_metric_history(mtl.info.run_id, "dev/delta_m")}
    assert sorted(history) == [1, 2]
    scores = {"sst2": mtl.data.metrics["dev/sst2/accuracy"], "stsb": mtl.data.metrics["dev/stsb/pearson"]}
    assert history[2] == pytest.approx(delta_m(scores, reference, {"sst2": "accuracy", "stsb": "pearson"}))

    reported = runner.invoke(app, ["report", "tests", "--uri", job_dict["tracking"]["uri"], "-o", str(tmp_path / "r")])
    assert reported.exit_code == 0, reported.output
    rows = list(csv.reader((tmp_path / "r" / "report.csv").open()))
    assert [row[0] for row in rows[1:]] == [STL, "MTL equal"]
    assert float(rows[2][-1]) == pytest.approx(mtl.data.metrics["selected/dev/delta_m"], abs=0.01)


def test_auxiliary_mode_trains_the_target_baseline_only_and_logs_its_gain(ray_session, job_dict, tmp_path):
    """`target:`: `mtl baseline` trains the target alone, `mtl train` chooses its checkpoint on the
    target's validation score and logs dev/target_gain against that baseline."""
    job_dict["tasks"] = job_dict["tasks"][:2]  # sst2 (target), stsb (auxiliary)
    job_dict["target"] = "sst2"
    job_dict["scaling"]["num_workers"] = 1
    job_dict["trainer"].update(
        max_steps=4, eval_every=1, log_every=2, validation_fraction=0.2, sampling={"strategy": "uniform"}
    )
    job_file = tmp_path / "job.yaml"
    job_file.write_text(yaml.safe_dump(job_dict))
    runner = CliRunner()
    baselines = runner.invoke(app, ["baseline", str(job_file)])
    assert baselines.exit_code == 0, baselines.output
    client = MlflowClient(job_dict["tracking"]["uri"])
    experiment_id = client.get_experiment_by_name("tests").experiment_id
    [stl] = client.search_runs([experiment_id], f"tags.`{BASELINE_TAG}` = 'test-job'")
    assert stl.data.tags["mtl.tasks"] == "sst2" and stl.data.params["trainer.max_steps"] == "2"

    trained = runner.invoke(app, ["train", str(job_file)])
    assert trained.exit_code == 0, trained.output
    # Progress, read from the run's journal: a plain line per logged step (not a terminal here), one
    # per evaluation, and the final table and the UI command last.
    lines = [line for line in trained.output.splitlines() if line.strip()]
    logged = [line for line in lines if line.startswith(("step 2/4", "step 4/4"))]
    assert len(logged) == 2 and all("loss sst2" in line and "stsb" in line for line in logged)
    assert "ETA 0 s" in logged[1]
    assert [line.split(":")[0] for line in lines if ": dev sst2" in line] == [f"step {s}" for s in (1, 2, 3, 4)]
    table = next(i for i, line in enumerate(lines) if "dev metrics of the model kept" in line)
    assert max(i for i, line in enumerate(lines) if line.startswith("step ")) < table
    assert any(line.startswith("Browse it:") for line in lines[table:])  # then the UI command
    [mtl] = client.search_runs([experiment_id], "tags.`mtl.job` = 'test-job'")
    assert mtl.data.tags["mtl.target"] == "sst2"
    gains = {m.step: m.value for m in client.get_metric_history(mtl.info.run_id, "dev/target_gain")}
    baseline = stl.data.metrics["selected/dev/sst2/accuracy"]
    accuracy = {m.step: m.value for m in client.get_metric_history(mtl.info.run_id, "dev/sst2/accuracy")}
    assert sorted(gains) == [1, 2, 3, 4]
    assert gains[4] == pytest.approx(100 * (accuracy[4] - baseline) / baseline)
    assert "dev/delta_m" not in mtl.data.metrics  # stsb has no baseline
    validation = {m.step: m.value for m in client.get_metric_history(mtl.info.run_id, "validation/sst2/accuracy")}
    assert mtl.data.metrics["selected/validation/sst2/accuracy"] == max(validation.values())
