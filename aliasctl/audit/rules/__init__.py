"""The audit rules, listed explicitly in code order."""

from __future__ import annotations

from types import ModuleType

from . import (
    acronym_form,
    alias_collision,
    bad_country,
    bad_id,
    duplicate_id,
    duplicate_key,
    empty_key,
    invisible_character,
    missing_native_name,
    missing_sources,
    mixed_script,
    name_unresolved,
    near_collision,
    redirect_chain,
    redirect_cycle,
    redirect_is_live_id,
    redirect_missing_target,
    redundant_alias,
    relation_missing_target,
    relation_to_self,
    schema,
    skeleton_collision,
    unknown_field,
    unknown_type,
    whitespace,
)

RULES: list[ModuleType] = sorted(
    [
        schema,
        unknown_field,
        alias_collision,
        skeleton_collision,
        near_collision,
        duplicate_key,
        bad_id,
        bad_country,
        unknown_type,
        duplicate_id,
        redirect_is_live_id,
        redirect_missing_target,
        redirect_chain,
        redirect_cycle,
        relation_missing_target,
        relation_to_self,
        empty_key,
        redundant_alias,
        name_unresolved,
        invisible_character,
        mixed_script,
        whitespace,
        missing_sources,
        missing_native_name,
        acronym_form,
    ],
    key=lambda rule: str(rule.ID),
)
