"""Which départements make each région (2016 map), to tell when a file covers a région or France.

A reference list, not data that changes with the hub: the COG loaded by `territory` holds only
the départements around the territory, not every région's."""

REGION_DEPARTEMENTS: dict[str, tuple[str, ...]] = {
    "01": ("971",),
    "02": ("972",),
    "03": ("973",),
    "04": ("974",),
    "06": ("976",),
    "11": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "24": ("18", "28", "36", "37", "41", "45"),
    "27": ("21", "25", "39", "58", "70", "71", "89", "90"),
    "28": ("14", "27", "50", "61", "76"),
    "32": ("02", "59", "60", "62", "80"),
    "44": ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
    "52": ("44", "49", "53", "72", "85"),
    "53": ("22", "29", "35", "56"),
    "75": ("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"),
    "76": ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
    "84": ("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"),
    "93": ("04", "05", "06", "13", "83", "84"),
    "94": ("2A", "2B"),
}
ALL_DEPARTEMENTS = frozenset(d for ds in REGION_DEPARTEMENTS.values() for d in ds)


def covers_region(region: str, present: set[str]) -> bool:
    return region in REGION_DEPARTEMENTS and set(REGION_DEPARTEMENTS[region]) <= present


def covers_france(present: set[str]) -> bool:
    return present >= ALL_DEPARTEMENTS
