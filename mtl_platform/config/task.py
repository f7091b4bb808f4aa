"""A task in a job: its type, where its examples come from, and its labels."""

from __future__ import annotations

import codecs
import string
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from pydantic import Field, ValidationInfo, field_validator, model_validator

from mtl_platform.config.paths import resolve_path
from mtl_platform.config.strict import Strict


class CarvedSplit(Strict):
    """A dev or test split carved from train, for a benchmark that ships one labelled file."""

    carve_from: Literal["train"]
    fraction: float = Field(gt=0, lt=1, description="of the train rows, before max_*_examples")
    seed: int = Field(0, description="fixed apart from trainer.seed, so that every seed is scored on the same rows")


class DataSource(Strict):
    """Where a task's examples come from: local files, or a Hugging Face dataset."""

    format: Literal["tsv", "csv", "jsonl", "parquet", "arrow", "conll", "lines", "hf"]
    encoding: str = Field(
        "utf-8", description="of the local files (a byte-order mark is skipped); e.g. latin-1, cp1252, utf-16"
    )
    train: Path | None = Field(None, description="train split file (or HF split name)")
    dev: Path | CarvedSplit | DataSource | None = Field(
        None,
        description="a file like train's, a source of its own (format, columns, ...; its file in `train`), or "
        "{carve_from: train, fraction: 0.1}: rows of train, seeded, stratified by class, never overlapping",
    )
    test: Path | CarvedSplit | DataSource | None = None
    # Tabular formats.
    header: bool = True
    columns: list[str] | None = Field(None, description="column names of a file without header")
    text_column: str | None = None
    text_pair_column: str | None = None
    label_column: str | None = Field(
        None, description="an empty cell (or null) leaves the row out of this task: it has no label for it"
    )
    label_separator: str = Field(",", description="multilabel: between the labels of one cell (or a JSON list)")
    # Lines: one text a line in each split's file, its label on the same line of a label file.
    label_files: dict[str, Path] = Field(
        default_factory=dict, description="lines: each split's label (or target) file, e.g. {train: train_labels.txt}"
    )
    pair_files: dict[str, Path] = Field(
        default_factory=dict, description="lines: each split's second text, for pair tasks"
    )
    # CoNLL: whitespace-separated columns, one token a line, blank line between sentences.
    token_column: int = 0
    tag_column: int = -1
    # Hugging Face datasets: a hub name or a local dataset directory.
    hf_name: str | None = None
    hf_config: str | None = None
    hf_splits: dict[str, str] = Field(default_factory=lambda: {"train": "train", "dev": "validation", "test": "test"})
    tokens_column: str = "tokens"
    tags_column: str = "ner_tags"

    @field_validator("train", "dev", "test", mode="before")
    @classmethod
    def _paths(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, dict | DataSource | CarvedSplit):  # a source of its own, or carved: validated as one
            return value
        if value is None or (info.data.get("format") == "hf"):
            return None if value is None else Path(str(value))
        path = resolve_path(value, info)
        if path is not None and not path.is_file() and (info.context or {}).get("check_files", True):
            raise ValueError(f"file not found: {path}")
        return path

    @field_validator("label_files", "pair_files", mode="before")
    @classmethod
    def _aligned_paths(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, dict):
            return value
        found = {}
        for split, file in value.items():
            if split not in ("train", "dev", "test"):
                raise ValueError(f"{split!r} is not a split; allowed: train, dev, test")
            path = resolve_path(file, info)
            if path is not None and not path.is_file() and (info.context or {}).get("check_files", True):
                raise ValueError(f"{split}: file not found: {path}")
            found[split] = path
        return found

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, encoding: str) -> str:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}; e.g. utf-8, latin-1, cp1252, utf-16") from None
        return encoding

    @model_validator(mode="after")
    def _complete(self) -> DataSource:
        if self.format == "hf":
            if not self.hf_name:
                raise ValueError("format 'hf' needs hf_name (a hub dataset name or a local directory)")
            return self
        if self.train is None:
            raise ValueError("a train file is required")
        if sum(c.fraction for c in self.carved().values()) >= 1:
            raise ValueError("the carved splits' fractions leave no train rows: their sum must be under 1")
        if self.format in ("tsv", "csv", "jsonl", "parquet", "arrow") and not (self.text_column and self.label_column):
            raise ValueError(f"format '{self.format}' needs text_column and label_column")
        if self.format == "lines":
            files = self.split_files()
            if missing := [s for s in files if s not in self.label_files]:
                raise ValueError(f"format 'lines' needs label_files for {missing}: the labels, one a line")
            if extra := sorted(set(self.label_files) - set(files)):
                raise ValueError(f"label_files names {extra}, which have no text file")
        if self.format in ("tsv", "csv") and not self.header and not self.columns:
            raise ValueError("a file without header (header: false) needs `columns` to name them")
        return self

    def split_files(self) -> dict[str, Path]:
        """Each split's file (a carved split has none of its own)."""
        files = {s: getattr(self, s) for s in ("train", "dev", "test")}
        files = {s: f.train if isinstance(f, DataSource) else f for s, f in files.items()}
        return {s: f for s, f in files.items() if isinstance(f, Path)}

    def carved(self) -> dict[str, CarvedSplit]:
        """The splits carved from train, by name."""
        return {s: c for s in ("dev", "test") if isinstance(c := getattr(self, s), CarvedSplit)}

    def files(self) -> list[Path]:
        """Every file the rows come from: what a cache of them depends on."""
        return [*self.split_files().values(), *self.label_files.values(), *self.pair_files.values()]

    def split_source(self, split: str) -> DataSource:
        """How a split is read: with the split's own source settings, or with these."""
        value = getattr(self, split)
        return value if isinstance(value, DataSource) else self


