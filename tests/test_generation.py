"""Generation tasks: text to text on a decoder-only language model (tasks/generation.py)."""

from __future__ import annotations

import copy
from pathlib import Path

import mlflow
import pandas as pd
import pytest
import sacrebleu
import torch
import torch.nn.functional as F
from mlflow.tracking import MlflowClient

from mtl_platform.config import ConfigError, ModelConfig, TaskConfig, load_job, validate_job
from mtl_platform.data.vocabulary import train_vocabulary
from mtl_platform.models.multitask import build_model
from mtl_platform.preflight import check_job
from mtl_platform.serving.model import model_uri
from mtl_platform.tasks import build_tasks
from mtl_platform.tasks.generation import IGNORE, GenerationTask
from mtl_platform.tasks.tokenizers import load_tokenizer
from mtl_platform.train.loop import Training
from tests.conftest import DATA, REPO, base_job, read_split, shared_data, sst2_task
from tests.test_training import final_parameters, relative_difference, run

MULTI30K = DATA / "multi30k"
TOKENIZER = str(MULTI30K / "tokenizer")
T5 = {
    "model_type": "t5",
    "d_model": 32,
    "d_ff": 64,
    "num_layers": 1,
    "num_heads": 2,
    "d_kv": 16,
    "dropout_rate": 0.0,
}  # tests/test_seq2seq.py


def translation(name: str, language: str) -> dict:
    return {
        "name": name,
        "type": "generation",
        "data": {
            "format": "lines",
            "train": str(MULTI30K / "train.en"),
            "dev": str(MULTI30K / "val.en"),
            "label_files": {"train": str(MULTI30K / f"train.{language}"), "dev": str(MULTI30K / f"val.{language}")},
        },
        "prompt": f"English to {language}: {{text}} =",
        "max_new_tokens": 12,
        "max_train_examples": 64,
        "max_eval_examples": 8,
    }


def sentiment_as_text() -> dict:
    """SST-2 cast to text: the label's word is the target."""
    task = sst2_task(DATA / "sst2")
    del task["labels"]
    return {
        **task,
        "type": "generation",
        "verbalizer": {"0": "negative", "1": "positive"},
        "prompt": "Sentiment: {text} =",
        "main_metric": "exact_match",
        "max_new_tokens": 3,
        "max_train_examples": 64,
        "max_eval_examples": 8,
    }


def generation_job(tmp_path: Path) -> dict:
    """base_job's trainer, on two translation directions and SST-2 cast to text, mixed batches."""
    (tmp_path / "mlruns").mkdir(exist_ok=True)
    job = base_job(tmp_path)
    job["name"] = "generation"
    job["tasks"] = [translation("en_de", "de"), translation("en_fr", "fr"), sentiment_as_text()]
    job["model"] = {
        "backbone": "causal_lm",
        "architecture": {
            "model_type": "gpt2",
            **{"n_layer": 1, "n_head": 2, "n_embd": 32, "n_positions": 96},
            **{"resid_pdrop": 0.0, "embd_pdrop": 0.0, "attn_pdrop": 0.0},  # no dropout: 2 workers = 1
        },
        "tokenizer": TOKENIZER,
        "max_length": 64,
    }
    job["trainer"]["sampling"] = {"strategy": "uniform", "mixed": True}
    return job


def t5_job(tmp_path: Path) -> dict:
    """generation_job's tasks (two directions, SST-2 cast to text) on a tiny random T5."""
    job = generation_job(tmp_path)
    job["model"] = {"backbone": "seq2seq_lm", "architecture": T5, "tokenizer": TOKENIZER, "max_length": 64}
    return job


