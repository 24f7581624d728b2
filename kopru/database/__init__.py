"""Köprü's database backend: django-tenants' PostgreSQL backend, json columns decoded by orjson (base.py)."""
