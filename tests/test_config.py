"""Config errors name the file, the field path and what is allowed, before any Ray work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mtl_platform.config import ConfigError, apply_overrides, load_job
from mtl_platform.preflight import load_checked_job, load_checked_sweep
from mtl_platform.tune.config import load_sweep
from mtl_platform.weighting import METHODS

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data))
    return path


def test_quickstart_loads_with_paths_relative_to_the_file():
    job = load_job(REPO / "jobs/quickstart.yaml")
    assert job.task_names() == ["sst2", "stsb", "conll"]
    assert job.tasks[0].data.train == (REPO / "data/sst2/train.tsv").resolve()
    assert job.scaling.num_workers == 2 and job.scaling.use_gpu == "auto"


def test_override_any_field_including_tasks_by_name():
    job = load_job(
        REPO / "jobs/quickstart.yaml",
        ["trainer.max_steps=20", "tasks.stsb.max_eval_examples=7", "scaling.use_gpu=false", "trainer.lr=1e-4"],
    )
    assert job.trainer.max_steps == 20
    assert job.tasks[1].max_eval_examples == 7
    assert job.scaling.use_gpu is False
    assert job.trainer.lr == pytest.approx(1e-4)


def test_override_of_unknown_task_lists_the_names():
    with pytest.raises(ConfigError, match=r"tasks.nope: no item named 'nope'; allowed: \['sst2', 'stsb', 'conll'\]"):
        load_job(REPO / "jobs/quickstart.yaml", ["tasks.nope.max_eval_examples=3"])


def test_override_needs_key_value():
    with pytest.raises(ConfigError, match="expected key=value"):
        apply_overrides({}, ["trainer.max_steps"])


@pytest.mark.parametrize(
    "override, message",
    [
        ("trainer.max_stepz=3", r"trainer.max_stepz: unknown field"),
        ("trainer.max_steps=many", r"trainer.max_steps: Input should be a valid integer"),
        (
            "tasks.sst2.type=ranking",
            (
                r"tasks.sst2.type: Input should be 'classification', 'multilabel', 'regression', "
                r"'token_classification' or 'generation'; got 'ranking'"
            ),
        ),
        ("tasks.sst2.data.train=missing.tsv", r"tasks.sst2.data.train: file not found: .*jobs/missing.tsv"),
        ("trainer.batch_size=15", r"trainer.batch_size \(15\) must be divisible by scaling.num_workers \(2\)"),
        ("weighting.method=static", r"weighting.weights: Field required"),
        ("weighting.method=softmax", r"weighting.method: unknown method 'softmax'; allowed: 'equal', 'static'"),
        ("weighting={method: dwa, temperature: -1}", r"weighting.temperature: Input should be greater than 0"),
        ("weighting.method=upgrad", r"'upgrad' weighs every task at every step: set trainer.sampling.strategy"),
        (
            "weighting.method=mgda & trainer.sampling.strategy=all_tasks & model.freeze_backbone=true",
            r"'mgda' combines gradients of the shared parameters, but model.freeze_backbone leaves none",
        ),
        ("model.backbone=cnn", r"model.backbone: Input should be 'transformer', 'causal_lm', 'seq2seq_lm' or 'bilstm'"),
        (
            "trainer.sampling.caps={nope: 5}",
            r"trainer.sampling.caps names \['nope'\]; tasks are \['sst2', 'stsb', 'conll'\]",
        ),
        ("trainer.sampling.caps=0", r"trainer.sampling.caps: Value error, caps must be positive|caps must be positive"),
        (
            "trainer.sampling={strategy: all_tasks, mixed: true}",
            r"trainer.sampling: mixed batches draw each example's task; strategy all_tasks",
        ),
    ],
)
def test_bad_fields_name_their_path(override, message):
    with pytest.raises(ConfigError, match=message) as info:
        load_job(REPO / "jobs/quickstart.yaml", override.split(" & "))
    assert str(info.value).startswith(str(REPO / "jobs/quickstart.yaml"))


def test_static_weights_must_cover_the_tasks():
    with pytest.raises(
        ConfigError, match=r"weighting.weights has tasks \['sst2'\]; expected exactly \['conll', 'sst2', 'stsb'\]"
    ):
        load_job(REPO / "jobs/quickstart.yaml", ["weighting.method=static", "weighting.weights={sst2: 1.0}"])


@pytest.mark.parametrize(
    "task, content, message",
    [
        (
            "sst2",
            "sentence\tlabel\ngood film\t1\nbad film\t2\n",
            r"tasks.sst2.labels: train.tsv line 3: label '2' is not in the label list; allowed: \['0', '1'\]",
        ),
        (
            "sst2",
            "text\tlabel\ngood film\t1\n",
            r"tasks.sst2.data.text_column: train.tsv line 2: no column 'sentence'; columns are \['text', 'label'\]",
        ),
        (
            "stsb",
            "sentence1\tsentence2\tscore\na\tb\thigh\n",
            r"tasks.stsb.data.label_column: train.tsv line 2: 'high' is not a finite number",
        ),
        (
            "stsb",
            "sentence1\tsentence2\tscore\na\tb\t1.5\nc\td\tnan\n",
            r"tasks.stsb.data.label_column: train.tsv line 3: 'nan' is not a finite number",
        ),
        (  # a sentence-pair task given a file with one text column
            "stsb",
            "sentence1\tscore\na\t1.5\n",
            r"tasks.stsb.data.text_pair_column: train.tsv line 2: no column 'sentence2'; columns are",
        ),
        (
            "conll",
            "EU B-ORG\nrejects\n",
            r"tasks.conll.data: train.tsv line 2: 'rejects' has one column; a CoNLL line needs a token and a tag",
        ),
        ("sst2", "sentence\tlabel\n", r"tasks.sst2.data.train: no labelled examples"),
    ],
)
def test_bad_data_fails_in_preflight(tmp_path, task, content, message):
    bad = tmp_path / "train.tsv"
    bad.write_text(content)
    overrides = [f"tasks.{task}.data.train={bad}"]
    load_job(REPO / "jobs/quickstart.yaml", overrides)  # the schema reads no data file
    with pytest.raises(ConfigError, match=message) as info:
        load_checked_job(REPO / "jobs/quickstart.yaml", overrides)
    assert str(info.value).startswith(str(REPO / "jobs/quickstart.yaml"))  # the file, then the field


def test_empty_dev_split_and_unknown_backbone_fail_before_training(tmp_path):
    (tmp_path / "dev.tsv").write_text("sentence\tlabel\n")
    with pytest.raises(ConfigError, match=r"tasks.sst2.data.dev: no labelled examples"):
        load_checked_job(REPO / "jobs/quickstart.yaml", [f"tasks.sst2.data.dev={tmp_path / 'dev.tsv'}"])
    with pytest.raises(ConfigError, match=r"model.name_or_path: .*no-such-model"):
        load_job(REPO / "jobs/quickstart.yaml", [f"model.name_or_path={tmp_path / 'no-such-model'}"])


def test_missing_job_file_and_bad_yaml(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_job(tmp_path / "nope.yaml")
    (tmp_path / "bad.yaml").write_text("tasks: [\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_job(tmp_path / "bad.yaml")


def test_sweep_loads_job_by_path_and_checks_the_space(tmp_path):
    sweep = load_sweep(REPO / "jobs/sweeps/weights.yaml")
    assert sweep.job.model.backbone == "bilstm"
    assert sweep.search["weighting.weights"].type == "simplex"
    data = yaml.safe_load((REPO / "jobs/sweeps/weights.yaml").read_text())
    data["job"] = str(REPO / "jobs/bilstm_small.yaml")
    data["search"] = {"trainer.lrr": {"type": "loguniform", "low": 1e-4, "high": 1e-2}}
    with pytest.raises(ConfigError, match=r"search: .*trainer.lrr: unknown field 'lrr'"):
        load_sweep(write(tmp_path / "s.yaml", data))
    data["search"] = {"trainer.lr": {"type": "uniform", "low": 0.1, "high": 0.2}}
    data["tune"] = {"metric": "dev/sst2/f1"}
    load_sweep(write(tmp_path / "s.yaml", data))  # the task types' metrics are preflight's to check
    with pytest.raises(
        ConfigError,
        match=r"tune.metric: 'dev/sst2/f1' is not reported; allowed: "
        r"\['dev/mean', 'dev/sst2/accuracy', 'dev/sst2/macro_f1', 'dev/sst2/mcc', 'dev/sst2/f1_positive', "
        r"'dev/stsb/pearson'",
    ):
        load_checked_sweep(write(tmp_path / "s.yaml", data))
    del data["tune"]
    data["search"] = {"trainer.lr": {"type": "simplex"}}
    with pytest.raises(ConfigError, match=r"only for 'weighting\.weights'"):
        load_sweep(write(tmp_path / "s.yaml", data))
    data["search"] = {"trainer.lr": {"type": "loguniform", "low": 0, "high": 1}}
    with pytest.raises(ConfigError, match=r"search.trainer.lr: type 'loguniform' needs low > 0"):
        load_sweep(write(tmp_path / "s.yaml", data))


def test_overrides_reach_a_sweep_job_given_by_file():
    sweep = load_sweep(REPO / "jobs/sweeps/weights.yaml", ["job.trainer.max_steps=7", "tune.num_samples=2"])
    assert sweep.job.trainer.max_steps == 7 and sweep.tune.num_samples == 2
    with pytest.raises(ConfigError, match=r"trainer.max_stepz: unknown field"):
        load_sweep(REPO / "jobs/sweeps/weights.yaml", ["job.trainer.max_stepz=7"])


def test_methods_sweep_applies_its_overrides_and_checks_each_listed_value(tmp_path):
    sweep = load_sweep(REPO / "jobs/sweeps/methods.yaml")
    assert sweep.job.trainer.sampling.strategy == "all_tasks" and sweep.job.trainer.max_steps == 200
    assert sweep.search["weighting.method"].type == "grid"
    assert set(sweep.search["weighting.method"].values) == set(METHODS) - {"static"}
    data = yaml.safe_load((REPO / "jobs/sweeps/methods.yaml").read_text())
    data["job"] = str(REPO / "jobs/bilstm_small.yaml")
    data["search"] = {"weighting.method": {"type": "grid", "values": ["equal", "upgradd"]}}
    with pytest.raises(ConfigError, match=r"search: weighting.method: value 'upgradd': unknown method 'upgradd'"):
        load_sweep(write(tmp_path / "s.yaml", data))
    data["search"] = {"weighting.method": {"type": "grid", "values": ["equal", "pcgrad"]}}
    data["tune"]["search_alg"] = "optuna"
    with pytest.raises(ConfigError, match=r"type 'grid' needs tune.search_alg: random"):
        load_sweep(write(tmp_path / "s.yaml", data))


@pytest.mark.parametrize("path", sorted((REPO / "jobs/sweeps").glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_sweep_passes_preflight(path):
    assert load_checked_sweep(path).search


def test_the_schema_imports_no_heavy_library():
    """Validating a job or a sweep is pure data: no torch, transformers, datasets, Ray or MLflow."""
    code = (
        "import sys; from mtl_platform.config import load_job; from mtl_platform.tune.config import load_sweep; "
        f"load_job({str(REPO / 'jobs/quickstart.yaml')!r}); load_sweep({str(REPO / 'jobs/sweeps/methods.yaml')!r}); "
        "print(sorted(m for m in ('torch', 'transformers', 'datasets', 'ray', 'mlflow', 'peft') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_seeds_make_one_job_per_seed():
    job = load_job(REPO / "jobs/quickstart.yaml", ["trainer.seeds=[3, 4]"])
    assert [j.trainer.seed for j in job.per_seed()] == [3, 4]
    assert all(j.trainer.seeds is None and j.model == job.model for j in job.per_seed())
    assert load_job(REPO / "jobs/quickstart.yaml").per_seed()[0].trainer.seed == 0
    with pytest.raises(ConfigError, match=r"trainer.seeds: Value error, seeds must be distinct|seeds must be distinct"):
        load_job(REPO / "jobs/quickstart.yaml", ["trainer.seeds=[1, 1]"])


def test_a_label_under_one_percent_is_warned_of_before_training(job_dict, tmp_path, caplog):
    """One positive among 150 negatives of the SST-2 sample: the check warns, naming the task, the
    label and its share, and what to do; with class_weights set, it does not."""
    lines = (DATA / "sst2" / "train.tsv").read_text().splitlines()
    negatives = [line for line in lines[1:] if line.endswith("\t0")][:150]
    positive = next(line for line in lines[1:] if line.endswith("\t1"))
    (tmp_path / "train.tsv").write_text("\n".join([lines[0], *negatives, positive]) + "\n")
    job_dict["tasks"] = job_dict["tasks"][:1]
    job_dict["tasks"][0]["data"]["train"] = str(tmp_path / "train.tsv")
    job_file = tmp_path / "job.yaml"
    job_file.write_text(yaml.safe_dump(job_dict))
    with caplog.at_level("WARNING", logger="mtl_platform.preflight"):
        load_checked_job(job_file)
    assert "tasks.sst2: labels under 1% of the train rows: 1 0.66%; consider class_weights: balanced" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="mtl_platform.preflight"):
        load_checked_job(job_file, ["tasks.sst2.class_weights=balanced"])
    assert "labels under 1%" not in caplog.text
