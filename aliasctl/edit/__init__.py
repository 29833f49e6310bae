"""Editing the registry's text: fmt, add, new, rename, merge; comments and untouched entities kept byte for byte.

* :mod:`.layout`: where each entity is in the text, the line patch that
  rewrites only what changed, the canonical form and ``fmt``;
* :mod:`.entities`: add an alias, add an entity, rename an entity;
* :mod:`.merge`: merge one entity into another, or another registry into this one.

Every operation is a pure function from registry text to an :class:`Edit`
(the new text and a report), so ``--dry-run`` is free and writing is a
separate step (:func:`aliasctl.registry.update`).
"""

from ..registry.change import Conflict, Edit
from .entities import add_alias, new_entity, rename
from .layout import fmt, model
from .merge import merge, merge_from

__all__ = ["Conflict", "Edit", "add_alias", "fmt", "merge", "merge_from", "model", "new_entity", "rename"]
