"""Read a task's raw examples from local files or Hugging Face datasets.

A new dataset in tsv/csv/jsonl/CoNLL/lines needs only YAML: the reader is picked by
`data.format`, columns and labels by name. Every reader returns the same rows:
`{"text", "text_pair", "label"}` for sentence tasks and `{"tokens", "tags"}`
for token classification, with labels already encoded by their task type
(`Task.label_encoder`: an index, a number, a multi-hot list). A row without a label for its task (an
empty cell, a null) is left out of that task: several tasks can read one file
whose rows are labelled for some of them.

The readers yield rows one at a time: a file larger than memory is read in one pass into a
memory-mapped Arrow file (data/raw.py) and never held whole.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mtl_platform.config import ConfigError, DataSource, TaskConfig
from mtl_platform.config.task import prompt_fields
from mtl_platform.tasks import TASK_TYPES
from mtl_platform.tasks.base import LabelEncoder

SPLITS = ("train", "dev", "test")
COLUMNAR = ("parquet", "arrow")  # read through `datasets`, row by row like a table
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


def _source(
    task: TaskConfig, text: str, pair: str | None, record: dict[str, Any], where: str
) -> tuple[str, str | None]:
    """The row's text and second text; a generation task's prompt folds them, and the record's
    other columns, into its one source text."""
    if task.prompt is None:
        return text, pair
    values = {**record, "text": text, "text_pair": pair}
    for field in prompt_fields(task.prompt):
        if field not in values:
            close = difflib.get_close_matches(field, [str(c) for c in values], n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(
                f"tasks.{task.name}.prompt: {where}: no column {field!r}; columns are {list(values)}{hint}"
            )
    return task.prompt.format(**values), None


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


def _sentence_rows(path: Path, src: DataSource, task: TaskConfig, encode: LabelEncoder) -> Iterator[Row]:
    text_column, label_column = src.text_column, src.label_column
    assert text_column and label_column  # DataSource requires both for a table format
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
            pair = str(record[src.text_pair_column]) if src.text_pair_column else None
            text, pair = _source(task, str(record[text_column]), pair, record, where)
            yield {"text": text, "text_pair": pair, "label": label}


def _aligned_rows(path: Path, src: DataSource, task: TaskConfig, encode: LabelEncoder, split: str) -> Iterator[Row]:
    """format lines: a text a line, its label (and second text) on the same line of other files."""
    if TASK_TYPES[task.type].token_labels:
        raise ConfigError(f"tasks.{task.name}.data.format: 'lines' holds one text a line; a tagging task reads conll")
    files = {"text": path, "label": src.label_files[split]}
    if split in src.pair_files:
        files["text_pair"] = src.pair_files[split]
    lines = [_lines(file, src, task) for file in files.values()]
    for line_no, values in enumerate(itertools.zip_longest(*lines), 1):
        if None in values:  # one file ended before the others
            counts = ", ".join(f"{f.name} has {sum(1 for _ in _lines(f, src, task)):,}" for f in files.values())
            raise ConfigError(
                f"tasks.{task.name}.data.label_files.{split}: the files must be line-aligned, but {counts} lines"
            )
        row = dict(zip(files, (value.rstrip("\r\n") for value in values)))
        where = f"{files['label'].name} line {line_no}"
        label = encode(row["label"], where)
        if label is not None:
            text, pair = _source(task, row["text"], row.get("text_pair"), {}, where)
            yield {"text": text, "text_pair": pair, "label": label}


def _conll_rows(path: Path, src: DataSource, task: TaskConfig, encode: LabelEncoder) -> Iterator[Row]:
    tokens: list[str] = []
    tags: list[int | float] = []
    for line_no, line in enumerate(_lines(path, src, task), 1):
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            if tokens:
                yield {"tokens": tokens, "tags": tags}
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
        yield {"tokens": tokens, "tags": tags}


def _hf_rows(split: str, task: TaskConfig, encode: LabelEncoder) -> Iterator[Row] | None:
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
    return _hf_dataset_rows(dataset, f"{src.hf_name}[{name}]", task, encode)


def _hf_dataset_rows(dataset: Any, where: str, task: TaskConfig, encode: LabelEncoder) -> Iterator[Row]:
    src = task.data

    def label_name(feature: Any, value: Any) -> Any:
        return feature.int2str(value) if isinstance(value, int) and hasattr(feature, "int2str") else value

    if TASK_TYPES[task.type].token_labels:
        feature = dataset.features[src.tags_column].feature
        for i, row in enumerate(dataset):
            yield {
                "tokens": list(row[src.tokens_column]),
                "tags": [encode(label_name(feature, t), f"{where} row {i}") for t in row[src.tags_column]],
            }
        return
    feature = dataset.features[src.label_column]
    feature = getattr(feature, "feature", feature)  # a multilabel column: a Sequence of ClassLabel

    def raw_label(value: Any) -> Any:
        return [label_name(feature, v) for v in value] if isinstance(value, list) else label_name(feature, value)

    for i, row in enumerate(dataset):
        label = encode(raw_label(row[src.label_column]), f"{where} row {i}")
        if label is not None:
            pair = row[src.text_pair_column] if src.text_pair_column else None
            text, pair = _source(task, row[src.text_column], pair, row, f"{where} row {i}")
            yield {"text": text, "text_pair": pair, "label": label}


def read_rows(task: TaskConfig, split: str) -> Iterator[Row] | None:
    """The rows of one of the task's files (train, dev or test), one at a time, so that no file is
    ever held whole; None if the task has no such file."""
    encode = label_encoder(task)
    if task.data.format == "hf":
        return _hf_rows(split, task, encode)
    path = task.data.split_files().get(split)
    if path is None:
        return None
    source = task.data.split_source(split)
    if source.format == "lines":
        return _aligned_rows(path, source, task, encode, split)
    reader = _conll_rows if source.format == "conll" else _sentence_rows
    return reader(path, source, task, encode)
