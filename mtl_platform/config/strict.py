"""The pydantic base of every configuration model (unknown fields are errors, assignments are
validated), and the tagged unions that pick one options model by name (`method:`, `scheme:`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Tag


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


Options = TypeVar("Options", bound=BaseModel)


def by_tag(members: list[type[Options]], tag: str) -> dict[str, type[Options]]:
    """Each options model under the default of its `tag` literal, e.g. {"famo": FAMOOptions}."""
    return {member.model_fields[tag].default: member for member in members}


def tagged_union(registry: Mapping[str, type[BaseModel]], tag: str, default: str) -> Any:
    """One of the registry's models, chosen by the block's `tag` field (`default` where it has none)."""

    def tag_of(value: Any) -> str:
        return value.get(tag, default) if isinstance(value, dict) else getattr(value, tag)

    tag_of.__name__ = f"{tag}_of"  # pydantic names it in a bad tag's error: config/errors.py reads the field there
    members = tuple(Annotated[model, Tag(name)] for name, model in registry.items())
    return Annotated[Union[members], Discriminator(tag_of)]  # noqa: UP007