def test_the_loss_is_the_cross_entropy_of_the_target_tokens_only(tmp_path):
    """Prompt and padding add nothing: the loss equals the next-token cross-entropy summed by
    hand over each row's target tokens (and its end-of-text)."""
    job = validate_job(generation_job(tmp_path), Path("."))
    task = build_tasks(job)["en_de"]
    tokenizer = load_tokenizer(job.model)
    rows = {"text": ["English to de: A dog runs. =", "Hi ="], "label": ["Ein Hund läuft.", "Hallo"]}
    encoded = task.encode({**rows, "text_pair": [None, None]}, tokenizer)
    batch = task.collator(tokenizer)([{k: v[i] for k, v in encoded.items()} for i in range(2)])
    assert batch["input_ids"].shape[0] == 2 and (batch["labels"][1] == IGNORE).sum() > encoded["prompt_length"][1]
    logits = torch.randn(*batch["input_ids"].shape, len(tokenizer))
    loss, count = task.loss_sum(logits, batch)

    by_hand, tokens = 0.0, 0
    for row in range(2):
        prompt = encoded["prompt_length"][row]
        target = tokenizer(rows["label"][row], add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
        for offset, token in enumerate(target):
            position = prompt + offset  # where the token sits; the logits one before predict it
            by_hand += float(F.cross_entropy(logits[row, position - 1], torch.tensor(token)))
            tokens += 1
    assert count == tokens
    assert float(loss) == pytest.approx(by_hand, rel=1e-5)


def test_metrics_equal_the_reference_libraries():
    model = ModelConfig.model_validate(
        {"backbone": "causal_lm", "architecture": {"model_type": "gpt2"}, "tokenizer": TOKENIZER}
    )
    task = GenerationTask(TaskConfig.model_validate(translation("en_de", "de")), model)
    predictions = ["Ein Hund läuft im Park.", "Zwei Männer spielen Fußball", "Eine Frau"]
    references = ["Ein Hund läuft im Park.", "Zwei Männer spielen Fußball.", "Ein Mann liest"]
    scores = task.metrics(predictions, references)
    assert scores["bleu"] == pytest.approx(sacrebleu.corpus_bleu(predictions, [references]).score / 100)
    assert scores["chrf"] == pytest.approx(sacrebleu.corpus_chrf(predictions, [references]).score / 100)
    assert scores["exact_match"] == pytest.approx(1 / 3)
    # ROUGE-L F1 on whitespace tokens, by hand: 1; LCS 3 of 4 and 4 (Fußball vs Fußball.): 3/4;
    # "Eine Frau" against "Ein Mann liest": no common token, 0. Umlauts count as letters.
    assert scores["rouge_l"] == pytest.approx((1 + 0.75 + 0) / 3)


def test_a_trained_vocabulary_gives_back_raw_text_in_any_language():
    lines = (MULTI30K / "train.cs").read_text(encoding="utf-8").splitlines()[:200]
    tokenizer = train_vocabulary(lines, 400)
    assert len(tokenizer) <= 400 and tokenizer.eos_token_id is not None
    for line in lines[:20]:
        assert tokenizer.decode(tokenizer(line, add_special_tokens=False)["input_ids"]) == line


def test_rows_are_prompted_sources_and_raw_targets():
    (first,) = read_split(TaskConfig.model_validate(translation("en_de", "de")), "dev")[:1]
    english = (MULTI30K / "val.en").read_text(encoding="utf-8").splitlines()[0]
    german = (MULTI30K / "val.de").read_text(encoding="utf-8").splitlines()[0]
    assert first == {"text": f"English to de: {english} =", "text_pair": None, "label": german}
    words = {row["label"] for row in read_split(TaskConfig.model_validate(sentiment_as_text()), "dev")}
    assert words == {"negative", "positive"}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (
            lambda j: j["model"].update(backbone="transformer", architecture=None, tokenizer=None),
            r"tasks.en_de: a generation task needs model.backbone: causal_lm",
        ),
        (
            lambda j: j["tasks"].append({**sst2_task(DATA / "sst2"), "name": "sentiment"}),
            r"tasks.sentiment: a classification task needs an encoder.*verbalizer",
        ),
        (
            lambda j: j["tasks"][0].update(prompt="English: {en} ="),
            r"prompt names \['en'\]; a lines file has only \{text\}",
        ),
        (
            lambda j: j["tasks"][0].update(main_metric="accuracy"),
            r"main_metric 'accuracy' is not one a generation task can use; allowed: \['bleu', 'chrf'",
        ),
        (lambda j: j["model"].update(sharing="mmoe"), r"model.backbone causal_lm trains with model.sharing: hard"),
        (lambda j: j["tasks"][0].update(max_new_tokens=64), r"tasks.en_de.max_new_tokens \(64\) leaves no room"),
        (lambda j: j["model"].update(decoder={"model_type": "bert"}), r"decoder builds a seq2seq_lm model; this bac"),
        (lambda j: j["model"].update(target_tokenizer=TOKENIZER), r"target_tokenizer is a seq2seq_lm's decoder's"),
        (
            lambda j: j["model"].update(backbone="seq2seq_lm", architecture=None, decoder={"model_type": "bert"}),
            r"decoder needs target_tokenizer: a directory \(mtl vocabulary trains one\)",
        ),
        (
            lambda j: j["model"].update(backbone="seq2seq_lm", decoder={"model_type": "bert"}, target_tokenizer="x"),
            r"give architecture \(a whole model from a config\) or decoder",
        ),
        (
            lambda j: j["model"].update(backbone="seq2seq_lm", architecture=None, decoder={"layers": 2}),
            r"decoder needs model_type",
        ),
        (
            lambda j: (
                j["model"].update(backbone="seq2seq_lm"),
                j["tasks"].append({**sst2_task(DATA / "sst2"), "name": "sst"}),
            ),
            r"tasks.sst: a classification task needs an encoder.*on a seq2seq_lm, cast it to text",
        ),
    ],
)
def test_config_errors_at_load(tmp_path, change, error):
    job = generation_job(tmp_path)
    change(job)
    with pytest.raises(ValueError, match=error):
        validate_job(job, Path("."))


