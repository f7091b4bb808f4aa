"""Dotted `key=value` overrides of a configuration's nested dicts (tasks picked by name)."""

from __future__ import annotations

import copy
from typing import Any

import yaml

from mtl_platform.config.errors import ConfigError


def set_by_path(data: dict[str, Any], dotted: str, value: Any, must_exist: bool = False) -> None:
    """Set `a.b.c` in nested dicts; inside lists of named items a segment picks by name."""
    parts = dotted.split(".")
    node: Any = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        where = ".".join(parts[: i + 1])
        if isinstance(node, list):
            match = [item for item in node if isinstance(item, dict) and item.get("name") == part]
            if part.isdigit() and not match and int(part) < len(node):
                match = [node[int(part)]]
            if not match:
                names = [item.get("name") for item in node if isinstance(item, dict)]
                raise ConfigError(f"{where}: no item named {part!r}; allowed: {names}")
            if last:
                raise ConfigError(f"{dotted}: cannot replace a whole list item; set one of its fields")
            node = match[0]
        elif isinstance(node, dict):
            if last:
                if must_exist and part not in node:
                    raise ConfigError(f"{dotted}: unknown field {part!r}; allowed: {sorted(node)}")
                if not must_exist:
                    node[part] = value
                return
            if node.get(part) is None:
                if must_exist:
                    raise ConfigError(f"{dotted}: unknown field {part!r}; allowed: {sorted(node)}")
                node[part] = {}
            node = node[part]
        else:
            raise ConfigError(f"{where}: cannot set a field inside a {type(node).__name__}")


# Fields that choose a member of a union of option models. Setting one to a new value starts its
# block afresh (keeping the listed fields), so the previous member's options do not leak into it.
UNION_TAGS = {"weighting.method": ("regularizers",), "model.sharing.scheme": ()}


def switch_member(data: dict[str, Any], dotted: str, value: Any) -> None:
    """set_by_path, except that a union tag (UNION_TAGS) resets its block when the value changes."""
    if dotted in UNION_TAGS:
        parent_path, tag = dotted.rsplit(".", 1)
        node = data
        for part in parent_path.split("."):
            node = node.setdefault(part, {})
        if node.get(tag) != value:
            kept = {k: node[k] for k in UNION_TAGS[dotted] if k in node}
            node.clear()
            node.update(kept)
    set_by_path(data, dotted, value)


def apply_overrides(data: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """Apply `key=value` strings; values are parsed as YAML (so 20 is an int, [a, b] a list)."""
    data = copy.deepcopy(data)
    for item in overrides:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise ConfigError(f"override {item!r}: expected key=value, e.g. trainer.max_steps=20")
        set_by_path(data, key.strip(), yaml.safe_load(raw))
    return data
