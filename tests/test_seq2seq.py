"""Generation tasks on encoder-decoder models: a T5 built from a config, and a pretrained encoder
paired with a new decoder whose targets have a vocabulary of their own (models/backbones.py)."""

from __future__ import annotations

import copy
from pathlib import Path

import mlflow
import pandas as pd
import pytest
import torch
from mlflow.tracking import MlflowClient
from transformers import AutoModel

from mtl_platform.config import ConfigError, validate_job
from mtl_platform.data.mixed import mix
from mtl_platform.data.tokenize import tokenize_job
from mtl_platform.models.evaluation import select_rows
from mtl_platform.models.multitask import build_model
from mtl_platform.serving.model import TARGET_TOKENIZER_DIR, Predictor, model_uri, save_backbone_files
from mtl_platform.tasks import build_tasks
from mtl_platform.tasks.generation import IGNORE
from mtl_platform.tasks.tokenizers import load_target_tokenizer, load_tokenizer
from mtl_platform.tracking.describe import job_tags
from mtl_platform.tracking.redact import job_to_yaml
from mtl_platform.train import checkpoint
from mtl_platform.train.loop import Training
from mtl_platform.train.sharding import transformer_blocks
from tests.test_fsdp import WORLD, one_process, run_workers
from tests.test_generation import TOKENIZER, generation_job, t5_job
from tests.test_training import final_parameters, relative_difference, run

