"""Derive a real multi-label task from CoNLL-2003: which entity types (PER, ORG, LOC, MISC)
a sentence mentions. Run from this folder: python make.py ../conll2003 ."""

import json
import sys
from pathlib import Path

TYPES = ["PER", "ORG", "LOC", "MISC"]


def sentences(path: Path):
    words, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            if words:
                yield words, tags
            words, tags = [], []
            continue
        words.append(fields[0])
        tags.append(fields[-1])


def main(source: Path, target: Path) -> None:
    for name, out in (("train.txt", "train.jsonl"), ("valid.txt", "dev.jsonl")):
        with (target / out).open("w", encoding="utf-8") as handle:
            for words, tags in sentences(source / name):
                present = sorted({t[2:] for t in tags if t != "O"}, key=TYPES.index)
                handle.write(json.dumps({"text": " ".join(words), "labels": present}) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
