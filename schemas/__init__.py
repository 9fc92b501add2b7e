"""marshmallow schemas of the API: pure, importing neither Flask nor the models."""

from .article import (
    ArticleCreateSchema,
    ArticleQueryArgsSchema,
    ArticleSchema,
    ArticleSummarySchema,
)
from .common import PageArgsSchema, ProblemSchema, PublicationDate, envelope
from .event import EventQueryArgsSchema, EventSchema
from .temporal import AnnotateSchema, ResolveArgsSchema, TimexListSchema, TimexSchema

__all__ = [
    "AnnotateSchema",
    "ArticleCreateSchema",
    "ArticleQueryArgsSchema",
    "ArticleSchema",
    "ArticleSummarySchema",
    "EventQueryArgsSchema",
    "EventSchema",
    "PageArgsSchema",
    "ProblemSchema",
    "PublicationDate",
    "ResolveArgsSchema",
    "TimexListSchema",
    "TimexSchema",
    "envelope",
]
