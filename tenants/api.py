"""GET /api/university/: the public profile of the university whose host this is.

It reads the tenant the middleware resolved (request.tenant), never the public
schema's tables, so the answer costs no query beyond authentication.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from tenants.serializers import UniversityProfileOutput, university_profile


class UniversityProfileApi(APIView):
    """The current university's profile; any signed-in member may read it."""

    @extend_schema(responses=UniversityProfileOutput)
    def get(self, request):
        return Response(university_profile(request.tenant))
