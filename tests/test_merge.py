"""Merging per-task LoRA adapters (LoRASharing.merge, tune/merge.py): against hand-computed
TIES and peft's own DARE, and end to end from a logged LoRA run through a Ray Tune search of
merges to the report."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
import torch
import yaml
from mlflow.tracking import MlflowClient
from peft import PeftModel
from peft.tuners.lora import LoraLayer, LoraModel
from transformers import AutoModel
from typer.testing import CliRunner

from mtl_platform.analysis.report import build_report
from mtl_platform.cli import app
from mtl_platform.config import ConfigError, JobConfig
from mtl_platform.config.merge import MERGE_METHODS, MergeConfig, load_merge
from mtl_platform.models.multitask import build_model
from mtl_platform.models.sharing.lora import LoRASharing, adapted_model
from mtl_platform.tasks import build_tasks
from mtl_platform.tune.merge import check_mergeable
from tests.test_sharing import scheme_job
from tests.test_training import run

TASKS = ("sst2", "stsb", "conll")


def lora_encoder(tmp_path: Path, tiny_bert: Path) -> LoRASharing:
    """A tiny BERT with three tasks' adapters, each set to random values (peft starts B at zero)."""
    job = JobConfig.model_validate(scheme_job(tmp_path, tiny_bert, {"scheme": "lora", "rank": 4}))
    encoder = build_model(job, build_tasks(job)).encoder
    torch.manual_seed(1)
    with torch.no_grad():
        for name, parameter in encoder.named_parameters():
            if "lora_" in name:
                parameter.normal_(std=0.3)
    assert isinstance(encoder, LoRASharing)
    return encoder.eval()


def lora_layers(encoder: LoRASharing) -> list[LoraLayer]:
    """In peft's merge order (named_modules of the adapted model)."""
    return [m for m in adapted_model(encoder.backbone).modules() if isinstance(m, LoraLayer)]


def test_the_merge_methods_are_peft_s():
    hints = typing.get_type_hints(LoraModel.add_weighted_adapter)
    assert set(MERGE_METHODS) == set(typing.get_args(hints["combination_type"]))


@pytest.mark.parametrize("method", ["linear", "cat"])
def test_weights_one_and_zero_reproduce_the_first_adapter_for_every_task(tmp_path, tiny_bert, method):
    encoder = lora_encoder(tmp_path, tiny_bert)
    ids, mask = torch.randint(1000, 2000, (2, 7)), torch.ones(2, 7, dtype=torch.long)
    with torch.no_grad():
        first, second = encoder("sst2", ids, mask), encoder("stsb", ids, mask)
        encoder.merge({"sst2": 1.0, "stsb": 0.0, "conll": 0.0}, method)
        for task in TASKS:  # one adapter for all now
            assert torch.allclose(encoder(task, ids, mask), first, atol=1e-6, rtol=0)
    assert not torch.allclose(first, second, atol=1e-3), "the adapters differ, so routing is what is tested"


def ties_by_hand(tensors: list[torch.Tensor], weights: list[float], density: float) -> torch.Tensor:
    """TIES (Yadav et al., 2023): keep each tensor's top `density` by magnitude, elect each
    entry's sign by the sum of the kept values, average the weighted values that agree."""
    kept = []
    for tensor in tensors:
        mask = torch.zeros(tensor.numel())
        mask[tensor.abs().flatten().topk(int(density * tensor.numel())).indices] = 1
        kept.append(tensor * mask.view_as(tensor))
    stacked = torch.stack(kept)
    agree = stacked.sign() == torch.where(stacked.sum(0) >= 0, 1.0, -1.0)
    weighted = stacked * torch.tensor(weights).view(-1, *[1] * tensors[0].dim())
    return (weighted * agree).sum(0) / agree.sum(0).clamp(min=1)


