"""Editing the registry's text: fmt, add, new, rename, merge; comments and untouched entities kept byte for byte."""

from __future__ import annotations

from ..registry.change import Conflict, Edit
from .ops import add_alias, fmt, merge, merge_from, model, new_entity, rename

__all__ = ["Conflict", "Edit", "add_alias", "fmt", "merge", "merge_from", "model", "new_entity", "rename"]
