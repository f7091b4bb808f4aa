"""Configuration errors, phrased for the person who wrote the YAML: the file, the dotted field
(tasks named by their `name`), what was wrong and what is allowed."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError


class ConfigError(ValueError):
    """A configuration problem, phrased for the person who wrote the YAML."""


def format_location(loc: tuple[Any, ...], data: Any) -> str:
    """Turn pydantic's location into a dotted path, naming list items by task name."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list):
            entry = node[item] if item < len(node) else None
            parts.append(str(entry["name"]) if isinstance(entry, dict) and "name" in entry else str(item))
            node = entry
        elif isinstance(item, str) and item.startswith(("function-", "literal[")):
            continue
        elif isinstance(node, dict) and item not in node and item in (node.get("method", "equal"), node.get("scheme")):
            continue  # the tag of a weighting method or sharing scheme, not a field
        else:
            parts.append(str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return ".".join(parts) or "<root>"


def validation_message(error: ValidationError, data: Any, source: str, prefix: tuple = ()) -> str:
    lines = []
    for err in error.errors():
        where = format_location(prefix + tuple(err["loc"]), data)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling; see the documented fields in README.md)"
        elif err["type"] == "union_tag_invalid":  # weighting.method or model.sharing.scheme
            field = err["ctx"]["discriminator"].removesuffix("()").removesuffix("_of")  # see strict.tagged_union
            where = f"{where}.{field}"
            msg = f"unknown {field} {err['ctx']['tag']!r}; allowed: {err['ctx']['expected_tags']}"
        elif err["type"] == "literal_error":
            msg = f"{msg}; got {err['input']!r}"
        lines.append(f"{source}: {where}: {msg}")
    return "\n".join(lines)
