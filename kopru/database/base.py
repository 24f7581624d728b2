"""django-tenants' PostgreSQL backend, with columns of type json decoded by orjson.

Those are the related rows a list builds in its own query (kopru/lists.py): a page of 50 agreements
holds 150 of them, and orjson reads them several times faster than the standard library. Django
decodes JSONField's jsonb itself; nothing changes there.
"""

import orjson
from django_tenants.postgresql_backend import base
from psycopg.types.json import JsonBinaryLoader, JsonLoader


class OrjsonLoader(JsonLoader):
    _loads = orjson.loads


class OrjsonBinaryLoader(JsonBinaryLoader):
    _loads = orjson.loads


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        # Only json: psycopg's set_json_loads would also take jsonb from Django, which reads it as text.
        connection.adapters.register_loader("json", OrjsonLoader)
        connection.adapters.register_loader("json", OrjsonBinaryLoader)
        return connection
