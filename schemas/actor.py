"""Actors: countries, organisations and people, with stable ids."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from service.vocabulary import ACTOR_KINDS

from .common import PageArgsSchema


class ActorSchema(Schema):
    id = fields.String(metadata={"description": "Stable id: country:CHN, org:SCO, person:li-qiang"})
    name = fields.String()
    kind = fields.String(
        metadata={"description": "country, organisation, person, place, product, index, currency"}
    )
    subkind = fields.String(
        allow_none=True,
        metadata={
            "description": "organisations: company, government, party, armed group, media, research"
        },
    )
    event_count = fields.Integer(metadata={"description": "Events this actor takes part in"})


class ActorQueryArgsSchema(PageArgsSchema):
    """Arguments of ``GET /actors``."""

    kind = fields.String(
        load_default=None,
        validate=validate.OneOf(ACTOR_KINDS),
    )
    q = fields.String(
        load_default=None,
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Part of the name, any case"},
    )