def prompt_fields(template: str) -> list[str]:
    """The fields a prompt template names, in order ('{text}' -> ['text'])."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:  # an unmatched brace
        raise ValueError(f"prompt {template!r} is not a template: {exc}") from None
    if "" in fields:
        raise ValueError(f"prompt {template!r} has an empty {{}}: name the field, e.g. {{text}}")
    return fields


@dataclass(frozen=True)
class TypeRules:
    """What a task type (its head, loss, metrics and label encoding: tasks/<type>.py) asks of its YAML."""

    labels: bool  # needs `labels`, the label names; without them it takes neither labels nor label_map
    main_metrics: tuple[str, ...]  # what `main_metric` may be (higher is better: dev/mean averages them); default first
    options: tuple[str, ...] = ()  # the TaskConfig fields only this type takes


# One line a task type; tests/test_tasks.py checks that it names the types tasks.TASK_TYPES builds.
TASK_TYPE_RULES: dict[str, TypeRules] = {
    "classification": TypeRules(
        labels=True,
        main_metrics=("accuracy", "macro_f1", "mcc", "f1_positive"),
        options=("class_weights", "truncation"),
    ),
    "multilabel": TypeRules(labels=True, main_metrics=("micro_f1", "macro_f1", "exact_match"), options=("truncation",)),
    "regression": TypeRules(
        labels=False, main_metrics=("pearson", "spearman"), options=("normalize_targets", "truncation")
    ),
    "token_classification": TypeRules(labels=True, main_metrics=("f1", "precision", "recall", "token_accuracy")),
    "generation": TypeRules(
        labels=False,
        main_metrics=("bleu", "chrf", "rouge_l", "exact_match"),
        options=("prompt", "verbalizer", "max_new_tokens", "num_beams"),
    ),
}
if TYPE_CHECKING:  # the literal is built from the table above, which a type checker cannot follow
    TaskType: TypeAlias = str
else:
    TaskType = Literal[tuple(TASK_TYPE_RULES)]


class TaskConfig(Strict):
    """One task: its type decides the head, the loss and the metrics."""

    name: str = Field(pattern=r"^[A-Za-z0-9_\-]+$")
    type: TaskType
    data: DataSource
    labels: list[str] | None = Field(None, description="label names (classification and tags)")
    label_map: dict[str, str] | None = Field(None, description="raw value in the file -> label name")
    labels_file: Path | None = Field(
        None,
        description="instead of `labels`: a file of label names, one a line, or of `id<TAB>name` lines (a "
        "mapping.txt: the ids, as the data files hold them, become label_map)",
    )
    main_metric: str | None = Field(
        None,
        description="the metric dev/mean, checkpoint selection, Δm and the report use for this task (e.g. mcc, "
        "macro_f1, or f1_positive, the F1 of the second label of a binary task, for an imbalanced task); "
        "default: its type's first (accuracy, micro_f1, pearson, f1)",
    )
    max_train_examples: int | None = Field(None, gt=0)
    max_eval_examples: int | None = Field(None, gt=0)
    class_weights: Literal["balanced"] | list[float] | None = Field(
        None,
        description="classification: weights of the labels in the loss, in the order of `labels`; balanced: "
        "n_rows / (n_labels * rows of the label) over the train split, as scikit-learn computes them",
    )
    truncation: Literal["end", "start", "middle"] = Field(
        "end",
        description="where a text longer than model.max_length is cut: its end (the default), its start (keep "
        "the ending), or its middle (keep the first quarter and the end, for long reviews and news)",
    )
    prompt: str | None = Field(
        None,
        description="generation: the source text as a template over the row, e.g. 'translate English to German: "
        "{text}': {text} and {text_pair} are the row's texts, and a table's other columns go by their names",
    )
    verbalizer: dict[str, str] | None = Field(
        None, description="generation: each raw label -> its target text (a classification dataset cast to text)"
    )
    max_new_tokens: int = Field(32, gt=0, description="generation: the most tokens of a target, trained and decoded")
    num_beams: int = Field(1, gt=0, description="generation: beams when decoding at evaluation (1: greedy)")
    normalize_targets: bool = Field(
        False,
        description="regression: MSE in units of the train targets' variance, the head starting at their mean, "
        "so the loss starts near 1 like the cross-entropies (predictions stay in the targets' units)",
    )

    @model_validator(mode="before")
    @classmethod
    def _labels_from_file(cls, data: Any, info: ValidationInfo) -> Any:
        """The label names are part of the task's definition, read with the job (not with its data)."""
        if not isinstance(data, dict) or data.get("labels_file") is None or data.get("labels") is not None:
            return data
        path = resolve_path(data["labels_file"], info)
        assert path is not None
        if not path.is_file():
            raise ValueError(f"labels_file: file not found: {path}")
        lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        pairs = [line.split("\t") for line in lines]
        if all(len(p) == 2 for p in pairs):  # id<TAB>name
            names = {identifier.strip(): name.strip() for identifier, name in pairs}
            mapping = data.get("label_map") or names
            return {**data, "labels_file": path, "labels": list(names.values()), "label_map": mapping}
        if any(len(p) > 1 for p in pairs):
            raise ValueError(f"labels_file: {path.name}: lines must all be names, or all `id<TAB>name`")
        return {**data, "labels_file": path, "labels": lines}

    def main(self) -> str:
        """The metric that stands for this task (dev/mean, selection, Δm, the report)."""
        return self.main_metric or TASK_TYPE_RULES[self.type].main_metrics[0]

    def _check_source(self) -> None:
        """A generation task's source is one text: its text column, or the prompt built from the row."""
        pair = bool(self.data.text_pair_column or self.data.pair_files)
        if self.prompt is None:
            if pair:
                raise ValueError("a generation task's source is one text: name {text_pair} in `prompt`")
            return
        fields = prompt_fields(self.prompt)
        if not fields:
            raise ValueError(f"prompt {self.prompt!r} names no field; e.g. 'summarize: {{text}}'")
        if "text_pair" in fields and not pair:
            raise ValueError("prompt names {text_pair}, but data has no text_pair_column or pair_files")
        if self.data.format in ("lines", "conll") and set(fields) - {"text", "text_pair"}:
            raise ValueError(
                f"prompt names {sorted(set(fields) - {'text', 'text_pair'})}; a {self.data.format} file has only "
                "{text} (and {text_pair})"
            )

    @model_validator(mode="after")
    def _fits_type(self) -> TaskConfig:
        rules = TASK_TYPE_RULES[self.type]
        if self.main_metric is not None and self.main_metric not in rules.main_metrics:
            raise ValueError(
                f"main_metric {self.main_metric!r} is not one a {self.type} task can use; allowed: "
                f"{list(rules.main_metrics)}"
            )
        for option in sorted({o for r in TASK_TYPE_RULES.values() for o in r.options} - set(rules.options)):
            if getattr(self, option) != type(self).model_fields[option].default:
                owners = " and ".join(t for t, r in TASK_TYPE_RULES.items() if option in r.options)
                raise ValueError(f"{option} is for {owners} tasks; this one is {self.type}")
        if self.type == "generation":
            self._check_source()
        if self.truncation == "middle" and (self.data.text_pair_column or self.data.pair_files):
            raise ValueError("truncation: middle is for single texts; a pair task cuts at its end or start")
        if not rules.labels:
            if self.labels or self.label_map:
                raise ValueError(f"a {self.type} task takes no labels or label_map")
            return self
        if not self.labels:
            raise ValueError(f"a {self.type} task needs `labels`: the list of label names")
        if isinstance(self.class_weights, list) and (
            len(self.class_weights) != len(self.labels) or min(self.class_weights) <= 0
        ):
            raise ValueError(
                f"class_weights: {self.class_weights} must be {len(self.labels)} positive numbers, one per label "
                f"{self.labels}, or balanced"
            )
        if self.main_metric == "f1_positive" and len(self.labels) != 2:
            raise ValueError(
                f"main_metric f1_positive is the F1 of the second label of a binary task; this one has "
                f"{len(self.labels)} labels (use macro_f1 or mcc)"
            )
        if len(set(self.labels)) != len(self.labels):
            raise ValueError("`labels` has duplicates")
        if self.label_map:
            unknown = sorted(set(self.label_map.values()) - set(self.labels))
            if unknown:
                raise ValueError(f"label_map maps to {unknown}, which are not in labels {self.labels}")
        return self