DECODER = {
    "model_type": "bert",
    **{"hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 64},
    **{"hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0},
}


def paired_job(tmp_path: Path, encoder: Path) -> dict:
    """The same tasks on a pretrained (tiny) BERT encoder with a new decoder writing the trained BPE."""
    job = generation_job(tmp_path)
    job["model"] = {
        "backbone": "seq2seq_lm",
        "name_or_path": str(encoder),
        "decoder": DECODER,
        "target_tokenizer": TOKENIZER,
        "max_length": 64,
    }
    return job


@pytest.fixture(params=["t5", "paired"])
def seq2seq_job(request, tmp_path) -> dict:
    if request.param == "t5":
        return t5_job(tmp_path)
    return paired_job(tmp_path, request.getfixturevalue("tiny_bert"))


def test_the_loss_is_hugging_face_s_own_seq2seq_loss(seq2seq_job):
    """The source reaches the encoder, the target (with its end-of-text) the decoder shifted
    right: the task's loss over the target tokens equals the model's own loss given the labels."""
    job = validate_job(seq2seq_job, Path("."))
    tasks, tokenizer = build_tasks(job), load_tokenizer(job.model)
    task = tasks["en_de"]
    torch.manual_seed(0)
    model = build_model(job, tasks)
    rows = {"text": ["English to de: A dog runs. =", "Hi ="], "label": ["Ein Hund läuft.", "Hallo"]}
    encoded = task.encode({**rows, "text_pair": [None, None]}, tokenizer)
    writer = load_target_tokenizer(job.model)
    for row, target in enumerate(rows["label"]):
        assert encoded["target_ids"][row] == writer(target, add_special_tokens=False)["input_ids"] + [
            writer.eos_token_id
        ]
        assert encoded["input_ids"][row] == tokenizer(rows["text"][row])["input_ids"], "the source alone"
    batch = task.collator(tokenizer)([{k: v[i] for k, v in encoded.items()} for i in range(2)])
    assert (batch["labels"][1] == IGNORE).sum() > 0, "the shorter target is padded"
    loss, count = task.loss_sum(model({"en_de": batch})["en_de"], batch)
    lm = model.encoder.backbone.lm
    reference = lm(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=batch["labels"]).loss
    assert count == sum(len(t) for t in encoded["target_ids"])
    assert float(loss.detach() / count) == pytest.approx(float(reference), rel=1e-5)


def test_a_pretrained_encoder_keeps_its_weights_and_its_decoder_reads_it(tmp_path, tiny_bert):
    job = validate_job(paired_job(tmp_path, tiny_bert), Path("."))
    lm = build_model(job, build_tasks(job)).encoder.backbone.lm
    pretrained = AutoModel.from_pretrained(tiny_bert).state_dict()
    encoder = lm.encoder.state_dict()
    assert set(encoder) == {k for k in pretrained if not k.startswith("pooler.")}
    assert all(torch.equal(encoder[k], pretrained[k]) for k in encoder)
    assert lm.decoder.config.add_cross_attention and lm.decoder.config.vocab_size == len(
        load_target_tokenizer(job.model)
    )
    assert job_tags(job)["mtl.backbone"] == f"{tiny_bert} + a bert decoder"


def test_a_new_decoder_trains_at_the_new_parts_learning_rate(tmp_path, tiny_bert):
    """trainer.head_lr is what starts untrained learns at: the new decoder (and the projection
    between the two widths) moves by it on Adam's first step, the pretrained encoder by lr,
    each halved by the first of two warm-up steps. A pretrained encoder trained at a new
    decoder's rate collapses: on the translation job at 1e-3, MiniLM's pooled outputs of
    three different sources ended at cosine 0.87-0.97 to each other (0.11-0.22 before)."""
    data = paired_job(tmp_path, tiny_bert)
    data["model"]["decoder"]["hidden_size"] = 16  # unlike the encoder's 32: a projection joins them
    data["model"]["decoder"]["num_attention_heads"] = 2
    data["trainer"].update(lr=1e-4, head_lr=1e-2, warmup_steps=2, weight_decay=0.0)
    training = Training.build(validate_job(data, Path(".")))
    model = training.model
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    training.train_step(model, torch.device("cpu"), 1)
    moved = {name: (p.detach() - before[name]).abs().max().item() for name, p in model.named_parameters()}
    lm = "encoder.backbone.lm."
    decoder = max(v for k, v in moved.items() if k.startswith((f"{lm}decoder.", f"{lm}enc_to_dec_proj.")))
    encoder = max(v for k, v in moved.items() if k.startswith(f"{lm}encoder."))
    assert any(k.startswith(f"{lm}enc_to_dec_proj.") for k in moved)
    assert decoder == pytest.approx(0.5 * 1e-2, rel=1e-3)
    assert encoder == pytest.approx(0.5 * 1e-4, rel=1e-3)


def test_a_target_vocabulary_without_an_end_of_text_token_is_named(tmp_path, tiny_bert):
    """MiniLM's WordPiece has no end-of-text token for a target to end with: the driver stops
    as it tokenizes, before any worker starts, naming the field."""
    data = paired_job(tmp_path, tiny_bert)
    data["model"]["target_tokenizer"] = str(tiny_bert)
    job = validate_job(data, Path("."))
    with pytest.raises(ConfigError, match=r"model.target_tokenizer: .*tiny-bert.* has no end-of-text token"):
        tokenize_job(job, build_tasks(job))


def test_a_mixed_batch_gives_each_task_what_a_batch_of_its_own_rows_does(tmp_path):
    """Sources and targets of three tasks padded to one batch (the targets with any id, which the
    causal decoder never reads at a real position): each task's loss is its own batch's."""
    training = Training.build(validate_job(t5_job(tmp_path), Path(".")))
    parts = {
        task: training.collators[task](select_rows(training.data[task]["train"], indices))
        for task, indices in training.sampler.next().items()
    }
    widths = {part["target_ids"].shape[1] for part in parts.values()}
    assert len(widths) > 1, "the tasks' targets differ in length"
    mixed = mix(parts, training.tasks, training.pad_token_id, torch.device("cpu"))
    outputs = training.model(mixed)
    for name, task in training.tasks.items():
        alone, count = task.loss_sum(training.model({name: parts[name]})[name], parts[name])
        loss, same_count = task.loss_sum(outputs[name], mixed[name])
        assert count == same_count and torch.allclose(loss, alone, rtol=1e-5), name


def test_a_new_decoder_s_model_is_logged_with_its_vocabulary_and_generates_the_same(tmp_path, tiny_bert):
    """What the logged pyfunc loads (the job, the weights, the backbone's directory with the
    encoder-decoder config and the target tokenizer) generates what the trained model does."""
    job = validate_job(paired_job(tmp_path, tiny_bert), Path("."))
    tasks = build_tasks(job)
    torch.manual_seed(0)
    model = build_model(job, tasks)
    (tmp_path / "job.yaml").write_text(job_to_yaml(job))
    torch.save(model.state_dict(), tmp_path / "model.pt")
    backbone = save_backbone_files(job, tmp_path / "backbone")
    assert (backbone / TARGET_TOKENIZER_DIR / "tokenizer.json").exists()
    loaded = Predictor.load(tmp_path / "job.yaml", tmp_path / "model.pt", backbone)
    texts = ["A man rides a bike.", "Two dogs play in the snow."]
    expected = Predictor(job, model, tasks, load_tokenizer(job.model)).predict(texts, [None, None])
    assert all(isinstance(text, str) for text in expected["en_de"])
    assert loaded.predict(texts, [None, None]) == expected


def test_two_workers_train_a_t5_as_one_does_resume_exactly_and_the_logged_model_generates(ray_session, tmp_path):
    """A tiny T5 on two directions and SST-2 cast to text, mixed batches: 2 DDP workers trained
    for 2 steps and resumed to 4 end where one process's 4 straight steps of the same loop do
    (rel. diff <= 1e-5); MLflow has each task's BLEU, the predictions table and a model that
    generates text."""
    job = t5_job(tmp_path)
    job["trainer"]["scheduler"] = "constant"  # the 2-step run's schedule is then the first half of the 4-step one's
    first = copy.deepcopy(job)
    first["trainer"]["max_steps"] = 2
    part = run(first)
    resumed = run(job, resume=True)
    assert resumed.run_id == part.run_id and resumed.metrics["step"] == 4
    one_worker = copy.deepcopy(job)
    one_worker["scaling"]["num_workers"] = 1
    one = Training.build(validate_job(one_worker, Path(".")))
    initial = {k: v.clone() for k, v in one.model.state_dict().items()}
    for step in range(1, 5):
        one.train_step(one.model, torch.device("cpu"), step)
    assert relative_difference(final_parameters(resumed), one.model.state_dict()) <= 1e-5
    assert relative_difference(one.model.state_dict(), initial) > 1e-3, "while training moved them further"
    client = MlflowClient(resumed.tracking_uri)
    logged = client.get_run(resumed.run_id).data
    assert logged.tags["mtl.backbone"] == "t5 from a config"
    metrics = logged.metrics
    assert all(0 <= metrics[f"dev/{task}/bleu"] <= 1 for task in ("en_de", "en_fr", "sst2"))
    tables = {a.path for a in client.list_artifacts(resumed.run_id, "predictions")}
    assert "predictions/dev_en_de.json" in tables
    mlflow.set_tracking_uri(resumed.tracking_uri)
    model = mlflow.pyfunc.load_model(model_uri(client, resumed.run_id))
    answers = model.predict(pd.DataFrame({"text": ["A man is riding a bike.", "a great film"]}))
    assert list(answers.columns) == ["en_de", "en_fr", "sst2"]
    assert all(isinstance(text, str) for column in answers for text in answers[column])


def test_a_pretrained_encoder_with_a_new_decoder_trains_sharded_as_one_process_does(tmp_path, tiny_bert):
    """2 gloo workers under FSDP2 end where one unsharded process does (rel. diff <= 1e-5) and
    resume from their shards exactly. The decoder's embeddings are tied to its output layer, so
    they stay in the root unit rather than a block of their own."""
    job_dict = paired_job(tmp_path, tiny_bert)
    job_dict["scaling"] = {"num_workers": WORLD, "strategy": "fsdp"}
    job = validate_job(job_dict, Path("."))
    tokenize_job(job, build_tasks(job))  # once, before the workers read the cache
    blocks = {type(b).__name__ for b in transformer_blocks(build_model(job, build_tasks(job)))}
    assert blocks == {"BertLayer", "BertEmbeddings"}, "the encoder's embeddings are a block; the decoder's are not"
    run_workers(job_dict, tmp_path)
    expected, _, _ = one_process(job_dict)
    straight = checkpoint.read_model(tmp_path / "straight")
    assert relative_difference(straight, expected) <= 1e-5
    assert relative_difference(checkpoint.read_model(tmp_path / "resumed"), straight) == 0.0
