"""Importing a statute from plain text: its pages, API and forms over the import itself (services)."""
