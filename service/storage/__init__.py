"""Storage: the connection, the tables, their indexes and the stored sort keys.

The bottom layer: its modules import only the standard library, peewee, playhouse and each
other (``tests/test_layers.py`` checks), so the read side (``service.read``), the write side
(``service.write``) and the Flask binding (``service.db``) all import it, never the reverse.
"""
