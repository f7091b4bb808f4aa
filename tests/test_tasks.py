"""Heads, losses and metrics of each task type against hand-computed values."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch

from mtl_platform.config import ModelConfig, TaskConfig
from mtl_platform.config.task import TASK_TYPE_RULES
from mtl_platform.data.sources import label_encoder
from mtl_platform.tasks import TASK_TYPES, build_task
from mtl_platform.tasks.base import pool
from mtl_platform.tasks.token_classification import IGNORE
from mtl_platform.tasks.tokenizers import load_tokenizer
from mtl_platform.train.step import global_mean

MODEL = ModelConfig(head_dropout=0.0, max_length=16)
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DATA = {"format": "hf", "hf_name": "unused"}


def make(type_: str, labels=None):
    return build_task(TaskConfig(name="t", type=type_, data=DATA, labels=labels), MODEL)


def test_mean_pooling_ignores_padding():
    features = torch.tensor([[[1.0, 2.0], [3.0, 4.0], [100.0, 100.0]]])
    mask = torch.tensor([[1, 1, 0]])
    assert pool(features, mask, "mean").tolist() == [[2.0, 3.0]]
    assert pool(features, mask, "cls").tolist() == [[1.0, 2.0]]


def test_classification_loss_and_metrics():
    task = make("classification", ["neg", "pos"])
    logits = torch.tensor([[0.0, 0.0], [2.0, 0.0]])
    labels = torch.tensor([1, 0])
    loss, n = task.loss_sum(logits, {"labels": labels})
    # -log(1/2) + -log(e^2 / (e^2 + 1))
    assert loss.item() == pytest.approx(math.log(2) + math.log(1 + math.exp(-2)), rel=1e-6)
    assert n.item() == 2
    assert task.predict(logits, {"labels": labels}) == ([0, 0], [1, 0])
    # targets [0,0,1,1], predictions [0,1,1,1]: accuracy 3/4; F1 class0 = 2/3, class1 = 4/5
    scores = task.metrics([0, 1, 1, 1], [0, 0, 1, 1])
    assert set(scores) == set(task.metric_names)
    assert scores["accuracy"] == pytest.approx(0.75)
    assert scores["macro_f1"] == pytest.approx((2 / 3 + 4 / 5) / 2)
    # MCC = (TP TN - FP FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = (2 - 0) / sqrt(3 * 2 * 2 * 1)
    assert scores["mcc"] == pytest.approx(2 / math.sqrt(12))
    # The second label, pos: precision 2/3, recall 2/2, F1 = 2 * (2/3) / (2/3 + 1) = 4/5
    assert scores["f1_positive"] == pytest.approx(4 / 5)
    multiclass = make("classification", ["a", "b", "c"])
    assert "f1_positive" not in multiclass.metrics([0, 1, 2], [0, 1, 1])
    assert "f1_positive" not in type(multiclass).reported(multiclass.config)


def test_metrics_agree_with_scikit_learn_on_fixed_predictions():
    from sklearn.metrics import f1_score, matthews_corrcoef

    targets, predictions = [0, 1, 1, 0, 1, 1, 0, 0, 1, 0], [0, 1, 0, 0, 1, 1, 1, 0, 1, 1]
    scores = make("classification", ["neg", "pos"]).metrics(predictions, targets)
    assert scores["mcc"] == pytest.approx(matthews_corrcoef(targets, predictions))
    assert scores["f1_positive"] == pytest.approx(f1_score(targets, predictions))
    targets, predictions = [0, 1, 2, 2, 1, 0, 2], [0, 2, 2, 2, 1, 1, 0]
    scores = make("classification", ["a", "b", "c"]).metrics(predictions, targets)
    assert scores["mcc"] == pytest.approx(matthews_corrcoef(targets, predictions))


def test_class_weights_weigh_the_loss_and_balanced_follows_the_train_labels():
    config = TaskConfig(name="t", type="classification", data=DATA, labels=["neg", "pos"], class_weights="balanced")
    task = build_task(config, MODEL)
    task.prepare({"labels": [0, 0, 0, 1]}, torch.nn.Identity())
    # balanced: n_rows / (n_labels * rows of the label) = 4 / (2 * 3) and 4 / (2 * 1)
    assert task.class_weight.tolist() == pytest.approx([2 / 3, 2.0])
    assert task.logged_params() == {"tasks.t.class_weight": "[0.6667, 2.0]"}
    logits, labels = torch.tensor([[0.0, 0.0], [2.0, 0.0]]), torch.tensor([1, 0])
    loss, weight = task.loss_sum(logits, {"labels": labels})
    # w_pos * -log(1/2) + w_neg * -log(e^2 / (e^2 + 1)), normalized by w_pos + w_neg as cross_entropy's mean is
    assert loss.item() == pytest.approx(2.0 * math.log(2) + 2 / 3 * math.log(1 + math.exp(-2)), rel=1e-6)
    assert weight.item() == pytest.approx(2.0 + 2 / 3)
    expected = torch.nn.functional.cross_entropy(logits, labels, weight=torch.tensor([2 / 3, 2.0]))
    assert (loss / weight).item() == pytest.approx(expected.item(), rel=1e-6)
    with pytest.raises(ValueError, match=r"class_weights: \[1.0\] must be 2 positive numbers, one per label"):
        TaskConfig(name="t", type="classification", data=DATA, labels=["neg", "pos"], class_weights=[1.0])
    with pytest.raises(ValueError, match="class_weights is for classification tasks; this one is regression"):
        TaskConfig(name="t", type="regression", data=DATA, class_weights="balanced")
    with pytest.raises(ValueError, match="main_metric f1_positive is the F1 of the second label of a binary task"):
        TaskConfig(name="t", type="classification", data=DATA, labels=["a", "b", "c"], main_metric="f1_positive")


def test_classification_head_shape():
    head = make("classification", ["a", "b", "c"]).build_head(8)
    assert head(torch.randn(2, 5, 8), torch.ones(2, 5)).shape == (2, 3)


def test_regression_loss_and_metrics():
    task = make("regression")
    loss, n = task.loss_sum(torch.tensor([[1.0], [3.0]]), {"labels": torch.tensor([2.0, 5.0])})
    assert loss.item() == pytest.approx(1.0 + 4.0) and n.item() == 2
    # predictions 1,2,3 vs targets 1,3,2: Pearson = 0.5; ranks equal the values, so Spearman = 0.5
    scores = task.metrics([1.0, 2.0, 3.0], [1.0, 3.0, 2.0])
    assert set(scores) == set(task.metric_names)
    assert scores["pearson"] == pytest.approx(0.5)
    assert scores["spearman"] == pytest.approx(0.5)
    assert scores["mse"] == pytest.approx(2 / 3)


def test_token_labels_align_to_first_subtoken():
    tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    task = build_task(
        TaskConfig(name="ner", type="token_classification", data=DATA, labels=tags), ModelConfig(max_length=16)
    )
    tokenizer = load_tokenizer(ModelConfig())
    encoded = task.encode({"tokens": [["Kasparov", "visited", "Reykjavik"]], "tags": [[1, 0, 3]]}, tokenizer)
    pieces = tokenizer.convert_ids_to_tokens(encoded["input_ids"][0])
    labels = encoded["labels"][0]
    assert pieces[0] == "[CLS]" and labels[0] == IGNORE and labels[-1] == IGNORE
    kept = [(piece, label) for piece, label in zip(pieces, labels) if label != IGNORE]
    assert [label for _, label in kept] == [1, 0, 3]
    assert [p for p, _ in kept] == ["ka", "visited", "reykjavik"]  # first word pieces
    assert len(pieces) > 5  # "Kasparov" splits into several pieces; only the first is labelled


def test_token_loss_counts_only_labelled_tokens_and_entity_f1():
    tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    task = make("token_classification", tags)
    logits = torch.zeros(1, 3, 5)
    logits[0, 0, 1] = 10.0  # B-PER
    labels = torch.tensor([[1, IGNORE, 0]])
    loss, n = task.loss_sum(logits, {"labels": labels})
    assert n.item() == 2
    expected = -math.log(math.exp(10) / (math.exp(10) + 4)) + math.log(5)
    assert loss.item() == pytest.approx(expected, rel=1e-5)
    assert task.predict(logits, {"labels": labels}) == ([["B-PER", "O"]], [["B-PER", "O"]])
    # gold: PER, LOC; predicted: PER, and a LOC with the wrong span -> P = 1/2, R = 1/2
    gold = [["B-PER", "I-PER", "O", "B-LOC", "I-LOC"]]
    pred = [["B-PER", "I-PER", "O", "B-LOC", "O"]]
    scores = task.metrics(pred, gold)
    assert set(scores) == set(task.metric_names)
    assert scores["f1"] == pytest.approx(0.5) and scores["precision"] == pytest.approx(0.5)
    assert scores["token_accuracy"] == pytest.approx(4 / 5)


def test_global_mean_on_one_process_is_the_plain_mean():
    loss, value = global_mean(torch.tensor(6.0, requires_grad=True), torch.tensor(4.0), world_size=1)
    assert loss.item() == pytest.approx(1.5) and value == pytest.approx(1.5)


@pytest.mark.parametrize(
    "type_, labels, output, targets",
    [
        ("classification", ["neg", "pos"], [[0.0, 0.0], [2.0, 0.0], [float("nan")] * 2], [1, 0, 0]),
        ("regression", None, [[1.0], [3.0], [float("nan")]], [2.0, 5.0, 0.0]),
        ("multilabel", ["a", "b"], [[0.0, 0.0], [2.0, -1.0], [float("nan")] * 2], [[1.0, 0.0], [0.0, 0.0], [0.0] * 2]),
        ("token_classification", ["O", "B"], [[[0.0, 1.0]], [[2.0, 0.0]], [[float("nan")] * 2]], [[1], [0], [0]]),
    ],
)
def test_rows_without_the_tasks_label_add_no_loss_gradient_or_prediction(type_, labels, output, targets):
    """The third row belongs to another task (label_mask 0); even a NaN output there changes nothing."""
    task = make(type_, labels)
    full = torch.tensor(output, requires_grad=True)
    masked = {"labels": torch.tensor(targets), "label_mask": torch.tensor([1, 1, 0])}
    loss, n = task.loss_sum(full, masked)
    loss.backward()
    first_two = full.detach()[:2].clone().requires_grad_()
    expected, expected_n = task.loss_sum(first_two, {"labels": torch.tensor(targets)[:2]})
    expected.backward()
    assert loss.item() == pytest.approx(expected.item()) and n.item() == expected_n.item()
    assert torch.equal(full.grad[2], torch.zeros_like(full.grad[2])), "no gradient through another task's row"
    assert torch.allclose(full.grad[:2], first_two.grad)
    assert task.predict(full.detach(), masked) == task.predict(
        first_two.detach(), {"labels": torch.tensor(targets)[:2]}
    )
    nothing = {"labels": torch.tensor(targets), "label_mask": torch.zeros(3, dtype=torch.long)}
    zero, zero_n = task.loss_sum(full, nothing)
    assert zero.item() == 0 and zero_n.item() == 0


def test_multilabel_loss_and_metrics():
    task = make("multilabel", ["PER", "LOC", "ORG"])
    logits = torch.tensor([[2.0, -2.0, 0.0]])
    labels = torch.tensor([[1.0, 0.0, 1.0]])
    loss, n = task.loss_sum(logits, {"labels": labels})
    # BCE: -log sigmoid(2) - log(1 - sigmoid(-2)) - log sigmoid(0) = 2 log(1 + e^-2) + log 2, over 3 labels
    assert loss.item() == pytest.approx(2 * math.log(1 + math.exp(-2)) + math.log(2), rel=1e-6)
    assert n.item() == 3
    assert task.predict(logits, {"labels": labels}) == ([[0]], [[0, 2]])  # sigmoid(0) = 0.5 is not above it
    # rows: true {0,2} vs predicted {0}; true {1} vs predicted {1,2}
    scores = task.metrics([[0], [1, 2]], [[0, 2], [1]])
    # micro: tp 2, fp 1, fn 1 -> 2/3; per label F1: PER 1, LOC 1, ORG 0 -> macro 2/3; no exact row
    assert scores == pytest.approx({"micro_f1": 2 / 3, "macro_f1": 2 / 3, "exact_match": 0.0})
    details = task.details([[0], [1, 2]], [[0, 2], [1]])
    assert details["confusion"] == [[1, 0, 0], [0, 1, 1], [1, 0, 0]]
    assert task.readable([0, 2]) == ["PER", "ORG"]


def test_every_task_type_has_its_rules_and_its_module():
    assert set(TASK_TYPE_RULES) == set(TASK_TYPES)
    for name, rules in TASK_TYPE_RULES.items():  # a main metric is one the type reports
        assert set(rules.main_metrics) <= set(TASK_TYPES[name].metric_names), name


def test_main_metric_is_chosen_per_task_among_its_type_metrics():
    task = TaskConfig(name="t", type="classification", data=DATA, labels=["a", "b"], main_metric="mcc")
    assert build_task(task, MODEL).main_metric == "mcc"
    assert make("classification", ["a", "b"]).main_metric == "accuracy"
    with pytest.raises(ValueError, match=r"main_metric 'mse' is not one a regression task can use; allowed: "):
        TaskConfig(name="t", type="regression", data=DATA, main_metric="mse")  # lower is better: not in dev/mean


@pytest.mark.parametrize(
    ("type_", "raw", "encoded"),
    [
        ("classification", " pos ", 1),
        ("token_classification", "B-PER", 1),
        ("regression", "3.5", 3.5),
        ("multilabel", "neg,pos", [1.0, 1.0]),
        ("multilabel", "[]", [0.0, 0.0]),
    ],
)
def test_each_type_encodes_its_labels(type_, raw, encoded):
    labels = {"classification": ["neg", "pos"], "token_classification": ["O", "B-PER"], "multilabel": ["neg", "pos"]}
    config = TaskConfig(name="t", type=type_, data=DATA, labels=labels.get(type_))
    assert label_encoder(config)(raw, "line 1") == encoded
    assert label_encoder(config)("", "line 1") is None  # a missing label leaves the row out


def test_an_option_of_another_type_is_refused():
    with pytest.raises(ValueError, match="normalize_targets is for regression tasks; this one is classification"):
        TaskConfig(name="t", type="classification", data=DATA, labels=["a"], normalize_targets=True)


@pytest.mark.parametrize("cut", ["end", "start", "middle"])
def test_truncation_cuts_a_long_text_where_the_task_says(cut):
    """An AG News description of the shipped sample, cut to 16 tokens: its start kept, its end
    kept, or (middle) the first quarter of the room and the rest from the end."""
    text = (DATA_DIR / "ag_news" / "test.csv").read_text().splitlines()[0].split('","')[2].rstrip('"')
    tokenizer = load_tokenizer(MODEL)
    full = tokenizer([text])["input_ids"][0]  # [CLS] w_1 ... w_n [SEP]
    words = full[1:-1]
    config = TaskConfig(name="t", type="classification", data=DATA, labels=["a", "b"], truncation=cut)
    encoded = build_task(config, MODEL).encode({"text": [text], "text_pair": [None], "label": [0]}, tokenizer)
    room = 16 - 2
    kept = {"end": words[:room], "start": words[-room:], "middle": words[: room // 4] + words[-(room - room // 4) :]}
    assert encoded["input_ids"][0] == [full[0], *kept[cut], full[-1]]
    assert encoded["attention_mask"][0] == [1] * 16
    assert tokenizer.truncation_side == "right"  # the shared tokenizer is left as it was
    if cut == "middle":
        pair = {"format": "tsv", "train": __file__, "text_column": "a", "text_pair_column": "b", "label_column": "c"}
        with pytest.raises(ValueError, match="truncation: middle is for single texts"):
            TaskConfig(name="t", type="classification", data=pair, labels=["a", "b"], truncation=cut)