def test_ties_by_hand_on_four_numbers():
    a, b = torch.tensor([4.0, -1.0, 2.0, -3.0]), torch.tensor([1.0, 2.0, 3.0, 0.25])
    # kept: a [4, 0, 2, -3], b [1, 2, 3, 0]; signs of the sum [+, +, +, -]; weighted b doubled:
    # [(4 + 2) / 2, 4 / 1, (2 + 6) / 2, -3 / 1]
    assert ties_by_hand([a, b], [1.0, 2.0], 0.75).tolist() == [3.0, 4.0, 4.0, -3.0]


def test_ties_merge_equals_ties_by_hand(tmp_path, tiny_bert):
    encoder = lora_encoder(tmp_path, tiny_bert)
    weights = {"sst2": 1.0, "stsb": 0.5, "conll": 2.0}
    layers = lora_layers(encoder)
    expected = []
    for layer in layers:
        scaled = [weights[t] * layer.scaling[t] for t in TASKS]  # peft puts √(w·scaling) on each of A and B
        a = ties_by_hand([layer.lora_A[t].weight.detach() for t in TASKS], [s**0.5 for s in scaled], 0.5)
        b = ties_by_hand([layer.lora_B[t].weight.detach() for t in TASKS], [s**0.5 for s in scaled], 0.5)
        expected.append((a, b))
    assert len(layers) == 4  # query and value of 2 layers
    encoder.merge(weights, "ties", density=0.5)
    for layer, (a, b) in zip(layers, expected):
        assert torch.allclose(layer.lora_A["merged"].weight, a, atol=1e-6)
        assert torch.allclose(layer.lora_B["merged"].weight, b, atol=1e-6)
        assert layer.scaling["merged"] == 1.0  # peft's merged adapter: lora_alpha = r


@pytest.mark.parametrize("method", ["dare_ties", "dare_linear"])
def test_dare_merge_equals_peft_s_own_on_the_saved_adapters(tmp_path, tiny_bert, method):
    """peft's own path: the adapters as saved, loaded into a PeftModel on the base, merged there."""
    encoder = lora_encoder(tmp_path, tiny_bert)
    weights = {"sst2": 1.0, "stsb": 1.0, "conll": 0.5}
    encoder.save_adapters(tmp_path / "adapters")
    reference = PeftModel.from_pretrained(AutoModel.from_pretrained(tiny_bert), tmp_path / "adapters" / "sst2", "sst2")
    for task in ("stsb", "conll"):
        reference.load_adapter(tmp_path / "adapters" / task, task)
    torch.manual_seed(7)  # DARE drops entries at random
    reference.add_weighted_adapter(list(weights), list(weights.values()), "merged", method, density=0.6)
    torch.manual_seed(7)
    encoder.merge(weights, method, density=0.6)
    ours, theirs = lora_layers(encoder), [m for m in reference.modules() if isinstance(m, LoraLayer)]
    assert len(ours) == len(theirs) == 4
    for mine, peft_s in zip(ours, theirs):
        assert torch.equal(mine.lora_A["merged"].weight, peft_s.lora_A["merged"].weight)
        assert torch.equal(mine.lora_B["merged"].weight, peft_s.lora_B["merged"].weight)
    reference.set_adapter("merged")
    ids, mask = torch.randint(1000, 2000, (2, 7)), torch.ones(2, 7, dtype=torch.long)
    with torch.no_grad():
        expected = reference.eval()(input_ids=ids, attention_mask=mask).last_hidden_state
        assert torch.allclose(encoder("conll", ids, mask), expected, atol=1e-6)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"density": 0}, "density"),
        ({"method": "avg"}, "method"),
        ({"search": {"num_samples": 2}}, "search nothing"),
        ({"search": {"density": {"low": 0.2, "high": 1.5}}}, "density.high 1.5 > 1"),
    ],
)
def test_bad_merge_options_are_refused_naming_the_field(tmp_path, data, message):
    path = tmp_path / "merge.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ConfigError, match=message) as error:
        load_merge(path, [])
    assert str(path) in str(error.value)


