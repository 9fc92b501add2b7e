"""marshmallow schemas of the API: pure, importing neither Flask nor the models."""

from .actor import ActorQueryArgsSchema, ActorSchema
from .article import (
    ArticleCreateSchema,
    ArticleQueryArgsSchema,
    ArticleSchema,
    ArticleSummarySchema,
)
from .batch import ArticleBatchSchema, ArticleOutcomeSchema
from .change import ChangeListSchema, ChangeQueryArgsSchema, ChangeSchema
from .common import PageArgsSchema, ProblemSchema, PublicationDate, envelope
from .event import (
    EventDetailSchema,
    EventFilterArgsSchema,
    EventMergeSchema,
    EventPatchSchema,
    EventQueryArgsSchema,
    EventSchema,
    HistogramArgsSchema,
    HistogramSchema,
)
from .feed import FeedCreateSchema, FeedQueryArgsSchema, FeedSchema
from .job import ArticleJobsSchema, JobSchema, QueuedOutcomeSchema
from .temporal import AnnotateSchema, ResolveArgsSchema, TimexListSchema, TimexSchema

__all__ = [
    "ActorQueryArgsSchema",
    "ActorSchema",
    "AnnotateSchema",
    "ChangeListSchema",
    "ChangeQueryArgsSchema",
    "ChangeSchema",
    "ArticleBatchSchema",
    "ArticleJobsSchema",
    "ArticleCreateSchema",
    "ArticleOutcomeSchema",
    "ArticleQueryArgsSchema",
    "ArticleSchema",
    "ArticleSummarySchema",
    "EventDetailSchema",
    "FeedCreateSchema",
    "FeedQueryArgsSchema",
    "FeedSchema",
    "JobSchema",
    "EventFilterArgsSchema",
    "EventMergeSchema",
    "EventPatchSchema",
    "EventQueryArgsSchema",
    "HistogramArgsSchema",
    "HistogramSchema",
    "EventSchema",
    "PageArgsSchema",
    "ProblemSchema",
    "PublicationDate",
    "QueuedOutcomeSchema",
    "ResolveArgsSchema",
    "TimexListSchema",
    "TimexSchema",
    "envelope",
]
