"""The partner page lists the agreements with the partner the reader may see."""

from tests.core.accounts.helpers import in_english, sign_in
from tests.core.agreements.agreement_world import make, unit_staff


def test_the_partner_page_lists_its_agreements_as_far_as_the_reader_may_see(client_a, university_a, admin_a, world):
    make(university_a, world, admin_a, titles={"tr": "Varşova ormancılık", "en": "Warsaw forestry"},
         units=[world.wood])
    make(university_a, world, admin_a, titles={"tr": "Varşova tıp", "en": "Warsaw medicine"}, units=[world.medicine])
    in_english(sign_in(client_a, university_a, admin_a))

    everything = client_a.get(f"/partners/{world.warsaw.pk}/").content.decode()
    without = client_a.get(f"/partners/{world.osh.pk}/").content.decode()
    in_english(sign_in(client_a, university_a, unit_staff(university_a, world.wood)))
    their_own = client_a.get(f"/partners/{world.warsaw.pk}/").content.decode()

    assert "Warsaw forestry" in everything and "Warsaw medicine" in everything
    assert "No agreements with this partner yet." in without and "New agreement" in without
    assert "Warsaw forestry" in their_own and "Warsaw medicine" not in their_own
