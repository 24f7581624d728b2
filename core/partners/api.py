"""The partner register's API: partners, their units, contacts, rankings and YÖK checks; import and export."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.documents.api import DocumentOutput
from core.office.permissions import Action, OfficePermission
from core.partners import selectors, services
from core.partners.info_note import info_note_generate
from core.partners.models import RankingEntry, Recognition, RecognitionCheck
from i18n.countries import country_name
from kopru import uploads
from kopru.api.fields import (
    NamesInput,
    TextsField,
    TextsInput,
    outdated_translations,
    selected_ids,
    translations_checked,
)
from kopru.api.lists import RowListApi, ordering_field
from kopru.api.operations import ServiceApi
from kopru.api.parsers import JSONParser
from kopru.api.query import query_values
from kopru.spreadsheets import CONTENT_TYPES
from kopru.translated import translations
from kopru.uploads import stored_file_response

READ_OR_MANAGE = {"GET": Action.VIEW_PARTNERS, "POST": Action.MANAGE_PARTNERS, "PATCH": Action.MANAGE_PARTNERS,
                  "DELETE": Action.MANAGE_PARTNERS}


class NamesOutput(serializers.Serializer):
    tr = serializers.CharField(allow_null=True)
    ky = serializers.CharField(allow_null=True)
    ru = serializers.CharField(allow_null=True)
    en = serializers.CharField(allow_null=True)


class NamesField(serializers.Field):
    """The four names of a translated model, {"tr": …, "ky": …, "ru": …, "en": …}."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return translations(instance, "name")


extend_schema_field(NamesOutput)(NamesField)


class PartnerOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="In the request's language, or the closest one available.")
    names = NamesField()
    short_name = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    country_name = serializers.SerializerMethodField()
    city = serializers.CharField(help_text="In the request's language, or the closest one available.")
    cities = TextsField("city")
    website = serializers.CharField()
    erasmus_code = serializers.CharField()
    pic = serializers.CharField()
    oid = serializers.CharField()
    schac = serializers.CharField()
    ror = serializers.CharField()
    recognition = serializers.ChoiceField(choices=Recognition.choices)
    recognition_label = serializers.CharField(source="get_recognition_display")
    recognition_needs_attention = serializers.SerializerMethodField(
        help_text="True while the partner is not recognised under the rule of the university's country (YÖK in "
                  "Türkiye) or not checked.")

    def get_country_name(self, partner) -> str:
        return country_name(partner.country, get_language())


    def get_recognition_needs_attention(self, partner) -> bool:
        return partner.recognition in selectors.NEEDS_ATTENTION


class PartnerUnitOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    names = NamesField()


class ContactInput(serializers.Serializer):
    """A contact person as written: the position in each language."""

    name = serializers.CharField(max_length=255)
    positions = TextsInput(required=False, help_text="The contact's position in each language.")
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=64, required=False, allow_blank=True)
    is_primary = serializers.BooleanField(required=False)


class ContactOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    position = serializers.CharField(help_text="In the request's language, or the closest one available.")
    positions = TextsField("position")
    email = serializers.CharField()
    phone = serializers.CharField()
    is_primary = serializers.BooleanField()



class RankingSerializer(serializers.Serializer):
    """A ranking entry, as read and as written: give the rank or the band ("501–600")."""

    id = serializers.IntegerField(read_only=True)
    system = serializers.ChoiceField(choices=RankingEntry.System.choices)
    year = serializers.IntegerField()
    rank = serializers.IntegerField(required=False, allow_null=True)
    band = serializers.CharField(max_length=32, required=False, allow_blank=True)

    @staticmethod
    def values(data: dict) -> dict:
        return {"system": data["system"], "year": data["year"], "rank": data.get("rank"),
                "band": data.get("band", "")}


# What a check can find: every status but "not checked".
CHECK_RESULTS = [choice for choice in Recognition.choices if choice[0] != Recognition.UNCHECKED]


class RecognitionCheckOutput(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=CHECK_RESULTS)
    status_label = serializers.CharField(source="get_status_display")
    checked_on = serializers.DateField()
    method = serializers.ChoiceField(choices=RecognitionCheck.Method.choices)
    reference = serializers.CharField()
    has_evidence = serializers.SerializerMethodField()
    checked_by = serializers.CharField(source="checked_by.username", default=None, allow_null=True)

    def get_has_evidence(self, check) -> bool:
        return bool(check.evidence)


class PartnerDetailOutput(PartnerOutput):
    notes = serializers.CharField()
    letter_addressee = TextsField("letter_addressee")
    outdated_translations = outdated_translations()
    units = PartnerUnitOutput(many=True, source="units.all")
    contacts = ContactOutput(many=True, source="contacts.all")
    rankings = RankingSerializer(many=True, source="rankings.all")
    recognition_checks = RecognitionCheckOutput(many=True, source="recognition_checks.all")



