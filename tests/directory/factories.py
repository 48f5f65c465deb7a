"""Directory records for tests: legal units and establishments in their business states.

`EstablishmentFactory(association=True, member=True, located=True, commune=redon)`; the legal
unit comes along (one per establishment unless given). `naf_section` follows `naf_code`.
"""

import factory

from maillage.directory.enums import EssFamily, Visibility
from maillage.directory.models import Establishment, LegalUnit, Theme
from maillage.directory.nomenclatures import naf_section
from maillage.territory.models import Commune, Departement, Epci, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "53"
    name = "Bretagne"


class DepartementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departement
        django_get_or_create = ("code",)

    code = "35"
    name = "Ille-et-Vilaine"
    region = factory.SubFactory(RegionFactory)


class EpciFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Epci
        django_get_or_create = ("code",)

    code = "243500741"
    name = "Redon Agglomération"


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"35{n % 1000:03d}")
    name = factory.Sequence(lambda n: f"Commune {n}")
    departement = factory.SubFactory(DepartementFactory)
    population = 1000


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class LegalUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalUnit

    siren = factory.Sequence(lambda n: f"{900000000 + n:09d}")
    name = factory.Sequence(lambda n: f"Association de test {n}")
    legal_category = "9220"
    ess_family = EssFamily.ASSOCIATION
    naf_code = "88.99B"

    class Params:
        association = factory.Trait(ess_family=EssFamily.ASSOCIATION, legal_category="9220")
        cooperative = factory.Trait(ess_family=EssFamily.COOPERATIVE, legal_category="5560")
        mutuelle = factory.Trait(ess_family=EssFamily.MUTUELLE, legal_category="8210")
        fondation = factory.Trait(ess_family=EssFamily.FONDATION, legal_category="9300")
        commercial = factory.Trait(
            ess_family=EssFamily.COMMERCIAL, legal_category="5710", ess_flag="O"
        )
        not_ess = factory.Trait(ess_family="", legal_category="5710")
        member = factory.Trait(is_hub_member=True)


class EstablishmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Establishment
        skip_postgeneration_save = True

    class Params:
        nic = factory.Sequence(lambda n: f"{n % 100000:05d}")
        association = factory.Trait(legal_unit__association=True)
        cooperative = factory.Trait(legal_unit__cooperative=True)
        mutuelle = factory.Trait(legal_unit__mutuelle=True)
        fondation = factory.Trait(legal_unit__fondation=True)
        commercial = factory.Trait(legal_unit__commercial=True)
        not_ess = factory.Trait(legal_unit__not_ess=True)
        member = factory.Trait(legal_unit__member=True)
        hidden = factory.Trait(visibility=Visibility.HIDDEN)
        closed = factory.Trait(is_open=False)
        located = factory.Trait(longitude=-2.0852, latitude=47.6517)
        public_contacts = factory.Trait(
            contacts_public=True, email="contact@exemple.invalid", phone="02 99 00 00 00"
        )

    legal_unit = factory.SubFactory(LegalUnitFactory)
    siret = factory.LazyAttribute(lambda o: f"{o.legal_unit.siren}{o.nic}")
    name = ""
    sign = ""
    naf_code = "88.99B"
    naf_section = factory.LazyAttribute(lambda o: naf_section(o.naf_code))
    employee_bracket = "11"
    commune = None
    city_name = factory.LazyAttribute(lambda o: o.commune.name.upper() if o.commune else "")
    commune_code = factory.LazyAttribute(lambda o: o.commune.code if o.commune else "")

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()  # search_text includes theme names
