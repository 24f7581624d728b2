"""Köprü's own date and number formats where Django's default for a language does not suit an office
(FORMAT_MODULE_PATH); whatever a module leaves out comes from Django's formats for that language."""