def test_read_errors_before_ray(tmp_path):
    """A prompt naming a column the file lacks, and a label the verbalizer lacks, fail as the
    job is checked, naming the field, the file and the line."""
    job = generation_job(tmp_path)
    job["tasks"][2]["prompt"] = "Sentiment: {sentense} ="
    with pytest.raises(ConfigError, match=r"tasks.sst2.prompt: train.tsv line 2: no column 'sentense'.*'sentence'"):
        check_job(validate_job(job, Path(".")), "job.yaml")
    job = generation_job(tmp_path)
    job["tasks"][2]["verbalizer"] = {"0": "negative"}
    with pytest.raises(ConfigError, match=r"tasks.sst2.verbalizer: train.tsv line \d+: label '1' has no text"):
        check_job(validate_job(job, Path(".")), "job.yaml")


def test_a_changed_prompt_or_verbalizer_reads_the_rows_again(tmp_path):
    """The raw rows are cached; a generation task's text and target are made from its prompt
    and verbalizer as they are read, so a change to either must not reuse the old rows."""
    job = generation_job(tmp_path)
    first = check_job(validate_job(job, Path(".")), "job.yaml")["sst2"]["train"][0]
    job["tasks"][2].update(prompt="Review: {text} ->", verbalizer={"0": "bad", "1": "good"})
    again = check_job(validate_job(job, Path(".")), "job.yaml")["sst2"]["train"][0]
    assert first["text"].startswith("Sentiment: ") and again["text"].startswith("Review: ")
    assert (first["label"], again["label"]) in {("negative", "bad"), ("positive", "good")}


def test_decoding_is_deterministic(tmp_path):
    job = validate_job(generation_job(tmp_path), Path("."))
    tasks = build_tasks(job)
    torch.manual_seed(0)
    model = build_model(job, tasks).eval()
    prompt = torch.tensor([[5, 6, 7], [2, 8, 9]])  # the second row left-padded (2 is <pad>)
    mask = torch.tensor([[1, 1, 1], [0, 1, 1]])
    first = model.generate("en_de", prompt, mask, max_new_tokens=6, pad_token_id=2, eos_token_id=1)
    again = model.generate("en_de", prompt, mask, max_new_tokens=6, pad_token_id=2, eos_token_id=1)
    alone = model.generate("en_de", prompt[1:, 1:], mask[1:, 1:], max_new_tokens=6, pad_token_id=2, eos_token_id=1)
    assert torch.equal(first, again)
    assert first[1, : alone.shape[1]].tolist() == alone[0].tolist(), "left padding does not change a prompt's output"


