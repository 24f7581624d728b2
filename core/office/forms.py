from django import forms
from django.utils.translation import gettext_lazy as _

from core.office.models import AcademicUnit, Role
from kopru.forms import NamesForm, checked_field, checked_texts, mark_outdated
from kopru.translated import NAME_FIELDS


class UnitChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(queryset=AcademicUnit.objects.all(), required=False, **kwargs)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.OFFICER)
    academic_unit = UnitChoiceField(label=_("Academic unit"), empty_label=_("(none)"))


class InvitationAcceptForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username"}))
    password = forms.CharField(label=_("Password"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(label=_("Password again"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    academic_unit = UnitChoiceField(label=_("Academic unit"), empty_label=_("(none)"))


class UnitForm(NamesForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=AcademicUnit.Kind.choices)
    parent = UnitChoiceField(label=_("Part of"), empty_label=_("(top level)"))

    def __init__(self, *args, unit: AcademicUnit | None = None, **kwargs):
        """Editing a `unit`, its names out of date are marked and may be said to be checked."""
        super().__init__(*args, **kwargs)
        if unit is not None:
            self.fields.update(checked_field("name"))
            self.order_fields([*NAME_FIELDS, "name_checked"])
            mark_outdated(self, unit)

    def names_checked(self) -> bool:
        return bool(checked_texts(self.cleaned_data, ["name"]))


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action"), required=False, max_length=64)
    actor = forms.IntegerField(label=_("User"), required=False, min_value=1)


class SecuritySettingsForm(forms.Form):
    two_factor_required = forms.BooleanField(
        label=_("Require two-factor authentication from everyone in the office"), required=False,
        help_text=_("Nobody reaches the office's pages or API until they have set up a second factor."),
    )