# The body's texts by language, and the partner's fields they set (services.PARTNER_TEXTS).
TEXT_INPUTS = {"letter_addressee": "letter_addressee", "cities": "city"}


class PartnerInput(NamesInput):
    short_name = serializers.CharField(max_length=64, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True,
                                    help_text="ISO 3166-1 alpha-2 code; required when creating.")
    cities = TextsInput(required=False, help_text="The city in each language.")
    website = serializers.CharField(max_length=200, required=False, allow_blank=True)
    erasmus_code = serializers.CharField(max_length=16, required=False, allow_blank=True)
    pic = serializers.CharField(max_length=16, required=False, allow_blank=True)
    oid = serializers.CharField(max_length=16, required=False, allow_blank=True)
    schac = serializers.CharField(max_length=253, required=False, allow_blank=True)
    ror = serializers.CharField(max_length=64, required=False, allow_blank=True,
                                help_text="The id or its https://ror.org/ link.")
    notes = serializers.CharField(required=False, allow_blank=True)
    letter_addressee = TextsInput(required=False,
                                  help_text="The partner's head as a letter in each language addresses them.")
    translations_checked = translations_checked(*services.PARTNER_TRANSLATED)

    @staticmethod
    def arguments(data: dict) -> dict:
        """The services' keyword arguments: names and texts by language, the details as given; "translations_checked"
        only partner_update takes."""
        texts = {field: data[key] for key, field in TEXT_INPUTS.items() if key in data}
        return {"names": NamesInput.names(data), "texts": texts,
                "translations_checked": data.get("translations_checked", ()),  # a PATCH without it has no default
                **{field: value for field, value in data.items() if field in services.PARTNER_DETAILS}}


class PartnerQuery(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, default="", max_length=200,
                              help_text="Words to find in the names (any language or script), city or Erasmus code.")
    country = serializers.CharField(required=False, allow_blank=True, default="", max_length=2,
                                    help_text="ISO 3166-1 alpha-2 code.")
    recognition = serializers.ChoiceField(
        choices=[*Recognition.values, "attention"], required=False, allow_blank=True, default="",
        help_text="A recognition status, or `attention` for every partner not recognised.")
    ordering = ordering_field(selectors.PARTNER_ORDERING)


class PartnerExportQuery(PartnerQuery):
    file_format = serializers.ChoiceField(choices=list(CONTENT_TYPES), default="csv")
    id = selected_ids("partners")


def _filters(query: dict) -> dict:
    return {"query": query["q"], "country": query["country"], "recognition": query["recognition"],
            "ordering": query["ordering"]}


class PartnerListApi(RowListApi):
    """Partners sorted by name in the request's language, unless `ordering` says otherwise."""

    permission_classes = [OfficePermission]
    parser_classes = [JSONParser]  # the body gives texts by language
    required_actions = READ_OR_MANAGE
    serializer_class = PartnerOutput

    def get_queryset(self):
        return selectors.partner_ids(self.request.user, **_filters(query_values(PartnerQuery, self.request)))

    def rows(self, page) -> list[dict]:
        return selectors.partner_rows(page)

    @extend_schema(parameters=[PartnerQuery])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=PartnerInput, responses={201: PartnerDetailOutput})
    def post(self, request):
        arguments = PartnerInput.arguments(self.input(PartnerInput))
        arguments.pop("translations_checked")  # a new partner's texts are all new
        partner = services.partner_create(acting_user=request.user, **{**arguments, "names": arguments["names"] or {}})
        return self.created(selectors.partner_detail_for_user(request.user, partner.pk), PartnerDetailOutput)


