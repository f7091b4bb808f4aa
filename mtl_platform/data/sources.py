"""Read a task's raw examples from local files or Hugging Face datasets.

A new dataset in tsv/csv/jsonl/CoNLL/lines needs only YAML: the reader is picked by
`data.format`, columns and labels by name. Every reader returns the same rows:
`{"text", "text_pair", "label"}` for sentence tasks and `{"tokens", "tags"}`
for token classification, with labels already encoded by their task type
(`Task.label_encoder`: an index, a number, a multi-hot list). A row without a label for its task (an
empty cell, a null) is left out of that task: several tasks can read one file
whose rows are labelled for some of them.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mtl_platform.config import ConfigError, DataSource, JobConfig, TaskConfig
from mtl_platform.data.splits import carve_rows
from mtl_platform.tasks import TASK_TYPES
from mtl_platform.tasks.base import LabelEncoder

SPLITS = ("train", "dev", "test")
COLUMNAR = ("parquet", "arrow")  # read through `datasets`, row by row like a table
RARE_LABEL_SHARE = 0.01  # a label under this share of its task's train labels is worth a warning
Row = dict[str, Any]

csv.field_size_limit(sys.maxsize)


def _missing(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def label_encoder(task: TaskConfig) -> LabelEncoder:
    """The task type's encoder of raw labels (tasks/<type>.py); None for a missing label."""
    typed = TASK_TYPES[task.type].label_encoder(task)

    def encode(raw: Any, where: str) -> Any:
        return None if _missing(raw) else typed(raw, where)

    return encode


def _lines(path: Path, src: DataSource, task: TaskConfig) -> Iterator[str]:
    """The file's lines, decoded one by one so that a bad byte is reported at its own line (a text
    file object decodes in blocks); a UTF-8 byte-order mark (Excel, Notepad) is dropped."""
    codec = codecs.lookup(src.encoding)
    encoding = "utf-8-sig" if codec.name == "utf-8" else src.encoding
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""  # decoded text not yet ended by a newline (UTF-16's newline spans two bytes)
    with path.open("rb") as handle:
        for line_no, raw in enumerate(itertools.chain(handle, [b""]), 1):  # b"": flush the decoder
            try:
                pending += decoder.decode(raw, final=not raw)
            except UnicodeDecodeError as exc:
                raise ConfigError(
                    f"tasks.{task.name}.data.encoding: {path.name} line {line_no}: not {src.encoding} "
                    f"({exc.reason}, byte {exc.object[exc.start : exc.start + 1]!r}); set data.encoding "
                    "to the file's encoding, e.g. latin-1 or cp1252"
                ) from None
            *complete, pending = pending.split("\n")
            yield from (line + "\n" for line in complete)
    if pending:
        yield pending


