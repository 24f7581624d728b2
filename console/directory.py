"""The cross-university directory's hooks for the rest of the platform."""

from tenants.models import University


def directory_withdraw(university: University) -> None:
    """Remove the university's directory profile; the directory does not exist yet, so there is nothing to remove."""
