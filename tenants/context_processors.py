def university(request):
    """The university whose host this is (None on the root domain)."""
    tenant = getattr(request, "tenant", None)
    if tenant is None or tenant.is_public:
        return {"university": None}
    return {"university": tenant}
