"""Every loader on the shipped samples, and on the full files in ../shared/data (marked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtl_platform.config import ConfigError, TaskConfig
from tests.conftest import (
    CONLL_TAGS,
    DATA,
    conll_task,
    entity_types_task,
    read_split,
    shared_data,
    sst2_task,
    stsb_task,
)

AG_NEWS = {
    "format": "csv",
    "header": False,
    "columns": ["label", "title", "description"],
    "text_column": "title",
    "text_pair_column": "description",
    "label_column": "label",
}
AG_LABELS = {
    "labels": ["World", "Sports", "Business", "Sci/Tech"],
    "label_map": {"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"},
}


def task(name: str, type_: str, data: dict, **extra) -> TaskConfig:
    return TaskConfig.model_validate({"name": name, "type": type_, "data": data, **extra})


def sst2(root) -> TaskConfig:
    return TaskConfig.model_validate(sst2_task(root))


def stsb(root) -> TaskConfig:
    return TaskConfig.model_validate(stsb_task(root))


def conll(root, dev="valid.txt") -> TaskConfig:
    return TaskConfig.model_validate(conll_task(root, dev))


def test_multilabel_jsonl_lists_become_multi_hot_rows():
    rows = read_split(TaskConfig.model_validate(entity_types_task(DATA / "conll2003_types")), "dev")
    assert len(rows) == 500
    assert rows[0]["label"] == [0.0, 1.0, 0.0, 0.0]  # ["ORG"]
    assert rows[2]["label"] == [1.0, 1.0, 0.0, 1.0]  # ["PER", "ORG", "MISC"]
    assert sum(1 for r in rows if not any(r["label"])) > 0, "a sentence without entities is labelled: none"


def test_empty_labels_leave_rows_out_and_multilabel_cells_split(tmp_path):
    (tmp_path / "train.tsv").write_text(
        "text\tsentiment\ttopics\n"
        "great match\tpos\tsports|fun\n"
        "rates rise\t\tbusiness\n"  # no sentiment label: not a sentiment example
        "sad news\tneg\t[]\n"  # no topic at all: labelled, with none
        "just text\t\t\n"
    )
    data = {"format": "tsv", "train": str(tmp_path / "train.tsv"), "text_column": "text"}
    sentiment = task("sentiment", "classification", {**data, "label_column": "sentiment"}, labels=["neg", "pos"])
    topics = task(
        "topics",
        "multilabel",
        {**data, "label_column": "topics", "label_separator": "|"},
        labels=["sports", "business", "fun"],
    )
    assert [(r["text"], r["label"]) for r in read_split(sentiment, "train")] == [("great match", 1), ("sad news", 0)]
    assert [(r["text"], r["label"]) for r in read_split(topics, "train")] == [
        ("great match", [1.0, 0.0, 1.0]),
        ("rates rise", [0.0, 1.0, 0.0]),
        ("sad news", [0.0, 0.0, 0.0]),
    ]


def test_tsv_single_text():
    rows = read_split(sst2(DATA / "sst2"), "train")
    assert len(rows) == 4000
    assert set(rows[0]) == {"text", "text_pair", "label"} and rows[0]["text_pair"] is None
    assert {r["label"] for r in rows} == {0, 1}
    dev = read_split(sst2(DATA / "sst2"), "dev")
    assert dev[0] == {"text": "it 's a charming and often affecting journey . ", "text_pair": None, "label": 1}


def test_tsv_pair_regression():
    dev = read_split(stsb(DATA / "stsb"), "dev")
    assert len(dev) == 500
    assert dev[0] == {
        "text": "A man with a hard hat is dancing.",
        "text_pair": "A man wearing a hard hat is dancing.",
        "label": 5.0,
    }


def test_conll_skips_docstart_and_maps_tags():
    dev = read_split(conll(DATA / "conll2003"), "dev")
    assert len(dev) == 500
    assert dev[0]["tokens"][:2] == ["CRICKET", "-"]
    assert all(len(r["tokens"]) == len(r["tags"]) for r in dev)
    assert "-DOCSTART-" not in {t for r in dev for t in r["tokens"]}


def test_csv_without_header_and_label_map():
    rows = read_split(
        task("ag", "classification", {**AG_NEWS, "train": str(DATA / "ag_news/test.csv")}, **AG_LABELS), "train"
    )
    assert len(rows) == 1000
    assert rows[0]["text"] == "Fears for T N pension after talks" and rows[0]["label"] == 2  # "3" -> Business
    assert rows[0]["text_pair"].startswith("Unions representing workers")


def test_jsonl_and_caps(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(json.dumps({"q": f"text {i}", "y": i % 3}) for i in range(10)) + "\n")
    config = task(
        "j",
        "classification",
        {"format": "jsonl", "train": str(path), "text_column": "q", "label_column": "y"},
        labels=["0", "1", "2"],
        max_train_examples=4,
    )
    rows = read_split(config, "train")
    assert [r["label"] for r in rows] == [0, 1, 2, 0]
    assert read_split(config, "dev") is None


def test_hf_datasets_path_on_a_local_dataset_directory(tmp_path):
    """The hub path (datasets.load_dataset) on a local directory, with ClassLabel-free string tags."""
    directory = tmp_path / "ner_dataset"
    directory.mkdir()
    rows = [{"tokens": ["Peter", "lives", "in", "Paris"], "ner_tags": ["B-PER", "O", "O", "B-LOC"]}] * 3
    for split in ("train", "validation"):
        (directory / f"{split}.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    config = task("hfner", "token_classification", {"format": "hf", "hf_name": str(directory)}, labels=CONLL_TAGS)
    train = read_split(config, "train")
    assert train[0] == {"tokens": ["Peter", "lives", "in", "Paris"], "tags": [1, 0, 0, 5]}
    assert len(read_split(config, "dev")) == 3
    assert read_split(config, "test") is None


@pytest.mark.full_data
def test_full_sst2_and_stsb():
    root = shared_data()
    assert len(read_split(sst2(root / "SST-2"), "train")) == 67349
    assert len(read_split(sst2(root / "SST-2"), "dev")) == 872
    rows = read_split(stsb(root / "STS-B"), "train")
    assert len(rows) == 5749 and all(0.0 <= r["label"] <= 5.0 for r in rows)


@pytest.mark.full_data
def test_full_conll():
    root = shared_data() / "conll2003"
    counts = {
        split: len(read_split(conll(root, dev=f), "dev"))
        for split, f in [("train", "train.txt"), ("valid", "valid.txt"), ("test", "test.txt")]
    }
    assert counts == {"train": 14041, "valid": 3250, "test": 3453}


@pytest.mark.full_data
def test_full_ag_news():
    root = shared_data() / "ag_news"
    rows = read_split(task("ag", "classification", {**AG_NEWS, "train": str(root / "test.csv")}, **AG_LABELS), "train")
    assert len(rows) == 7600 and sorted({r["label"] for r in rows}) == [0, 1, 2, 3]
    alps = task(
        "ag",
        "classification",
        {
            "format": "tsv",
            "header": False,
            "columns": ["text", "label"],
            "train": str(root / "alps_agnews/dev.tsv"),
            "text_column": "text",
            "label_column": "label",
        },
        labels=AG_LABELS["labels"],
    )
    assert len(read_split(alps, "train")) == 10001


@pytest.mark.parametrize(
    ("suffix", "content"),
    [
        ("tsv", "\ufeffsentence\tlabel\ngood\t1\n"),
        ("csv", "\ufeffsentence,label\ngood,1\n"),
        ("jsonl", '\ufeff{"sentence": "good", "label": "1"}\n'),
    ],
)
def test_a_byte_order_mark_is_skipped(tmp_path, suffix, content):
    path = tmp_path / f"train.{suffix}"
    path.write_text(content, encoding="utf-8")  # the BOM as Excel and Notepad write it
    data = {"format": suffix, "train": str(path), "text_column": "sentence", "label_column": "label"}
    assert read_split(task("sst2", "classification", data, labels=["0", "1"]), "train") == [
        {"text": "good", "text_pair": None, "label": 1}
    ]


def test_a_file_in_another_encoding_is_named_with_its_line_and_read_with_encoding(tmp_path):
    path = tmp_path / "train.tsv"
    path.write_bytes("sentence\tlabel\ngood\t1\nna\u00efve\t0\n".encode("latin-1"))
    data = {"format": "tsv", "train": str(path), "text_column": "sentence", "label_column": "label"}
    with pytest.raises(ConfigError, match=r"tasks.t.data.encoding: train.tsv line 3: not utf-8 .*set data.encoding"):
        read_split(task("t", "classification", data, labels=["0", "1"]), "train")
    rows = read_split(task("t", "classification", {**data, "encoding": "latin-1"}, labels=["0", "1"]), "train")
    assert [r["text"] for r in rows] == ["good", "na\u00efve"]
    utf16 = tmp_path / "utf16.tsv"
    utf16.write_text("sentence\tlabel\nna\u00efve\t0\n", encoding="utf-16")
    rows = read_split(
        task("t", "classification", {**data, "train": str(utf16), "encoding": "utf-16"}, labels=["0"]), "train"
    )
    assert [r["text"] for r in rows] == ["na\u00efve"]
    with pytest.raises(ValueError, match="unknown encoding 'utf-9'"):
        task("t", "classification", {**data, "encoding": "utf-9"}, labels=["0", "1"])


def test_a_missing_column_suggests_the_closest_name(tmp_path):
    path = tmp_path / "train.tsv"
    path.write_text("Quality\tsentence\n1\tgood\n")
    data = {"format": "tsv", "train": str(path), "text_column": "sentence", "label_column": "quality"}
    with pytest.raises(
        ConfigError, match=r"no column 'quality'; columns are \['Quality', 'sentence'\]; did you mean 'Quality'\?"
    ):
        read_split(task("t", "classification", data, labels=["0", "1"]), "train")


LINES = Path(__file__).parent / "data" / "ag_news_lines"


def lines_task(**data) -> TaskConfig:
    files = {
        "format": "lines",
        "train": str(LINES / "train_text.txt"),
        "dev": str(LINES / "val_text.txt"),
        "label_files": {"train": str(LINES / "train_labels.txt"), "dev": str(LINES / "val_labels.txt")},
    }
    return task("agnews", "classification", {**files, **data}, labels_file=str(LINES / "mapping.txt"))


def test_lines_format_reads_line_aligned_text_and_label_files_with_a_mapping_file():
    config = lines_task()
    assert config.labels == ["World", "Sports", "Business", "Sci/Tech"]
    assert config.label_map == {"0": "World", "1": "Sports", "2": "Business", "3": "Sci/Tech"}
    train = read_split(config, "train")
    assert len(train) == 30
    assert train[0] == {"text": "Fears for T N pension after talks", "text_pair": None, "label": 2}  # Business
    assert [row["label"] for row in read_split(config, "dev")][:3] == [1, 1, 0]


def test_lines_format_names_both_files_when_their_line_counts_differ(tmp_path):
    short = tmp_path / "labels.txt"
    short.write_text("".join((LINES / "train_labels.txt").read_text().splitlines(keepends=True)[:29]))
    config = lines_task(label_files={"train": str(short), "dev": str(LINES / "val_labels.txt")})
    with pytest.raises(
        ConfigError,
        match=r"tasks.agnews.data.label_files.train: the files must be line-aligned, but train_text.txt has 30, "
        r"labels.txt has 29 lines",
    ):
        read_split(config, "train")
    with pytest.raises(ValueError, match=r"format 'lines' needs label_files for \['dev'\]"):
        lines_task(label_files={"train": str(LINES / "train_labels.txt")})
    names = tmp_path / "names.txt"
    names.write_text("World\nSports\nBusiness\nSci/Tech\n")  # names only: the label files hold names then
    assert task("t", "classification", {"format": "hf", "hf_name": "x"}, labels_file=str(names)).labels == [
        "World",
        "Sports",
        "Business",
        "Sci/Tech",
    ]
    with pytest.raises(ValueError, match="labels_file: file not found"):
        task("t", "classification", {"format": "hf", "hf_name": "x"}, labels_file=str(tmp_path / "none.txt"))


def test_parquet_arrow_and_a_saved_dataset_directory_read_like_tables(tmp_path):
    """The SST-2 sample's first rows as parquet, as an Arrow file and as a DatasetDict saved with
    save_to_disk (format hf): the same rows as from its tsv."""
    import datasets

    config = sst2(DATA / "sst2")
    expected = read_split(config, "train")[:20]
    lines = (DATA / "sst2" / "train.tsv").read_text().splitlines()[1:21]
    table = datasets.Dataset.from_dict(
        {"sentence": [line.split("\t")[0] for line in lines], "label": [line.split("\t")[1] for line in lines]}
    )
    table.to_parquet(str(tmp_path / "train.parquet"))
    table.save_to_disk(str(tmp_path / "saved_table"))
    [arrow] = (tmp_path / "saved_table").glob("*.arrow")
    columns = {"text_column": "sentence", "label_column": "label"}
    for fmt, path in (("parquet", tmp_path / "train.parquet"), ("arrow", arrow)):
        data = {"format": fmt, "train": str(path), **columns}
        assert read_split(task("sst2", "classification", data, labels=["0", "1"]), "train") == expected, fmt
    datasets.DatasetDict({"train": table, "validation": table.select(range(5))}).save_to_disk(str(tmp_path / "dd"))
    hf = task("sst2", "classification", {"format": "hf", "hf_name": str(tmp_path / "dd"), **columns}, labels=["0", "1"])
    assert read_split(hf, "train") == expected and len(read_split(hf, "dev")) == 5
    assert read_split(hf, "test") is None
    (tmp_path / "bad.parquet").write_text("sentence\tlabel\n")
    with pytest.raises(ConfigError, match=r"tasks.sst2.data: bad.parquet is not a readable parquet file"):
        read_split(
            task(
                "sst2",
                "classification",
                {"format": "parquet", "train": str(tmp_path / "bad.parquet"), **columns},
                labels=["0", "1"],
            ),
            "train",
        )
