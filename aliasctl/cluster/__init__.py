"""``aliasctl cluster`` and ``review``: group a table's unknown names into reviewable registry proposals."""

from __future__ import annotations

from ..registry.proposals import slug
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
    well_formed,
)
from .review import Decision, Proposal, ReviewResult, review_proposals

__all__ = [
    "Cluster",
    "Decision",
    "Proposal",
    "ReviewResult",
    "Value",
    "cluster_values",
    "group",
    "near_miss",
    "proposals_text",
    "propose",
    "read_values",
    "review_decide",
    "review_proposals",
    "slug",
    "well_formed",
]