def _table_rows(path: Path, src: DataSource, task: TaskConfig) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, row by column name) from a tsv, csv or jsonl file (row number: parquet, arrow)."""
    if src.format in COLUMNAR:
        yield from enumerate(_columnar(path, src, task), 1)
        return
    lines = _lines(path, src, task)
    if src.format == "jsonl":
        for line_no, line in enumerate(lines, 1):
            if line.strip():
                yield line_no, json.loads(line)
        return
    tsv = src.format == "tsv"
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE) if tsv else csv.reader(lines)
    names = src.columns
    for line_no, values in enumerate(reader, 1):
        if names is None:  # the header line
            names = values
            continue
        if not values:
            continue
        yield line_no, dict(zip(names, values))


def _columnar(path: Path, src: DataSource, task: TaskConfig) -> Any:
    """A parquet or Arrow file as a `datasets.Dataset` (Arrow: an IPC stream, as datasets writes it)."""
    import datasets

    try:
        if src.format == "arrow":
            return datasets.Dataset.from_file(str(path))
        return datasets.Dataset.from_parquet(str(path))
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid/ArrowIOError: not what it says it is
        raise ConfigError(f"tasks.{task.name}.data: {path.name} is not a readable {src.format} file ({exc})") from None


def _sentence_rows(path: Path, src: DataSource, task: TaskConfig, encode: LabelEncoder) -> list[Row]:
    text_column, label_column = src.text_column, src.label_column
    assert text_column and label_column  # DataSource requires both for a table format
    rows = []
    for line_no, record in _table_rows(path, src, task):
        where = f"{path.name} {'row' if src.format in COLUMNAR else 'line'} {line_no}"
        for field in ("text_column", "text_pair_column", "label_column"):
            column = getattr(src, field)
            if column is not None and column not in record:
                close = difflib.get_close_matches(column, [str(c) for c in record], n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ConfigError(
                    f"tasks.{task.name}.data.{field}: {where}: no column {column!r}; columns are {list(record)}{hint}"
                )
        label = encode(record[label_column], where)
        if label is not None:
            rows.append(
                {
                    "text": str(record[text_column]),
                    "text_pair": str(record[src.text_pair_column]) if src.text_pair_column else None,
                    "label": label,
                }
            )
    return rows


def _aligned_rows(path: Path, src: DataSource, task: TaskConfig, encode: LabelEncoder, split: str) -> list[Row]:
    """format lines: a text a line, its label (and second text) on the same line of other files."""
    if TASK_TYPES[task.type].token_labels:
        raise ConfigError(f"tasks.{task.name}.data.format: 'lines' holds one text a line; a tagging task reads conll")
    files = {"text": path, "label": src.label_files[split]}
    if split in src.pair_files:
        files["text_pair"] = src.pair_files[split]
    columns = {key: [line.rstrip("\r\n") for line in _lines(file, src, task)] for key, file in files.items()}
    if len({len(lines) for lines in columns.values()}) > 1:
        counts = ", ".join(f"{files[k].name} has {len(v):,}" for k, v in columns.items())
        raise ConfigError(
            f"tasks.{task.name}.data.label_files.{split}: the files must be line-aligned, but {counts} lines"
        )
    pairs = columns.get("text_pair", [None] * len(columns["text"]))
    rows = []
    for line_no, (text, pair, raw) in enumerate(zip(columns["text"], pairs, columns["label"]), 1):
        label = encode(raw, f"{files['label'].name} line {line_no}")
        if label is not None:
            rows.append({"text": text, "text_pair": pair, "label": label})
    return rows


def _conll_rows(path: Path, src: DataSource, task: TaskConfig, encode: LabelEncoder) -> list[Row]:
    rows: list[Row] = []
    tokens: list[str] = []
    tags: list[int | float] = []
    for line_no, line in enumerate(_lines(path, src, task), 1):
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            if tokens:
                rows.append({"tokens": tokens, "tags": tags})
            tokens, tags = [], []
            continue
        if len(fields) < 2:
            raise ConfigError(
                f"tasks.{task.name}.data: {path.name} line {line_no}: "
                f"{line.strip()!r} has one column; a CoNLL line needs a token and a tag"
            )
        try:
            token, tag = fields[src.token_column], fields[src.tag_column]
        except IndexError:
            raise ConfigError(
                f"tasks.{task.name}.data.tag_column: {path.name} line {line_no}: only {len(fields)} columns"
            ) from None
        tokens.append(token)
        tags.append(encode(tag, f"{path.name} line {line_no}"))
    if tokens:
        rows.append({"tokens": tokens, "tags": tags})
    return rows


def _hf_rows(split: str, task: TaskConfig, encode: LabelEncoder) -> list[Row] | None:
    """Rows from a hub dataset or a local dataset directory; None if the split is absent."""
    import datasets

    src = task.data
    name = src.hf_splits.get(split)
    if name is None:
        return None
    saved = Path(src.hf_name or "")  # hf_name is required for format hf
    if (saved / "dataset_dict.json").is_file():  # a DatasetDict written by save_to_disk
        splits = datasets.load_from_disk(str(saved))
        if name not in splits:
            return None
        dataset = splits[name]
    else:
        try:
            dataset = datasets.load_dataset(src.hf_name, src.hf_config, split=name)
        except ValueError as exc:
            if "Unknown split" in str(exc) or "split" in str(exc).lower():
                return None
            raise

    def label_name(feature: Any, value: Any) -> Any:
        return feature.int2str(value) if isinstance(value, int) and hasattr(feature, "int2str") else value

    where = f"{src.hf_name}[{name}]"
    if TASK_TYPES[task.type].token_labels:
        feature = dataset.features[src.tags_column].feature
        return [
            {
                "tokens": list(row[src.tokens_column]),
                "tags": [encode(label_name(feature, t), f"{where} row {i}") for t in row[src.tags_column]],
            }
            for i, row in enumerate(dataset)
        ]
    feature = dataset.features[src.label_column]
    feature = getattr(feature, "feature", feature)  # a multilabel column: a Sequence of ClassLabel

    def raw_label(value: Any) -> Any:
        return [label_name(feature, v) for v in value] if isinstance(value, list) else label_name(feature, value)

    rows = (
        {
            "text": row[src.text_column],
            "text_pair": row[src.text_pair_column] if src.text_pair_column else None,
            "label": encode(raw_label(row[src.label_column]), f"{where} row {i}"),
        }
        for i, row in enumerate(dataset)
    )
    return [row for row in rows if row["label"] is not None]


def read_split(task: TaskConfig, split: str) -> list[Row] | None:
    """The task's rows for one split (capped by max_*_examples), or None if it has none."""
    return read_splits(task, (split,)).get(split)


