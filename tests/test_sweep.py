"""Real Ray Tune sweeps (ASHA with Optuna, multi-objective) whose trials are Ray Train runs, and the UI
that shows them; PBT and resuming are in test_sweep_resume.py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from mlflow.tracking import MlflowClient
from playwright.sync_api import sync_playwright

from mtl_platform.config import load_job
from mtl_platform.tune.config import load_sweep
from mtl_platform.tune.sweep import TRIAL_TAG, SweepSummary, run_sweep
from tests.conftest import REPO, base_job
from tests.processes import MTL, free_port, kill_tree, wait_for_health
from tests.sweeps import children_of, write_sweep
from tests.test_generation import generation_job

SCREENSHOTS = REPO / "test-artifacts"
# Headless, and quiet: this machine's network is closed, and Chromium would keep calling home.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def browser_executable() -> str:
    """Debian's Chromium: .ci/run installs it; elsewhere the test is skipped with how to get it."""
    path = shutil.which("chromium")
    if path:
        SCREENSHOTS.mkdir(exist_ok=True)
        return path
    if os.environ.get("MTL_REQUIRE_BROWSER"):
        pytest.fail("MTL_REQUIRE_BROWSER is set but there is no chromium on PATH")
    pytest.skip("no chromium on PATH: apt-get install chromium to run the browser test")


@pytest.fixture(scope="module")
def asha_sweep(ray_session, tmp_path_factory) -> SweepSummary:
    """A 3-trial ASHA sweep, shared by the test of what it does and the test of how the UI shows it
    (make test runs a file's tests in one process: --dist loadfile)."""
    tmp_path = tmp_path_factory.mktemp("asha")
    (tmp_path / "mlruns").mkdir()
    job = base_job(tmp_path)
    job["scaling"]["num_workers"] = 1
    job["trainer"].update(max_steps=8, eval_every=2, log_every=2)
    search = {
        "weighting.weights": {"type": "simplex"},
        "trainer.lr": {"type": "loguniform", "low": 1e-5, "high": 3e-2},
    }
    asha = {"type": "asha", "grace_period": 2, "reduction_factor": 2}
    tune = {"num_samples": 3, "seed": 3, "search_alg": "optuna", "scheduler": asha}
    return run_sweep(load_sweep(write_sweep(tmp_path, job, search, tune)))


def test_asha_sweep_makes_a_parent_with_nested_runs_and_stops_trials_early(asha_sweep):
    summary = asha_sweep

    assert len(summary.trials) == 3
    for trial in summary.trials:
        weights = [v for k, v in trial.params.items() if k.startswith("weighting.weights.")]
        assert len(weights) == 3 and sum(weights) == pytest.approx(1.0)
        assert 1e-5 <= trial.params["trainer.lr"] <= 3e-2
    assert summary.best.metrics["dev/mean"] == max(t.metrics["dev/mean"] for t in summary.trials)
    steps = sorted(t.step for t in summary.trials)
    assert steps[-1] == 8, "the best trials run to the end"
    assert steps[0] < 8, "ASHA stopped at least one trial at a rung"

    client = MlflowClient(summary.tracking_uri)
    parent = client.get_run(summary.parent_run_id)
    assert parent.info.status == "FINISHED"
    assert re.fullmatch(r"mtl-sweep-test-sweep-[0-9a-f]{6}", parent.info.run_name)
    children = children_of(client, summary.parent_run_id)
    assert {c.data.tags[TRIAL_TAG] for c in children} == {t.trial_id for t in summary.trials}
    for child in children:  # named and tagged for what they are, in the UI's run list
        assert child.info.run_name == f"mtl-test-job-hard-static-{child.data.tags[TRIAL_TAG]}"
        tags = child.data.tags
        assert (tags["mtl.sharing"], tags["mtl.weighting"], tags["mtl.backbone"]) == ("hard", "static", "bilstm")
        assert re.fullmatch(r"[0-9a-f]{40}", tags["mlflow.source.git.commit"]), "the suite runs in a git clone"
    stopped = {t.run_id for t in summary.trials if t.step < 8}
    for child in children:
        assert child.info.status == ("KILLED" if child.info.run_id in stopped else "FINISHED")
        assert child.data.params["weighting.method"] == "static"
        assert {f"weighting.weights.{t}" for t in ("sst2", "stsb", "conll")} <= set(child.data.params)
        assert "dev/mean" in child.data.metrics
    best = [c for c in children if c.data.tags.get("mtl.best") == "true"]
    assert [b.info.run_id for b in best] == [summary.best.run_id]
    assert parent.data.metrics["best/dev/mean"] == pytest.approx(summary.best.metrics["dev/mean"])
    table = Path(client.download_artifacts(summary.parent_run_id, "trials.csv")).read_text().splitlines()
    assert len(table) == 4 and table[0].startswith("trial_id,run_id,best,")
    best_job = load_job(client.download_artifacts(summary.parent_run_id, "best_job.yaml"))
    assert best_job.trainer.lr == pytest.approx(summary.best.params["trainer.lr"])


