import factory

from core.accounts.models import User

PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    """A person who can sign in with PASSWORD; no e-mail address unless given, as create_user leaves it."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda number: f"person{number}")
    password = factory.django.Password(PASSWORD)
