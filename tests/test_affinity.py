"""Task affinity (TAG lookahead, gradient cosines), groupings from it, and their sweep."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest
import torch
import yaml
from mlflow.tracking import MlflowClient
from typer.testing import CliRunner

from mtl_platform.analysis.baselines import baseline_job
from mtl_platform.analysis.grouping import (
    ScoredGrouping,
    grouping_results,
    grouping_score,
    groupings_to_check,
    ranked_groupings,
    suggest,
    sweep_for,
)
from mtl_platform.cli import app
from mtl_platform.config import AffinityConfig, ConfigError, validate_job
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.models.evaluation import select_rows
from mtl_platform.models.multitask import build_model
from mtl_platform.tasks import build_tasks
from mtl_platform.tasks.tokenizers import load_tokenizer
from mtl_platform.tracking.run_directory import AFFINITY_FILE, INITIAL_WEIGHTS_FILE, MODEL_FILE, RUN_INFO
from mtl_platform.train.affinity import AffinityMeter
from mtl_platform.train.initial import matching_weights, own_keys, read_weights
from mtl_platform.train.trainer import run_job
from mtl_platform.tune.config import load_sweep
from tests.conftest import DATA, entity_types_task, sst2_task


def constructed_job(job: dict) -> dict:
    """Three SST-2 tasks on the same sentences: two with its labels, one with them swapped."""
    same = {**sst2_task(DATA / "sst2"), "max_train_examples": 64, "max_eval_examples": 16}
    job["tasks"] = [
        {**same, "name": "positive"},
        {**same, "name": "also_positive"},
        {**same, "name": "negative", "labels": ["1", "0"]},  # label "0" is class 1: the opposite target
    ]
    job["trainer"]["sampling"] = {"strategy": "all_tasks"}
    return job


def test_lookahead_finds_the_tasks_that_share_a_target_and_the_opposite_one(bert_job_dict):
    """With one head for all three (copied: with heads of their own, an opposite target is only a
    relabelling, and helps), the lookahead matrix is positive between the two tasks sharing a
    target and negative with the opposite one; each entry matches its first-order value
    lr * g_i.g_j / L_j, and the cosines are those of the gradients taken here by hand."""
    job = validate_job(constructed_job(bert_job_dict), Path("."))
    tasks = build_tasks(job)
    torch.manual_seed(0)
    model = build_model(job, tasks)
    for name in ("also_positive", "negative"):
        model.heads[name].load_state_dict(model.heads["positive"].state_dict())
    data = tokenize_job(job, tasks)
    tokenizer = load_tokenizer(job.model)
    rows = list(range(32))
    batches = {name: task.collator(tokenizer)(select_rows(data[name]["train"], rows)) for name, task in tasks.items()}
    lr = 1e-4  # small: the first-order value below is then within a percent of the lookahead's
    meter = AffinityMeter(job.task_names(), AffinityConfig(measure="lookahead", every=1))
    meter.measure(model, tasks, batches, lr, world=1)
    lookahead, cosine = (torch.tensor(m) for m in (meter.matrices()["lookahead"], meter.matrices()["cosine"]))

    # The reference, by hand: each task's loss and shared gradient on its batch.
    model.eval()
    shared = model.shared_parameters()
    losses, grads = [], []
    for name, task in tasks.items():
        loss_sum, count = task.loss_sum(model({name: batches[name]})[name], batches[name])
        loss = loss_sum / count
        losses.append(loss.item())
        grads.append(torch.cat([g.reshape(-1) for g in torch.autograd.grad(loss, shared)]))
    g = torch.stack(grads).double()
    first_order = lr * (g @ g.T) / torch.tensor(losses, dtype=torch.float64)[None, :]
    assert lookahead == pytest.approx(first_order, abs=0.02 * float(first_order.abs().max()))
    norms = g.norm(dim=1)
    assert cosine == pytest.approx(g @ g.T / (norms[:, None] * norms[None, :]), abs=1e-5)

    positive, also, negative = 0, 1, 2
    assert lookahead[positive, also] > 0 and lookahead[also, positive] > 0
    assert lookahead[positive, negative] < 0 and lookahead[negative, also] < 0
    assert cosine[positive, also] == pytest.approx(1.0, abs=1e-5)  # the same labels, batch and head
    assert cosine[positive, negative] < 0 and cosine[also, negative] < 0
    assert suggest(lookahead.tolist(), job.task_names()).groups == (("positive", "also_positive"), ("negative",))
    # The model is left as it was: measuring changed no parameter.
    torch.manual_seed(0)
    fresh = build_model(job, tasks)
    fresh.heads["negative"].load_state_dict(fresh.heads["positive"].state_dict())
    assert torch.equal(fresh.encoder.backbone.encoder.embeddings.word_embeddings.weight, shared[0])


def test_a_task_with_a_non_finite_loss_is_left_out_and_resuming_needs_the_same_measures(bert_job_dict):
    """A task whose loss is NaN is not measured at that step (its pairs stay unmeasured), the
    others are; a checkpointed meter resumes only into the same tasks and measures."""
    job = validate_job(constructed_job(bert_job_dict), Path("."))
    tasks = build_tasks(job)
    model = build_model(job, tasks)
    with torch.no_grad():
        model.heads["negative"].linear.weight.fill_(float("nan"))
    data = tokenize_job(job, tasks)
    tokenizer = load_tokenizer(job.model)
    batches = {n: t.collator(tokenizer)(select_rows(data[n]["train"], list(range(8)))) for n, t in tasks.items()}
    meter = AffinityMeter(job.task_names(), AffinityConfig(every=1))
    meter.measure(model, tasks, batches, 1e-4, world=1)
    lookahead = meter.matrices()["lookahead"]
    assert lookahead[0][1] is not None and lookahead[1][0] is not None and lookahead[0][0] > 0
    assert all(lookahead[2][j] is None and lookahead[j][2] is None for j in range(3))
    assert meter.steps == 1

    AffinityMeter(job.task_names(), AffinityConfig(every=1)).load_state_dict(meter.state_dict())
    with pytest.raises(ValueError, match=r"measured \['cosine', 'lookahead'\] affinity .* this job \['cosine'\]"):
        AffinityMeter(job.task_names(), AffinityConfig(measure="cosine")).load_state_dict(meter.state_dict())


def test_a_new_task_under_mmoe_starts_from_the_shared_experts(bert_job_dict):
    """Under MMoE a task owns a gate and experts: a task of the same name gets them from the
    source, a new task gets new ones, and every shared expert comes from the source."""
    bert_job_dict["model"]["sharing"] = {"scheme": "mmoe", "num_experts": 2, "expert_hidden": 16}
    source_job = validate_job(constructed_job(bert_job_dict), Path("."))
    source = build_model(source_job, build_tasks(source_job), pretrained=False).state_dict()
    data = constructed_job(copy.deepcopy(bert_job_dict))
    data["tasks"] = [data["tasks"][0], {**data["tasks"][0], "name": "fresh"}]
    job = validate_job(data, Path("."))
    model = build_model(job, build_tasks(job), pretrained=False)
    chosen, loaded = matching_weights(model, source, True, "source")
    assert loaded == ["positive"]
    own = own_keys(model)
    assert any(k.startswith("encoder.gates.positive") for k in own["positive"])
    assert set(own["positive"]) <= set(chosen) and not set(own["fresh"]) & set(chosen)
    shared = [k for k in model.state_dict() if k.startswith("encoder.") and k not in own["positive"] + own["fresh"]]
    assert shared and all(torch.equal(chosen[k], source[k]) for k in shared)
    hard = {k: v for k, v in source.items() if not k.startswith("encoder.shared_experts")}
    with pytest.raises(ConfigError, match="the shared encoder of hard lacks"):
        matching_weights(model, hard, True, "hard")


TASKS = ["a", "b", "c", "d"]
# a and b help each other; c hurts a and b; d is neutral to all but helps c a little.
MATRIX = [
    [0.0, 0.4, -0.2, 0.0],
    [0.3, 0.0, -0.1, 0.0],
    [-0.3, -0.2, 0.0, 0.0],
    [0.0, 0.0, 0.1, 0.0],
]


def test_groupings_maximize_the_affinity_within_models():
    assert grouping_score(MATRIX, TASKS, (("a", "b"), ("c", "d"))) == pytest.approx(0.4 + 0.3 + 0.1)
    assert grouping_score(MATRIX, TASKS, (("a", "b", "c", "d"),)) == pytest.approx(
        0.4 + 0.3 - 0.2 - 0.1 - 0.3 - 0.2 + 0.1
    )
    two = ranked_groupings(MATRIX, TASKS, 2)
    assert len(two) == 7  # S(4, 2)
    assert two[0].groups == (("a", "b"), ("c", "d")) and two[0].score == pytest.approx(0.8)
    assert suggest(MATRIX, TASKS).groups == (("a", "b"), ("c", "d"))  # k=3 {ab}{c}{d} scores 0.7
    assert suggest(MATRIX, TASKS, 3).groups == (("a", "b"), ("c",), ("d",))
    with pytest.raises(ValueError, match="into 5 models"):
        ranked_groupings(MATRIX, TASKS, 5)
    # A pair never measured together counts as nothing.
    assert grouping_score([[None, None], [None, None]], ["a", "b"], (("a", "b"),)) == 0

    checked = groupings_to_check(MATRIX, TASKS, two[0], alternatives=1)
    assert [g.label() for g in checked] == ["a+b | c+d", two[1].label(), "a+b+c+d", "a | b | c | d"]
    results = grouping_results(
        checked[2:],
        [
            (["a", "b", "c", "d"], {"dev/a/accuracy": 0.5, "dev/b/accuracy": 0.7, "dev/c/f1": 0.2, "dev/d/mse": 1.0}),
            (["a"], {"dev/a/accuracy": 0.6}),
            (["b"], {"dev/b/accuracy": 0.8}),
            (["c"], {"dev/c/f1": 0.4}),
        ],
        {"a": "accuracy", "b": "accuracy", "c": "f1", "d": "mse"},
    )
    assert results[0] == {
        "grouping": "a+b+c+d",
        "affinity": pytest.approx(0.0),
        "a": 0.5,
        "b": 0.7,
        "c": 0.2,
        "d": 1.0,
        "mean": pytest.approx(0.6),
    }
    assert results[1]["d"] is None and results[1]["mean"] is None  # d alone was not trained


def test_the_grouping_sweep_trains_each_group_once(tmp_path, bert_job_dict):
    job_file = tmp_path / "jobs" / "job.yaml"
    job_file.parent.mkdir()
    job_file.write_text(yaml.safe_dump({**constructed_job(bert_job_dict), "affinity": {"every": 5}}))
    suggested = ScoredGrouping((("positive", "also_positive"), ("negative",)), 1.0)
    checked = groupings_to_check(
        [[0, 1, -1], [1, 0, -1], [-1, -1, 0]], ["positive", "also_positive", "negative"], suggested, alternatives=0
    )
    sweep_file = tmp_path / "sweeps" / "groupings.yaml"
    sweep_file.parent.mkdir()
    sweep_file.write_text(yaml.safe_dump(sweep_for(job_file, sweep_file, ["trainer.max_steps=2"], checked)))
    sweep = load_sweep(sweep_file)
    values = sweep.search["only_tasks"].values
    assert sorted(map(sorted, values)) == sorted(
        map(
            sorted,
            [
                ["positive", "also_positive"],
                ["negative"],
                ["positive", "also_positive", "negative"],
                ["positive"],
                ["also_positive"],
            ],
        )
    )
    assert sweep.job.trainer.max_steps == 2 and sweep.tune.num_samples == 1
    assert sweep.job.affinity is None, "the trials train; they do not measure again"
    assert "positive+also_positive | negative" in sweep.description


def test_only_tasks_leaves_the_other_tasks_out(bert_job_dict):
    data = copy.deepcopy(bert_job_dict)
    data["only_tasks"] = ["sst2", "conll"]
    data["weighting"] = {"method": "static", "weights": {"sst2": 0.5, "stsb": 0.2, "conll": 0.3}}
    data["trainer"]["sampling"] = {"caps": {"stsb": 10, "conll": 5}}
    job = validate_job(data, Path("."))
    assert job.task_names() == ["sst2", "conll"]
    assert job.weighting.weights == {"sst2": 0.5, "conll": 0.3}
    assert job.trainer.sampling.caps == {"conll": 5}
    assert validate_job(job.model_dump(mode="json"), Path(".")) == job  # validating again changes nothing
    assert baseline_job(job, "conll").task_names() == ["conll"]  # a baseline of a group is that task alone
    data["only_tasks"] = ["sst2", "nli"]
    with pytest.raises(ConfigError, match=r"only_tasks names \['nli'\]; the tasks are \['sst2', 'stsb', 'conll'\]"):
        validate_job(data, Path("."))


def test_affinity_needs_several_tasks_in_each_batch(bert_job_dict):
    bert_job_dict["affinity"] = {"measure": "cosine", "every": 1}
    with pytest.raises(ConfigError, match=r"set trainer.sampling.strategy: all_tasks"):
        validate_job(bert_job_dict, Path("."))
    bert_job_dict["trainer"]["sampling"] = {"strategy": "all_tasks"}
    bert_job_dict["model"]["freeze_backbone"] = True
    with pytest.raises(ConfigError, match=r"affinity compares .* but model.freeze_backbone trains none"):
        validate_job(bert_job_dict, Path("."))
    with pytest.raises(ConfigError, match="affinity compares tasks, and the job trains one"):
        validate_job({**bert_job_dict, "only_tasks": ["sst2"]}, Path("."))
    bert_job_dict["affinity"]["every"] = 1000
    with pytest.raises(ConfigError, match=r"affinity.every 1000 is more than trainer.max_steps"):
        validate_job(bert_job_dict, Path("."))
    bert_job_dict["model"]["init_from"] = "./no/such/model.pt"
    with pytest.raises(ConfigError, match=r"model.init_from: no such file or directory: .*give an MLflow run id"):
        validate_job(bert_job_dict, Path("."))


def test_mtl_affinity_on_two_workers_then_a_job_that_starts_from_its_model(ray_session, bert_job_dict, tmp_path):
    """`mtl affinity` trains on 2 DDP workers measuring at every step, logs both matrices (CSV + heatmap)
    and their cost, proposes groupings and writes their sweep. A second job starts from that
    run's model (by run id): with a frozen backbone it ends with exactly the saved encoder, and
    the head of the task of the same name starts from the saved head."""
    bert_job_dict["trainer"].update(max_steps=4, eval_every=2, sampling={"strategy": "all_tasks"})
    job_file = tmp_path / "job.yaml"
    job_file.write_text(yaml.safe_dump(bert_job_dict))
    sweep_file = tmp_path / "groupings.yaml"
    measured = CliRunner().invoke(
        app, ["affinity", str(job_file), "--every", "1", "--groups", "2", "--sweep-file", str(sweep_file)]
    )
    assert measured.exit_code == 0, measured.output
    assert "Suggested:" in measured.output and "of the training loop" in measured.output
    client = MlflowClient(bert_job_dict["tracking"]["uri"])
    experiment = client.get_experiment_by_name("tests").experiment_id
    [run] = client.search_runs([experiment])
    summary = json.loads(Path(client.download_artifacts(run.info.run_id, AFFINITY_FILE, str(tmp_path))).read_text())
    assert summary["tasks"] == ["sst2", "stsb", "conll"] and summary["measured_steps"] == 4
    lookahead = summary["lookahead"]
    assert all(lookahead[i][i] > 0 for i in range(3)), "a step on a task's own gradient lowers its loss"
    assert 0 < run.data.metrics["affinity/cost_fraction"] < 1
    artifacts = {a.path for a in client.list_artifacts(run.info.run_id, "plots")}
    for measure in ("lookahead", "cosine"):
        assert {f"plots/affinity_{measure}.png", f"plots/affinity_{measure}.csv"} <= artifacts
    with open(client.download_artifacts(run.info.run_id, "plots/affinity_cosine.csv", str(tmp_path))) as handle:
        table = list(csv.reader(handle))
    assert [float(v) for row in table[1:] for v in row[1:]] == pytest.approx(
        [v for row in summary["cosine"] for v in row]
    )
    assert "affinity/groupings.yaml" in {a.path for a in client.list_artifacts(run.info.run_id, "affinity")}
    sweep = load_sweep(sweep_file)
    suggested = suggest(lookahead, summary["tasks"], 2)
    assert suggested.label() in measured.output
    trained_groups = [sorted(group) for group in sweep.search["only_tasks"].values]
    assert all(sorted(group) in trained_groups for group in suggested.groups)

    # A new job from that model: SST-2 again (its head is loaded) and a new multi-label task.
    source = read_weights(run.info.run_id, bert_job_dict["tracking"]["uri"])[0]
    transfer = copy.deepcopy(bert_job_dict)
    transfer["tasks"] = [
        transfer["tasks"][0],
        {**entity_types_task(DATA / "conll2003_types"), "max_train_examples": 50},
    ]
    transfer["model"].update(init_from=run.info.run_id, freeze_backbone=True)
    transfer["trainer"].update(max_steps=2, eval_every=2, sampling={"strategy": "all_tasks"})
    transfer["scaling"]["num_workers"] = 1
    result = run_job(validate_job(transfer, Path(".")))
    with result.checkpoint.as_directory() as directory:
        trained = torch.load(Path(directory) / MODEL_FILE)
    encoder = [k for k in source if k.startswith("encoder.")]
    assert encoder and all(torch.equal(trained[k], source[k]) for k in encoder)
    initial = torch.load(Path(transfer["trainer"]["storage_path"]) / result.run_name / INITIAL_WEIGHTS_FILE)
    heads = {k.split(".")[1] for k in initial if k.startswith("heads.")}
    assert heads == {"sst2"} and all(torch.equal(initial[k], source[k]) for k in initial)
    assert not torch.equal(trained["heads.sst2.linear.weight"], source["heads.sst2.linear.weight"]), "then trained"

    # The same weights from the run's checkpoint directory; heads dropped on request.
    checkpoint = json.loads(Path(run.data.tags["mtl.run_dir"], RUN_INFO).read_text())["checkpoint"]
    from_path = read_weights(checkpoint, "unused")[0]
    assert all(torch.equal(from_path[k], source[k]) for k in source)
    job = validate_job({**transfer, "model": {**transfer["model"], "init_heads": False}}, Path("."))
    with torch.device("meta"):
        skeleton = build_model(job, build_tasks(job), pretrained=False)
    chosen, loaded_heads = matching_weights(skeleton, from_path, job.model.init_heads, checkpoint)
    assert loaded_heads == [] and set(chosen) == set(encoder)
    with pytest.raises(ConfigError, match=r"model.init_from: the shared encoder of .* lacks .* another backbone"):
        matching_weights(skeleton, {k: v for k, v in from_path.items() if k != encoder[0]}, True, checkpoint)
    reshaped = {**from_path, encoder[0]: torch.zeros(1)}
    with pytest.raises(ConfigError, match="has other shapes for"):
        matching_weights(skeleton, reshaped, True, checkpoint)