def test_a_merge_the_run_cannot_give_is_refused_before_anything_loads(tmp_path, tiny_bert):
    lora = JobConfig.model_validate(scheme_job(tmp_path, tiny_bert, {"scheme": "lora"}))
    with pytest.raises(ConfigError, match=r"model.sharing.scheme is hard: merging needs per-task adapters"):
        check_mergeable(JobConfig.model_validate(scheme_job(tmp_path, None, {"scheme": "hard"})), MergeConfig(), "r")
    with pytest.raises(ConfigError, match=r"weights: \['sts'\] are not tasks of r"):
        check_mergeable(lora, MergeConfig(weights={"sts": 1.0}), "r")
    searched = MergeConfig(search={"methods": ["ties"]})
    with pytest.raises(ConfigError, match=r"without trainer\.validation_fraction"):
        check_mergeable(lora, searched, "r")


def test_an_fsdp_lora_run_merged_and_searched_lands_in_nested_runs_and_the_report(ray_session, tmp_path, tiny_bert):
    (tmp_path / "mlruns").mkdir()
    job = scheme_job(tmp_path, tiny_bert, {"scheme": "lora", "rank": 4})
    job["trainer"].update(max_steps=2, eval_every=2, lr=0.01, validation_fraction=0.25)
    job["scaling"]["strategy"] = "fsdp"  # its adapters reach MLflow from the consolidated model
    trained = run(job)
    uri, client = trained.tracking_uri, MlflowClient(trained.tracking_uri)
    source = client.get_run(trained.run_id)
    experiment = [source.info.experiment_id]
    adapters = {a.path for a in client.list_artifacts(trained.run_id, "adapters/conll")}
    assert adapters == {"adapters/conll/adapter_config.json", "adapters/conll/adapter_model.safetensors"}
    runner = CliRunner()

    # Weights (1, 0, 0), linear: the merged model is sst2's adapter, so it scores as the run did on sst2.
    weights = ["-o", "weights.sst2=1", "-o", "weights.stsb=0", "-o", "weights.conll=0"]
    merged = runner.invoke(app, ["merge", trained.run_id, "-o", "method=linear", *weights, "--uri", uri])
    assert merged.exit_code == 0, merged.output
    single = client.search_runs(experiment, "tags.`mtl.merge` = 'linear'")[0]
    assert single.data.metrics["dev/sst2/accuracy"] == source.data.metrics["selected/dev/sst2/accuracy"]
    assert {a.path for a in client.list_artifacts(single.info.run_id, "adapters/merged")} >= {
        "adapters/merged/adapter_config.json",
        "adapters/merged/adapter_model.safetensors",
    }

    spec = tmp_path / "merge.yaml"
    search = {"weights": {"low": 0.0, "high": 1.0}, "density": {"low": 0.2, "high": 1.0}, "num_samples": 2}
    spec.write_text(yaml.safe_dump({"method": "ties", "search": {**search, "search_alg": "random"}}))
    searched = runner.invoke(app, ["merge", trained.run_id, str(spec), "--uri", uri])
    assert searched.exit_code == 0, searched.output
    parent = client.search_runs(experiment, "tags.`mtl.sweep` = 'merge'")[0]
    trials = client.search_runs(experiment, f"tags.mlflow.parentRunId = '{parent.info.run_id}'")
    assert len(trials) == 2 and {t.info.status for t in trials} == {"FINISHED"}
    for trial in trials:  # chosen on validation, reported on dev, every task scored
        assert {f"{s}/{t}" for s in ("validation", "dev") for t in TASKS} <= {
            k.rsplit("/", 1)[0] for k in trial.data.metrics
        }
        assert trial.data.params["merge.method"] == "ties" and 0.2 <= float(trial.data.params["merge.density"]) <= 1
    best = [t for t in trials if t.data.tags.get("mtl.best") == "true"]
    assert len(best) == 1
    assert best[0].data.metrics["validation/mean"] == max(t.data.metrics["validation/mean"] for t in trials)

    report = build_report(client, experiment[0], job["name"])
    rows = {row.label: row for row in report.rows}
    assert {"MTL equal, lora", "LoRA merged: linear", "LoRA merged: ties, best of search"} <= set(rows)
    assert rows["LoRA merged: ties, best of search"].scores["sst2"] == [best[0].data.metrics["dev/sst2/accuracy"]]
