# Kyrgyz writes a decimal comma (13,3 КБ) and groups thousands with a space, as Russian does; Django's "ky" has a
# decimal point.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