def read_splits(task: TaskConfig, splits: tuple[str, ...] = SPLITS) -> dict[str, list[Row]]:
    """`read_split` of each of `splits` the task has, reading (and carving) its train file once."""
    carved = task.data.carved()
    parts: dict[str, list[Row]] = {}
    if carved and any(split in ("train", *carved) for split in splits):
        train = _read(task, "train")
        assert train is not None  # a local source has a train file; the hub's train split is checked
        parts = carve_rows(train, carved, TASK_TYPES[task.type].stratified)
    found = {}
    for split in splits:
        rows = parts[split] if split in parts else _read(task, split)
        if rows is not None:
            cap = task.max_train_examples if split == "train" else task.max_eval_examples
            found[split] = rows[:cap] if cap else rows
    return found


def _read(task: TaskConfig, split: str) -> list[Row] | None:
    encode = label_encoder(task)
    if task.data.format == "hf":
        rows = _hf_rows(split, task, encode)
    else:
        path = task.data.split_files().get(split)
        if path is None:
            return None
        source = task.data.split_source(split)
        if source.format == "lines":
            rows = _aligned_rows(path, source, task, encode, split)
        else:
            reader = _conll_rows if source.format == "conll" else _sentence_rows
            rows = reader(path, source, task, encode)
    return rows


def label_shares(train: list[dict[str, Any]], labels: list[str] | None) -> dict[str, float]:
    """Each label's share: of the rows (a multi-hot row counts each of its labels), or of the tags."""
    if not labels:
        return {}
    counts: Counter[int] = Counter()
    for row in train:
        label = row.get("label", row.get("tags"))
        if isinstance(label, list) and row.get("tags") is None:  # multi-hot
            counts.update(i for i, on in enumerate(label) if on)
        elif isinstance(label, list):
            counts.update(label)
        elif label is not None:
            counts[label] += 1
    total = sum(counts.values()) or 1
    return {name: counts[i] / total for i, name in enumerate(labels)}


def rare_labels(shares: dict[str, float]) -> dict[str, float]:
    """The labels of `label_shares` under RARE_LABEL_SHARE, with their shares."""
    return {name: share for name, share in shares.items() if share < RARE_LABEL_SHARE}


def check_labels(job: JobConfig, source: str) -> dict[str, dict[str, list[Row]]]:
    """Read every split once so that bad columns or labels fail before Ray starts; the rows read,
    by task and split."""
    found: dict[str, dict[str, list[Row]]] = {}
    for task in job.tasks:
        try:
            found[task.name] = read_splits(task)
            for split in SPLITS:
                if found[task.name].get(split) == [] or (split == "train" and "train" not in found[task.name]):
                    raise ConfigError(f"tasks.{task.name}.data.{split}: no labelled examples")
        except ConfigError as exc:
            raise ConfigError(f"{source}: {exc}") from None
    return found