def test_two_workers_train_generation_tasks_as_one_does_and_the_logged_model_generates(ray_session, tmp_path):
    """Two translation directions and SST-2 cast to text, on mixed batches: 2 workers sharding the
    decoder with FSDP2 end where 1 unsharded worker does (rel. diff <= 1e-5), each holding half
    the parameters; MLflow has each task's BLEU, chrF, ROUGE-L and exact match, a table of
    predictions beside references, the main metrics' plot, and a logged model (consolidated from
    the shards) that answers texts with generated text. The one worker is the same loop run in
    this process (a Ray Train run of one worker would add its start-up, not another path)."""
    job = generation_job(tmp_path)
    one_worker = copy.deepcopy(job)
    job["scaling"]["strategy"] = "fsdp"
    two = run(job)
    one_worker["scaling"]["num_workers"] = 1
    one = Training.build(validate_job(one_worker, Path(".")))
    for step in range(1, job["trainer"]["max_steps"] + 1):
        one.train_step(one.model, torch.device("cpu"), step)
    assert relative_difference(final_parameters(two), one.model.state_dict()) <= 1e-5
    logged = MlflowClient(two.tracking_uri).get_run(two.run_id).data
    assert logged.params["run/strategy"] == "fsdp"
    assert abs(int(logged.params["params/local"]) / int(logged.params["params/total"]) - 0.5) < 0.01
    metrics = logged.metrics
    for task in ("en_de", "en_fr", "sst2"):
        for metric in ("bleu", "chrf", "rouge_l", "exact_match"):
            assert 0 <= metrics[f"dev/{task}/{metric}"] <= 1, (task, metric)
    tables = {a.path for a in MlflowClient(two.tracking_uri).list_artifacts(two.run_id, "predictions")}
    assert tables == {f"predictions/dev_{task}.json" for task in ("en_de", "en_fr", "sst2")}
    plots = {a.path for a in MlflowClient(two.tracking_uri).list_artifacts(two.run_id, "plots")}
    assert "plots/dev_metrics.png" in plots, "BLEU (and the other main metrics) against the step"
    mlflow.set_tracking_uri(two.tracking_uri)
    model = mlflow.pyfunc.load_model(model_uri(MlflowClient(two.tracking_uri), two.run_id))
    answers = model.predict(pd.DataFrame({"text": ["A man is riding a bike.", "a great film"]}))
    assert list(answers.columns) == ["en_de", "en_fr", "sst2"]
    assert all(isinstance(text, str) for column in answers for text in answers[column])


def test_the_translation_job_reads_the_shipped_sample(tmp_path):
    job = load_job(REPO / "jobs/translate_multi30k.yaml", [f"trainer.cache_dir={tmp_path}"])
    rows = check_job(job, "translate_multi30k.yaml")
    assert {name: (len(s["train"]), len(s["dev"])) for name, s in rows.items()} == dict.fromkeys(
        ("en_de", "en_fr", "en_cs"), (2000, 200)
    )


@pytest.mark.full_data
def test_the_full_translation_job_reads_the_full_files(tmp_path):
    shared = shared_data()
    overrides = [f"trainer.cache_dir={tmp_path}", f"model.tokenizer={TOKENIZER}"]
    for task, language in (("en_de", "de"), ("en_fr", "fr"), ("en_cs", "cs")):
        for split, name in (("train", "train"), ("dev", "val"), ("test", "test_2016_flickr")):
            overrides.append(f"tasks.{task}.data.{split}={shared}/multi30k/{name}.en")
            overrides.append(f"tasks.{task}.data.label_files.{split}={shared}/multi30k/{name}.{language}")
    rows = check_job(load_job(REPO / "jobs/translate_multi30k_full.yaml", overrides), "full")
    assert [(len(s["train"]), len(s["dev"]), len(s["test"])) for s in rows.values()] == [(29000, 1014, 1000)] * 3


LORA_TARGETS = {"gpt2": ["c_attn"], "t5": ["q", "v"]}  # each model's attention projections


def lora_generation(tmp_path: Path, lm: str) -> Training:
    """generation_job (on GPT-2, or on T5) with an adapter per task on the
    attention, each set to random values (peft starts B at zero, where every adapter would give
    the same outputs)."""
    job = generation_job(tmp_path) if lm == "gpt2" else t5_job(tmp_path)
    job["model"]["sharing"] = {"scheme": "lora", "rank": 4, "target_modules": LORA_TARGETS[lm]}
    training = Training.build(validate_job(job, Path(".")))
    torch.manual_seed(1)
    with torch.no_grad():
        for name, parameter in training.model.named_parameters():
            if "lora_B" in name:
                parameter.normal_(std=0.5)
    return training


