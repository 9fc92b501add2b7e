"""Storage: the connection, the tables, their indexes and the stored sort keys.

The bottom layer: its modules import only the standard library, peewee, playhouse and each
other (``tests/test_layers.py`` checks), so the read side (``service.queries``), the write side
(``service.pipeline``) and the Flask binding (``service.db``) all import it, never the reverse.
"""