def dominated(a: dict, b: dict, metrics: list[str]) -> bool:
    """b dominates a (all objectives maximized)."""
    return all(b[m] >= a[m] for m in metrics) and any(b[m] > a[m] for m in metrics)


def test_multi_objective_sweep_returns_the_non_dominated_trials(ray_session, tmp_path, monkeypatch):
    """Over the task weights of generation tasks (two translation directions and SST-2 cast to
    text), with two directions' chrF as objectives. Also: with no tracking URI configured, the
    trials log to the driver's default store (./mlruns where the sweep was started), not to one
    in their own working directories."""
    sweep_job = generation_job(tmp_path)
    sweep_job["scaling"]["num_workers"] = 1
    sweep_job["trainer"].update(max_steps=2, eval_every=2)
    del sweep_job["tracking"]["uri"]
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.chdir(tmp_path)
    objectives = [{"metric": "dev/en_de/chrf", "mode": "max"}, {"metric": "dev/en_fr/chrf", "mode": "max"}]
    search = {"weighting.weights": {"type": "simplex"}}
    tune = {"num_samples": 2, "max_concurrent_trials": 2, "search_alg": "optuna", "objectives": objectives}
    summary = run_sweep(load_sweep(write_sweep(tmp_path, sweep_job, search, tune)))
    assert summary.tracking_uri == f"sqlite:///{tmp_path / 'mlruns' / 'mlflow.db'}"
    metrics = [o["metric"] for o in objectives]
    expected = {
        t.trial_id
        for t in summary.trials
        if not any(dominated(t.metrics, o.metrics, metrics) for o in summary.trials if o is not t)
    }
    assert {t.trial_id for t in summary.trials if t.pareto} == expected and expected
    assert all(0 <= t.metrics["dev/en_de/bleu"] <= 1 for t in summary.trials)
    client = MlflowClient(summary.tracking_uri)
    tagged = {
        r.data.tags[TRIAL_TAG] for r in children_of(client, summary.parent_run_id) if r.data.tags.get("mtl.pareto")
    }
    assert tagged == expected
    artifacts = {a.path for a in client.list_artifacts(summary.parent_run_id)}
    assert {"pareto_front.png", "metric_vs_values.png", "best_job.yaml", "trials.csv"} <= artifacts


def test_the_ui_shows_the_sweep_its_nested_trials_and_their_plots(asha_sweep, tmp_path):
    """The real MLflow UI (`mtl ui`, 127.0.0.1) in headless Chromium: the experiment's runs, the
    trials under their sweep once it is expanded, and a trial's plot rendered as an image.
    Screenshots are kept in test-artifacts/."""
    chromium = browser_executable()
    client = MlflowClient(asha_sweep.tracking_uri)
    parent = client.get_run(asha_sweep.parent_run_id)
    children = children_of(client, asha_sweep.parent_run_id)
    port = free_port()
    server = subprocess.Popen(
        [*MTL, "ui", "--uri", asha_sweep.tracking_uri, "--port", str(port), "--experiment", "tests"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_health(port, server)
        url = next(line for line in server.stdout if "experiment 'tests'" in line).split(": ", 1)[1].strip()
        assert url == f"http://127.0.0.1:{port}/#/experiments/{parent.info.experiment_id}/runs"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(url)
            row = page.locator("[role=row]", has_text=parent.info.run_name).first
            row.wait_for(timeout=60_000)
            row.locator("button[data-component-id*='runnamecellrenderer']").first.click()  # expand the sweep
            for child in children:
                page.get_by_text(child.info.run_name, exact=True).first.wait_for(timeout=30_000)
            page.screenshot(path=str(SCREENSHOTS / "sweep_runs.png"))

            best = client.get_run(asha_sweep.best.run_id)
            page.goto(
                f"http://127.0.0.1:{port}/#/experiments/{best.info.experiment_id}/runs/{best.info.run_id}/artifacts"
            )
            page.get_by_text("plots", exact=True).first.click()
            page.get_by_text("dev_metrics.png", exact=True).first.click()
            page.wait_for_function("Array.from(document.images).some(i => i.complete && i.naturalWidth > 300)")
            page.screenshot(path=str(SCREENSHOTS / "trial_plot.png"))
            browser.close()
    finally:
        kill_tree(server)
    assert (SCREENSHOTS / "sweep_runs.png").stat().st_size > 10_000
