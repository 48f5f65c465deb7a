"""Path converters for the URLs of every app (registered by CoreConfig.ready)."""

# The largest value a 64-bit integer column holds (BigAutoField, PostgreSQL bigint, SQLite).
LARGEST_ID = 2**63 - 1


class IdConverter:
    """`<id:pk>`: a database id. A number no id column can hold is no page (a 404), rather than
    a query the database refuses (SQLite raised OverflowError for 10**23: a 500)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > LARGEST_ID:
            raise ValueError("no id is this large")  # the resolver then matches nothing
        return number

    def to_url(self, value: int) -> str:
        return str(value)
