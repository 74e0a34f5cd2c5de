"""The one error type of the pricing core: a bad input, named by field, value and rule."""

from __future__ import annotations


class InputError(ValueError):
    """A value the estimator refuses.

    ``field`` is a dotted path such as ``rooms[0].groups[1].count``; ``value`` is what was given;
    ``rule`` says what it must be, in plain English (the window translates the field, not the rule).
    ``code`` is a stable identifier for tests and translations, ``limit`` the bound that was broken.
    """

    def __init__(
        self,
        field: str,
        value: object,
        rule: str,
        *,
        code: str = "invalid",
        limit: object | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.rule = rule
        self.code = code
        self.limit = limit
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.value is None:  # nothing was given: "file cannot be read", "tiers is missing"
            return f"{self.field} {self.rule}"
        return f"{self.field}: {_show(self.value)} {self.rule}"

    def within(self, prefix: str) -> InputError:
        """The same error with its field placed under ``prefix`` (``rooms[0]`` + ``count``)."""
        if not prefix:
            return self
        field = f"{prefix}{self.field}" if self.field.startswith("[") else f"{prefix}.{self.field}"
        if not self.field:
            field = prefix
        return InputError(field, self.value, self.rule, code=self.code, limit=self.limit)


class Verbatim:
    """A value named as it stands in the file (``null``, ``a list``), not quoted as text."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _show(value: object) -> str:
    if isinstance(value, Verbatim):
        return value.text
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    if value is None:
        return "(missing)"
    text = repr(value) if not hasattr(value, "as_tuple") else format(value, "f")
    return text if len(text) <= 60 else text[:57] + "..."
