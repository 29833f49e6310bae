"""``aliasctl cluster`` and ``review``: group a table's unknown names into reviewable registry proposals."""

from __future__ import annotations

from .grouping import (
    Cluster,
    Value,
    cluster_values,
    group,
    near_miss,
    proposals_text,
    propose,
    read_values,
    review_decide,
    slug,
)

__all__ = [
    "Cluster",
    "Value",
    "cluster_values",
    "group",
    "near_miss",
    "proposals_text",
    "propose",
    "read_values",
    "review_decide",
    "slug",
]