@pytest.mark.parametrize("lm", list(LORA_TARGETS))
def test_per_task_lora_on_a_mixed_batch_routes_each_row_to_its_own_adapter(tmp_path, lm):
    """One pass over a batch of three tasks' rows (peft's adapter_names, in the encoder and the
    decoder of a T5) gives each task's loss as a batch of that task alone does, and each loss
    reaches only its own task's adapter."""
    training = lora_generation(tmp_path, lm)
    model, tasks = training.model, training.tasks
    mixed = training.next_batches(torch.device("cpu"))
    assert set(mixed) == {"en_de", "en_fr", "sst2"} and mixed["en_de"]["row_task"].unique().numel() == 3
    outputs = model(mixed)
    for name, task in tasks.items():
        own = mixed[name]["label_mask"]
        alone = {k: v[own] for k, v in mixed[name].items() if k not in ("label_mask", "row_task")}
        expected, count = task.loss_sum(model({name: alone})[name], alone)
        loss, same_count = task.loss_sum(outputs[name], mixed[name])
        assert count == same_count and torch.allclose(loss, expected, rtol=1e-5), name

        model.zero_grad()
        task.loss_sum(model(mixed)[name], mixed[name])[0].backward()
        for other in tasks:
            grads = [p.grad for p in model.encoder.task_parameters(other)]
            reached = any(g is not None and g.abs().sum() > 0 for g in grads)
            assert reached == (other == name), (name, other)


@pytest.mark.parametrize("lm", list(LORA_TARGETS))
def test_per_task_lora_decodes_each_task_with_its_own_adapter(tmp_path, lm):
    training = lora_generation(tmp_path, lm)
    model = training.model.eval()
    encoder, prompt, mask = model.encoder, torch.tensor([[5, 6, 7, 8]]), torch.ones(1, 4, dtype=torch.long)
    options = {"max_new_tokens": 6, "pad_token_id": 2, "eos_token_id": 1, "min_new_tokens": 6}
    outputs = {task: model.generate(task, prompt, mask, **options) for task in ("en_de", "en_fr")}
    assert not torch.equal(outputs["en_de"], outputs["en_fr"]), "the adapters differ, and so do their outputs"
    for task, generated in outputs.items():
        encoder.activate(task)  # the task's adapter on, by hand: Hugging Face's own greedy decoding
        by_hand = encoder.backbone.lm.generate(input_ids=prompt, attention_mask=mask, do_sample=False, **options)
        assert torch.equal(generated, by_hand[:, encoder.backbone.prefix_length(prompt) :]), task


@pytest.mark.parametrize("lm", ["gpt2", "t5"])
def test_beam_search_scores_what_hugging_face_s_beam_search_gives_each_prompt_alone(tmp_path, lm):
    """num_beams: 3 through the task's scoring (a padded batch: left for GPT-2's prompts, right
    for T5's sources) equals Hugging Face's beam search on each unpadded prompt, and differs
    from greedy decoding."""
    data = generation_job(tmp_path) if lm == "gpt2" else t5_job(tmp_path)
    data["tasks"][0]["num_beams"] = 3
    job = validate_job(data, Path("."))
    tasks, tokenizer = build_tasks(job), load_tokenizer(job.model)
    torch.manual_seed(0)
    model = build_model(job, tasks).eval()
    task = tasks["en_de"]
    texts = ["English to de: A dog runs in the park. =", "English to de: Hi ="]
    encoded = task.encode({"text": texts, "text_pair": [None, None], "label": ["Ein Hund.", "Hallo"]}, tokenizer)
    rows = [{k: v[i] for k, v in encoded.items()} for i in range(2)]
    with torch.no_grad():
        beams, _ = task.score(model, task.collator(tokenizer)(rows), rows, tokenizer)
        for row, predicted in zip(rows, beams):
            prompt = torch.tensor([row["input_ids"][: row["prompt_length"]]])
            alone = model.encoder.backbone.lm.generate(
                input_ids=prompt,
                attention_mask=torch.ones_like(prompt),
                do_sample=False,
                num_beams=3,
                max_new_tokens=task.config.max_new_tokens,
                pad_token_id=tokenizer.pad_token_id,
                eos_token_id=tokenizer.eos_token_id,
            )
            generated = alone[0, model.encoder.backbone.prefix_length(prompt) :]
            assert tokenizer.decode(generated, skip_special_tokens=True).strip() == predicted
        task.config.num_beams = 1
        greedy, _ = task.score(model, task.collator(tokenizer)(rows), rows, tokenizer)
    assert greedy != beams