class PartnerDetailApi(ServiceApi):
    permission_classes = [OfficePermission]
    parser_classes = [JSONParser]  # the body gives texts by language
    required_actions = READ_OR_MANAGE
    serializer_class = PartnerDetailOutput

    def get(self, request, partner_id: int):
        return Response(PartnerDetailOutput(selectors.partner_detail_for_user(request.user, partner_id)).data)

    @extend_schema(request=PartnerInput, responses=PartnerDetailOutput)
    def patch(self, request, partner_id: int):
        partner = selectors.partner_get_for_user(request.user, partner_id)
        services.partner_update(partner=partner, acting_user=request.user,
                                **PartnerInput.arguments(self.input(PartnerInput, partial=True)))
        return self.get(request, partner_id)

    @extend_schema(responses={204: None})
    def delete(self, request, partner_id: int):
        services.partner_delete(partner=selectors.partner_get_for_user(request.user, partner_id),
                                acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PartnerPartApi(ServiceApi):
    """Base of the APIs of what belongs to one partner; fetched through the partner, so other ids are 404."""

    permission_classes = [OfficePermission]
    required_actions = READ_OR_MANAGE
    pagination_class = None

    def partner(self, partner_id):
        return selectors.partner_get_for_user(self.request.user, partner_id)


class PartnerUnitListApi(PartnerPartApi):
    serializer_class = PartnerUnitOutput

    @extend_schema(responses=PartnerUnitOutput(many=True))
    def get(self, request, partner_id: int):
        return Response(PartnerUnitOutput(self.partner(partner_id).units.all(), many=True).data)

    @extend_schema(request=NamesInput, responses={201: PartnerUnitOutput})
    def post(self, request, partner_id: int):
        partner = self.partner(partner_id)  # another office's id is 404 whatever the body says
        names = NamesInput.names(self.input(NamesInput)) or {}
        return self.created(services.partner_unit_create(partner=partner, names=names, acting_user=request.user),
                            PartnerUnitOutput)


class PartnerUnitDetailApi(PartnerPartApi):
    serializer_class = PartnerUnitOutput

    @extend_schema(request=NamesInput, responses=PartnerUnitOutput)
    def patch(self, request, partner_id: int, unit_id: int):
        unit = selectors.partner_unit_get(self.partner(partner_id), unit_id)
        names = NamesInput.names(self.input(NamesInput, partial=True)) or {}
        unit = services.partner_unit_update(unit=unit, names=names, acting_user=request.user)
        return self.output(unit, PartnerUnitOutput)

    @extend_schema(responses={204: None})
    def delete(self, request, partner_id: int, unit_id: int):
        unit = selectors.partner_unit_get(self.partner(partner_id), unit_id)
        services.partner_unit_delete(unit=unit, acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PartnerContactListApi(PartnerPartApi):
    serializer_class = ContactOutput
    parser_classes = [JSONParser]  # the body gives the position by language

    @extend_schema(responses=ContactOutput(many=True))
    def get(self, request, partner_id: int):
        return Response(ContactOutput(self.partner(partner_id).contacts.all(), many=True).data)

    @extend_schema(request=ContactInput, responses={201: ContactOutput})
    def post(self, request, partner_id: int):
        partner = self.partner(partner_id)
        contact = services.partner_contact_create(partner=partner, acting_user=request.user,
                                                  **self.input(ContactInput))
        return self.created(contact, ContactOutput)


class PartnerContactDetailApi(PartnerPartApi):
    serializer_class = ContactOutput
    parser_classes = [JSONParser]  # the body gives the position by language

    @extend_schema(request=ContactInput, responses=ContactOutput)
    def patch(self, request, partner_id: int, contact_id: int):
        contact = selectors.partner_contact_get(self.partner(partner_id), contact_id)
        contact = services.partner_contact_update(contact=contact, acting_user=request.user,
                                                  **self.input(ContactInput, partial=True))
        return self.output(contact, ContactOutput)

    @extend_schema(responses={204: None})
    def delete(self, request, partner_id: int, contact_id: int):
        contact = selectors.partner_contact_get(self.partner(partner_id), contact_id)
        services.partner_contact_delete(contact=contact, acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RankingListApi(PartnerPartApi):
    serializer_class = RankingSerializer

    @extend_schema(responses=RankingSerializer(many=True))
    def get(self, request, partner_id: int):
        return Response(RankingSerializer(self.partner(partner_id).rankings.all(), many=True).data)

    @extend_schema(
        request=RankingSerializer, description="Adds the entry; one the partner already has for that ranking and "
                                               "year is refused (400): change it with PATCH.",
        responses={201: RankingSerializer},
    )
    def post(self, request, partner_id: int):
        partner = self.partner(partner_id)
        entry, _created = services.ranking_save(partner=partner, acting_user=request.user,
                                                **RankingSerializer.values(self.input(RankingSerializer)))
        return self.created(entry, RankingSerializer)


class RankingDetailApi(PartnerPartApi):
    serializer_class = RankingSerializer

    @extend_schema(request=RankingSerializer, responses=RankingSerializer)
    def patch(self, request, partner_id: int, entry_id: int):
        entry = selectors.ranking_get(self.partner(partner_id), entry_id)
        entry = services.ranking_update(entry=entry, acting_user=request.user,
                                        **self.input(RankingSerializer, partial=True))
        return self.output(entry, RankingSerializer)

    @extend_schema(responses={204: None})
    def delete(self, request, partner_id: int, entry_id: int):
        services.ranking_delete(entry=selectors.ranking_get(self.partner(partner_id), entry_id),
                                acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecognitionCheckListApi(PartnerPartApi):
    """YÖK recognition checks, newest first; recording one sets the partner's recognition."""

    serializer_class = RecognitionCheckOutput
    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "RecognitionCheckInput"

        status = serializers.ChoiceField(choices=CHECK_RESULTS)
        checked_on = serializers.DateField()
        method = serializers.ChoiceField(choices=RecognitionCheck.Method.choices)
        reference = serializers.CharField(max_length=255, required=False, allow_blank=True,
                                          help_text="The number of YÖK's letter (required for that method).")
        evidence = serializers.FileField(required=False, help_text="PDF, PNG or JPEG, up to 10 MB.")

    @extend_schema(responses=RecognitionCheckOutput(many=True))
    def get(self, request, partner_id: int):
        checks = self.partner(partner_id).recognition_checks.select_related("checked_by")
        return Response(RecognitionCheckOutput(checks, many=True).data)

    @extend_schema(request={"multipart/form-data": InputSerializer}, responses={201: RecognitionCheckOutput})
    def post(self, request, partner_id: int):
        partner = self.partner(partner_id)
        check = services.recognition_check_record(partner=partner, acting_user=request.user, **self.input())
        return self.created(check, RecognitionCheckOutput)


class RecognitionEvidenceApi(PartnerPartApi):
    @extend_schema(responses={(200, uploads.CONTENT_TYPES[kind]): OpenApiTypes.BINARY
                              for kind in sorted(services.EVIDENCE_KINDS)})
    def get(self, request, partner_id: int, check_id: int):
        check = selectors.recognition_check_get(self.partner(partner_id), check_id)
        if not check.evidence:
            raise Http404
        return stored_file_response(check.evidence)


class TableUploadInput(serializers.Serializer):
    file = serializers.FileField(help_text="A CSV (UTF-8) or XLSX table whose first row names the columns.")


class ImportResultOutput(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()


IMPORT_REFUSED = OpenApiResponse(
    description="Nothing was imported. `error.fields.rows` lists each problem as {line, column, message}."
)


class TableImportApi(ServiceApi):
    """POST a table: all rows are imported (200, with counts) or none (400, with every row's problems)."""

    permission_classes = [OfficePermission]
    required_action = Action.IMPORT_DATA
    parser_classes = [MultiPartParser]
    serializer_class = TableUploadInput
    run = None  # the import service, set where the view is mounted

    @extend_schema(request={"multipart/form-data": TableUploadInput},
                   responses={200: ImportResultOutput, 400: IMPORT_REFUSED})
    def post(self, request):
        result = self.run(upload=self.input(TableUploadInput)["file"], acting_user=request.user)
        return self.output(result, ImportResultOutput)


class PartnerImportApi(TableImportApi):
    """Partners: columns name_tr, name_ky, name_ru, name_en, short_name, country, city_tr, city_ky, city_ru, city_en,
    website, erasmus_code, pic, oid, schac, ror, notes. A known Erasmus code or PIC updates that partner."""

    run = staticmethod(services.partners_import)


class RankingImportApi(TableImportApi):
    """Ranking entries: columns partner (Erasmus code, PIC, ROR id or exact name), system, year, rank or band."""

    run = staticmethod(services.rankings_import)


class PartnerExportApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_PARTNERS

    @extend_schema(
        parameters=[PartnerExportQuery],
        responses={(200, content_type): OpenApiTypes.BINARY for content_type in CONTENT_TYPES.values()},
    )
    def get(self, request):
        query = query_values(PartnerExportQuery, request)
        file_format = query["file_format"]
        partners = selectors.partner_list(request.user, selected=query["id"], **_filters(query))
        response = HttpResponse(selectors.partner_table(partners, file_format), content_type=CONTENT_TYPES[file_format])
        response["Content-Disposition"] = (
            f'attachment; filename="partners-{timezone.localdate().isoformat()}.{file_format}"')
        return response


class InfoNoteCreateApi(ServiceApi):
    """Generate the partner's information note (seed 000 7.4), in the university's language or the one asked."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_PARTNERS

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "InfoNoteInput"

        language = serializers.ChoiceField(choices=settings.LANGUAGE_CODES, required=False)

    serializer_class = InputSerializer

    @extend_schema(request=InputSerializer, responses={201: DocumentOutput})
    def post(self, request, partner_id: int):
        partner = selectors.partner_get_for_user(request.user, partner_id)
        document = info_note_generate(partner=partner, language=self.input().get("language"),
                                      acting_user=request.user)
        return self.created(document, DocumentOutput)
